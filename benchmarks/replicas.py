"""What keeping replicas in step costs on the search path.

    .venv/bin/python benchmarks/replicas.py            # PostgreSQL + a chroma server, loopback

Starts a throwaway PostgreSQL cluster and a `chroma run` server, indexes the built-in knowledge
into them, then prints: the change-counter check every search makes (no change: one indexed
row read), for PostgreSQL and for the embedded SQLite default; a search with and without that
check; and the catch-up a replica does after another one added or removed a document (its whole
BM25 index aligned with the store)."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

QUERIES = ["¿Qué es el marketing operativo?", "segmentation et ciblage", "analisi SWOT",
           "how to set a marketing budget", "indicatori KPI per una piccola impresa",
           "posicionamiento de marca", "customer acquisition cost", "mix marketing 4P"]


def timed(call, repeat: int) -> list[float]:  # noqa: ANN001
    """Milliseconds of each call."""
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        out.append((time.perf_counter() - started) * 1000)
    return out


def line(label: str, values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return f"{label:<46}{statistics.median(ordered):>9.3f}{p95:>9.3f}{len(ordered):>7}"


def main() -> int:
    """Run the measurements and print them."""
    from assistant import Assistant
    from assistant.search.retrieval import HybridRetriever
    from assistant.storage import Database
    from tests.conftest import make_settings
    from tests.pg_server import PostgresServer, free_port
    from tests.test_store_server import _start as start_chroma

    postgres = PostgresServer().start()
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="estratega-bench-") as folder:
        root = Path(folder)
        chroma = start_chroma(root / "chroma", port)
        try:
            url = postgres.new_database()
            settings = make_settings(root / "a", chroma_host="127.0.0.1", chroma_port=port,
                                     database_url=url)
            started = time.perf_counter()
            assistant = Assistant(settings)
            report = assistant.ingest()
            print(f"indexed {report.chunks_added} chunks in {time.perf_counter() - started:.0f} s"
                  f" (chroma server + PostgreSQL)")
            rt = assistant.open()
            sync = rt.sync
            print(f"{'':<46}{'p50 ms':>9}{'p95 ms':>9}{'n':>7}")
            print(line("counter check, PostgreSQL (no change)", timed(sync.catch_up, 2000)))
            sqlite = Database(root / "bench.sqlite3")
            sqlite.migrate()
            print(line("counter check, SQLite (no change)",
                       timed(lambda: sqlite.counter("index"), 2000)))
            plain = HybridRetriever(rt.retriever.store, rt.lexical, rt.vectors, rt.concepts,
                                    rt.retriever.config)
            for q in QUERIES:  # warm the query-vector cache: time the search, not the embedding
                rt.vectors(q)
            rounds = 25
            with_check, without = [], []
            for _ in range(rounds):
                for q in QUERIES:
                    without += timed(lambda q=q: plain.search(q, 5), 1)
                    with_check += timed(lambda q=q: rt.retriever.search(q, 5), 1)
            print(line("search, without the check", without))
            print(line("search, with the check", with_check))
            catch = []
            for _ in range(10):
                rt.database.bump("index")  # as if another replica had added a document
                catch += timed(sync.catch_up, 1)
            print(line(f"catch-up after a change ({len(rt.lexical)} BM25 chunks)", catch))
        finally:
            chroma.terminate()
            chroma.wait(timeout=20)
            postgres.destroy()
    return 0


if __name__ == "__main__":
    sys.exit(main())
