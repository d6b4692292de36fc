"""Gradio's cache on a running app: a refused upload is deleted at once, an uploaded file is
its uploader's alone, and what a killed process left is deleted when the app starts again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.ui_server import RunningApp, running_app

pytestmark = pytest.mark.slow
gradio_client = pytest.importorskip("gradio_client")


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("upcache") / "gradio-cache"


@pytest.fixture(scope="module")
def app(fresh_data: Callable[[str], Path], cache: Path) -> Iterator[RunningApp]:
    with running_app(fresh_data("upcache"), GRADIO_TEMP_DIR=str(cache)) as running:
        yield running


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def raw_upload(url: str, name: str, data: bytes, cookie: str = "") -> tuple[list[str], str]:
    """POST one file to Gradio's upload route as a browser does: the stored paths, and the
    identity cookie the server set (or the one sent)."""
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; "
            f"filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").encode()
    body += data + f"\r\n--{boundary}--\r\n".encode()
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(url.rstrip("/") + "/gradio_api/upload", data=body,
                                     method="POST", headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        set_cookie = response.headers.get("set-cookie", "").split(";")[0]
        return json.loads(response.read()), set_cookie or cookie


def raw_call(url: str, api: str, data: list, cookie: str = "") -> tuple[str, str]:
    """Call an endpoint over Gradio's plain HTTP API (no client-side upload of any path):
    the result stream's text and the identity cookie used."""
    request = urllib.request.Request(
        url.rstrip("/") + f"/gradio_api/call/{api}", data=json.dumps({"data": data}).encode(),
        method="POST", headers={"Content-Type": "application/json",
                                **({"Cookie": cookie} if cookie else {})})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        cookie = cookie or response.headers.get("set-cookie", "").split(";")[0]
        event_id = json.loads(response.read())["event_id"]
    request = urllib.request.Request(url.rstrip("/") + f"/gradio_api/call/{api}/{event_id}",
                                     headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310 - loopback
        return response.read().decode("utf-8"), cookie


def fetch(url: str, path: str, cookie: str = "") -> int:
    request = urllib.request.Request(url.rstrip("/") + "/gradio_api/file=" + path,
                                     headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def test_a_refused_upload_is_deleted_at_once(app: RunningApp, cache: Path,
                                             tmp_path: Path) -> None:
    client = gradio_client.Client(app.url, verbose=False)
    for name, data in (("setup.exe", b"MZ\x90\x00" + b"\x00" * 200),
                       ("empty.txt", b"   \n"),
                       ("fake.pdf", b"this is not a pdf at all, only text pretending")):
        path = tmp_path / name
        path.write_bytes(data)
        # #24: a refusal is one message in the status line (no raised error badges)
        _, status = client.predict(gradio_client.handle_file(str(path)), "en",
                                   api_name="/upload")
        assert not [f for f in files_under(cache) if f.endswith(name)], files_under(cache)
        assert status.startswith("⚠") and name in status  # refused with a reason naming it


def test_an_uploaded_file_is_its_uploaders_alone(app: RunningApp, cache: Path) -> None:
    secret = b"Alice's plan: the capybara cafe opens in Lyon with a 9,000 euro budget."
    paths, alice = raw_upload(app.url, "alice-plan.md", secret)
    path = paths[0]
    assert Path(path).exists() and alice
    assert fetch(app.url, path) != 200  # a stranger without a cookie
    file_data = {"path": path, "meta": {"_type": "gradio.FileData"}, "orig_name": "mine.md"}
    stream, bob = raw_call(app.url, "upload", [file_data, "en"])
    assert "event: error" in stream and "event: complete" not in stream, stream
    assert Path(path).read_bytes() == secret  # alice's file is not taken, nor deleted
    listed, _ = raw_call(app.url, "sources", ["en"], bob)
    assert "capybara" not in listed and "alice-plan" not in listed
    assert fetch(app.url, path, alice) == 200  # its uploader still can


def test_files_left_by_a_killed_process_are_deleted_at_start(
        fresh_data: Callable[[str], Path], tmp_path: Path) -> None:
    cache = tmp_path / "gradio-cache"
    data = fresh_data("killed")
    with running_app(data, GRADIO_TEMP_DIR=str(cache)) as first:
        paths, _ = raw_upload(first.url, "left-behind.md", b"Uploaded, never used: " * 20)
        first.process.send_signal(signal.SIGKILL)
        first.process.wait()
    assert Path(paths[0]).exists()  # the kill left it
    # A process that is still running keeps its files, whoever starts next.
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from assistant.process import private_cache;"
         " from assistant.settings import Settings;"
         " d = private_cache(Settings().gradio_temp_dir); (d / 'live.txt').write_text('x');"
         " print(d, flush=True);"
         " time.sleep(600)"],
        env={**os.environ, "GRADIO_TEMP_DIR": str(cache), "PYTHONPATH": str(Path.cwd())},
        stdout=subprocess.PIPE, text=True)
    try:
        live = Path(holder.stdout.readline().strip()) / "live.txt"
        with running_app(data, GRADIO_TEMP_DIR=str(cache)):
            assert not Path(paths[0]).exists(), files_under(cache)
            assert live.exists()
    finally:
        holder.kill()
        holder.wait()
