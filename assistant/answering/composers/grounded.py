"""The built-in composer: no generative model. It quotes the sentences of the passages that answer
what the question asks (a definition, both sides of a difference, the numbers, the steps, the
actions), cites each one, leads with the user's language, and frames them with fixed phrases."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from langchain_core.runnables import RunnableGenerator

from ...example_bank import unit
from ...prompts import PromptLibrary
from ...search.concepts import ConceptIndex
from ...text import normalize_term, sentences
from ..constraints import breaks
from ..examples import BusinessWords
from ..named_source import asked_of_source, content_words
from ..questions import (
    focus_keys,
    without_document_cues,
    without_name_words,
)
from ..statements import gives_an_example
from .base import AdviceJudge, ComposeInput, Passage
from .choosing import QuoteChoice
from .constraint_filter import ListedAdvice, within_constraints
from .instructions import InstructionFilter, without_instructions
from .lead import ConceptLead
from .named import listed_lines
from .named_choice import named_candidates
from .scoring import Candidate as _Candidate
from .sentences import body, discriminating, join_runs, usable


@dataclass(frozen=True)
class GroundedConfig:
    """How much evidence to quote, and what a question's type adds to a sentence's score."""

    max_sentences: int = 4
    max_named_sentences: int = 3  # from a source the user named: what it says, no padding
    named_margin: float = 0.06  # ... and only sentences nearly as close as the best one
    named_neighbour_margin: float = 0.15  # ... or right after it, completing it (named_choice)
    named_other_language_floor: float = 0.1  # a named source in another language "says" it
    # A further quote sharing no word with the question, this far below the best: padding.
    padding_margin: float = 0.1
    max_per_passage: int = 2
    max_lead_sentences: int = 3
    passages_read: int = 6
    min_sentence_score: float = 0.3
    min_sentence_chars: int = 30
    min_sentence_words: int = 5
    duplicate_similarity: float = 0.9
    same_language_bonus: float = 0.08
    type_bonus: float = 0.15
    # Per word of the question's own ask (beyond its topic) that a sentence shares, at most two:
    # the embedding of "what are the stages of X" is mostly X, which every sentence of X's card
    # shares; "stages" is what tells the answering sentence apart.
    focus_bonus: float = 0.12
    # A follow-up's own words weigh this much against the conversation's topic.
    follow_up_weight: float = 0.6
    # A question about the user's own document: its sentences are all on one subject and, when
    # the document is in another language, their similarities lie close together and low
    # (0.15-0.35), so the floor is relative: within this much of the best sentence.
    document_margin: float = 0.1


class GroundedComposer(QuoteChoice, ConceptLead):
    """Composes an answer from the evidence itself, sentence by sentence."""

    name = "grounded"

    def __init__(self, prompts: PromptLibrary, concepts: ConceptIndex,
                 embed: Callable[[Sequence[str]], np.ndarray],
                 config: GroundedConfig | None = None, judge: AdviceJudge | None = None,
                 businesses: BusinessWords | None = None) -> None:
        self.prompts = prompts
        self.businesses = businesses  # which kind of business a card's example is about
        self.judge = judge  # which advice breaks or keeps to the user's constraints
        self.concepts = concepts
        self.embed = embed
        self.config = config or GroundedConfig()
        self.instructions = InstructionFilter(embed)
        self.listed = ListedAdvice(embed)  # list items that recommend a paid means

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
        if item.choices:  # which of the user's documents is meant: asked, not guessed
            yield phrase("which_document", titles=", ".join(f"«{t}»" for t in item.choices))
            return
        if not item.passages:
            yield phrase("no_evidence")
            return
        question = item.unconstrained or item.standalone or item.question
        if item.own_document:  # "the report I uploaded" matches no sentence
            question = without_document_cues(question.replace(item.document_words, " ")
                                             if item.document_words else question)
        if item.passages[0].hit.kind == "upload":  # nor does "the ceramics report"
            question = without_name_words(question, item.passages[0].hit.title)
        if item.named:  # "the Italian article on tactical marketing" names where, not what
            question = content_words(asked_of_source(question, sorted(
                {p.hit.title for p in item.passages if p.hit.source_id in item.named})))
        if item.advice_about:  # advice is compared with how the user's business sells too
            question = f"{question} ({item.advice_about})"
        pool = self._pool(item)
        if not pool:
            yield phrase("no_evidence")
            return
        asked = [question, item.question] if item.context else [question]
        embedded = self.embed(asked + [c.text for c in pool])
        vectors = embedded[len(asked) - 1:]  # row 0: what the sentences are compared with
        if item.context:  # a follow-up: its own words, and the conversation's topic
            w = self.config.follow_up_weight
            target = w * embedded[1] + (1 - w) * embedded[0]
            vectors = np.vstack([target / (np.linalg.norm(target) or 1.0), embedded[2:]])
        # An upload's sentences that speak to an assistant or carry markup are never quoted.
        pool, vectors, ignored = without_instructions(self.instructions, pool, vectors)
        pool, vectors, fitting = self._within_constraints(item, pool, vectors)
        scores = vectors[1:] @ vectors[0] + fitting
        own_ask = question if item.named else item.question
        focus = discriminating(focus_keys(own_ask, item.language, self._topic(item)),
                                [focus_keys(c.text, c.passage.hit.language, "") for c in pool])
        scored = [_Candidate(c.passage, c.order, c.text,
                             float(s) + self._bonus(item, c, focus)
                             + self._section_bonus(item, c.passage, focus),
                             bool(fit > 0) or self._advised(item, c.passage))
                  for c, s, fit in zip(pool, scores, fitting, strict=True)]
        if item.named:
            probe = content_words(item.question)  # headings carry the topic the reference names

            def closeness(texts: list[str]) -> list[float]:
                vectors = unit(self.embed([probe, *texts]))
                return [float(v) for v in vectors[1:] @ vectors[0]]

            listed = listed_lines(item, focus, phrase, closeness)
            if listed:
                yield from listed
                return
        leads = self._lead_passages(item)
        emitted = False
        used: list[int] = []
        for lead in leads:
            picked = self._lead_sentences(item, lead, scored, focus, both=len(leads) > 1)
            used += [i for i, c in enumerate(scored) if c.passage is lead and c.text in picked]
            yield ("\n\n" if emitted else "") + phrase("concept_lead", name=lead.hit.title) \
                + join_runs(lead, picked) + f" [{lead.number}]"
            emitted = True
        rest = [i for i, c in enumerate(scored) if all(c.passage is not lead for lead in leads)
                and self._on_topic(item, c.passage)]
        limit = max(self.config.max_sentences - 2 * len(leads), 1 if item.kind else 0)
        if item.named:
            said = named_candidates(item, scored, rest, lambda c: self._named_floor(item, c),
                                    self.config.named_margin, self.config.named_neighbour_margin)
            if said is not None:
                rest, limit = said, self.config.max_named_sentences
            else:  # the named source does not say: say so, then what the rest says
                yield phrase("named_source_silent", title=item.passages[0].hit.title)
                emitted = True
                rest = [i for i in rest if scored[i].passage.hit.source_id not in item.named]
        chosen = self._choose(item, scored, rest, vectors[1:], limit, used)
        current: str | None = None
        for cand in chosen:
            hit = cand.passage.hit
            if hit.source_id != current:
                current = hit.source_id
                other = ""
                if hit.language != lang:
                    names = self.prompts.phrase("composer", lang, "language_names")
                    other = phrase("other_language", language=names.get(hit.language,
                                                                        hit.language))
                key = "named_source_says" if hit.source_id in item.named else "source_says"
                intro = phrase(key, title=hit.title, other_language=other)
                yield ("\n\n" if emitted else "") + intro
                emitted = True
            yield f"\n- «{cand.text}» [{cand.passage.number}]"
        example = self._example_passage(item, chosen)
        if example is not None:
            yield ("\n\n" if emitted else "") + phrase("example_for_business",
                                                       title=example.hit.title)
            yield f"\n- «{item.example[1]}» [{example.number}]"
            emitted = True
        if not emitted:
            yield phrase("no_evidence")
        for title in ignored:
            yield "\n\n" + phrase("ignored_instructions", title=title)

    @staticmethod
    def _advised(item: ComposeInput, passage: Passage) -> bool:
        """A card that fits how the user's business sells: its quoted advice leads."""
        ref = passage.hit.concept
        return bool(ref and ref.id in item.advice)

    def _named_floor(self, item: ComposeInput, cand: _Candidate) -> float:
        """How close a named source's sentence must come for the source to "say" it: a source
        in another language than the question lies low and close together (0.05-0.3, as a
        document in another language does), so its floor is lower."""
        if cand.passage.hit.language == item.language:
            return self.config.min_sentence_score
        return self.config.named_other_language_floor

    def _within_constraints(self, item: ComposeInput, pool: list[_Candidate],
                            vectors: np.ndarray) -> tuple[list[_Candidate], np.ndarray, np.ndarray]:
        """The pool and its vectors (row 0: the question) without the advice that breaks what
        the user ruled out, whole or in one of its pieces (constraint_filter.py), and what
        keeping to it adds to each remaining sentence (it leads)."""
        keep, bonus = within_constraints(self.judge, self.listed, item.constraints,
                                         [c.text for c in pool], vectors[1:])
        return [pool[i] for i in keep], np.vstack([vectors[:1], vectors[1:][keep]]), bonus

    def _example_passage(self, item: ComposeInput, chosen: list[_Candidate]) -> Passage | None:
        """The passage holding the chain's example for the user's kind of business, unless the
        answer already quotes that sentence."""
        if not item.example:
            return None
        source, sentence = item.example
        if any(normalize_term(c.text) == normalize_term(sentence) for c in chosen):
            return None
        return next((p for p in item.passages if p.hit.source_id == source
                     and sentence in p.hit.text), None)

    # -- evidence ------------------------------------------------------------------------------
    def _pool(self, item: ComposeInput) -> list[_Candidate]:
        """Every usable sentence of the passages read: no headings, no empty lead-ins."""
        cfg = self.config
        pool: list[_Candidate] = []
        read = item.passages[: cfg.passages_read]
        first = item.passages[0].hit
        if item.named:  # a source the user named: all of it, and the best of the rest
            read = [p for p in item.passages if p.hit.source_id in item.named] + \
                [p for p in item.passages if p.hit.source_id not in item.named][
                    : cfg.passages_read]
        elif first.kind == "upload":  # the user's own document: all of it
            read += [p for p in item.passages[cfg.passages_read:]
                     if p.hit.source_id == first.source_id]
        guide = item.guide_type
        for passage in read:
            for order, sentence in enumerate(sentences(body(passage.hit.text))):
                text = sentence.strip(" •-*\t")
                if passage.hit.kind == "playbook" and passage.hit.position == 0 and order == 0:
                    continue  # a guide's opening line says what the guide is, not what to do
                if guide and passage.hit.kind == "concept" and self._other_business(text, guide):
                    continue  # "un fontanero de Valencia…" is no example for a casa rural
                if breaks(text, item.constraints) or self._formula_unasked(item, text):
                    continue
                if usable(text, cfg.min_sentence_chars, cfg.min_sentence_words):
                    pool.append(_Candidate(passage, order, text, 0.0))
        return pool

    def _other_business(self, text: str, business: str) -> bool:
        """Whether a card's sentence is a worked example about another kind of business than
        the one the user's guide is for."""
        if self.businesses is None or not gives_an_example(text):
            return False
        named = self.businesses.business(text)
        return named is not None and named != business

    def _on_topic(self, item: ComposeInput, passage: Passage) -> bool:
        """A difference between two named concepts is told by their own cards and by articles
        (a card on "differentiation" matches the word "difference", not the question)."""
        if item.kind != "difference" or len(item.concepts) < 2:
            return True
        ref = passage.hit.concept
        return passage.hit.kind != "playbook" and (ref is None or ref.id in item.concepts)

    def _topic(self, item: ComposeInput) -> str:
        """The names and aliases of the question's concepts (the heading lines of their
        cards): words that every sentence about the topic shares."""
        return " ".join(p.hit.text.split("\n", 1)[0] for p in item.passages
                        if p.hit.concept and p.hit.concept.id in item.concepts)
