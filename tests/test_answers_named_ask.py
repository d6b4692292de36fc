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


def test_the_type_is_read_from_what_is_asked_of_the_source_not_from_its_title(
        shared_assistant: Assistant) -> None:
    """The reference's "differences" made this a difference question, and the contrast it
    quoted was strategic marketing's long term, not what was asked."""
    answer = shared_assistant.ask(
        "In the Spanish article on the differences between strategic and operational "
        "marketing, how far ahead does operational marketing look?")
    assert answer.citations[0].source_id == "es-estrategico-vs-operativo", answer.text
    assert "corto/medio período" in answer.text or "corto plazo" in answer.text, answer.text


def test_the_section_whose_heading_says_what_is_asked_is_the_list(
        shared_assistant: Assistant) -> None:
    """"Its functions" listed the challenges (a section announcing its items, nearer the
    source's topic) instead of the bullets under "¿Cuáles son las funciones…?"; each bullet
    is quoted with what it says, not only its lead-in."""
    answer = shared_assistant.ask(
        "Nell'articolo spagnolo sul marketing operativo, quali sono le sue funzioni?")
    assert "funciones del marketing operativo" in answer.text, answer.text
    assert "Retos" not in answer.text, answer.text
    assert "«Creación y mantenimiento de contenido: incluye la creación" in answer.text
