"""Advice that breaks what the user ruled out is never quoted, judged by meaning.

A sentence is judged whole by the advice judge (constraint_reader.ConstraintReader: nearest
breaking or fitting example phrasings per language). A list sentence ("the usual tools are
web forms, downloadable content, webinars, sponsored campaigns with a form, fairs and word of
mouth") lies far from every example as a whole, yet one of its items recommends exactly what
the user ruled out. So the items of a list (its pieces between commas, colons, semicolons,
brackets) are judged one by one against short example phrasings of paid means ("sponsored
posts", "campagne sponsorizzate") and of the means that cost nothing to use ("social media",
"passaparola", "taux de clic"), per language (packs/<lang>/lexicon/paid_means.json): an item
nearer a paid means than any free one, above a threshold, breaks "without ads" and "for free".
A sentence that mentions something only to set it aside ("instead of interrupting people with
ads", "contrairement à la publicité", "sin pagar por cada clic") is not cut into items: its
items would lose the negation, which embeddings hardly see anyway."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from ...example_bank import ExampleBank, unit
from ...lexicon import lexicon
from ...packs import words
from ...text import normalize_term
from ..constraints import Constraint
from .base import AdviceJudge

Embed = Callable[[Sequence[str]], np.ndarray]
EXAMPLES = "paid_means"
_SEPARATORS = re.compile(r"\s*[,;:()\[\]«»“”]\s*|\s+[–—]\s+")


@dataclass(frozen=True)
class ItemWeights:
    """When an item of a list breaks, set on the list items of the concept cards and articles:
    paid items lie at 0.6-0.9 from the nearest paid example and 0.25-0.45 further from every
    free one ("le campagne sponsorizzate con modulo integrato" 0.72 / +0.46, "les campagnes
    publicitaires avec formulaire intégré" 0.62 / +0.29); free ones ("social media",
    "taux de clic", "patrocinios o colaboraciones") lie within 0.1 of a free example."""

    threshold: float = 0.6  # an item this close to a paid means ...
    margin: float = 0.2  # ... and nearer it than any free means by this much breaks
    min_items: int = 3  # a list: at least this many pieces
    min_words: int = 2  # "per esempio", "et" alone say nothing worth judging
    max_items: int = 12  # a longer run is prose, not a list of options


def pieces(sentence: str, weights: ItemWeights = ItemWeights()) -> list[str]:
    """A list sentence's items (pieces between punctuation of at least two words); none when
    the sentence is not a list.

    >>> pieces("Common sources are web forms, downloadable guides, ad campaigns, live events.")
    ['Common sources are web forms', 'downloadable guides', 'ad campaigns', 'live events.']
    >>> pieces("Results take months to build, but they last.")
    []
    """
    parts = [p.strip() for p in _SEPARATORS.split(sentence) if p and p.strip()]
    if len(parts) < weights.min_items:
        return []
    return [p for p in parts if len(p.split()) >= weights.min_words][: weights.max_items]


def sets_aside(text: str) -> bool:
    """Whether a text mentions something only to rule it out or set it aside.

    >>> sets_aside("Instead of interrupting people with ads, you answer their questions.")
    True
    >>> sets_aside("contrairement à la publicité.")
    True
    >>> sets_aside("le campagne sponsorizzate con modulo integrato")
    False
    """
    key = f" {normalize_term(text)} "
    return any(f" {w} " in key for w in _setting_aside())


@cache
def _setting_aside() -> tuple[str, ...]:
    found = [normalize_term(w) for w in (*words("privatives"), *words("instead_of"))]
    return tuple(w for w in dict.fromkeys(found) if w)


class ListedAdvice:
    """Which items of a list sentence recommend a paid means, by nearest example phrasing."""

    def __init__(self, embed: Embed, weights: ItemWeights | None = None,
                 examples: dict[str, dict[str, list[str]]] | None = None) -> None:
        self.embed = embed
        self.weights = weights or ItemWeights()
        data = examples or lexicon(EXAMPLES)
        self.kinds = frozenset(k for spec in data.values() for k in spec["kinds"])
        # Short phrasings of paid means ("breaks") and free ones ("keeps"), every language.
        self._banks = {part: ExampleBank(embed, [(part, t) for spec in data.values()
                                                 for t in spec[part]])
                       for part in ("breaks", "keeps")}

    def applies(self, constraints: tuple[Constraint, ...]) -> bool:
        """Whether one of the constraints rules out paying ("without ads", "for free")."""
        return any(c.kind in self.kinds for c in constraints)

    def breaking(self, texts: list[str]) -> list[bool]:
        """For each sentence: whether one item of it (a list) recommends a paid means."""
        owners: list[int] = []
        items: list[str] = []
        for i, text in enumerate(texts):
            if not sets_aside(text):
                listed = pieces(text, self.weights)
                owners += [i] * len(listed)
                items += listed
        out = [False] * len(texts)
        if not items:
            return out
        rows = unit(self.embed(items))
        paid = self._banks["breaks"].similarities(rows).max(axis=1)
        free = self._banks["keeps"].similarities(rows).max(axis=1)
        w = self.weights
        for owner, p, f in zip(owners, paid, free, strict=True):
            out[owner] |= bool(p >= w.threshold and p > f + w.margin)
        return out


def within_constraints(judge: AdviceJudge | None, listed: ListedAdvice | None,
                       constraints: tuple[Constraint, ...], texts: list[str],
                       vectors: np.ndarray) -> tuple[list[int], np.ndarray]:
    """Which sentences (`texts`, their `vectors` one row each) keep to the constraints, by
    index, and what keeping to them adds to each kept one's score (the judge's fit bonus)."""
    if not constraints or judge is None or not texts:
        return list(range(len(texts))), np.zeros(len(texts), dtype=np.float32)
    broken, bonus = judge.judge(constraints, vectors)
    if listed is not None and listed.applies(constraints):
        rest = [i for i in range(len(texts)) if not broken[i]]
        for i, flag in zip(rest, listed.breaking([texts[i] for i in rest]), strict=True):
            broken[i] |= flag
    keep = [i for i in range(len(texts)) if not broken[i]]
    return keep, bonus[keep]
