"""A source the user names (#23), without the model: which article a question names (title
words, "the Italian article", in any language), and the headings a section announces as the
items of a list asked of it."""

from __future__ import annotations

import pytest

from assistant.answering.composers.base import ComposeInput, Passage
from assistant.answering.composers.named import announced_sections
from assistant.answering.constraints import breaks, constraints_of, without_constraints
from assistant.answering.named_source import named_sources
from assistant.documents import Hit
from assistant.search.named import SourceTitle

ARTICLES = [
    SourceTitle("es-est", "diferencias entre el marketing estratégico y el marketing operativo",
                "es"),
    SourceTitle("es-op", "Marketing Operativo: ¿Qué es?, Características y más", "es"),
    SourceTitle("fr-so", "Marketing stratégique et opérationnel: que veulent-ils dire ?", "fr"),
    SourceTitle("it-op", "Che cos’è il marketing operativo?", "it"),
    SourceTitle("it-tt", "Marketing strategico e marketing tattico. Qual è la differenza?", "it"),
]


def test_the_article_a_question_names_by_title_words_in_its_own_language():
    question = "Según el artículo de Marketing Operativo, ¿cuáles son los retos?"
    assert named_sources(question, "es", ARTICLES) == ("es-op",)


def test_the_article_named_by_its_language_and_subject_in_another_language():
    question = "What does the Italian article on strategic vs tactical marketing say?"
    assert named_sources(question, "en", ARTICLES) == ("it-tt",)


def test_a_quoted_title_names_the_french_article():
    question = "Dans l'article « Marketing stratégique et opérationnel », quels moyens ?"
    assert named_sources(question, "fr", ARTICLES) == ("fr-so",)


def test_a_concept_question_names_no_article():
    assert named_sources("¿Qué es el marketing operativo?", "es", ARTICLES) == ()


@pytest.mark.parametrize(("question", "lang", "expected"), [
    # a source named by its language and another word for a document ("piece", "texto")
    ("What does the Italian piece comparing strategic and tactical marketing say a company "
     "should use?", "en", ("it-tt",)),
    ("In the Spanish text on the differences between strategic and operational marketing, "
     "over how many years does strategic marketing plan?", "en", ("es-est",)),
    ("Cosa dice il testo spagnolo sulle differenze tra marketing strategico e operativo?", "it",
     ("es-est",)),
    # a title paraphrased at length, no language given
    ("¿Qué retos enumera el texto sobre qué es el Marketing Operativo y sus características?",
     "es", ("es-op",)),
    # a quotation is literal: the title it opens, not the one sharing the most words
    ("D'après le texte « Marketing Operativo: ¿Qué es? », quels conseils sont donnés ?", "fr",
     ("es-op",)),
])
def test_a_source_named_without_the_word_article(question: str, lang: str,
                                                 expected: tuple[str, ...]) -> None:
    assert named_sources(question, lang, ARTICLES) == expected


@pytest.mark.parametrize("question", [
    "What is the difference between strategic and tactical marketing?",
    "Qual è la differenza tra marketing strategico e operativo?",
    "Which one is better for a small Italian restaurant, strategic or tactical marketing?",
])
def test_a_concept_question_sharing_title_words_names_no_source(question: str) -> None:
    assert named_sources(question, "en", ARTICLES) == ()


def _passage(number: int, position: int, text: str) -> Passage:
    return Passage(number, Hit(f"c{position}", text, "es-op", "Marketing Operativo", "article",
                               "es", position, 0.5, similarity=0.5))


def test_a_list_asked_of_a_named_source_is_the_headings_its_section_announces():
    passages = [
        _passage(1, 0, "Definición\nSirve como soporte del equipo de marketing."),
        _passage(2, 1, "Retos del marketing operativo\nHay cambios. Estos son los retos:"),
        _passage(3, 2, "Tendencia a expandir las fuentes de datos\nLos datos crecen."),
        _passage(4, 3, "Resumen del viaje del cliente\nEl viaje es largo."),
        _passage(5, 4, "Resumen del viaje del cliente\nSigue el mismo apartado."),
        _passage(6, 5, "¿Cuál es la relación con el marketing estratégico?\nOtra cosa."),
    ]
    item = ComposeInput("¿Cuáles son los retos?", "¿Cuáles son los retos?", "es", passages,
                        kind="list", named=("es-op",))
    found = announced_sections(item, frozenset({"ret"}), lambda texts: [0.0] * len(texts))
    assert found is not None
    section, announcing, items = found
    assert section.number == 2 and announcing == "Estos son los retos:"
    assert [p.number for p in items] == [3, 4]  # no repeated heading, stops at a question


def test_a_list_whose_words_no_heading_says_and_no_heading_is_close_is_not_forced():
    passages = [
        _passage(1, 0, "Retos del marketing operativo\nEstos son los retos:"),
        _passage(2, 1, "Tendencia a expandir las fuentes de datos\nLos datos crecen."),
        _passage(3, 2, "Resumen del viaje del cliente\nEl viaje es largo."),
    ]
    item = ComposeInput("¿Qué funciones tiene?", "¿Qué funciones tiene?", "es", passages,
                        kind="list", named=("es-op",))
    assert announced_sections(item, frozenset({"funci"}), lambda t: [0.1] * len(t)) is None


def test_without_paid_ads_rules_out_google_ads_but_not_the_business_profile():
    found = constraints_of("How do I get found on Google without paying for ads?")
    assert [c.kind for c in found] == ["no_paid_ads"]
    assert breaks("Search ads on Google Ads for buying intent.", found)
    assert not breaks("A complete Google Business Profile, reviews and contact details.", found)
    assert without_constraints("How do I get found on Google without paying for ads?") == \
        "How do I get found on Google?"


def test_new_clients_rule_out_loyalty_advice_in_spanish():
    found = constraints_of("¿Cómo consigo clientas nuevas sin gastarme un dineral en publicidad?")
    assert {c.kind for c in found} == {"no_paid_ads", "new_customers"}
    assert breaks("Se apoya en tarjetas de puntos y ventajas para clientes habituales.", found)
