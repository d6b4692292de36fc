"""`assistant ask` and `assistant chat`: grounded answers in the terminal."""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from dataclasses import replace
from pathlib import Path

from ..answering.answers import Answer
from ..conversation import Line
from ..errors import EstrategaError
from ..facade import Assistant
from ..messages import describe


def register(sub: argparse._SubParsersAction) -> None:
    """Add the answer commands."""
    ask = sub.add_parser("ask", help="answer a question from the knowledge base")
    ask.add_argument("question")
    ask.add_argument("--lang", help="answer in this language (es, fr, it, en)")
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    ask.set_defaults(handler=cmd_ask)

    chat = sub.add_parser("chat", help="interactive conversation with memory")
    chat.add_argument("--lang", help="answer in this language (es, fr, it, en)")
    chat.set_defaults(handler=cmd_chat)


def cmd_ask(assistant: Assistant, args: argparse.Namespace) -> int:
    """Stream the answer, then the numbered sources (or one JSON object)."""
    if args.json:
        answer = assistant.ask(args.question, lang=args.lang)
        print(json.dumps(answer.as_dict(), ensure_ascii=False, indent=2))
        return 0
    _stream(assistant, args.question, None, args.lang)
    return 0


def cmd_chat(assistant: Assistant, args: argparse.Namespace) -> int:
    """A conversation until EOF; a request for a plan starts the guided interview inside it
    (quick replies shown as numbers to type). Errors are shown and the chat goes on."""
    conversation = uuid.uuid4().hex
    lang = args.lang or "en"
    shared = assistant.conversation
    chat = replace(shared, renderer=replace(shared.renderer, terminal=True))  # no UI words
    print("Estratega — Ctrl-D to quit.", file=sys.stderr)
    for line in chat.history(CHAT_OWNER):  # an interview left under way: where it was
        _print_line(line)
    while True:
        try:
            question = input("> ")
        except EOFError:
            print(file=sys.stderr)
            return 0
        if not question.strip():
            continue
        try:
            text = assistant.check_query(question)
            turn = chat.turn(CHAT_OWNER, text, lang)
            for line in turn.lines:
                _print_line(line)
            if turn.plan_id:
                _save_plan(assistant, turn.plan_id, turn.lang)
            if turn.ask is not None:
                answer = _stream(assistant, turn.ask, conversation,
                                 turn.lang if turn.interview_id else args.lang)
                chat.answered(CHAT_OWNER, turn, text, answer)
                for line in turn.then:
                    _print_line(line)
            lang = turn.lang if turn.interview_id else lang
        except EstrategaError as exc:
            print(describe(exc, lang, assistant.prompts), file=sys.stderr)


CHAT_OWNER = "cli"  # the same owner as `assistant plan` and `assistant interview`


def _save_plan(assistant: Assistant, plan_id: str, lang: str) -> None:
    """The drafted plan written next to the user (Markdown), and where it is."""
    path = Path(f"plan-{plan_id}.md")
    path.write_bytes(assistant.plans.export_plan(plan_id, "md", CHAT_OWNER))
    print(assistant.prompts.phrase("conversation", lang, "plan_open_cli",
                                           path=str(path.resolve())) + "\n")


def _print_line(line: Line) -> None:
    """One conversation line in the terminal; quick replies listed (typing one answers)."""
    if line.role == "user":
        print(f"> {line.text}")
        return
    if line.title:
        print(f"  {line.title}")
        return
    print(line.text + "\n")
    if line.options:
        print("  " + " · ".join(label for label, _ in line.options) + "\n")


def _stream(assistant: Assistant, question: str, conversation: str | None,
            lang: str | None) -> Answer:
    final: Answer | None = None
    for event in assistant.stream(question, conversation_id=conversation, lang=lang):
        if event.type == "delta":
            print(event.text, end="", flush=True)
        elif event.type == "notice":
            print(event.text, file=sys.stderr, flush=True)
        else:
            final = event.answer
    assert final is not None
    print("\n")
    for c in final.citations:
        print(f"[{c.marker}] {c.title} ({c.language}, {c.kind}) — {c.source_id}")
    prompts = assistant.prompts
    name = final.composer if final.composer != "grounded" else prompts.phrase(
        "composer", final.language, "composer_name")
    print(prompts.phrase("composer", final.language, "answered_by", composer=name),
          file=sys.stderr)
    return final
