"""Which of the scored sentences an answer quotes: the best ones, de-duplicated, at most a few
per passage, the user's language first and other languages never the larger part, none that
pads (a further quote sharing nothing with the question far below the best), and the sources
whose advice keeps to the user's constraint leading."""

from __future__ import annotations

from typing import Any

import numpy as np

from ...text import normalize_term
from .base import ComposeInput
from .scoring import Candidate as _Candidate
from .scoring import SentenceScoring


class QuoteChoice(SentenceScoring):
    """Mixed into the grounded composer (its `config` is a GroundedConfig)."""

    config: Any

    def _choose(self, item: ComposeInput, scored: list[_Candidate], candidates: list[int],
                vectors: np.ndarray, limit: int, used: list[int]) -> list[_Candidate]:
        """The best sentences, de-duplicated; the user's language first, other languages never
        the larger part when the user's language has evidence."""
        cfg = self.config
        ranked = sorted(candidates, key=lambda i: -scored[i].score)
        chosen: list[int] = []
        per_passage: dict[int, int] = {}
        same_exists = bool(used) or any(
            scored[i].passage.hit.language == item.language
            and scored[i].score >= cfg.min_sentence_score for i in candidates)
        other = 0
        floor = cfg.min_sentence_score
        if ranked and item.own_document:
            floor = min(floor, scored[ranked[0]].score - cfg.document_margin)
        for i in ranked:
            if len(chosen) >= limit:
                break
            cand = scored[i]
            if cand.score < floor and (chosen or used):
                break
            number = cand.passage.number
            if per_passage.get(number, 0) >= cfg.max_per_passage:
                continue
            foreign = cand.passage.hit.language != item.language
            if foreign and same_exists and other >= 1:
                continue
            if (chosen or used) and self._pads(item, cand, scored[ranked[0]].score):
                continue
            if any(float(vectors[j] @ vectors[i]) > cfg.duplicate_similarity
                   or normalize_term(scored[j].text) == normalize_term(cand.text)
                   for j in chosen + used):
                continue
            chosen.append(i)
            per_passage[number] = per_passage.get(number, 0) + 1
            other += foreign
        rank_of = {p.number: r for r, p in enumerate(item.passages)}
        first_of: dict[str, int] = {}
        for i in sorted(chosen, key=lambda i: rank_of[scored[i].passage.number]):
            first_of.setdefault(scored[i].passage.hit.source_id, rank_of[scored[i].passage.number])
        # A source whose quoted advice keeps to the user's constraint leads.
        fitting = {scored[i].passage.hit.source_id for i in chosen if scored[i].fits}
        return sorted((scored[i] for i in chosen),
                      key=lambda c: (c.passage.hit.language != item.language,
                                     c.passage.hit.source_id not in fitting,
                                     first_of[c.passage.hit.source_id],
                                     rank_of[c.passage.number], c.order))

