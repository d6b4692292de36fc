"""Plan-fit cases drafted end to end: the owner's raw answers through the real pipeline (the
answers read and checked, the embedding-backed understanding step, the builder), as
`assistant.plans.draft_plan` does, and judged against the case's labels (the owner's truth).
Shared by tests/test_plan_fit.py and benchmarks/plan_fit.py."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from assistant.errors import PlanInputError
from assistant.planning.plan import Plan, build_plan, read_answers
from assistant.planning.plan.audit import truth_audit
from assistant.planning.understanding import Understander, load_understanding_data
from assistant.settings import PROJECT_ROOT
from tests.plan_fixtures import PLAYBOOK, PROMPTS, case_understanding

EVAL = PROJECT_ROOT / "tests" / "eval"
SETS = {"dev": EVAL / "businesses_dev.jsonl", "seven": EVAL / "businesses_seven.jsonl",
        "blind": EVAL / "businesses_blind.jsonl"}
TODAY = date(2026, 5, 14)  # the understanding benchmark's day: "next month" is June 2026


def load_cases(name: str) -> list[dict[str, Any]]:
    """The labelled businesses of a set (dev, seven or blind)."""
    path = Path(SETS[name])
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def real_understander() -> Understander:
    """The understanding step as the runtime builds it: the shipped multilingual embedding
    model and the shipped data, with a fixed day so that "next month" does not move."""
    from tests.shared_embed import shared_embed

    return Understander(PLAYBOOK, load_understanding_data(PROJECT_ROOT / "knowledge"
                                                          / "understanding"),
                        shared_embed, today=lambda: TODAY)


@dataclass
class Drafted:
    """One case through the pipeline: the plan, or the problems the owner is asked about."""

    case: dict[str, Any]
    plan: Plan | None
    asked: list[str]
    findings: list[str]


def draft_through(case: dict[str, Any], understander: Understander) -> Drafted:
    """Draft a case's plan from its raw answers and audit it against its labels."""
    try:
        inp = read_answers(case["answers"], PLAYBOOK, PROMPTS, understander)
    except PlanInputError as refused:
        return Drafted(case, None, list(refused.params.get("problems") or [str(refused)]), [])
    plan = build_plan(inp, PLAYBOOK, PROMPTS)
    truth = case_understanding(case, PLAYBOOK)
    stated = case["labels"].get("start_month") is not None
    findings = truth_audit(plan, truth, PLAYBOOK, PROMPTS, case["answers"], start_stated=stated)
    return Drafted(case, plan, [], findings)
