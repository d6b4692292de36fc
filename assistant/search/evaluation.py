"""Retrieval evaluation over a question set with known answering passages."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..documents import Hit


@dataclass(frozen=True)
class EvalQuestion:
    """A question and the passage (source + verbatim evidence) that answers it."""

    id: str
    lang: str
    question: str
    source_id: str
    evidence: str
    cross_lingual: bool
    # Other passages judged to answer the question as well (source_id + verbatim evidence).
    also: tuple[dict[str, str], ...] = ()


@dataclass(frozen=True)
class EvalScores:
    """Recall@1, recall@5 and MRR@10 over a set of questions."""

    n: int
    recall_at_1: float
    recall_at_5: float
    mrr: float


def load_questions(path: Path) -> list[EvalQuestion]:
    """Read the JSONL evaluation set."""
    out = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            record["also"] = tuple(record.get("also", ()))
            out.append(EvalQuestion(**record))
    return out


def answers(hit: Hit, question: EvalQuestion, strict: bool = False) -> bool:
    """A hit answers when it comes from the right source and contains the evidence (or, unless
    `strict`, an alternate passage judged to answer too)."""
    targets = [{"source_id": question.source_id, "evidence": question.evidence}]
    if not strict:
        targets += list(question.also)
    return any(hit.source_id == t["source_id"] and _squash(t["evidence"]) in _squash(hit.text)
               for t in targets)


def first_rank(hits: Sequence[Hit], question: EvalQuestion, strict: bool = False) -> int | None:
    """1-based rank of the first answering hit."""
    return next((i for i, hit in enumerate(hits, 1) if answers(hit, question, strict)), None)


def evaluate(questions: Sequence[EvalQuestion], search: Callable[[str], list[Hit]],
             strict: bool = False) -> EvalScores:
    """Run every question through `search` (which should return at least 10 hits)."""
    ranks = [first_rank(search(q.question), q, strict) for q in questions]
    n = len(ranks) or 1
    return EvalScores(
        n=len(ranks),
        recall_at_1=sum(1 for r in ranks if r == 1) / n,
        recall_at_5=sum(1 for r in ranks if r and r <= 5) / n,
        mrr=sum(1 / r for r in ranks if r and r <= 10) / n,
    )


def _squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())
