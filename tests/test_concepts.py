"""Concept lookup by name, alias, other language, no accents and typos."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.errors import ConceptNotFound


@pytest.mark.parametrize("term, concept", [
    ("analisis dafo", "swot"), ("FODA", "swot"), ("marketing tattico", "marketing-tactics"),
    ("retorno de la inversion", "roi"), ("ROI", "roi"), ("segmentacion", "segmentation"),
    ("posicionamiento", "positioning"), ("embudo de ventas", "sales-funnel"),
    ("marketing strategique", "strategic-marketing"), ("4P", "marketing-mix"),
    ("qu'est-ce que le KPI ?", "kpi"), ("segmentaciom", "segmentation"),
    ("posizionamento", "positioning"), ("Customer Lifetime Value", "clv"),
    ("marketing táctico", "marketing-tactics"), ("marketing tactique", "marketing-tactics"),
    ("tactical marketing", "marketing-tactics"), ("marketing operacional", "operational-marketing"),
])
def test_terms_find_their_concept(shared_assistant: Assistant, term: str, concept: str) -> None:
    assert shared_assistant.concept(term, passages=0).id == concept


def test_card_in_the_asked_language_with_the_others_beside_it(shared_assistant: Assistant) -> None:
    card = shared_assistant.concept("DAFO", lang="it")
    assert card.language == "it" and card.id == "swot"
    assert set(card.translations) == {"es", "fr", "en"}
    assert card.translations["es"]["name"]
    assert card.related and all(r["name"] for r in card.related)


def test_card_lists_passages_of_the_articles_that_discuss_it(shared_assistant: Assistant) -> None:
    card = shared_assistant.concept("marketing operativo", lang="es")
    assert card.passages
    assert {p["source_id"] for p in card.passages} <= set(card.articles)


def test_unknown_term_gives_suggestions(shared_assistant: Assistant) -> None:
    with pytest.raises(ConceptNotFound) as info:
        shared_assistant.concept("plan")  # too short to choose, close to "marketing plan"
    assert "marketing-plan" in info.value.params["suggestions"]
    assert len(info.value.params["suggestion_names"]) == len(info.value.params["suggestions"])
    with pytest.raises(ConceptNotFound) as info:
        shared_assistant.concept("zzzzqqq")
    assert info.value.params["suggestions"] == []
