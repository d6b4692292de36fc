"""What a grounded answer is made of: text, language, citations, and who composed it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

from ..documents import Hit


@dataclass(frozen=True)
class Citation:
    """A numbered marker in the answer and the passage it points at."""

    marker: int
    chunk_id: str
    source_id: str
    title: str
    kind: str
    language: str
    passage: str
    consulted: bool = False  # given to the model, which cited none of its passages

    @classmethod
    def from_hit(cls, marker: int, hit: Hit, consulted: bool = False) -> Citation:
        """The citation of a retrieved passage under a marker."""
        return cls(marker, hit.chunk_id, hit.source_id, hit.title, hit.kind, hit.language,
                   hit.text, consulted)


@dataclass
class Answer:
    """A complete answer."""

    text: str
    language: str
    composer: str
    citations: list[Citation] = field(default_factory=list)
    notice: str = ""
    conversation_id: str = ""
    grounded: bool = True

    def as_dict(self) -> dict[str, object]:
        """JSON-friendly view (`sources` are the citations)."""
        return {
            "answer": self.text,
            "language": self.language,
            "composer": self.composer,
            "notice": self.notice,
            "conversation_id": self.conversation_id,
            "sources": [asdict(c) for c in self.citations],
        }


@dataclass(frozen=True)
class AnswerEvent:
    """A streamed piece: a text delta, a notice (fallback), or the final answer."""

    type: Literal["delta", "notice", "done"]
    text: str = ""
    answer: Answer | None = None
