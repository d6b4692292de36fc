"""Starts `app.py` as a real server on a free loopback port, for browser and client tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
TIMEOUT_MS = 30_000  # for Playwright waits


def launch_chromium(playwright: object) -> object:
    """Debian's Chromium, headless, with the flags this closed network needs."""
    return playwright.chromium.launch(  # type: ignore[attr-defined]
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
# The marks every real-browser test module carries (`pytestmark = BROWSER_MARKS`).
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"Debian chromium not found at {CHROMIUM}"),
]


@dataclass
class RunningApp:
    """A started app: where it answers, its process, and how long it took to answer."""

    url: str
    process: subprocess.Popen
    startup_seconds: float
    log: Path


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_app(data_dir: Path, timeout: float = 150.0, **env: str) -> Iterator[RunningApp]:
    """Run `python app.py` with its data in `data_dir` until the context ends."""
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if not k.startswith("ESTRATEGA_")}
    environ.update({"ESTRATEGA_DATA_DIR": str(data_dir), "ESTRATEGA_HOST": "127.0.0.1",
                    "ESTRATEGA_PORT": str(port), "ESTRATEGA_CHAT_BACKEND": "grounded",
                    "PYTHONUNBUFFERED": "1", **env})
    log = data_dir.parent / f"app-{port}.log"
    started = time.perf_counter()
    with log.open("wb") as out:
        process = subprocess.Popen([sys.executable, str(ROOT / "app.py")], cwd=ROOT, env=environ,
                                   stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_up(url, process, started + timeout, log)
        yield RunningApp(url, process, time.perf_counter() - started, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(url: str, process: subprocess.Popen, deadline: float, log: Path) -> None:
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"app exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"app did not answer at {url}:\n{log.read_text()[-3000:]}")


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MiB (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0
