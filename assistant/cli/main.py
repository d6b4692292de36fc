"""The `assistant` command line. Domain errors become one-line messages and exit codes here."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from ..errors import EstrategaError
from ..facade import Assistant
from ..language import LanguageDetector
from ..messages import describe
from ..prompts import PromptLibrary
from ..settings import LANGUAGES

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
LOCAL_OWNER = "local"  # documents added from the command line
Handler = Callable[[Assistant, argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    assistant = Assistant()
    try:
        return args.handler(assistant, args)
    except EstrategaError as exc:
        lang = getattr(args, "lang", None) or _guess_lang(args)
        # not the runtime's: the error may be that the runtime cannot be built
        print(describe(exc, lang, PromptLibrary(assistant.settings.prompts_dir)),
              file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `assistant ask ... | head`: the reader left, that is fine
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """All subcommands."""
    from .answers import register as register_answers
    from .plan import register as register_plan

    parser = argparse.ArgumentParser(prog="assistant", description="Estratega, a marketing "
                                     "strategy assistant (ES/FR/IT/EN).")
    sub = parser.add_subparsers(dest="command")

    ingest = sub.add_parser("ingest", help="index knowledge/ into the store")
    ingest.add_argument("--rebuild", action="store_true", help="start from an empty store")
    ingest.set_defaults(handler=cmd_ingest)

    search = sub.add_parser("search", help="find passages")
    search.add_argument("query")
    search.add_argument("--k", type=int, default=5)
    search.add_argument("--lang", help="only passages in this language (es, fr, it, en)")
    search.add_argument("--kind", choices=["article", "concept", "upload"])
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=cmd_search)

    concept = sub.add_parser("concept", help="look up a marketing concept")
    concept.add_argument("term")
    concept.add_argument("--lang", help="language of the card (es, fr, it, en)")
    concept.add_argument("--json", action="store_true")
    concept.set_defaults(handler=cmd_concept)

    sources = sub.add_parser("sources", help="list the indexed sources")
    sources.add_argument("--json", action="store_true")
    sources.set_defaults(handler=cmd_sources)

    add = sub.add_parser("add", help="add your own document (.txt, .md, .pdf, .docx)")
    add.add_argument("path")
    add.set_defaults(handler=cmd_add)

    remove = sub.add_parser("remove", help="remove a document you added")
    remove.add_argument("source_id")
    remove.set_defaults(handler=cmd_remove)

    register_answers(sub)
    register_plan(sub)
    return parser


def cmd_ingest(assistant: Assistant, args: argparse.Namespace) -> int:
    """Index the knowledge base with a progress bar; skipped files are named."""
    from tqdm import tqdm

    bar = tqdm(total=100, unit="%", desc="ingest", file=sys.stderr, leave=False, disable=None)

    def progress(fraction: float, label: str) -> None:
        bar.n = int(fraction * 100)
        bar.set_postfix_str(label[:40])
        bar.refresh()

    report = assistant.ingest(rebuild=args.rebuild, progress=progress)
    bar.close()
    for problem in report.skipped:
        print(describe(problem, "en", assistant.prompts), file=sys.stderr)
    print(
        f"added {len(report.added)}, updated {len(report.updated)}, removed "
        f"{len(report.removed)}, unchanged {report.unchanged} sources; "
        f"+{report.chunks_added}/-{report.chunks_removed} chunks in {report.seconds:.1f}s"
    )
    return EXIT_OK


def cmd_search(assistant: Assistant, args: argparse.Namespace) -> int:
    """Print the best passages."""
    if args.k < 1 or args.k > 100:
        print("--k must be between 1 and 100", file=sys.stderr)
        return EXIT_USAGE
    hits = assistant.search(args.query, k=args.k, lang=args.lang, kind=args.kind)
    if args.json:
        _print_json([h.as_dict() for h in hits])
        return EXIT_OK
    for i, hit in enumerate(hits, 1):
        snippet = " ".join(hit.text.split())[:220]
        print(f"[{i}] {hit.title} ({hit.language}, {hit.kind}) score={hit.score:.4f}")
        print(f"    {snippet}")
    return EXIT_OK


def cmd_concept(assistant: Assistant, args: argparse.Namespace) -> int:
    """Print a concept card, with the other languages beside it."""
    card = assistant.concept(args.term, lang=args.lang)
    if args.json:
        _print_json(card.as_dict())
        return EXIT_OK
    print(f"{card.name}  [{card.language}]")
    if card.aliases:
        print("  " + ", ".join(card.aliases))
    print()
    if card.notice:
        print(card.notice)
    print(card.explanation)
    print()
    for lang in LANGUAGES:
        if lang in card.translations:
            print(f"  {lang}: {card.translations[lang]['name']}")
    if card.related:
        print("  → " + ", ".join(r["name"] for r in card.related))
    for passage in card.passages:
        print(f"  « {passage['title']} » ({passage['language']})")
    return EXIT_OK


def cmd_sources(assistant: Assistant, args: argparse.Namespace) -> int:
    """One line per indexed source."""
    records = assistant.sources()
    if args.json:
        _print_json([r.__dict__ for r in records])
        return EXIT_OK
    for r in records:
        print(f"{r.source_id:45} {r.kind:8} {r.language}  {r.chunks:3} chunks  {r.title}")
    return EXIT_OK


def cmd_add(assistant: Assistant, args: argparse.Namespace) -> int:
    """Check, save and index a local document (owner "local")."""
    from pathlib import Path

    path = Path(args.path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"{path}: {exc.strerror}", file=sys.stderr)
        return EXIT_ERROR
    record = assistant.add_document(path.name, data, owner=LOCAL_OWNER)
    print(f"{record.source_id}  {record.language}  {record.chunks} chunks  {record.title}")
    return EXIT_OK


def cmd_remove(assistant: Assistant, args: argparse.Namespace) -> int:
    """Remove a document added from this machine."""
    assistant.remove_document(args.source_id, owner=None)
    return EXIT_OK


def _print_json(payload: Any) -> None:
    print(json.dumps(payload, ensure_ascii=False, indent=2))


def _guess_lang(args: argparse.Namespace) -> str:
    text = getattr(args, "query", None) or getattr(args, "term", None) or ""
    try:
        return LanguageDetector().detect(text) if text.strip() else "en"
    except Exception:  # noqa: BLE001 - only picks the message language
        return "en"


if __name__ == "__main__":
    sys.exit(main())
