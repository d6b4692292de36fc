"""The guided interview inside the conversation (#17), through the facade's conversation object:
routing, a complete Italian interview with a question on the way and a correction, resume."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.conversation.corrections import correction_text
from assistant.conversation.extract import business_phrase, goal_phrase
from assistant.conversation.intents import IntentRecognizer

OWNER = "user:giulia"
ANSWERS = [  # (message, slot it answers)
    ("pane a lievito madre, focacce e torte su ordinazione", "offer"),
    ("famiglie del quartiere e impiegati in pausa pranzo", "customers"),
]
LATER = {"horizon_months": "12 mesi", "budget": "3000 euro",
         "channels": "Instagram e passaparola", "excluded_channels": "niente TikTok",
         "constraints": "lavoro con mia moglie, 5 ore a settimana"}


def pending(a: Assistant) -> str | None:
    view = a.conversation.active(OWNER)
    return view.slot if view else None


def say(a: Assistant, text: str):  # noqa: ANN201
    return a.conversation.say(OWNER, text, "it", ask=a.ask)


def test_cues_alone_tell_a_plan_request_from_a_question_about_plans() -> None:
    intents = IntentRecognizer()
    for text in ("voglio un piano di marketing", "aide-moi à faire mon plan marketing",
                 "necesito un plan de marketing para mi gimnasio"):
        assert intents.plan_request(text).yes, text
    for text in ("what is a marketing plan?", "¿qué es un plan de marketing?",
                 "cos'è un piano di marketing?"):
        assert not intents.plan_request(text).yes, text
    assert intents.answer("¿unos 3000 €?", "budget", "budget").yes  # an amount, even with "?"
    assert not intents.answer("cos'è un KPI?", "goal", "goal").yes


def test_what_a_request_says_and_what_a_correction_asserts() -> None:
    assert business_phrase("Mi serve un piano marketing per la mia palestra a Bari") == \
        "palestra a Bari"
    assert goal_phrase("I run a small plumbing business, can we build a plan to get more "
                       "customers?") == "get more customers"
    assert correction_text("no, siamo un panificio, non un negozio", "offer") == \
        "siamo un panificio"
    assert correction_text("no TikTok", "excluded_channels") is None


def test_an_ordinary_question_goes_to_the_answer_chain(shared_assistant: Assistant) -> None:
    turn = shared_assistant.conversation.turn("user:nobody", "What is a marketing plan?", "en")
    assert turn.ask == "What is a marketing plan?" and turn.interview_id is None
    assert shared_assistant.conversation.active("user:nobody") is None


def test_a_complete_italian_interview_in_the_conversation(assistant: Assistant) -> None:
    a = assistant
    turn, lines = say(a, "Voglio preparare un piano di marketing per il mio negozio")
    assert turn.interview_id and turn.lang == "it" and turn.ask is None
    assert any("negozio" in ln.text and ln.kind == "note" for ln in lines)  # taken, not asked
    assert lines[-1].kind == "question" and pending(a) == "offer"
    assert ("Perché?", "perché") in lines[-1].options

    for text, slot in ANSWERS:
        assert pending(a) == slot
        say(a, text)
    assert pending(a) == "competitors"

    # "why?" as a word: the reason, the concept card cited, the same question again.
    _, lines = say(a, "perché?")
    assert [ln.kind for ln in lines] == ["why", "source", "question"]
    assert "[1]" in lines[0].text and lines[1].title.startswith("[1]")
    assert pending(a) == "competitors"

    # A question on the way: answered by the chain with sources, then the question again.
    turn, lines = say(a, "cos'è un KPI?")
    assert turn.ask == "cos'è un KPI?"
    assert lines[0].kind == "answer" and "KPI" in lines[0].text
    assert any(ln.kind == "source" for ln in lines)
    assert lines[-1].kind == "question" and "Torniamo" in lines[-1].text
    assert pending(a) == "competitors"

    say(a, "salta")
    say(a, "salta")
    assert pending(a) == "goal"
    _, lines = say(a, "trovare 150 clienti nuovi in un anno")
    understood = next(ln.text for ln in lines if ln.kind == "understood")
    assert understood.startswith("Ho capito:") and "+150" in understood

    # A correction of what was understood, in words.
    _, lines = say(a, "no, siamo un panificio, non un negozio")
    assert lines[0].text == "Grazie, corretto."
    assert "panificio" in lines[1].text and lines[-1].kind == "question"
    state = a.plans.database.load_interview(turn.interview_id, OWNER)
    assert state.answers["understood"]["business_type"] == "bakery"

    # A reload mid-interview: the conversation so far, ending with the pending question.
    history = a.conversation.history(OWNER)
    assert history[-1].kind == "question" and "cos'è un KPI?" in [h.text for h in history]

    for _ in range(12):  # the rest, whatever order the slots come in
        slot = pending(a)
        if slot is None:
            break
        say(a, LATER.get(slot, "salta"))
    assert pending(a) is None  # at the summary
    turn, lines = say(a, "ok")
    assert turn.plan_id
    summary = lines[-1].text
    plan = a.plans.get_plan(turn.plan_id, OWNER)
    assert "Obiettivo:" in summary and plan.strategy.objectives[0].text in summary
    assert "Prime azioni:" in summary and plan.tactics[0].name in summary
    assert "3000" in summary.replace(".", "").replace("\u202f", "").replace("\xa0", "")
    assert plan.language == "it"
    assert a.conversation.active(OWNER) is None  # drafted: the chat is free again


def test_the_wizard_and_the_chat_share_one_interview(assistant: Assistant) -> None:
    view = assistant.plans.start_interview(OWNER, "it")
    assistant.plans.answer(view.interview_id, "Forno Rossi, panificio a Bologna", OWNER)
    turn, lines = say(assistant, "pane e focacce, 3 euro al pezzo")
    assert turn.interview_id == view.interview_id
    assert assistant.plans.get_interview(view.interview_id, OWNER).slot == "customers"


@pytest.mark.parametrize("text", ["back", "indietro", "atrás", "retour"])
def test_back_works_as_a_word_in_four_languages(assistant: Assistant, text: str) -> None:
    say(assistant, "Vorrei un piano di marketing per la mia palestra a Bari")
    assert pending(assistant) == "offer"
    say(assistant, text)
    assert pending(assistant) == "business"
