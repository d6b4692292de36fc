"""The budget's currency from the amount and from where the business is: "pesos" are asked
about only when no place says which; a bare "$" is never taken for pesos (#22)."""

from __future__ import annotations

import pytest

from assistant.planning.interview.parsing import ParseProblem
from assistant.planning.interview.slots import parse_slot
from assistant.planning.plan.inputs import read_answers
from tests.plan_fixtures import PLAYBOOK, PROMPTS, answers


def test_a_bare_dollar_with_no_place_is_read_not_asked_about() -> None:
    assert parse_slot("budget", "$5,000 for the year", PLAYBOOK, "en") == \
        {"amount": 5000.0, "currency": "USD"}


def test_pesos_with_no_place_are_asked_about() -> None:
    with pytest.raises(ParseProblem) as problem:
        parse_slot("budget", "$1.500.000 pesos", PLAYBOOK, "es")
    assert problem.value.code == "budget_pesos"


def test_a_plan_from_answers_reads_pesos_by_the_place() -> None:
    raw = answers()
    raw.update(language="es", budget="$1.500.000 pesos para todo el año",
               business="Rayo Bicis, un taller de bicis en Rosario")
    plan_input = read_answers(raw, PLAYBOOK, PROMPTS)
    assert (plan_input.budget_cents // 100, plan_input.currency) == (1_500_000, "ARS")
