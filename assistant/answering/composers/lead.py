"""The lead of a grounded answer: the question's own concept card, in the user's language, and
which of its sentences open the answer (the definition, then what this kind of question asks
for). Mixed into the grounded composer, whose `config` holds the limits."""

from __future__ import annotations

from typing import Any

from ...text import normalize_term
from ..questions import focus_keys
from .base import ComposeInput, Passage
from .scoring import Candidate as _Candidate
from .scoring import SentenceScoring
from .sentences import body


class ConceptLead(SentenceScoring):
    """Which card leads an answer and with which of its sentences."""

    config: Any

    def _lead_passages(self, item: ComposeInput) -> list[Passage]:
        """The question's own concept card, in the user's language, when it was retrieved
        first; for a difference between two concepts, the second one's card too (both sides)."""
        if not item.concepts or item.named:
            return []
        first = item.passages[0]
        ref = first.hit.concept
        if not (ref and ref.id in item.concepts and first.hit.language == item.language):
            return []
        if item.kind != "difference" or len(item.concepts) < 2:
            return [first]
        other = next((p for p in item.passages[1:] if p.hit.concept and p.hit.language ==
                      item.language and p.hit.concept.id in item.concepts
                      and p.hit.concept.id != ref.id), None)
        return [first, other] if other else [first]

    def _lead_sentences(self, item: ComposeInput, lead: Passage, scored: list[_Candidate],
                        focus: frozenset[str], both: bool = False) -> list[str]:
        """The card's definition, plus the card sentences that answer this kind of question:
        the one that fits what is asked (the enumeration for a list, the figure for a
        quantity, the contrast for a difference, the question's own words) before the merely
        similar ones."""
        own = [c for c in scored if c.passage is lead]
        if not own:
            return [body(lead.hit.text)]
        limit = self.config.max_lead_sentences
        fit = {c.order: self._fit(item, c, focus) for c in own}
        keep = {0}
        if item.context:
            # A follow-up on the same card: what the last answer already said is not repeated
            # unless it is what the follow-up's own words ask for ("and how is it calculated?").
            said = normalize_term(item.history[-1].answer) if item.history else ""
            fresh = [c for c in own if normalize_term(c.text) not in said
                     or focus & focus_keys(c.text, c.passage.hit.language, "")]
            best = sorted(fresh, key=lambda c: (-fit[c.order], -c.score))[: limit - 1]
            keep = {c.order for c in best} or {0}
        elif item.kind in (None, "definition"):
            # What it is, then the sentence that answers what is asked ("the bakery example",
            # "which network for a business selling to businesses"), else the next one.
            answering = max(own[1:], key=lambda c: (fit[c.order], c.score), default=None)
            keep.add(answering.order if answering and fit[answering.order] > 0 else 1)
        else:
            # A difference alone, or a how-to (what it is, then two ways of going about it),
            # takes the card's whole share; two cards of a difference share it.
            room = limit - (0 if item.kind in ("difference", "howto") and not both else 1)
            for cand in sorted(own[1:], key=lambda c: (-fit[c.order], -c.score)):
                if len(keep) >= room:
                    break
                keep.add(cand.order)
        return [c.text for c in own if c.order in keep]
