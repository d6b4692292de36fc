"""Against a running app with login off: a replayed session hash gets nothing of its owner's,
oversized bodies are refused at the door, and no uploaded file is left on disk."""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.ui_server import RunningApp, rss_mb, running_app

pytestmark = pytest.mark.slow
gradio_client = pytest.importorskip("gradio_client")

SECRET = "Capybara pricing: our bakery charges a flat 2 euro for any croissant, every day."


@pytest.fixture(scope="module")
def dirs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("secweb")
    found = {"data": base / "data", "cache": base / "gradio-cache", "tmp": base / "tmp"}
    found["tmp"].mkdir()
    return found


@pytest.fixture(scope="module")
def app(dirs: dict[str, Path]) -> Iterator[RunningApp]:
    with running_app(dirs["data"], ESTRATEGA_UPLOAD_MAX_MB="1", GRADIO_TEMP_DIR=str(dirs["cache"]),
                     TMPDIR=str(dirs["tmp"])) as running:
        yield running


def post_raw(app: RunningApp, path: str, headers: bytes, body: bytes) -> bytes:
    """POST over a plain socket and read the whole reply. A server that refuses at the door
    answers and closes before the body is sent, so a broken pipe while sending is expected
    (urllib would raise it instead of returning the status)."""
    url = urlparse(app.url)
    with socket.create_connection((url.hostname, url.port), timeout=10) as sock:
        sock.sendall(b"POST " + path.encode() + b" HTTP/1.1\r\nHost: x\r\n" + headers + b"\r\n")
        try:
            sock.sendall(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server already answered and closed: what we want
        reply = b""
        try:
            while chunk := sock.recv(4096):  # headers and body may come in separate segments
                reply += chunk
        except ConnectionResetError:
            pass  # closed on unread bytes after the reply: keep what arrived
        return reply


def files_under(folder: Path) -> list[str]:
    """Every file below `folder` (Gradio's empty `vibe_edit_history` folder is not a file)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def raw(app: RunningApp, method: str, path: str, body: bytes | None = None,
        headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(app.url.rstrip("/") + path, data=body, method=method,
                                     headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def fn_index(app: RunningApp, api_name: str) -> int:
    status, body = raw(app, "GET", "/config")
    assert status == 200
    for index, dep in enumerate(json.loads(body)["dependencies"]):
        if dep.get("api_name") == api_name:
            return dep.get("id", index)
    raise AssertionError(f"no endpoint {api_name}")


def test_a_replayed_session_hash_gets_nothing_of_its_owners(app: RunningApp,
                                                            tmp_path: Path) -> None:
    alice = gradio_client.Client(app.url, verbose=False)
    doc = tmp_path / "capybara-notes.txt"
    doc.write_text(SECRET + " It keeps the Capybara pricing promise simple.", encoding="utf-8")
    alice.predict(gradio_client.handle_file(str(doc)), "en", api_name="/upload")
    alice.predict("en", api_name="/start_interview")
    alice.predict("Capybara Bakery, a bakery in Lyon", "en", api_name="/answer")
    first, _ = alice.predict("What is the Capybara pricing promise?", "en", api_name="/ask")
    assert "capybara-notes.txt" in json.dumps(first)

    # Bob knows Alice's session hash (it travels in URLs and logs) and uses it.
    bob = gradio_client.Client(app.url, verbose=False)
    bob.session_hash = alice.session_hash
    for args, api in ((("Repeat everything we said.", "en"), "/ask"), (("en",), "/saved_work"),
                      (("en",), "/sources")):
        try:
            got = json.dumps(bob.predict(*args, api_name=api))
        except Exception as err:  # noqa: BLE001 - refused is fine, served is not
            got = str(err)
        assert "apybara" not in got, (api, got[:300])

    # The same with no cookie at all, straight to the queue, as the probe did.
    join = json.dumps({"data": ["en"], "fn_index": fn_index(app, "saved_work"),
                       "session_hash": alice.session_hash, "event_id": None,
                       "trigger_id": None}).encode()
    status, body = raw(app, "POST", "/gradio_api/queue/join", join,
                       {"Content-Type": "application/json"})
    assert status == 403, body
    status, body = raw(app, "GET", f"/gradio_api/queue/data?session_hash={alice.session_hash}")
    assert status == 403 and b"apybara" not in body

    # Alice's own session is untouched: her history and her work are still hers.
    again, _ = alice.predict("And what does a croissant cost?", "en", api_name="/ask")
    assert "What is the Capybara pricing promise?" in json.dumps(again)
    assert "Repeat everything" not in json.dumps(again)
    assert "Capybara Bakery" in json.dumps(alice.predict("en", api_name="/saved_work"))


def test_an_oversized_upload_is_refused_before_it_is_read_or_stored(app: RunningApp,
                                                                    dirs: dict[str, Path]) -> None:
    before_files, before_rss = files_under(dirs["cache"]), rss_mb(app.process.pid)
    claimed = 300 * 2**20  # the server must answer without waiting for (or buffering) this
    started = time.perf_counter()
    reply = post_raw(app, "/gradio_api/upload",
                     b"Content-Type: multipart/form-data; boundary=b\r\n"
                     b"Content-Length: " + str(claimed).encode() + b"\r\n",
                     b"--b\r\nContent-Disposition: form-data; name=\"files\"; "
                     b"filename=\"big.txt\"\r\n\r\n" + b"x" * 65536)
    assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
    assert b"1 MB" in reply and time.perf_counter() - started < 5
    assert files_under(dirs["cache"]) == before_files
    assert rss_mb(app.process.pid) - before_rss < 50

    # Through the ordinary client: a 1.5 MB file is refused and nothing is kept.
    big = dirs["tmp"].parent / "big.txt"
    big.write_bytes(b"A plain line of text about marketing plans.\n" * 36_000)
    client = gradio_client.Client(app.url, verbose=False)
    with pytest.raises(Exception):  # noqa: B017 - the upload itself is refused (413)
        client.predict(gradio_client.handle_file(str(big)), "en", api_name="/upload")
    assert files_under(dirs["cache"]) == before_files

    # A large JSON body to the queue is refused too.
    body = b"[" + b"1," * 400_000 + b"1]"
    reply = post_raw(app, "/gradio_api/queue/join", b"Content-Type: application/json\r\n"
                     b"Content-Length: " + str(len(body)).encode() + b"\r\n", body)
    assert reply.startswith(b"HTTP/1.1 413"), reply[:200]


def test_no_file_is_left_behind_after_upload_and_removal(app: RunningApp,
                                                         dirs: dict[str, Path],
                                                         tmp_path: Path) -> None:
    client = gradio_client.Client(app.url, verbose=False)
    for i in range(3):
        doc = tmp_path / f"wombat-{i}.md"
        doc.write_text(f"# Wombat note {i}\n\nWombat cafes price a flat white at {i + 3} euro "
                       "for students near the station.", encoding="utf-8")
        client.predict(gradio_client.handle_file(str(doc)), "en", api_name="/upload")
    bad = tmp_path / "\u202egpj.md"
    bad.write_text("A note whose name hides a right-to-left override character.\n" * 3)
    client.predict(gradio_client.handle_file(str(bad)), "en", api_name="/upload")
    listed = json.dumps(client.predict("en", api_name="/sources"), ensure_ascii=False)
    assert "gpj.md" in listed and "\u202e" not in listed and "\\u202e" not in listed
    mine = client.predict("en", api_name="/sources")[2]["choices"]
    for _title, source_id in mine:
        client.predict(source_id, "en", api_name="/remove_document")
    assert files_under(dirs["cache"]) == [], files_under(dirs["cache"])
    assert files_under(dirs["tmp"]) == [], files_under(dirs["tmp"])
