"""The built-in grounded composer on the real knowledge base, and chain logic with the scripted
fake model."""

from __future__ import annotations

import re

import pytest

from assistant import Assistant
from assistant.answering.answers import Answer
from assistant.errors import EmptyQuery, QueryTooLong
from assistant.text import normalize_term

QUESTIONS = {
    "es": "¿Cuál es la diferencia entre marketing estratégico y operativo?",
    "fr": "Quelle est la différence entre le marketing stratégique et opérationnel ?",
    "it": "Qual è la differenza tra marketing strategico e tattico?",
    "en": "What is the difference between strategic and operational marketing?",
}


def assert_citations_valid(answer: Answer) -> None:
    """Every quoted sentence stands in the passage its marker points at."""
    passages = {c.marker: normalize_term(c.passage) for c in answer.citations}
    quoted = re.findall(r"«([^»]+)» \[(\d+)\]", answer.text)
    lead = re.match(r"\*\*[^*]+\*\*\s*(.+?)\s*\[(\d+)\]", answer.text, re.S)
    if lead:  # a concept lead: each piece between omission signs is a verbatim quote
        quoted += [(piece, lead.group(2)) for piece in lead.group(1).split("[…]")]
    for sentence, marker in quoted:
        assert normalize_term(sentence) in passages[int(marker)], sentence
    for marker in re.findall(r"\[(\d+)\]", answer.text):
        assert int(marker) in passages


@pytest.mark.parametrize("lang", sorted(QUESTIONS))
def test_answers_in_the_question_language_with_valid_citations(
        shared_assistant: Assistant, lang: str) -> None:
    answer = shared_assistant.ask(QUESTIONS[lang])
    assert answer.language == lang and answer.composer == "grounded"
    assert answer.citations
    assert_citations_valid(answer)
    frame = shared_assistant.runtime.prompts.phrase("composer", lang, "source_says", title="X",
                                            other_language="").split("X")[0].strip()
    assert frame in answer.text


def test_concept_question_leads_with_the_concept_in_the_user_language(
        shared_assistant: Assistant) -> None:
    answer = shared_assistant.ask("¿Qué es el embudo de ventas?")
    card = shared_assistant.concept("embudo de ventas", lang="es", passages=0)
    assert answer.text.startswith(f"**{card.name}.**")
    assert answer.citations[0].source_id == "concept:sales-funnel:es"
    assert_citations_valid(answer)


def test_uncovered_question_says_so_without_citations(shared_assistant: Assistant) -> None:
    answer = shared_assistant.ask("Quel temps fera-t-il à Lyon demain après-midi ?")
    assert answer.citations == []
    assert answer.text == shared_assistant.runtime.prompts.phrase("composer", "fr", "no_evidence")


def test_streams_sentence_by_sentence(shared_assistant: Assistant) -> None:
    events = list(shared_assistant.stream(QUESTIONS["it"]))
    assert sum(e.type == "delta" for e in events) >= 3 and events[-1].type == "done"


def test_follow_up_uses_the_previous_topic_and_language(shared_assistant: Assistant) -> None:
    shared_assistant.ask("¿Qué es el marketing operativo?", conversation_id="f1")
    answer = shared_assistant.ask("¿y sus funciones?", conversation_id="f1")
    assert answer.language == "es" and answer.citations
    assert any("operativo" in c.passage for c in answer.citations)


@pytest.mark.parametrize("text, error", [("", EmptyQuery), ("   \n\t", EmptyQuery),
                                         ("x" * 100_000, QueryTooLong)])
def test_unusable_questions_raise_domain_errors(shared_assistant: Assistant, text: str,
                                               error: type) -> None:
    with pytest.raises(error):
        shared_assistant.ask(text)


@pytest.mark.parametrize("text", ["?!?!...", "😀🚀📈", "marketing \x00\x07 mix", "ROI ROI ROI",
                                  "Маркетинг 市场营销 marketing مزيج", "\u202e\u200bKPI"])
def test_odd_questions_get_a_normal_answer(shared_assistant: Assistant, text: str) -> None:
    answer = shared_assistant.ask(text)
    assert answer.text and answer.language in ("es", "fr", "it", "en")


def test_scripted_model_rewrites_follow_ups_and_gets_the_history(
        data_dir, scripted_model) -> None:
    from tests.conftest import make_settings

    model = scripted_model.with_replies(
        "El ROI mide el retorno [1].", "¿Cómo se calcula el ROI?", "Se calcula así [1] [7].")
    assistant = Assistant(make_settings(data_dir), chat_model=model)
    assistant.ask("¿Qué es el ROI?", conversation_id="s")
    answer = assistant.ask("¿y cómo se calcula?", conversation_id="s")
    assert len(model.received) == 3
    rewrite_prompt = model.received[1][0].content
    assert "¿y cómo se calcula?" in rewrite_prompt and "¿Qué es el ROI?" in rewrite_prompt
    final_prompt = model.received[2]
    assert final_prompt[1].content == "¿Qué es el ROI?"  # history turn
    assert "[7]" not in answer.text and answer.citations[0].marker == 1
