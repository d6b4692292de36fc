""""Where do I find…?" asks how to find it (#23, fifth round: "Where do we find leads?" was
typed "other", so the how-to cards and guides never led)."""

from __future__ import annotations

import pytest

from assistant import Assistant


@pytest.mark.parametrize(("question", "language"), [
    ("Where do we find leads?", "en"),
    ("¿Dónde encontramos clientes potenciales?", "es"),
    ("Où est-ce qu'on trouve des prospects ?", "fr"),
    ("Dove troviamo dei potenziali clienti?", "it"),
])
def test_where_to_find_customers_is_a_how_to(shared_assistant: Assistant, question: str,
                                             language: str) -> None:
    typer = shared_assistant.runtime.chain.parts.typer
    assert typer.classify(question, language) == "howto"
