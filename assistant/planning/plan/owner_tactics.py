"""Tactics from the owner's own channels and the business model: every channel the owner says
works is planned by its name (a playbook tactic renamed to it when one runs that channel, else a
tactic of its family), and the product, price or place decisions the model calls for
(memberships, renewals, off-peak prices, trade terms, an export pilot, packages)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..understanding.model import ChannelUnderstood
from .model import Objective, Tactic
from .owner import apart_ids, months_before, objective_goals
from .schedule import tactic_months
from .selection import COMPLIANCE, LIGHT_ONLY_BELOW, owner_role, weekly_hours

if TYPE_CHECKING:
    from .context import Context

ACQUIRE = {"reach", "leads", "acquire"}


def owner_channel_of(ctx: Context, channel_id: str | None) -> ChannelUnderstood | None:
    """The owner's channel that a playbook channel id stands for, if any."""
    if channel_id is None:
        return None
    return next((c for c in ctx.understood.channels if c.channel_id == channel_id), None)


def channel_tactics(ctx: Context, tactics: list[Tactic], objectives: list[Objective]
                    ) -> list[tuple[Tactic, float]]:
    """A tactic of its family for each working channel no tactic names yet (the mix
    decisions' tactics carry no channel)."""
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
    units = {g.unit for g in ctx.understood.goals} | {
        f"family:{g.family}" for g in ctx.understood.goals if g.family}
    have = {t.template for t in tactics}
    for key, spec in ctx.open["mix"].items():
        when = spec["when"]
        if not all(_holds(name, value, profile, units) for name, value in when.items()):
            continue
        if f"mix:{key}" in have or not _capacity_goal(ctx, key):
            continue
        why = ctx.say("open.why_mix", reason=ctx.say(f"open.reasons.{key}"))
        out.append(_tactic(ctx, f"mix:{key}", spec, "", why, objectives))
    if not apart_ids(ctx, objectives):
        return out
    # sponsors beside customers: the one decision that goal needs (asking) before the others
    return sorted(out, key=lambda p: not ctx.open["mix"][p[0].template[4:]].get(
        "serves_family"))


def _capacity_goal(ctx: Context, key: str) -> bool:
    """Off-peak prices only for a goal about filling capacity (occupancy, slots, places)."""
    if key != "off_peak":
        return True
    words = ctx.open["capacity_words"]
    return any(g.unit == "percent" and any(w in g.text.lower() for w in words)
               for g in ctx.understood.goals)


def _holds(name: str, value: str, profile: Any, units: set[str | None]) -> bool:
    if name == "goal_unit":
        return value in units
    if name == "goal_family":
        return f"family:{value}" in units
    if name == "places":
        return value in profile.places
    return getattr(profile, name) == value


def _tactic(ctx: Context, template: str, spec: dict[str, Any], channel: str, why: str,
            objectives: list[Objective]) -> tuple[Tactic, float]:
    """One tactic written from an open.json entry (its id is set when the plan is put
    together)."""
    text = spec["texts"][ctx.lang]
    stages = list(spec["stages"])
    role = owner_role("owner", ctx.facts.team_size)
    apart = apart_ids(ctx, objectives)
    customers = [o for o in objectives if o.id not in apart] or objectives
    served = [o.id for o in objectives] if set(stages) & ACQUIRE else [customers[-1].id]
    first = customers[0]  # whose KPI it moves
    if spec.get("serves_family"):  # the objectives of the goals it is for ("find 3 sponsors")
        mine = [o for o, g in zip(objectives, objective_goals(ctx, objectives), strict=True)
                if g and g.family == spec["serves_family"]]
        served, first = ([o.id for o in mine], mine[0]) if mine else (served, first)
    active = open_months(ctx, spec["effort"], stages)
    fill = lambda s: s.format(channel=channel)  # noqa: E731
    name = fill(text["name"])
    kpi = first.kpi
    buys = ctx.say(f"open.buys.{spec['buys']}")
    return Tactic(
        id="T99", name=name[:1].upper() + name[1:], objective_ids=served,
        mix_element=ctx.say(f"mix.{spec['mix']}"), channel=None, channel_label=channel,
        actions=[fill(a) for a in text["actions"]], owner=ctx.say(f"owners.{role}"),
        start_month=min(active), end_month=max(active), budget_cents=0, kpi=kpi,
        kpi_name=first.kpi_name, template=template, effort=spec["effort"],
        owner_role=role, why=why, active_months=active, mix=spec["mix"], stages=stages,
        buys=buys, owner_channel=channel), float(spec["weight"])


def open_months(ctx: Context, effort: str, stages: list[str]) -> list[int]:
    """The months a tactic runs: never when closed; no more than light work at capacity; an
    acquisition push of more than light effort before and during the months customers
    decide, when the owner named them."""
    span = tactic_months("open", effort, (0.0, 1.0), ctx.inp.horizon_months, ctx.facts)
    return decision_window(ctx, span, effort, stages)


def decision_window(ctx: Context, span: list[int], effort: str, stages: list[str]) -> list[int]:
    """An acquisition push (more than light work) kept to the months customers decide and the
    two before, when the owner named them, except the months the business is at capacity (a
    month both busy and decisive stays light); light and retention work stays all along. Any
    acquisition work whose months all miss that window (a set-up at the start, months before
    the season) moves into the window's first open months, as many as it had."""
    decision = ctx.understood.decision_months if ctx.understood else []
    if not decision or not set(stages) & ACQUIRE:
        return span
    window = months_before(decision) - set(ctx.facts.busy_months)
    pushed = [m for m in span if ctx.facts.calendar_month(m)[0] in window]
    if not pushed:
        season = [m for m in range(1, ctx.inp.horizon_months + 1)
                  if ctx.facts.calendar_month(m)[0] in window and not ctx.facts.closed(m)]
        return season[:len(span)] or span
    return span if effort == "light" else pushed


# what a playbook tactic's money buys, by its channel (production otherwise)
BUYS = {"google_ads": "media", "meta_ads": "media", "events": "media", "website": "tools",
        "seo": "tools", "email": "tools", "booking_platforms": "tools", "marketplaces": "media",
        "direct_sales": "paid_help", "pr": "production", "print": "production"}


def with_owner_tactics(ctx: Context, tactics: list[Tactic], weights: list[float],
                       objectives: list[Objective]) -> tuple[list[Tactic], list[float]]:
    """The plan's tactics with every working channel planned by its name and the mix decision
    the business model calls for, within the owner's time: what already works first, then one
    mix decision (it keeps a slot even when the working channels would fill the room), then the
    playbook's picks; working channels beyond the room become actions of the first tactic on a
    working channel (planned, no extra work)."""
    if ctx.understood is None or not ctx.understood.channels and not ctx.understood.profile.label:
        return tactics, weights
    working = ctx.facts.working_channels
    pairs = list(zip(tactics, weights, strict=True))
    compliance = [p for p in pairs if p[0].template == COMPLIANCE]
    real = [p for p in pairs if p[0].template != COMPLIANCE]
    owned = [p for p in real if p[0].works(working)]
    others = [p for p in real if not p[0].works(working)]
    family = channel_tactics(ctx, [t for t, _ in real], objectives)
    mixes = mix_tactics(ctx, [t for t, _ in real], objectives)
    room = tactic_room(ctx, len(real), len(owned) + len(family) + bool(mixes))
    goals = {g.goal_id for g in ctx.understood.goals} or {ctx.inp.goal_id}
    keep = kept_channels(owned, mixes, room)
    chosen: list[tuple[Tactic, float]] = owned[:keep]
    for pair in others:  # a goal no chosen tactic moves keeps the playbook tactic that does
        if len(chosen) < room and _moves(ctx, pair[0], goals - _moved(ctx, chosen)):
            chosen.append(pair)
    others = [p for p in others if p not in chosen]
    folded = owned[keep:]
    if mixes and len(chosen) < room:  # one decision beyond promotion
        chosen.append(mixes.pop(0))
    space = max(0, room - len(chosen))
    chosen += family[:space]
    folded += family[space:]
    chosen += others[:max(0, room - len(chosen))]
    chosen += mixes[:max(0, room - len(chosen))]
    while len(chosen) > 1 and hours_needed(ctx, [t for t, _ in chosen]) > (
            ctx.facts.hours_per_week or 1e9):
        last = chosen.pop()
        folded += [last] if last[0].works(working) else []
    for pair in [p for p in folded if p[0].works(working)]:  # a slot the time freed
        if len(chosen) < room and hours_needed(ctx, [t for t, _ in [*chosen, pair]]) <= (
                ctx.facts.hours_per_week or 1e9):
            chosen.append(pair)
            folded.remove(pair)
    if folded and chosen:  # planned by name inside the first tactic, no extra work
        head, weight = chosen[0]
        head = head.model_copy(update={"actions": [*head.actions,
                                                   *(folded_action(ctx, t) for t, _ in folded)]})
        chosen[0] = (head, weight)
    out = [t.model_copy(update={"id": f"T{n}"})
           for n, (t, _) in enumerate([*compliance, *chosen], 1)]
    return out, [w for _, w in [*compliance, *chosen]]


def kept_channels(owned: list[tuple[Tactic, float]], mixes: list[tuple[Tactic, float]],
                  room: int) -> int:
    """How many working-channel tactics keep a slot of their own: one fewer than the room when
    the model calls for a decision (the rest are folded, still named), unless that would leave
    nothing that wins customers."""
    if not mixes or room < 2:
        return room
    acquires = [t for t, _ in [*owned[:room - 1], mixes[0]] if set(t.stages) & ACQUIRE]
    return room - 1 if acquires else room


def _moved(ctx: Context, chosen: list[tuple[Tactic, float]]) -> set[str]:
    """The goals the chosen playbook tactics move (the playbook says so)."""
    return {g for t, _ in chosen for g, w in _goals_of(ctx, t).items() if w}


def _moves(ctx: Context, tactic: Tactic, goals: set[str]) -> bool:
    return any(_goals_of(ctx, tactic).get(g, 0) for g in goals)


def _goals_of(ctx: Context, tactic: Tactic) -> dict[str, float]:
    template = ctx.playbook.tactics.get(tactic.template)
    return dict(template.goals) if template else {}


def family_action(ctx: Context, channel: ChannelUnderstood) -> str:
    """The first action of a channel's family, naming the owner's channel."""
    spec = ctx.open["families"].get(channel.family) or ctx.open["families"]["other"]
    return spec["texts"][ctx.lang]["actions"][0].format(channel=channel.name)


def folded_action(ctx: Context, tactic: Tactic) -> str:
    """The action that keeps a folded tactic's channel in the plan, naming it."""
    name = tactic.owner_channel or tactic.channel_label
    first = next((a for a in tactic.actions if name and name.lower() in a.lower()), None)
    if first:
        return first
    return ctx.open["families"]["other"]["texts"][ctx.lang]["actions"][0].format(channel=name)


def tactic_room(ctx: Context, picked: int, wanted: int) -> int:
    """How many tactics the owner's time carries: two with under 5 hours a week, else the
    playbook's count grown to the owner's channels (open.json: max_tactics)."""
    hours = ctx.facts.hours_per_week
    if hours is not None and hours < LIGHT_ONLY_BELOW:
        return 2
    return max(picked, min(ctx.open["max_tactics"], wanted))


def hours_needed(ctx: Context, tactics: list[Tactic]) -> float:
    """Hours a week the tactics take (a working channel only steers time already spent)."""
    return sum(weekly_hours(t, ctx.facts.working_channels) for t in tactics)
