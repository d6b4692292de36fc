"""Interviews set up through the facade for conversation tests: one under way with given answers
and a pending question, and a fact as the interview reads it now (one copy for the test files
that drive the chat's interview: listens, asks, misfit, after the plan)."""

from __future__ import annotations

from typing import Any

from assistant import Assistant
from assistant.planning.interview.facts import current
from assistant.planning.interview.state import ASKING, CONFIRMING


def under_way(a: Assistant, owner: str, lang: str, answers: dict[str, str],
              pending: str | None) -> str:
    """An interview of `owner` under way with these answers, asking `pending` (None: the
    summary); the owner's other interviews are closed, so the chat follows this one."""
    for other in a.plans.database.list_interviews(owner):
        a.plans.add_chat_lines(other.id, owner, [], closed=True)
    iid = a.plans.start_interview(owner, lang).interview_id
    for key, value in answers.items():
        a.plans.edit(iid, key, value, owner)
    state = a.plans.database.load_interview(iid, owner)
    state.position, state.status = (pending, ASKING) if pending else (None, CONFIRMING)
    a.plans.database.save_interview(state)
    return iid


def read_fact(a: Assistant, owner: str, iid: str, field: str) -> Any:
    """A fact of the interview as it reads now (the benchmark's format-B fields)."""
    state = a.plans.database.load_interview(iid, owner)
    return current(state, a.plans.interviewer.understood(state), field, a.plans.playbook)
