"""A difference question's own words are no topic (#23, padding): "Che differenza c'è tra
fidelizzazione e acquisizione?" quoted the differentiation card in every language (its name
shares the stem of "differenza", "difference", "diferencia", "différence"; hand test, 7 Dec)."""

from __future__ import annotations

import pytest

from assistant import Assistant


@pytest.mark.parametrize(("lang", "question"), [
    ("it", "Che differenza c'è tra fidelizzazione e acquisizione di clienti?"),
    ("en", "What's the difference between keeping customers and winning new ones?"),
    ("es", "¿Qué diferencia hay entre fidelizar clientes y captar clientes nuevos?"),
    ("fr", "Quelle différence entre fidélisation et acquisition de clients ?"),
])
def test_the_differentiation_card_is_not_quoted_for_the_word_difference(
        shared_assistant: Assistant, lang: str, question: str) -> None:
    answer = shared_assistant.ask(question, lang=lang)
    assert answer.citations, answer.text
    assert not any(c.source_id.startswith("concept:differentiation") for c in answer.citations)
