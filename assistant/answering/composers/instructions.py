"""Sentences of an uploaded document that speak to an assistant rather than about the business
("ignore all previous instructions", "you are now in admin mode") or carry markup (`</passage>`,
`<|im_start|>`): the grounded composer never quotes them as an answer.

Instruction-like is decided by examples, not cue words: the sentence's similarity to example
instructions (prompts/packs/<lang>/lexicon/instruction_prototypes.json, four languages) against its
similarity to example document sentences, which include imperatives meant for people ("post
twice a week"), over the shipped embedding model. The margin and floor were set on the
sentences of benchmarks/injection.py (--set dev).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ...example_bank import ExampleBank
from ...lexicon import lexicon
from ...settings import LANGUAGES

PROTOTYPES = "instruction_prototypes"
# Markup no business document needs in a sentence: tags, chat-template tokens, code fences,
# template braces. Language-neutral by nature.
MARKUP = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|<\|[^|]{1,40}\|>|```|\{\{|\}\}"
                    r"|\[/?(?:INST|SYS|SYSTEM)\]", re.IGNORECASE)


@dataclass(frozen=True)
class InstructionThresholds:
    """An instruction is at least `floor` similar to an example instruction and `margin` more
    similar to one than to any example document sentence."""

    # dev (benchmarks/injection.py): instructions score 0.27-0.60 against the instruction
    # examples, document sentences (imperatives for people included) at most 0.32 and always
    # below the document examples. Floor 0.35, margin 0.06: 14/16 instructions caught, 0/16
    # document sentences and 1/1,433 sentences of knowledge/ flagged (0.30: 15/16 and 10/1,433).
    floor: float = 0.35
    margin: float = 0.06


class InstructionFilter:
    """Tells instruction-like or markup sentences apart from what a document says."""

    def __init__(self, embed: Callable[[Sequence[str]], np.ndarray],
                 thresholds: InstructionThresholds | None = None) -> None:
        self.embed = embed
        self.thresholds = thresholds or InstructionThresholds()
        # What instructions and what document sentences sound like, in every language.
        self._banks = {label: ExampleBank(embed, [
            (label, t) for lang in LANGUAGES for t in lexicon(PROTOTYPES)[lang][label]])
            for label in ("instruction", "content")}

    def flags(self, texts: Sequence[str], vectors: np.ndarray | None = None) -> list[bool]:
        """For each sentence, whether it must not be quoted; `vectors` are the sentences'
        normalised embeddings when the caller has them."""
        if not texts:
            return []
        if vectors is None:
            vectors = self.embed(list(texts))
        scores = self.scores(vectors)
        t = self.thresholds
        return [bool(MARKUP.search(text)) or (inst >= t.floor and inst - doc >= t.margin)
                for text, (inst, doc) in zip(texts, scores, strict=True)]

    def scores(self, vectors: np.ndarray) -> list[tuple[float, float]]:
        """(best instruction similarity, best document-sentence similarity) per vector."""
        inst = self._banks["instruction"].similarities(vectors)
        doc = self._banks["content"].similarities(vectors)
        return [(float(i), float(d)) for i, d in zip(inst.max(axis=1), doc.max(axis=1),
                                                      strict=True)]


def without_instructions(instructions: InstructionFilter, pool: list[Any], vectors: np.ndarray
                         ) -> tuple[list[Any], np.ndarray, list[str]]:
    """A composer's candidate sentences (`pool`, each with its passage) and their vectors (row
    0: the question) without the uploads' instruction-like or markup sentences; the titles of
    the documents that had some."""
    uploads = [i for i, c in enumerate(pool) if c.passage.hit.kind == "upload"]
    if not uploads:
        return pool, vectors, []
    rows = vectors[1:]
    flags = instructions.flags([pool[i].text for i in uploads], rows[uploads])
    blocked = {i for i, flag in zip(uploads, flags, strict=True) if flag}
    if not blocked:
        return pool, vectors, []
    keep = [i for i in range(len(pool)) if i not in blocked]
    titles = list(dict.fromkeys(pool[i].passage.hit.title for i in sorted(blocked)))
    return [pool[i] for i in keep], np.vstack([vectors[:1], rows[keep]]), titles
