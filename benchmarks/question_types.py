"""Question types learned from examples (assistant/answering/question_types.py) on a set of
questions in format D: accuracy overall, per language and per type, against the cue lists alone
(questions.py, mapped to the same types), and the time per question.

    .venv/bin/python benchmarks/question_types.py [--set dev|blind] [--errors]

dev: tests/eval/question_types_dev.jsonl (thresholds set on it); blind:
tests/eval/question_types_blind.jsonl (written by someone who never read the code; run once)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.answering.question_types import QuestionTyper, cued_types, masker  # noqa: E402
from assistant.indexing.embeddings import embed, make_embedding_function  # noqa: E402
from assistant.indexing.knowledge import load_knowledge  # noqa: E402
from assistant.search.concepts import ConceptIndex  # noqa: E402
from assistant.settings import Settings  # noqa: E402

SETS = {"dev": "question_types_dev.jsonl", "blind": "question_types_blind.jsonl"}
CUE_ORDER = ("formula", "cost", "example", "difference", "quantity", "list", "howto",
             "definition")


def cue_baseline(text: str, lang: str) -> str:
    """The type the cue lists alone would give (the most specific cued type, else other)."""
    found = cued_types(text, lang)
    return next((kind for kind in CUE_ORDER if kind in found), "other")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="dev", choices=tuple(SETS))
    parser.add_argument("--no-mask", action="store_true", help="concept names not masked")
    parser.add_argument("--errors", action="store_true", help="print the misses (dev only)")
    args = parser.parse_args()
    path = ROOT / "tests" / "eval" / SETS[args.set]
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    function = make_embedding_function(Settings(_env_file=None))
    settings = Settings(_env_file=None)
    concepts = ConceptIndex(load_knowledge(settings.knowledge_dir).concepts)
    mask = None if args.no_mask else masker(concepts.masked)
    typer = QuestionTyper(lambda texts: embed(function, texts), mask=mask)
    typer.classify("warm up", "en")
    right: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    cue_right = 0
    times = []
    for row in rows:
        started = time.perf_counter()
        got = typer.classify(row["text"], row["lang"])
        times.append(time.perf_counter() - started)
        ok = got == row["type"]
        cue_right += cue_baseline(row["text"], row["lang"]) == row["type"]
        for key in ("all", f"lang:{row['lang']}", f"type:{row['type']}"):
            right[key][0] += ok
            right[key][1] += 1
        if not ok and args.errors and args.set == "dev":
            print(f"  {row['id']} {row['type']:>10} -> {got:<10} {row['text']}")
    n = len(rows)
    times.sort()
    print(f"{args.set} ({n}): accuracy {right['all'][0] / n:.2f} ({right['all'][0]}/{n}); "
          f"cue lists alone {cue_right / n:.2f} ({cue_right}/{n}); "
          f"p50 {times[n // 2] * 1000:.0f} ms per question")
    for prefix in ("lang:", "type:"):
        print("    " + ", ".join(f"{k[len(prefix):]} {v[0]}/{v[1]}" for k, v in
                                 sorted(right.items()) if k.startswith(prefix)))


if __name__ == "__main__":
    main()
