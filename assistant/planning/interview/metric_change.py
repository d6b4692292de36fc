"""A goal said again in another metric is a new metric, not only a new number: "L'objectif
n'est pas en clients mais en devis signés : 40 devis signés par mois" and "The goal isn't
clients, it's bookings: 70 bookings a month" changed the target and kept "clients réguliers"
(dev9, 7 Dec). When the message speaks of the goal (the packs' goal or metric cue words) and a
number in it counts something the goal's metric does not name, the metric is the owner's new
words and the number its target."""

from __future__ import annotations

import re
from typing import Any

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
