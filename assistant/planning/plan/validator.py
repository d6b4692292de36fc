"""Checks a plan for coherence: orphans, budget mismatches, dates, ruled-out channels."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Plan
from .selection import weekly_hours


@dataclass(frozen=True)
class Finding:
    """One problem: `code` names a phrase in prompts/packs/<lang>/i18n/plan.json (findings.*)."""

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
    if plan.facts is not None:
        found.extend(owner_findings(plan))
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


AD_CHANNELS = ("google_ads", "meta_ads")
SOLO_ROLES = ("you", "you_with_help", "")
SMALL_TEAM_ROLES = ("owner", "staff", "agency", "you", "you_with_help", "")


def owner_findings(plan: Plan) -> list[Finding]:
    """Where the plan does not obey what the owner said (the facts stored with it)."""
    facts, found = plan.facts, []
    real = [t for t in plan.tactics if t.template != "compliance_review"]
    used = [t.channel for t in real]
    for channel in facts.working_channels:
        if channel in used and any(t.channel not in facts.working_channels
                                   for t in real[:used.index(channel)]):
            found.append(Finding("working_channel_late", real[used.index(channel)].id, channel))
    if facts.working_channels and not set(used) & set(facts.working_channels):
        found.append(Finding("working_channel_unused", "", ", ".join(facts.working_channels)))
    if facts.hours_per_week is not None and len(real) > 1:
        need = sum(weekly_hours(t, facts.working_channels) for t in real)
        if need > facts.hours_per_week:
            found.append(Finding("too_much_work", "", f"{need:g}"))
    for t in plan.tactics:
        allowed = SOLO_ROLES if facts.team_size == 1 else SMALL_TEAM_ROLES \
            if facts.team_size is None or facts.team_size < 10 else None
        if allowed is not None and t.owner_role not in allowed:
            found.append(Finding("role_beyond_team", t.id, t.owner_role))
        months = t.active_months or list(range(t.start_month, t.end_month + 1))
        if t.effort == "heavy":
            for m in months:
                if facts.calendar_month(m)[0] in facts.busy_months:
                    found.append(Finding("heavy_in_busy_month", t.id, str(m)))
                    break
        if t.monthly_cents and sum(t.monthly_cents) != t.budget_cents:
            found.append(Finding("monthly_budget_mismatch", t.id))
    if facts.regulated:
        ads = [t for t in plan.tactics if t.channel in AD_CHANNELS]
        checks = [t for t in plan.tactics if t.template == "compliance_review"]
        first_ad = min((min(t.active_months or [t.start_month]) for t in ads), default=None)
        if not checks or (first_ad is not None and max(checks[0].active_months
                                                       or [checks[0].end_month]) >= first_ad):
            found.append(Finding("compliance_missing", facts.regulated))
    return found
