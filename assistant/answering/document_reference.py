"""Whether a question refers to the user's own document ("the file I sent you", "el documento
que te pasé", "il file che ti ho caricato"), learned from example phrases per language
(packs/<lang>/lexicon/document_references.json) over the shipped embedding model, beside the cue
words of questions.names_a_document (a feature, never the only way in).

A whole question's embedding is mostly its topic, so its short spans (four and six words) are
compared with the examples: a span is a reference when it lies close to an example of one's
own document and clearly closer to it than to every example that is not one ("the Spanish
article", "send a file to my customers"). The threshold and margin were set on
tests/eval/answers_dev8.jsonl and hand-written spans (0.78-1.0 for references, under 0.6 for
the rest)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..example_bank import Embed, ExampleBank
from ..lexicon import lexicon

TOKEN = re.compile(r"[\w'’-]+")
SPANS = (4, 6)  # words per span compared with the examples


@dataclass(frozen=True)
class ReferenceWeights:
    """How close a span must come to call it a reference to one's own document."""

    threshold: float = 0.75
    margin: float = 0.15  # nearer an own-document example than any other, by this much


def spans(question: str, sizes: tuple[int, ...] = SPANS) -> list[str]:
    """The question's runs of `sizes` words (the whole question when shorter).

    >>> spans("From the file I sent you", (4,))
    ['From the file I', 'the file I sent', 'file I sent you']
    >>> spans("Hi there", (4,))
    ['Hi there']
    """
    tokens = TOKEN.findall(question)
    out = [" ".join(tokens[i:i + n]) for n in sizes for i in range(max(len(tokens) - n + 1, 1))]
    return list(dict.fromkeys(t for t in out if t))


class DocumentReference:
    """Example phrases of a reference to one's own document, and of what is not one."""

    def __init__(self, embed: Embed, weights: ReferenceWeights | None = None) -> None:
        self.weights = weights or ReferenceWeights()
        self._bank = ExampleBank(embed, [(label, text) for by_label in
                                         lexicon("document_references").values()
                                         for label, texts in by_label.items() for text in texts])

    def reference(self, question: str) -> str:
        """The words of the question that refer to the user's own document ("" when none)."""
        found = spans(question)
        if not found:
            return ""
        sims = self._bank.similarities(self._bank.vectors(found))
        mine = self._bank.of("mine")
        own = sims[:, mine].max(axis=1)
        other = sims[:, ~mine].max(axis=1)
        best = int(np.argmax(own))
        w = self.weights
        if own[best] >= w.threshold and own[best] - other[best] >= w.margin:
            return found[best]
        return ""
