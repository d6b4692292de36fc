"""The plan's written sections. The owner's answers appear whole, in quotes, after a label of
ours (never cut, never inside one of our sentences); our sentences are written per language."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...packs import alternation
from ..interview.parsing import says_none
from . import owner_risks
from .calendar_notes import months_list
from .context import quote
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
from .offer_words import offer_without_figures
from .owner import break_even as owner_break_even
from .owner import objective_goals
from .owner_units import unit_noun
from .selection import COMPLIANCE


def break_even(ctx: Context) -> str:
    """The owner's break-even sentence (plan/owner.py)."""
    return owner_break_even(ctx)

if TYPE_CHECKING:
    from .context import Context

ALWAYS_CONCEPTS = ("marketing-plan", "swot", "positioning", "smart-objectives", "kpi", "roi",
                   "marketing-budget", "marketing-mix")
CHANNEL_CONCEPTS = {
    "instagram": "social-media-marketing", "facebook": "social-media-marketing",
    "tiktok": "social-media-marketing", "linkedin": "social-media-marketing",
    "youtube": "social-media-marketing", "pinterest": "social-media-marketing",
    "google_ads": "paid-advertising", "meta_ads": "paid-advertising", "seo": "seo",
    "content": "content-marketing", "email": "email-marketing", "whatsapp": "crm",
    "referral": "customer-loyalty", "website": "conversion-rate",
    "google_business": "digital-channels", "direct_sales": "lead-generation",
    "partnerships": "distribution", "marketplaces": "distribution", "events": "communication",
    "pr": "communication", "print": "communication", "in_store": "customer-journey",
}


def segments(ctx: Context) -> list[Segment]:
    """The primary segment in the owner's words, and a secondary one from the playbook."""
    second = segment2(ctx)
    return [Segment(name=ctx.say("strategy.primary"), description=ctx.inp.customers.strip()),
            Segment(name=ctx.say("strategy.secondary"), description=second)]


def segment2(ctx: Context) -> str:
    """The nearest type's second segment when it fits; one drawn from the owner's own customers
    and channels when it does not (never another trade's customers)."""
    if ctx.fits:
        return ctx.playbook.business_types[ctx.facts.business_type].segment2[ctx.lang]
    names = [c.name for c in ctx.understood.channels] if ctx.understood else []
    if not names:
        return ctx.say("open.segment2")
    channels = names[0] if len(names) == 1 else ctx.say(
        "and_list", items=", ".join(names[:-1]), last=names[-1])
    return ctx.say("open.segment2_channels", channels=channels)  # the owner's channels, named


def target(ctx: Context) -> str:
    """Who the plan aims at first (described in the segments), and why."""
    return ctx.say("strategy.target", btype=ctx.btype_name)


def positioning(ctx: Context) -> str:
    """The business type's positioning statement, then why customers choose the business and
    what sets it apart, as the owner said them."""
    if ctx.fits:
        text = ctx.playbook.business_types[ctx.facts.business_type].positioning[ctx.lang]
        out = text.format(business=ctx.business)
    else:  # the owner's own label and offer, in their words, without its prices and margins
        offer = offer_without_figures(ctx.inp.offer)
        out = ctx.say("open.positioning", business=ctx.business, label=ctx.btype_name,
                      offer=quote(ctx, offer)) if offer else \
            ctx.say("open.positioning_label", business=ctx.business, label=ctx.btype_name)
    # "who buys; why they choose you", as it is asked (never a price or a margin)
    reasons = offer_without_figures(edge(ctx.inp.customers, contrast=False))  # "…, but few"
    if reasons:
        out += " " + ctx.say("strategy.reasons", reasons=quote(ctx, reasons))
    edge_text = edge(ctx.inp.competitors)
    if edge_text:
        out += " " + ctx.say("strategy.edge", edge=quote(ctx, edge_text))
    return out


def edge(competitors: str, contrast: bool = True) -> str:
    """The whole clause after the first ("competitors; what sets us apart", "customers; why
    they choose us", and with `contrast`, "three salons nearby, but I'm the only one who does
    evenings"), if there is one.

    >>> edge("Three salons nearby, but I'm the only one who does evenings")
    "I'm the only one who does evenings"
    >>> edge("Otras tiendas del barrio y Mercado Libre")
    ''
    """
    but = rf"|,\s+(?:{alternation('but')})\s+" if contrast else ""
    parts = re.split(rf";|\.\s|\s[—–]\s{but}", competitors, maxsplit=1, flags=re.I)
    return parts[1].strip().rstrip(".") if len(parts) > 1 and parts[1].strip() else ""


def summary(ctx: Context, objectives: list[Objective], tactics: list[Tactic]) -> str:
    """The executive summary: the goal, the budget, the first three things to do."""
    inp = ctx.inp
    goal_names = [ctx.playbook.goals[o].names[ctx.lang] for o in dict.fromkeys(
        g.goal_id for g in ctx.understood.goals if g.goal_id in ctx.playbook.goals)] \
        or [ctx.playbook.goals[inp.goal_id].names[ctx.lang]]
    # The compliance check (when there is one) comes first, then the other tactics in order.
    ordered = sorted(tactics, key=lambda t: t.template != COMPLIANCE)
    first = [f"{n}) {t.name}" for n, t in enumerate(ordered[:3], 1)]
    return ctx.say(
        "summary", business=ctx.business, btype=ctx.btype_name,
        goal=ctx.say("and_list", items=", ".join(goal_names[:-1]), last=goal_names[-1])
        if len(goal_names) > 1 else goal_names[0],
        months=inp.horizon_months, start=ctx.month(1),
        budget=budget_text(ctx),
        first=ctx.say("list_separator").join(first),
        objectives=" ".join(o.text for o in objectives))


def budget_text(ctx: Context) -> str:
    """The plan's budget; when the owner gave it per month, how the total follows from it."""
    inp = ctx.inp
    total = format_money(inp.budget_cents, inp.currency, ctx.lang)
    if not inp.monthly_budget_cents:
        return total
    return ctx.say("budget_monthly", total=total, months=inp.horizon_months,
                   monthly=format_money(inp.monthly_budget_cents, inp.currency, ctx.lang))


def diagnosis(ctx: Context) -> Diagnosis:
    """The starting point and a SWOT drawn from what the owner said, each answer whole."""
    inp, facts = ctx.inp, ctx.facts
    parts = [ctx.say("diagnosis.type", btype=ctx.btype_name)]
    if inp.situation:
        parts.append(ctx.say("diagnosis.words", text=quote(ctx, inp.situation)))
    if facts.current_customers:
        parts.append(ctx.say("diagnosis.customers",
                             n=format_number(facts.current_customers, ctx.lang)))
    used = [ctx.playbook.channels[c].names[ctx.lang] for c in facts.working_channels]
    if ctx.understood and ctx.understood.channels:  # every channel by the owner's own name
        used = [c.name for c in ctx.understood.channels]
    strengths = [ctx.say("swot.offer", offer=quote(ctx, inp.offer))]
    if used:
        strengths.append(ctx.say("swot.channels", channels=", ".join(used)))
    if facts.current_customers:
        strengths.append(ctx.say("swot.base", n=format_number(facts.current_customers,
                                                              ctx.lang)))
    weaknesses = [ctx.say("swot.budget", budget=format_money(inp.budget_cents, inp.currency,
                                                            ctx.lang), months=inp.horizon_months)]
    if facts.hours_per_week is not None:
        weaknesses.append(ctx.say("swot.hours", hours=format_number(facts.hours_per_week,
                                                                    ctx.lang)))
    if facts.team_size == 1:
        weaknesses.append(ctx.say("swot.solo"))
    if inp.constraints and not says_none(inp.constraints):  # "nessuna regola": no weakness
        weaknesses.append(ctx.say("swot.constraints", constraints=quote(ctx, inp.constraints)))
    opportunities = [ctx.say("swot.segment2", segment=segment2(ctx)),
                     ctx.say(f"swot.goal.{inp.goal_id}")]
    if facts.quiet_months:
        opportunities.append(ctx.say("swot.quiet", months=months_list(ctx, facts.quiet_months)))
    # competitors the owner did not name are no threat of theirs: left out, not a stock line
    threats = [*([ctx.say("swot.competitors", competitors=quote(ctx, inp.competitors))]
                 if inp.competitors else []), *owner_risks.threats(ctx, months_list)]
    if facts.busy_months:
        threats.append(ctx.say("swot.busy", months=months_list(ctx, facts.busy_months)))
    return Diagnosis(situation=" ".join(parts),
                     swot=Swot(strengths=strengths, weaknesses=weaknesses,
                               opportunities=opportunities, threats=threats))


READ_BY_FAMILY = ("donors", "rating")  # goals that count no purchase have a reading of their own


def measurement(ctx: Context, objectives: list[Objective], tactics: list[Tactic]) -> Measurement:
    """KPIs, how to read them, the ROI formula and break-even with the owner's numbers."""
    kpis = []
    for o, goal in zip(objectives, objective_goals(ctx, objectives), strict=True):
        kpi = ctx.playbook.kpis[o.kpi]
        family = goal.family if goal else None
        kpis.append(KpiPlan(
            objective_id=o.id, kpi_name=o.kpi_name,
            target=ctx.say("measurement.target", target=format_number(o.target_value, ctx.lang),
                           unit=o.unit, month=ctx.month(o.deadline_month)),
            how_to_read=ctx.say(f"open.read.{family}") if family in READ_BY_FAMILY
            else kpi.read[ctx.lang],
            cadence=ctx.say("measurement.weekly" if ctx.inp.horizon_months <= 3
                            else "measurement.monthly")))
    inp, funnel = ctx.inp, ctx.funnel
    budget = format_money(inp.budget_cents, inp.currency, ctx.lang)
    roi = ctx.say("measurement.roi", budget=budget)
    owner_break_even = break_even(ctx)
    if owner_break_even:  # from the owner's sale and margin: also the most a customer may cost
        roi += " " + owner_break_even
    elif funnel.break_even_customers:
        roi += " " + ctx.say("measurement.breakeven_margin", n=format_number(
            funnel.break_even_customers, ctx.lang), margin=format_money(
            funnel.margin_per_customer_cents, inp.currency, ctx.lang), budget=budget)
    else:
        count = next((o for o in objectives if o.kpi in ("new_customers", "orders")), None)
        if count:  # a rate counts over the whole plan here
            total, unit = count.target_value, count.unit
            if count.period and funnel.owner_total:  # in the owner's unit when it has one
                total, unit = funnel.owner_total, unit_noun(funnel.owner_unit) \
                    if funnel.owner_unit else ctx.playbook.kpis[count.kpi].unit[ctx.lang]
            each = format_money(-(-inp.budget_cents // int(total)), inp.currency, ctx.lang)
            roi += " " + ctx.say("measurement.breakeven", target=format_number(
                total, ctx.lang), unit=unit, each=each, budget=budget)
    return Measurement(kpis=kpis, roi_formula=roi,
                       review=owner_risks.review(ctx, objectives, months_list))


def risks(ctx: Context, tactics: list[Tactic]) -> list[Risk]:
    """What could go wrong, and what would change the plan."""
    facts = ctx.facts
    out = []
    if facts.regulated:
        first = next(t for t in tactics if t.template == COMPLIANCE)
        out.append(Risk(risk=ctx.say("risks.regulated.risk"),
                        response=ctx.say("risks.regulated.response", id=first.id)))
    own = owner_risks.risks(ctx, tactics, ctx.objectives, months_list)
    out += own[:1]  # this business's own metric not moving
    if facts.hours_per_week is not None:  # the owner's own limit, named
        risk = ctx.say("open.risk_hours", hours=format_number(facts.hours_per_week, ctx.lang))
    elif facts.team_size == 1:
        risk = ctx.say("open.risk_solo")
    elif ctx.inp.constraints and not says_none(ctx.inp.constraints):
        risk = ctx.say("open.risk_constraints",
                       constraints=ctx.inp.constraints.strip().rstrip("."))
    else:
        risk = ""
    if risk:
        out.append(Risk(risk=risk[:1].upper() + risk[1:],
                        response=ctx.say("risks.capacity.response")))
    return out + own[1:]


def sources(ctx: Context, tactics: list[Tactic]) -> list[SourceRef]:
    """The playbook guide, concepts and articles in the plan's language; an article in another
    language only when none in this one exists, and then it says so."""
    lang = ctx.lang
    btype = ctx.playbook.business_types[ctx.facts.business_type]
    guide_title = ctx.playbook.phrases["title"][lang].format(
        btype=btype.names[lang][:1].upper() + btype.names[lang][1:])
    refs = [SourceRef(kind="playbook", id=f"playbook:{ctx.facts.business_type}:{lang}",
                      title=guide_title, language=lang)] if ctx.fits else []
    goal = ctx.playbook.goals[ctx.inp.goal_id]
    concept_ids = list(dict.fromkeys([*goal.concepts, *ALWAYS_CONCEPTS, *(
        CHANNEL_CONCEPTS[t.channel] for t in tactics if t.channel in CHANNEL_CONCEPTS)]))
    for ident in concept_ids:
        title = ctx.source_title("concept", ident, lang) if ctx.source_title else None
        if title:
            refs.append(SourceRef(kind="concept", id=ident, title=title, language=lang))
    own = [a for a in goal.articles if a.startswith(f"{lang}-")]
    others = [a for a in goal.articles if not a.startswith(f"{lang}-")]
    for ident in own or others[:1]:
        article_lang = ident.split("-", 1)[0]
        title = ctx.source_title("article", ident, lang) if ctx.source_title else None
        if title:
            note = "" if article_lang == lang else ctx.say(
                "labels.other_language", language=ctx.say(f"languages.{article_lang}"))
            refs.append(SourceRef(kind="article", id=ident, title=title, language=article_lang,
                                  note=note))
    return refs
