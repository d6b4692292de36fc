"""What every tab shares: the facade, the UI texts, the language and the user's identity."""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass, field

import gradio as gr

from ..errors import EstrategaError
from ..facade import Assistant
from ..messages import describe
from .i18n import UiText, ui_lang
from .identity import owner_id
from .upload_ledger import UploadLedger

__all__ = ["UiContext", "owner_id"]

log = logging.getLogger("estratega.ui")


@dataclass
class UiContext:
    """Shared by the tabs. Per-user values live only in `lang` and `owner`; `owner` is
    server-side `gr.State`, so an API client can never pass someone else's id."""

    assistant: Assistant
    text: UiText
    lang: gr.Dropdown
    owner: gr.State
    uploads: UploadLedger = field(default_factory=UploadLedger)  # who uploaded which file

    def error(self, err: BaseException, lang: str | None) -> gr.Error:
        """A `gr.Error` in the user's language; unexpected errors are logged, not shown."""
        if not isinstance(err, EstrategaError):
            log.exception("unexpected error in a UI callback", exc_info=err)
        # Gradio renders toast messages as HTML, and messages may quote what the user typed.
        return gr.Error(self.message(err, lang), print_exception=False,
                        title=self.text(lang, "notify.error"))

    def message(self, err: BaseException, lang: str | None) -> str:
        """The error as one HTML-escaped line in the user's language; server details (where a
        database or store is, why it failed) go to the log only."""
        prompts = self.assistant.prompts
        public = describe(err, ui_lang(lang), prompts, public=True)
        if isinstance(err, EstrategaError) and public != describe(err, ui_lang(lang), prompts):
            log.warning("shown as %r: %s", public, describe(err, "en", prompts))
        return html.escape(public, quote=False)
