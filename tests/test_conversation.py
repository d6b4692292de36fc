"""The guided interview inside the conversation (#17), through the facade's conversation object:
routing, a complete Italian interview with a question on the way and a correction, resume, the
plan tab's answers picked up, and which section a model is drafting (#11)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.conversation.corrections import correction_text
from assistant.conversation.extract import business_phrase, goal_phrase
from assistant.conversation.intents import IntentRecognizer
from assistant.planning.understanding.profile import read_label, read_name
from tests.conftest import ScriptedChatModel, make_settings

OWNER = "user:giulia"
# A request that names a kind of business ("negozio") but no business: its question is asked.
START = "Voglio preparare un piano di marketing per il mio negozio"
ANSWERS = [  # (message, slot it answers); the offer does not give the bakery away
    ("Bottega Rossi, negozio in centro", "business"),
    ("vendita al banco e confezioni regalo per le feste", "offer"),
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
    turn, lines = say(a, START)
    assert turn.interview_id and turn.lang == "it" and turn.ask is None
    assert any("negozio" in ln.text and ln.kind == "note" for ln in lines)  # noted...
    assert lines[-1].kind == "question" and pending(a) == "business"  # ...and the name asked
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
    assert "Ho capito: negozio ·" in understood  # the owner's word, read as a shop...
    assert a.plans.understood(turn.interview_id, OWNER).business_type == "retail"

    # ...corrected in words: the understood type changes, and the conversation says what
    # changed and what it was (#22: no bare "corrected").
    _, lines = say(a, "no, siamo un panificio, non un negozio")
    assert lines[0].text.startswith("Tipo: panificio (prima: ")
    assert lines[1].text.startswith("Ho capito: panificio ·") and "negozio" not in \
        lines[1].text and lines[-1].kind == "question"  # the owner's words (#22 item 4)
    assert a.plans.understood(turn.interview_id, OWNER).business_type == "bakery"

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


def test_a_request_naming_only_a_kind_of_business_asks_its_name_and_keeps_the_kind(
        assistant: Assistant) -> None:
    turn, lines = say(assistant, "Vorrei un piano di marketing per la mia palestra a Bari "
                                 "per trovare 40 nuovi iscritti, ho 1500 euro")
    assert pending(assistant) == "business"  # not "palestra a Bari" as the business's name
    notes = " ".join(ln.text for ln in lines if ln.kind == "note")
    assert "«palestra a Bari»" in notes and "1500 euro" in notes and "40 nuovi iscritti" in notes
    assert all(ln.kind != "hint" for ln in lines)
    say(assistant, "FitLab")  # the name alone: the kind said in the request is kept with it
    state = assistant.plans.database.load_interview(turn.interview_id, OWNER)
    assert state.answers["business"] == "FitLab, palestra a Bari"
    assert state.answers["goal"] and state.answers["budget"]
    assert all(h.kind != "hint" for h in assistant.conversation.history(OWNER))
    # a request that names the business takes it as the answer
    assistant.conversation.leave(OWNER)
    say(assistant, "Vorrei un piano di marketing per la mia palestra FitLab a Bari")
    assert pending(assistant) == "offer"


def test_answers_given_in_the_plan_tab_are_picked_up_by_the_chat(assistant: Assistant) -> None:
    turn, _ = say(assistant, START)
    assert assistant.conversation.current(OWNER) == ("interview", turn.interview_id)
    assistant.plans.answer(turn.interview_id, "Bottega Rossi, negozio in centro", OWNER)
    history = assistant.conversation.history(OWNER)  # the chat shown again
    assert history[-1].kind == "question" and history[-1].at == "offer"
    assert history[-2].kind == "note"  # "we were preparing your plan…"
    assert assistant.conversation.history(OWNER) == history  # saved once, not repeated
    turn, lines = say(assistant, ANSWERS[1][0])  # answered in the chat: the next question
    assert pending(assistant) == "customers"
    assert assistant.plans.database.load_interview(turn.interview_id, OWNER).answers[
        "offer"] == ANSWERS[1][0]


@pytest.mark.parametrize("text", ["back", "indietro", "atrás", "retour"])
def test_back_works_as_a_word_in_four_languages(assistant: Assistant, text: str) -> None:
    say(assistant, "Vorrei un piano di marketing per la mia palestra FitLab a Bari")
    assert pending(assistant) == "offer"
    say(assistant, text)
    assert pending(assistant) == "business"


def test_the_chat_shows_which_section_a_model_drafts_and_which_fell_back(
        data_dir: Path) -> None:
    diagnosis = json.dumps({
        "situation": "Bottega Rossi è un panificio di quartiere con clienti fedeli.",
        "swot": {"strengths": ["Pane fresco ogni mattina"], "weaknesses": ["Poco tempo"],
                 "opportunities": ["Uffici vicini"], "threats": ["Supermercati"]}})
    # the diagnosis is written; strategy and tactics get unreadable drafts: they fall back
    model = ScriptedChatModel.with_replies(diagnosis, *["non è JSON"] * 12)
    a = Assistant(make_settings(data_dir, plan_repairs=1), chat_model=model)
    turn, _ = say(a, START)
    given = {slot: text for text, slot in ANSWERS} | LATER | {
        "goal": "trovare 150 clienti nuovi in un anno"}
    for _ in range(20):  # whatever order the slots come in
        slot = pending(a)
        if slot is None:
            break
        say(a, given.get(slot, "salta"))
    heard: list[str] = []
    turn, lines = a.conversation.say(OWNER, "ok", "it",
                                     progress=lambda ln: heard.append(ln.text))
    assert turn.plan_id
    assert heard[0] == "*Scrittura: Diagnosi…*"
    assert "*Diagnosi: scritto dal modello e verificato.*" in heard
    assert any("Strategia: resta la versione standard" in h for h in heard)
    assert [ln.text for ln in lines if ln.kind == "progress"] == heard  # kept in the chat
    summary = lines[-1].text
    plan = a.plans.get_plan(turn.plan_id, OWNER)
    assert plan.model_sections == ["diagnosis"] and plan.draft_notes
    assert "Scritto dal modello" in summary and "Diagnosi" in summary  # which parts, in Italian
    assert all(note in summary for note in plan.draft_notes)  # and why the others fell back


def test_the_web_chat_streams_progress_lines_before_the_turn_and_keeps_errors() -> None:
    from assistant.conversation import Line
    from assistant.ui.chat import turn_with_progress

    def run(progress):  # noqa: ANN001, ANN202
        progress(Line("assistant", "*Scrittura: Diagnosi…*", kind="progress"))
        progress(Line("assistant", "*Diagnosi: scritto dal modello e verificato.*",
                      kind="progress"))
        return "the turn"

    items = list(turn_with_progress(run))
    assert [getattr(i, "kind", i) for i in items] == ["progress", "progress", "the turn"]

    def fails(progress):  # noqa: ANN001, ANN202
        progress(Line("assistant", "*Scrittura: Diagnosi…*", kind="progress"))
        raise ValueError("the database went away")

    seen = []
    with pytest.raises(ValueError, match="went away"):
        for item in turn_with_progress(fails):
            seen.append(item)
    assert len(seen) == 1  # what was heard before the error was still shown


def test_the_kind_named_in_the_request_stays_the_label_when_the_name_answer_says_more(
        assistant: Assistant) -> None:
    """"mon pressing à Nantes", then "Il s'appelle Pressing du Cours, on est trois, on fait
    nettoyage à sec..." made "on est trois" the kind of business (hand test, 7 Dec)."""
    turn, _ = say(assistant, "Bonjour, je voudrais un plan marketing pour mon pressing à Nantes")
    assert pending(assistant) == "business"
    say(assistant, "Il s'appelle Pressing du Cours, on est trois, on fait nettoyage à sec, "
                   "retouches et blanchisserie pour les entreprises")
    business = assistant.plans.database.load_interview(turn.interview_id, OWNER).answers[
        "business"]
    data = assistant.plans.understander.profile_data
    assert read_name(business, "fr", data) == "Pressing du Cours"
    assert read_label(business, "Pressing du Cours", "fr", data) == "pressing"
