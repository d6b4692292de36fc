"""Checks a plan for coherence: orphans, budget mismatches, dates, ruled-out channels."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Plan


@dataclass(frozen=True)
class Finding:
    """One problem: `code` names a phrase in prompts/i18n/plan.<lang>.json (findings.*)."""

    code: str
    subject: str = ""
    detail: str = ""


def validate_plan(plan: Plan) -> list[Finding]:
    """Every coherence problem of a plan; an empty list means the plan holds together."""
    found: list[Finding] = []
    objective_ids = [o.id for o in plan.strategy.objectives]
    tactic_ids = [t.id for t in plan.tactics]
    for ids, what in ((objective_ids, "objective"), (tactic_ids, "tactic")):
        for ident in {i for i in ids if ids.count(i) > 1}:
            found.append(Finding("duplicate_id", ident, what))
    served: set[str] = set()
    for tactic in plan.tactics:
        if not tactic.objective_ids:
            found.append(Finding("tactic_without_objective", tactic.id))
        for oid in tactic.objective_ids:
            if oid not in objective_ids:
                found.append(Finding("unknown_objective", tactic.id, oid))
            served.add(oid)
        if not (1 <= tactic.start_month <= tactic.end_month <= plan.horizon_months):
            found.append(Finding("tactic_outside_horizon", tactic.id,
                                 f"{tactic.start_month}-{tactic.end_month}"))
        if tactic.channel and tactic.channel in plan.excluded_channels:
            found.append(Finding("excluded_channel", tactic.id, tactic.channel))
        if not tactic.kpi.strip():
            found.append(Finding("tactic_without_kpi", tactic.id))
    for objective in plan.strategy.objectives:
        if objective.id not in served:
            found.append(Finding("objective_without_tactic", objective.id))
        if not objective.kpi.strip():
            found.append(Finding("objective_without_kpi", objective.id))
        if not 1 <= objective.deadline_month <= plan.horizon_months:
            found.append(Finding("objective_outside_horizon", objective.id,
                                 str(objective.deadline_month)))
    found.extend(_budget_findings(plan, tactic_ids))
    for period in plan.calendar:
        if not 1 <= period.start_month <= period.end_month <= plan.horizon_months:
            found.append(Finding("period_outside_horizon", period.label))
        for tid in period.tactic_ids:
            if tid not in tactic_ids:
                found.append(Finding("unknown_tactic", period.label, tid))
    return found


def _budget_findings(plan: Plan, tactic_ids: list[str]) -> list[Finding]:
    found: list[Finding] = []
    budget = plan.budget
    total = sum(line.amount_cents for line in budget.lines)
    if budget.total_cents != plan.budget_cents or total != plan.budget_cents:
        found.append(Finding("budget_mismatch", budget.currency,
                             f"{total} != {plan.budget_cents}"))
    if budget.currency != plan.currency:
        found.append(Finding("budget_currency", budget.currency, plan.currency))
    by_tactic = {line.tactic_id: line.amount_cents for line in budget.lines if line.tactic_id}
    for tactic in plan.tactics:
        if by_tactic.get(tactic.id) != tactic.budget_cents:
            found.append(Finding("tactic_budget_mismatch", tactic.id))
    for tid in by_tactic:
        if tid not in tactic_ids:
            found.append(Finding("unknown_tactic", "budget", tid))
    return found
