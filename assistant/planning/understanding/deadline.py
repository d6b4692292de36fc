"""When a goal is due, in the owner's words: "entro giugno", "para el curso que empieza en
septiembre", "d'ici décembre", "by June". The phrase is cut from what the goal counts (it is
no part of "abbonati") and its month becomes the objective's deadline, instead of the end of
the horizon. The leads are per language (deadline_leads in the packs); a month only counts
when nothing but words lies between the lead and it ("para 200 alumnos en septiembre" is a
target first: its "en septiembre" is the deadline)."""

from __future__ import annotations

import re
from functools import cache

from ...lexicon import lexicon
from ...packs import alternation
from ...text import fold
from .data import UnderstandingData
from .months import mentions

LONG_PERIODS = ("year", "month", "semester", "quarter")  # a length of time, no rate
MAX_GAP_WORDS = 6  # "para el curso que empieza en septiembre": four words between


@cache
def _leads() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation('deadline_leads', longest_first=True)})(?!\w)")


def deadline_of(clause: str, data: UnderstandingData,
                lang: str | None = None) -> tuple[int | None, str]:
    """The calendar month a goal is due (None when it says none) and the clause without the
    phrase that says it.

    >>> from assistant.settings import PROJECT_ROOT
    >>> from .data import load_understanding_data
    >>> data = load_understanding_data(PROJECT_ROOT / "knowledge" / "understanding")
    >>> deadline_of("Arrivare a 130 abbonati entro giugno", data, "it")
    (6, 'Arrivare a 130 abbonati')
    >>> deadline_of("Llegar a 200 alumnos para el curso que empieza en septiembre", data, "es")
    (9, 'Llegar a 200 alumnos')
    >>> deadline_of("passer de 2 à 6 contrats d'ici décembre", data, "fr")
    (12, 'passer de 2 à 6 contrats')
    >>> deadline_of("pasar de 40 a 90 alumnos en los cursos de septiembre y octubre", data, "es")
    (9, 'pasar de 40 a 90 alumnos')
    >>> deadline_of("get to 90 students for the September and October courses", data, "en")
    (9, 'get to 90 students')
    >>> deadline_of("get to 150 repairs a month", data, "en")
    (None, 'get to 150 repairs a month')
    >>> deadline_of("grow sales in the summer by 20%", data, "en")[0] is None  # a season
    True
    """
    low = fold(clause)
    if len(low) != len(clause):  # positions are read on the folded text
        return None, clause
    found = [m for m in mentions(clause, data, lang) if len(m[2]) == 1]  # a month, not a season
    for lead in _leads().finditer(low):
        after = [(start, end, months) for start, end, months in found if start >= lead.end()]
        if not after:
            continue
        start, end, months = after[0]
        gap = low[lead.end():start]
        if re.search(r"\d", gap) or len(gap.split()) > MAX_GAP_WORDS:
            continue
        for later_start, later_end, _ in after[1:]:  # "de septiembre y octubre": both go
            if not re.fullmatch(rf"\s*(?:,|{alternation('and')})?\s*",
                                low[end:later_start]):
                break
            end = later_end
        if len(clause[end:].split()) == 1:  # "for the September and October courses"
            end = len(clause)
        rest = re.sub(r"\s{2,}", " ", clause[:lead.start()] + clause[end:]).strip(" ,;.")
        return months[0], rest
    return None, clause


def start_for_deadline(year: int, month: int, due: int | None,
                       horizon: int | None) -> tuple[int, int]:
    """The plan's first month when the owner named none: the month after today (`year`,
    `month`), unless the goal's month ("para los cursos de septiembre") falls outside a plan of
    `horizon` months from then; the plan then starts later, to end in the goal's month.

    >>> start_for_deadline(2027, 1, 9, 6)  # six months for September: April to September
    (2027, 4)
    >>> start_for_deadline(2027, 1, 6, 12)  # June lies inside the year: unchanged
    (2027, 1)
    >>> start_for_deadline(2027, 1, None, 6)
    (2027, 1)
    """
    if due is None or not horizon or horizon < 2:
        return year, month
    months_to_due = (due - month) % 12  # 0: the start month itself, a year on
    if 1 <= months_to_due <= horizon - 1:
        return year, month
    first = month + (months_to_due or 12) - (horizon - 1)
    if first <= month:  # the goal's month comes too soon for the horizon: leave it
        return year, month
    return year + (first - 1) // 12, (first - 1) % 12 + 1


def period_alternation(units: tuple[str, ...] = LONG_PERIODS, shortest: int = 1) -> str:
    """The period words of `units` in every language, folded, longest first, as a regex
    alternation ("anni|anno|…"), leaving out those shorter than `shortest` (English "m")."""
    words = {fold(w) for lang in lexicon("period_words").values() for unit in units
             for w in lang.get(unit, []) if len(w) >= shortest}
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@cache
def _period_end() -> re.Pattern[str]:
    return re.compile(rf"[\s,]+(?:{alternation('period_leads', longest_first=True)})\s+\S+\s+"
                      rf"(?:{period_alternation()})\s*[.!]?$")


def without_period(clause: str) -> str:
    """The clause without the time it closes on ("Arrivare a 70 famiglie seguite entro un
    anno", "10 new stockists within a year"): a length of time is no part of what a goal
    counts, which read "famiglie seguite entro un anno" (hand test, 7 Dec). A rate stays
    ("20 ordini a settimana": no count word, no long period).

    >>> without_period("Arrivare a 70 famiglie seguite entro un anno")
    'Arrivare a 70 famiglie seguite'
    >>> without_period("get 10 new stockists within a year"), without_period("200 pedidos al mes")
    ('get 10 new stockists', '200 pedidos al mes')
    """
    low = fold(clause)
    if len(low) != len(clause):
        return clause
    match = _period_end().search(low)
    return clause[:match.start()] if match else clause
