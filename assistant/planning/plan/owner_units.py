"""Goals counted in the owner's own unit ("de 60 a 100 servicios por mes", "passer à 300
couverts par semaine", "+40 services/month"): one customer fills that unit several times, so the
plan keeps the owner's unit in the objective and the funnel never turns it into new customers or
the contacts they would need. And the funnel's cost per customer next to the most a customer may
cost (average sale x margin): a plan that assumes more says so.

>>> counts_people("nouveaux bars clients", {"fr": ["client"]}), counts_people("capi", {})
(True, False)
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import Any

from ...settings import PROJECT_ROOT
from ...text import fold
from ..understanding.metrics import metric_of
from ..understanding.model import GoalUnderstood, Understanding
from ..understanding.profile import load_profile_data
from .model import FunnelPlan
from .open_data import default_open_data

GROWTH_GOALS = ("acquisition", "launch")


def counts_people(metric: str, people: dict[str, list[str]]) -> bool:
    """Whether the goal's noun counts people (customers, members, students, donors...), in any
    of the four languages (knowledge/playbook/open.json: people_words)."""
    words = re.findall(r"\w+", fold(metric))
    stems = {fold(s) for lang_stems in people.values() for s in lang_stems}
    return any(w.startswith(s) for w in words for s in stems)


def counted(goal: GoalUnderstood, lang: str) -> str | None:
    """What the goal counts, in the owner's words: the metric as read, or, when the owner gave
    a whole goal sentence as the metric ("passare da 8 a 15 botteghe che rivendono il nostro
    miele"), the thing it counts ("botteghe che rivendono il nostro miele")."""
    if not goal.metric or not re.search(r"\d", goal.metric):
        return goal.metric
    return metric_of(goal.metric, lang, _profile_words()) or goal.metric


@cache
def _profile_words() -> dict[str, Any]:
    return load_profile_data(PROJECT_ROOT / "knowledge" / "understanding" / "profile.json")


def unit_noun(metric: str) -> str:
    """The owner's unit without its period, in their words: "booked hours a month" -> "booked
    hours", "réparations par mois" -> "réparations" (to count it over the whole plan)."""
    from ..understanding.goal_metric import MetricReader, load_metric_data

    kept = set(MetricReader(load_metric_data()).content(metric).split())
    words = [w for w in re.split(r"[\s/]+", metric) if fold(w) in kept]
    return " ".join(words) or metric


def own_unit(goal: GoalUnderstood, data: dict[str, Any] | None = None) -> str | None:
    """The owner's unit when a growth goal is a rate of something other than people ("servicios
    por mes"); None for people ("clientes nuevos al mes") and for counts over the plan."""
    data = data or default_open_data()
    if goal.goal_id not in GROWTH_GOALS or not goal.period or not goal.metric \
            or goal.unit not in (None, "customers"):
        return None
    return None if counts_people(goal.metric, data["people_words"]) else goal.metric


def in_owner_unit(funnel: FunnelPlan, understood: Understanding,
                  data: dict[str, Any]) -> FunnelPlan:
    """The funnel with the owner's unit said, and no contacts or reach derived from it."""
    unit = next((u for g in understood.goals if (u := own_unit(g, data))), None)
    if unit is None or not funnel.owner_target:
        return funnel
    return funnel.model_copy(update={"owner_unit": unit, "leads_needed": None,
                                     "reach_needed": None})


def cost_per_customer_cents(funnel: FunnelPlan) -> int:
    """What one new customer costs at the funnel's assumptions (cost per contact / rate)."""
    return math.ceil(funnel.cost_per_lead_cents / funnel.lead_to_customer)


def cost_above_margin(funnel: FunnelPlan) -> bool:
    """Whether a new customer costs more than the margin one brings (the owner's numbers)."""
    most = funnel.margin_per_customer_cents
    return bool(most) and cost_per_customer_cents(funnel) > most


def own_unit_lines(funnel: FunnelPlan, horizon: int, say: Any, num: Any) -> list[str]:
    """The funnel section's sentences for a goal in the owner's unit: what it counts, and the
    rate over the plan in that unit (never in customers)."""
    lines = [say("funnel.own_unit", metric=funnel.owner_unit)]
    if funnel.owner_total and funnel.period == "month":
        lines.append(say("funnel.own_total_month", total=num(funnel.owner_total),
                         months=horizon, metric=funnel.owner_unit))
    elif funnel.owner_total and funnel.period:
        lines.append(say("funnel.own_total", total=num(funnel.owner_total), months=horizon,
                         metric=funnel.owner_unit, n=num(funnel.periods_per_month),
                         periods=say(f"rate.{funnel.period}_plural")))
    return lines
