"""Tactics from the owner's own channels and the business model: every channel the owner says
works is planned by its name (a playbook tactic renamed to it when one runs that channel, else a
tactic of its family), and the product, price or place decisions the model calls for
(memberships, renewals, off-peak prices, trade terms, an export pilot, packages)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..understanding.model import ChannelUnderstood
from .model import Objective, Tactic
from .owner import months_before
from .schedule import tactic_months

if TYPE_CHECKING:
    from .builder import Context

ACQUIRE = {"reach", "leads", "acquire"}


def owner_channel_of(ctx: Context, channel_id: str | None) -> ChannelUnderstood | None:
    """The owner's channel that a playbook channel id stands for, if any."""
    if channel_id is None:
        return None
    return next((c for c in ctx.understood.channels if c.channel_id == channel_id), None)


def channel_tactics(ctx: Context, tactics: list[Tactic], objectives: list[Objective]
                    ) -> list[tuple[Tactic, float]]:
    """A tactic of its family for each working channel no tactic names yet."""
    named = " ".join(f"{t.name} {t.channel_label} {' '.join(t.actions)}" for t in tactics).lower()
    out = []
    for channel in ctx.understood.channels:
        if channel.name.lower() in named:
            continue
        spec = ctx.open["families"].get(channel.family) or ctx.open["families"]["other"]
        why = ctx.say("open.why_owner", channel=channel.name)
        out.append(_tactic(ctx, f"family:{channel.family}", spec, channel.name, why, objectives))
        named += f" {channel.name.lower()}"
    return out


def mix_tactics(ctx: Context, tactics: list[Tactic], objectives: list[Objective]
                ) -> list[tuple[Tactic, float]]:
    """The product, price and place decisions the business model calls for."""
    profile, out = ctx.understood.profile, []
    units = {g.unit for g in ctx.understood.goals}
    have = {t.template for t in tactics}
    for key, spec in ctx.open["mix"].items():
        when = spec["when"]
        if not all(_holds(name, value, profile, units) for name, value in when.items()):
            continue
        if f"mix:{key}" in have:
            continue
        why = ctx.say("open.why_mix", reason=ctx.say(f"open.reasons.{key}"))
        out.append(_tactic(ctx, f"mix:{key}", spec, "", why, objectives))
    return out


def _holds(name: str, value: str, profile: Any, units: set[str | None]) -> bool:
    if name == "goal_unit":
        return value in units
    if name == "places":
        return value in profile.places
    return getattr(profile, name) == value


def _tactic(ctx: Context, template: str, spec: dict[str, Any], channel: str, why: str,
            objectives: list[Objective]) -> tuple[Tactic, float]:
    """One tactic written from an open.json entry (its id is set when the plan is put
    together)."""
    text = spec["texts"][ctx.lang]
    stages = list(spec["stages"])
    served = [o.id for o in objectives] if set(stages) & ACQUIRE else [objectives[-1].id]
    active = open_months(ctx, spec["effort"], stages)
    fill = lambda s: s.format(channel=channel)  # noqa: E731
    name = fill(text["name"])
    kpi = objectives[0].kpi
    buys = ctx.say(f"open.buys.{spec['buys']}")
    return Tactic(
        id="T99", name=name[:1].upper() + name[1:], objective_ids=served,
        mix_element=ctx.say(f"mix.{spec['mix']}"), channel=None, channel_label=channel,
        actions=[fill(a) for a in text["actions"]], owner=ctx.say("owners.owner"),
        start_month=min(active), end_month=max(active), budget_cents=0, kpi=kpi,
        kpi_name=objectives[0].kpi_name, template=template, effort=spec["effort"],
        owner_role="owner", why=why, active_months=active, mix=spec["mix"], stages=stages,
        buys=buys), float(spec["weight"])


def open_months(ctx: Context, effort: str, stages: list[str]) -> list[int]:
    """The months a tactic runs: never when closed; no more than light work at capacity; an
    acquisition push of more than light effort before and during the months customers
    decide, when the owner named them."""
    facts = ctx.facts
    span = tactic_months("open", effort, (0.0, 1.0), ctx.inp.horizon_months, facts)
    decision = ctx.understood.decision_months
    if decision and set(stages) & ACQUIRE and effort != "light":
        window = months_before(decision)
        pushed = [m for m in span if facts.calendar_month(m)[0] in window]
        span = pushed or span
    return span
