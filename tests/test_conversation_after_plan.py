"""#22, after the plan: a chat message that corrects a fact changes it in the saved interview,
the plan is drafted again (same id) and the change is echoed with the plan in short; an unclear
correction is an honest no with choices; the same value again drafts nothing. Through the
conversation object, with the shipped embedding model, one test per language."""

from __future__ import annotations

from typing import Any

import pytest

from assistant import Assistant
from tests.conftest import make_settings
from tests.interviews import read_fact, under_way

pytestmark = pytest.mark.heavy  # the embedding model

OWNER = "user:after-plan"
COMMON = {"competitors": "two others nearby", "situation": "word of mouth mostly",
          "horizon_months": "12", "excluded_channels": "TikTok"}
MATES = {**COMMON, "business": "Mate & Co, tienda de mates en Córdoba, Argentina",
         "offer": "mates y yerba orgánica", "customers": "jóvenes y turistas",
         "goal": "llegar a 200 pedidos al mes", "budget": "1500000 ARS",
         "channels": "Instagram y WhatsApp", "constraints": "trabajo sola, 5 horas por semana"}
MILL = {**COMMON, "business": "The Mill Yard Works, a café in Leeds",
        "offer": "hot desks at £180 a month, coffee and cakes",
        "customers": "freelancers and small teams", "goal": "get to 40 members",
        "budget": "£6,000", "channels": "LinkedIn and word of mouth",
        "constraints": "two of us, 4 hours a week"}
FLORIST = {**COMMON, "business": "Fiori di Lucia, negozio di fiori a Bologna",
           "offer": "mazzi da 25 €", "customers": "privati del quartiere",
           "goal": "arrivare a 300 clienti abituali", "budget": "4000 euro",
           "channels": "Instagram e passaparola", "seasonality": "dicembre pieno",
           "constraints": "lavoro da sola, 3 ore a settimana"}
BREWERY = {**COMMON, "business": "La Brasserie du Canal, brasserie artisanale à Lyon",
           "offer": "bières en fût", "customers": "bars et cavistes de Lyon",
           "goal": "passer de 30 à 50 bars clients", "budget": "6 000 €",
           "channels": "visites aux bars, Instagram",
           "constraints": "je suis seul, 4 heures par semaine"}


@pytest.fixture(scope="module")
def a(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant(make_settings(tmp_path_factory.mktemp("after-plan")))


def planned(a: Assistant, lang: str, answers: dict[str, str]) -> tuple[str, str]:
    """An interview confirmed in the chat, its plan drafted: (interview id, plan id)."""
    iid = under_way(a, OWNER, lang, answers, None)
    turn = a.conversation.turn(OWNER, "ok", lang)
    assert turn.plan_id
    return iid, turn.plan_id


def fact(a: Assistant, iid: str, field: str) -> Any:
    return read_fact(a, OWNER, iid, field)


def test_es_a_budget_told_after_the_plan_changes_it_and_redrafts_the_plan(a: Assistant) -> None:
    iid, plan_id = planned(a, "es", MATES)
    turn = a.conversation.turn(OWNER, "No, el presupuesto son 2.000.000 de pesos", "es")
    assert turn.ask is None and turn.kind == "correction" and turn.plan_id == plan_id
    assert fact(a, iid, "budget") == 2_000_000
    assert turn.lines[0].text.startswith("Presupuesto: 2.000.000 ARS (antes: 1.500.000 ARS)")
    assert "Moneda" not in turn.lines[0].text  # the currency that stayed is not echoed
    assert a.plans.get_plan(plan_id, OWNER).budget.total_cents == 2_000_000 * 100
    assert turn.lines[-1].kind == "plan"
    assert "2.000.000" in turn.lines[-1].text and ",00" not in turn.lines[-1].text  # whole


def test_en_we_are_a_coworking_space_changes_the_type_of_the_plan(a: Assistant) -> None:
    iid, plan_id = planned(a, "en", MILL)
    turn = a.conversation.turn(OWNER, "No, we're a coworking space, not a café", "en")
    assert turn.kind == "correction" and turn.plan_id == plan_id
    assert fact(a, iid, "business_label") == "coworking space"
    assert turn.lines[0].text.startswith("Type: coworking space (was: ")
    assert "coworking space" in a.plans.export_plan(plan_id, "md", OWNER).decode()


def test_it_the_strong_months_told_after_the_plan_change_the_seasons(a: Assistant) -> None:
    iid, plan_id = planned(a, "it", FLORIST)
    turn = a.conversation.turn(OWNER, "No, i mesi forti sono febbraio e maggio", "it")
    assert turn.kind == "correction" and turn.plan_id == plan_id
    assert fact(a, iid, "decision_months") == [2, 5]
    assert "febbraio, maggio" in turn.lines[0].text and "prima:" in turn.lines[0].text


def test_fr_the_team_told_after_the_plan_and_the_same_value_again(a: Assistant) -> None:
    iid, plan_id = planned(a, "fr", BREWERY)
    turn = a.conversation.turn(OWNER, "Non, en fait nous sommes trois", "fr")
    assert turn.kind == "correction" and turn.plan_id == plan_id
    assert fact(a, iid, "team_size") == 3
    updated = a.plans.database.load_plan(plan_id, OWNER).updated_at
    again = a.conversation.turn(OWNER, "Non, nous sommes trois", "fr")
    assert again.plan_id is None and "corrig" not in again.lines[0].text.lower()
    assert a.plans.database.load_plan(plan_id, OWNER).updated_at == updated


def test_an_unreadable_correction_after_the_plan_is_an_honest_no_with_choices(
        a: Assistant) -> None:
    iid, plan_id = planned(a, "en", MILL)
    before = a.plans.database.load_interview(iid, OWNER).answers
    turn = a.conversation.turn(OWNER, "No, wait, that's wrong, you got it all wrong", "en")
    assert turn.kind == "unclear" and turn.plan_id is None
    assert "nothing changed" in turn.lines[0].text and turn.lines[0].options
    assert a.plans.database.load_interview(iid, OWNER).answers == before
    chosen = a.conversation.turn(OWNER, turn.lines[0].options[0][1], "en")
    assert chosen.ask is None and "write the new value" in chosen.lines[0].text


def test_a_question_after_the_plan_goes_to_the_answer_chain(a: Assistant) -> None:
    planned(a, "es", MATES)
    turn = a.conversation.turn(OWNER, "¿Qué es el ROAS?", "es")
    assert turn.ask == "¿Qué es el ROAS?"


@pytest.mark.parametrize(("lang", "answers", "text", "target", "added"), [
    ("es", MATES, "Y también queremos llegar a 30 mayoristas", 200, "mayoristas"),
    ("fr", BREWERY, "On veut aussi 10 cavistes de plus", 50, "cavistes"),
])
def test_a_goal_told_as_an_addition_is_one_more_goal_not_a_new_target(
        a: Assistant, lang: str, answers: dict[str, str], text: str, target: int,
        added: str) -> None:
    """"Y también queremos llegar a 30 alumnos adultos de empresa" set the first goal's target
    to 30 ("de 140 a 30") after a plan (hand test, 7 Dec)."""
    iid, plan_id = planned(a, lang, answers)
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "correction"
    objectives = a.plans.get_plan(plan_id, OWNER).strategy.objectives
    assert objectives[0].target_value in (target, target - 30)  # kept (a count or the change)
    assert any(added in o.kpi_name for o in objectives[1:])


@pytest.mark.parametrize(("lang", "answers", "text", "echo"), [
    ("fr", BREWERY, "objectifs : fidéliser", "Objectif : "),
    ("es", MATES, "objetivos: fidelizar", "Objetivo: "),
])
def test_a_correction_in_words_says_what_changed(a: Assistant, lang: str,
                                                 answers: dict[str, str], text: str,
                                                 echo: str) -> None:
    """A correction read from words (at the summary) answered a bare "Corrigé." (#22 item 1):
    the fact that changed is said, with what it was."""
    under_way(a, OWNER, lang, answers, None)
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "correction"
    said = turn.lines[0].text
    assert said.startswith(echo) and "(" in said and "orrig" not in said


def test_a_team_statement_is_no_kind_of_business(a: Assistant) -> None:
    """"Nous sommes seuls" at the summary made the brewery a freelancer and said "Corrigé."."""
    iid = under_way(a, OWNER, "fr", BREWERY, None)
    before = a.plans.understood(iid, OWNER)
    turn = a.conversation.turn(OWNER, "Nous sommes seuls", "fr")
    after = a.plans.understood(iid, OWNER)
    assert before is not None and after is not None
    assert after.business_type == before.business_type
    assert not any("orrigé" in line.text for line in turn.lines)


def test_an_addition_that_states_a_fact_adds_no_goal(a: Assistant) -> None:
    """"También tenemos 3 furgonetas" is no goal: the plan's goals stay as they were."""
    iid, plan_id = planned(a, "es", MATES)
    before = [o.kpi_name for o in a.plans.get_plan(plan_id, OWNER).strategy.objectives]
    a.conversation.turn(OWNER, "También tenemos 3 furgonetas", "es")
    assert [o.kpi_name for o in a.plans.get_plan(plan_id, OWNER).strategy.objectives] == before
    assert "furgonetas" not in str(a.plans.database.load_interview(iid, OWNER).answers["goal"])
