"""The built-in composer: no generative model. It quotes the sentences of the best passages that
answer the question, cites each one, and frames them with fixed phrases in the user's language."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from langchain_core.runnables import RunnableGenerator

from ...prompts import PromptLibrary
from ...search.concepts import ConceptIndex
from ...text import normalize_term, sentences
from .base import ComposeInput, Passage


@dataclass(frozen=True)
class GroundedConfig:
    """How much evidence to quote."""

    max_sentences: int = 4
    max_per_passage: int = 2
    min_sentence_score: float = 0.3
    min_sentence_chars: int = 30
    duplicate_similarity: float = 0.9


@dataclass(frozen=True)
class _Candidate:
    passage: Passage
    order: int
    text: str
    score: float


class GroundedComposer:
    """Composes an answer from the evidence itself, sentence by sentence."""

    name = "grounded"

    def __init__(self, prompts: PromptLibrary, concepts: ConceptIndex,
                 embed: Callable[[Sequence[str]], np.ndarray],
                 config: GroundedConfig | None = None) -> None:
        self.prompts = prompts
        self.concepts = concepts
        self.embed = embed
        self.config = config or GroundedConfig()

    def as_runnable(self) -> RunnableGenerator:
        """A Runnable that streams the answer's pieces."""

        def transform(inputs: Iterator[ComposeInput]) -> Iterator[str]:
            for item in inputs:
                yield from self.compose(item)

        return RunnableGenerator(transform, name="grounded_composer")

    def compose(self, item: ComposeInput) -> Iterator[str]:
        """Yield the answer one line (lead, framing, quoted sentence) at a time."""
        lang = item.language
        phrase = lambda key, **kw: self.prompts.phrase("composer", lang, key, **kw)  # noqa: E731
        if not item.passages:
            yield phrase("no_evidence")
            return
        lead = self._concept_passage(item)
        emitted = False
        if lead is not None:
            explanation = _body(lead.hit.text)
            yield phrase("concept_lead", name=lead.hit.title) + f"{explanation} [{lead.number}]"
            emitted = True
            same_concept = f"concept:{item.concept_id}:"
            rest = [p for p in item.passages if not p.hit.source_id.startswith(same_concept)]
        else:
            rest = list(item.passages)
        limit = self.config.max_sentences - (2 if lead else 0)
        current: int | None = None
        for cand in self._select(item.standalone or item.question, rest, limit):
            hit = cand.passage.hit
            if cand.passage.number != current:
                current = cand.passage.number
                other = ""
                if hit.language != lang:
                    names = self.prompts.phrase("composer", lang, "language_names")
                    other = phrase("other_language", language=names[hit.language])
                intro = phrase("source_says", title=hit.title, other_language=other)
                yield ("\n\n" if emitted else "") + intro
                emitted = True
            yield f"\n- «{cand.text}» [{cand.passage.number}]"
        if not emitted:
            yield phrase("no_evidence")

    def _concept_passage(self, item: ComposeInput) -> Passage | None:
        """The concept's own passage, in the user's language, when the question is about it."""
        if not item.concept_id:
            return None
        wanted = f"concept:{item.concept_id}:{item.language}"
        return next((p for p in item.passages if p.hit.source_id == wanted), None)

    def _select(self, question: str, passages: list[Passage], limit: int) -> list[_Candidate]:
        """The sentences that best answer the question, de-duplicated, in reading order."""
        cfg = self.config
        pool: list[_Candidate] = []
        for passage in passages[:4]:
            for order, sentence in enumerate(sentences(_body(passage.hit.text))):
                text = sentence.strip(" •-*\t")
                if len(text) < cfg.min_sentence_chars or text.endswith("?"):
                    continue
                pool.append(_Candidate(passage, order, text, 0.0))
        if not pool or limit <= 0:
            return []
        vectors = self.embed([question] + [c.text for c in pool])
        scores = vectors[1:] @ vectors[0]
        ranked = sorted(range(len(pool)), key=lambda i: -scores[i])
        chosen: list[int] = []
        per_passage: dict[int, int] = {}
        for i in ranked:
            if len(chosen) >= limit:
                break
            cand = pool[i]
            if scores[i] < cfg.min_sentence_score and chosen:
                break
            if per_passage.get(cand.passage.number, 0) >= cfg.max_per_passage:
                continue
            if any(float(vectors[1 + j] @ vectors[1 + i]) > cfg.duplicate_similarity
                   or normalize_term(pool[j].text) == normalize_term(cand.text) for j in chosen):
                continue
            chosen.append(i)
            per_passage[cand.passage.number] = per_passage.get(cand.passage.number, 0) + 1
        picked = [_Candidate(pool[i].passage, pool[i].order, pool[i].text, float(scores[i]))
                  for i in chosen]
        rank_of = {p.number: r for r, p in enumerate(passages)}
        return sorted(picked, key=lambda c: (rank_of[c.passage.number], c.order))


def _body(text: str) -> str:
    """A chunk's text without its leading heading line(s) (lines that do not end a sentence)."""
    lines = text.splitlines()
    while len(lines) > 1 and (not lines[0].strip() or lines[0].startswith("#") or (
            len(lines[0]) <= 300 and not lines[0].rstrip().endswith((".", "!", ";", "»", '"')))):
        lines = lines[1:]
    return "\n".join(lines).strip()
