"""What every tab shares: the facade, the UI texts, the language and the user's identity."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Any

import gradio as gr

from ..errors import EstrategaError
from ..facade import Assistant
from ..messages import describe
from .i18n import UiText, ui_lang

log = logging.getLogger("estratega.ui")


@dataclass
class UiContext:
    """Shared by the tabs. Per-user values live only in `lang` and `owner` (Gradio state)."""

    assistant: Assistant
    text: UiText
    lang: gr.Dropdown
    owner: gr.BrowserState

    def error(self, err: BaseException, lang: str | None) -> gr.Error:
        """A `gr.Error` in the user's language; unexpected errors are logged, not shown."""
        if not isinstance(err, EstrategaError):
            log.exception("unexpected error in a UI callback", exc_info=err)
        return gr.Error(describe(err, ui_lang(lang), self.assistant.prompts), print_exception=False)


def owner_id(owner: Any, request: gr.Request | None = None) -> str:
    """The user's id: the login name with auth on, else the per-browser id (or the session).

    The browser id is created on page load; API clients that never loaded the page fall back
    to their Gradio session, so nobody ever shares an identity.
    """
    if request is not None and getattr(request, "username", None):
        return f"user:{request.username}"
    if isinstance(owner, str) and owner:
        return owner
    session = getattr(request, "session_hash", None) if request is not None else None
    return f"session:{session}" if session else f"anon:{uuid.uuid4().hex}"


def new_browser_id() -> str:
    """A fresh, unguessable per-browser id."""
    return f"browser:{uuid.uuid4().hex}"
