"""The intent recogniser on tests/eval/intents.jsonl: plan request vs question (messages with no
pending question) and answer vs question (messages sent while a slot is pending), per split and
language. Weights were set on dev only; blind is the check. `--data
tests/eval/intents_statements_dev.jsonl` (ours, 32 statements written for #22 on 7 Dec: thanks,
facts about the business, corrections of a place or a team, 8 per language): right when a
statement is not taken for a plan request (after a plan, one would start a new interview).
`--data tests/eval/courtesy_dev.jsonl --split dev` (48 messages written before the courtesy
examples, 12 per language) and `--data tests/eval/courtesy_blind.jsonl --split blind` (64,
written by a helper who never read the code): rows with a `pending` question (or "none") are
courtesy ("Merci !", "ok perfetto") or other (a short answer, a thanks with a question, a fact
or a plan request), as `IntentRecognizer.courtesy` reads them.

    .venv/bin/python benchmarks/intents.py [--split dev|blind|all] [--data FILE] [--no-model]
        [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.conversation.intents import IntentRecognizer  # noqa: E402
from assistant.conversation.slot_examples import slot_examples  # noqa: E402
from assistant.indexing.embeddings import embed, make_embedding_function  # noqa: E402
from assistant.planning.interview.slots import BY_KEY  # noqa: E402
from assistant.prompts import PromptLibrary  # noqa: E402
from assistant.settings import LANGUAGES, Settings  # noqa: E402

DATA = ROOT / "tests" / "eval" / "intents.jsonl"


def predict(recognizer: IntentRecognizer, row: dict) -> str:
    """The recogniser's label for one row."""
    if "pending" in row:  # a courtesy set: politeness, or anything else
        slot = None if row["pending"] == "none" else row["pending"]
        return "courtesy" if recognizer.courtesy(row["text"], slot).yes else "other"
    slot = row["context"]
    if slot is None:
        return "plan_request" if recognizer.plan_request(row["text"]).yes else "question"
    return "answer" if recognizer.answer(row["text"], slot, BY_KEY[slot].kind).yes else "question"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="all", choices=("dev", "blind", "all"))
    parser.add_argument("--no-model", action="store_true", help="cues only (no embeddings)")
    parser.add_argument("--data", type=Path, default=DATA, help="a jsonl of labelled messages")
    parser.add_argument("--errors", action="store_true", help="print each wrong row")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line]
    settings = Settings()
    fn = None if args.no_model else make_embedding_function(settings)
    recognizer = IntentRecognizer(None if fn is None else (lambda t: embed(fn, t)),
                                  slot_examples(PromptLibrary(settings.prompts_dir)))
    splits = ("dev", "blind") if args.split == "all" else (args.split,)
    started = time.perf_counter()
    predict(recognizer, rows[0])  # prototypes embedded once
    print(f"model: {'none (cues only)' if fn is None else settings.embedding_backend}; "
          f"first call {time.perf_counter() - started:.1f}s")
    for split in splits:
        for task, has_context in (("plan_request vs question", False),
                                  ("answer vs question (slot pending)", True),
                                  ("courtesy vs other", None)):
            chosen = [r for r in rows if r.get("split", split) == split and (
                "pending" in r if has_context is None else "pending" not in r
                and (r["context"] is not None) == has_context)]
            if not chosen:
                continue
            per_lang: dict[str, list[bool]] = defaultdict(list)
            started = time.perf_counter()
            for row in chosen:
                guess = predict(recognizer, row)
                right = guess != "plan_request" if row["label"] == "statement" else \
                    guess == row["label"]
                per_lang[row["lang"]].append(right)
                if args.errors and not right:
                    print(f"  x {row['id']} [{row['label']} -> {guess}] {row['text']}")
            ms = 1000 * (time.perf_counter() - started) / max(1, len(chosen))
            total = [ok for oks in per_lang.values() for ok in oks]
            langs = "  ".join(f"{lang} {sum(per_lang[lang])}/{len(per_lang[lang])}"
                              for lang in LANGUAGES if per_lang[lang])
            print(f"{split:5} {task:34} accuracy {sum(total) / max(1, len(total)):.2f} "
                  f"({sum(total)}/{len(total)})  {langs}  {ms:.0f} ms/message")


if __name__ == "__main__":
    main()
