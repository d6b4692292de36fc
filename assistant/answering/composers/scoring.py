"""How the grounded composer scores a sentence against a question: what the question's type
asks for (a figure, a contrast, an enumeration, a method, a formula, a cost), the words of its
own ask, a document's section heading, the user's constraints; and when a further quote would
only pad the answer. Mixed into GroundedComposer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..questions import (
    asks_for_a_change,
    asks_for_a_formula,
    asks_for_proposals,
    asks_the_cost,
    focus_keys,
)
from ..statements import (
    announces_parts,
    contrasts,
    enumerates,
    gives_a_method,
    gives_an_example,
    has_number,
    speaks_of_cost,
    states_a_change,
    states_a_plan,
    states_a_range,
)
from .base import ComposeInput, Passage
from .sentences import heading


@dataclass(frozen=True)
class Candidate:
    """A sentence of a passage, with its score for the question."""

    passage: Passage
    order: int
    text: str
    score: float
    fits: bool = False  # advice that keeps to what the user ruled out or aims at: it leads


class SentenceScoring:
    """Sentence scores for the grounded composer (its `config` holds the weights)."""

    config: Any

    def _pads(self, item: ComposeInput, cand: Candidate, best: float) -> bool:
        """A further quote that adds nothing: it shares no content word (as a cognate stem, so
        in any language) with the question or its conversation, and it is well below the best
        (documents and named sources aside: their sentences are all about what was asked; and
        for a how-to, the guide for the user's business and the advice that fits it, which
        answer "how do I get more calls?" in words the question does not use)."""
        if cand.passage.hit.kind == "upload" or item.named:
            return False
        if item.kind == "howto" and (cand.fits or cand.passage.hit.kind == "playbook"):
            return False
        asked = focus_keys(" ".join(filter(None, [item.question, item.context])),
                           item.language, "")
        return cand.score < best - self.config.padding_margin and not (
            asked & focus_keys(cand.text, cand.passage.hit.language, ""))

    @staticmethod
    def _formula_unasked(item: ComposeInput, text: str) -> bool:
        """A formula quoted for "how do I win customers?" is not advice (asked: it is)."""
        return (item.kind == "howto" and "=" in text and item.asked != "formula"
                and not asks_for_a_formula(item.question))

    def _bonus(self, item: ComposeInput, cand: Candidate, focus: frozenset[str]) -> float:
        """What the question asks for: numbers, a contrast, an enumeration, actions, the words
        of its own ask; and the user's own language."""
        cfg = self.config
        bonus = cfg.same_language_bonus if cand.passage.hit.language == item.language else 0.0
        lang = cand.passage.hit.language
        if focus:
            shared = len(focus & focus_keys(cand.text, lang, ""))
            bonus += cfg.focus_bonus * min(shared, 2)
        ref = cand.passage.hit.concept
        if ref and any(ref.id in c.concepts for c in item.constraints):
            bonus += cfg.type_bonus  # advice that keeps to what the user ruled out
        if ref and ref.id in item.advice:
            # advice that fits how the user's business sells; its card's opening definition
            # was never asked ("how do I get more calls?" does not ask what SEO is)
            bonus += cfg.type_bonus if cand.order else -cfg.type_bonus
        if asks_for_a_change(item.question) and states_a_change(cand.text):
            bonus += 2 * cfg.type_bonus  # "by how much did churn drop?": a before and an after
        proposals = asks_for_proposals(item.question) or states_a_plan(item.question)
        if proposals and states_a_plan(cand.text):
            bonus += cfg.type_bonus  # "what does the report recommend?": its proposals
        if item.kind == "quantity":
            bonus += cfg.type_bonus if has_number(cand.text, lang) else -cfg.type_bonus
            if states_a_plan(cand.text) and not proposals:
                bonus -= 2 * cfg.type_bonus  # a target or a proposal is not what was measured
        elif item.kind == "difference":
            bonus += cfg.type_bonus if contrasts(cand.text) else 0.0
        elif item.kind == "list":
            bonus += cfg.type_bonus if enumerates(cand.text) else 0.0
        elif item.kind == "howto":
            bonus += cfg.type_bonus if cand.passage.hit.kind == "playbook" or gives_a_method(
                cand.text) else 0.0
            if ref and cand.order == 0 and ref.id not in item.concepts:
                bonus -= cfg.type_bonus  # "how do people find me?" does not ask what SEO is
        if item.kind == "definition" and cand.order == 0 and cand.passage.hit.concept:
            bonus += cfg.type_bonus
        return bonus

    def _section_bonus(self, item: ComposeInput, passage: Passage,
                       focus: frozenset[str]) -> float:
        """What a document's section heading says of every sentence under it: "Qué no ha
        funcionado" answers "¿qué no ha funcionado?", "Propuestas para 2025" answers "what is
        proposed?" (documents only: a concept card's heading is its name)."""
        if passage.hit.kind != "upload":
            return 0.0
        title = heading(passage.hit.text)
        if not title:
            return 0.0
        bonus = 0.0
        titled = focus_keys(title, passage.hit.language, "")
        if focus & titled:  # the question asks what the heading names: more so if all of it
            bonus += self.config.focus_bonus * (2 if titled <= focus else 1)
        if asks_for_proposals(item.question) and (
                states_a_plan(title) or asks_for_proposals(title)):
            bonus += self.config.type_bonus
        return bonus

    def _fit(self, item: ComposeInput, cand: Candidate, focus: frozenset[str]) -> float:
        """How squarely a sentence answers what is asked: the kind's mark (an enumeration, a
        figure that is not a made-up example, a contrast) and the question's own words."""
        lang = cand.passage.hit.language
        shared = min(len(focus & focus_keys(cand.text, lang, "")), 2) if focus else 0
        kind = item.kind
        marked = (kind == "list" and enumerates(cand.text)) or (
            kind == "difference" and contrasts(cand.text)) or (
            kind == "quantity" and has_number(cand.text, lang)) or (
            kind == "howto" and gives_a_method(cand.text))
        if item.asked == "example" and (gives_an_example(cand.text) or shared):
            # "what example do you give for a bakery?": the worked example, the one naming
            # what the question names first
            marked = True
        if (asks_for_a_formula(item.question) or item.asked == "formula") and "=" in cand.text:
            marked = True  # "how is it calculated?": the sentence with the formula
        if asks_for_a_change(item.question) and states_a_change(cand.text):
            marked = True  # "by how much did churn drop?": the before and the after
        if (asks_the_cost(item.question) or item.asked == "cost") and speaks_of_cost(cand.text):
            marked = True  # "and how much does it cost?": what it costs, even without a figure
        # The kind's mark outweighs the question's words (at most two): "meglio partire con
        # budget piccoli" answers "come parto?" better than an example naming the business.
        # "For example, if you spend 6,000…" illustrates rather than answers, unless the
        # question itself gives figures: then the worked example is the answer.
        if kind == "quantity" and marked and gives_an_example(cand.text) \
                and not any(ch.isdigit() for ch in item.question):
            return 1.0 + shared
        if kind == "quantity" and marked and states_a_range(cand.text, lang):
            return 4.0 + shared  # "how many channels?": "two or three", a span to choose in
        if kind == "list" and marked and announces_parts(cand.text):
            return 4.0 + shared  # "in four stages: attract, convert…" announces the parts
        return 3.0 * marked + shared
