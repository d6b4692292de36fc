"""A correction applied: each fact a message states is compared with its value now, stored
when it differs, and reported as (field, was, now), so the owner sees what changed and nothing
is called corrected that was not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...text import fold
from ..understanding.currency import local_currency
from .corrections import Fact, FactReader
from .facts import current, same_value, shown, store
from .state import InterviewState


@dataclass(frozen=True)
class Change:
    """One fact the owner changed, as shown: its field, the value before and the value now."""

    field: str
    was: str
    now: str
    changed: bool = True  # False: the fact already had that value


def read_facts(interviewer: Any, state: InterviewState, text: str) -> list[Fact]:
    """The facts a message states, read for this interview (its language and currency)."""
    understander = interviewer.understander
    reader = FactReader(understander.data, understander.channels)
    return reader.read(text, state.lang, local_currency(state.answers))


def apply_facts(interviewer: Any, state: InterviewState, facts: list[Fact]) -> list[Change]:
    """Store every fact that changes something; the changes, and those already so."""
    empty = interviewer.prompts.phrase("interview", state.lang, "messages.empty_value")
    playbook, understander = interviewer.playbook, interviewer.understander
    changes: list[Change] = []
    for fact in facts:
        before = interviewer.understood(state) if _readable(state) else None
        old = current(state, before, fact.field, playbook)
        if same_value(fact.field, old, fact.value, fact.op):
            changes.append(Change(fact.field, shown(fact.field, old, state.lang, empty),
                                  shown(fact.field, old, state.lang, empty), changed=False))
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
        changes.append(Change(fact.field, shown(fact.field, old, state.lang, empty),
                              shown(fact.field, now, state.lang, empty)))
    return changes


def _readable(state: InterviewState) -> bool:
    return "business" in state.answers and "goal" in state.answers

