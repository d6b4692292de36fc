"""`assistant plan` (answers file -> plan file) and `assistant interview` (in the terminal)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..errors import DataDirNotWritable, PlanInputError
from ..planning.plan import FORMATS
from ..settings import LANGUAGES

if TYPE_CHECKING:
    from ..facade import Assistant
    from ..planning.interview import InterviewView

CLI_OWNER = "cli"


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `plan` and `interview` subcommands."""
    plan = sub.add_parser("plan", help="draft a marketing plan from an answers file")
    plan.add_argument("--answers", required=True, type=Path, help="answers JSON file")
    plan.add_argument("--format", choices=FORMATS, default="md")
    plan.add_argument("--out", type=Path, help="output file (default: print md/json)")
    plan.set_defaults(handler=cmd_plan)

    interview = sub.add_parser("interview", help="answer a guided interview in the terminal")
    interview.add_argument("--lang", choices=LANGUAGES, help="language of the interview")
    interview.add_argument("--format", choices=FORMATS, default="md")
    interview.add_argument("--out", type=Path, help="where to write the plan")
    interview.set_defaults(handler=cmd_interview)


def cmd_plan(assistant: Assistant, args: argparse.Namespace) -> int:
    """Read the answers, draft the plan, write it; nothing is written when the answers fail."""
    try:
        answers = json.loads(args.answers.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PlanInputError(problems=[f"{args.answers}: file not found"]) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PlanInputError(problems=[f"{args.answers}: not valid JSON ({exc})"]) from None
    if isinstance(answers, dict) and answers.get("language") in LANGUAGES:
        args.lang = answers["language"]  # problems are then told in the answers' language
    lang = args.lang if getattr(args, "lang", None) in LANGUAGES else "en"
    plan = assistant.plans.draft_plan(answers, owner=CLI_OWNER,
                                      progress=_draft_progress(assistant, lang))
    data = assistant.plans.export_plan(plan.id, args.format, owner=CLI_OWNER)
    _write(data, args.format, args.out)
    return 0


def _draft_progress(assistant: Assistant, lang: str):  # noqa: ANN202
    """Prints, on stderr, which section a model is writing (only called when one drafts)."""
    prompts = assistant.prompts

    def show(section: str, event: str, attempt: int) -> None:
        name = prompts.phrase("plan", lang, f"headings.{section}")
        print(prompts.phrase("plan", lang, f"drafting.progress_{event}", section=name,
                             attempt=attempt), file=sys.stderr, flush=True)

    return show


def cmd_interview(assistant: Assistant, args: argparse.Namespace,
                  stdin: TextIO | None = None) -> int:
    """Ask the questions one by one on stdin/stdout (works when piped); write the plan."""
    stdin = stdin or sys.stdin
    view = assistant.plans.start_interview(CLI_OWNER, args.lang)
    while view.plan_id is None:
        _show(assistant, view)
        line = stdin.readline()
        if not line:  # end of input before the plan: the interview stays saved
            print(f"\n[{view.interview_id}]", file=sys.stderr)
            return 1
        view = assistant.plans.answer(view.interview_id, line.strip(), CLI_OWNER)
    for message in view.messages:
        print(message)
    data = assistant.plans.export_plan(view.plan_id, args.format, CLI_OWNER)
    out = args.out or Path(f"plan-{view.plan_id}.{args.format}")
    _write(data, args.format, out)
    print(assistant.prompts.phrase("interview", view.lang, "messages.plan_ready", path=out))
    return 0


def _show(assistant: Assistant, view: InterviewView) -> None:
    say = lambda key, **v: assistant.prompts.phrase("interview", view.lang, key, **v)  # noqa: E731
    for message in view.messages:
        print(f"  {message}")
    if view.slot is None:
        print(view.question)
        for n, item in enumerate(view.summary, 1):
            print(f"  {n}. {item.label}: {item.value}")
        if view.understood:
            print(f"\n{view.understood}\n  {view.understood_hint}")
        print("  " + say("messages.details_hint"))
    else:
        print(f"\n[{say('messages.progress', step=view.step, total=view.total)}] {view.question}")
        print(f"  {view.example}")
        if view.current_value:
            print("  " + say("messages.current", value=view.current_value))
        if view.choices:
            print("  " + say("messages.choices") + ": " + " · ".join(
                f"{n}) {c.label}" for n, c in enumerate(view.choices, 1)))
        if view.optional:
            print("  " + say("messages.optional"))
    print("> ", end="", flush=True)


def _write(data: bytes, fmt: str, out: Path | None) -> None:
    if out is None:
        if fmt in ("docx", "pdf"):  # binary: never to a terminal
            raise PlanInputError(problems=[f"--format {fmt} needs --out PATH"])
        sys.stdout.write(data.decode("utf-8"))
        return
    tmp = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        tmp.replace(out)  # all or nothing
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DataDirNotWritable(str(exc), where=str(out.parent)) from exc
