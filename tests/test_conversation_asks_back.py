"""#22, the round of 7 Dec (dev10): a question that names what the answer would ("is 500 pounds
enough for Facebook ads?" at the channels question, "¿es suficiente 500 euros para anuncios en
Facebook?" at the budget question) is a question, answered on the way, and the pending question
is asked again; a value asked back ("Instagram?", "¿unos 500 €?") is still a hesitant answer;
"e se sbaglio una risposta?" is no thanks. Through the conversation object, with the shipped
embedding model."""

from __future__ import annotations

import pytest

from assistant import Assistant
from tests.conftest import make_settings
from tests.interviews import under_way

pytestmark = pytest.mark.heavy  # the embedding model

OWNER = "user:asks-back"
KARTING = {"business": "Kart Arena Leeds, an indoor karting track in Leeds",
           "offer": "15-minute races at £25, birthday and corporate packages",
           "customers": "teenagers, stag parties and office teams",
           "competitors": "TeamSport in Leeds and bowling alleys",
           "situation": "about 900 drivers a month, Google reviews bring most of them",
           "goal": "get to 1,300 drivers a month", "horizon_months": "12 months",
           "seasonality": "December and school holidays are busy, February is quiet"}
MIEL = {"business": "Miel de la Vall, productores de miel en Castellón",
        "offer": "tarros de miel de romero a 9 €, cajas regalo",
        "customers": "tiendas gourmet y particulares", "competitors": "miel de supermercado",
        "situation": "400 tarros al mes, 20 pedidos por la web",
        "goal": "vender 700 tarros al mes", "horizon_months": "12 meses",
        "seasonality": "diciembre fuerte, verano flojo"}


@pytest.fixture(scope="module")
def a(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant(make_settings(tmp_path_factory.mktemp("asks-back")))


@pytest.mark.parametrize(("lang", "answers", "pending", "text"), [
    ("en", {**KARTING, "budget": "£2,000"}, "channels",
     "is 500 pounds enough for Facebook ads?"),
    ("es", MIEL, "budget", "¿es suficiente 500 euros para anuncios en Facebook?"),
    ("es", {**MIEL, "budget": "1.500 €"}, "channels", "¿conviene hacer sorteos en Instagram?"),
])
def test_a_question_naming_a_channel_or_an_amount_is_a_question(
        a: Assistant, lang: str, answers: dict[str, str], pending: str, text: str) -> None:
    iid = under_way(a, OWNER, lang, answers, pending)
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "side_question" and turn.ask == text
    state = a.plans.database.load_interview(iid, OWNER)
    assert pending not in state.answers and state.position == pending
    assert turn.then[-1].at == pending  # asked again after the answer


@pytest.mark.parametrize(("lang", "answers", "pending", "text"), [
    ("en", {**KARTING, "budget": "£2,000"}, "channels", "Instagram?"),
    ("es", MIEL, "budget", "¿unos 500 €?"),
])
def test_a_value_asked_back_is_still_an_answer(a: Assistant, lang: str,
                                               answers: dict[str, str], pending: str,
                                               text: str) -> None:
    iid = under_way(a, OWNER, lang, answers, pending)
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "answer"
    assert pending in a.plans.database.load_interview(iid, OWNER).answers


def test_a_question_is_no_thanks(a: Assistant) -> None:
    iid = under_way(a, OWNER, "it", {"business": "Karting Adriatico, pista di kart a Rimini",
                                     "offer": "giri da 10 minuti a 18 €",
                                     "customers": "turisti e famiglie"}, "competitors")
    turn = a.conversation.turn(OWNER, "e se sbaglio una risposta?", "it")
    assert turn.kind == "side_question"
    assert "competitors" not in a.plans.database.load_interview(iid, OWNER).answers


def test_a_hesitant_answer_then_a_question_takes_the_answer(a: Assistant) -> None:
    iid = under_way(a, OWNER, "en", KARTING, "budget")
    turn = a.conversation.turn(OWNER, "No idea really... maybe £1,500? Is that enough for "
                               "Google Ads?", "en")
    assert turn.kind == "answer" and turn.ask == "Is that enough for Google Ads?"
    assert a.plans.database.load_interview(iid, OWNER).answers["budget"]["amount"] == 1500
