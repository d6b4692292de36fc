"""The deterministic builder: a whole plan from the answers, what was understood of them and the
playbook, no model needed. The owner's word is law: excluded channels, working channels, hours,
team, regulation, busy and quiet months all act on the plan."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ...packs import words
from ...prompts import PromptLibrary
from ..playbook import ObjectiveTemplate, Playbook
from ..understanding.model import GoalUnderstood, Understanding
from . import sections
from .calendar_notes import calendar_notes
from .context import Context, SourceTitle
from .facts import excluded_ids, facts_of, own_rules, understanding_of
from .formatting import format_number
from .funnel import funnel_plan
from .model import Objective, Plan, Strategy, Tactic
from .open_data import default_open_data, type_fits
from .owner import cost_factor, due, owner_goals, owner_objectives
from .owner_tactics import (
    with_owner_tactics,
)
from .owner_units import in_owner_unit
from .reasons import with_reasons
from .schedule import allocate, budget_lines, calendar, every_month, until_due
from .selection import (
    COMPLIANCE,
    Pick,
    candidates,
    choose,
    fallback,
)
from .tactic_writer import make_tactic

if TYPE_CHECKING:
    from .inputs import PlanInput

COUNT_KPIS = ("new_customers", "orders", "leads", "members")


def build_plan(inp: PlanInput, playbook: Playbook, prompts: PromptLibrary,
               source_title: SourceTitle | None = None,
               understood: Understanding | None = None) -> Plan:
    """Draft the whole plan. Same answers, same plan."""
    understood = understood or understanding_of(inp)
    if understood.business_type not in playbook.business_types:
        understood = understood.model_copy(update={"business_type": inp.business_type})
    excluded = excluded_ids(understood, inp)
    btype = playbook.business_types[understood.business_type]
    understood, rules = own_rules(understood, btype.regulated,
                                  type_fits(understood, default_open_data()))
    facts = facts_of(understood, inp, rules, excluded)
    ctx = Context(inp, playbook, prompts, source_title, understood, facts, excluded)
    factor = cost_factor(inp.currency, ctx.open)  # costs per currency: data, not euros renamed
    assumptions = btype.funnel.model_copy(update={
        "cost_per_lead": btype.funnel.cost_per_lead * factor,
        "reference_budget": btype.funnel.reference_budget * factor,
        # a type that does not fit lends no repeat rate: the margin per customer is the owner's
        # sale times margin, as the break-even line states it
        "purchases_per_year": btype.funnel.purchases_per_year if ctx.fits else 1.0})
    ctx.funnel = in_owner_unit(funnel_plan(assumptions, understood, inp.budget_cents,
                                           inp.horizon_months, ctx.open["assumed_stay_months"]),
                               understood, ctx.open)
    objectives, stages = build_objectives(ctx)
    ctx.objectives = objectives
    tactics, weights = build_tactics(ctx, objectives, stages)
    tactics, weights = with_owner_tactics(ctx, tactics, weights, objectives)
    tactics = until_due(tactics, last_due(ctx), facts)
    tactics, lines = budget_lines(inp.budget_cents, tactics, weights, ctx.say("budget.reserve"))
    if inp.monthly_budget_cents:  # "300 € al mes": spent every month, not in a few
        tactics, lines = every_month(tactics, weights, lines, inp.horizon_months, facts)
    else:
        tactics = [t.model_copy(update={"monthly_cents": monthly(t.budget_cents,
                                                                 len(t.active_months))})
                   for t in tactics]
    strategy = Strategy(segments=sections.segments(ctx), target=sections.target(ctx),
                        positioning=sections.positioning(ctx), objectives=objectives)
    elided = ctx.business[:1].lower() in "".join(words("elision_initials"))
    title = ctx.say("title_elided" if elided else "title", business=ctx.business)
    return Plan(
        language=inp.language, title=title, business=inp.business, currency=inp.currency,
        budget_cents=inp.budget_cents, horizon_months=inp.horizon_months,
        excluded_channels=excluded, summary=sections.summary(ctx, objectives, tactics),
        diagnosis=sections.diagnosis(ctx), strategy=strategy, tactics=tactics,
        budget={"currency": inp.currency, "total_cents": inp.budget_cents, "lines": lines},
        calendar=calendar(inp.horizon_months, tactics, objectives,
                          lambda a, b: ctx.month(a) if a == b else ctx.span(a, b),
                          lambda a, b: calendar_notes(ctx, tactics, a, b),
                          lambda o: ctx.say("calendar.milestone", id=o.id, kpi=o.kpi_name,
                                            target=format_number(o.target_value, ctx.lang),
                                            unit=o.unit)),
        measurement=sections.measurement(ctx, objectives, tactics),
        risks=sections.risks(ctx, tactics), sources=sections.sources(ctx, tactics),
        facts=facts, funnel=ctx.funnel)


def last_due(ctx: Context) -> int | None:
    """The plan month of the owner's last deadline when every goal has one inside the plan;
    None otherwise (a goal without a date runs the whole plan)."""
    goals = ctx.understood.goals if ctx.understood else []
    months = [due(ctx, g) for g in goals]
    return max(months) if months and all(months) else None  # type: ignore[type-var]


def monthly(cents: int, n: int) -> list[int]:
    """A tactic's budget over its months in whole currency units, the cents in the first month;
    always adds up to the cent.

    >>> monthly(100050, 3)
    [33450, 33300, 33300]
    """
    parts = [100 * p for p in allocate(cents // 100, [1.0] * n)]
    parts[0] += cents % 100
    return parts


def goals_of(ctx: Context) -> list[GoalUnderstood]:
    """The owner's goals, primary first (at most three)."""
    goals = [g for g in ctx.understood.goals if g.goal_id in ctx.playbook.goals]
    return goals[:3] or [GoalUnderstood(goal_id=ctx.inp.goal_id, text=ctx.inp.goal)]


def build_objectives(ctx: Context) -> tuple[list[Objective], dict[str, str]]:
    """SMART objectives: the primary goal's two, or one per goal when there are several; count
    targets from the funnel and the owner's own numbers. Returns them and their stages."""
    goals = goals_of(ctx)
    owned = owner_goals(ctx.understood)
    if owned:  # the owner's own metrics: one objective each, the playbook's KPI underneath
        base, base_stages = _playbook_objectives(ctx, goals)
        objectives = owner_objectives(ctx, owned, base)
        stages = {o.id: base_stages[base[min(i, len(base) - 1)].id]
                  for i, o in enumerate(objectives)}
        return objectives, stages
    return _playbook_objectives(ctx, goals)


def _playbook_objectives(ctx: Context, goals: list[GoalUnderstood]
                         ) -> tuple[list[Objective], dict[str, str]]:
    """The playbook's objectives for the goals (its KPIs and targets)."""
    pairs: list[tuple[GoalUnderstood, ObjectiveTemplate]]
    if len(goals) == 1:
        pairs = [(goals[0], t) for t in ctx.playbook.goals[goals[0].goal_id].objectives]
    else:
        pairs = [(g, ctx.playbook.goals[g.goal_id].objectives[0]) for g in goals]
    out, stages = [], {}
    horizon = ctx.inp.horizon_months
    for i, (goal, template) in enumerate(pairs, 1):
        kpi_id, stage = template.kpi, template.stage
        if goal.goal_id == "loyalty" and goal.unit == "percent" and (goal.change or 0) < 0:
            kpi_id = "churn"
        target = objective_target(ctx, kpi_id, template, goal)
        deadline = max(1, min(horizon, math.ceil(template.deadline * horizon)))
        kpi = ctx.playbook.kpis[kpi_id]
        text = kpi.objective[ctx.lang].format(target=format_number(target, ctx.lang),
                                              month=ctx.month(deadline))
        unit, period = kpi.unit[ctx.lang], None
        if goal.period and kpi_id in ("new_customers", "leads") and ctx.funnel.period:
            period = goal.period
            text = rate_objective(ctx, goal, kpi_id, target, unit, deadline)
            unit = f"{unit} {ctx.say('rate.' + period)}"
        out.append(Objective(id=f"O{i}", text=text, kpi=kpi_id, kpi_name=kpi.names[ctx.lang],
                             target_value=target, unit=unit, deadline_month=deadline,
                             period=period))
        stages[f"O{i}"] = stage
    return out, stages


def rate_objective(ctx: Context, goal: GoalUnderstood, kpi_id: str, target: float, unit: str,
                   deadline: int) -> str:
    """A rate goal written as a rate ("Aggiungere 15 nuovi clienti a sera (da 25 a 40)"),
    never silently turned into a count over the plan."""
    num = lambda v: format_number(v, ctx.lang)  # noqa: E731
    period = ctx.say(f"rate.{goal.period}")
    if kpi_id == "new_customers" and goal.current is not None and goal.target is not None:
        return ctx.say("rate.objective_gap", target=num(target), unit=unit, period=period,
                       current=num(goal.current), level=num(goal.target),
                       month=ctx.month(deadline))
    return ctx.say("rate.objective", target=num(target), unit=unit, period=period,
                   month=ctx.month(deadline))


def objective_target(ctx: Context, kpi: str, template: ObjectiveTemplate,
                     goal: GoalUnderstood) -> float:
    """A target that follows from the funnel and the owner's figures."""
    return max(1.0, _target(ctx, kpi, template, goal))


def _target(ctx: Context, kpi: str, template: ObjectiveTemplate, goal: GoalUnderstood) -> float:
    funnel = ctx.funnel
    customers = funnel.owner_target or funnel.customers
    leads = funnel.leads_needed or funnel.leads
    reach = funnel.reach_needed or funnel.reach
    if kpi == "churn":
        return float(abs(goal.change or 20))
    if template.fixed is not None:
        return float(template.fixed)
    if kpi in ("new_customers", "orders"):
        return float(customers)
    if kpi == "leads":
        return float(leads)
    if kpi == "reach":
        return nice(reach)
    if kpi == "followers":
        return nice(max(10, reach * 0.02))
    if kpi == "members":
        base = ctx.facts.current_customers
        return nice(max(10, base * 0.4 if base else customers * 2))
    return nice(ctx.inp.budget_cents / 100 * (template.per_unit or 1))


def build_tactics(ctx: Context, objectives: list[Objective],
                  stages: dict[str, str]) -> tuple[list[Tactic], list[float]]:
    """The chosen tactics written out: compliance first when regulated, then what already works,
    then what covers the objectives."""
    facts = ctx.facts
    goal_ids = [g.goal_id for g in goals_of(ctx)]
    picks = candidates(ctx.playbook, facts, ctx.excluded, set(stages.values()), goal_ids)
    if not ctx.fits:  # the nearest type only informs: none of its trade's own tactics or words
        picks = [p.__class__(p.tactic_id, p.template, p.channel, p.score, p.works, {})
                 for p in picks if p.tactic_id not in ctx.open["trade_tactics"]]
    spare = tuple(p for g in goal_ids for p in fallback(ctx.playbook, facts, g))
    chosen = choose(picks, list(dict.fromkeys(stages.values())), ctx.inp.budget_cents,
                    facts.hours_per_week, tuple(goal_ids), spare)
    if not ctx.fits:  # and no tactic the owner's words do not call for, or one with a reason
        steps = list(dict.fromkeys(stages.values()))
        chosen = with_reasons(ctx, chosen, steps) or with_reasons(
            ctx, fallback(ctx.playbook, facts), steps)
    chosen = chosen or fallback(ctx.playbook, facts)
    chosen.sort(key=lambda p: (not p.works, p.template.timing[0], -p.score, p.tactic_id))
    if facts.regulated:
        chosen.insert(0, Pick(COMPLIANCE, ctx.playbook.tactics[COMPLIANCE], None, 0, False, {}))
    tactics, weights = [], []
    goal_of = objective_goals(ctx, objectives)
    for n, pick in enumerate(chosen, 1):
        served = [oid for oid, stage in stages.items() if stage in pick.template.stages
                  or (pick.tactic_id != COMPLIANCE and pick.template.goals.get(goal_of[oid], 0))]
        tactics.append(make_tactic(ctx, n, pick, served, objectives))
        weights.append(pick.template.weight)
    for objective in objectives:  # served by no allowed tactic: the first real one serves it
        target = next((t for t in tactics if t.template != COMPLIANCE), tactics[0])
        if not any(objective.id in t.objective_ids for t in tactics):
            target.objective_ids.append(objective.id)
    return tactics, weights


def objective_goals(ctx: Context, objectives: list[Objective]) -> dict[str, str]:
    """The goal each objective stands for (as build_objectives made them)."""
    owned = owner_goals(ctx.understood)
    if owned:
        return {o.id: g.goal_id for o, g in zip(objectives, owned, strict=False)}
    goals = goals_of(ctx)
    if len(goals) == 1:
        return {o.id: goals[0].goal_id for o in objectives}
    return {o.id: g.goal_id for o, g in zip(objectives, goals, strict=False)}


def nice(value: float) -> float:
    """A round target a person would set: 1,200 rather than 1,237.6."""
    if value < 1:
        return 1.0
    digits = max(0, len(str(int(value))) - 2)
    step = 10 ** digits
    return float(max(1, round(value / step) * step))
