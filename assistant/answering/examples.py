"""The business a question names ("my physio clinic", "ho un agriturismo") and, for a practical
question, a concept card's worked example about the same kind of business ("Un agriturismo,
per esempio, può…"): what makes a generic answer about *their* business."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..documents import Hit
from ..search.cognates import cognate_key
from ..text import normalize_term, sentences, words
from .questions import business_of, focus_keys
from .statements import gives_an_example


class LexicalSearch(Protocol):
    def search(self, query: str, k: int = 5, *, query_language: str | None = None,
               language: str | None = None, kind: str | None = None,
               mode: str = "hybrid") -> list[Hit]: ...


@dataclass(frozen=True)
class BusinessWords:
    """Business types by their playbook keywords and the understander's cue patterns."""

    keywords: Mapping[str, Sequence[str]] = field(default_factory=dict)
    # business type -> the understander's cue pattern (word starts: "physio", "fontaner")
    cues: Mapping[str, re.Pattern[str]] = field(default_factory=dict)

    def business(self, text: str) -> str | None:
        """The business type a text names: the playbook's keywords, then the understander's
        cues (word starts of six letters or more: "physio" but not "medic" in "medición")."""
        found = business_of(text, self.keywords)
        if found or not self.cues:
            return found
        counts = {ident: len(_cue_words(text, cue)) for ident, cue in self.cues.items()}
        best = max(counts, key=counts.__getitem__, default=None)
        return best if best and counts[best] else None

    def words_of(self, text: str) -> list[str]:
        """The words of a text that name a kind of business (keywords or cues)."""
        keywords = {normalize_term(k) for terms in self.keywords.values()
                    for k in terms if " " not in normalize_term(k)}
        cued = {w for cue in self.cues.values() for w in _cue_words(text, cue)}
        return [w for w in words(text) if len(w) >= 4 and (w in keywords or w in cued)]

    def _ambiguous(self) -> frozenset[str]:
        """Keyword words that several business types share ("studio", "cabinet"): they say a
        business is named, not which one."""
        owners: dict[str, set[str]] = {}
        for ident, terms in self.keywords.items():
            for term in terms:
                for w in words(term):
                    owners.setdefault(w, set()).add(ident)
        return frozenset(w for w, types in owners.items() if len(types) > 1)

    def example(self, question: str, context: str | None, language: str, kind: str | None,
                search: LexicalSearch) -> tuple[str, str] | None:
        """(source id, sentence): for a practical question ("how do I fill my agriturismo in
        the low season?"), a concept card's worked example about the same kind of business,
        sharing the business's own words and the question's ask; None when there is none."""
        if kind not in ("howto", "quantity"):
            return None
        text = f"{question} {context or ''}".strip()
        business = {cognate_key(w)[:5] for w in self.words_of(text)}
        if not business:
            return None
        asked = focus_keys(question, language, "") | business
        telling = [w for w in self.words_of(text) if w not in self._ambiguous()]
        best: tuple[int, str, str] | None = None
        for hit in search.search(text, 6, query_language=language, language=language,
                                 kind="concept", mode="lexical"):
            for sentence in sentences(hit.text):
                keys = focus_keys(sentence, language, "")
                shared = keys & asked
                if not gives_an_example(sentence) or not keys & business or len(shared) < 2:
                    continue
                if not any(_same_word(t, w) for t in telling for w in words(sentence)):
                    continue  # "un cabinet de kinésithérapie" is no example for a law firm
                score = len(shared) + 2 * len(keys & business)
                if best is None or score > best[0]:
                    best = (score, hit.source_id, sentence.strip())
        return (best[1], best[2]) if best else None


def _same_word(a: str, b: str) -> bool:
    """Two forms of one word: a long common start ("commercialista"/"commercialisti",
    "physio"/"physiotherapy"), not a shared prefix of different words ("commerce").

    >>> _same_word("commercialista", "commercialisti"), _same_word("physio", "physiotherapy")
    (True, True)
    >>> _same_word("commercialista", "commerce")
    False
    """
    short, long = sorted((a, b), key=len)
    if len(short) >= 5 and long.startswith(short):
        return True
    common = len(os.path.commonprefix([a, b]))
    return common >= 5 and common >= len(short) - 1 and len(long) - len(short) <= 2


def _cue_words(text: str, cue: re.Pattern[str]) -> set[str]:
    """The words of `text` (folded) that a cue pattern starts with at least six letters of.

    >>> sorted(_cue_words("my physio clinic", re.compile(r"(?<![a-z0-9])(?:physio|clinic)")))
    ['clinic', 'physio']
    >>> _cue_words("medición de KPI", re.compile(r"(?<![a-z0-9])(?:medic)"))
    set()
    """
    out: set[str] = set()
    for word in words(text):
        match = cue.match(word)
        if match and len(match.group(0)) >= 6:
            out.add(word)
    return out
