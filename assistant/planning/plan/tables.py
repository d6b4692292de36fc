"""The plan's tables as rows of text, shared by the Markdown and DOCX exports."""

from __future__ import annotations

from collections.abc import Callable

from .formatting import format_money, format_number, format_share, month_name, month_span
from .model import Plan

Say = Callable[..., str]


def month_label(plan: Plan, say: Say, plan_month: int) -> str:
    """A plan month as a real month when the plan knows its start, else "month N"."""
    if plan.facts is None:
        return say("labels.month_span", start=plan_month, end=plan_month)
    month, year = plan.facts.calendar_month(plan_month)
    return month_name(month, year, plan.language)


def months_label(plan: Plan, say: Say, months: list[int]) -> str:
    """Plan months as runs of real months: "mar–may 2026, sept–oct 2026"."""
    if plan.facts is None:
        return say("labels.month_span", start=min(months), end=max(months))
    runs: list[list[int]] = []
    for m in sorted(months):
        if runs and m == runs[-1][-1] + 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    out = []
    for run in runs:
        (m1, y1), (m2, y2) = plan.facts.calendar_month(run[0]), plan.facts.calendar_month(run[-1])
        out.append(month_span(m1, y1, m2, y2, plan.language))
    return ", ".join(out)


def objectives(plan: Plan, say: Say) -> tuple[list[str], list[list[str]]]:
    """Objectives: id, text, KPI, target, deadline."""
    head = [say(f"columns.{c}") for c in ("id", "objective", "kpi", "target", "deadline")]
    rows = [[o.id, o.text, o.kpi_name, f"{format_number(o.target_value, plan.language)} {o.unit}",
             month_label(plan, say, o.deadline_month)] for o in plan.strategy.objectives]
    return head, rows


def tactics(plan: Plan, say: Say) -> tuple[list[str], list[list[str]]]:
    """Tactics: id, name, objectives served, channel or mix element, owner, months, budget, KPI."""
    head = [say(f"columns.{c}") for c in ("id", "tactic", "serves", "channel", "owner", "months",
                                          "budget", "kpi")]
    rows = []
    for t in plan.tactics:
        where = f"{t.channel_label} ({t.mix_element})" if t.channel_label else t.mix_element
        rows.append([t.id, t.name, ", ".join(t.objective_ids), where, t.owner,
                     months_label(plan, say, t.active_months
                                  or list(range(t.start_month, t.end_month + 1))),
                     format_money(t.budget_cents, plan.currency, plan.language), t.kpi_name])
    return head, rows


def budget(plan: Plan, say: Say) -> tuple[list[str], list[list[str]]]:
    """Budget lines with amounts and shares, and the total."""
    lang = plan.language
    head = [say("columns.line"), say("columns.amount"), say("columns.share")]
    buys = {t.id: t.buys for t in plan.tactics if t.buys}  # what each line's money buys
    rows = [[(f"{line.tactic_id} · " if line.tactic_id else "") + (
        say("open.buys_line", name=line.label, buys=buys[line.tactic_id])
        if line.tactic_id in buys else line.label),
             format_money(line.amount_cents, plan.currency, lang),
             format_share(line.share_percent, lang)] for line in plan.budget.lines]
    total = sum(line.amount_cents for line in plan.budget.lines)
    rows.append([say("columns.total"), format_money(total, plan.currency, lang),
                 format_share(100.0, lang)])
    return head, rows


def calendar(plan: Plan, say: Say) -> tuple[list[str], list[list[str]]]:
    """Periods with their active tactics and milestones."""
    head = [say("columns.period"), say("columns.active"), say("columns.milestones")]
    return head, [[p.label, ", ".join(p.tactic_ids), say("list_separator").join(p.milestones)]
                  for p in plan.calendar]  # French: " ; "


def measurement(plan: Plan, say: Say) -> tuple[list[str], list[list[str]]]:
    """KPIs: objective, KPI, target, how to read it, cadence."""
    head = [say(f"columns.{c}") for c in ("objective", "kpi", "target", "how_to_read",
                                          "cadence")]
    return head, [[k.objective_id, k.kpi_name, k.target, k.how_to_read, k.cadence]
                  for k in plan.measurement.kpis]


def risks(plan: Plan, say: Say) -> tuple[list[str], list[list[str]]]:
    """Risks and responses."""
    return [say("columns.risk"), say("columns.response")], [[r.risk, r.response]
                                                           for r in plan.risks]


def budget_by_month(plan: Plan, say: Say) -> tuple[list[str], list[list[str]]]:
    """Spend per month and tactic; rows and the total add up to the cent."""
    head = [say("columns.month"), *[t.id for t in plan.tactics], say("columns.total")]
    rows = []
    for m in range(1, plan.horizon_months + 1):
        cells = []
        total = 0
        for t in plan.tactics:
            months = t.active_months
            amount = t.monthly_cents[months.index(m)] \
                if m in months and len(t.monthly_cents) == len(months) else 0
            total += amount
            cells.append(format_money(amount, plan.currency, plan.language) if amount else "")
        if total:
            rows.append([month_label(plan, say, m), *cells,
                         format_money(total, plan.currency, plan.language)])
    return head, rows
