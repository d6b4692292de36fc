"""What each calendar period is for, in words: the baseline, the months customers decide
(the push then, getting ready before), acquisition in quiet months when no buying months are
named, light work at capacity, preparing the next peak, nothing when closed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .formatting import bare_month
from .owner import months_before
from .selection import COMPLIANCE

if TYPE_CHECKING:
    from .context import Context
    from .model import Tactic


def months_list(ctx: Context, months: list[int]) -> str:
    """Calendar months by name, joined the way the language joins a list."""
    names = [bare_month(m, ctx.lang) for m in sorted(months)]
    if len(names) == 1:
        return names[0]
    return ctx.say("and_list", items=", ".join(names[:-1]), last=names[-1])


def calendar_notes(ctx: Context, tactics: list[Tactic], start: int, end: int) -> list[str]:
    """What a period is for: the baseline, acquisition pushes in quiet months, light work in busy
    months, preparing the next peak."""
    facts = ctx.facts
    notes = [ctx.say("calendar.baseline")] if start == 1 else []
    cal = [facts.calendar_month(m)[0] for m in range(start, end + 1)]
    if all(m in facts.closed_months for m in cal):
        return [*notes, ctx.say("calendar.closed")]
    acquirers = [t.id for t in tactics if t.template != COMPLIANCE and set(t.stages or (
        ctx.playbook.tactics[t.template].stages if t.template in ctx.playbook.tactics else ()))
        & {"acquire", "leads", "reach"}
        and any(start <= m <= end for m in t.active_months)]
    decision = ctx.understood.decision_months if ctx.understood else []
    if decision and acquirers:  # the owner's buying months lead, not the quiet ones
        notes += decision_notes(ctx, cal, decision, acquirers)
    elif any(m in facts.quiet_months for m in cal) and acquirers:
        notes.append(ctx.say("calendar.push", tactics=", ".join(acquirers)))
    if any(m in facts.busy_months for m in cal):
        notes.append(ctx.say("calendar.busy"))
    elif any(m % 12 + 1 in facts.busy_months for m in cal[-1:]):
        notes.append(ctx.say("calendar.prepare"))
    if any(t.template == COMPLIANCE and start <= 1 <= end for t in tactics):
        notes.append(ctx.say("calendar.compliance"))
    return notes


def decision_notes(ctx: Context, cal: list[int], decision: list[int],
                   acquirers: list[str]) -> list[str]:
    """The months customers decide ("Les inscriptions se font en septembre"): the push then,
    and getting it ready in the two months before; a month at capacity stays light."""
    months = months_list(ctx, decision)
    tactics = ", ".join(acquirers)
    if any(m in decision and m not in ctx.facts.busy_months for m in cal):
        return [ctx.say("calendar.decide", months=months, tactics=tactics)]
    if any(m in months_before(decision) - set(decision) for m in cal):
        return [ctx.say("calendar.before_decide", months=months, tactics=tactics)]
    return []
