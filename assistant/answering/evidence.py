"""The chain's retrieval step: which passages a resolved question is answered from, numbered
from 1 (one call to the retriever). The question's own cards are pinned, then the guide for the
user's kind of business, the cards that fit how it sells or keep to what the user ruled out;
one's own documents are read whole, a named source first. Mixed into AnswerChain."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from ..documents import ConceptRef
from ..search.retrieval import HybridRetriever
from ..settings import Settings
from .composers.base import ComposeInput, Passage
from .constraints import without_constraints
from .examples import BusinessWords
from .questions import framing_cognate
from .source_reference import named_passages

# Two uploads whose scores for a question lie this close are a guess (answers_dev8 with all
# the development uploads: the wrong document first at gaps 0.022-0.031, the right one at
# 0.037 and over, one at 0.005): the user is asked which one.
DOCUMENT_TIE = 0.033
MAX_CHOICES = 4


class EvidenceStep:
    """Retrieval for AnswerChain (its `parts`, `settings`, `retriever`, `businesses`)."""

    parts: Any
    settings: Settings
    retriever: HybridRetriever
    businesses: BusinessWords

    def _retrieve(self, item: ComposeInput) -> ComposeInput:
        """Relevant passages, numbered from 1: one call to the retriever."""
        pinned = [ConceptRef(cid, item.language).source_id
                  for cid in item.concepts[: 2 if item.kind == "difference" else 1]]
        business = self._guide_type(item)
        guide = self.parts.guide_source(business, item.language) if business else None
        if guide:  # the question's concept leads with how it is done, the guide follows
            pinned = [*pinned, guide]
            item = replace(item, guide_type=business)
        if item.kind == "howto" and not item.concepts and self.parts.advice and not (
                item.context and guide):
            # "I'm a plumber, how do I get more calls?": the cards that fit how that business
            # sells (local search and reviews), read from the business attributes the plans use.
            # ("And for a restaurant?" after a how-to asks for that business's guide: it leads.)
            cards, about = self.parts.advice(item.question, item.language)
            pinned += [ConceptRef(cid, item.language).source_id for cid in cards[:2]]
            item = replace(item, advice=cards[:2], advice_about=about)
        if item.constraints and item.kind == "howto" and not item.concepts:
            # Advice that keeps to what the user ruled out: the cards that give it, after the
            # guide for the user's kind of business (a card that keeps to every one first).
            wanted = Counter(c for constraint in item.constraints for c in constraint.concepts)
            pinned += [ConceptRef(cid, item.language).source_id
                       for cid, _ in wanted.most_common(2)]
        example = self.businesses.example(item.question, item.context, item.language,
                                          item.kind, self.retriever)
        if example:
            pinned = [*pinned, example[0]]
            item = replace(item, example=example)
        own_words = item.question if item.context else item.standalone
        if item.constraints:  # "without paying for ads" must not pull in the ads card
            own_words = self.parts.constraints.search_words(own_words, item.constraints) \
                if self.parts.constraints else without_constraints(own_words)
            item = replace(item, unconstrained="" if item.context else own_words)
        kwargs = {"language": item.language, "owner": item.owner,
                  "min_relevance": self.settings.min_relevance,
                  "context": item.standalone if item.context else None}
        choices = self._which_document(item, own_words)
        if choices:
            return replace(item, choices=choices)
        hits = []
        if item.own_document or (item.kind != "howto" and item.owner and
                                               self.retriever.names_an_upload(own_words,
                                                                               item.owner)):
            # The user asks about their own document: every upload passage may answer.
            hits = self.retriever.passages(own_words, self.settings.top_k, kind="upload",
                                           **{**kwargs, "min_relevance": 0.0})
        if not hits:
            hits = self.retriever.passages(own_words, self.settings.top_k, pinned=pinned,
                                           **kwargs)
        # Another business's guide would not fit this one, nor anyone who named no business.
        hits = [h for h in hits if h.kind != "playbook" or h.source_id == guide]
        avoided = {c for constraint in item.constraints for c in constraint.avoid} - set(
            item.concepts)
        if avoided:  # "new customers": the loyalty card answers another question
            hits = [h for h in hits if not (h.concept and h.concept.id in avoided)]
        if item.kind == "difference":  # "differenza" finds the differentiation card
            hits = [h for h in hits if h.kind != "concept" or h.source_id in pinned
                    or not framing_cognate(h.title, own_words)]
        if item.example and item.example[0] not in {h.source_id for h in hits}:
            item = replace(item, example=None)
        if item.kind == "howto" and not item.own_document:
            # "How do I…?" asks for advice: a report of one's own tells what happened, so the
            # cards and the guide come first and the document is not read whole.
            hits = [*(h for h in hits if h.kind != "upload"), *(h for h in hits
                                                               if h.kind == "upload")]
        elif hits and hits[0].kind == "upload":
            # The user's own document leads: all of it is read, the rest follows.
            whole = self.retriever.document(hits[0], self.settings.document_passages)
            ids = {h.chunk_id for h in whole}
            hits = [*whole, *(h for h in hits if h.chunk_id not in ids)]
        if item.named:
            hits = named_passages(own_words, item.named, self.retriever, hits)
        passages = [Passage(i, h) for i, h in enumerate(hits, 1)]
        return replace(item, passages=passages)

    def _guide_type(self, item: ComposeInput) -> str | None:
        """The kind of business a practical question names (or the conversation named), whose
        guide is read."""
        if item.kind not in ("howto", "quantity"):
            return None
        business = self.businesses.business(item.question)
        if business is None and item.context:
            business = self.businesses.business(item.context)
        if business is None or (item.kind == "quantity" and not item.context):
            return None
        return business

    def _which_document(self, item: ComposeInput, own_words: str) -> tuple[str, ...]:
        """The titles of the user's documents to ask about, when the question refers to "the
        document" without naming one and several fit it nearly alike (else none)."""
        if not (item.own_document and item.owner) or self.retriever.names_an_upload(
                own_words, item.owner):
            return ()
        scores = self.retriever.document_scores(own_words, item.language, item.owner)
        order = sorted(scores, key=lambda sid: (-scores[sid], sid))
        if len(order) < 2 or scores[order[0]] - scores[order[1]] >= DOCUMENT_TIE:
            return ()
        titles = self.retriever.upload_titles(item.owner)
        near = [sid for sid in order if scores[order[0]] - scores[sid] < DOCUMENT_TIE]
        return tuple(titles[sid] for sid in near[:MAX_CHOICES])
