"""Answers to what the user asked (#23), through the facade on the real knowledge base: a source
the question names is the one read and it leads ("the Spanish article", a title, in any
language); a constraint ("without paying for ads", "sin gastarme un dineral en publicidad") is
obeyed; the trimmed card keeps the sentence that answers; follow-ups are resolved against the
conversation; a difference between ROI and ROAS is answered in French from the French card.

Gold sentences are read from the articles and cards themselves, not pasted here."""

from __future__ import annotations

import re

import pytest

from assistant import Assistant
from assistant.answering.answers import Answer
from assistant.text import normalize_term
from tests.conftest import ROOT
from tests.test_answers_evidence import card_sentence

ARTICLES = ROOT / "knowledge" / "articles"


def article_sentence(name: str, marker: str) -> str:
    """The one sentence of an article that contains `marker`, as it stands in the file."""
    text = (ARTICLES / f"{name}.md").read_text("utf-8")
    found = re.findall(rf"[^.\n]*{re.escape(marker)}[^.\n]*\.", text)
    assert len(found) == 1, (name, marker, found)
    return found[0].strip()


def headings_after(name: str, heading: str, count: int) -> list[str]:
    """The `count` section headings that follow `heading` in an article."""
    text = (ARTICLES / f"{name}.md").read_text("utf-8")
    titles = [t.strip() for t in re.findall(r"^## (.+)$", text, re.M)]
    start = [normalize_term(t) for t in titles].index(normalize_term(heading)) + 1
    return titles[start:start + count]


def quoted(answer: Answer) -> str:
    return normalize_term(answer.text)


@pytest.mark.parametrize("question", [
    "Según el artículo de Marketing Operativo, ¿cuáles son los retos del marketing operativo?",
    "What challenges does the Spanish article on operational marketing list?",
])
def test_a_list_asked_of_a_named_article_is_its_section_headings(
        shared_assistant: Assistant, question: str) -> None:
    answer = shared_assistant.ask(question)
    assert {c.source_id for c in answer.citations} == {"es-marketing-operativo"}, answer.text
    for title in headings_after("es-marketing-operativo", "Retos del marketing operativo", 4):
        assert normalize_term(title) in quoted(answer), (title, answer.text)


def test_the_italian_article_named_by_its_subject_is_the_one_read(
        shared_assistant: Assistant) -> None:
    answer = shared_assistant.ask("What does the Italian article on strategic vs tactical "
                                  "marketing say is one of the most common mistakes?")
    mistake = article_sentence("it-strategico-tattico", "errori più comuni")
    assert answer.citations[0].source_id == "it-strategico-tattico", answer.text
    assert normalize_term(mistake) in quoted(answer), answer.text
    assert "Vediamo insieme" not in answer.text  # the article's own padding is not quoted


def test_a_french_article_named_by_its_title_answers_with_the_means_it_lists(
        shared_assistant: Assistant) -> None:
    answer = shared_assistant.ask("Dans l'article « Marketing stratégique et opérationnel », "
                                  "quels moyens sont cités pour concrétiser les objectifs ?")
    means = article_sentence("fr-strategique-operationnel", "différents moyens")
    assert answer.text.startswith("Dans l'article"), answer.text
    assert {c.source_id for c in answer.citations} == {"fr-strategique-operationnel"}
    assert normalize_term(means) in quoted(answer), answer.text


def test_without_paying_for_ads_gets_the_business_profile_not_google_ads(
        shared_assistant: Assistant) -> None:
    answer = shared_assistant.ask("How do I get more local customers finding me on Google "
                                  "without paying for ads? I'm a plumber in Leeds.")
    assert card_sentence("seo", "en", "Google Business Profile") in answer.text, answer.text
    assert "google ads" not in quoted(answer) and "search ads" not in quoted(answer)


def test_new_clients_without_advertising_gets_acquisition_advice(
        shared_assistant: Assistant) -> None:
    answer = shared_assistant.ask("Tengo una peluquería. ¿Cómo consigo clientas nuevas sin "
                                  "gastarme un dineral en publicidad?")
    sources = {c.source_id for c in answer.citations}
    assert not sources & {"concept:customer-loyalty:es", "concept:cac:es",
                          "concept:paid-advertising:es"}, answer.text
    assert "CAC =" not in answer.text and "google ads" not in quoted(answer)
    assert card_sentence("seo", "es", "Google Business Profile") in answer.text, answer.text


def test_what_to_compare_the_cac_with_keeps_the_lifetime_value_sentence(
        assistant: Assistant) -> None:
    assistant.ask("¿Qué es el CAC?", conversation_id="c1")
    answer = assistant.ask("¿Y con qué lo comparo para saber si es bueno o malo?",
                           conversation_id="c1")
    assert card_sentence("cac", "es", "valor de vida") in answer.text, answer.text


@pytest.mark.parametrize(("first", "follow_up", "language"), [
    ("Tengo una peluquería, ¿cómo calculo el CAC?", "¿y cuánto debería gastar?", "es"),
    ("J'ai un salon de coiffure, comment calculer le CAC ?", "et combien devrais-je dépenser ?",
     "fr"),
])
def test_how_much_to_spend_after_the_cac_is_the_budget_question(
        assistant: Assistant, first: str, follow_up: str, language: str) -> None:
    assistant.ask(first, conversation_id="c2")
    answer = assistant.ask(follow_up, conversation_id="c2")
    assert answer.citations[0].source_id == f"concept:marketing-budget:{language}", answer.text
    assert "6.000" not in answer.text.split("[1]")[0].replace("6 000", "6.000") or \
        card_sentence("marketing-budget", language, "3") in answer.text


def test_and_whats_the_price_asks_the_topics_cost(assistant: Assistant) -> None:
    assistant.ask("What is SEO?", conversation_id="c3")
    answer = assistant.ask("and what's the price?", conversation_id="c3")
    assert answer.citations[0].source_id == "concept:seo:en", answer.text
    assert card_sentence("seo", "en", "stop paying") in answer.text, answer.text


@pytest.mark.parametrize(("question", "language"), [
    ("Quelle est la différence entre le ROI et le ROAS ?", "fr"),
    ("¿Qué diferencia hay entre ROI y ROAS?", "es"),
    ("What is the difference between ROI and ROAS?", "en"),
])
def test_roi_versus_roas_is_answered_from_the_card_in_the_users_language(
        shared_assistant: Assistant, question: str, language: str) -> None:
    answer = shared_assistant.ask(question)
    assert answer.citations[0].source_id == f"concept:roi:{language}", answer.text
    assert card_sentence("roi", language, "ROAS") in answer.text, answer.text
