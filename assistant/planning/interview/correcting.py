"""A correction applied: each fact a message states is compared with its value now, stored
when it differs, and reported as (field, was, now), so the owner sees what changed and nothing
is called corrected that was not."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from ...lexicon import lexicon
from ...packs import words as pack_words
from ...text import fold, folded_map
from ..understanding.currency import local_currency
from ..understanding.facts import team_size
from ..understanding.model import Understanding
from ..understanding.numbers import quantities
from .added_goal import as_added_goal
from .corrections import Fact, FactReader
from .denied_value import to_denied_field
from .fact_fields import FIELDS_BY_KIND, OVERRULE, Guess, default_guesser
from .facts import MONTH_FIELDS, current, goal_counts_other, same_value, shown, store
from .metric_change import metric_count, new_metric
from .parsing import ParseProblem, currency_in
from .replaced import numbers
from .slots import BY_KEY, NUMBER_FACTS, parse_slot
from .state import InterviewState


@dataclass(frozen=True)
class Change:
    """One fact the owner changed, as shown: its field, the value before and the value now."""

    field: str
    was: str
    now: str
    changed: bool = True  # False: the fact already had that value
    counted: str = ""  # what the count counts in the owner's words ("réparations par mois")


def read_facts(interviewer: Any, state: InterviewState, text: str) -> list[Fact]:
    """The facts a message states, read for this interview (its language and currency): the
    fact its value and wording point to (fact_fields.py) when that reading is sure, else what
    the cue words say."""
    understander = interviewer.understander
    reader = FactReader(understander.data, understander.channels)
    local = local_currency(state.answers)
    cued = reader.read(text, state.lang, local)
    u = interviewer.understood(state) if _readable(state) else None  # read once, used twice
    guess = guess_fields(interviewer, state, text, u)
    guesser = default_guesser(understander.embed)
    others = {f for kind in guesser.marked_kinds(text, state.lang, local)[:-1]
              if kind != guess.kind for f in FIELDS_BY_KIND[kind]}
    facts = merged(cued, guess)
    counted = metric_count(interviewer, u, text)  # "make that 35 regular clients"
    if counted:  # the goal's own words count it: no team of 45 "stagiaires par mois"
        facts = [f for f in facts if f.field != "team_size" or f.value != counted[0].value]
    if not any(f.field in ("goal_target", "current_customers") for f in facts):
        facts += counted
    # "30 € a box and a 35 % margin": a fact of another kind the message marks stays too
    facts = as_added_goal(text, facts + [f for f in cued if f.field in others and f not in facts],
                          lambda t: wanted(t, state.lang, understander))
    held = lambda f: current(state, u, f, interviewer.playbook)  # noqa: E731
    facts = to_denied_field(restated(facts, text, held, understander.data), text, held)
    facts = new_metric(facts, text, state.lang, u, about_goal(text, state.lang),
                       understander.profile_data)
    return added_months(facts, text, reader, state.lang)


def about_goal(text: str, lang: str) -> bool:
    """Whether the message names the goal in its own language's words ("objectif", "goal";
    every language's together read "but", the French goal, in "…, but we're 2")."""
    return bool(_goal_words(lang).search(folded_map(text)[0]))


@cache
def _goal_words(lang: str) -> re.Pattern[str]:
    cues = lexicon("fact_cues")[lang]  # files read once per language, not per message
    found = sorted({c for kind in ("goal", "metric") for c in cues.get(kind, [])}, key=len,
                   reverse=True)
    return re.compile(rf"(?<![a-z])(?:{'|'.join(found)})(?![a-z])")


RESTATED = ("team_size", "hours_per_week", "budget", "horizon_months", "goal_target",
            "current_customers", "average_sale")


def restated(facts: list[Fact], text: str, held: Any, data: Any) -> list[Fact]:
    """A number read that is the value held now, then a "but" and one other number, was the old
    value restated: the other is the new one ("prima ho scritto 18 mesi ma sono 12", "I put 2
    but we're 3"). Without the "but" both stand ("the goal is 70, we have 40 now"), and a number
    another fact of the message reads, or people counted, is that fact's. `held(field)`: the
    value now; `data`: the understanding data (people words).

    >>> from .fact_fields import default_guesser
    >>> data = default_guesser().data
    >>> restated([Fact("horizon_months", 18)], "prima ho scritto 18 mesi ma sono 12",
    ...          lambda f: 18, data)
    [Fact(field='horizon_months', value=12, op='set')]
    >>> restated([Fact("goal_target", 70)], "the goal is 70, we have 40 now", lambda f: 70, data)
    [Fact(field='goal_target', value=70, op='set')]
    """
    low = fold(text)
    match = _contrast().search(low)
    if not match:
        return facts
    before, after = low[:match.start()], low[match.end():]
    taken = {f.value for f in facts if isinstance(f.value, int | float)}
    out = []
    for fact in facts:
        value = fact.value
        if fact.field in RESTATED and isinstance(value, int | float) and held(fact.field) == value \
                and any(v == value for v, _ in numbers(before)):
            others = {v for v, denied in numbers(after) if not denied and v not in taken}
            people = fact.field != "team_size" and team_size(after, data) is not None
            if len(others) == 1 and not people:  # "…, but we're 2 people now": the team
                new = others.pop()
                fact = Fact(fact.field, int(new) if new == int(new) else new, fact.op)
        out.append(fact)
    return out


@cache
def _contrast() -> re.Pattern[str]:
    """"but", "instead" and their kin in every language (a restated value comes before)."""
    found = {fold(w).strip() for concept in ("but", "rather") for w in pack_words(concept)}
    return re.compile(rf"(?<!\w)(?:{'|'.join(sorted(found, key=len, reverse=True))})(?!\w)")


def added_months(facts: list[Fact], text: str, reader: FactReader, lang: str) -> list[Fact]:
    """Months said as more of the same ("anche gennaio è fiacco, non solo agosto", "Easter's
    busy too, so April as well") are added to those the fact holds, not put in their place;
    a month denied beside them ("también cerramos en agosto, no en julio") says what replaces
    what, and was read so."""
    if not reader.has("too", text) or any(
            no for _, no in default_guesser().explicit_months(text, lang)):
        return facts
    return [Fact(f.field, f.value, "add") if f.field in MONTH_FIELDS and f.field != "start_month"
            else f for f in facts]


def wanted(text: str, lang: str, understander: Any) -> bool:
    """Whether words read as a goal: a goal the classifier is sure of, or a number with a
    wish or a goal's verb (goal_wishes per pack: "on veut aussi 10 cavistes", "queremos llegar
    a 30"), not a statement ("también tenemos 3 furgonetas", "we also have 2 vans")."""
    if understander.clear_goal(text):
        return True
    wishes = [fold(w).strip() for w in pack_words("goal_wishes", (lang,))]
    folded = f" {fold(text)} "
    return bool(quantities(text, words=False)) and any(f" {w} " in folded for w in wishes)


def guess_fields(interviewer: Any, state: InterviewState, text: str,
                 u: Understanding | None | Literal["unread"] = "unread") -> Guess:
    """Which fact the message changes by its value and examples (the facts held now tell
    which one a denied month or number belongs to); `u`, what the answers mean, when the
    caller has read it already."""
    if text.strip().isdigit():
        return Guess([], (), False)  # a number alone picks a choice or an answer to change
    guesser = default_guesser(interviewer.understander.embed)
    if isinstance(u, str):  # "unread"
        u = interviewer.understood(state) if _readable(state) else None
    held = {f: current(state, u, f, interviewer.playbook)
            for kind in ("months", "count", "money") for f in FIELDS_BY_KIND[kind]}
    if held.get("current_customers") is None and u is not None and u.goals:
        held["current_customers"] = u.goals[0].current  # "180 a month" said with the goal
    if u is not None and u.goals:
        held["goal_current"] = u.goals[0].current  # "10 more" adds to it
    guess = guesser.guess(text, state.lang, local_currency(state.answers), held)
    slot = BY_KEY.get(state.position or "")
    if guess.kind == "words" and slot is not None and slot.kind not in FORMED \
            and slot.key not in NUMBER_FACTS:
        return Guess([], (), False, kind="words")  # free words answer a free question
    return guess


FORMED = ("budget", "horizon")  # questions whose answer has a form words alone never take


def merged(cued: list[Fact], guess: Guess) -> list[Fact]:
    """What the cue words read, unless the guess is sure and they read nothing, or a field
    the value cannot be ("6.000 euro" as a goal), or another field by a wide lead; a guess
    read exactly (a period, a denied month) also sets the value of the field they agree on.
    The currency an amount names stays with the budget. When the guess is unsure but the cue
    words point to the field its wording is furthest from, nothing is read (then asked)."""
    pointed = [f for f in cued if f.field in guess.scores]
    if not guess.sure and pointed and all(
            max(guess.scores.values()) - guess.scores[f.field] >= OVERRULE for f in pointed):
        return []  # the cue words point to the field the wording is furthest from: ask
    if not guess.sure or not guess.facts:
        return cued
    if guess.clauses > 1:  # read clause by clause: what the cue words left out is added
        said = {fold(n) for f in cued if isinstance(f.value, list) for n in f.value}
        fields = {f.field for f in cued}
        return cued + [f for f in guess.facts  # "drop Facebook, we're on Pinterest now"
                       if (not any(fold(n) in said for n in f.value)
                           if isinstance(f.value, list) else f.field not in fields)]
    field = guess.facts[0].field
    candidates = FIELDS_BY_KIND[guess.kind]
    fitting = [f for f in cued if f.field in candidates]
    if cued and guess.kind == "words":
        return cued  # words alone: the cue words know better
    if any(f.field == field for f in fitting):
        return cued if not guess.exact else \
            [*guess.facts, *(f for f in cued if f.field != field)]
    if fitting and guess.lead < OVERRULE:
        return cued
    return guess.facts + [f for f in cued if f.field == "currency" and field == "budget"]


def apply_facts(interviewer: Any, state: InterviewState, facts: list[Fact]) -> list[Change]:
    """Store every fact that changes something; the changes, and those already so."""
    empty = interviewer.prompts.phrase("interview", state.lang, "messages.empty_value")
    playbook, understander = interviewer.playbook, interviewer.understander
    changes: list[Change] = []
    money = (state.answers.get("budget") or {}).get("currency")  # amounts said in it
    for fact in facts:
        before = interviewer.understood(state) if _readable(state) else None
        old = current(state, before, fact.field, playbook)
        if fact.op == "add" and fact.field in MONTH_FIELDS:  # more months, those held kept
            fact = Fact(fact.field, sorted({*(old or []), *fact.value}))
        if same_value(fact.field, old, fact.value, fact.op):
            changes.append(Change(fact.field, shown(fact.field, old, state.lang, empty, money),
                                  shown(fact.field, old, state.lang, empty, money),
                                  changed=False))
            continue
        kind = None
        if fact.field == "business_label":
            hits = understander.businesses.keyword_hits(fold(fact.value))
            if any(hits.values()) or understander.embed is not None:
                kind = understander.business_type(fact.value)[0]
        store(state, before, fact.field, fact.value, fact.op, playbook, understander.today(),
              kind)
        after = interviewer.understood(state) if _readable(state) else None
        now = current(state, after, fact.field, playbook)
        money = (state.answers.get("budget") or {}).get("currency") or money
        changes.append(Change(fact.field, shown(fact.field, old, state.lang, empty, money),
                              shown(fact.field, now, state.lang, empty, money),
                              counted=_counted(fact.field, after)))
    return changes


def _counted(field: str, u: Any) -> str:
    """The goal's metric, for a count said of it ("aujourd'hui on fait 45 réparations par mois,
    pas 40": the repairs of today, not "customers today"); "" when the field's name says it."""
    if field == "current_customers":
        return goal_counts_other(u)
    return u.goals[0].metric or "" if field == "goal_target" and u is not None and u.goals \
        else ""


def _readable(state: InterviewState) -> bool:
    return "business" in state.answers and "goal" in state.answers



ELSEWHERE_KINDS = ("fact", "horizon", "list")  # questions an amount of money never answers
# free-text questions a bare amount ("4 000 €", nothing else) does not answer while the budget
# is still to be asked (an offer's price or a goal's sales figure may be a bare amount)
BARE_AMOUNT_SLOTS = ("customers", "competitors", "situation", "constraints")


def amount_elsewhere(interviewer: Any, state: InterviewState, text: str) -> list[Fact]:
    """A sum of money typed at a question that never takes one (the seasons, the team, the
    horizon, the channels), or a bare amount at a free-text question before the budget was
    asked ("4 000 €" at the marketing question): the budget it gives, to be stored there, not
    as this answer. Only a message written as an amount with its currency ("8.000 €", "about
    £3,000")."""
    slot = BY_KEY.get(state.position or "")
    bare = slot is not None and slot.key in BARE_AMOUNT_SLOTS and "budget" not in \
        state.answers and not re.search(r"[^\W\d_]{3,}", re.sub(r"\b[A-Z]{3}\b", "", text))
    if slot is None or (slot.kind not in ELSEWHERE_KINDS and not bare) or \
            slot.key in NUMBER_FACTS:
        return []
    local = local_currency(state.answers)
    if not (re.search(r"[$€£]", text) or currency_in(text, local)) or not re.search(r"\d", text):
        return []
    if slot.kind == "list" and interviewer.understander.channels.mentions(text):
        return []
    try:
        budget = parse_slot("budget", text, interviewer.playbook, state.lang, local)
    except ParseProblem:
        return []
    return [Fact("budget", budget["amount"]), Fact("currency", budget["currency"])]
