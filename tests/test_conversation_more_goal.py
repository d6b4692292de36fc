"""#22: a goal corrected as "N more" ("10 cavistes de plus", "another 20", "altri 50") is the
level today plus N, never a target of N; a number denied beside it ("not 15") is the change it
replaces. Through the conversation object with the shipped embedding model, in four languages."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.planning.interview.fact_fields import FOLDER, FieldGuesser
from assistant.planning.interview.more_count import more_count
from assistant.planning.understanding.data import load_understanding_data
from tests.conftest import make_settings
from tests.interviews import read_fact, under_way

OWNER = "user:more-goal"
GOALS = {
    "es": ({"business": "Yoga Sol, estudio de yoga en Málaga, España",
            "situation": "unas 80 alumnas", "goal": "llegar a 120 alumnas",
            "horizon_months": "12 meses", "budget": "1.000 €"}, 80),
    "fr": ({"business": "Brasserie des Monts, brasserie artisanale à Annecy",
            "situation": "20 bars nous achètent", "goal": "passer à 30 bars clients",
            "horizon_months": "12 mois", "budget": "2 000 €"}, 20),
    "it": ({"business": "Forno Sole, panificio a Lecce, Italia",
            "situation": "circa 150 clienti al giorno", "goal": "arrivare a 200 clienti al giorno",
            "horizon_months": "12 mesi", "budget": "1.500 €"}, 150),
    "en": ({"business": "Tide Café, a café in Brighton, UK",
            "situation": "about 60 regulars", "goal": "reach 90 regulars",
            "horizon_months": "12 months", "budget": "£1,000"}, 60),
}


@pytest.mark.parametrize(("text", "value"), [
    ("10 cavistes de plus", 10), ("another 20 clients", 20), ("Altri 50 clienti", 50),
    ("15 alumnos más al mes, no 20", 15), ("30 clients supplémentaires", 30),
    ("20 clienti in più", 20), ("We want 200 clients", None), ("más o menos 40", None),
])
def test_n_more_is_read_as_a_count_added(text: str, value: int | None) -> None:
    assert more_count(text) == value


@pytest.fixture(scope="module")
def a(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant(make_settings(tmp_path_factory.mktemp("more-goal")))


@pytest.mark.heavy
@pytest.mark.parametrize(("lang", "text", "more"), [
    ("es", "Mejor 25 alumnas más, no 40", 25),
    ("fr", "Plutôt 5 bars de plus, pas 10", 5),
    ("it", "Bastano altri 30 clienti al giorno", 30),
    ("en", "Honestly 15 more regulars would do", 15),
])
def test_a_goal_corrected_as_n_more_is_today_plus_n(a: Assistant, lang: str, text: str,
                                                   more: int) -> None:
    answers, today = GOALS[lang]
    iid = under_way(a, OWNER, lang, answers, None)
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "correction"
    assert read_fact(a, OWNER, iid, "goal_target") == today + more



def test_more_people_is_the_team_not_the_goal() -> None:
    guesser = FieldGuesser(load_understanding_data(FOLDER))
    held = {"goal_current": 60, "goal_target": 90, "team_size": 1}
    guess = guesser.guess("we're 2 more people now", "en", None, held)
    assert all(f.field != "goal_target" for f in guess.facts)
    assert guesser.guess("15 more regulars", "en", None, held).facts[0].value == 75


WALKS = {"business": "Brightside Dog Walking, dog walking in Lyon, France",
         "offer": "group walks at 14 €", "customers": "busy professionals",
         "situation": "35 regular clients", "goal": "get to 50 regular clients",
         "horizon_months": "12 months", "budget": "1,500 €",
         "constraints": "just me, about 10 hours a week"}


@pytest.mark.heavy
@pytest.mark.parametrize(("answers", "text", "target"), [
    (GOALS["en"][0], "make that 3,000", 90), (WALKS, "make that 2,000", 50),
])
def test_a_count_out_of_all_proportion_changes_nothing_and_asks(
        a: Assistant, answers: dict[str, str], text: str, target: int) -> None:
    iid = under_way(a, OWNER, "en", answers, None)
    turn = a.conversation.turn(OWNER, text, "en")
    assert turn.kind == "unclear"
    assert read_fact(a, OWNER, iid, "goal_target") == target
    assert any(label.startswith("Budget") for label, _ in turn.lines[0].options)
