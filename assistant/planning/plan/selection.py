"""Which tactics, in what order, for how many hours: the playbook's fit for this business, the
owner's working and excluded channels, time, team, regulation and busy months."""

from __future__ import annotations

from dataclasses import dataclass

from ..playbook import Playbook, TacticTemplate
from .model import PlanFacts, Tactic

EFFORT_HOURS = {"light": 1.5, "medium": 3.0, "heavy": 5.0}  # hours a week a tactic takes
# A channel the owner already runs costs little new time: the plan steers hours already spent
# there (it replaces, not adds), so with 2-4 hours a week it still fits next to one new tactic.
WORKING_HOURS = 0.75
# A light product, price or place decision (a pack, off-season prices, a listing where visitors
# choose) is set once and then sold through the channels already run: it weighs like steering one.
DECISION_HOURS = 0.75
LIGHT_ONLY_BELOW = 5.0  # under 5 hours a week only light tactics fit
AD_CHANNELS = ("google_ads", "meta_ads")
COMPLIANCE = "compliance_review"


@dataclass(frozen=True)
class Pick:
    """A chosen tactic before it is written out."""

    tactic_id: str
    template: TacticTemplate
    channel: str | None
    score: float
    works: bool  # runs on a channel the owner says already works
    why: dict[str, str]


def tactic_count(budget_cents: int) -> int:
    """How many tactics a budget can carry well (a small budget spread thin does nothing)."""
    units = budget_cents / 100
    return 3 if units < 1500 else 4 if units < 6000 else 5 if units < 20000 else 6


def pick_channel(template: TacticTemplate, working: list[str], excluded: list[str]) -> str | None:
    """The tactic's channel: one the owner already uses if possible, never a ruled-out one."""
    allowed = [c for c in template.channels if c not in excluded]
    used = [c for c in working if c in allowed]
    return (used or allowed or [None])[0]


def candidates(playbook: Playbook, facts: PlanFacts, excluded: list[str], stages: set[str],
               goal_ids: list[str]) -> list[Pick]:
    """Every tactic that may serve this plan, best first. The playbook's list for the business
    type, plus tactics on channels the owner says work (the owner's word beats the list, and
    the type's never-list when nothing else can run on the owner's channel)."""
    btype = playbook.business_types[facts.business_type]
    ranked = list(btype.tactics)
    # A working channel no tactic fit for the type can run on (the congress flyers that bring a
    # software firm its clients): for it, the type's never-list gives way to the owner's word.
    covered = {pick_channel(t, facts.working_channels, excluded)
               for tid, t in playbook.tactics.items()
               if tid != COMPLIANCE and tid not in btype.never}
    out = []
    for tid, template in playbook.tactics.items():
        if tid == COMPLIANCE:
            continue
        channel = pick_channel(template, facts.working_channels, excluded)
        if template.channels and channel is None:
            continue
        works = channel in facts.working_channels
        if tid in btype.never and not (works and channel not in covered):
            continue  # unfit for the type, unless it alone can run what works for the owner
        if tid not in ranked and not works:
            continue
        if not set(template.stages) & stages and not works:
            continue  # what already works stays, whatever the goal
        score = (len(ranked) - ranked.index(tid)) if tid in ranked else 1.0
        score += sum(template.goals.get(g, 0) * (2 if i == 0 else 1)
                     for i, g in enumerate(goal_ids))
        score += 20 if works else 0
        if works and tid not in ranked:  # the owner's channel, not in the type's list: lightest
            score -= {"light": 0.0, "medium": 0.5}.get(template.effort, 1.0)
        if facts.hours_per_week is not None and facts.hours_per_week < LIGHT_ONLY_BELOW \
                and template.effort != "light" and not works:
            continue  # little time: light work only, except what the owner already does
        why = btype.tactics.get(tid) or {}
        out.append(Pick(tid, template, channel, score, works, why))
    out.sort(key=lambda p: (-p.score, p.tactic_id))
    return out


FALLBACK = ("offer_design", "service_training")  # need no channel at all


def fallback(playbook: Playbook, facts: PlanFacts, goal_id: str | None = None) -> list[Pick]:
    """A channel-free tactic for when every channel is ruled out (the one that moves `goal_id`
    most first)."""
    never = playbook.business_types[facts.business_type].never
    order = sorted(FALLBACK, key=lambda t: -playbook.tactics[t].goals.get(goal_id or "", 0))
    return [Pick(tid, playbook.tactics[tid], None, 0.0, False,
                 playbook.business_types[facts.business_type].tactics.get(tid, {}))
            for tid in order if tid not in never][:1]


def choose(picks: list[Pick], stage_order: list[str], budget_cents: int,
           hours: float | None, goal_ids: tuple[str, ...] = (),
           spare: tuple[Pick, ...] = ()) -> list[Pick]:
    """A few tactics that cover every objective's stage and every goal (a tactic the playbook
    says moves it; `spare` channel-free ones when nothing else can), fit the hours, and do not
    repeat a channel; tactics on working channels come first."""
    wanted = tactic_count(budget_cents)
    if hours is not None:
        wanted = max(1, min(wanted, 2 if hours < LIGHT_ONLY_BELOW else round(hours / 2)))
    chosen: list[Pick] = []
    used: set[str | None] = set()
    spent = 0.0

    def add(pick: Pick) -> bool:
        nonlocal spent
        cost = hours_of(pick)
        if pick in chosen or (pick.channel is not None and pick.channel in used):
            return False
        if hours is not None and chosen and spent + cost > hours:
            return False
        chosen.append(pick)
        used.add(pick.channel)
        spent += cost
        return True

    for pick in picks:  # what already works, first
        if pick.works and len(chosen) < wanted:
            add(pick)
    for goal in goal_ids:  # every goal the owner stated moved by at least one tactic
        if any(p.template.goals.get(goal, 0) for p in chosen):
            continue
        movers = [p for p in [*picks, *spare] if p.template.goals.get(goal, 0)]
        if not any(add(p) for p in movers if len(chosen) < wanted):
            chosen[:] = swapped(chosen, movers, goal_ids, hours)  # full: replace, not add
            used = {p.channel for p in chosen}
            spent = sum(hours_of(p) for p in chosen)
    for stage in stage_order:  # then cover every objective
        if len(chosen) >= wanted or any(stage in p.template.stages for p in chosen):
            continue
        for pick in picks:
            if stage in pick.template.stages and add(pick):
                break
    for pick in picks:
        if len(chosen) >= wanted:
            break
        add(pick)
    return chosen


def weekly_hours(tactic: Tactic, working: list[str]) -> float:
    """Weekly hours a plan's tactic takes: little for a channel the owner already runs or a light
    decision of the mix, else its effort's hours."""
    if tactic.works(working):
        return WORKING_HOURS
    if tactic.template.startswith("mix:") and tactic.effort == "light":
        return DECISION_HOURS
    return EFFORT_HOURS.get(tactic.effort, 3.0)


def hours_of(pick: Pick) -> float:
    """Weekly hours a tactic adds (little for a channel the owner already runs)."""
    return WORKING_HOURS if pick.works else EFFORT_HOURS[pick.template.effort]


def swapped(chosen: list[Pick], movers: list[Pick], goal_ids: tuple[str, ...],
            hours: float | None) -> list[Pick]:
    """`chosen` with one tactic replaced by one that moves a goal nobody moves yet, when the
    swap loses no goal, keeps channels apart and fits the hours; a new tactic is replaced
    before one on a working channel, and that one by another on the same channel."""
    def covered(picks: list[Pick]) -> set[str]:
        return {g for g in goal_ids if any(p.template.goals.get(g, 0) for p in picks)}

    before = covered(chosen)
    for old in sorted(chosen, key=lambda p: (p.works, p.score)):
        rest = [p for p in chosen if p is not old]
        same = [m for m in movers if old.works and m.channel == old.channel]
        last_working = old.works and not any(p.works for p in rest)  # never drop it
        for new in same if last_working else [*same, *(m for m in movers if m not in same)]:
            if new in chosen or (new.channel is not None
                                 and new.channel in {p.channel for p in rest}):
                continue
            trial = [new if p is old else p for p in chosen]
            if hours is not None and len(trial) > 1 and sum(map(hours_of, trial)) > hours:
                continue
            if covered(trial) > before:
                return trial
    return chosen


def owner_role(role: str, team_size: int | None) -> str:
    """The role a tactic's work falls to, among the people the business has."""
    if team_size == 1:
        return "you_with_help" if role == "agency" else "you"
    if role in ("marketing", "sales") and (team_size is None or team_size < 10):
        return "owner"
    if role == "staff" and team_size is not None and team_size < 2:
        return "owner"
    return role
