"""Notification titles in the UI language.

Gradio 6's toast ignores the `title` given to `gr.Error`/`gr.Warning`/`gr.Info` and shows its
level, capitalised, in English ("Error", "Warning", "Info"). The page's `lang` attribute
follows the UI language (`SET_PAGE_LANGUAGE`), and one CSS rule per language and level puts
the phrase from prompts/packs/<lang>/i18n/ui.json (`notify.*`) in place of Gradio's word.
"""

from __future__ import annotations

from ..prompts import PromptLibrary
from ..settings import LANGUAGES

LEVELS = ("error", "warning", "info")
# Runs in the browser after the UI language is set: screen readers and CSS see it too.
SET_PAGE_LANGUAGE = "(code) => { document.documentElement.lang = code || 'en'; return []; }"


def titles_style(prompts: PromptLibrary) -> str:
    """A `<style>` block that writes each toast's title in the page's language."""
    rules = [".toast-title > * { font-size: var(--text-lg); }"]
    for lang in LANGUAGES:
        titles = prompts.phrases("ui", lang)["notify"]
        for level in LEVELS:
            title = f"html:lang({lang}) .toast-title.{level}"
            rules.append(f"{title} {{ font-size: 0 !important; }}")
            rules.append(f"{title}::before {{ content: {css_string(titles[level])}; "
                         "font-size: var(--text-lg); margin-right: 0.3em; }")
    return "<style>" + "\n".join(rules) + "</style>"


def css_string(text: str) -> str:
    r"""A CSS string literal for any text (non-ASCII and quotes escaped).

    >>> css_string("C'est fait")
    '"C\\000027est fait"'
    >>> css_string("Hecho")
    '"Hecho"'
    """
    return '"' + "".join(ch if ch.isascii() and ch.isalnum() or ch in " .,:!-" else
                         f"\\{ord(ch):06x}" for ch in text) + '"'
