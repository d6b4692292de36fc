"""Model-drafted plans for the configured chat endpoint: time per plan, repairs needed, sections
that fell back (and why), validator findings per plan, over a few plan-fit businesses.

    ESTRATEGA_CHAT_BACKEND=openai ESTRATEGA_OPENAI_BASE_URL=http://127.0.0.1:8080/v1 \\
        .venv/bin/python benchmarks/plan_model.py --n 4
    # or the embedded SmolLM2 (after `make models`):
    .venv/bin/python benchmarks/plan_model.py --local models/SmolLM2-135M-Instruct.Q4_1.gguf

Prints one line per business and a summary. Never run in the tests."""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.backends import classify_backend_error, describe_model, make_chat_model  # noqa: E402
from assistant.errors import EstrategaError  # noqa: E402
from assistant.planning.drafting import PlanDrafter  # noqa: E402
from assistant.planning.plan import (  # noqa: E402
    build_plan,
    load_playbook,
    read_answers,
    validate_plan,  # noqa: E402
)
from assistant.prompts import PromptLibrary  # noqa: E402
from assistant.settings import Settings  # noqa: E402


def main() -> None:
    """Draft a plan per business with the configured model and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=str(ROOT / "tests/eval/businesses_dev.jsonl"))
    parser.add_argument("--n", type=int, default=4, help="how many businesses (one per language"
                                                         " first)")
    parser.add_argument("--local", help="a GGUF file: use the embedded local backend")
    parser.add_argument("--max-tokens", type=int, default=None)
    args = parser.parse_args()
    # langchain's include_raw output trips a harmless pydantic serializer warning per call
    warnings.filterwarnings("ignore", message="Pydantic serializer warnings")
    overrides: dict[str, object] = {}
    if args.local:
        overrides.update(chat_backend="local", local_model_path=args.local)
    if args.max_tokens:
        overrides["max_tokens"] = args.max_tokens
    settings = Settings(**overrides)
    chat_model = make_chat_model(settings)
    if chat_model is None:
        sys.exit("No chat model configured (ESTRATEGA_CHAT_BACKEND=openai or --local FILE).")
    prompts = PromptLibrary(settings.prompts_dir)
    playbook = load_playbook(settings.knowledge_dir / "playbook")
    drafter = PlanDrafter(chat_model, prompts, playbook, repairs=settings.plan_repairs,
                          timeout=settings.plan_draft_timeout,
                          classify=lambda exc: str(classify_backend_error(
                              exc, settings).params.get("kind", "server")))
    rows = [json.loads(line) for line in Path(args.set).read_text().splitlines() if line.strip()]
    by_lang: dict[str, list[dict]] = {}
    for row in rows:
        by_lang.setdefault(row.get("lang", "?"), []).append(row)
    picked = [r for i in range(len(rows)) for rs in by_lang.values() if i < len(rs)
              for r in [rs[i]]][: args.n]
    print(f"model: {describe_model(settings)}  repairs<= {settings.plan_repairs}  "
          f"max_tokens {settings.max_tokens}  businesses {len(picked)}")
    times, repairs, fallbacks, findings, written = [], [], [], [], []
    for row in picked:
        try:
            inp = read_answers(row["answers"], playbook, prompts)
        except EstrategaError as exc:
            print(f"{row['id']:<12} answers not usable: {exc.params}")
            continue
        base = build_plan(inp, playbook, prompts)
        started = time.perf_counter()
        report = drafter.draft(base, inp.answers(), getattr(inp, "understood", None))
        elapsed = time.perf_counter() - started
        fell = [f"{o.section}:{o.reason}" for o in report.outcomes if not o.by_model]
        n_findings = sum(len(o.findings) for o in report.outcomes)
        final = len(validate_plan(report.plan))
        times.append(elapsed)
        repairs.append(report.repairs)
        fallbacks.append(len(fell))
        findings.append(n_findings)
        written.append(len(report.model_sections))
        print(f"{row['id']:<12} {elapsed:6.1f} s  repairs {report.repairs}  model wrote "
              f"{','.join(report.model_sections) or '-':<26} fell back {','.join(fell) or '-'}"
              f"  findings sent back {n_findings}  final plan findings {final}")
    if times:
        print(f"\nper plan: median {statistics.median(times):.1f} s, max {max(times):.1f} s; "
              f"repairs {sum(repairs)} ({statistics.mean(repairs):.1f}/plan); sections by model "
              f"{sum(written)}/{3 * len(times)}; fell back {sum(fallbacks)}; validator findings "
              f"sent back {statistics.mean(findings):.1f}/plan")
    server = getattr(chat_model, "_local_server", None)
    if server is not None:
        server.stop()


if __name__ == "__main__":
    main()
