"""Targets from explicit funnel arithmetic: budget -> leads -> customers, with the business
type's assumptions, the owner's own numbers and a plausibility bound.

>>> saturated(6000, 10000), round(saturated(60000, 10000))
(6000.0, 29302)
"""

from __future__ import annotations

import math

from ..playbook import Funnel
from ..understanding.model import GoalUnderstood, Understanding
from .model import FunnelPlan
from .schedule import RESERVE_SHARE

SATURATION = 0.6  # above the reference budget, spend buys leads with this elasticity
# A rate over the plan: evenings and days a business is open in a month (26: closed one day a
# week), weeks in a month. Shown in the plan as an assumption the owner can change.
PER_MONTH = {"evening": 26.0, "day": 26.0, "week": 4.3, "month": 1.0}


def saturated(budget: float, reference: float) -> float:
    """The budget's effective weight: linear up to the reference, diminishing after it."""
    if budget <= reference:
        return float(budget)
    return reference * (budget / reference) ** SATURATION


def owner_gap(goals: list[GoalUnderstood], current_customers: int | None) -> int | None:
    """New customers the owner's numbers ask for: 300 today and 450 wanted -> 150 (per period
    for a rate goal: 25 covers an evening today and 40 wanted -> 15 an evening)."""
    for goal in goals:
        if goal.goal_id not in ("acquisition", "launch"):
            continue
        if goal.unit == "percent":
            continue
        if goal.change and goal.change > 0:
            return int(goal.change)
        current = goal.current if goal.current is not None or goal.period else current_customers
        if goal.target and current is not None and goal.target > current:
            return int(goal.target - current)
        if goal.target and current is None:
            return int(goal.target)
    return None


def months_paid(understood: Understanding, assumed: float) -> tuple[float | None, bool]:
    """The months one customer pays a monthly fee and whether they are assumed: the owner's
    stay, else `assumed` (a type's purchases a year count purchases, not months of a fee);
    (None, False) for a sale that is no monthly fee.

    >>> def said(**kw):
    ...     return Understanding(business_type="retail", start_year=2027, start_month=1, **kw)
    >>> months_paid(said(sale_period="month", stay_months=8), 6)
    (8.0, False)
    >>> months_paid(said(sale_period="month"), 6)
    (6, True)
    >>> months_paid(said(), 6)
    (None, False)
    """
    if understood.sale_period != "month":
        return None, False
    if understood.stay_months:
        return float(understood.stay_months), False
    return assumed, True


def funnel_plan(assumptions: Funnel, understood: Understanding, budget_cents: int,
                horizon_months: int, assumed_stay: float = 6) -> FunnelPlan:
    """What the budget should bring through the funnel, bounded, next to what the owner asks."""
    years = horizon_months / 12
    spend = budget_cents / 100 * (1 - RESERVE_SHARE)
    effective = saturated(spend, assumptions.reference_budget * years)
    leads = effective / assumptions.cost_per_lead
    customers = leads * assumptions.lead_to_customer
    cap = assumptions.market_cap * years
    if understood.current_customers:
        cap = min(cap, max(3.0, understood.current_customers * assumptions.growth_cap * years))
    bounded = min(customers, cap)
    if bounded < customers:  # the cap binds: fewer leads are needed for it
        leads = bounded / assumptions.lead_to_customer
    out = FunnelPlan(
        cost_per_lead_cents=round(assumptions.cost_per_lead * 100),
        reach_to_lead=assumptions.reach_to_lead, lead_to_customer=assumptions.lead_to_customer,
        reach=round(leads / assumptions.reach_to_lead), leads=round(leads),
        customers=max(1, math.floor(bounded)), cap=math.floor(cap) if bounded < customers else None)
    gap = owner_gap(understood.goals, understood.current_customers)
    if gap:
        needed = math.ceil(gap / assumptions.lead_to_customer)
        out.owner_target, out.leads_needed = gap, needed
        out.reach_needed = math.ceil(needed / assumptions.reach_to_lead)
        period = next((g.period for g in understood.goals
                       if g.goal_id in ("acquisition", "launch") and g.period), None)
        if period:  # a rate: the arithmetic per period, and what it means over the plan
            out.period, out.periods_per_month = period, PER_MONTH[period]
            open_months = horizon_months * (12 - len(understood.closed_months)) / 12
            out.owner_total = math.ceil(gap * PER_MONTH[period] * open_months)
    if understood.average_sale and understood.gross_margin:
        purchases = assumptions.purchases_per_year * min(1.0, years)
        # a monthly fee is worth the months a customer pays it, never one month's fee
        months, out.stay_assumed = months_paid(understood, assumed_stay)
        out.months_per_customer = months
        if months is None and purchases > 1:
            out.purchases_per_customer = purchases
        margin = understood.average_sale * understood.gross_margin * max(1.0, months or purchases)
        out.margin_per_customer_cents = max(1, round(margin * 100))
        out.break_even_customers = math.ceil(budget_cents / out.margin_per_customer_cents)
    return out
