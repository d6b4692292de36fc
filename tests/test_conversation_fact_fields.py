"""#22, corrections said without a cue word, through the conversation object with the shipped
embedding model: the fact changed is the one the value parses as and the wording is nearest to
(an amount is the budget or the average sale, a denied month is replaced where it is held, a
channel named at the exclusions question is added to the channels); below the threshold nothing
changes, the message says so and offers the answers the value could belong to."""

from __future__ import annotations

from typing import Any

import pytest

from assistant import Assistant
from assistant.planning.interview.fact_fields import FieldGuesser, asserted
from assistant.planning.understanding.data import load_understanding_data
from tests.conftest import ROOT, make_settings
from tests.interviews import read_fact, under_way

OWNER = "user:fact-fields"
BAKERY = {"business": "Boulangerie Moreau, boulangerie à Nantes",
          "offer": "pains au levain et viennoiseries", "customers": "familles du quartier",
          "goal": "passer à 300 clients par jour", "horizon_months": "12 mois",
          "seasonality": "juillet fort, février calme", "budget": "3 000 €",
          "channels": "Instagram et Google Maps", "excluded_channels": "aucun"}
STUDIO = {"business": "Harbour Yoga, a yoga studio in Bristol",
          "offer": "classes at £12, monthly passes at £80", "customers": "office workers",
          "goal": "reach 200 members", "horizon_months": "12 months",
          "seasonality": "July is busy, February is quiet", "budget": "£2,000",
          "channels": "Instagram and Google Maps", "excluded_channels": "none"}
TALLER = {"business": "Bici Sur, taller de bicicletas en Rosario, Argentina",
          "offer": "reparaciones y mantenimiento", "customers": "ciclistas del barrio",
          "goal": "llegar a 120 reparaciones al mes", "horizon_months": "12 meses",
          "seasonality": "octubre es fuerte, junio flojo", "budget": "300.000 pesos",
          "channels": "Instagram y WhatsApp"}


@pytest.fixture(scope="module")
def a(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant(make_settings(tmp_path_factory.mktemp("fact-fields")))


def fact(a: Assistant, iid: str, field: str) -> Any:
    return read_fact(a, OWNER, iid, field)


@pytest.mark.heavy
@pytest.mark.parametrize(("lang", "answers", "text", "field", "value"), [
    ("en", STUDIO, "We could put £3,500 into it after all", "budget", 3500),
    ("fr", BAKERY, "Au final on peut investir 4 500 €", "budget", 4500),
    ("en", STUDIO, "Most people leave about £15 each visit", "average_sale", 15),
    ("fr", BAKERY, "Chaque client laisse environ 18 € par visite", "average_sale", 18),
])
def test_an_amount_changes_the_fact_its_wording_is_about(
        a: Assistant, lang: str, answers: dict[str, str], text: str, field: str,
        value: int) -> None:
    iid = under_way(a, OWNER, lang, answers, None)
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "correction"
    assert fact(a, iid, field) == value
    assert "(" in turn.lines[0].text  # "Budget: 3,500 (was: 2,000)": the change echoed


@pytest.mark.heavy
@pytest.mark.parametrize(("lang", "answers", "text", "field", "value"), [
    ("en", STUDIO, "I meant June not July", "decision_months", [6]),
    ("es", TALLER, "Quise decir noviembre, no octubre", "decision_months", [11]),
])
def test_a_denied_month_is_replaced_where_it_is_held(
        a: Assistant, lang: str, answers: dict[str, str], text: str, field: str,
        value: list[int]) -> None:
    iid = under_way(a, OWNER, lang, answers, None)
    assert fact(a, iid, field) != value
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "correction"
    assert fact(a, iid, field) == value


@pytest.mark.heavy
@pytest.mark.parametrize(("lang", "answers", "text", "name"), [
    ("es", TALLER, "Me olvidé de Mercado Libre, también vendemos ahí", "Mercado Libre"),
    ("en", {k: v for k, v in STUDIO.items() if k != "excluded_channels"},
     "Forgot to mention we're on Facebook as well", "Facebook"),
])
def test_a_channel_named_at_the_exclusions_question_is_added_not_excluded(
        a: Assistant, lang: str, answers: dict[str, str], text: str, name: str) -> None:
    iid = under_way(a, OWNER, lang, answers, "excluded_channels")
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "correction"
    assert any(name.lower() in c.lower() for c in fact(a, iid, "channels"))
    state = a.plans.database.load_interview(iid, OWNER)
    assert "excluded_channels" not in state.answers and state.position == "excluded_channels"


@pytest.mark.heavy
@pytest.mark.parametrize(("lang", "answers", "text", "offered", "fields"), [
    ("es", {k: v for k, v in TALLER.items() if k != "seasonality"},
     "Quise decir junio, no julio", ("Temporada",), ("decision_months", "quiet_months")),
    ("fr", BAKERY, "C'est 170 maintenant, pas 150", ("Objectif",),
     ("goal_target", "current_customers")),
])
def test_below_the_threshold_nothing_changes_and_the_facts_it_could_be_are_offered(
        a: Assistant, lang: str, answers: dict[str, str], text: str, offered: tuple[str, ...],
        fields: tuple[str, ...]) -> None:
    iid = under_way(a, OWNER, lang, answers, None)
    before = {f: fact(a, iid, f) for f in fields}
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "unclear"
    assert {f: fact(a, iid, f) for f in fields} == before
    note = turn.lines[0]
    labels = [label for label, _ in note.options]
    assert any(o.lower() in " ".join(labels).lower() for o in offered)
    assert 0 < len(labels) <= 4  # the answers it could change, not every answer


def test_a_value_parses_as_one_kind_before_any_wording_is_compared() -> None:
    guesser = FieldGuesser(load_understanding_data(ROOT / "knowledge" / "understanding"))
    assert guesser.value_kind("we can stretch to £3,000", "en", "GBP") == "money"
    assert guesser.value_kind("Il nous reste à peu près 40 % de marge", "fr") == "percent"
    assert guesser.value_kind("Con 6 meses nos alcanza", "es") == "period"
    assert guesser.value_kind("Right now there are 170 members, last year 150", "en") == "count"
    assert guesser.value_kind("Ci siamo dimenticati di WhatsApp", "it") == "channel"
    assert asserted("What matters is class bookings, not members") == \
        "What matters is class bookings"


@pytest.mark.heavy
@pytest.mark.parametrize(("lang", "answers", "text"), [
    ("it", {"business": "Fiori di Anna, fioraio a Bologna", "offer": "mazzi e piante",
            "customers": "privati del quartiere", "goal": "arrivare a 160 clienti al mese",
            "horizon_months": "12 mesi", "budget": "4.000 euro"},
     "Mi basta un piano su sei mesi"),
    ("en", STUDIO, "A plan over six months is enough for us"),
])
def test_a_period_that_names_the_plan_changes_the_horizon_not_resumes(
        a: Assistant, lang: str, answers: dict[str, str], text: str) -> None:
    iid = under_way(a, OWNER, lang, answers, None)
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "correction"
    assert fact(a, iid, "horizon_months") == 6


@pytest.mark.heavy
@pytest.mark.parametrize(("lang", "answers", "text"), [
    ("en", STUDIO, "Right now there are 170 members, the 150 was last year"),
    ("es", TALLER, "Ya somos 170 clientes, el año pasado éramos 150"),
])
def test_cue_words_the_wording_contradicts_change_nothing_and_ask(
        a: Assistant, lang: str, answers: dict[str, str], text: str) -> None:
    iid = under_way(a, OWNER, lang, answers, None)
    team = fact(a, iid, "team_size")
    turn = a.conversation.turn(OWNER, text, lang)
    assert fact(a, iid, "team_size") == team  # "there are 170" is no team of 170
    assert turn.kind == "unclear" or fact(a, iid, "current_customers") == 170


@pytest.mark.heavy
@pytest.mark.parametrize(("lang", "answers", "text", "metric"), [
    ("en", STUDIO, "What matters is class bookings, not members", "class bookings"),
    ("fr", BAKERY, "Ce qui compte, ce sont les commandes de gâteaux, pas les clients",
     "commandes de gâteaux"),
])
def test_words_at_a_question_that_takes_a_number_correct_what_they_name(
        a: Assistant, lang: str, answers: dict[str, str], text: str, metric: str) -> None:
    iid = under_way(a, OWNER, lang, answers, "average_sale")
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "correction"
    assert metric in str(fact(a, iid, "goal_metric"))
    assert "average_sale" not in a.plans.database.load_interview(iid, OWNER).answers
