"""A goal said again in another metric is a new metric, not only a new number: "L'objectif
n'est pas en clients mais en devis signés : 40 devis signés par mois" and "The goal isn't
clients, it's bookings: 70 bookings a month" changed the target and kept "clients réguliers"
(dev9, 7 Dec). When the message speaks of the goal (the packs' goal or metric cue words) and a
number in it counts something the goal's metric does not name, the metric is the owner's new
words and the number its target. A number told with the goal's own metric words is its target,
or its level of today when the message says now (metric_count)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ...lexicon import lexicon
from ...text import fold
from ..understanding.metrics import metric_of
from ..understanding.model import Understanding
from ..understanding.numbers import quantities
from .fact import Fact

CLAUSE_END = re.compile(r"[,;.!?]|$")


def _stems(words: str) -> set[str]:
    return {w[:5] for w in re.findall(r"\w+", fold(words)) if len(w) >= 4}


def new_metric(facts: list[Fact], text: str, lang: str, u: Understanding | None,
               about_goal: bool, data: dict[str, Any]) -> list[Fact]:
    """`facts` with the goal's metric and target when the message counts the goal in a new
    metric (`about_goal`: it names the goal; `data`: the profile data metric_of reads with)."""
    if not about_goal or u is None or not u.goals or any(
            f.field in ("goal_metric", "goal_added") for f in facts):
        return facts
    held = _stems(u.goals[0].metric or u.goals[0].text)
    for q in quantities(text, words=False):
        if q.unit is not None:
            continue
        clause = text[q.start:CLAUSE_END.search(text, q.end).start()]
        metric = metric_of(clause, lang, data)
        if metric and _stems(metric) and not _stems(metric) & held:
            value = int(q.value) if q.value == int(q.value) else q.value
            return [f for f in facts if f.field != "goal_target"] + [
                Fact("goal_metric", metric), Fact("goal_target", value)]
    return facts


def metric_count(interviewer: Any, u: Understanding | None, text: str) -> list[Fact]:
    """A number told with the goal's own metric words (`u`: what the answers mean) is its new
    target ("actually make that 35 regular clients" when the goal counts "regular clients a
    month"), or today's level when the message says now ("aujourd'hui on accueille 45
    stagiaires par mois", "we have 18 regular clients now")."""
    if u is None or not u.goals or not u.goals[0].metric:
        return []
    stems = {w[:5] for w in re.findall(r"\w+", fold(u.goals[0].metric))
             if len(w) >= 4 and w not in _period_words()}  # "a month" says no target
    now = interviewer.understander.profile_data["now_words"]
    low = fold(text)
    today = any(re.search(rf"(?<!\w){re.escape(fold(w))}(?!\w)", low) for w in now)
    for q in quantities(text, words=False):
        after = re.findall(r"\w+", low[q.end:q.end + 40])[:3]
        if q.unit is None and any(w[:5] in stems for w in after if len(w) >= 4):
            return [Fact("current_customers" if today else "goal_target", q.value)]
    return []


@cache
def _period_words() -> frozenset[str]:
    """Every language's words for a period of time ("month", "mes", "mois"), folded."""
    return frozenset(fold(w) for units in lexicon("period_words").values()
                     for words in units.values() for w in words)
