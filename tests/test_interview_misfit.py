"""#22 item 6 through the conversation object, with the shipped embedding model: a correction of
what the goal counts ("lo que contamos son bicis reparadas") changes the goal's metric, and a
message with another question's fact that has not the pending question's form (hours typed at
the exclusions question) corrects that fact instead of becoming the answer."""

from __future__ import annotations

import pytest

from assistant import Assistant
from tests.test_interview_asks import COWORKING, answers, fact, interview

pytestmark = pytest.mark.heavy  # the embedding model

OWNER = "user:asks"  # the helpers' owner
WORKSHOP = {"business": "Taller Rueda Libre, taller de bicicletas en Guadalajara, México",
            "offer": "reparaciones desde $300", "customers": "ciclistas urbanos",
            "goal": "llegar a 120 reparaciones al mes", "horizon_months": "12 meses"}
BREWERY = {"business": "La Brasserie du Canal, brasserie artisanale à Lyon",
           "offer": "bières en fût", "customers": "bars de Lyon",
           "goal": "passer de 30 à 50 bars clients", "horizon_months": "un an",
           "budget": "6 000 €", "channels": "visites aux bars, Instagram"}


@pytest.fixture(scope="module")
def a(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    from tests.conftest import make_settings

    return Assistant(make_settings(tmp_path_factory.mktemp("misfit")))


@pytest.mark.parametrize(("lang", "place", "text", "metric"), [
    ("es", WORKSHOP, "Perdona, lo que contamos son bicis reparadas, no clientes",
     "bicis reparadas"),
    ("en", COWORKING, "Sorry, what we count is desk bookings, not members", "desk bookings"),
])
def test_what_the_goal_counts_is_corrected_while_the_budget_is_pending(
        a: Assistant, lang: str, place: dict[str, str], text: str, metric: str) -> None:
    iid = interview(a, lang, place, "budget")
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "correction" and "budget" not in answers(a, iid)
    assert metric in fact(a, iid, "goal_metric")
    assert turn.lines[-1].at == "budget"


@pytest.mark.parametrize(("lang", "place", "text"), [
    ("fr", BREWERY, "Finalement on a 8 heures par semaine, pas 5"),
    ("en", {**COWORKING, "budget": "£4,000", "channels": "LinkedIn"},
     "Actually I have 8 hours a week for this"),
])
def test_hours_typed_at_the_exclusions_question_correct_the_hours(
        a: Assistant, lang: str, place: dict[str, str], text: str) -> None:
    iid = interview(a, lang, place, "excluded_channels")
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "correction" and "excluded_channels" not in answers(a, iid)
    assert fact(a, iid, "hours_per_week") == 8


@pytest.mark.parametrize(("lang", "place", "text", "channel"), [
    ("es", {**WORKSHOP, "budget": "40.000 pesos", "channels": "Facebook y WhatsApp"},
     "Ah, y también usamos Instagram", "Instagram"),
    ("it", {"business": "Fiori di Lucia, negozio di fiori a Bologna", "offer": "mazzi da 25 €",
            "customers": "privati del quartiere", "goal": "arrivare a 300 clienti abituali",
            "horizon_months": "12 mesi", "budget": "3.000 €", "channels": "Instagram"},
     "Ah, aggiungi anche WhatsApp", "WhatsApp"),
])
def test_a_channel_added_at_the_exclusions_question_is_added_not_excluded(
        a: Assistant, lang: str, place: dict[str, str], text: str, channel: str) -> None:
    iid = interview(a, lang, place, "excluded_channels")
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "correction" and "excluded_channels" not in answers(a, iid)
    assert channel in fact(a, iid, "channels")


@pytest.mark.parametrize(("lang", "place", "text", "label"), [
    ("en", {**COWORKING, "budget": "£4,000"}, "Hang on, we're actually a bakery café",
     "bakery café"),
    ("fr", BREWERY, "Attendez, on est en fait une microbrasserie avec taproom",
     "microbrasserie avec taproom"),
])
def test_free_words_at_the_summary_are_a_correction_with_an_adverb(
        a: Assistant, lang: str, place: dict[str, str], text: str, label: str) -> None:
    iid = interview(a, lang, place, None)
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "correction"
    assert fact(a, iid, "business_label") == label
