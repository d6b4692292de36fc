"""What the plan must obey, read from the understanding step (or, for old callers, derived from
the plain answers): business type, goals, channels, months, time, team, regulation."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from ..understanding.model import GoalUnderstood, Understanding
from .model import PlanFacts

if TYPE_CHECKING:
    from .inputs import PlanInput

# excluding one platform of a family rules out the ads sold across the family
FAMILIES = {"meta_ads": ("facebook", "instagram"), "google_ads": ("google_ads",)}


def understanding_of(inp: PlanInput, today: datetime.date | None = None) -> Understanding:
    """The understanding on the input, or a minimal one built from its plain fields."""
    existing = getattr(inp, "understood", None)
    if isinstance(existing, Understanding):
        return existing
    today = today or datetime.date.today()
    month = today.month % 12 + 1
    year = today.year + (1 if today.month == 12 else 0)
    return Understanding(
        business_type=inp.business_type,
        goals=[GoalUnderstood(goal_id=inp.goal_id, text=inp.goal, target=inp.goal_target)],
        channel_ids=list(inp.channel_ids), excluded_ids=list(inp.excluded_ids),
        start_year=year, start_month=month)


def excluded_ids(understood: Understanding, inp: PlanInput) -> list[str]:
    """Every ruled-out channel id, platform families expanded."""
    out = set(understood.excluded_ids) | set(inp.excluded_ids)
    for family, members in FAMILIES.items():
        if any(m in out for m in members):
            out.add(family)
    return sorted(out)


def working_ids(understood: Understanding, inp: PlanInput, excluded: list[str]) -> list[str]:
    """Channels that work today, in the owner's order, minus anything ruled out."""
    ids = list(dict.fromkeys([*understood.channel_ids, *inp.channel_ids]))
    return [c for c in ids if c not in excluded]


def facts_of(understood: Understanding, inp: PlanInput, playbook_regulated: str | None,
             excluded: list[str]) -> PlanFacts:
    """The plan's facts: the owner's constraints the validator checks the plan against."""
    return PlanFacts(
        business_type=understood.business_type, start_year=understood.start_year,
        start_month=understood.start_month,
        working_channels=working_ids(understood, inp, excluded),
        busy_months=sorted(set(understood.busy_months)),
        quiet_months=sorted(set(understood.quiet_months) - set(understood.busy_months)
                            - set(understood.closed_months)),
        closed_months=sorted(set(understood.closed_months) - set(understood.busy_months)),
        hours_per_week=understood.hours_per_week, team_size=understood.team_size,
        regulated=understood.regulated or playbook_regulated,
        current_customers=understood.current_customers)


def own_rules(understood: Understanding, playbook_regulated: str | None,
              fits: bool) -> tuple[Understanding, str | None]:
    """The regulation the plan obeys: a type that does not fit lends none of its trade's rules
    (a dog groomer is not a health clinic); the owner's words or correction always count."""
    if fits or "regulated" in understood.corrected or not understood.regulated_by_type:
        return understood, playbook_regulated
    return understood.model_copy(update={"regulated": None}), None
