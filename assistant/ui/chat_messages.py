"""Chat messages from answers and conversation lines: the answer with who composed it, each
numbered source collapsed under it, an interview's quick replies on its last line."""

from __future__ import annotations

from typing import Any

from ..answering.answers import Answer
from ..conversation import Line
from ..settings import LANGUAGES
from .citations import source_html
from .context import UiContext
from .render import escape, escape_inline, quote

Message = dict[str, Any]


def answer_messages(answer: Answer, lang: str, ctx: UiContext) -> list[Message]:
    """The final answer, who composed it, then one collapsed message per numbered source."""
    t = ctx.text
    # The footer is in the answer's language, so it never switches language under the answer.
    said = answer.language if answer.language in LANGUAGES else lang
    footer = (t(said, "chat.answered_by_grounded") if answer.composer == "grounded"
              else t(said, "chat.answered_by", composer=f"`{escape_inline(answer.composer)}`"))
    body = escape(answer.text)
    if answer.notice:
        # The chain words its notice in the answer's language; the UI's own phrase covers a
        # UI set to another language.
        notice = answer.notice if answer.language == lang else t(lang, "chat.fallback")
        body = f"{quote(notice)}\n\n{body}"
    messages: list[Message] = [{
        "role": "assistant",
        "content": f"{body}\n\n*{footer}*",
    }]
    for citation in answer.citations:
        title = t(lang, "chat.source_title", marker=citation.marker, title=citation.title)
        detail = t(lang, "chat.source_log", language=t.language(lang, citation.language),
                   kind=t.kind(lang, citation.kind))
        messages.append({"role": "assistant", "content": source_html(
            title, citation.passage, detail, citation.language)})
    return messages


def line_messages(lines: list[Line]) -> list[Message]:
    """The conversation's lines as chat messages; only the last one keeps its quick replies."""
    messages: list[Message] = []
    for i, line in enumerate(lines):
        if line.title:
            message: Message = {"role": "assistant", "content": source_html(
                line.title, line.text, lang=getattr(line, "lang", ""))}
        else:
            message = {"role": line.role, "content": escape(line.text)}
        if line.options and i == len(lines) - 1:
            message["options"] = [{"label": label, "value": value}
                                  for label, value in line.options]
        messages.append(message)
    return messages


def without_options(messages: list[Message]) -> list[Message]:
    """The messages without their quick replies (they belong to the last reply only)."""
    return [{k: v for k, v in m.items() if k != "options"} for m in messages]
