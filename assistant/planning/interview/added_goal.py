"""A goal told as an addition ("y también queremos llegar a 30 alumnos adultos", "et aussi dix
bars de plus", "also 20 corporate bookings a quarter") is one more goal, never a new target for
the goal already there: it replaced "200 alumnos" with 30 and the plan read "de 140 a 30" (hand
test, 7 Dec). The addition words are per language (goal_additions in the packs); the new goal
is kept in the owner's words after the goal answer, and every goal is read again from it."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ...packs import words as pack_words
from ...text import fold
from .fact import Fact

GOAL_FIELDS = ("goal_target", "goal_metric")


@cache
def _additions() -> re.Pattern[str]:
    found = sorted({fold(w).strip() for w in pack_words("goal_additions")}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, found))})(?!\w)")


def as_added_goal(text: str, facts: list[Fact],
                  is_goal: Callable[[str], bool] = lambda _: False) -> list[Fact]:
    """`facts` with a goal read from an addition turned into one more goal (its words); an
    addition that reads as a goal (`is_goal`) is one even when no fact was read from it.

    >>> as_added_goal("Y también queremos llegar a 30 alumnos", [Fact("goal_target", 30)])
    [Fact(field='goal_added', value='Y también queremos llegar a 30 alumnos', op='set')]
    >>> as_added_goal("Cambia el objetivo: 220 alumnos", [Fact("goal_target", 220)])
    [Fact(field='goal_target', value=220, op='set')]
    >>> as_added_goal("On veut aussi 10 cavistes de plus", [], lambda text: True)[0].field
    'goal_added'
    >>> as_added_goal("Somos también 3", [Fact("team_size", 3)], lambda text: False)
    [Fact(field='team_size', value=3, op='set')]
    """
    if not _additions().search(fold(text)) or not (
            any(f.field in GOAL_FIELDS for f in facts) or not facts and is_goal(text)):
        return facts
    return [f for f in facts if f.field not in GOAL_FIELDS] + [
        Fact("goal_added", re.sub(r"\s+", " ", text).strip(" .!"))]
