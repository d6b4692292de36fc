"""Time to draft a plan with the deterministic builder (answers -> validated plan -> Markdown).

Run: .venv/bin/python benchmarks/plan_draft.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from assistant.planning.plan import (
    build_plan,
    export_plan,
    load_playbook,
    read_answers,
    validate_plan,
)
from assistant.prompts import PromptLibrary
from assistant.settings import PROJECT_ROOT

ANSWERS = {
    "language": "es", "business": "Floristería Lola, tienda de flores en Triana, Sevilla",
    "offer": "ramos de temporada desde 25 € y suscripción de flores para oficinas",
    "customers": "vecinos de 30 a 55 años y oficinas pequeñas del barrio",
    "competitors": "floristerías del centro; entregamos en 2 horas",
    "situation": "Instagram con 800 seguidores", "goal": "conseguir 60 clientes nuevos",
    "horizon_months": 12, "budget": {"amount": 8000, "currency": "EUR"},
    "channels": ["Instagram", "WhatsApp"], "excluded_channels": ["TikTok"],
    "constraints": "dos personas, 4 horas a la semana",
}


def main() -> None:
    """Print median and p95 times for drafting, validating and exporting."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--answers", type=Path, help="an answers JSON file (default: sample)")
    args = parser.parse_args()
    answers = json.loads(args.answers.read_text("utf-8")) if args.answers else ANSWERS
    prompts = PromptLibrary(PROJECT_ROOT / "prompts")
    started = time.perf_counter()
    playbook = load_playbook(PROJECT_ROOT / "knowledge" / "playbook")
    load_ms = (time.perf_counter() - started) * 1000
    draft, export = [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        plan = build_plan(read_answers(answers, playbook, prompts), playbook, prompts)
        assert not validate_plan(plan)
        t1 = time.perf_counter()
        export_plan(plan, "md", prompts)
        export.append((time.perf_counter() - t1) * 1000)
        draft.append((t1 - t0) * 1000)
    p95 = lambda xs: sorted(xs)[int(0.95 * (len(xs) - 1))]  # noqa: E731
    print(f"playbook load: {load_ms:.1f} ms (once)")
    print(f"draft + validate: median {statistics.median(draft):.2f} ms, p95 {p95(draft):.2f} ms "
          f"over {args.runs} runs")
    print(f"markdown export: median {statistics.median(export):.2f} ms, p95 {p95(export):.2f} ms")


if __name__ == "__main__":
    main()
