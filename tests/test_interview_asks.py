"""#22 items 1-5 through the conversation object, with the shipped embedding model: the interview
asks with choices when unsure (the goal's metric, the currency of a bare amount), a message that
answers another question is stored there, examples and error messages are in the place's
currency, the type question offers the nearest presets and the owner's own words, and the
summary numbers only the owner's facts."""

from __future__ import annotations

from typing import Any

import pytest

from assistant import Assistant
from assistant.planning.interview.facts import current
from assistant.planning.interview.state import ASKING, CONFIRMING
from tests.conftest import make_settings

pytestmark = pytest.mark.heavy  # the embedding model

OWNER = "user:asks"
ROSARIO = {"business": "Bicicletería Rueda, taller de bicicletas en Rosario",
           "offer": "reparaciones y repuestos", "customers": "ciclistas de la ciudad",
           "goal": "llegar a 200 reparaciones al mes", "horizon_months": "12 meses"}
TORONTO = {"business": "Maple Fix, a bike repair shop in Toronto", "offer": "repairs and parts",
           "customers": "city cyclists", "goal": "get to 200 repairs a month",
           "horizon_months": "12 months"}


@pytest.fixture(scope="module")
def a(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant(make_settings(tmp_path_factory.mktemp("asks")))


def interview(a: Assistant, lang: str, answers: dict[str, str], pending: str | None) -> str:
    """An interview under way with these answers, asking `pending` (None: the summary)."""
    for other in a.plans.database.list_interviews(OWNER):
        a.plans.add_chat_lines(other.id, OWNER, [], closed=True)
    iid = a.plans.start_interview(OWNER, lang).interview_id
    for key, value in answers.items():
        a.plans.edit(iid, key, value, OWNER)
    state = a.plans.database.load_interview(iid, OWNER)
    state.position, state.status = (pending, ASKING) if pending else (None, CONFIRMING)
    a.plans.database.save_interview(state)
    return iid


def fact(a: Assistant, iid: str, field: str) -> Any:
    state = a.plans.database.load_interview(iid, OWNER)
    return current(state, a.plans.interviewer.understood(state), field, a.plans.playbook)


def answers(a: Assistant, iid: str) -> dict[str, Any]:
    return a.plans.database.load_interview(iid, OWNER).answers


@pytest.mark.parametrize(("lang", "place", "text", "shown", "not_shown"), [
    ("es", ROSARIO, "mucho", "ARS", "€"),
    ("en", TORONTO, "a lot", "CA$", "£"),
])
def test_the_budget_error_message_shows_the_places_currency(
        a: Assistant, lang: str, place: dict[str, str], text: str, shown: str,
        not_shown: str) -> None:
    interview(a, lang, place, "budget")
    turn = a.conversation.turn(OWNER, text, lang)
    problem = turn.lines[0].text
    assert shown in problem and not_shown not in problem
    assert turn.lines[-1].kind == "question" and turn.lines[-1].at == "budget"
