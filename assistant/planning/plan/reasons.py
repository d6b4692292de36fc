"""No tactic without the owner's reason (issue #21, item 4). When the nearest playbook type does
not fit, its picks lend no reason of their trade: a pick that runs no channel the owner named is
kept only for a step of the plan that nothing the owner named covers, and then says so."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .selection import Pick

if TYPE_CHECKING:
    from .context import Context


def owner_steps(ctx: Context) -> set[str]:
    """The steps (reach, acquire, retain...) the owner's own channels already take."""
    families = ctx.open["families"]
    channels = ctx.understood.channels if ctx.understood else []
    return {s for c in channels for s in (families.get(c.family) or families["other"])["stages"]}


def with_reasons(ctx: Context, picks: list[Pick], steps: list[str]) -> list[Pick]:
    """`picks` less those the owner's words do not call for; a pick kept for a step nothing
    else takes carries that step as its stated reason."""
    covered = owner_steps(ctx) | {s for p in picks if p.works or p.why.get(ctx.lang)
                                  for s in p.template.stages}
    out = []
    for pick in picks:
        if pick.works or pick.why.get(ctx.lang):
            out.append(pick)
            continue
        missing = [s for s in steps if s in pick.template.stages and s not in covered]
        if missing:
            why = ctx.say("open.why_step", step=ctx.say(f"open.steps.{missing[0]}"))
            out.append(replace(pick, why={ctx.lang: why}))
            covered |= set(pick.template.stages)
    return out
