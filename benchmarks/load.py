"""Load test: N simultaneous `gradio_client` users against the app, on loopback only.

    .venv/bin/python benchmarks/load.py                   # starts the app, 20 users, 3 minutes
    .venv/bin/python benchmarks/load.py --duration 60
    .venv/bin/python benchmarks/load.py --url http://127.0.0.1:7860/ --pid 1234

Each user uploads one document carrying a secret word of their own, starts an interview with
that word in the business name, then loops over chat turns (about their secret and general
ones), concept lookups and interview answers until the time is up or the action cap is reached.
Cross-talk is any answer, listing or interview that shows another user's secret, or a user's own
answer that fails to cite their own document. Prints p50/p95 latency per action, the error and
cross-talk counts and the app's memory over time; exits 1 on any error or cross-talk.
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

    def timed(self, action: str, call, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN201
        """Run one API call, recording its latency, or its error (then None)."""
        started = time.perf_counter()
        try:
            result = call(*args, **kwargs)
        except Exception as err:  # noqa: BLE001 - every failure is counted and reported
            with self.lock:
                self.errors.append(f"{action}: {type(err).__name__}: {str(err)[:200]}")
            return None
        with self.lock:
            self.latencies[action].append(time.perf_counter() - started)
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
    report.timed("upload", client.predict, handle_file(str(doc)), "en", api_name="/upload")
    check("sources", report.timed("sources", client.predict, "en", api_name="/sources"))
    started = report.timed("interview", client.predict, "en", api_name="/start_interview")
    check("interview", started)
    steps = [f"{mine.capitalize()} Cafe, a small cafe in Lyon",
             "Coffee and pastries, about 3 euros a cup",
             "Students and office workers near the station"]
    actions, turns = 0, 0
    while time.perf_counter() < deadline and actions < max_actions:
        actions += 1
        roll = rng.random()
        if roll < 0.25:
            chat = report.timed("chat_own_doc", client.predict,
                                f"What is the {mine} offer at our shop?", "en", api_name="/ask")
            if chat is not None:
                check("chat_own_doc", chat[0][-6:], expect_mine=True)
            turns += 1
        elif roll < 0.55:
            chat = report.timed("chat", client.predict, rng.choice(QUESTIONS), "en",
                                api_name="/ask")
            if chat is not None:
                check("chat", chat[0][-6:])
            turns += 1
        elif roll < 0.8:
            check("concept", report.timed("concept", client.predict, rng.choice(TERMS), "en",
                                          "en", api_name="/concept"))
        else:
            text = steps[min(len(steps) - 1, actions % len(steps))]
            check("interview", report.timed("interview", client.predict, text, "en",
                                            api_name="/answer"))
        if turns >= 6:  # a new conversation now and then keeps each session's history small
            report.timed("new_conversation", client.predict, api_name="/new_conversation")
            turns = 0
    saved = report.timed("saved_work", client.predict, "en", api_name="/saved_work")
    if saved is not None:
        check("saved_work", saved)
        if len(saved.get("choices", [])) != 1:
            report.leak(f"user {index} saved_work: {len(saved.get('choices', []))} items, not 1")


def sample_memory(pid: int | None, report: Report, stop: threading.Event,
                  every: float = 2.0) -> None:
    """The app's resident memory every few seconds, until told to stop."""
    if pid is None:
        return
    from tests.ui_server import rss_mb

    started = time.perf_counter()
    while not stop.is_set():
        try:
            report.memory.append((time.perf_counter() - started, rss_mb(pid)))
        except OSError:
            return
        stop.wait(every)


def run(url: str, users: int, duration: float, max_actions: int, pid: int | None) -> Report:
    """Run the users against `url` (loopback only) and return what they measured."""
    host = urlparse(url).hostname or ""
    if not (host.startswith("127.") or host in ("localhost", "::1")):
        raise SystemExit(f"refusing a non-loopback URL: {url}")
    report, stop = Report(), threading.Event()
    secrets = [secret_word(i) for i in range(users)]
    sampler = threading.Thread(target=sample_memory, args=(pid, report, stop), daemon=True)
    sampler.start()
    barrier = threading.Barrier(users)
    with tempfile.TemporaryDirectory(prefix="estratega-load-") as folder:
        deadline = time.perf_counter() + duration
        threads = [threading.Thread(target=user, daemon=True,
                                    args=(i, url, secrets, deadline, max_actions, Path(folder),
                                          report, barrier)) for i in range(users)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=max(1.0, deadline - time.perf_counter()) + 120)
        stuck = sum(thread.is_alive() for thread in threads)
        if stuck:
            report.errors.append(f"{stuck} users still busy 120 s after the deadline")
    stop.set()
    sampler.join(timeout=5)
    if pid is not None:  # one last sample after the load
        from tests.ui_server import rss_mb

        report.memory.append((float("nan"), rss_mb(pid)))
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
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running app on loopback (default: start one)")
    parser.add_argument("--pid", type=int, help="the running app's process id, for its memory")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--duration", type=float, default=180.0, help="seconds (max 900)")
    parser.add_argument("--max-actions", type=int, default=400, help="per user, a hard cap")
    args = parser.parse_args(argv)
    users = max(1, min(args.users, 50))
    duration = max(1.0, min(args.duration, 900.0))
    with ExitStack() as stack:
        url, pid = args.url, args.pid
        if url is None:
            from tests.ui_server import running_app

            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="estratega-")))
            app = stack.enter_context(running_app(
                folder / "data", ESTRATEGA_CONCURRENCY_LIMIT=os.environ.get(
                    "ESTRATEGA_CONCURRENCY_LIMIT", "4")))
            url, pid = app.url, app.process.pid
            print(f"app started in {app.startup_seconds:.1f} s at {url}", flush=True)
        print(f"{users} users for {duration:.0f} s against {url}", flush=True)
        started = time.perf_counter()
        report = run(url, users, duration, args.max_actions, pid)
        print(f"ran {time.perf_counter() - started:.0f} s")
        print(summary(report))
    return 1 if report.errors or report.crosstalk else 0


if __name__ == "__main__":
    sys.exit(main())
