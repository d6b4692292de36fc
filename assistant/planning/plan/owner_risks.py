"""Threats, risks and the review routine from this business (its platforms, its buying season,
its capacity, its own metric and figures), instead of lines that read the same in every plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .formatting import format_money, format_number
from .model import Objective, Risk, Tactic
from .selection import AD_CHANNELS

if TYPE_CHECKING:
    from .context import Context

PLATFORMS = ("marketplace", "booking")
MAIN_SHARE = 0.3  # a platform with at least this share of sales (or no share said) is a threat


def platform(ctx: Context) -> str | None:
    """The marketplace or booking platform the owner's sales depend on, if any."""
    channels = [c for c in ctx.understood.channels if c.family in PLATFORMS
                and (c.share is None or c.share >= MAIN_SHARE)] if ctx.understood else []
    return max(channels, key=lambda c: c.share or 0).name if channels else None


def runs_ads(ctx: Context, tactics: list[Tactic] | None = None) -> bool:
    """Whether paid platforms are part of this business's plan or of what works today."""
    return bool(ad_names(ctx, tactics))


def ad_names(ctx: Context, tactics: list[Tactic] | None = None) -> str:
    """The paid platforms of this business's plan or of what works today, named ("Google Ads
    and Meta"), "" when none."""
    planned = {t.channel for t in tactics or []}
    ids = [c for c in AD_CHANNELS if c in planned | set(ctx.facts.working_channels)]
    names = [ctx.playbook.channels[c].names[ctx.lang] for c in ids if c in ctx.playbook.channels]
    if len(names) < 2:
        return "".join(names)
    return ctx.say("and_list", items=", ".join(names[:-1]), last=names[-1])


def threats(ctx: Context, months_list) -> list[str]:  # noqa: ANN001 - calendar_notes.months_list
    """The threats that belong to this business beyond its competitors."""
    out = []
    name = platform(ctx)
    if name:
        out.append(ctx.say("open.threat_platform", channel=name))
    decision = ctx.understood.decision_months if ctx.understood else []
    if decision:
        out.append(ctx.say("open.threat_window", months=months_list(ctx, decision)))
    return out  # ads getting dearer is a risk with the most a customer may cost (risks)


def risks(ctx: Context, tactics: list[Tactic], objectives: list[Objective],
          months_list) -> list[Risk]:  # noqa: ANN001 - calendar_notes.months_list
    """The risks of this business: its own metric not moving, its platform, its capacity."""
    out = []
    if objectives:
        first = objectives[0]
        half = max(1, ctx.inp.horizon_months // 2)
        funnel = ctx.funnel
        response = ctx.say("open.risk_slow_response_plain")
        if funnel and funnel.margin_per_customer_cents and ctx.understood.average_sale:
            response = ctx.say("open.risk_slow_response", max_cost=format_money(
                funnel.margin_per_customer_cents, ctx.inp.currency, ctx.lang))
        out.append(Risk(risk=ctx.say("open.risk_slow", metric=first.kpi_name[:1].upper()
                                     + first.kpi_name[1:], month=ctx.month(half)),
                        response=response))
    name = platform(ctx)
    if name:
        out.append(Risk(risk=ctx.say("open.risk_platform", channel=name),
                        response=ctx.say("open.risk_platform_response", channel=name)))
    if ctx.facts.busy_months:
        months = months_list(ctx, ctx.facts.busy_months)
        out.append(Risk(risk=ctx.say("open.risk_capacity", months=months),
                        response=ctx.say("open.risk_capacity_response", months=months)))
    if runs_ads(ctx, tactics):  # the owner's platforms and the most a customer may cost
        channels, most = ad_names(ctx, tactics), ctx.funnel and ctx.funnel.margin_per_customer_cents
        risk = ctx.say("open.risk_ads_max", channels=channels, max_cost=format_money(
            most, ctx.inp.currency, ctx.lang)) if most else ctx.say("open.risk_ads",
                                                                    channels=channels)
        out.append(Risk(risk=risk, response=ctx.say("risks.costs.response")))
    if ctx.inp.competitors.strip():  # the competitors the owner named, in their words
        out.append(Risk(risk=ctx.say("open.risk_competitors",
                                     competitors=ctx.inp.competitors.strip().rstrip(".")),
                        response=ctx.say("risks.competition.response")))
    return out


def review(ctx: Context, objectives: list[Objective], months_list) -> str:  # noqa: ANN001
    """The monthly review, on this plan's first metric and the owner's buying season."""
    if not objectives:
        return ctx.say("measurement.review", months=ctx.inp.horizon_months)
    first = objectives[0]
    decision = ctx.understood.decision_months if ctx.understood else []
    window = ctx.say("open.review_window", months=months_list(ctx, decision)) if decision else ""
    target = format_number(first.target_value, ctx.lang)
    target += " %" if first.unit == "%" else ""
    return ctx.say("open.review", metric=first.kpi_name, target=target, window=window,
                   months=ctx.inp.horizon_months)
