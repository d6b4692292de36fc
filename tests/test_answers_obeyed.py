"""What the user set, obeyed through the facade on the real knowledge base (#23, second round):
a constraint phrased in words no cue list holds filters the evidence and what keeps to it leads;
a named source in another language than the question still answers (it is not "silent" because
cross-language similarities lie low); follow-ups are resolved against the conversation's topic.

Gold sentences are read from the articles and cards themselves, not pasted here."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.text import normalize_term
from tests.test_answers_asked import article_sentence
from tests.test_answers_evidence import card_sentence


@pytest.mark.parametrize(("question", "language"), [
    ("Ho un salone da parrucchiera, come trovo nuove clienti senza pagare la pubblicità?", "it"),
    ("Je suis plombier à Lille : comment avoir plus d'appels sans me ruiner en pub ?", "fr"),
    ("Tengo un taller de bicis, ¿cómo atraigo clientes nuevos sin pagar anuncios?", "es"),
])
def test_a_paraphrased_no_ads_constraint_leads_with_the_business_profile(
        shared_assistant: Assistant, question: str, language: str) -> None:
    answer = shared_assistant.ask(question)
    profile = card_sentence("seo", language, "Google Business Profile")
    assert profile in answer.text, answer.text
    first_quote = answer.text.split("- «", 1)[1]
    assert first_quote.startswith(profile), answer.text  # advice that keeps to it leads
    assert "google ads" not in normalize_term(answer.text), answer.text


def test_targeted_ads_are_not_quoted_when_it_must_be_free(shared_assistant: Assistant) -> None:
    answer = shared_assistant.ask("Comment me faire connaître gratuitement sur Instagram ?")
    assert card_sentence("social-media-marketing", "fr", "ligne éditoriale") in answer.text, \
        answer.text
    assert "publicités ciblées" not in answer.text, answer.text


@pytest.mark.parametrize(("question", "article", "marker"), [
    ("In the Italian article on operational marketing, what is operational marketing "
     "linked to?", "it-marketing-operativo", "collegato alla lead generation"),
    ("What does the French article say operational marketing puts into practice?",
     "fr-strategique-operationnel", "mettre en pratique"),
    ("¿Qué dice el artículo italiano «Che cos'è il marketing operativo?» sobre el marketing "
     "operativo en lo digital?", "it-marketing-operativo", "nel caso del digital marketing"),
])
def test_a_named_source_in_another_language_answers(
        shared_assistant: Assistant, question: str, article: str, marker: str) -> None:
    answer = shared_assistant.ask(question)
    assert answer.citations[0].source_id == article, answer.text
    assert normalize_term(article_sentence(article, marker)) in normalize_term(answer.text), \
        answer.text


@pytest.mark.parametrize(("first", "follow_up", "language"), [
    ("What is CAC?", "What should I compare it with to know if it's good or bad?", "en"),
    ("Che cos'è il CAC?", "Con cosa lo confronto per capire se va bene o male?", "it"),
])
def test_a_long_follow_up_that_points_back_is_resolved_against_the_topic(
        assistant: Assistant, first: str, follow_up: str, language: str) -> None:
    assistant.ask(first, conversation_id="back")
    answer = assistant.ask(follow_up, conversation_id="back")
    assert answer.citations[0].source_id == f"concept:cac:{language}", answer.text
    marker = {"en": "only makes sense", "it": "confrontato"}[language]
    assert card_sentence("cac", language, marker) in answer.text, answer.text


def test_the_tips_of_a_named_article_are_its_bullet_points(shared_assistant: Assistant) -> None:
    answer = shared_assistant.ask("Selon l'article espagnol sur le marketing opérationnel, quels "
                                  "conseils donne-t-il pour un marketing opérationnel efficace ?")
    assert {c.source_id for c in answer.citations} == {"es-marketing-operativo"}, answer.text
    for tip in ("Establecer un flujo de trabajo entre departamentos",
                "Trabajar con una audiencia en mente", "Alinear todas las ideas del consumidor"):
        assert f"«{tip}: " in answer.text, answer.text  # with what it says
    assert "La pieza más importante para mejorar el marketing operativo" in answer.text


def test_no_marketing_budget_rules_out_rather_than_names_the_budget(
        shared_assistant: Assistant) -> None:
    answer = shared_assistant.ask("My bakery has no marketing budget. How can I get more "
                                  "people through the door for free?")
    sources = [c.source_id for c in answer.citations]
    assert "concept:marketing-budget:en" not in sources, answer.text
    assert card_sentence("seo", "en", "Google Business Profile") in answer.text or \
        card_sentence("social-media-marketing", "en", "editorial line") in answer.text


@pytest.mark.parametrize(("first", "follow_up", "language", "marker"), [
    ("What is customer lifetime value?", "and compared with CAC?", "en", "three times"),
    ("Cos'è il CLV?", "e rispetto al CAC?", "it", "tre volte"),
])
def test_a_short_follow_up_naming_a_new_concept_relates_it_to_the_topic(
        shared_assistant: Assistant, first: str, follow_up: str, language: str,
        marker: str) -> None:
    conversation = f"relate-{language}"
    shared_assistant.ask(first, conversation_id=conversation)
    answer = shared_assistant.ask(follow_up, conversation_id=conversation)
    # before: the CAC card alone, as if the conversation had not been about CLV
    assert card_sentence("clv", language, marker) in answer.text, answer.text


@pytest.mark.parametrize(("question", "definition"), [
    ("I'm a freelance piano teacher and I can't afford ads. How do new students find me?",
     "Content marketing means creating"),
    ("Soy fisioterapeuta a domicilio en Zaragoza, ¿cómo consigo pacientes nuevos sin pagar "
     "anuncios?", "El marketing de contenidos consiste en")])
def test_a_how_to_quotes_advice_not_what_another_card_is(
        shared_assistant: Assistant, question: str, definition: str) -> None:
    """"How do new students find me?" does not ask what content marketing is: a card the
    question does not name is quoted for what it advises, not its opening definition."""
    answer = shared_assistant.ask(question)
    assert definition not in answer.text, answer.text
    assert "Google Business Profile" in answer.text, answer.text
