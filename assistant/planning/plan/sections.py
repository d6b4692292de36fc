"""The plan's written sections, built from the answers with the phrases of the plan's language."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .formatting import format_money, format_number
from .model import (
    Diagnosis,
    KpiPlan,
    Measurement,
    Objective,
    Risk,
    Segment,
    SourceRef,
    Swot,
    Tactic,
)

if TYPE_CHECKING:
    from .builder import Context

ALWAYS_CONCEPTS = ("marketing-plan", "swot", "positioning", "smart-objectives", "kpi", "roi",
                   "marketing-budget", "marketing-mix")
CHANNEL_CONCEPTS = {
    "instagram": "social-media-marketing", "facebook": "social-media-marketing",
    "tiktok": "social-media-marketing", "linkedin": "social-media-marketing",
    "youtube": "social-media-marketing", "google_ads": "paid-advertising",
    "meta_ads": "paid-advertising", "seo": "seo", "content": "content-marketing",
    "email": "email-marketing", "whatsapp": "crm", "referral": "customer-loyalty",
    "website": "conversion-rate", "google_business": "digital-channels",
    "direct_sales": "lead-generation", "partnerships": "distribution",
    "marketplaces": "distribution", "events": "communication", "pr": "communication",
    "print": "communication", "in_store": "customer-journey",
}


def segments(ctx: Context) -> list[Segment]:
    """The primary segment in the user's words, and a secondary one from the playbook."""
    second = ctx.playbook.business_types[ctx.inp.business_type].segment2[ctx.lang]
    return [Segment(name=ctx.say("strategy.primary"), description=ctx.inp.customers),
            Segment(name=ctx.say("strategy.secondary"), description=second)]


def target(ctx: Context) -> str:
    """Who the plan aims at first, and why."""
    return ctx.say("strategy.target", customers=ctx.inp.customers,
                   business=ctx.names["business"])


def positioning(ctx: Context) -> str:
    """A positioning statement built from the offer, the customers and the stated edge."""
    if ctx.inp.competitors:
        return ctx.say("strategy.positioning", edge=edge(ctx.inp.competitors), **ctx.names)
    return ctx.say("strategy.positioning_no_edge", **ctx.names)


def edge(competitors: str) -> str:
    """What sets the business apart: the part after "competitors; ..." when there is one."""
    parts = re.split(r";|\.\s|\s[—–]\s", competitors, maxsplit=1)
    return (parts[1] if len(parts) > 1 and parts[1].strip() else competitors).strip().rstrip(".")


def rivals(competitors: str) -> str:
    """Who the competitors are: the part before the stated edge."""
    return re.split(r";|\.\s|\s[—–]\s", competitors, maxsplit=1)[0].strip().rstrip(".")


def summary(ctx: Context, objectives: list[Objective], tactics: list[Tactic]) -> str:
    """The executive summary."""
    inp = ctx.inp
    return ctx.say(
        "summary", business=ctx.names["business"],
        btype=ctx.playbook.business_types[inp.business_type].names[ctx.lang],
        goal=ctx.playbook.goals[inp.goal_id].names[ctx.lang], goal_text=inp.goal.rstrip(". "),
        months=inp.horizon_months, budget=format_money(inp.budget_cents, inp.currency, ctx.lang),
        customers=ctx.names["customers"], n=len(tactics),
        tactics="; ".join(t.name for t in tactics),
        objectives=" ".join(o.text for o in objectives),
    )


def diagnosis(ctx: Context) -> Diagnosis:
    """The starting point and a SWOT drawn from what the user said."""
    inp = ctx.inp
    btype = ctx.playbook.business_types[inp.business_type].names[ctx.lang]
    situation = ctx.say("diagnosis.situation", text=inp.situation.rstrip(". "), btype=btype) \
        if inp.situation else ctx.say("diagnosis.no_situation", btype=btype)
    used = [ctx.playbook.channels[c].names[ctx.lang] for c in inp.channel_ids]
    strengths = [ctx.say("swot.edge", edge=inp.competitors.rstrip(". "))] if inp.competitors \
        else [ctx.say("swot.offer", offer=ctx.names["offer"])]
    if used:
        strengths.append(ctx.say("swot.channels", channels=", ".join(used)))
    strengths.append(ctx.say("swot.knows_customers", customers=ctx.names["customers"]))
    weaknesses = [ctx.say("swot.budget", budget=format_money(inp.budget_cents, inp.currency,
                                                            ctx.lang), months=inp.horizon_months)]
    if inp.constraints:
        weaknesses.append(ctx.say("swot.constraints", constraints=inp.constraints.rstrip(". ")))
    weaknesses.append(ctx.say("swot.measurement"))
    opportunities = [ctx.say("swot.segment2", segment=ctx.playbook.business_types[
        inp.business_type].segment2[ctx.lang]), ctx.say(f"swot.goal.{inp.goal_id}")]
    threats = [ctx.say("swot.competitors", competitors=rivals(inp.competitors))
               if inp.competitors else ctx.say("swot.unknown_competitors"),
               ctx.say("swot.costs")]
    return Diagnosis(situation=situation, swot=Swot(strengths=strengths, weaknesses=weaknesses,
                                                    opportunities=opportunities,
                                                    threats=threats))


def measurement(ctx: Context, objectives: list[Objective], tactics: list[Tactic]) -> Measurement:
    """KPIs, how to read them, and the ROI formula with the user's numbers."""
    kpis = []
    for o in objectives:
        kpi = ctx.playbook.kpis[o.kpi]
        kpis.append(KpiPlan(
            objective_id=o.id, kpi_name=o.kpi_name,
            target=ctx.say("measurement.target", target=format_number(o.target_value, ctx.lang),
                           unit=o.unit, month=o.deadline_month),
            how_to_read=kpi.read[ctx.lang],
            cadence=ctx.say("measurement.weekly" if ctx.inp.horizon_months <= 3
                            else "measurement.monthly")))
    inp = ctx.inp
    budget = format_money(inp.budget_cents, inp.currency, ctx.lang)
    count = next((o for o in objectives if o.kpi in ("new_customers", "orders", "leads",
                                                     "members")), None)
    roi = ctx.say("measurement.roi", budget=budget)
    if count:
        each = format_money(-(-inp.budget_cents // int(count.target_value)), inp.currency,
                            ctx.lang)
        roi += " " + ctx.say("measurement.breakeven", target=format_number(
            count.target_value, ctx.lang), unit=count.unit, each=each, budget=budget)
    return Measurement(kpis=kpis, roi_formula=roi,
                       review=ctx.say("measurement.review", months=inp.horizon_months))


def risks(ctx: Context, tactics: list[Tactic]) -> list[Risk]:
    """What could go wrong, and what would change the plan."""
    out = [Risk(risk=ctx.say("risks.slow.risk"), response=ctx.say("risks.slow.response"))]
    if ctx.inp.constraints:
        out.append(Risk(risk=ctx.say("risks.capacity.risk",
                                     constraints=ctx.inp.constraints.rstrip(". ")),
                        response=ctx.say("risks.capacity.response")))
    if any(t.channel in ("meta_ads", "google_ads") for t in tactics):
        out.append(Risk(risk=ctx.say("risks.costs.risk"), response=ctx.say("risks.costs.response")))
    out.append(Risk(risk=ctx.say("risks.competition.risk"),
                    response=ctx.say("risks.competition.response")))
    return out


def sources(ctx: Context, tactics: list[Tactic]) -> list[SourceRef]:
    """The concepts and articles that ground the plan (only those that exist)."""
    goal = ctx.playbook.goals[ctx.inp.goal_id]
    concept_ids = list(dict.fromkeys([*goal.concepts, *ALWAYS_CONCEPTS, *(
        CHANNEL_CONCEPTS[t.channel] for t in tactics if t.channel in CHANNEL_CONCEPTS)]))
    refs = []
    for kind, ids in (("concept", concept_ids), ("article", goal.articles)):
        for ident in ids:
            title = ctx.source_title(kind, ident, ctx.lang) if ctx.source_title else ident
            if title:
                refs.append(SourceRef(kind=kind, id=ident, title=title))
    return refs
