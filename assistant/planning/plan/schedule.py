"""Money and time: budget splits that add up to the cent, tactic months, the calendar.

>>> allocate(100, [1, 1, 1])
[34, 33, 33]
>>> months((0.0, 0.3), 12), months((0.2, 1.0), 1)
((1, 4), (1, 1))
"""

from __future__ import annotations

import math
from collections.abc import Callable

from .model import BudgetLine, CalendarPeriod, Objective, PlanFacts, Tactic

RESERVE_SHARE = 0.10  # measurement, surprises and shifting money to what works
WINNING = frozenset({"reach", "leads", "acquire"})  # funnel stages that win new customers


def allocate(total_cents: int, weights: list[float]) -> list[int]:
    """Split an integer amount by weights; the parts always sum to the total exactly
    (largest remainder, ties to the earlier part)."""
    if not weights:
        return []
    weight_sum = sum(weights)
    if weight_sum <= 0:
        weights, weight_sum = [1.0] * len(weights), float(len(weights))
    exact = [total_cents * w / weight_sum for w in weights]
    parts = [math.floor(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[: total_cents - sum(parts)]:
        parts[i] += 1
    return parts


def months(timing: tuple[float, float], horizon: int) -> tuple[int, int]:
    """A tactic's first and last month inside the horizon from its relative timing."""
    start = 1 + math.floor(timing[0] * (horizon - 1))
    end = max(start, min(horizon, math.ceil(timing[1] * horizon)))
    return start, end


def budget_lines(total_cents: int, tactics: list[Tactic], weights: list[float],
                 reserve_label: str) -> tuple[list[Tactic], list[BudgetLine]]:
    """Tactics with their budget set, and the budget table (tactics plus a reserve line)."""
    reserve = RESERVE_SHARE * sum(weights) / (1 - RESERVE_SHARE)
    # tactics get whole currency units; the reserve takes the rest, cents included
    parts = [100 * p for p in allocate(total_cents // 100, [*weights, reserve])][:-1]
    parts.append(total_cents - sum(parts))
    priced = [t.model_copy(update={"budget_cents": c}) for t, c in zip(tactics, parts,
                                                                        strict=False)]
    lines = [BudgetLine(label=t.name, tactic_id=t.id, amount_cents=t.budget_cents,
                        share_percent=round(100 * t.budget_cents / total_cents, 1))
             for t in priced]
    lines.append(BudgetLine(label=reserve_label, amount_cents=parts[-1],
                            share_percent=round(100 * parts[-1] / total_cents, 1)))
    return priced, lines


def every_month(tactics: list[Tactic], weights: list[float], lines: list[BudgetLine],
                horizon: int, facts: PlanFacts) -> tuple[list[Tactic], list[BudgetLine]]:
    """For a budget given per month: every month of the plan gets its share of the money.
    Months no tactic covers go to the first tactic that may run then (never heavy work in a
    busy month); each month's money is split among the tactics active in it by weight."""
    check = "compliance_review"
    real = [i for i, t in enumerate(tactics) if t.template != check]
    spans = {i: list(tactics[i].active_months or range(tactics[i].start_month,
                                                       tactics[i].end_month + 1)) for i in real}
    open_months = [m for m in range(1, horizon + 1) if not facts.closed(m)] or [1]
    for m in open_months:
        if any(m in spans[i] for i in real):
            continue
        busy = facts.calendar_month(m)[0] in facts.busy_months
        taker = next((i for i in real if not (busy and tactics[i].effort == "heavy")), None)
        if taker is not None:
            spans[taker] = sorted({*spans[taker], m})
    pool = sum(tactics[i].budget_cents for i in real)
    per_month = allocate(pool // 100, [1.0] * len(open_months))  # a shut month spends nothing
    money: dict[int, dict[int, int]] = {i: {} for i in real}
    for m, units in zip(open_months, per_month, strict=True):
        active = [i for i in real if m in spans[i]]
        for i, part in zip(active, allocate(units, [weights[i] for i in active]), strict=True):
            money[i][m] = 100 * part
    if real and pool % 100:  # the cents go to the first month of the first tactic
        first = real[0]
        money[first][min(spans[first])] = money[first].get(min(spans[first]), 0) + pool % 100
    out = []
    for i, t in enumerate(tactics):
        if i not in money:
            out.append(t.model_copy(update={"monthly_cents": [t.budget_cents]}))
            continue
        months_ = spans[i]
        cents = [money[i].get(m, 0) for m in months_]
        out.append(t.model_copy(update={
            "active_months": months_, "start_month": min(months_), "end_month": max(months_),
            "monthly_cents": cents, "budget_cents": sum(cents)}))
    total = sum(line.amount_cents for line in lines)
    by_id = {t.id: t.budget_cents for t in out}
    lines = [line.model_copy(update={
        "amount_cents": by_id.get(line.tactic_id, line.amount_cents),
        "share_percent": round(100 * by_id.get(line.tactic_id, line.amount_cents) / total, 1)})
        for line in lines]
    return out, lines


def tactic_months(tactic_id: str, effort: str, timing: tuple[float, float], horizon: int,
                  facts: PlanFacts, not_before: int = 1) -> list[int]:
    """The plan months a tactic runs: its relative timing, never heavy work in the owner's busy
    months, gift-season work in the run-up to each peak."""
    start, end = months(timing, horizon)
    start = min(max(start, not_before), horizon)
    span = list(range(start, max(start, end) + 1))
    busy = set(facts.busy_months)
    if tactic_id == "gift_season":
        peaks = [m for m in range(1, horizon + 1)
                 if facts.calendar_month(m)[0] in (busy or {12})]
        span = sorted({p for m in peaks for p in (m - 2, m - 1, m) if not_before <= p})
    if effort == "heavy":
        span = [m for m in span if facts.calendar_month(m)[0] not in busy]
    span = [m for m in span if not facts.closed(m)]
    if not span:
        span = [next((m for m in range(not_before, horizon + 1)
                      if facts.calendar_month(m)[0] not in busy and not facts.closed(m)),
                     min(not_before, horizon))]
    return span


def until_due(tactics: list[Tactic], due: int | None, facts: PlanFacts) -> list[Tactic]:
    """Tactics that win customers end by the owner's last deadline ("de 60 à 90 abonnés
    d'ici juin" in a twelve-month plan): the push runs until then, never after; the other
    work (retention, the listing kept up) runs on. `due`: a plan month, None for no deadline."""
    if due is None:
        return tactics
    out = []
    for t in tactics:
        span = t.active_months or list(range(t.start_month, t.end_month + 1))
        if not set(t.stages) & WINNING or max(span) <= due:
            out.append(t)
            continue
        kept = [m for m in span if m <= due] or [
            m for m in range(1, due + 1) if not facts.closed(m)][-2:] or [due]
        out.append(t.model_copy(update={"active_months": kept, "start_month": min(kept),
                                        "end_month": max(kept)}))
    return out


def calendar(horizon: int, tactics: list[Tactic], objectives: list[Objective],
             label: Callable[[int, int], str], notes: Callable[[int, int], list[str]],
             milestone: Callable[[Objective], str]) -> list[CalendarPeriod]:
    """Month by month up to a year, quarter by quarter beyond."""
    step = 1 if horizon <= 12 else 3
    periods = []
    for start in range(1, horizon + 1, step):
        end = min(horizon, start + step - 1)
        active = [t.id for t in tactics
                  if any(start <= m <= end for m in (t.active_months
                                                     or range(t.start_month, t.end_month + 1)))]
        marks = notes(start, end)
        marks += [milestone(o) for o in objectives if start <= o.deadline_month <= end]
        periods.append(CalendarPeriod(label=label(start, end), start_month=start,
                                      end_month=end, tactic_ids=active, milestones=marks))
    return periods
