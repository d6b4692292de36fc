"""The input both composers share."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...documents import Hit
from ..memory import Turn


@dataclass(frozen=True)
class Passage:
    """A retrieved passage with the number it is cited by."""

    number: int
    hit: Hit


@dataclass(frozen=True)
class ComposeInput:
    """Everything a composer needs; the passages are already filtered for relevance."""

    question: str
    standalone: str
    language: str
    passages: list[Passage]
    history: list[Turn] = field(default_factory=list)
    concept_id: str | None = None
    owner: str | None = None
