"""#22, after the plan: a message that asks for no plan (thanks, a fact about the business, a
correction, in the interview's language or another) never starts a new interview; a correction
typed in another language than the interview's changes its fact. Through the conversation object
with the shipped embedding model."""

from __future__ import annotations

import pytest

from assistant import Assistant
from tests.conftest import make_settings
from tests.interviews import read_fact, under_way

pytestmark = pytest.mark.heavy  # the embedding model

OWNER = "user:after-plan-statements"
COMMON = {"competitors": "two others nearby", "situation": "word of mouth mostly",
          "horizon_months": "12", "excluded_channels": "TikTok"}
PLANS = {
    "es": {**COMMON, "business": "Panadería Trigo, panadería en Zaragoza, España",
           "offer": "pan de masa madre y bollería", "customers": "vecinos del barrio",
           "goal": "llegar a 300 clientes a la semana", "budget": "2.000 €",
           "channels": "Instagram y Google Maps", "constraints": "somos dos, 6 horas por semana"},
    "en": {**COMMON, "business": "Green Spoon, a vegan café in Cardiff, UK",
           "offer": "lunch bowls at £9, coffee and cakes", "customers": "students and office staff",
           "goal": "reach 400 customers a week", "budget": "£3,000",
           "channels": "Instagram and Google Maps", "constraints": "two of us, 5 hours a week"},
}


@pytest.fixture(scope="module")
def a(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant(make_settings(tmp_path_factory.mktemp("after-plan-statements")))


def planned(a: Assistant, lang: str) -> str:
    """An interview confirmed in the chat, its plan drafted: its id."""
    iid = under_way(a, OWNER, lang, PLANS[lang], None)
    assert a.conversation.turn(OWNER, "ok", lang).plan_id
    return iid


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Thanks a lot, this is great!"), ("es", "Muchas gracias, está genial"),
    ("es", "Estamos en el barrio de Delicias"), ("en", "Merci beaucoup !"),
])
def test_a_message_that_asks_for_no_plan_starts_no_interview(a: Assistant, lang: str,
                                                             text: str) -> None:
    iid = planned(a, lang)
    before = len(a.plans.database.list_interviews(OWNER))
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.interview_id in (None, iid)
    assert len(a.plans.database.list_interviews(OWNER)) == before


@pytest.mark.parametrize(("lang", "text", "said"), [
    ("en", "Thanks a lot, this is great!", "tell me what to change"),
    ("es", "Muchas gracias, está genial", "dime qué cambiar"),
])
def test_a_thanks_after_the_plan_says_what_can_be_changed(a: Assistant, lang: str, text: str,
                                                          said: str) -> None:
    """Not "nothing found in the knowledge base" (hand test, 7 Dec): a word back, and how the
    plan is changed from the chat."""
    planned(a, lang)
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.ask is None and turn.kind == "courtesy"
    assert said in turn.lines[0].text


@pytest.mark.parametrize(("lang", "text"), [("es", "sin Facebook"), ("en", "leave Facebook out")])
def test_a_channel_ruled_out_in_two_words_after_the_plan_is_ruled_out(a: Assistant, lang: str,
                                                                      text: str) -> None:
    """'sin Facebook' after the plan went to the knowledge base: its fact was read, but nothing
    like it was among the correction examples (now per pack: 'sin TikTok, por favor')."""
    iid = planned(a, lang)
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "correction" and turn.plan_id
    assert "Facebook" in read_fact(a, OWNER, iid, "excluded")


def test_a_fact_of_the_plan_worded_with_plan_changes_it(a: Assistant) -> None:
    """'the plan runs 6 months' after the plan started a new interview at question 1; a
    request that names a business still starts one."""
    iid = planned(a, "en")
    before = len(a.plans.database.list_interviews(OWNER))
    turn = a.conversation.turn(OWNER, "the plan runs 6 months", "en")
    assert turn.kind == "correction" and turn.interview_id == iid
    assert read_fact(a, OWNER, iid, "horizon_months") == 6
    assert len(a.plans.database.list_interviews(OWNER)) == before
    new = a.conversation.turn(OWNER, "I need a marketing plan for my bike shop in Bristol", "en")
    assert new.interview_id not in (None, iid)
