"""Hybrid retrieval across languages, concept-first ranking, filters, and measured recall."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.search.evaluation import evaluate, load_questions
from tests.conftest import ROOT

QUESTIONS = load_questions(ROOT / "tests" / "eval" / "questions.jsonl")
HELD_OUT = load_questions(ROOT / "tests" / "eval" / "heldout.jsonl")
# Floors just under the figures of benchmarks/retrieval.py (hybrid, articles, judged relevance).
# Development set (the fusion was chosen on it): 0.90 overall, 0.89 cross-lingual. Held-out set
# (written blind afterwards): 0.71 and 0.67. The target is 0.9 for both; see README
# "Measured" for what was tried.
FLOORS = {
    "development": (QUESTIONS, 0.88, 0.87),
    "held-out": (HELD_OUT, 0.69, 0.64),
}


def _articles(assistant: Assistant, mode: str = "hybrid"):  # noqa: ANN202
    return lambda q: assistant.search(q, k=10, kind="article", mode=mode)


@pytest.mark.parametrize("questions", [QUESTIONS, HELD_OUT], ids=["development", "held-out"])
def test_evaluation_sets_are_large_and_cross_lingual(questions: list) -> None:
    assert len(questions) >= 48
    assert {q.lang for q in questions} == {"es", "fr", "it", "en"}
    assert sum(q.cross_lingual for q in questions) >= len(questions) / 3
    assert len({q.id for q in QUESTIONS + HELD_OUT}) == len(QUESTIONS) + len(HELD_OUT)


def test_italian_question_finds_spanish_passage(shared_assistant: Assistant) -> None:
    hits = shared_assistant.search("Cosa fa il marketing operativo con la promozione e la "
                                   "pubblicità?", k=5, kind="article")
    assert any(h.language == "es" for h in hits)


def test_exact_concept_alias_in_any_language_ranks_the_concept_first(
        shared_assistant: Assistant) -> None:
    for query, concept in (("DAFO", "swot"), ("foda", "swot"), ("Retour sur investissement", "roi"),
                           ("imbuto di vendita", "sales-funnel"), ("¿Qué es el CAC?", "cac")):
        top = shared_assistant.search(query, k=3)[0]
        assert top.kind == "concept" and top.source_id.split(":")[1] == concept, query


def test_language_and_kind_filters(shared_assistant: Assistant) -> None:
    hits = shared_assistant.search("marketing operativo", k=8, lang="it", kind="article")
    assert hits and all(h.language == "it" and h.kind == "article" for h in hits)


@pytest.mark.parametrize("name", list(FLOORS))
def test_recall_at_5_on_the_evaluation_sets(shared_assistant: Assistant, name: str) -> None:
    questions, overall_floor, cross_floor = FLOORS[name]
    search = _articles(shared_assistant)
    overall = evaluate(questions, search)
    cross = evaluate([q for q in questions if q.cross_lingual], search)
    assert overall.recall_at_5 >= overall_floor, overall
    assert cross.recall_at_5 >= cross_floor, cross


def test_the_lexical_ranker_earns_its_place(shared_assistant: Assistant) -> None:
    """Fusing cross-language BM25 must beat the dense ranker alone, on both sets together."""
    everything = QUESTIONS + HELD_OUT
    hybrid = evaluate(everything, _articles(shared_assistant))
    dense = evaluate(everything, _articles(shared_assistant, "dense"))
    assert hybrid.recall_at_5 >= dense.recall_at_5 + 0.08, (hybrid, dense)
    assert hybrid.mrr > dense.mrr, (hybrid, dense)
