"""A source the question refers to without its title (#23, fifth round): "the French one" (a
language and a pronoun), "the article that compares strategy to running shoes" (what it
says), "the piece about operational marketing" when two titles share those words alike (the
one whose passages answer). The answer is drawn from it and leads with it."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.answering.source_reference import referred_sources


@pytest.mark.parametrize(("question", "language", "article"), [
    ("In the French one, which means does operational marketing use?", "en",
     "fr-strategique-operationnel"),
    ("In quello francese, in quali categorie si divide la fase di riflessione?", "it",
     "fr-strategique-operationnel"),
    ("The article that compares strategy to putting on running shoes: what are tactics?", "en",
     "it-strategico-tattico"),
    ("Nell'articolo che parla di logistica e rebajas, che esempi fa?", "it",
     "es-marketing-operativo"),
    ("Que dit l'article sur le marketing opérationnel à propos des défis ?", "fr",
     "es-marketing-operativo"),
])
def test_a_source_referred_to_without_its_title_is_found(
        shared_assistant: Assistant, question: str, language: str, article: str) -> None:
    retriever = shared_assistant.runtime.retriever
    assert referred_sources(question, language, retriever) == (article,)
    answer = shared_assistant.ask(question)
    assert answer.citations[0].source_id == article, answer.text


@pytest.mark.parametrize("question", [
    "Which one is cheaper, SEO or ads?",
    "I have an Italian restaurant, how do I get more customers?",
    "What does the article say about SEO?",  # no article says more than another
])
def test_no_source_is_referred_to_without_a_clear_reference(
        shared_assistant: Assistant, question: str) -> None:
    assert referred_sources(question, "en", shared_assistant.runtime.retriever) == ()
