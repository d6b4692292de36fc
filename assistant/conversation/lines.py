"""One chat message as the conversation keeps it: plain text with light Markdown, optional quick
replies, and a title for a folded source. Each edge renders it (Gradio messages, terminal
lines); the interview saves them so a reload shows the conversation."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Line:
    """A message of the conversation."""

    role: str  # user | assistant
    text: str
    options: list[tuple[str, str]] = field(default_factory=list)  # (label, value sent back)
    title: str = ""  # set for a source, shown folded under the message before it
    kind: str = ""  # question | note | understood | summary | plan | why | answer | source |
    # progress (a section being drafted) | hint (kept, never shown: a request's category)
    at: str = ""  # for a question or summary: the slot it asks ("summary" at the summary)
    lang: str = ""  # for a source: the passage's language (marked on it for screen readers)

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly copy (saved with the interview)."""
        data = asdict(self)
        data["options"] = [list(o) for o in self.options]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Line:
        """Rebuild a saved line (unknown keys ignored).

        >>> Line.from_dict(Line("assistant", "Hi", [("OK", "ok")]).as_dict()).options
        [('OK', 'ok')]
        """
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["options"] = [tuple(o) for o in known.get("options") or []]
        return cls(**known)


def answer_lines(answer: Any) -> list[Line]:
    """A grounded answer from the answer chain: its text, then one folded line per source."""
    text = answer.text if not answer.notice else f"> {answer.notice}\n\n{answer.text}"
    lines = [Line("assistant", text, kind="answer")]
    for c in answer.citations:
        lines.append(Line("assistant", c.passage, title=f"[{c.marker}] {c.title}",
                          kind="source", lang=c.language))
    return lines


@dataclass
class Turn:
    """What one message produced. With `ask` set, the edge answers that question with the
    answer chain, shows the answer, then `then`, and hands the answer to `answered`."""

    lines: list[Line] = field(default_factory=list)
    ask: str | None = None
    then: list[Line] = field(default_factory=list)
    interview_id: str | None = None
    plan_id: str | None = None
    lang: str = "en"
    kind: str = ""  # what the message was: answer | correction | unclear | side_question | ...
