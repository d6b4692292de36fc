"""A thanks or an "ok" is politeness, not a question for the knowledge base: "Merci !" in the
middle of an interview was answered "I found nothing in the knowledge base…" (hand test, 7 Dec).
Mid-interview it gets a word back and the same question again; with no interview, a word back
and what can be done next (after a plan: what to change). A thanks that carries a question, a
fact or an answer is still read for what it carries. Through the conversation object with the
shipped embedding model."""

from __future__ import annotations

import pytest

from assistant import Assistant
from tests.conftest import make_settings
from tests.interviews import read_fact, under_way

pytestmark = pytest.mark.heavy  # the embedding model

OWNER = "user:courtesy"
TROUPE = {"business": "Les Tréteaux du Canal, troupe de théâtre amateur à Toulouse"}
STARTED = {"fr": TROUPE,
           "es": {"business": "Autoescuela Turia, autoescuela en Valencia"},
           "it": {"business": "Fiori di Lucia, negozio di fiori a Bologna"},
           "en": {"business": "The Mill Yard Works, a coworking space in Manchester"}}
THANKS = {"fr": "Merci !", "es": "¡Muchas gracias!", "it": "Grazie mille, perfetto",
          "en": "Great, thanks 👍"}
WELCOME = {"fr": "Avec plaisir", "es": "De nada", "it": "Prego", "en": "You're welcome"}


@pytest.fixture(scope="module")
def a(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant(make_settings(tmp_path_factory.mktemp("courtesy")))


@pytest.mark.parametrize("lang", ["fr", "es", "it", "en"])
def test_a_thanks_mid_interview_gets_a_word_back_and_the_same_question(a: Assistant,
                                                                      lang: str) -> None:
    iid = under_way(a, OWNER, lang, STARTED[lang], "offer")
    turn = a.conversation.turn(OWNER, THANKS[lang], lang)
    assert turn.ask is None and turn.kind == "courtesy"  # not sent to the knowledge base
    shown = "\n".join(line.text for line in turn.lines)
    assert WELCOME[lang] in shown
    again = a.plans.get_interview(iid, OWNER)
    assert again.slot == "offer" and not read_fact(a, OWNER, iid, "offer")  # nothing stored
    assert a.plans.prompts.phrase("interview", lang, "questions.offer").split("?")[0] in shown


@pytest.mark.parametrize(("lang", "text", "kind"), [
    ("fr", "Merci, et c'est quoi un KPI ?", "side_question"),
    ("it", "ok, 6 mesi", "answer"),
    ("es", "Gracias, pero somos tres", None),
])
def test_a_thanks_that_carries_something_is_read_for_it(a: Assistant, lang: str, text: str,
                                                        kind: str | None) -> None:
    pending = "horizon_months" if kind == "answer" else "offer"
    under_way(a, OWNER, lang, STARTED[lang], pending)
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind != "courtesy"
    if kind:
        assert turn.kind == kind


def test_a_thanks_with_no_interview_is_answered_with_what_can_be_done(a: Assistant) -> None:
    owner = "user:courtesy-fresh"
    turn = a.conversation.turn(owner, "Merci beaucoup !", "en")
    assert turn.ask is None and turn.lang == "fr"  # the message's language, not the UI's
    assert "Avec plaisir" in turn.lines[0].text and "plan marketing" in turn.lines[0].text
    assert a.plans.database.list_interviews(owner) == []
    question = a.conversation.turn(owner, "Merci, et qu'est-ce qu'un KPI ?", "fr")
    assert question.ask  # a question after the thanks still goes to the knowledge base


@pytest.mark.parametrize(("lang", "ok"), [("fr", "ok"), ("es", "vale"), ("it", "va bene"),
                                          ("en", "ok")])
def test_an_ok_to_a_question_with_no_answer_yet_is_no_answer(a: Assistant, lang: str,
                                                             ok: str) -> None:
    """'ok' at the competitors question was stored as the answer ('Current answer: ok')."""
    iid = under_way(a, OWNER, lang, STARTED[lang], "competitors")
    turn = a.conversation.turn(OWNER, ok, lang)
    assert turn.ask is None and turn.kind == "courtesy"
    assert a.plans.get_interview(iid, OWNER).slot == "competitors"
    assert not read_fact(a, OWNER, iid, "competitors")

