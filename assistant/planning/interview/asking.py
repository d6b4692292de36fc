"""The questions asked when a reading is unsure, while they wait (#22, item 3): the reply to
one (a choice, the owner's own words, or skipped: the reading stands) settles the fact it asks
about, and the kind of business is asked, once, when its reading is below the threshold. The
questions themselves are built in unsure.py; the interviewer (machine.py) moves on after."""

from __future__ import annotations

import re
from typing import Any, Protocol

from ...packs import alternation
from ...prompts import PromptLibrary
from ..playbook import Playbook
from ..understanding import Understander, Understanding
from ..understanding.currency import local_currency
from .facts import store
from .parsing import ParseProblem
from .slots import BY_KEY, Slot, parse_slot
from .state import InterviewState, InterviewView
from .unsure import KEEP, chosen_value, currency_answer, type_question

UNSURE_BELOW = 0.15  # business_confidence (the lead over the next kind, 0..1) under which we ask
# ... and only when the nearest kind is near at all (its similarity): a theatre troupe, a
# coworking space or a brewery is like no preset, and "bakery, restaurant or retail?" would
# push it into another trade's plan. Its own words stand; the plan follows how it sells.
# (A business told by its name alone is still asked: the reply becomes its label.)
ASK_TYPE_FROM = 0.5
STRICT = ("horizon", "budget", "language")  # kinds of slot whose answers parse or fail


class Asker(Protocol):
    """What settling an unsure question needs of the interviewer (machine.py): its readings,
    its phrases, and the ways it moves on."""

    playbook: Playbook
    understander: Understander
    prompts: PromptLibrary

    def understood(self, state: InterviewState) -> Understanding | None: ...

    def understood_line(self, state: InterviewState) -> str: ...

    def view(self, state: InterviewState, messages: list[str] | None = None) -> InterviewView: ...

    def _fill(self, state: InterviewState, slot: Slot, text: str) -> InterviewView: ...

    def _moved_on(self, state: InterviewState, slot: Slot,
                  messages: list[str]) -> InterviewView: ...

    def _say(self, state: InterviewState, key: str, **variables: Any) -> str: ...


def settle(machine: Asker, state: InterviewState, text: str | None) -> InterviewView:
    """The answer to a question asked when unsure (None: skipped, the reading stands);
    `machine` is the Interviewer, which moves on after."""
    asking, slot = state.asking or {}, BY_KEY[state.position or ""]
    if asking.get("field") == "currency":
        value = currency_answer(state, text) if text else asking["choices"][0][1]
        if value is None and text and not any(ch.isdigit() for ch in text):
            return machine.view(state)  # neither a choice nor an amount: asked again
        state.asking = None
        return machine._fill(state, slot, value or text or "")
    state.asking = None
    if text and chosen_value(asking, text) is None and answers_the_question(machine, state,
                                                                             slot, text):
        return machine._fill(state, slot, text)  # the reading stands: "12 meses" is the horizon
    if asking.get("field") == "business_type":
        return settle_type(machine, state, asking, text)
    ahead = told_ahead(machine, state, text) if text and chosen_value(asking, text) is None \
        else None
    if ahead is not None:  # "12 mois" at "what does your goal count?": the horizon, told ahead
        key, value = ahead
        state.answers[key] = value
        say = lambda k, **v: machine.prompts.phrase("conversation", state.lang, k, **v)  # noqa: E731
        echo = say("changed", field=say(f"fields.{key}").capitalize(), now=str(value),
                   was=machine._say(state, "messages.empty_value"))
        return machine._moved_on(state, slot, [echo])  # the goal's reading stands
    metric = (chosen_value(asking, text) or bare_unit(text.strip())) if text else None
    if not metric:
        return machine._moved_on(state, slot, [])
    store(state, machine.understood(state), "goal_metric", metric, "set", machine.playbook,
          machine.understander.today())
    return machine._moved_on(state, slot, [machine._say(state, "unsure.metric_noted",
                                                        metric=metric)])


def told_ahead(machine: Asker, state: InterviewState, text: str) -> tuple[str, Any] | None:
    """A reply that is no metric but the answer of a question still to come: a duration is the
    plan's horizon ("12 mois"), never what a goal counts."""
    if "horizon_months" in state.answers:
        return None
    try:
        return "horizon_months", parse_slot("horizon_months", text, machine.playbook, state.lang)
    except ParseProblem:
        return None


def bare_unit(words: str) -> str:
    """What a goal counts without the article or possessive before it, so that a target reads
    "4 contrats de plus", not "4 des contrats de plus" (unit_determiners, per language pack).

    >>> bare_unit("des contrats"), bare_unit("i coperti"), bare_unit("the bookings")
    ('contrats', 'coperti', 'bookings')
    >>> bare_unit("l'occupation"), bare_unit("the number of desks"), bare_unit("les")
    ('occupation', 'desks', 'les')
    """
    pattern = rf"^(?:(?:{alternation('unit_determiners', longest_first=True)})\s+|[ldLD]')+"
    return re.sub(pattern, "", words, flags=re.IGNORECASE).strip() or words


def answers_the_question(machine: Asker, state: InterviewState, slot: Slot, text: str) -> bool:
    """Whether words typed at an unsure question answer the question it stands in for: the
    kind of business is asked in the horizon's place, and "12 meses" is a horizon, never the
    owner's words for their business (nor what their goal counts). Only for slots whose answers
    parse or fail: a free answer could be either."""
    if slot.kind not in STRICT:
        return False
    try:
        parse_slot(slot.key, text, machine.playbook, state.lang, local_currency(state.answers))
    except ParseProblem:
        return False
    return True


def settle_type(machine: Asker, state: InterviewState, asking: dict[str, Any],
                text: str | None) -> InterviewView:
    """The kind of business chosen (a preset, or the owner's words kept as its label)."""
    u = machine.understood(state)
    picked = chosen_value(asking, text) if text else KEEP
    label = asking["params"]["label"]
    if picked is None:  # the owner's own words: the label, and the preset they are nearest
        label, picked = text or label, machine.understander.business_type(text or label)[0]
    kind = u.business_type if picked == KEEP or u is None else picked
    store(state, u, "business_label", label, "set", machine.playbook,
          machine.understander.today(), kind)
    line = machine.understood_line(state)
    return machine.view(state, [line] if line else [])


def ask_type(machine: Asker, state: InterviewState) -> list[str]:
    """Below the confidence threshold, the kind of business is asked, once (never guessed
    silently): the nearest presets by example similarity and the owner's own words, as
    choices while a question is pending (interview/unsure.py), else as a note."""
    u = machine.understood(state)
    if u is None or u.business_confidence >= UNSURE_BELOW or u.corrected \
            or "unsure_type" in state.followed_up \
            or u.profile.label and u.profile.confidence.get("type", 1.0) < ASK_TYPE_FROM:
        return []  # (with no words for its kind, the question is how the label is learnt)
    kinds = [k for k in (u.business_type, *u.business_alternatives)
             if k in machine.playbook.business_types][:3]
    if len(kinds) < 2:
        return []
    state.followed_up.append("unsure_type")
    names = [machine.playbook.business_types[k].names[state.lang] for k in kinds]
    # Words that name no kind ("Studio Nove, in centro a Bologna") leave no label: the
    # question then names the business, and the owner's reply becomes its label.
    label = u.profile.label or u.profile.name or str(state.answers.get("business", ""))
    if state.position is None or not label:
        return [machine._say(state, "understood.unsure_type", choices=" / ".join(names),
                             first=names[0])]
    state.asking = type_question(state.position, label, list(zip(names, kinds, strict=True)),
                                 machine._say(state, "unsure.keep", label=label))
    return []
