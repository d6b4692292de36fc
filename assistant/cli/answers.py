"""`assistant ask` and `assistant chat`: grounded answers in the terminal."""

from __future__ import annotations

import argparse
import json
import sys
import uuid

from ..answering.answers import Answer
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
    """A conversation until EOF or an empty line twice; errors are shown and the chat goes on."""
    conversation = uuid.uuid4().hex
    lang = args.lang or "en"
    print("Estratega — Ctrl-D to quit.", file=sys.stderr)
    while True:
        try:
            question = input("> ")
        except EOFError:
            print(file=sys.stderr)
            return 0
        if not question.strip():
            continue
        try:
            answer = _stream(assistant, question, conversation, args.lang)
            lang = answer.language
        except EstrategaError as exc:
            print(describe(exc, lang, assistant.runtime.prompts), file=sys.stderr)


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
    prompts = assistant.runtime.prompts
    name = final.composer if final.composer != "grounded" else prompts.phrase(
        "composer", final.language, "composer_name")
    print(prompts.phrase("composer", final.language, "answered_by", composer=name),
          file=sys.stderr)
    return final
