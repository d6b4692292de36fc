"""#22: a month the owner denies is not a fact about that month ("on ferme en janvier, pas en
février": February is not closed, nor quiet). The denial may come before the month ("pas en",
"not in", "no en", "non a") or after it ("en septiembre no", "a febbraio no"), in all four
languages; the season reader and the correction reader share one reading of it."""

from __future__ import annotations

from typing import Any

import pytest

from assistant import Assistant
from assistant.planning.understanding.data import load_understanding_data
from assistant.planning.understanding.months import months_in, seasons
from assistant.settings import PROJECT_ROOT
from tests.conftest import make_settings
from tests.interviews import read_fact, under_way

DATA = load_understanding_data(PROJECT_ROOT / "knowledge" / "understanding")
OWNER = "user:denied-months"


@pytest.mark.parametrize(("lang", "text", "season", "months"), [
    ("fr", "on ferme en janvier, pas en février", "closed_months", [1]),
    ("es", "cerramos en agosto, en septiembre no", "closed_months", [8]),
    ("it", "siamo chiusi a gennaio, non a febbraio", "closed_months", [1]),
    ("en", "we close in January, not in February", "closed_months", [1]),
    ("es", "flojo en enero, no en febrero", "quiet_months", [1]),
    ("it", "il periodo morto è febbraio, non gennaio", "quiet_months", [2]),
    ("en", "the quiet month is February, not January", "quiet_months", [2]),
    ("fr", "août est calme, septembre non", "quiet_months", [8]),
])
def test_a_denied_month_is_left_out_of_every_season(lang: str, text: str, season: str,
                                                    months: list[int]) -> None:
    read = seasons(text, DATA, lang)
    assert read[season] == months
    denied = set(months_in(text, DATA, lang, denied=True)) - set(months)
    assert denied and not any(denied & set(v) for v in read.values())


@pytest.fixture(scope="module")
def a(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant(make_settings(tmp_path_factory.mktemp("denied-months")))


SHOP = {"fr": {"business": "Atelier Copeaux, stages de menuiserie à Nantes",
               "offer": "stage d'une journée à 90 €", "customers": "adultes curieux",
               "goal": "atteindre 70 stagiaires par mois", "horizon_months": "12 mois"},
        "es": {"business": "Huerta Viva, cajas de verdura a domicilio en Valencia, España",
               "offer": "caja semanal a 25 €", "customers": "familias jóvenes",
               "goal": "llegar a 200 suscriptores", "horizon_months": "12 meses"}}


@pytest.mark.heavy
@pytest.mark.parametrize(("lang", "text", "season", "months", "denied"), [
    ("fr", "On ferme en janvier, pas en février", "closed_months", [1], 2),
    ("es", "En agosto paramos por vacaciones, en septiembre no", "closed_months", [8], 9),
])
def test_a_denied_month_given_as_the_season_answer_is_not_stored(
        a: Assistant, lang: str, text: str, season: str, months: list[int],
        denied: int) -> None:
    iid = under_way(a, OWNER, lang, SHOP[lang], "seasonality")
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "answer"
    fact: Any = read_fact(a, OWNER, iid, season)
    assert fact == months
    for other in ("decision_months", "capacity_months", "quiet_months", "closed_months"):
        assert denied not in read_fact(a, OWNER, iid, other)


@pytest.mark.heavy
@pytest.mark.parametrize(("lang", "text", "months"), [
    ("es", "En agosto paramos por vacaciones, en septiembre no", [8]),
    ("fr", "On ferme en janvier, pas en février", [1]),
])
def test_a_denied_month_in_a_correction_is_not_stored(a: Assistant, lang: str, text: str,
                                                       months: list[int]) -> None:
    answers = {**SHOP[lang], "seasonality": {"es": "primavera fuerte", "fr": "décembre fort"}[lang],
               "budget": "1 500 €", "channels": "Instagram"}
    iid = under_way(a, OWNER, lang, answers, None)
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "correction"
    assert read_fact(a, OWNER, iid, "closed_months") == months
