"""The owner's metric is the thing they count, never their whole goal sentence (issue #21): when
the interview asks "what do you count?" and the owner answers with the goal again ("passare da 8
a 15 botteghe che rivendono il nostro miele"), the plan's KPI, targets and ROI line name the
shops, not "7 passare da 8 a 15 botteghe ... in più"."""

from __future__ import annotations

import pytest

from assistant.planning.plan import build_plan, read_answers
from assistant.planning.plan.audit import plan_text
from tests.plan_cases import real_understander
from tests.plan_fixtures import PLAYBOOK, PROMPTS

APIARY = {"language": "it", "business": "Miele dei Colli, azienda apicola sui colli Euganei",
          "offer": "miele in vasetti da 9 €", "customers": "botteghe e famiglie",
          "situation": "8 botteghe ci rivendono il miele",
          "goal": "passare da 8 a 15 botteghe che rivendono il nostro miele",
          "horizon_months": "12", "budget": "2500 €", "channels": "mercati contadini",
          "resources": "3", "start": "09/2026"}
STUDIO = {"language": "en", "business": "Backline Rooms, a rehearsal studio in Sheffield",
          "offer": "rehearsal rooms at £15 an hour", "customers": "local bands",
          "situation": "we book about 120 hours a month",
          "goal": "from 120 to 200 booked hours a month", "horizon_months": "12",
          "budget": "£2,400", "channels": "Instagram", "resources": "4", "start": "01/2027"}


@pytest.fixture(scope="module")
def understander():  # the real model: marks the tests heavy (tests/conftest.py)
    return real_understander()


@pytest.mark.parametrize(("answers", "counted"), [
    (APIARY, "botteghe che rivendono il nostro miele"),
    (STUDIO, "booked hours a month"),
])
def test_a_goal_sentence_given_as_the_metric_names_only_what_is_counted(
        understander, answers: dict[str, str], counted: str) -> None:  # noqa: ANN001
    understood = understander.understand(answers, answers["language"])
    understood.goals[0].metric = answers["goal"]  # the owner's answer to "what do you count?"
    inp = read_answers(answers, PLAYBOOK, PROMPTS, understander)
    inp = inp.model_copy(update={"understood": understood})
    plan = build_plan(inp, PLAYBOOK, PROMPTS)
    assert plan.strategy.objectives[0].kpi_name == counted
    table = [line for line in plan_text(plan, PROMPTS).splitlines() if line.startswith("| O1")]
    assert table and not any(answers["goal"] in line.split("|")[3] for line in table)


@pytest.mark.parametrize(("lang", "goal", "second"), [
    ("fr", "Passer de 45 à 70 réparations par mois hors saison, et remplir la flotte de 25 VAE "
     "en juillet-août (aujourd'hui environ 60 % de location)", ("flotte", 60, 100)),
    ("es", "Pasar de 45 a 70 reparaciones al mes, y llenar la flota de 25 bicis en julio y "
     "agosto (hoy alquilamos un 60 %)", ("flota", 60, 100)),
    ("en", "Go from 45 to 70 repairs a month, and fill our 25 e-bikes in July and August (about "
     "60% rented today)", ("e-bikes", 60, 100))])
def test_a_second_goal_with_todays_rate_in_brackets(understander, lang: str, goal: str,
                                                     second: tuple) -> None:  # noqa: ANN001
    """A bike workshop's two goals (hand test, 8 Dec): the rental fleet's, whose bracket says
    today's rate, was taken for a remark on the repairs and vanished; read alone it went "from
    60 to 25 %" (the fleet's size taken for the target). Now a second goal, 60 % -> full."""
    goals = understander.stated_goals(goal, lang, None, "")
    assert [(g.current, g.target) for g in goals][0] == (45, 70)
    assert len(goals) == 2, [g.text for g in goals]
    assert (goals[1].metric, goals[1].current, goals[1].target) == second
    assert goals[1].unit == "percent"
