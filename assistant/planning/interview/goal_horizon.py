"""The time a goal gives itself, as the interview's horizon: "passare da 120 a 200 allievi in un
anno" answers "in how long?" too, so it is not asked again (hand test, 7 Dec: the sailing school
was asked for the horizon right after saying "in un anno"). The leads ("in", "entro", "d'ici")
and the units are per language (packs: period_leads, period_words)."""

from __future__ import annotations

import re
from functools import cache

from ...packs import alternation
from ...text import fold
from ..understanding.deadline import LONG_PERIODS, period_alternation
from .parsing import ParseProblem, parse_horizon
from .state import InterviewState

MIN_MONTHS = 3  # "40 orders in a month" is a rate, not the plan's length
MAX_WORDS_BEFORE_UNIT = 3  # "en los próximos 12 meses"
HORIZON = "horizon_months"


@cache
def _period() -> re.Pattern[str]:
    units = period_alternation(LONG_PERIODS, shortest=2)
    half = period_alternation(("half",))
    return re.compile(rf"(?<!\w)(?:{alternation('period_leads', longest_first=True)})\s+"
                      rf"((?:[^\s()]+\s+){{0,{MAX_WORDS_BEFORE_UNIT}}}?(?:{units})"
                      rf"(?:\s+(?:{alternation('and')})\s+(?:{half}))?)(?!\w)")


def take_horizon(state: InterviewState, goal: str) -> int | None:
    """The months the goal answer gives itself, stored as the horizon (told before it was
    asked) when none was given or skipped; None when it was, or the goal says none."""
    if HORIZON in state.answers or HORIZON in state.skipped:
        return None
    months = goal_horizon(goal)
    if months is not None:
        state.answers[HORIZON] = months
        if HORIZON not in state.given:
            state.given.append(HORIZON)
    return months


def goal_horizon(goal: str) -> int | None:
    """The months a goal says it takes, when it says so and they are long enough to plan over.

    >>> goal_horizon("Vogliamo passare da 120 a 200 allievi in un anno")
    12
    >>> goal_horizon("Llegar a 300 socios en los próximos 18 meses")
    18
    >>> goal_horizon("get 10 new stockists within a year"), goal_horizon("doubler d'ici 6 mois")
    (12, 6)
    >>> goal_horizon("arrivare a 90 soci in un anno e mezzo")
    18
    >>> goal_horizon("40 orders in a month") is None, goal_horizon("200 pedidos al mes") is None
    (True, True)
    >>> goal_horizon("hacer 300 declaraciones en la campaña (este año hicimos 210)") is None
    True
    """
    for match in _period().finditer(fold(goal)):
        try:
            months = parse_horizon(match.group(1))
        except (ParseProblem, ValueError):
            continue
        if months >= MIN_MONTHS:
            return months
    return None
