"""The plan's tables as rows of text, shared by the Markdown and DOCX exports."""

from __future__ import annotations

from collections.abc import Callable

from .formatting import format_money, format_number, format_share
from .model import Plan

Say = Callable[..., str]


def objectives(plan: Plan, say: Say) -> tuple[list[str], list[list[str]]]:
    """Objectives: id, text, KPI, target, deadline."""
    head = [say(f"columns.{c}") for c in ("id", "objective", "kpi", "target", "deadline")]
    rows = [[o.id, o.text, o.kpi_name, f"{format_number(o.target_value, plan.language)} {o.unit}",
             str(o.deadline_month)] for o in plan.strategy.objectives]
    return head, rows


def tactics(plan: Plan, say: Say) -> tuple[list[str], list[list[str]]]:
    """Tactics: id, name, objectives served, channel or mix element, owner, months, budget, KPI."""
    head = [say(f"columns.{c}") for c in ("id", "tactic", "serves", "channel", "owner", "months",
                                          "budget", "kpi")]
    rows = []
    for t in plan.tactics:
        where = f"{t.channel_label} ({t.mix_element})" if t.channel_label else t.mix_element
        rows.append([t.id, t.name, ", ".join(t.objective_ids), where, t.owner,
                     say("labels.month_span", start=t.start_month, end=t.end_month),
                     format_money(t.budget_cents, plan.currency, plan.language), t.kpi_name])
    return head, rows


def budget(plan: Plan, say: Say) -> tuple[list[str], list[list[str]]]:
    """Budget lines with amounts and shares, and the total."""
    lang = plan.language
    head = [say("columns.line"), say("columns.amount"), say("columns.share")]
    rows = [[(f"{line.tactic_id} · " if line.tactic_id else "") + line.label,
             format_money(line.amount_cents, plan.currency, lang),
             format_share(line.share_percent, lang)] for line in plan.budget.lines]
    total = sum(line.amount_cents for line in plan.budget.lines)
    rows.append([say("columns.total"), format_money(total, plan.currency, lang),
                 format_share(100.0, lang)])
    return head, rows


def calendar(plan: Plan, say: Say) -> tuple[list[str], list[list[str]]]:
    """Periods with their active tactics and milestones."""
    head = [say("columns.period"), say("columns.active"), say("columns.milestones")]
    return head, [[p.label, ", ".join(p.tactic_ids), "; ".join(p.milestones)]
                  for p in plan.calendar]


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
