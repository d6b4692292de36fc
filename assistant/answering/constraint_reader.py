"""What a question rules out or aims at, learned from examples: each constraint's phrasings per
language ("sin gastarme un dineral en publicidad", "sans publicité", "for free", "B2B") are
embedded once with the shipped model (packs/<lang>/lexicon/constraint_examples.json), and so are
near misses that set none ("advertise on Google", "my regular customers"). A question's word
windows are compared with them: a window nearer a kind's phrasing than any near miss, above a
threshold, sets that kind. Embeddings hardly see negation ("marketing budget" lies at 0.89 from
"no marketing budget"), so a kind that rules something out counts a window only where it or the
words just before it hold one of the packs' privative words ("sin", "sans", "senza", "zero",
"free"); the cue phrases of constraints.json only add a little (a feature, never
the decision alone), so a paraphrase no list holds still counts.

The same file gives, per kind, advice that would break the constraint and advice that keeps to
it: an evidence sentence much closer to the breaking examples is left out, and one close to the
fitting ones leads (`AdviceJudge`). The weights were set on tests/eval/answers_dev4.jsonl."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy as np

from ..example_bank import Embed, ExampleBank, unit
from ..lexicon import lexicon
from ..packs import words
from ..text import normalize_term
from .constraints import Constraint, constraint, cued_kinds, is_goal, without_constraints

EXAMPLES = "constraint_examples"
NONE = "none"
_WORD = re.compile(r"[\w'’-]+")
_CLAUSE_END = re.compile(r"[.?!;:,]")
RECENT = 32  # questions whose readings are kept


@dataclass(frozen=True)
class ReaderWeights:
    """How the evidence adds up (chosen on the development sets, see the module doc)."""

    window: int = 3  # words per window of the question compared with the phrasings
    threshold: float = 0.69  # a kind's best window must reach it
    cue: float = 0.1  # one of the kind's cue phrases occurs in the question
    # Whole sentences lie further from short examples than windows do (0.1-0.65).
    breaks: float = 0.42  # advice this close to a breaking example (and nearer it) breaks
    breaks_margin: float = 0.1  # ... nearer the breaking examples than the fitting ones by this
    fits: float = 0.4  # advice this close to a fitting example fits
    fit_bonus: float = 0.3  # what fitting adds to a sentence's score (it leads)


class ConstraintReader:
    """Constraints read by nearest example phrasings, over the shipped embedding model."""

    def __init__(self, embed: Embed, weights: ReaderWeights | None = None,
                 examples: dict[str, dict[str, dict[str, list[str]]]] | None = None) -> None:
        self.embed = embed
        self.weights = weights or ReaderWeights()
        data = examples or lexicon(EXAMPLES)
        # Per part, the phrasings of every kind: "asks" (a question sets the constraint),
        # "breaks" and "fits" (advice that breaks or keeps to it), embedded on first use.
        self._banks = {part: ExampleBank(embed, [
            (kind, text) for by_kind in data.values() for kind, spec in by_kind.items()
            for text in spec.get(part, [])]) for part in ("asks", "breaks", "fits")}
        self._recent: dict[str, dict[str, tuple[float, int | None]]] = {}

    def scores(self, question: str) -> dict[str, float]:
        """Each kind's score: its best window's similarity to the kind's phrasings (counted
        only where no near miss is closer), plus the cue weight when a cue phrase occurs."""
        return {kind: score for kind, (score, _) in self._read(question).items()}

    def read(self, question: str) -> tuple[Constraint, ...]:
        """The constraints a question sets, strongest first."""
        scores = self.scores(question)
        kept = sorted((k for k, s in scores.items() if s >= self.weights.threshold),
                      key=lambda k: -scores[k])
        return tuple(constraint(kind) for kind in kept)

    def search_words(self, question: str, constraints: tuple[Constraint, ...]) -> str:
        """The question without what it rules out ("sin gastarme un dineral en publicidad"
        must not pull in the advertising card): the cue phrases, then, for a ruling-out kind
        no cue named, its best window's words up to the end of their clause."""
        text = without_constraints(question)
        ruled_out = {c.kind for c in constraints if not is_goal(c.kind)}
        read = self._read(text) if ruled_out else {}
        for kind in ruled_out:
            score, start = read.get(kind, (0.0, None))
            if start is not None and score >= self.weights.threshold:
                end = _CLAUSE_END.search(text, start)
                stop = end.start() if end else len(text)
                text = f"{text[:start].rstrip()}{text[stop:]}"
                read = self._read(text)
        return " ".join(text.split()).strip() or question

    def _read(self, question: str) -> dict[str, tuple[float, int | None]]:
        """Per kind: its score and where its best window starts in the question (the last few
        questions' readings are kept: the chain reads one question more than once)."""
        if question not in self._recent:
            if len(self._recent) >= RECENT:
                self._recent.pop(next(iter(self._recent)))
            self._recent[question] = self._read_new(question)
        return self._recent[question]

    def _read_new(self, question: str) -> dict[str, tuple[float, int | None]]:
        spans = windows(question, self.weights.window)
        if not spans:
            return {}
        asks = self._banks["asks"]
        sims = asks.similarities(asks.vectors([s for s, _ in spans]))
        kinds = np.array(asks.labels)
        near_miss = sims[:, kinds == NONE].max(axis=1) if (kinds == NONE).any() else 0.0
        cued = cued_kinds(question)
        negated = np.array(negated_windows(question, self.weights.window))
        out: dict[str, tuple[float, int | None]] = {}
        for kind in dict.fromkeys(kinds.tolist()):
            if kind == NONE:
                continue
            own = sims[:, kinds == kind].max(axis=1)
            if not is_goal(kind):  # "il budget di marketing" rules nothing out
                own = np.where(negated, own, 0.0)
            best = np.where(own > near_miss, own, 0.0)
            top = int(best.argmax())
            out[kind] = (float(best[top]) + (self.weights.cue if kind in cued else 0.0),
                         spans[top][1] if best[top] > 0 else None)
        return out

    def judge(self, constraints: tuple[Constraint, ...], vectors: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray]:
        """For sentence vectors (one row each): which break a constraint, and what keeping to
        them adds to each one's score (the fit bonus, scaled by how close the fit is)."""
        n = len(vectors)
        broken, bonus = np.zeros(n, dtype=bool), np.zeros(n, dtype=np.float32)
        if not constraints or not n:
            return broken, bonus
        w = self.weights
        rows = unit(vectors)
        for c in constraints:
            bad = self._closest(rows, "breaks", c.kind)
            good = self._closest(rows, "fits", c.kind)
            broken |= (bad >= w.breaks) & (bad > good + w.breaks_margin)
            bonus += np.where((good >= w.fits) & (good > bad), w.fit_bonus, 0.0)
        return broken, bonus

    def _closest(self, rows: np.ndarray, part: str, kind: str) -> np.ndarray:
        """Each row's similarity to the kind's nearest example of `part` (0 with none)."""
        bank = self._banks[part]
        mine = bank.of(kind)
        if not mine.any():
            return np.zeros(len(rows), dtype=np.float32)
        return bank.similarities(rows)[:, mine].max(axis=1)


def windows(text: str, size: int) -> list[tuple[str, int]]:
    """The text's runs of `size` words (the whole text when shorter), each with where it
    starts.

    >>> windows("sin gastar en publicidad", 3)
    [('sin gastar en', 0), ('gastar en publicidad', 4)]
    """
    tokens = list(_WORD.finditer(text))
    if len(tokens) <= size:
        return [(" ".join(t.group() for t in tokens), tokens[0].start())] if tokens else []
    return [(" ".join(t.group() for t in tokens[i:i + size]), tokens[i].start())
            for i in range(len(tokens) - size + 1)]


def negated_windows(text: str, size: int) -> list[bool]:
    """For each of `windows(text, size)`: whether it, or the `size` words before it, holds a
    privative word of any pack ("sin", "n'", "aucun", "zero", "free").

    >>> negated_windows("qual è il budget di marketing", 3)
    [False, False, False, False]
    >>> negated_windows("je n'ai aucun budget marketing", 3)
    [True, True, True]
    """
    tokens = [normalize_term(t.group()) for t in _WORD.finditer(text)]
    marks = [_is_privative(t) for t in tokens]
    if len(tokens) <= size:
        return [any(marks)] if tokens else []
    return [any(marks[max(0, i - size):i + size]) for i in range(len(tokens) - size + 1)]


def _is_privative(token: str) -> bool:
    found = _privatives()  # "n'ai" folds to "n ai": its elided "n'" counts
    return token in found or any(part in found for part in token.split())


@cache
def _privatives() -> frozenset[str]:
    return frozenset(normalize_term(w) for w in words("privatives"))
