"""PDF and DOCX export per language: size, pages, pictures and time (charts drawn, PDF written).

Run: .venv/bin/python benchmarks/plan_export.py [--set dev|blind] [--blind FILE] [--runs N]

`dev` is the four businesses of tests/plan_languages.py (es, fr, it, en); `blind` reads a JSONL
file of answers (one answers object a line, or {"answers": {...}}) named by --blind. Wall time
and CPU time are both printed: on a shared machine the CPU time is the steadier figure.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import time
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from assistant.planning.plan import build_plan, export_plan, load_playbook, read_answers
from assistant.planning.plan.charts import chart_images
from assistant.prompts import PromptLibrary
from assistant.settings import PROJECT_ROOT


def load_set(name: str, blind: Path | None) -> list[dict[str, Any]]:
    """The answers to export: the dev businesses, or the lead's blind file."""
    if name == "dev":
        from tests.plan_languages import CASES

        return [{"language": lang, **answers} for lang, answers in CASES.items()]
    if blind is None:
        raise SystemExit("--set blind needs --blind FILE")
    rows = [json.loads(line) for line in blind.read_text("utf-8").splitlines() if line.strip()]
    return [row.get("answers", row) for row in rows]


def timed(fn: Any) -> tuple[Any, float, float]:
    """fn()'s result, its wall and CPU milliseconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def main() -> None:
    """Print, per plan, the PDF's size and pages and the median times over --runs."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", choices=("dev", "blind"), default="dev")
    parser.add_argument("--blind", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    prompts = PromptLibrary(PROJECT_ROOT / "prompts")
    playbook = load_playbook(PROJECT_ROOT / "knowledge" / "playbook")
    _, first_wall, _ = timed(lambda: chart_images(  # imports matplotlib, fills its caches
        build_plan(read_answers(load_set("dev", None)[0], playbook, prompts), playbook,
                   prompts), lambda key, **v: prompts.phrase("plan", "es", key, **v)))
    print(f"first chart render in this process (matplotlib import, font cache): "
          f"{first_wall:.0f} ms")
    print("lang  pdf_KB  pages  images  charts_ms(cpu)  pdf_ms(cpu)  pdf_total_ms  docx_KB  "
          "docx_ms  business")
    for answers in load_set(args.set, args.blind):
        plan = build_plan(read_answers(answers, playbook, prompts), playbook, prompts)
        say = lambda key, lang=plan.language, **v: prompts.phrase("plan", lang, key, **v)  # noqa: E731
        charts_w, charts_c, pdf_w, pdf_c, docx_w, total_w = [], [], [], [], [], []
        for _ in range(args.runs):
            charts, wall, cpu = timed(lambda: chart_images(plan, say))  # noqa: B023
            charts_w.append(wall)
            charts_c.append(cpu)
            pdf, wall, cpu = timed(lambda: export_plan(plan, "pdf", prompts, charts))  # noqa: B023
            pdf_w.append(wall)
            pdf_c.append(cpu)
            total_w.append(charts_w[-1] + wall)
            docx, wall, _ = timed(lambda: export_plan(plan, "docx", prompts, charts))  # noqa: B023
            docx_w.append(wall)
        reader = PdfReader(io.BytesIO(pdf))
        images = sum(len(page.images) for page in reader.pages)
        med = statistics.median
        print(f"{plan.language:4}  {len(pdf) / 1024:6.0f}  {len(reader.pages):5}  {images:6}  "
              f"{med(charts_w):6.0f} ({med(charts_c):4.0f})  {med(pdf_w):5.0f} ({med(pdf_c):4.0f})"
              f"  {med(total_w):12.0f}  {len(docx) / 1024:7.0f}  {med(docx_w):7.0f}  "
              f"{plan.business[:40]}")


if __name__ == "__main__":
    main()
