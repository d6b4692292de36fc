"""Labels and fixed texts of the web app: each language pack's `i18n/ui.json`."""

from __future__ import annotations

from typing import Any

from ..packs import native_names
from ..prompts import PromptLibrary
from ..settings import LANGUAGES

# Each language named in itself, so a user can always find their own in the selector.
LANGUAGE_CHOICES = [(name, code) for code, name in native_names().items()]
DEFAULT_LANG = "en"


class UiText:
    """Looks up UI phrases by dotted key in one language."""

    def __init__(self, prompts: PromptLibrary) -> None:
        self.prompts = prompts

    def __call__(self, lang: str | None, key: str, **variables: Any) -> Any:
        """The phrase `key` in `lang` (English when the language is unknown)."""
        return self.prompts.phrase("ui", ui_lang(lang), key, **variables)

    def language(self, lang: str | None, code: str) -> str:
        """The name of language `code`, written in the UI language."""
        return self(lang, f"languages.{code}") if code in LANGUAGES else code

    def kind(self, lang: str | None, kind: str) -> str:
        """The name of a source kind (article, concept, playbook, upload) in the UI language."""
        names = self.prompts.phrases("ui", ui_lang(lang)).get("kinds", {})
        return names.get(kind, kind)


def ui_lang(value: str | None) -> str:
    """A supported UI language from a code or a browser locale.

    >>> ui_lang("fr-CA"), ui_lang("it"), ui_lang("de-DE"), ui_lang(None)
    ('fr', 'it', 'en', 'en')
    """
    code = (value or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else DEFAULT_LANG


def saved_date(timestamp: float, lang: str) -> str:
    """When a piece of saved work last changed, as its language writes a date.

    >>> saved_date(1796515200, "it"), saved_date(1796515200, "es"), saved_date(0, "en")
    ('6 dic 2026', '6 dic 2026', '')
    """
    if not timestamp:
        return ""
    from datetime import UTC, datetime

    from babel.dates import format_date

    return format_date(datetime.fromtimestamp(timestamp, UTC).date(), "medium",
                       locale=ui_lang(lang))
