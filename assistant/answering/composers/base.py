"""The input both composers share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from ...documents import Hit
from ..constraints import Constraint
from ..memory import Turn


class AdviceJudge(Protocol):
    """Which advice breaks the user's constraints and what keeping to them adds to a sentence's
    score (constraint_reader.ConstraintReader)."""

    def judge(self, constraints: tuple[Constraint, ...], vectors: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray]: ...


@dataclass(frozen=True)
class Passage:
    """A retrieved passage with the number it is cited by."""

    number: int
    hit: Hit


@dataclass(frozen=True)
class ComposeInput:
    """Everything a composer needs; the passages are already filtered for relevance, the
    question's own concepts (`concepts`, in the user's language) first."""

    question: str
    standalone: str
    language: str
    passages: list[Passage]
    history: list[Turn] = field(default_factory=list)
    concepts: tuple[str, ...] = ()
    kind: str | None = None  # definition, difference, howto, quantity, list (questions.py)
    owner: str | None = None
    context: str | None = None  # a follow-up's conversation topic
    # (source id, sentence): an example about a business like the user's, from a concept card
    example: tuple[str, str] | None = None
    # The sources the question names ("the Spanish article"): the answer comes from them.
    named: tuple[str, ...] = ()
    # What the question asks, learned from examples (question_types.py): definition,
    # difference, howto, formula, quantity, list, cost, example or other.
    asked: str | None = None
    # What the user ruled out or aims at ("without paying for ads"): never quoted against.
    constraints: tuple[Constraint, ...] = ()
    # The question without what it rules out ("without paying for ads"): what evidence is
    # compared with, so the ruled-out words do not pull the ruled-out advice up.
    unconstrained: str = ""
    # The cards that fit how the user's business sells ("a plumber": local search), for a
    # how-to question that names no concept: their advice counts as asked for, and leads.
    advice: tuple[str, ...] = ()
    advice_about: str = ""  # how that business sells, in a few words: "a local business"
    guide_type: str | None = None  # the user's kind of business whose guide the evidence pins
    # The question asks about the user's own document ("the file I sent you"), and the words
    # that say so when examples, not cue words, found them (document_reference.py).
    own_document: bool = False
    document_words: str = ""
    # Several uploads fit a question about "the document" nearly alike: their titles, asked
    # about instead of a guess (evidence.py).
    choices: tuple[str, ...] = ()

    @property
    def concept_id(self) -> str | None:
        """The concept the question is mainly about."""
        return self.concepts[0] if self.concepts else None
