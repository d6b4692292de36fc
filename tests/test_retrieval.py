"""Hybrid retrieval across languages, concept-first ranking, filters, and measured recall."""

from __future__ import annotations

from assistant import Assistant
from assistant.evaluation import evaluate, load_questions
from tests.conftest import ROOT

QUESTIONS = load_questions(ROOT / "tests" / "eval" / "questions.jsonl")
# Floors just under the figures of benchmarks/retrieval.py on this set (hybrid, articles, judged
# relevance): 0.80 and 0.80. The target is 0.9; see README "Measured" for why it is not met.
RECALL5_FLOOR = 0.78
CROSS_LINGUAL_RECALL5_FLOOR = 0.78


def test_evaluation_set_is_large_and_cross_lingual() -> None:
    assert len(QUESTIONS) >= 60
    assert {q.lang for q in QUESTIONS} == {"es", "fr", "it", "en"}
    assert sum(q.cross_lingual for q in QUESTIONS) >= len(QUESTIONS) / 3


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


def test_recall_at_5_on_the_evaluation_set(shared_assistant: Assistant) -> None:
    def search(q: str) -> list:
        return shared_assistant.search(q, k=10, kind="article")

    overall = evaluate(QUESTIONS, search)
    cross = evaluate([q for q in QUESTIONS if q.cross_lingual], search)
    assert overall.recall_at_5 >= RECALL5_FLOOR, overall
    assert cross.recall_at_5 >= CROSS_LINGUAL_RECALL5_FLOOR, cross
