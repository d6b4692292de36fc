"""One tactic written out for this business: its name and actions on the owner's channel, its
months, its owner, and the KPI it moves, counted in the owner's unit (issue #21: a tactic for
the cheese producer who counts crémeries reads "crémeries", not "nouveaux clients")."""

from __future__ import annotations

from .context import Context
from .model import Objective, Tactic
from .owner import apart_ids
from .owner_tactics import BUYS, decision_window, family_action, owner_channel_of
from .schedule import tactic_months
from .selection import AD_CHANNELS, COMPLIANCE, Pick, owner_role


def make_tactic(ctx: Context, n: int, pick: Pick, served: list[str],
                objectives: list[Objective]) -> Tactic:
    """One tactic written out for this business."""
    template, channel = pick.template, pick.channel
    channel_label = ctx.playbook.channels[channel].names[ctx.lang] if channel else ""
    owned = owner_channel_of(ctx, channel) if ctx.understood else None
    channel_label = owned.name if owned else channel_label
    owner_channel = owned.name if owned else ""
    text = template.texts[ctx.lang]
    # a playbook tactic on the owner's channel names it in an action (a neutral one when the
    # business is regulated: the family's incentives may not be allowed)
    named = f"{text.name} {' '.join(text.actions)}"
    named_by = owned.model_copy(update={"family": "other"}) if owned and ctx.facts.regulated \
        else owned
    lead = [family_action(ctx, named_by)] if owned and "{channel}" not in named else []
    served_kpis = [o.kpi for o in objectives if o.id in served] or [objectives[0].kpi]
    kpi = next((k for k in template.kpis if k in served_kpis), served_kpis[0])
    is_ad = channel in AD_CHANNELS
    not_before = 2 if ctx.facts.regulated and is_ad and ctx.inp.horizon_months > 1 else 1
    active = tactic_months(pick.tactic_id, template.effort, tuple(template.timing),
                           ctx.inp.horizon_months, ctx.facts, not_before)
    if pick.tactic_id == COMPLIANCE:
        active = [1]
    else:
        active = decision_window(ctx, active, template.effort, list(template.stages))
    name = text.name.format(channel=channel_label)
    role = owner_role(template.owner, ctx.facts.team_size)
    why = pick.why.get(ctx.lang, "")
    if not why and pick.works:
        why = ctx.say("why_works", channel=channel_label)
    return Tactic(
        id=f"T{n}", name=name[:1].upper() + name[1:], objective_ids=list(served or
                                                                          [objectives[0].id]),
        mix_element=ctx.say(f"mix.{template.mix}"), channel=channel,
        channel_label=channel_label, actions=[a.format(channel=channel_label) for a in (
            text.regulated_actions if ctx.facts.regulated and text.regulated_actions
            else text.actions)] + lead,
        owner=ctx.say(f"owners.{role}"), start_month=min(active), end_month=max(active),
        budget_cents=0, kpi=kpi, kpi_name=kpi_name(ctx, kpi, served, objectives),
        template=pick.tactic_id, effort=template.effort, owner_role=role, why=why,
        active_months=active, mix=template.mix, stages=list(template.stages),
        buys=ctx.say(f"open.buys.{template.buys or BUYS.get(channel or '', 'production')}"),
        owner_channel=owner_channel)


def kpi_name(ctx: Context, kpi: str, served: list[str], objectives: list[Objective]) -> str:
    """The KPI as the objective it moves counts it (the owner's own metric when the objective
    is theirs: "planes de salud", "crémeries"); the playbook's name otherwise."""
    apart = apart_ids(ctx, objectives)  # sponsors are not what a channel's customers count
    counted = [o for o in objectives if o.kpi == kpi and o.id not in apart]
    own = next((o for o in counted if o.id in served), counted[0] if counted else None)
    return own.kpi_name if own else ctx.playbook.kpis[kpi].names[ctx.lang]
