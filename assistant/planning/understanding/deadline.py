"""When a goal is due, in the owner's words: "entro giugno", "para el curso que empieza en
septiembre", "d'ici décembre", "by June". The phrase is cut from what the goal counts (it is
no part of "abbonati") and its month becomes the objective's deadline, instead of the end of
the horizon. The leads are per language (deadline_leads in the packs); a month only counts
when nothing but words lies between the lead and it ("para 200 alumnos en septiembre" is a
target first: its "en septiembre" is the deadline)."""

from __future__ import annotations

import re
from functools import cache

from ...packs import alternation
from ...text import fold
from .data import UnderstandingData
from .months import mentions

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
        rest = (clause[:lead.start()] + clause[end:]).strip(" ,;.")
        return months[0], rest
    return None, clause
