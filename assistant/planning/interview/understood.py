"""What the interview understood, said back to the owner in their language, and corrected in
their words ("es un gimnasio", "objetivos: fidelizar", "sin Facebook") or by choosing."""

from __future__ import annotations

import re
from typing import Any

from babel.numbers import format_decimal

from ...errors import InvalidAnswer
from ...packs import alternation
from ...prompts import PromptLibrary
from ...text import fold
from ..playbook import Playbook
from ..understanding import Understander, Understanding
from .state import InterviewState, InterviewView
from .word_changes import word_changes

AREA = "interview"
GOAL_PREFIX = re.compile(rf"^\s*({alternation('goal_labels')})\s*:?\s*", re.I)
TYPE_PREFIX = re.compile(rf"^\s*((?:{alternation('is_not')})\s+\w+[^,]*,\s*)?"
                         rf"({alternation('identity')})\s+({alternation('indefinite_articles')})?\s*",
                         re.I)


def describe(u: Understanding, lang: str, prompts: PromptLibrary, playbook: Playbook) -> str:
    """One line: "local bakery · goals: new customers (+150) · quiet months: …"."""
    say = lambda key, **v: prompts.phrase(AREA, lang, f"understood.{key}", **v)  # noqa: E731
    preset = playbook.business_types.get(u.business_type)
    retyped = "business_type" in u.corrected and "profile" not in u.corrected  # a preset chosen
    parts = [(not retyped and u.profile.label) or (preset.names[lang] if preset
                                                    else u.business_type)]
    if u.goals:
        parts.append(say("goals", items=", ".join(_goal(g, lang, say, playbook) for g in u.goals)))
    if u.decision_months:  # the seasons as the owner told them, one fact each
        parts.append(say("decision", items=_months(u.decision_months, lang)))
    if u.busy_months:
        parts.append(say("busy", items=_months(u.busy_months, lang)))
    if u.quiet_months:
        parts.append(say("quiet", items=_months(u.quiet_months, lang)))
    if u.closed_months:
        parts.append(say("closed", items=_months(u.closed_months, lang)))
    names = lambda ids: ", ".join(playbook.channels[c].names[lang] for c in ids  # noqa: E731
                                  if c in playbook.channels)
    if u.channels or u.channel_ids:  # in the owner's words: "clubs de ciclismo" too
        parts.append(say("channels", items=", ".join(c.name for c in u.channels)
                         or names(u.channel_ids)))
    if u.excluded_ids:
        parts.append(say("excluded", items=names(u.excluded_ids)))
    parts.append(say("start", month=f"{_months([u.start_month], lang)} {u.start_year}"))
    if u.team_size == 1:
        parts.append(say("alone"))
    elif u.team_size:
        parts.append(say("team", n=u.team_size))
    if u.hours_per_week:
        parts.append(say("hours", n=f"{u.hours_per_week:g}"))
    if u.regulated:
        parts.append(say("regulated"))
    return say("intro", summary=" · ".join(parts))


class Understood:
    """What the answers mean, said back and corrected by choosing: a part of the Interviewer
    (machine.py), which has the understander, the prompts and the playbook, and `view`."""

    prompts: PromptLibrary
    playbook: Playbook
    understander: Understander

    def understood(self, state: InterviewState) -> Understanding | None:
        """What the answers so far mean (None before the business and the goal are known)."""
        if "business" not in state.answers or "goal" not in state.answers:
            return None
        return self.understander.understand(state.answers, state.lang)

    def understood_line(self, state: InterviewState) -> str:
        """"I understood: …" in the interview's language (empty when too early)."""
        understood = self.understood(state)
        if understood is None:
            return ""
        return describe(understood, state.lang, self.prompts, self.playbook)

    def correct(self, state: InterviewState, field: str, value: Any) -> InterviewView:
        """Set what was understood by choosing (business_type, goals, channels, excluded)."""
        allowed = {"business_type": self.playbook.business_types, "goals": self.playbook.goals,
                   "channels": self.playbook.channels, "excluded": self.playbook.channels}
        if field not in allowed:
            raise InvalidAnswer(slot=field, reason=self._say(state, "problems.unknown_slot",
                                                             slot=field))
        values = [value] if isinstance(value, str) else list(value or [])
        if any(v not in allowed[field] for v in values) or (field == "business_type"
                                                           and len(values) != 1):
            raise InvalidAnswer(slot=field, reason=self._say(state, "problems.correction_unknown"))
        change: dict[str, Any] = {
            "business_type": values[0] if values else None,
            "goals": [{"goal_id": v, "text": self.playbook.goals[v].names[state.lang]}
                      for v in values] if field == "goals" else None,
            "channels": values, "excluded": values}
        return self._apply(state, {field: change[field]})

    def _apply(self, state: InterviewState, overrides: dict[str, Any]) -> InterviewView:
        before = self.understood(state)
        previous = state.answers.get("understood")
        current = dict(previous or {})
        current.update(overrides)
        state.answers["understood"] = current
        after = self.understood(state)
        if before is not None and after is not None and before.model_dump(
                exclude={"corrected"}) == after.model_dump(exclude={"corrected"}):
            if previous is None:  # never "corrected" for nothing
                state.answers.pop("understood", None)
            else:
                state.answers["understood"] = previous
            return self.view(state, [self._say(state, "problems.correction_unknown")])
        return self.view(state, [self._what_changed(state, before, after)
                                 or self._say(state, "understood.corrected")])

    def _what_changed(self, state: InterviewState, before: Understanding | None,
                      after: Understanding | None) -> str:
        """"Type: gym (was: shop)", one line per fact a correction changed ("" when none
        shows): the owner sees the change, not a bare "Corrected."."""
        if before is None or after is None:
            return ""
        say = lambda key, **v: self.prompts.phrase("conversation", state.lang, key, **v)  # noqa: E731
        changes = word_changes(before, after, self.playbook, state.lang,
                               self._say(state, "messages.empty_value"))
        return "\n".join(say("changed", field=say(f"fields.{c.field}").capitalize(),
                               now=c.now, was=c.was) for c in changes)


def _goal(goal: Any, lang: str, say: Any, playbook: Playbook) -> str:
    """A goal in the owner's own metric when they named one ("occupancy (30% → 60%)",
    "pedidos (180 → 360)"), else the playbook's name for it and the change ("new customers
    (+150)"): the line echoes what was heard, not the nearest kind of goal."""
    def number(value: float, sign: str = "") -> str:  # "1.500.000", never "1.5e+06"
        text = format_decimal(abs(value) if sign else value, locale=lang).replace("\xa0", " ")
        text = ("-" if value < 0 else "+") + text if sign else text
        return say("percent", n=text) if goal.unit == "percent" else text

    if goal.metric:
        if goal.current is not None and goal.target is not None:
            return f"{goal.metric} ({number(goal.current)} → {number(goal.target)})"
        if goal.target is not None:
            return f"{goal.metric} ({number(goal.target)})"
    name = goal.metric or (playbook.goals[goal.goal_id].names[lang]
                           if goal.goal_id in playbook.goals else goal.goal_id)
    return name if goal.change is None else f"{name} ({number(goal.change, sign='+')})"


def _months(months: list[int], lang: str) -> str:
    from babel.dates import get_month_names

    names = get_month_names("wide", context="stand-alone", locale=lang)
    return ", ".join(names[m] for m in months)


def correction(text: str, u: Understanding, understander: Understander) -> dict[str, Any] | None:
    """The overrides a free-text correction asks for, or None when it names nothing."""
    if GOAL_PREFIX.match(text):
        goals = understander.goals(GOAL_PREFIX.sub("", text))
        if goals:
            return {"goals": [g.model_dump() for g in goals]}
    mentions = understander.channels.mentions(text)
    if mentions:
        excluded = list(dict.fromkeys([*u.excluded_ids, *(c for c, neg in mentions if neg)]))
        if {"facebook", "instagram"} <= set(excluded) and "meta_ads" not in excluded:
            excluded.append("meta_ads")
        working = [c for c in dict.fromkeys([*u.channel_ids, *(c for c, n in mentions if not n)])
                   if c not in excluded]
        return {"channels": working, "excluded": excluded}
    described = TYPE_PREFIX.sub("", text)
    hits = understander.businesses.keyword_hits(fold(described))
    prefix = TYPE_PREFIX.match(text)
    # "we are a coworking space": an article before the kind; "nous sommes seuls" names none
    if any(hits.values()) or prefix and prefix.group(3):
        business, _ = understander.business_type(described)
        return {"business_type": business}
    return None
