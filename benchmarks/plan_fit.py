"""Plan-fit violations per business: every rule of the plan rubric checked as code
(assistant/planning/plan/audit.py) on plans drafted from the labelled understanding.

Run: .venv/bin/python benchmarks/plan_fit.py [--set dev|blind|seven] [--verbose]
The blind set is run once, at the end, and never tuned on.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from assistant.planning.plan import build_plan
from assistant.planning.plan.audit import audit
from assistant.settings import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT))
from tests.plan_fixtures import (  # noqa: E402 - the fixtures live with the tests
    PLAYBOOK,
    PROMPTS,
    SEVEN,
    case_input,
    case_understanding,
)

SETS = {"dev": "tests/eval/businesses_dev.jsonl", "blind": "tests/eval/businesses_blind.jsonl"}


def load(name: str) -> list[dict]:
    """The cases of a set."""
    if name == "seven":
        return SEVEN
    path = Path(PROJECT_ROOT / SETS[name])
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def main() -> None:
    """Print each business's violations and the totals by rule."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", choices=["dev", "blind", "seven"], default="dev")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    cases = load(args.set)
    rules: Counter[str] = Counter()
    clean = 0
    started = time.perf_counter()
    for case in cases:
        plan = build_plan(case_input(case, PLAYBOOK, PROMPTS), PLAYBOOK, PROMPTS,
                          understood=case_understanding(case, PLAYBOOK))
        found = audit(plan, PLAYBOOK, PROMPTS, case["answers"])
        clean += not found
        rules.update(f.split(":", 1)[0] for f in found)
        if found or args.verbose:
            print(f"{case['id']:<28} {case['labels']['business_type']:<22} "
                  f"{len(plan.tactics)} tactics  violations: {len(found)} {found[:4]}")
    seconds = time.perf_counter() - started
    print(f"\n{args.set}: {len(cases)} businesses, {clean} without violations, "
          f"{sum(rules.values())} violations ({seconds:.1f} s)")
    for rule, n in rules.most_common():
        print(f"  {rule:<32} {n}")


if __name__ == "__main__":
    main()
