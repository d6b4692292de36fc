"""Plan-fit violations per business: every rule of the plan rubric checked as code
(assistant/planning/plan/audit.py).

By default (`--through understanding`) each business's raw answers go through the real pipeline,
as `assistant.plans.draft_plan` does: the answers read and checked, the understanding step with
the shipped embedding model, the builder. The plan is then judged against the case's LABELS, the
owner's truth (excluded channels and their families, working channels first, hours, team,
regulation, busy months, start month, goals and the owner's gap), plus the audit's own rules.
Answers the pipeline cannot use yet (a budget in BTC, "2 semanas") are asked about, as the
interview would, and counted apart. `--through labels` drafts from the labelled understanding
instead (the builder alone, an upper bound for the understanding step).

Run: .venv/bin/python benchmarks/plan_fit.py [--through understanding|labels]
                                             [--set dev --set seven] [--quiet]
The blind set (`--set blind`) is run once, at the end, and never tuned on.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.planning.plan import build_plan  # noqa: E402
from assistant.planning.plan.audit import audit  # noqa: E402
from tests.plan_cases import Drafted, draft_through, load_cases, real_understander  # noqa: E402
from tests.plan_fixtures import (  # noqa: E402 - the fixtures live with the tests
    PLAYBOOK,
    PROMPTS,
    case_input,
    case_understanding,
)


def from_labels(case: dict) -> Drafted:
    """A case drafted from its labelled understanding (the builder alone)."""
    plan = build_plan(case_input(case, PLAYBOOK, PROMPTS), PLAYBOOK, PROMPTS,
                      understood=case_understanding(case, PLAYBOOK))
    return Drafted(case, plan, [], audit(plan, PLAYBOOK, PROMPTS, case["answers"]))


def run_set(name: str, draft, quiet: bool) -> None:
    """Print each business's violations and the set's totals by rule."""
    cases = load_cases(name)
    rules: Counter[str] = Counter()
    clean = asked = 0
    started = time.perf_counter()
    print(f"\n== {name} ==")
    for case in cases:
        done = draft(case)
        label = f"{case['id']:<24} {case['labels']['business_type']:<22}"
        if done.plan is None:
            asked += 1
            print(f"{label} asked: {' | '.join(done.asked)[:110]}")
            continue
        clean += not done.findings
        rules.update(f.split(":", 1)[0] for f in done.findings)
        if done.findings or not quiet:
            print(f"{label} {len(done.plan.tactics)} tactics  violations: "
                  f"{len(done.findings)} {done.findings[:5] if done.findings else ''}")
    seconds = time.perf_counter() - started
    drafted = len(cases) - asked
    print(f"{name}: {len(cases)} businesses, {drafted} drafted ({asked} asked about an answer), "
          f"{clean} of {drafted} without violations, {sum(rules.values())} violations "
          f"({seconds:.1f} s)")
    for rule, n in rules.most_common():
        print(f"  {rule:<32} {n}")


def main() -> None:
    """Run the chosen sets (dev and seven unless told otherwise)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--through", choices=["understanding", "labels"], default="understanding")
    parser.add_argument("--set", action="append", choices=["dev", "seven", "blind"])
    parser.add_argument("--quiet", action="store_true", help="list only plans with violations")
    args = parser.parse_args()
    if args.through == "labels":
        draft = from_labels
    else:
        understander = real_understander()
        draft = lambda case: draft_through(case, understander)  # noqa: E731
    print(f"plans drafted through {args.through}; judged against the labels")
    for name in args.set or ["dev", "seven"]:
        run_set(name, draft, args.quiet)


if __name__ == "__main__":
    main()
