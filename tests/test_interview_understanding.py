"""The interview says what it understood, takes corrections, asks instead of refusing."""

from __future__ import annotations

import pytest

from assistant.errors import PlanInputError
from assistant.language import LanguageDetector
from assistant.planning.plan import read_answers
from tests.plan_fixtures import ANSWERS, PLAYBOOK, PROMPTS, answers, make_service
from tests.test_interview_machine import OWNER, run_through


def test_unclear_goal_gets_a_follow_up_then_the_owners_words_stand(tmp_path):
    service = make_service(tmp_path)
    view = service.start_interview(OWNER, "es")
    for text in (ANSWERS["business"], ANSWERS["offer"], ANSWERS["customers"], "skip", "skip"):
        view = service.answer(view.interview_id, text, OWNER)
    assert view.slot == "goal"
    view = service.answer(view.interview_id, "que el negocio vaya mejor", OWNER)
    assert view.slot == "goal" and "objetivo" in view.messages[0]
    view = service.answer(view.interview_id, "que la gente vuelva", OWNER)
    assert view.slot == "horizon_months"  # accepted, never refused


def test_two_goal_answer_is_accepted_and_said_back(tmp_path):
    service = make_service(tmp_path)
    view = service.start_interview(OWNER, "es")
    for text in (ANSWERS["business"], ANSWERS["offer"], ANSWERS["customers"], "skip", "skip",
                 "llegar a 450 clientes y reducir las bajas de verano a la mitad"):
        view = service.answer(view.interview_id, text, OWNER)
    assert view.slot == "horizon_months"
    assert view.understood.startswith("He entendido:")
    assert "objetivos:" in view.understood and "(-50 %)" in view.understood


def test_summary_corrections_in_words(tmp_path):
    service = make_service(tmp_path)
    view = run_through(service)
    assert view.understood.startswith("He entendido:")
    view = service.answer(view.interview_id, "es un gimnasio", OWNER)
    assert len(view.messages) == 1 and view.messages[0].startswith("Tipo: ")  # said, with
    assert "(antes: " in view.messages[0]  # what it was: never a bare "Corregido."
    assert "gimnasio" in view.understood.lower() or "fitness" in view.understood.lower()
    view = service.answer(view.interview_id, "sin Facebook ni Instagram", OWNER)
    state_answers = service.database.load_interview(view.interview_id, OWNER).answers
    assert {"facebook", "instagram", "meta_ads"} <= set(state_answers["understood"]["excluded"])
    view = service.answer(view.interview_id, "blablá", OWNER)
    assert "corregir" in view.messages[0]


def test_italian_interview_answered_in_spanish_is_noticed_and_kept(tmp_path):
    service = make_service(tmp_path)
    detector = LanguageDetector()
    service.detect = lambda text: max(detector.scores(text).items(), key=lambda kv: kv[1])[0]
    view = service.start_interview(OWNER, "it")
    view = service.answer(view.interview_id, "Floristería Lola, tienda de flores y plantas en "
                          "Triana, Sevilla, desde hace diez años", OWNER)
    assert view.slot == "offer"
    assert any("spagnolo" in m.lower() for m in view.messages)
    assert service.summary(view.interview_id, OWNER).summary[1].value.startswith("Floristería")


def test_weeks_and_bitcoin_are_asked_about_in_the_interview_language(tmp_path):
    with pytest.raises(PlanInputError) as err:
        read_answers(answers(horizon_months="2 semanas", budget="300 BTC"), PLAYBOOK, PROMPTS)
    problems = " ".join(err.value.params["problems"])
    assert "semanas" in problems and "moneda" in problems


def test_answers_file_corrections_win():
    inp = read_answers(answers(understood={"business_type": "retail"}), PLAYBOOK, PROMPTS)
    assert inp.business_type == "retail" and inp.understood.corrected == ["business_type"]
    assert inp.answers()["understood"] == {"business_type": "retail"}


def test_corrections_by_choosing_are_checked(tmp_path):
    from assistant.errors import InvalidAnswer

    service = make_service(tmp_path)
    view = run_through(service)
    view = service.correct(view.interview_id, "goals", ["loyalty", "launch"], OWNER)
    assert view.messages[0].startswith("Objetivo: ") and "(antes: " in view.messages[0]
    assert "fidelización" in view.understood.lower()
    with pytest.raises(InvalidAnswer):
        service.correct(view.interview_id, "business_type", "spaceship", OWNER)
