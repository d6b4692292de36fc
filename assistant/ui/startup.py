"""What `app.py` does before serving: ingest on first start (with console progress), warm up."""

from __future__ import annotations

import sys
import time

from ..facade import Assistant


def prepare(assistant: Assistant, out=sys.stderr) -> float:  # noqa: ANN001
    """Index the built-in knowledge if it is missing, then load the retriever; seconds taken."""
    started = time.perf_counter()
    if not assistant.is_ingested():
        print("Estratega: first start, indexing the built-in knowledge…", file=out, flush=True)

        def show(fraction: float, label: str) -> None:
            bar = "#" * int(fraction * 30)
            print(f"\r  [{bar:<30}] {fraction:4.0%} {label[:40]:<40}", end="", file=out,
                  flush=True)

        report = assistant.ingest(progress=show)
        print(f"\n  {report.chunks_added} passages indexed in {report.seconds:.1f} s", file=out,
              flush=True)
    assistant.warm_up()  # the store, once, and one query, so the first question is fast
    return time.perf_counter() - started
