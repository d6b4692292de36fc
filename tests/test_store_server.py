"""Server mode: the same assistant against a real `chroma run` process on loopback."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.errors import StoreUnavailable
from tests.conftest import make_settings


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(path: Path, port: int) -> subprocess.Popen[bytes]:
    chroma = Path(sys.executable).with_name("chroma")
    proc = subprocess.Popen([str(chroma), "run", "--path", str(path), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("chroma server did not start")


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[tuple[int, Path, list]]:
    port = _free_port()
    procs = [_start(tmp_path / "server-data", port)]
    yield port, tmp_path / "server-data", procs
    for proc in procs:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.slow
def test_ingest_search_and_recovery_against_a_chroma_server(
        chroma_server: tuple[int, Path, list], tmp_path: Path) -> None:
    port, path, procs = chroma_server
    settings = make_settings(tmp_path / "app", chroma_host="127.0.0.1", chroma_port=port)
    assistant = Assistant(settings)
    report = assistant.ingest()
    assert report.added and report.chunks_added > 40
    hits = assistant.search("Qu'est-ce que le marketing opérationnel ?", k=3)
    assert hits and hits[0].kind in ("concept", "article")
    # A second process sees the same collection without passing the embedding function.
    reopened = Assistant(settings)
    assert reopened.search("DAFO", k=1)[0].source_id.startswith("concept:swot")
    assert reopened.ingest().chunks_added == 0
    # The server goes away: a clear error. It comes back: normal service, same objects.
    procs[0].terminate()
    procs[0].wait(timeout=20)
    with pytest.raises(StoreUnavailable):
        reopened.search("ROI", k=1)
    with pytest.raises(StoreUnavailable):
        reopened.ask("¿Qué es el ROI?")
    procs.append(_start(path, port))
    assert reopened.search("ROI", k=1)[0].source_id.startswith("concept:roi")
