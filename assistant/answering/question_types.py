"""What kind of answer a question wants, learned from example questions: each type's example
questions in four languages (packs/<lang>/lexicon/question_examples.json) are embedded once with the
shipped model; a question's score for a type is its mean similarity to that type's two closest
examples, plus a small weight when the type's cue words (questions.py) occur in it. The best
type above a threshold wins; below it the question is "other" (the caller falls back on the
conversation). The weights were set on tests/eval/question_types_dev.jsonl
(benchmarks/question_types.py prints it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..example_bank import Embed, ExampleBank
from ..lexicon import lexicon, words_of
from .questions import asks_for_a_formula, asks_the_cost, question_type
from .statements import says

TYPES = ("definition", "difference", "howto", "formula", "quantity", "list", "cost", "example",
         "other")
ANSWER_KINDS = ("definition", "difference", "howto", "quantity", "list")  # composer's shapes
EXAMPLES = "question_examples"


@dataclass(frozen=True)
class TypeWeights:
    """How the evidence adds up (chosen on the development set, see the module doc)."""

    nearest: int = 2  # examples averaged per type
    same_language: float = 0.03  # an example in the question's language counts a bit more
    cue: float = 0.12  # the type's cue words occur in the question
    threshold: float = 0.5  # below it, no type: "other"


def masker(masked: Callable[..., str]) -> Callable[[str], str]:
    """A concept index's `masked`, keeping the words that ask what something costs ("price"
    names the pricing concept, and asks for a cost)."""
    keep = words_of("cost_words")
    return lambda text: masked(text, keep=keep)


def cued_types(question: str, lang: str) -> set[str]:
    """The types whose cue words occur in a question (a feature, never the decision alone).

    >>> sorted(cued_types("¿Cómo se calcula el ROI?", "es"))
    ['formula', 'howto']
    >>> sorted(cued_types("e quanto costa?", "it"))
    ['cost', 'quantity']
    """
    found = set()
    kind = question_type(question, lang)
    if kind:
        found.add(kind)
    if asks_for_a_formula(question):
        found.add("formula")
    if asks_the_cost(question):
        found.add("cost")
    if says(question, "example_cues"):
        found.add("example")
    return found


class QuestionTyper:
    """Nearest example questions per type, over the shipped embedding model."""

    def __init__(self, embed: Embed, weights: TypeWeights | None = None,
                 examples: dict[str, dict[str, list[str]]] | None = None,
                 mask: Callable[[str], str] | None = None) -> None:
        self.embed = embed
        # What a question is about says nothing of what it asks: concept names are masked
        # (ConceptIndex.masked) in the examples and the questions alike.
        self.mask = mask or (lambda text: text)
        self.weights = weights or TypeWeights()
        data = examples or lexicon(EXAMPLES)
        self._bank = ExampleBank(embed, [((kind, lang), text) for lang, by_kind in data.items()
                                         for kind, texts in by_kind.items() for text in texts],
                                 prepare=self.mask)

    def scores(self, question: str, lang: str) -> dict[str, float]:
        """Each type's score for a question (similarity to its nearest examples + cues)."""
        w = self.weights
        sims = self._bank.similarities(self._bank.vectors([question]))[0]
        by_kind: dict[str, list[float]] = {kind: [] for kind in TYPES}
        for (kind, example_lang), sim in zip(self._bank.labels, sims, strict=True):  # type: ignore[misc]
            by_kind.setdefault(kind, []).append(
                float(sim) + (w.same_language if example_lang == lang else 0.0))
        cued = cued_types(question, lang)
        return {kind: (float(np.mean(sorted(values, reverse=True)[: w.nearest])) if values
                       else 0.0) + (w.cue if kind in cued else 0.0)
                for kind, values in by_kind.items()}

    def classify(self, question: str, lang: str) -> str:
        """The question's type, one of TYPES ("other" when nothing is close enough)."""
        scores = self.scores(question, lang)
        best = max(scores, key=scores.__getitem__)
        return best if scores[best] >= self.weights.threshold else "other"

