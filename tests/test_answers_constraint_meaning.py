"""A constraint is obeyed by what a quote means, not by its words (#23, fifth round): asked
for customers "without spending on ads", the lead-generation card's list of sources is not
quoted (Italian and French: no word list held "campagne sponsorizzate" or "campagnes
publicitaires"; Spanish and English were left out by their word lists already), because one of
its items ("le campagne sponsorizzate con modulo integrato") is a paid
means; a sentence that mentions ads only to set them aside is still quoted; the judge reads
list items over the shipped embedding model, in all four languages."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.answering.composers.constraint_filter import ListedAdvice
from tests.test_answers_evidence import card_sentence

SOURCES = {"it": "Gli strumenti più usati", "es": "Las vías habituales",
           "fr": "Les leviers classiques", "en": "Common sources are"}


@pytest.mark.parametrize(("question", "language"), [
    ("Produciamo etichette per altre aziende: come troviamo nuovi clienti senza fare "
     "pubblicità?", "it"),
    ("Vendemos a empresas: ¿cómo conseguimos contactos de clientes potenciales sin pagar "
     "publicidad?", "es"),
    ("Comment générer des leads sans payer de publicité ?", "fr"),
    ("How do I generate leads without paying for ads?", "en"),
])
def test_a_quote_listing_a_paid_means_is_left_out_when_ads_are_ruled_out(
        shared_assistant: Assistant, question: str, language: str) -> None:
    answer = shared_assistant.ask(question)
    assert answer.citations, answer.text
    listed = card_sentence("lead-generation", language, SOURCES[language])
    assert listed not in answer.text, answer.text


@pytest.fixture(scope="module")
def listed_advice(shared_assistant: Assistant) -> ListedAdvice:
    return ListedAdvice(shared_assistant.runtime.vectors.sentences)


@pytest.mark.parametrize(("card", "language", "marker"), [
    ("lead-generation", "it", "Gli strumenti più usati"),
    ("lead-generation", "fr", "Les leviers classiques"),
    ("social-media-marketing", "es", "Incluye publicar contenido propio"),
])
def test_a_list_with_one_paid_item_breaks(listed_advice: ListedAdvice, card: str,
                                          language: str, marker: str) -> None:
    assert listed_advice.breaking([card_sentence(card, language, marker)]) == [True]


@pytest.mark.parametrize(("card", "language", "marker"), [
    ("content-marketing", "en", "Instead of interrupting"),  # ads, only to set them aside
    ("seo", "fr", "contrairement à la publicité"),
    ("digital-channels", "it", "sito web, motori di ricerca"),  # free means only
    ("email-marketing", "es", "tasa de apertura"),  # "clics" is a rate, not a paid click
])
def test_a_list_of_free_means_or_ads_set_aside_keeps(listed_advice: ListedAdvice, card: str,
                                                     language: str, marker: str) -> None:
    assert listed_advice.breaking([card_sentence(card, language, marker)]) == [False]


@pytest.mark.parametrize("question", [
    "J'ai une petite librairie et je refuse de payer de la publicité : comment attirer du monde ?",
    "I refuse to pay for ads, how do I get customers?",
    "Me niego a pagar publicidad, ¿cómo consigo clientes?",
    "Mi rifiuto di pagare la pubblicità: come trovo clienti?",
])
def test_refusing_to_pay_for_ads_rules_ads_out(shared_assistant: Assistant,
                                               question: str) -> None:
    reader = shared_assistant.runtime.chain.parts.constraints
    assert "no_paid_ads" in [c.kind for c in reader.read(question)]
