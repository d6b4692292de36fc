"""Telling what a chat message is: a request for a marketing plan, an ordinary question, or an
answer to the interview's pending question.

Each decision adds up evidence: the similarity of the message to prototype messages written in
four languages (packs/<lang>/lexicon/intent_prototypes.json), compared with the shipped multilingual
embedding model; cue words (packs/<lang>/lexicon/intent_cues.json: "plan de marketing" with a
request verb or "my business", interrogatives such as "qu'est-ce que" / "cos'è" / "how much");
and, for an answer, what the pending question expects (an amount or a period that reads as
one is an answer even when it ends in "?"). The weights were set on the dev split of
tests/eval/intents.jsonl (benchmarks/intents.py prints both splits)."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

import numpy as np

from ..example_bank import Embed, ExampleBank, unit
from ..lexicon import lexicon
from ..settings import LANGUAGES
from ..text import words
from .answer_forms import names_itself, reads_as

PROTOTYPES = "intent_prototypes"
CUES = "intent_cues"
CORRECTIONS = "correction_prototypes"
NOT_A_REQUEST = ("question", "statement", "courtesy")  # nearer one of these: asks for no plan
LABELS = ("plan_request", "question", "answer", "statement", "courtesy")
RECENT = 32  # message vectors kept (a turn weighs one message several times)
CLAUSE_WORDS = 3  # a clause this long is weighed on its own for an early answer


@dataclass(frozen=True)
class Weights:
    """How much each piece of evidence counts (chosen on the dev split, see the module doc)."""

    similarity: float = 4.0  # x (best plan/answer prototype - best question prototype)
    plan_with_request: float = 1.0  # "plan de marketing" + "necesito"/"aide-moi"/"my gym"
    plan_alone: float = 0.3
    request_alone: float = 0.2
    asking_start: float = 0.9  # the message opens with an interrogative
    asking_inside: float = 0.3
    reads_as_answer: float = 1.2  # parses as the pending slot's amount / period
    plan_threshold: float = 0.0
    answer_threshold: float = 0.0
    # A correction (prompts/packs/<lang>/lexicon/correction_prototypes.json; set on the dev split of
    # tests/eval/interview_turns_dev.jsonl, benchmarks/interview_turns.py):
    correction_similarity: float = 4.0  # x (best correction example - best answer/question)
    correction_opening: float = 1.2  # opens as corrections do: "No, …", "actually", "aspetta"
    correction_facts: float = 0.8  # states a fact another question (or the summary) set
    correction_threshold: float = 1.0  # dev: corrections at a question 1.39+, answers < 0
    # Courtesy ("merci !", "perfetto, grazie"): nearer its examples than anything else a
    # message could be (tests/eval/courtesy_dev.jsonl, benchmarks/intents.py --data).
    courtesy_similarity: float = 4.0  # x (best courtesy example - best other example)
    courtesy_threshold: float = 0.75  # dev: courtesy 1.15+, other 0.39-
    # An answer to a later question typed while another waits ("we want to go from 55% to 85%
    # occupancy" at the competitors question): nearer that question's example answers than the
    # pending one's by `early_margin`, and near them (tests/eval/interview_turns_dev8.jsonl:
    # early answers +0.10..+0.59 over the pending question, answers to it +0.07 at most).
    early_margin: float = 0.12
    early_floor: float = 0.35


@dataclass(frozen=True)
class Decision:
    """A decision with its score (> 0 means yes) and the evidence behind it."""

    yes: bool
    score: float
    evidence: dict[str, float] = field(default_factory=dict)


def cue_text(text: str) -> str:
    """Folded words between spaces, for cue matching.

    >>> cue_text("J'ai besoin d'aide, SVP!")
    ' j ai besoin d aide svp '
    """
    return f" {' '.join(words(text))} "


def _cues(kind: str) -> tuple[str, ...]:
    found = {cue_text(c) for items in lexicon(CUES).values() for c in items[kind]}
    return tuple(sorted(found, key=len, reverse=True))


class IntentRecognizer:
    """Plan request vs question, and answer vs question while a slot is pending."""

    def __init__(self, embed: Embed | None = None, examples: dict[str, list[str]] | None = None,
                 weights: Weights | None = None) -> None:
        self.embed = embed
        self.examples = examples or {}  # slot -> example answers (all languages)
        self.weights = weights or Weights()
        self.cues = {kind: _cues(kind) for kind in ("plan", "request", "mine", "asking")}
        protos = lexicon(PROTOTYPES)
        self.prototypes = {label: [t for lang in LANGUAGES for t in protos[lang][label]]
                           for label in LABELS}
        fixes = lexicon(CORRECTIONS)
        self.prototypes["correction"] = [t for lang in LANGUAGES for t in fixes[lang]]
        self._banks: dict[str, ExampleBank] = {}
        self._vectors: dict[str, np.ndarray] = {}  # the last RECENT messages' vectors
        self._lock = threading.Lock()

    # -- evidence ----------------------------------------------------------------------------
    def has(self, kind: str, text: str) -> bool:
        """Whether a cue of `kind` (plan, request, mine, asking) occurs in the text."""
        folded = cue_text(text)
        return any(cue in folded for cue in self.cues[kind])

    def opens_with_question(self, text: str) -> bool:
        """Whether the message opens with an interrogative cue (its first four words)."""
        head = cue_text(" ".join(words(text)[:4]))
        return any(head.startswith(cue) for cue in self.cues["asking"])

    def _bank(self, key: str, texts: list[str]) -> ExampleBank:
        if key not in self._banks:
            self._banks[key] = ExampleBank(self.embed, [(key, t) for t in texts])  # type: ignore[arg-type]
        return self._banks[key]

    def similarity(self, text: str, label: str, vector: np.ndarray | None = None,
                   slot: str | None = None) -> float:
        """Best cosine similarity of the text to a label's prototypes (0 without a model)."""
        if self.embed is None:
            return 0.0
        texts = list(self.prototypes[label])
        key = label
        if slot and label == "answer":
            texts += self.examples.get(slot, [])
            key = f"answer:{slot}"
        vector = vector if vector is not None else self._one(text)
        return float(self._bank(key, texts).similarities(vector).max())

    def answers_alike(self, text: str) -> dict[str, float]:
        """Per question, the best likeness of the message to its example answers alone (no
        question prototypes): which question it answers. Empty without a model."""
        if self.embed is None:
            return {}
        vector = self._one(text)
        return {slot: float(self._bank(f"only:{slot}", texts).similarities(vector).max())
                for slot, texts in self.examples.items() if texts}

    def answers_later(self, text: str, pending: str, open_slots: tuple[str, ...]) -> str | None:
        """The question among `open_slots` (not answered yet) that the message answers rather
        than the pending one, or None: nearer its examples by the margin, and near them."""
        if self.opens_with_question(text) or text.rstrip().endswith("?"):
            return None
        # The whole message, then its clauses on average: "Vogliamo passare da 120 a 200
        # allievi in un anno, e vendere più uscite ai turisti" is, whole, nearest the customers'
        # examples (students, tourists); each clause is nearest the goal's.
        for alike in (self.answers_alike(text), self._clauses_alike(text)):
            found = self._nearer(alike, pending, open_slots)
            if found:
                return found
        return None

    def _clauses_alike(self, text: str) -> dict[str, float]:
        """Per question, the mean likeness of the message's clauses (of three words or more)
        to its example answers; empty for a message of one clause."""
        parts = [p for p in _clauses(text) if len(words(p)) >= CLAUSE_WORDS]
        if len(parts) < 2:
            return {}
        each = [self.answers_alike(p) for p in parts]
        return {slot: float(np.mean([a.get(slot, 0.0) for a in each])) for slot in each[0]}

    def _nearer(self, alike: dict[str, float], pending: str,
                open_slots: tuple[str, ...]) -> str | None:
        w = self.weights
        here = alike.get(pending, 0.0)
        best = max(open_slots, key=lambda s: alike.get(s, 0.0), default=None)
        if best is None:
            return None
        there = alike.get(best, 0.0)
        return best if there >= w.early_floor and there - here >= w.early_margin else None

    def _one(self, text: str) -> np.ndarray:
        """The message's vector: one message is weighed by several decisions in a turn
        (courtesy, correction, answer, which question it answers), so the last few are kept."""
        vector = self._vectors.get(text)
        if vector is None:
            vector = unit(self.embed([text]))[0]  # type: ignore[misc]
            with self._lock:  # one recognizer serves every user's requests
                self._vectors[text] = vector
                while len(self._vectors) > RECENT:
                    self._vectors.pop(next(iter(self._vectors)))
        return vector

    # -- decisions ---------------------------------------------------------------------------
    def plan_request(self, text: str) -> Decision:
        """Whether the message asks for a marketing plan ("voglio un piano di marketing"), not
        about one ("what is a marketing plan?")."""
        w = self.weights
        vector = self._one(text) if self.embed is not None else None
        # its likeness to a request, over the nearer of a question and a statement ("thanks",
        # "nous sommes seuls", "we're in Leeds, not York"): neither asks for a plan
        sim = (self.similarity(text, "plan_request", vector)
               - max(self.similarity(text, other, vector) for other in NOT_A_REQUEST)
               ) if vector is not None else 0.0
        plan, request = self.has("plan", text), self.has("request", text) or self.has("mine", text)
        opens = self.opens_with_question(text)
        evidence = {
            "similarity": w.similarity * sim,
            "plan": w.plan_with_request if plan and request else w.plan_alone if plan else 0.0,
            "request": w.request_alone if request else 0.0,
            "asking": -(w.asking_start if opens else w.asking_inside
                        if self.has("asking", text) else 0.0),
        }
        score = sum(evidence.values())
        return Decision(score > w.plan_threshold, round(score, 3), evidence)

    def answer(self, text: str, slot: str, kind: str) -> Decision:
        """Whether the message answers the pending question (slot `slot` of kind `kind`)
        rather than asking something ("cos'è un KPI?", "what budget do bakeries set?")."""
        w = self.weights
        vector = self._one(text) if self.embed is not None else None
        sim = (self.similarity(text, "answer", vector, slot)
               - self.similarity(text, "question", vector)) if vector is not None else 0.0
        opens = self.opens_with_question(text)
        evidence = {
            "similarity": w.similarity * sim,
            "reads_as_answer": w.reads_as_answer if reads_as(kind, text) or (
                slot == "business" and not opens and names_itself(text)) else 0.0,
            "asking": -(w.asking_start if opens else w.asking_inside
                        if self.has("asking", text) else 0.0),
        }
        if self.embed is None and not opens:
            evidence["default"] = 0.1  # without a model, what is not asked is answered
        score = sum(evidence.values())
        return Decision(score > w.answer_threshold, round(score, 3), evidence)

    def asks_about(self, text: str, slot: str) -> bool:
        """Whether a message ending with "?" reads nearer a question than the pending
        question's answers ("is 500 pounds enough for Facebook ads?" at the channels question,
        "TikTok ça marche vraiment pour les tatoueurs ?"): a question that names what the
        answer would, not an answer. Never without a model."""
        if self.embed is None or not text.rstrip().endswith("?"):
            return False
        vector = self._one(text)
        return self.similarity(text, "answer", vector, slot) < self.similarity(
            text, "question", vector)

    def courtesy(self, text: str, slot: str | None = None) -> Decision:
        """Whether the message is only politeness ("Merci !", "ok, perfecto", "cheers"): nearer
        the courtesy examples than a question, a fact, a plan request or (with `slot`
        pending) that question's answers. Never without a model: a thanks that is answered
        from the knowledge base costs a line, a real answer taken for one is lost."""
        if self.embed is None or text.rstrip().endswith("?"):  # "e se sbaglio?" asks
            return Decision(False, 0.0)
        w = self.weights
        # each clause on its own: "gracias, pero somos tres" says a fact, "ok, 6 mesi" answers
        sim = min(self._courtesy_margin(part, slot) for part in _clauses(text))
        evidence = {"similarity": w.courtesy_similarity * sim,
                    "asking": -w.asking_start if self.has("asking", text) else 0.0}
        score = sum(evidence.values())
        return Decision(score > w.courtesy_threshold, round(score, 3), evidence)

    def _courtesy_margin(self, text: str, slot: str | None) -> float:
        vector = self._one(text)
        rivals = [self.similarity(text, label, vector) for label in
                  ("question", "statement", "plan_request")]
        if slot:
            rivals.append(self.similarity(text, "answer", vector, slot))
        return self.similarity(text, "courtesy", vector) - max(rivals)

    def correction(self, text: str, slot: str | None, opens: bool, states_facts: bool) -> Decision:
        """Whether the message corrects something already said rather than answering the
        pending question (`slot`, None at the summary) or asking: its likeness to correction
        examples, how it opens (`opens`) and whether it states another question's fact."""
        w = self.weights
        sim = 0.0
        if self.embed is not None:
            vector = self._one(text)
            rival = max(self.similarity(text, "question", vector),
                        self.similarity(text, "answer", vector, slot) if slot else -1.0)
            sim = self.similarity(text, "correction", vector) - rival
        evidence = {"similarity": w.correction_similarity * sim,
                    "opening": w.correction_opening if opens else 0.0,
                    "facts": w.correction_facts if states_facts else -w.correction_facts}
        score = sum(evidence.values())
        return Decision(score > w.correction_threshold, round(score, 3), evidence)


def _clauses(text: str) -> list[str]:
    """The message's clauses between punctuation (the whole message when none has a word).

    >>> _clauses("Gracias, pero somos tres.")
    ['Gracias', 'pero somos tres']
    >>> _clauses("👍")
    ['👍']
    """
    parts = [p.strip() for p in re.split(r"[,.;:!?¡¿\n]+", text)]
    return [p for p in parts if words(p)] or [text]
