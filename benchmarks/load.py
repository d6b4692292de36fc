"""Load test: N simultaneous `gradio_client` users against the app, on loopback only.

    .venv/bin/python benchmarks/load.py                   # starts the app, 20 users, 3 minutes
    .venv/bin/python benchmarks/load.py --duration 60
    .venv/bin/python benchmarks/load.py --url http://127.0.0.1:7860/ --pid 1234
    .venv/bin/python benchmarks/load.py --replicas 2      # PostgreSQL + chroma server + 2 apps
    .venv/bin/python benchmarks/load.py --url URL_A --pid PID_A --url URL_B --pid PID_B

Each user uploads one document carrying a secret word of their own, starts an interview with
that word in the business name, then loops over chat turns (about their secret and general
ones), concept lookups and interview answers until the time is up or the action cap is reached.
Cross-talk is any answer, listing or interview that shows another user's secret, or a user's own
answer that fails to cite their own document. Prints p50/p95 latency per action, the error and
cross-talk counts and the app's memory over time; exits 1 on any error or cross-talk.

With several replicas, user i talks to replica i mod n, and the figures (latency, errors, memory)
are printed per replica as well. `--replicas N` starts a throwaway PostgreSQL and a chroma server,
indexes the knowledge once, and runs N apps over them sharing one data folder, as
deploy/compose.yaml does.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

QUESTIONS = ["What is a SWOT analysis and how do I use it?",
             "¿Cómo debería fijar una pequeña empresa su presupuesto de marketing?",
             "Quels indicateurs une petite entreprise doit-elle suivre chaque mois ?",
             "Come scelgo i segmenti di clienti più adatti alla mia impresa?"]
TERMS = ["analisis dafo", "CAC", "mix marketing", "KPI", "posicionamiento", "segmentation"]


@dataclass
class Report:
    """What all users measured, shared under a lock."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    crosstalk: list[str] = field(default_factory=list)
    memory: list[tuple[float, float]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    # per replica (its URL): every latency, the error count, its memory samples
    replica_latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    replica_errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    replica_memory: dict[str, list[tuple[float, float]]] = field(
        default_factory=lambda: defaultdict(list))

    def timed(self, action: str, call, *args, replica: str = "", **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN201
        """Run one API call, recording its latency, or its error (then None)."""
        started = time.perf_counter()
        try:
            result = call(*args, **kwargs)
        except Exception as err:  # noqa: BLE001 - every failure is counted and reported
            with self.lock:
                self.errors.append(f"{action}: {type(err).__name__}: {str(err)[:200]}")
                self.replica_errors[replica] += 1
            return None
        with self.lock:
            elapsed = time.perf_counter() - started
            self.latencies[action].append(elapsed)
            self.replica_latencies[replica].append(elapsed)
        return result

    def leak(self, text: str) -> None:
        with self.lock:
            self.crosstalk.append(text)


def secret_word(index: int) -> str:
    """A made-up word no knowledge or other user's document contains."""
    return f"zorqa{index:02d}{uuid.uuid4().hex[:6]}"


def user(index: int, url: str, secrets: list[str], deadline: float, max_actions: int,
         folder: Path, report: Report, start: threading.Barrier) -> None:
    """One simulated user's session."""
    from gradio_client import Client, handle_file

    mine = secrets[index]

    def timed(action: str, call, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        return report.timed(action, call, *args, replica=url, **kwargs)
    others = [s for i, s in enumerate(secrets) if i != index]
    rng = random.Random(index)

    def check(action: str, value: object, *, expect_mine: bool = False) -> None:
        text = json.dumps(value, ensure_ascii=False, default=str).lower()
        for other in others:
            if other in text:
                report.leak(f"user {index} {action}: saw {other}")
        if expect_mine and mine not in text:
            report.leak(f"user {index} {action}: own document not cited")

    client = Client(url, verbose=False)
    doc = folder / f"notes-{mine}.txt"
    doc.write_text(f"The {mine} offer: our shop gives every customer who says {mine} at the till "
                   f"a free coffee with any order. The {mine} offer runs all year and keeps the "
                   f"{mine} promise simple.", encoding="utf-8")
    start.wait()
    timed("upload", client.predict, handle_file(str(doc)), "en", api_name="/upload")
    check("sources", timed("sources", client.predict, "en", api_name="/sources"))

    def ask_own() -> None:
        chat = timed("chat_own_doc", client.predict, f"What is the {mine} offer at our shop?",
                     "en", api_name="/ask")
        if chat is not None:
            check("chat_own_doc", chat[0][-6:], expect_mine=True)

    # Each user asks about their own document once, whatever the machine's speed (a loaded
    # machine spent a 12 s run on uploads alone and checked no answer); then the mix.
    ask_own()
    started = timed("interview", client.predict, "en", api_name="/start_interview")
    check("interview", started)
    steps = [f"{mine.capitalize()} Cafe, a small cafe in Lyon",
             "Coffee and pastries, about 3 euros a cup",
             "Students and office workers near the station"]
    actions, turns = 0, 0
    while time.perf_counter() < deadline and actions < max_actions:
        actions += 1
        roll = rng.random()
        if roll < 0.25:
            ask_own()
            turns += 1
        elif roll < 0.55:
            chat = timed("chat", client.predict, rng.choice(QUESTIONS), "en",
                                api_name="/ask")
            if chat is not None:
                check("chat", chat[0][-6:])
            turns += 1
        elif roll < 0.8:
            check("concept", timed("concept", client.predict, rng.choice(TERMS), "en",
                                          "en", api_name="/concept"))
        else:
            text = steps[min(len(steps) - 1, actions % len(steps))]
            check("interview", timed("interview", client.predict, text, "en",
                                            api_name="/answer"))
        if turns >= 6:  # a new conversation now and then keeps each session's history small
            timed("new_conversation", client.predict, api_name="/new_conversation")
            turns = 0
    saved = timed("saved_work", client.predict, "en", api_name="/saved_work")
    if saved is not None:
        check("saved_work", saved)
        if len(saved.get("choices", [])) != 1:
            report.leak(f"user {index} saved_work: {len(saved.get('choices', []))} items, not 1")


def sample_memory(pids: dict[str, int], report: Report, stop: threading.Event,
                  every: float = 2.0) -> None:
    """Each replica's resident memory every few seconds, until told to stop (the first
    replica's also in `report.memory`)."""
    if not pids:
        return
    from tests.ui_server import rss_mb

    started = time.perf_counter()
    first = next(iter(pids))
    while not stop.is_set():
        for url, pid in pids.items():
            try:
                sample = (time.perf_counter() - started, rss_mb(pid))
            except OSError:
                continue
            report.replica_memory[url].append(sample)
            if url == first:
                report.memory.append(sample)
        stop.wait(every)


def run(urls: list[str], users: int, duration: float, max_actions: int,
        pids: list[int | None]) -> Report:
    """Run the users against the replicas at `urls` (loopback only; user i on replica
    i mod n) and return what they measured."""
    for url in urls:
        host = urlparse(url).hostname or ""
        if not (host.startswith("127.") or host in ("localhost", "::1")):
            raise SystemExit(f"refusing a non-loopback URL: {url}")
    report, stop = Report(), threading.Event()
    secrets = [secret_word(i) for i in range(users)]
    watched = {url: pid for url, pid in zip(urls, pids, strict=False) if pid is not None}
    sampler = threading.Thread(target=sample_memory, args=(watched, report, stop), daemon=True)
    sampler.start()
    barrier = threading.Barrier(users)
    with tempfile.TemporaryDirectory(prefix="estratega-load-") as folder:
        deadline = time.perf_counter() + duration
        threads = [threading.Thread(target=user, daemon=True,
                                    args=(i, urls[i % len(urls)], secrets, deadline, max_actions,
                                          Path(folder), report, barrier)) for i in range(users)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=max(1.0, deadline - time.perf_counter()) + 120)
        stuck = sum(thread.is_alive() for thread in threads)
        if stuck:
            report.errors.append(f"{stuck} users still busy 120 s after the deadline")
    stop.set()
    sampler.join(timeout=5)
    if watched:  # one last sample after the load
        from tests.ui_server import rss_mb

        for url, pid in watched.items():
            report.replica_memory[url].append((float("nan"), rss_mb(pid)))
        report.memory.append(report.replica_memory[next(iter(watched))][-1])
    return report


def summary(report: Report) -> str:
    """The figures as a small text table."""
    lines = [f"{'action':<18}{'count':>7}{'p50 s':>9}{'p95 s':>9}{'max s':>9}"]
    for action, values in sorted(report.latencies.items()):
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
        lines.append(f"{action:<18}{len(ordered):>7}{statistics.median(ordered):>9.2f}"
                     f"{p95:>9.2f}{ordered[-1]:>9.2f}")
    lines.append(f"errors: {len(report.errors)}")
    lines += [f"  {e}" for e in report.errors[:10]]
    lines.append(f"cross-talk: {len(report.crosstalk)}")
    lines += [f"  {c}" for c in report.crosstalk[:10]]
    if report.memory:
        values = [m for _, m in report.memory]
        lines.append(f"app RSS MiB: start {values[0]:.0f}, max {max(values):.0f}, "
                     f"end {values[-1]:.0f} ({len(values)} samples)")
        timeline = [f"{t:.0f}s:{m:.0f}" for t, m in report.memory[:: max(1, len(values) // 8)]
                    if t == t]
        lines.append("  over time: " + ", ".join(timeline))
    if len(report.replica_latencies) > 1 or len(report.replica_memory) > 1:
        for url in sorted(set(report.replica_latencies) | set(report.replica_memory)):
            values = sorted(report.replica_latencies.get(url, [])) or [float("nan")]
            p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
            memory = [m for _, m in report.replica_memory.get(url, [])]
            rss = (f"RSS MiB start {memory[0]:.0f}, max {max(memory):.0f}, end {memory[-1]:.0f}"
                   if memory else "RSS not sampled")
            lines.append(f"replica {url}: {len(values)} calls, p50 {statistics.median(values):.2f}"
                         f" s, p95 {p95:.2f} s, errors {report.replica_errors.get(url, 0)}, {rss}")
            timeline = [f"{t:.0f}s:{m:.0f}" for t, m in
                        report.replica_memory.get(url, [])[:: max(1, len(memory) // 8)] if t == t]
            if timeline:
                lines.append("  over time: " + ", ".join(timeline))
    return "\n".join(lines)


def start_replicas(stack: ExitStack, count: int, env: dict[str, str]) -> list[object]:
    """A throwaway PostgreSQL, a chroma server, the knowledge indexed once, then `count` apps
    over them sharing one data folder (as deploy/compose.yaml runs them)."""
    from assistant import Assistant
    from tests.conftest import make_settings
    from tests.pg_server import PostgresServer, free_port
    from tests.test_store_server import _start as start_chroma
    from tests.ui_server import running_app

    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="estratega-")))
    postgres = PostgresServer().start()
    stack.callback(postgres.destroy)
    port = free_port()
    chroma = start_chroma(folder / "chroma", port)
    stack.callback(chroma.wait, 20)
    stack.callback(chroma.terminate)
    shared = {"ESTRATEGA_DATABASE_URL": postgres.new_database(),
              "ESTRATEGA_CHROMA_HOST": "127.0.0.1", "ESTRATEGA_CHROMA_PORT": str(port)}
    started = time.perf_counter()
    Assistant(make_settings(folder / "data", chroma_host="127.0.0.1", chroma_port=port,
                            database_url=shared["ESTRATEGA_DATABASE_URL"])).ingest()
    print(f"knowledge indexed on the chroma server in {time.perf_counter() - started:.0f} s",
          flush=True)
    return [stack.enter_context(running_app(folder / "data", **shared, **env))
            for _ in range(count)]


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", action="append", default=[],
                        help="a running app on loopback (repeat for replicas; default: start)")
    parser.add_argument("--pid", type=int, action="append", default=[],
                        help="the running app's process id, for its memory (one per --url)")
    parser.add_argument("--replicas", type=int, default=1,
                        help="without --url: start this many apps over PostgreSQL + chroma")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--duration", type=float, default=180.0, help="seconds (max 900)")
    parser.add_argument("--max-actions", type=int, default=400, help="per user, a hard cap")
    args = parser.parse_args(argv)
    users = max(1, min(args.users, 50))
    duration = max(1.0, min(args.duration, 900.0))
    with ExitStack() as stack:
        urls, pids = list(args.url), list(args.pid)
        if not urls:
            env = {"ESTRATEGA_CONCURRENCY_LIMIT": os.environ.get("ESTRATEGA_CONCURRENCY_LIMIT",
                                                                 "4")}
            if "MALLOC_ARENA_MAX" in os.environ:  # passed on to the apps (memory experiments)
                env["MALLOC_ARENA_MAX"] = os.environ["MALLOC_ARENA_MAX"]
            if args.replicas > 1:
                apps = start_replicas(stack, args.replicas, env)
            else:
                from tests.ui_server import running_app

                folder = Path(stack.enter_context(
                    tempfile.TemporaryDirectory(prefix="estratega-")))
                apps = [stack.enter_context(running_app(folder / "data", **env))]
            for app in apps:
                print(f"app started in {app.startup_seconds:.1f} s at {app.url}", flush=True)
            urls = [app.url for app in apps]
            pids = [app.process.pid for app in apps]
        print(f"{users} users for {duration:.0f} s against {', '.join(urls)}", flush=True)
        started = time.perf_counter()
        report = run(urls, users, duration, args.max_actions, pids + [None] * len(urls))
        print(f"ran {time.perf_counter() - started:.0f} s")
        print(summary(report))
    return 1 if report.errors or report.crosstalk else 0


if __name__ == "__main__":
    sys.exit(main())
