"""A count told as more of it ("10 cavistes de plus", "another 20 clients", "altri 50", "15
alumnos más"): the number added to the level today, not the level wanted. The words around the
number are the packs' (`count_more_after`: "more", "de plus", "in più", "más"; `count_more_before`:
"another", "altri", "otros"), over every language, since a correction may be typed in another
language than the interview's.

>>> more_count("10 cavistes de plus, pas 15")
10
>>> more_count("We want 200 clients") is None
True
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ...packs import alternation
from ...text import fold
from .fact import Fact
from .replaced import numbers

NUMBER = r"(\d[\d.,\u202f ]*\d|\d)"
WORDS_BETWEEN = r"(?:\s+[a-z'-]+){0,3}?"  # "10 cavistes de plus", "20 clienti in più"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    after = fold(alternation("count_more_after", longest_first=True))
    before = fold(alternation("count_more_before", longest_first=True))
    return (re.compile(rf"(?<![\d.,]){NUMBER}{WORDS_BETWEEN}\s+(?:{after})(?![a-z])"),
            re.compile(rf"(?<![a-z])(?:{before})\s+{NUMBER}(?![\d])"))


def more_count(text: str) -> int | float | None:
    """The N of "N more" in the text, None when it says no count added."""
    low = fold(text)
    for pattern in _patterns():
        match = pattern.search(low)
        if match:
            found = numbers(match.group(1))
            if found:
                value = found[0][0]
                return int(value) if value == int(value) else value
    return None


def more_goal(text: str, held: dict[str, Any]) -> Fact | None:
    """The goal's new target when the message adds N to the level today the goal starts
    from (`held["goal_current"]`); None without that level or without "N more"."""
    today = held.get("goal_current")
    added = more_count(text)
    if not isinstance(today, int | float) or added is None:
        return None
    target = today + added
    return Fact("goal_target", int(target) if target == int(target) else target)
