"""What hangs on an objective: the tactics that serve it, their budget lines, the calendar
periods they run in and the objective's KPI row. When an objective changes, what code writes is
recomputed at once (`follow`: the objective's own sentence, the summary, milestones, KPI rows,
the ROI line); what a model wrote is flagged out of date (`Plan.stale`) and redrafted in one
step."""

from __future__ import annotations

import math
from typing import Any

from ..prompts import PromptLibrary
from .plan import sections
from .plan.calendar_notes import calendar_notes
from .plan.context import Context, quote
from .plan.facts import understanding_of
from .plan.formatting import format_number
from .plan.model import Plan
from .plan.schedule import calendar
from .playbook import Playbook

WATCHED = ("text", "kpi", "target_value", "unit", "deadline_month")


def changed_objectives(old: Plan, new: Plan) -> list[str]:
    """Ids of objectives that are new or differ in what they promise (text, KPI, target, unit,
    deadline)."""
    before = {o.id: o for o in old.strategy.objectives}
    return [o.id for o in new.strategy.objectives
            if o.id not in before or any(getattr(o, k) != getattr(before[o.id], k)
                                         for k in WATCHED)]


def stale_items(plan: Plan, objective_ids: list[str]) -> list[str]:
    """References ("tactic:T1", "budget:T1", "calendar:<label>", "kpi:O1") of what depends on
    the given objectives."""
    wanted = set(objective_ids)
    tactics = [t.id for t in plan.tactics if wanted & set(t.objective_ids)]
    refs = [f"tactic:{tid}" for tid in tactics]
    refs += [f"budget:{line.tactic_id}" for line in plan.budget.lines
             if line.tactic_id in tactics]
    refs += [f"calendar:{p.label}" for p in plan.calendar
             if set(p.tactic_ids) & set(tactics)
             or any(p.start_month <= o.deadline_month <= p.end_month
                    for o in plan.strategy.objectives if o.id in wanted)]
    refs += [f"kpi:{k.objective_id}" for k in plan.measurement.kpis
             if k.objective_id in wanted]
    refs += [f"kpi:{oid}" for oid in objective_ids
             if oid not in {k.objective_id for k in plan.measurement.kpis}]
    return list(dict.fromkeys(refs))


def follow(old: Plan, new: Plan, inp: Any, playbook: Playbook, prompts: PromptLibrary) -> Plan:
    """`new` (objectives edited) with everything code writes recomputed from its objectives:
    an objective's sentence when it was the standard one (the owner's own words stay), the
    summary when the builder wrote it, then the KPIs, milestones and ROI (`refresh`)."""
    ctx = Context(inp, playbook, prompts, understood=understanding_of(inp), facts=new.facts,
                  funnel=new.funnel, excluded=list(new.excluded_channels))
    before = {o.id: o for o in old.strategy.objectives}
    objectives = []
    for o in new.strategy.objectives:
        was = before.get(o.id)
        if was is not None and o.text == was.text:
            o = o.model_copy(update={"text": _sentence(ctx, was, o)})
        objectives.append(o)
    strategy = new.strategy.model_copy(update={"objectives": objectives})
    funnel = _funnel(new.funnel, old.strategy.objectives, objectives)
    ctx.funnel = funnel
    fresh = refresh(new.model_copy(update={"strategy": strategy, "funnel": funnel}), inp,
                    playbook, prompts)
    if new.summary == sections.summary(ctx, old.strategy.objectives, old.tactics):
        fresh = fresh.model_copy(update={"summary": sections.summary(ctx, objectives,
                                                                     fresh.tactics)})
    return fresh


def _funnel(funnel: Any, old: list[Any], new: list[Any]) -> Any:
    """The funnel with the owner's new-customer target the edited objective now states: the
    contacts and the reach it needs follow from the funnel's own rates."""
    if funnel is None or funnel.period:
        return funnel
    before = {o.id: o.target_value for o in old}
    for o in new:
        if o.kpi == "new_customers" and before.get(o.id) not in (None, o.target_value):
            needed = math.ceil(o.target_value / funnel.lead_to_customer)
            return funnel.model_copy(update={
                "owner_target": int(o.target_value), "leads_needed": needed,
                "reach_needed": math.ceil(needed / funnel.reach_to_lead)})
    return funnel


def _sentence(ctx: Context, was: Any, o: Any) -> str:
    """An objective's sentence once its target or deadline was edited (its text untouched):
    the KPI's template when the builder wrote that; otherwise the objective's metric with the
    new target and month, since a sentence built on the owner's goal carries the old number."""
    if _standard(ctx, was) == was.text:
        return _standard(ctx, o)
    if (o.target_value, o.deadline_month) == (was.target_value, was.deadline_month):
        return o.text
    percent = " %" if o.unit == "%" else ""
    words = o.kpi_name if o.unit == "%" or not o.unit else o.unit
    return ctx.say("open.objective_to", goal=quote(ctx, words),
                   target=format_number(o.target_value, ctx.lang) + percent,
                   month=ctx.month(o.deadline_month))


def _standard(ctx: Context, o: Any) -> str:
    """The sentence the builder writes for an objective (its KPI's template)."""
    kpi = ctx.playbook.kpis.get(o.kpi)
    if kpi is None or o.period:
        return ""
    return kpi.objective[ctx.lang].format(target=format_number(o.target_value, ctx.lang),
                                          month=ctx.month(o.deadline_month))


def refresh(plan: Plan, inp: Any, playbook: Playbook, prompts: PromptLibrary) -> Plan:
    """The stale parts recomputed from the plan's current objectives, without a model: tactic
    KPIs follow the objectives they serve, the KPI rows and calendar milestones carry the new
    targets and deadlines. Money stays as it is (budget lines are per tactic, not objective)."""
    ctx = Context(inp, playbook, prompts, facts=plan.facts, funnel=plan.funnel,
                  excluded=list(plan.excluded_channels))
    objectives = plan.strategy.objectives
    by_id = {o.id: o for o in objectives}
    tactics = []
    for t in plan.tactics:
        served = [by_id[oid] for oid in t.objective_ids if oid in by_id]
        if served and t.kpi not in {o.kpi for o in served}:
            t = t.model_copy(update={"kpi": served[0].kpi, "kpi_name": served[0].kpi_name})
        tactics.append(t)
    periods = calendar(plan.horizon_months, tactics, objectives,
                       lambda a, b: ctx.month(a) if a == b else ctx.span(a, b),
                       lambda a, b: calendar_notes(ctx, tactics, a, b),
                       lambda o: ctx.say("calendar.milestone", id=o.id, kpi=o.kpi_name,
                                         target=format_number(o.target_value, ctx.lang),
                                         unit=o.unit))
    measurement = sections.measurement(ctx, objectives, tactics)
    return plan.model_copy(update={"tactics": tactics, "calendar": periods,
                                   "measurement": measurement, "stale": []})
