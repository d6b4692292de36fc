"""Plans for any business, checked against the owner's words (issue #21).

Each business's raw answers go through the real pipeline (answers read and checked, the
understanding step with the shipped embedding model, the builder), as benchmarks/plan_fit.py
does; the plan is then checked as code (tests/open_cases.py): the name alone in the title, the
owner's label kept, no other trade's words, each goal's metric and target in an objective, each
working channel named in a tactic, excluded channels absent, break-even when sale and margin are
given, the currency, no push when closed, acquisition outside capacity and in the months
customers decide, a product/price/place decision when the model calls for one; and the profile
read (buyers, places, payment, reach, name, label) against the labels.

Run: .venv/bin/python benchmarks/plan_open.py --set dev [--set dev2] [--set dev3] [--set dev4]
     [--set blind] [--set blind2]
     [--quiet]
The dev2 set (tests/eval/businesses_open_dev2.jsonl, 12 businesses, 3 per language) holds goals
counted in the owner's own unit, month lists and break-even cases, for development; dev3 (12 more,
outside the playbook and dev/dev2: vets, cheese producers selling to delis, wedding planners,
translation agencies, climbing gyms) adds start months in figures, offers with prices and margins,
goals in the owner's unit and resellers, checked by four more checks (positioning without the
offer's figures, tactic KPIs in the goal's unit, the start month, a place tactic for resellers).
dev4 (12 more: southern-hemisphere seasons, monthly memberships and retainers, soles, bolivianos,
pesos, rand, goals due before the plan ends, "+10" goals) adds four: a goal's deadline and no
acquisition push after it, the southern seasons read, a recurring fee counted over the months
a customer stays, and a contact's cost on the currency's scale. Per set it also counts the plans
with a threat or risk read word for word in three or more plans of the set (boilerplate).
The blind sets (tests/eval/businesses_open_blind.jsonl; businesses_open_blind2.jsonl, 40 more
written on 6 Dec 2026 by a second writer who never read the code) are measured, never tuned on.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.open_cases import SETS, SHARED, boilerplate, draft_open, load_open  # noqa: E402
from tests.plan_cases import real_understander  # noqa: E402


def family(check: str) -> str:
    """A check's family: "goal2_target" -> "goal_target", "channel:Untappd" -> "channel"."""
    head = check.split(":", 1)[0]
    return "goal_" + head.split("_", 1)[1] if head.startswith("goal") else head


def run_set(name: str, understander, quiet: bool) -> None:
    """Print each business's failed checks and the set's pass rate per check family."""
    cases = load_open(name)
    passed: dict[str, list[bool]] = defaultdict(list)
    profile: dict[str, list[float]] = defaultdict(list)
    whole = asked = 0
    plans = []
    started = time.perf_counter()
    print(f"\n== {name} ==")
    for case in cases:
        done = draft_open(case, understander)
        if done.plan is None:
            asked += 1
            print(f"{case['id']:<10} asked: {' | '.join(done.asked)[:110]}")
            continue
        plans.append(done.plan)
        judged = {k: v for k, v in done.checks.items() if v is not None}
        for check, ok in judged.items():
            passed[family(check)].append(ok)
        for key, value in done.profile.items():
            profile[key].append(value)
        failed = [k for k, ok in judged.items() if not ok]
        whole += not failed
        if failed or not quiet:
            print(f"{case['id']:<10} {len(judged) - len(failed)}/{len(judged)}  "
                  f"failed: {failed}")
    seconds = time.perf_counter() - started
    checks = [ok for oks in passed.values() for ok in oks]
    rate = sum(checks) / max(1, len(checks))
    print(f"{name}: {len(cases)} businesses, {asked} asked about an answer, {whole} passing every "
          f"check; {sum(checks)}/{len(checks)} checks pass ({rate:.2f}) ({seconds:.1f} s)")
    for key, oks in sorted(passed.items()):
        print(f"  {key:<32} {sum(oks):>3}/{len(oks):<3} {sum(oks) / len(oks):.2f}")
    shared = boilerplate(plans)
    print(f"  boilerplate: {sum(bool(v) for v in shared.values())}/{len(shared)} plans with a "
          f"threat or risk read word for word in {SHARED}+ plans of the set; "
          f"{len({x for v in shared.values() for x in v})} such lines")
    print("  profile read (mean agreement; lists by Jaccard):")
    for key, values in sorted(profile.items()):
        print(f"    {key:<30} {sum(values) / len(values):.2f}")


def main() -> None:
    """Run the chosen sets (dev unless told otherwise)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", action="append", choices=sorted(SETS))
    parser.add_argument("--quiet", action="store_true", help="list only failing businesses")
    args = parser.parse_args()
    understander = real_understander()
    for name in args.set or ["dev"]:
        run_set(name, understander, args.quiet)


if __name__ == "__main__":
    main()
