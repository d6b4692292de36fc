"""#22 through the conversation object and `assistant chat`, with the shipped embedding model:
corrections change the fact they name and say so (at a pending question and at the summary),
never become the pending answer; answers that name a channel or end with "?" stay answers; an
unreadable correction is an honest no; pesos in Argentina; the request's language; the CLI's
closing message without UI words."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from assistant import Assistant
from tests.conftest import ROOT, make_settings
from tests.interviews import read_fact, under_way

pytestmark = pytest.mark.heavy  # the embedding model

OWNER = "user:listens"
FLORIST = {"business": "Fiori di Lucia, negozio di fiori a Bologna",
           "offer": "mazzi da 25 €, composizioni per matrimoni",
           "customers": "privati del quartiere e coppie che si sposano",
           "goal": "arrivare a 300 clienti abituali"}
COWORKING = {"business": "The Mill Yard Works, a café and coworking in Leeds",
             "offer": "hot desks at £180 a month, coffee and cakes",
             "customers": "freelancers and small teams", "goal": "get to 40 members"}
MATES = {"business": "Mate & Co, tienda de mates en Córdoba, Argentina",
         "offer": "mates y yerba orgánica", "customers": "jóvenes y turistas",
         "goal": "llegar a 200 pedidos al mes", "horizon_months": "12 meses",
         "budget": "1500000 ARS", "channels": "Instagram y WhatsApp",
         "constraints": "trabajo sola, unas 5 horas por semana"}
BREWERY = {"business": "La Brasserie du Canal, brasserie artisanale à Lyon",
           "offer": "bières en fût et en bouteille", "customers": "bars et cavistes de Lyon",
           "goal": "passer de 30 à 50 bars clients", "horizon_months": "un an",
           "budget": "6 000 €", "channels": "visites aux bars, Instagram"}


@pytest.fixture(scope="module")
def a(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant(make_settings(tmp_path_factory.mktemp("listens")))


def interview(a: Assistant, lang: str, answers: dict[str, str], pending: str | None) -> str:
    """An interview under way with these answers, asking `pending` (None: the summary)."""
    return under_way(a, OWNER, lang, answers, pending)


def fact(a: Assistant, iid: str, field: str) -> Any:
    return read_fact(a, OWNER, iid, field)


def test_a_correction_while_the_horizon_is_pending_changes_the_seasons_not_the_horizon(
        a: Assistant) -> None:
    iid = interview(a, "it", FLORIST, "horizon_months")
    turn = a.conversation.turn(OWNER, "No, aspetta: l'estate è il periodo più debole! I mesi "
                               "forti sono febbraio, maggio e dicembre", "it")
    assert turn.kind == "correction"
    state = a.plans.database.load_interview(iid, OWNER)
    assert "horizon_months" not in state.answers and state.position == "horizon_months"
    assert fact(a, iid, "decision_months") == [2, 5, 12]
    assert fact(a, iid, "quiet_months") == [6, 7, 8]
    echo = turn.lines[0].text
    assert "febbraio, maggio, dicembre" in echo and "prima:" in echo
    assert turn.lines[-1].kind == "question" and turn.lines[-1].at == "horizon_months"


def test_we_are_not_a_cafe_changes_the_type_and_echoes_it(a: Assistant) -> None:
    iid = interview(a, "en", COWORKING, "horizon_months")
    turn = a.conversation.turn(OWNER, "No, we're not a café! We're a coworking space", "en")
    assert turn.kind == "correction"
    assert fact(a, iid, "business_label") == "coworking space"
    assert turn.lines[0].text.startswith("Type: coworking space (was: ")
    assert "horizon_months" not in a.plans.database.load_interview(iid, OWNER).answers


@pytest.mark.parametrize(("text", "field", "value"), [
    ("Somos solo 2", "team_size", 2),
    ("También vendemos por Mercado Libre", "channels", ["Instagram", "WhatsApp",
                                                        "Mercado Libre"]),
    ("meses fuertes: noviembre y diciembre", "decision_months", [11, 12]),
    ("El presupuesto son 2.000.000 de pesos", "budget", 2_000_000),
])
def test_a_correction_at_the_summary_changes_its_fact(a: Assistant, text: str, field: str,
                                                      value: Any) -> None:
    iid = interview(a, "es", MATES, None)
    turn = a.conversation.turn(OWNER, text, "es")
    assert turn.kind == "correction" and fact(a, iid, field) == value
    assert "(antes:" in turn.lines[0].text and turn.lines[-1].kind == "summary"


def test_the_same_value_again_is_not_called_corrected(a: Assistant) -> None:
    iid = interview(a, "es", MATES, None)
    before = a.plans.database.load_interview(iid, OWNER).answers
    turn = a.conversation.turn(OWNER, "No, trabajo sola", "es")
    assert "ya es" in turn.lines[0].text and "corregido" not in turn.lines[0].text.lower()
    assert a.plans.database.load_interview(iid, OWNER).answers == before


def test_a_correction_that_names_nothing_is_an_honest_no_with_choices(a: Assistant) -> None:
    iid = interview(a, "en", COWORKING, "budget")
    before = a.plans.database.load_interview(iid, OWNER).answers
    turn = a.conversation.turn(OWNER, "No, wait, that's wrong, you got it all wrong", "en")
    assert turn.kind == "unclear" and "nothing changed" in turn.lines[0].text
    assert turn.lines[0].options and turn.lines[-1].at == "budget"
    assert a.plans.database.load_interview(iid, OWNER).answers == before


@pytest.mark.parametrize("text", ["Google Ads, pas de budget pour ça", "pas de Google Ads",
                                  "Google Ads", "publicité payante"])
def test_the_exclusions_answer_is_an_answer(a: Assistant, text: str) -> None:
    iid = interview(a, "fr", BREWERY, "excluded_channels")
    turn = a.conversation.turn(OWNER, text, "fr")
    assert turn.kind == "answer" and turn.ask is None
    assert a.plans.database.load_interview(iid, OWNER).answers["excluded_channels"]


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Se llama Asesoría Ebro: llevamos la contabilidad y los impuestos de autónomos y "
     "pequeñas empresas"),
    ("fr", "Ça s'appelle Roue Libre : on répare des vélos et on loue des vélos électriques")])
def test_the_business_answer_that_gives_its_name_is_the_answer(a: Assistant, lang: str,
                                                               text: str) -> None:
    """ "Se llama Asesoría Ebro: llevamos la contabilidad y los impuestos…" lay nearer a
    question about taxes than the business answers' examples and was answered from the
    knowledge base; every later answer then went one question off (hand test, 8 Dec)."""
    iid = interview(a, lang, {}, "business")
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "answer" and turn.ask is None
    assert a.plans.database.load_interview(iid, OWNER).answers["business"].startswith(text[:12])


def test_an_answer_naming_a_channel_or_asking_stays_an_answer(a: Assistant) -> None:
    iid = interview(a, "es", {**MATES, "channels": "Instagram"}, "excluded_channels")
    turn = a.conversation.turn(OWNER, "Facebook Ads, no funcionó", "es")
    assert turn.kind == "answer"
    assert fact(a, iid, "excluded") == ["Facebook Ads"]
    interview(a, "it", FLORIST, "competitors")
    turn = a.conversation.turn(OWNER, "Fioraio Bianchi in via Indipendenza, e chi vende "
                               "online?", "it")
    assert turn.kind == "answer" and turn.ask is None


# Goals worded as owners word them: two targets, a rating, "doubler" (each was answered as a
# side question from the knowledge base: the goal question's examples held one short goal).
@pytest.mark.parametrize(("lang", "text"), [
    ("it", "Passare da 25 a 45 tour a settimana entro giugno 2027 e portare le recensioni "
           "Google da 4,3 a 4,7"),
    ("fr", "Doubler les commandes"),
    ("fr", "Passer de 25 à 45 visites par semaine d'ici juin 2027 et monter les avis Google "
           "de 4,3 à 4,7"),
    ("en", "Get our Google rating from 4.1 to 4.6"),
    ("en", "Go from 25 to 45 tours a week by June 2027 and lift our Google rating from 4.3 "
           "to 4.7")])
def test_a_goal_worded_as_owners_word_it_is_the_goal_answer(a: Assistant, lang: str,
                                                            text: str) -> None:
    answers = {k: v for k, v in FLORIST.items() if k != "goal"}
    iid = interview(a, lang, answers, "goal")
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "answer" and turn.ask is None
    assert a.plans.database.load_interview(iid, OWNER).answers["goal"] == text


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "explícame qué es un objetivo SMART"),
    ("it", "non ho capito cosa intendi per obiettivo"),
    ("en", "give me an example of a good goal")])
def test_a_question_about_the_goal_question_is_still_a_side_question(a: Assistant, lang: str,
                                                                     text: str) -> None:
    iid = interview(a, lang, {k: v for k, v in FLORIST.items() if k != "goal"}, "goal")
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "side_question" and turn.ask == text
    assert "goal" not in a.plans.database.load_interview(iid, OWNER).answers


def test_pesos_in_argentina_are_ars_and_the_example_is_in_pesos(a: Assistant) -> None:
    answers = {k: v for k, v in MATES.items() if k != "budget"}
    iid = interview(a, "es", answers, "budget")
    turn = a.conversation.turn(OWNER, "$1.500.000 pesos", "es")
    assert turn.kind == "answer"
    assert a.plans.database.load_interview(iid, OWNER).answers["budget"] == {
        "amount": 1_500_000, "currency": "ARS"}


def test_an_italian_request_starts_an_italian_interview_at_question_one(a: Assistant) -> None:
    for other in a.plans.database.list_interviews(OWNER):
        a.plans.add_chat_lines(other.id, OWNER, [], closed=True)
    turn = a.conversation.turn(OWNER, "Mi serve un piano di marketing per il mio negozio di "
                               "fiori a Bologna", "en")
    assert turn.lang == "it"
    question = turn.lines[-1]
    assert question.kind == "question" and "Domanda 1 di" in question.text


def test_assistant_chat_in_italian_and_its_closing_message_names_no_tab(tmp_path: Path) -> None:
    """The request's language, a correction echoed, thanks answered, a closing with no tab."""
    env = {**os.environ, "ESTRATEGA_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT),
           "ESTRATEGA_EMBEDDING_THREADS": "1"}
    typed = ["Mi serve un piano di marketing per il mio negozio di fiori a Bologna",
             "Fiori di Lucia, negozio di fiori a Bologna", "Grazie mille!",
             "mazzi da 25 euro e composizioni per matrimoni",
             "privati del quartiere e coppie che si sposano", "salta", "salta",
             "arrivare a 300 clienti abituali", "12 mesi", "salta",
             "No, aspetta: siamo in due, lavoro con mia sorella",  # while the budget waits
             "4000 euro", "Instagram e passaparola", "nessuno", "salta",
             "3 ore a settimana", "ok", "Grazie, perfetto"]
    result = subprocess.run([sys.executable, "-m", "assistant", "chat"], cwd=tmp_path, env=env,
                            input="\n".join(typed) + "\n", capture_output=True, text=True,
                            timeout=600)
    out = result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Domanda 1 di" in out and "Question 2" not in out
    assert "Squadra: 2 (prima:" in out  # the correction echoed
    assert "scheda" not in out.lower() and " tab" not in out.lower()
    assert "Prime azioni" in out
    # a thanks, mid-interview and after the plan, is answered as one (not searched for)
    assert "Prego! Andiamo avanti" in out and "Prego! Se qualcosa nel piano non va" in out
    written = list(tmp_path.glob("plan-*.md"))
    assert written and str(written[0]) in out


@pytest.mark.parametrize("lang,request_text,name", [
    ("es", "Necesito un plan de marketing para mi taller de bicicletas en Rosario. Se llama "
           "Rueda Libre.", "Rueda Libre"),
    ("it", "Mi serve un piano di marketing per la mia scuola di italiano online. Si chiama "
           "Parla Italiano.", "Parla Italiano"),
    # the name after the request's last comma, no "it's called" (hand test, 7 Dec)
    ("fr", "Je voudrais un plan marketing pour notre compagnie de théâtre amateur à Toulouse, "
           "Les Tréteaux du Canal", "Les Tréteaux du Canal"),
    ("en", "I need a marketing plan for my bike repair workshop in Bristol, Chain Reaction "
           "Cycles.", "Chain Reaction Cycles"),
])
def test_a_name_said_in_the_request_is_not_asked_again(a: Assistant, lang: str,
                                                       request_text: str, name: str) -> None:
    for other in a.plans.database.list_interviews(OWNER):
        a.plans.add_chat_lines(other.id, OWNER, [], closed=True)
    turn = a.conversation.turn(OWNER, request_text, lang)
    state = a.plans.database.load_interview(turn.interview_id, OWNER)
    assert name in str(state.answers.get("business", "")), state.answers
    assert state.position != "business"  # the business question is not asked again


def test_a_team_told_in_two_clauses_while_the_budget_is_pending_is_the_team(a: Assistant) -> None:
    """'Wait, it's just me, I work alone': read clause by clause, the team (a number, not a
    list of names) crashed the merge of what the cue words and the examples read."""
    iid = interview(a, "en", {**COWORKING, "horizon_months": "12 months"}, "budget")
    turn = a.conversation.turn(OWNER, "Wait, it's just me, I work alone", "en")
    assert turn.kind == "correction"
    assert fact(a, iid, "team_size") == 1
    assert fact(a, iid, "budget") in (None, "")


TROUPE = {"business": "Les Tréteaux du Canal, troupe de théâtre amateur à Toulouse"}


def test_a_plan_request_for_another_business_starts_its_own_interview(a: Assistant) -> None:
    """A Spanish request for a surf school while a French troupe's interview was open resumed
    the troupe's ('Nous préparions votre plan…'), and the school's answers filled its slots."""
    old = interview(a, "fr", TROUPE, "offer")
    turn = a.conversation.turn(OWNER, "Hola! Quiero un plan de marketing para mi escuela de "
                                      "surf en Mar del Plata", "fr")
    assert turn.interview_id and turn.interview_id != old and turn.lang == "es"
    shown = "\n".join(line.text for line in turn.lines)
    assert "Empiezo un plan nuevo" in shown and "Les Tréteaux du Canal" in shown
    assert a.plans.get_interview(old, OWNER).slot == "offer"  # kept as it was
    again = interview(a, "fr", TROUPE, "offer")
    same = a.conversation.turn(OWNER, "Je veux un plan marketing pour ma troupe de théâtre", "fr")
    assert same.interview_id == again  # the same business: where it was left


@pytest.mark.parametrize(("lang", "answers", "label"), [
    ("es", MATES, "Redactar el plan"), ("fr", BREWERY, "Rédiger le plan")])
def test_the_summary_buttons_words_typed_draft_the_plan(a: Assistant, lang: str,
                                                         answers: dict[str, str],
                                                         label: str) -> None:
    """"Rédiger le plan" typed at the summary (the words of its button, as the CLI shows
    them) was read as a new plan request: "reprenons là où nous en étions" and the summary
    again, for ever (hand test, 7 Dec). A button's label typed is that button."""
    assert a.plans.prompts.phrase("conversation", lang, "options.confirm") == label
    iid = interview(a, lang, answers, None)
    turn = a.conversation.turn(OWNER, label.lower(), lang)
    assert turn.plan_id, [line.text[:80] for line in turn.lines]
    assert a.plans.database.load_interview(iid, OWNER).plan_id == turn.plan_id


def test_the_french_summary_puts_a_space_before_its_colons(a: Assistant) -> None:
    """"**Entreprise:** La Brasserie…" (hand test, 7 Dec): French writes "Entreprise : …"."""
    interview(a, "fr", BREWERY, None)
    summary = a.conversation.turn(OWNER, "résumé", "fr").lines[-1].text
    assert "**Entreprise** : La Brasserie du Canal" in summary, summary[:300]
    assert ":**" not in summary


# An answer to a later question typed while another waits is that question's answer, said so,
# and the pending question stays (the goal told at the competitors question was stored as the
# competitors; seasons told at the marketing question, as the marketing).
DANCE = {"business": "Academia Compás, escuela de baile en Málaga",
         "offer": "clases de sevillanas y salsa a 45 € al mes",
         "customers": "mujeres de 30 a 60 años del barrio"}


@pytest.mark.parametrize(("lang", "answers", "pending", "text", "slot"), [
    ("es", DANCE, "competitors", "Queremos llegar a 150 alumnas antes de octubre", "goal"),
    ("fr", {**DANCE, "competitors": "deux écoles"}, "situation",
     "En juillet et août c'est vide, septembre est notre gros mois", "seasonality"),
    ("it", {"business": "Gelateria Polo Nord, gelateria a Rimini"}, "offer",
     "I clienti sono soprattutto famiglie in vacanza con bambini piccoli", "customers"),
    ("en", DANCE, "competitors", "We'd like to double our weekly bookings, from 30 to 60", "goal"),
    # whole, nearest the customers' examples (students, tourists); each clause, the goal's
    ("it", {"business": "Maestrale Vela, scuola di vela a Cagliari"}, "offer",
     "Vogliamo passare da 120 a 200 allievi dei corsi per adulti in un anno, e vendere più "
     "uscite ai turisti", "goal"),
])
def test_an_answer_to_a_later_question_is_noted_there_and_the_pending_one_stays(
        a: Assistant, lang: str, answers: dict[str, str], pending: str, text: str,
        slot: str) -> None:
    iid = interview(a, lang, answers, pending)
    turn = a.conversation.turn(OWNER, text, lang)
    state = a.plans.database.load_interview(iid, OWNER)
    assert turn.kind == "early_answer" and turn.ask is None
    assert state.answers[slot] == text and pending not in state.answers
    assert state.position == pending
    label = a.plans.interviewer.label(lang, slot)
    assert label in turn.lines[-1].text  # "I noted that as your answer to «Goal»"
    a.conversation.turn(OWNER, "Nadie más en el barrio" if pending == "competitors" else
                        "Instagram" if pending == "situation" else "Gelati e granite", lang)
    assert a.plans.database.load_interview(iid, OWNER).position != slot  # not asked again


def test_the_only_ones_with_something_is_no_team_of_one(a: Assistant) -> None:
    iid = interview(a, "es", DANCE, "competitors")
    turn = a.conversation.turn(OWNER, "Hay tres academias más; somos las únicas con clases "
                               "para adultos principiantes", "es")
    assert turn.kind == "answer"
    assert fact(a, iid, "team_size") is None


def test_a_fact_of_another_question_is_no_early_answer_to_a_third(a: Assistant) -> None:
    """'12 mois' typed at the marketing question was noted as the constraints (hand test)."""
    iid = interview(a, "fr", {**DANCE, "competitors": "deux écoles"}, "situation")
    turn = a.conversation.turn(OWNER, "12 mois", "fr")
    assert turn.kind != "early_answer"
    assert "constraints" not in a.plans.database.load_interview(iid, OWNER).answers


@pytest.mark.parametrize(("lang", "text", "amount"), [("fr", "4 000 €", 4000),
                                                      ("en", "£2,500", 2500)])
def test_a_bare_amount_at_the_marketing_question_is_the_budget(a: Assistant, lang: str,
                                                               text: str, amount: int) -> None:
    """'4 000 €' typed at the marketing question was kept as how marketing goes today, with
    'one example is enough' (hand test, 7 Dec)."""
    iid = interview(a, lang, {**DANCE, "competitors": "deux écoles"}, "situation")
    turn = a.conversation.turn(OWNER, text, lang)
    state = a.plans.database.load_interview(iid, OWNER)
    assert turn.kind == "correction" and "situation" not in state.answers
    assert fact(a, iid, "budget") == amount


def test_a_goal_that_speaks_of_seasons_is_the_goal(a: Assistant) -> None:
    """At the goal question, a goal about a season stays the goal (read by hand)."""
    iid = interview(a, "fr", {**DANCE, "competitors": "deux écoles"}, "goal")
    turn = a.conversation.turn(OWNER, "Avoir plus de clients en été, quand c'est calme", "fr")
    state = a.plans.database.load_interview(iid, OWNER)
    assert turn.kind == "answer" and "seasonality" not in state.answers
    assert state.answers["goal"] == "Avoir plus de clients en été, quand c'est calme"


GROOMER = {"business": "Suds on Wheels, mobile dog grooming van in Bristol",
           "offer": "full grooms at £55", "customers": "busy professionals with dogs",
           "competitors": "three salons", "situation": "Facebook groups",
           "goal": "I'd like to go from 18 to 30 regular clients a month"}


@pytest.mark.parametrize(("pending", "text", "field", "value"), [
    ("horizon_months", "actually make that 35 regular clients", "goal_target", 35),
    ("budget", "actually make that 35 regular clients", "goal_target", 35),
    ("horizon_months", "we have 20 regular clients now", "current_customers", 20)])
def test_a_number_with_the_goals_own_words_is_no_horizon_nor_budget(
        a: Assistant, pending: str, text: str, field: str, value: int) -> None:
    """Hand test, 7 Dec: 'actually make that 35 regular clients' at the horizon question became
    a 35-month horizon (at the budget question, a budget of 35)."""
    iid = interview(a, "en", GROOMER, pending)
    turn = a.conversation.turn(OWNER, text, "en")
    assert turn.kind == "correction"
    assert pending not in a.plans.database.load_interview(iid, OWNER).answers
    assert fact(a, iid, field) == value


def test_todays_level_corrected_is_where_the_goal_starts_from(a: Assistant) -> None:
    """'En realidad son 40 alumnos ahora, no 35' echoed 'Clientes hoy: 40' while the goal
    still read 35 -> 60 (read by hand, 7 Dec)."""
    iid = interview(a, "es", {**DANCE, "competitors": "dos academias",
                              "goal": "Llegar a 60 alumnas al mes, ahora tenemos 35"},
                    "horizon_months")
    turn = a.conversation.turn(OWNER, "En realidad son 40 alumnas ahora, no 35", "es")
    assert turn.kind == "correction"
    goal = a.plans.understood(iid, OWNER).goals[0]
    assert (goal.current, goal.target) == (40, 60)
    assert "40 → 60" in "\n".join(line.text for line in turn.lines)


SAILING = {"business": "Maestrale Vela, scuola di vela a Cagliari, siamo in quattro istruttori",
           "offer": "corso base per adulti a 390 €", "customers": "adulti di Cagliari",
           "goal": "passare da 120 a 200 allievi", "horizon_months": "12 mesi"}


@pytest.mark.parametrize(("lang", "text", "team"), [
    ("it", "No aspetta, gli istruttori sono cinque, non quattro", 5),
    ("fr", "Non, les moniteurs sont trois", 3),
])
def test_a_team_counted_after_its_people_is_a_correction_not_the_pending_answer(
        a: Assistant, lang: str, text: str, team: int) -> None:
    """Hand test, 7 Dec: "gli istruttori sono cinque" (the count after the people, a plural
    no list held) was stored as the seasons answer; the team stayed four."""
    iid = interview(a, lang, SAILING, "seasonality")
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "correction" and fact(a, iid, "team_size") == team
    assert "seasonality" not in a.plans.database.load_interview(iid, OWNER).answers


@pytest.mark.parametrize(("lang", "goal", "months"), [
    ("it", "Vogliamo passare da 120 a 200 allievi dei corsi per adulti in un anno", 12),
    ("es", "Llegar a 300 socios en los próximos 18 meses", 18),
    ("fr", "Doubler nos réservations d'ici 6 mois", 6),
])
def test_the_time_a_goal_gives_itself_is_the_horizon_and_is_not_asked(
        a: Assistant, lang: str, goal: str, months: int) -> None:
    """Hand test, 7 Dec: the sailing school said "in un anno" and was asked "In quanto
    tempo?" next; the goal's own time is the horizon, said so."""
    answers = {k: SAILING[k] for k in ("business", "offer", "customers")}
    iid = interview(a, lang, answers, "goal")
    turn = a.conversation.turn(OWNER, goal, lang)
    state = a.plans.database.load_interview(iid, OWNER)
    assert state.answers["horizon_months"] == months, turn.lines
    assert state.position != "horizon_months"
    assert any(str(months) in line.text for line in turn.lines if line.kind != "question")


def test_a_rate_is_no_horizon(a: Assistant) -> None:
    answers = {k: SAILING[k] for k in ("business", "offer", "customers")}
    iid = interview(a, "es", answers, "goal")
    a.conversation.turn(OWNER, "Llegar a 200 pedidos al mes", "es")
    assert "horizon_months" not in a.plans.database.load_interview(iid, OWNER).answers
