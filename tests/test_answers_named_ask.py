"""Issue #23 item 1: what a question asks of the source it names is read apart from the words
that name it. A reference in a clause of its own leaves the ask whole (the title's words are
then what is asked), and a section that says what is asked outranks a list under a heading
merely near the topic."""

from __future__ import annotations

from assistant import Assistant


def test_title_words_asked_after_a_reference_clause_are_the_ask(
        shared_assistant: Assistant) -> None:
    answer = shared_assistant.ask(
        "El artículo en francés, ¿qué dice que es el marketing estratégico?")
    assert answer.citations[0].source_id == "fr-strategique-operationnel"
    assert "Le marketing stratégique constitue" in answer.text


def test_a_section_named_by_the_question_outranks_a_nearby_list(
        shared_assistant: Assistant) -> None:
    answer = shared_assistant.ask(
        "Nell'articolo spagnolo sul marketing operativo, che cosa dice della logistica?")
    assert answer.citations[0].source_id == "es-marketing-operativo"
    assert "toda la logística correspondida" in answer.text


def test_title_words_asked_in_the_same_clause_as_the_reference_are_the_ask(
        shared_assistant: Assistant) -> None:
    """Hand test, 7 Dec: the Spanish article on exactly this "did not say", and an Italian
    article answered instead (every word asked is also a word of its title)."""
    answer = shared_assistant.ask(
        "¿Qué explica el texto en español sobre la diferencia entre marketing estratégico y "
        "operativo?", lang="es")
    assert answer.citations[0].source_id == "es-estrategico-vs-operativo"
    assert "diferencia entre la mercadotecnia estratégico y marketing operativo" in answer.text
    assert "no lo dice" not in answer.text
