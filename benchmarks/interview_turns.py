"""Interview turns (format B in /work/blind/FORMATS.md): each row sets up an interview with the
answers so far and the pending question (or the summary), sends one message through the
conversation (`ChatInterview.turn`, the embedding model on) and checks what it did. Prints, per
language and overall: corrections that changed the right fact, answers taken as answers, side
questions taken as side questions, and reading accuracy (the fact after the message equals the
expected value, for every row that names one).

    .venv/bin/python benchmarks/interview_turns.py [--set dev|dev2|...|dev7|blind|blind2|blind3]
        [--errors]

dev: tests/eval/interview_turns_dev.jsonl (ours, 98 turns, used to set the correction weights);
dev2: tests/eval/interview_turns_dev2.jsonl (ours, 24 turns written after the code, run once, not
tuned on); dev3: tests/eval/interview_turns_dev3.jsonl (ours, 32 corrections of every kind of fact
in four languages, written for the correction reader's examples); dev4:
tests/eval/interview_turns_dev4.jsonl (ours, 28 corrections written before the #22 round's tuning,
of the kinds the others cover little: full months, the goal's metric, hours, start, average sale,
margin, customers today, exclusions, the name; corrections at pending questions too); dev5:
tests/eval/interview_turns_dev5.jsonl (ours, 32 turns, 8 per language, written before the redesign
of the correction reader: corrections said without a cue word, "we're two now", "it's a repair
service, not a shop", "I meant September not January", at the summary and while another question
waits); dev6: tests/eval/interview_turns_dev6.jsonl (ours, 40 turns, 10 per language, written
before the #22 listening round: corrections that name the field only by the value or the
wording ("more like 3k", "the slow part of the year"), corrections while another question
waits, denied months ("on ferme en janvier, pas en février"), two facts in one message, one
answer and one side question per language); dev7: tests/eval/interview_turns_dev7.jsonl (ours, 40
turns, 10 per language, written before the #22 round of 7 Dec: corrections and answers typed in
another language than the interview's, English corrections without cue words ("no wait, two
people", "actually it's 2k", "make that 6 months"), additions ("Anche TikTok"), goals told as
"N more" ("10 cavistes de plus", "another 20 clients"), one side question per language);
dev8: tests/eval/interview_turns_dev8.jsonl (ours, 32 turns, 8 per language, written before the
early-answer reading of 7 Dec: answers to a later question typed while another waits, "we want to
go from 55% to 85% occupancy" at the competitors question, stored for that question; and answers
to the pending question that look like another's, which stay where they are);
dev10: tests/eval/interview_turns_dev10.jsonl (48 turns, 6 side questions and 6 answers per
language, written on 7 Dec by a writer who never read the code, tuned on: questions that name a
channel, a month or an amount, answers that end with "?");
dev9: tests/eval/interview_turns_dev9.jsonl (48 turns, 12 per language, written on 7 Dec by a
writer who never read the code, tuned on: corrections in many shapes, "not only August", "I
wrote 18 but it's 12", a goal counted in another metric, answers followed by a question);
blind: tests/eval/interview_turns_blind.jsonl (written by someone who never read the code);
blind2: tests/eval/interview_turns_blind2.jsonl (80 turns, a second writer who never read the code,
6 Dec 2026: 40 corrections at the summary and while another question is pending, 25 answers that
look like something else, 15 side questions; measured, never tuned on); blind4:
tests/eval/interview_turns_blind4.jsonl (84 turns, 21 per language, a writer who never read the
code, 7 Dec 2026, before that day's changes: businesses outside the playbook's types, 48
corrections, 20 answers, 16 side questions; measured, never tuned on).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import Assistant  # noqa: E402
from assistant.planning.interview.facts import current  # noqa: E402
from assistant.planning.interview.state import ASKING, CONFIRMING  # noqa: E402
from assistant.settings import LANGUAGES, Settings  # noqa: E402
from assistant.text import fold  # noqa: E402

# Every tests/eval/interview_turns_<name>.jsonl is a set (dev*: tuned on; blind*: report only).
SETS = {p.stem.removeprefix("interview_turns_"): p.name
        for p in sorted((ROOT / "tests" / "eval").glob("interview_turns_*.jsonl"))}
OWNER = "user:bench"


def set_up(a: Assistant, row: dict[str, Any]) -> str:
    """A saved interview holding the row's answers, asking its pending question."""
    plans = a.plans
    iid = plans.start_interview(OWNER, row["lang"]).interview_id
    for key, value in row["answers_so_far"].items():
        if key == "language":
            continue
        try:
            plans.edit(iid, key, value, OWNER)
        except Exception:  # noqa: BLE001 - an answer the interview refuses stays unanswered
            continue
    state = plans.database.load_interview(iid, OWNER)
    state.plan_id, state.chat_closed = None, False
    if row["pending"] == "summary":
        state.position, state.status = None, CONFIRMING
    else:
        state.position, state.status = row["pending"], ASKING
        state.answers.pop(row["pending"], None)
    plans.database.save_interview(state)
    for other in plans.database.list_interviews(OWNER):  # only this one is under way
        if other.id != iid and not other.chat_closed:
            plans.add_chat_lines(other.id, OWNER, [], closed=True)
    return iid


def fact(a: Assistant, iid: str, field: str) -> Any:
    """The value of a format-B field in the interview now."""
    plans = a.plans
    state = plans.database.load_interview(iid, OWNER)
    if field.startswith("slot:"):  # an answer told before its question: stored there
        return "answered" if field.removeprefix("slot:") in state.answers else None
    machine = plans.interviewer
    return current(state, machine.understood(state), field, plans.playbook)


def matches(field: str, got: Any, expected: Any) -> bool:
    """Whether the value read equals the expected one (names and labels: contained, folded)."""
    if expected is None:
        return True
    if field in ("channels", "excluded"):
        have = [fold(str(g)) for g in got or []]
        return all(any(fold(e) in h or h in fold(e) for h in have) for e in expected)
    if field in ("business_label", "name", "goal_metric"):
        return got is not None and fold(str(expected)).strip() in fold(str(got))
    if isinstance(expected, list):
        return sorted(got or []) == sorted(expected)
    if isinstance(expected, int | float) and isinstance(got, int | float):
        return abs(float(got) - float(expected)) < 1e-6 * max(1.0, abs(float(expected)))
    return got == expected


def run(a: Assistant, row: dict[str, Any]) -> tuple[str, bool | None, Any]:
    """(what the conversation took the message for, whether the fact reads right, value)."""
    iid = set_up(a, row)
    turn = a.conversation.turn(OWNER, row["text"], row["lang"])
    kind = {"goto": "correction", "unclear": "correction"}.get(turn.kind, turn.kind)
    if row["field"] is None:
        return kind, None, None
    got = fact(a, iid, row["field"])
    return kind, matches(row["field"], got, row["expected"]), got


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="dev", choices=tuple(SETS))
    parser.add_argument("--errors", action="store_true", help="print each wrong row")
    args = parser.parse_args()
    path = ROOT / "tests" / "eval" / SETS[args.set]
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, data_dir=Path(tmp), knowledge_dir=ROOT / "knowledge",
                            prompts_dir=ROOT / "prompts")
        a = Assistant(settings)
        started = time.perf_counter()
        tallies: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
        for row in rows:
            kind, right, got = run(a, row)
            label = row["label"]
            took = kind == label
            ok = took and right is not False
            for lang in (row["lang"], "all"):
                tallies[lang][label].append(ok)
                if right is not None:
                    tallies[lang]["reading"].append(bool(right))
            if args.errors and not ok:
                print(f"  {row['id']} [{row['pending']}] {row['text']!r}: took {kind or '?'} "
                      f"(want {label}); {row['field']}={got!r} (want {row['expected']!r})")
        elapsed = time.perf_counter() - started
    print(f"set: {args.set} ({len(rows)} turns, {elapsed:.0f}s)")
    print("lang  corrections right  answers as answers  side questions     early answers      "
          "reading accuracy")
    for lang in (*LANGUAGES, "all"):
        t = tallies[lang]
        cells = []
        for key in ("correction", "answer", "side_question", "early_answer", "reading"):
            seen = t[key]
            cells.append(f"{sum(seen)}/{len(seen)} ({sum(seen) / len(seen):.2f})" if seen
                         else "-")
        print(f"{lang:<5} " + "  ".join(f"{c:<17}" for c in cells))


if __name__ == "__main__":
    main()
