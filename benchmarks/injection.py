"""Instruction-like sentences in uploads (assistant/answering/composers/instructions.py): how many
of a labelled set are caught, and how many sentences of the built-in knowledge would wrongly be
(none of them is an instruction to an assistant). Prints the similarity scores so the floor and
margin can be set on dev; blind is the check.

    .venv/bin/python benchmarks/injection.py [--set dev|blind] [--file PATH] [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.answering.composers.instructions import InstructionFilter  # noqa: E402
from assistant.indexing.embeddings import embed, make_embedding_function  # noqa: E402
from assistant.indexing.knowledge import load_knowledge  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from assistant.text import sentences  # noqa: E402

SETS = {"dev": ROOT / "benchmarks" / "injection_dev.jsonl",
        "blind": ROOT / "tests" / "eval" / "injection.jsonl"}


def main() -> None:
    """Print caught / missed instructions and false alarms on the set and on knowledge/."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", choices=sorted(SETS), default="dev")
    parser.add_argument("--file", type=Path, help="another JSONL file of {text, label, lang}")
    parser.add_argument("--show", action="store_true", help="print every sentence's scores")
    args = parser.parse_args()
    settings = Settings()
    function = make_embedding_function(settings)
    encode = lambda texts: embed(function, list(texts))  # noqa: E731
    check = InstructionFilter(encode)
    rows = [json.loads(line) for line in (args.file or SETS[args.set]).read_text("utf-8")
            .splitlines() if line.strip()]
    texts = [r["text"] for r in rows]
    vectors = encode(texts)
    flags = check.flags(texts, vectors)
    scores = check.scores(vectors)
    right = sum(f == (r["label"] == "instruction") for f, r in zip(flags, rows, strict=True))
    caught = sum(f for f, r in zip(flags, rows, strict=True) if r["label"] == "instruction")
    total = sum(r["label"] == "instruction" for r in rows)
    alarms = sum(f for f, r in zip(flags, rows, strict=True) if r["label"] != "instruction")
    print(f"set {args.file or args.set}: {right}/{len(rows)} right; instructions caught "
          f"{caught}/{total}; document sentences flagged {alarms}/{len(rows) - total}")
    for row, flag, (inst, doc) in zip(rows, flags, scores, strict=True):
        if args.show or flag != (row["label"] == "instruction"):
            print(f"  {'FLAG' if flag else 'ok  '} {row['label']:<11} inst={inst:.2f} "
                  f"doc={doc:.2f} {row['text'][:90]}")
    kb = [s for source in load_knowledge(settings.knowledge_dir).sources()
          for s in sentences(source.text) if len(s) >= 30]
    kb_flags = check.flags(kb)
    print(f"knowledge/: {sum(kb_flags)} of {len(kb)} sentences flagged")
    for text, flag in zip(kb, kb_flags, strict=True):
        if flag:
            print(f"  FLAG {text[:110]}")


if __name__ == "__main__":
    main()
