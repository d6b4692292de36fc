"""Which season a clause's words give its months: low season, quiet (open but slow), the months
customers buy most (decision), those at capacity, or both of the last for a busy word that says
neither ("peak", "mesi forti"). The words are knowledge/understanding/words.json's, all languages
together; a word inside a longer phrase of another season reads as the phrase ("flat out")."""

from __future__ import annotations

import re

from .data import UnderstandingData
from .denied import negation_before


def verdict_of(folded: str, rest: str, data: UnderstandingData) -> tuple[str, ...] | None:
    """Which seasons a clause's words give its months (None when they give none); `rest` is
    the clause folded, its months taken out."""
    if data.word_pattern("low_season").search(folded):
        return ("quiet_months",)
    busy, quiet = data.word_pattern("busy"), data.word_pattern("quiet")
    decision, capacity = data.word_pattern("decision"), data.word_pattern("capacity")
    slow = _outside_longer(rest, quiet, (busy, decision, capacity))  # "flat out": not "flat"
    if quiet.search(slow) and not _busy_first(slow, busy, quiet):
        return ("quiet_months",)
    both = f"{rest} | {folded}"  # "a tope" before its filler words are dropped
    d, c = decision.search(both), capacity.search(both)
    said = d or busy.search(both)
    if said and not c and negation_before().search(both[:said.start()]):
        return ("quiet_months",)  # "enero y febrero casi no vendemos", "we don't sell much"
    if d and not c:
        return ("decision_months",)
    if c and not d:
        return ("capacity_months",)
    if d or c or busy.search(rest):
        return ("decision_months", "capacity_months")
    return None


def _outside_longer(text: str, words: re.Pattern[str],
                    others: tuple[re.Pattern[str], ...]) -> str:
    """The text with each phrase of `others` blanked where it holds a shorter match of `words`
    ("flat out" holds "flat"): the longer phrase says what the words mean there."""
    inner = [m.span() for m in words.finditer(text)]
    for other in others:
        for m in other.finditer(text):
            start, end = m.span()
            if any(start <= a and b <= end and (a, b) != (start, end) for a, b in inner):
                text = text[:start] + " " * (end - start) + text[end:]
    return text


def _busy_first(rest: str, busy: re.Pattern[str], quiet: re.Pattern[str]) -> bool:
    b, q = busy.search(rest), quiet.search(rest)
    return bool(b and q and b.start() < q.start() and not re.search(r"\d", rest[:b.start()]))
