"""The deterministic builder: a whole plan from the answers and the playbook, no model needed."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from ...prompts import PromptLibrary
from . import sections
from .formatting import format_number
from .inputs import PlanInput
from .model import Objective, Plan, Strategy, Tactic
from .playbook import Playbook, TacticTemplate
from .schedule import budget_lines, calendar, months

SourceTitle = Callable[[str, str, str], str | None]  # (kind, id, lang) -> title or None
USER_COUNT_KPIS = ("new_customers", "orders", "leads", "members")


@dataclass
class Context:
    """What every section needs: the answers, the playbook, phrases in the plan's language."""

    inp: PlanInput
    playbook: Playbook
    prompts: PromptLibrary
    source_title: SourceTitle | None = None

    @property
    def lang(self) -> str:
        return self.inp.language

    def say(self, key: str, **variables: object) -> str:
        """A plan phrase in the plan's language."""
        return self.prompts.phrase("plan", self.lang, key, **variables)

    @property
    def names(self) -> dict[str, str]:
        """Short forms of the user's own words, for use inside sentences."""
        return {"business": short_name(self.inp.business), "offer": clause(self.inp.offer, 12),
                "customers": clause(self.inp.customers, 14)}


def build_plan(inp: PlanInput, playbook: Playbook, prompts: PromptLibrary,
               source_title: SourceTitle | None = None) -> Plan:
    """Draft the whole plan. Same answers, same plan."""
    ctx = Context(inp, playbook, prompts, source_title)
    objectives = build_objectives(ctx)
    tactics, weights = build_tactics(ctx, objectives)
    tactics, lines = budget_lines(inp.budget_cents, tactics, weights, ctx.say("budget.reserve"))
    strategy = Strategy(segments=sections.segments(ctx), target=sections.target(ctx),
                        positioning=sections.positioning(ctx), objectives=objectives)
    return Plan(
        language=inp.language, title=ctx.say("title", business=ctx.names["business"]),
        business=inp.business, currency=inp.currency, budget_cents=inp.budget_cents,
        horizon_months=inp.horizon_months, excluded_channels=list(inp.excluded_ids),
        summary=sections.summary(ctx, objectives, tactics),
        diagnosis=sections.diagnosis(ctx),
        strategy=strategy, tactics=tactics,
        budget={"currency": inp.currency, "total_cents": inp.budget_cents, "lines": lines},
        calendar=calendar(
            inp.horizon_months, tactics, objectives, lambda a, b: period_label(ctx, a, b),
            ctx.say("calendar.baseline"),
            lambda o: ctx.say("calendar.milestone", id=o.id, kpi=o.kpi_name,
                              target=format_number(o.target_value, ctx.lang), unit=o.unit)),
        measurement=sections.measurement(ctx, objectives, tactics),
        risks=sections.risks(ctx, tactics), sources=sections.sources(ctx, tactics),
    )


def build_objectives(ctx: Context) -> list[Objective]:
    """The goal's SMART objectives with targets scaled to the budget and the user's numbers."""
    inp, goal = ctx.inp, ctx.playbook.goals[ctx.inp.goal_id]
    units = inp.budget_cents / 100
    funnel = ctx.playbook.business_types[inp.business_type].funnel
    cac = funnel.cost_per_lead / funnel.lead_to_customer
    out = []
    scale = 1.0
    for i, template in enumerate(goal.objectives, 1):
        if template.fixed is not None:
            target = template.fixed
        elif template.per_unit is not None:
            target = nice(units * template.per_unit * scale)
        else:
            target = nice(units / cac * (template.per_cac or 1) * scale)
        if i == 1 and inp.goal_target and template.kpi in USER_COUNT_KPIS:
            scale = inp.goal_target / target  # the user's own number wins; the rest follow it
            target = inp.goal_target
        deadline = max(1, min(inp.horizon_months, math.ceil(template.deadline
                                                            * inp.horizon_months)))
        kpi = ctx.playbook.kpis[template.kpi]
        text = kpi.objective[ctx.lang].format(
            target=format_number(target, ctx.lang), month=deadline, **ctx.names)
        out.append(Objective(id=f"O{i}", text=text, kpi=template.kpi,
                             kpi_name=kpi.names[ctx.lang], target_value=target,
                             unit=kpi.unit[ctx.lang], deadline_month=deadline))
    return out


def build_tactics(ctx: Context, objectives: list[Objective]) -> tuple[list[Tactic], list[float]]:
    """Pick the tactics that serve the objectives on allowed channels, most fitting first."""
    inp = ctx.inp
    stages = {o.id: ctx.playbook.goals[inp.goal_id].objectives[i].stage
              for i, o in enumerate(objectives)}
    candidates: list[tuple[float, str, TacticTemplate, str | None]] = []
    for tid, template in sorted(ctx.playbook.tactics.items()):
        channel = pick_channel(template, inp)
        if template.channels and channel is None:
            continue
        if not set(template.stages) & set(stages.values()):
            continue
        if not ctx.playbook.fits(inp.business_type, tid):
            continue  # e.g. a Google Business Profile for B2B software
        score = 2 * template.goals.get(inp.goal_id, 0) + 3
        score += 1.5 if channel in inp.channel_ids else 0
        if template.goals.get(inp.goal_id, 0) <= 0:
            score -= 10  # only as a last resort
        candidates.append((score, tid, template, channel))
    candidates.sort(key=lambda c: (-c[0], c[1]))
    wanted = tactic_count(inp.budget_cents)
    chosen: list[tuple[float, str, TacticTemplate, str | None]] = []
    used_channels: set[str | None] = set()

    def add(cand: tuple[float, str, TacticTemplate, str | None]) -> None:
        if cand not in chosen and (cand[3] is None or cand[3] not in used_channels):
            chosen.append(cand)
            used_channels.add(cand[3])

    for stage in dict.fromkeys(stages.values()):  # cover every objective first
        cover = [c for c in candidates if stage in c[2].stages and c[0] > 0]
        if cover and not any(stage in c[2].stages for c in chosen):
            add(cover[0])
    for cand in candidates:
        if len(chosen) >= wanted:
            break
        if cand[0] > 0:
            add(cand)
    if not chosen and candidates:
        add(candidates[0])
    chosen.sort(key=lambda c: (ctx.playbook.tactics[c[1]].timing[0], -c[0], c[1]))
    tactics, weights = [], []
    for n, (_, _tid, template, channel) in enumerate(chosen, 1):
        served = [oid for oid, stage in stages.items() if stage in template.stages]
        tactics.append(make_tactic(ctx, n, template, channel, served, objectives))
        weights.append(template.weight)
    for objective in objectives:  # an objective no allowed tactic fits: the first one serves it
        if tactics and not any(objective.id in t.objective_ids for t in tactics):
            tactics[0].objective_ids.append(objective.id)
    return tactics, weights


def make_tactic(ctx: Context, n: int, template: TacticTemplate, channel: str | None,
                served: list[str], objectives: list[Objective]) -> Tactic:
    """One tactic written out for this business."""
    channel_label = ctx.playbook.channels[channel].names[ctx.lang] if channel else ""
    text = template.texts[ctx.lang]
    fill = dict(ctx.names, channel=channel_label)
    served_kpis = [o.kpi for o in objectives if o.id in served] or [objectives[0].kpi]
    kpi = next((k for k in template.kpis if k in served_kpis), served_kpis[0])
    start, end = months(template.timing, ctx.inp.horizon_months)
    name = text.name.format(**fill)
    return Tactic(
        id=f"T{n}", name=name[:1].upper() + name[1:], objective_ids=list(served),
        mix_element=ctx.say(f"mix.{template.mix}"), channel=channel,
        channel_label=channel_label, actions=[a.format(**fill) for a in text.actions],
        owner=ctx.say(f"owners.{template.owner}"), start_month=start, end_month=end,
        budget_cents=0, kpi=kpi, kpi_name=ctx.playbook.kpis[kpi].names[ctx.lang],
    )


def pick_channel(template: TacticTemplate, inp: PlanInput) -> str | None:
    """The tactic's channel: one the user already uses if possible, never a ruled-out one."""
    allowed = [c for c in template.channels if c not in inp.excluded_ids]
    used = [c for c in allowed if c in inp.channel_ids]
    return (used or allowed or [None])[0]


def tactic_count(budget_cents: int) -> int:
    """How many tactics a budget can carry well (a small budget spread thin does nothing)."""
    units = budget_cents / 100
    return 3 if units < 1500 else 4 if units < 6000 else 5 if units < 20000 else 6


def period_label(ctx: Context, start: int, end: int) -> str:
    """"Month 3" or "Q2 (months 4-6)"."""
    if start == end:
        return ctx.say("calendar.month", n=start)
    return ctx.say("calendar.quarter", q=(start - 1) // 3 + 1, start=start, end=end)


def nice(value: float) -> float:
    """A round target a person would set: 1,240 rather than 1,237.6."""
    if value < 1:
        return 1.0
    digits = max(0, len(str(int(value))) - 2)
    step = 10 ** digits
    return float(max(1, round(value / step) * step))


def short_name(business: str) -> str:
    """The business's name: the text before the first comma or dash."""
    head = re.split(r",|;|\s[—–-]\s|\(|:", business, maxsplit=1)[0].strip()
    return clause(head, 6)


def clause(text: str, max_words: int) -> str:
    """The first clause of a text, cut at a word boundary; trailing punctuation removed."""
    head = re.split(r";|\.\s|\s[—–]\s|\n", text, maxsplit=1)[0].strip()
    if len(head.split()) > max_words:  # cut at the first "and" or comma when it is too long
        first = re.split(r",|\s(?:y|e|et|and|o|ou|or)\s", head, maxsplit=1)[0].strip()
        head = first if len(first.split()) >= 2 else head
    words = head.split()
    if len(words) > max_words:
        head = " ".join(words[:max_words]).rstrip(",:") + "…"
    return head.rstrip(" .")
