"""The web app's doors, tested on small ASGI apps (no server, no model): body size limits,
the server-signed identity cookie, session hashes bound to their identity, login throttling,
chat history keyed by owner, and what is left on disk."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from assistant.indexing.uploads import safe_name
from assistant.ui.conversations import Conversations
from assistant.ui.files import ExportFolder, discard_upload
from assistant.ui.identity import COOKIE, STATE_KEY, BrowserIds, IdentityCookie, owner_id
from assistant.ui.limits import BodyLimit
from assistant.ui.login_gate import LoginGate
from assistant.ui.sessions import SessionGuard
from assistant.ui.throttle import LoginThrottle
from assistant.ui.upload_ledger import UploadRecorder


class Seen:
    """What the inner app saw: how many body bytes it read, and who it was told is asking."""

    def __init__(self) -> None:
        self.body_bytes = 0
        self.calls = 0
        self.owner: str | None = None


def inner_app(seen: Seen, middleware: list[Middleware]) -> Starlette:
    async def echo(request: Request) -> JSONResponse:
        seen.calls += 1
        seen.owner = getattr(request.state, STATE_KEY, None)
        async for chunk in request.stream():
            seen.body_bytes += len(chunk)
        return JSONResponse({"owner": seen.owner})

    async def login(request: Request) -> JSONResponse:
        form = await request.form()
        ok = form.get("password") == "right"
        return JSONResponse({"success": ok}, status_code=200 if ok else 400)

    routes = [Route("/gradio_api/upload", echo, methods=["POST"]),
              Route("/gradio_api/queue/join", echo, methods=["POST"]),
              Route("/gradio_api/queue/data", echo, methods=["GET"]),
              Route("/gradio_api/heartbeat/{hash}", echo, methods=["GET"]),
              Route("/login", login, methods=["POST"]),
              Route("/", echo, methods=["GET"])]
    return Starlette(routes=routes, middleware=middleware)


# --- request size -------------------------------------------------------------------------

@pytest.fixture
def limited() -> tuple[TestClient, Seen]:
    seen = Seen()
    app = inner_app(seen, [Middleware(BodyLimit, upload_bytes=1_000_000, other_bytes=10_000)])
    return TestClient(app), seen


def test_a_body_announced_over_the_limit_is_refused_before_a_byte_is_read(limited) -> None:  # noqa: ANN001
    client, seen = limited
    big = b"x" * 2_000_000
    response = client.post("/gradio_api/upload", content=big)
    assert response.status_code == 413 and "MB" in response.json()["detail"]
    assert seen.calls == 0 and seen.body_bytes == 0
    response = client.post("/gradio_api/queue/join", content=b"{" + b" " * 20_000 + b"}")
    assert response.status_code == 413 and seen.calls == 0


def test_the_upload_route_gets_the_upload_limit_and_others_a_small_one(limited) -> None:  # noqa: ANN001
    client, seen = limited
    assert client.post("/gradio_api/upload", content=b"x" * 900_000).status_code == 200
    assert client.post("/gradio_api/queue/join", content=b"x" * 9_000).status_code == 200
    assert seen.body_bytes == 909_000


def test_a_body_without_a_length_is_refused(limited) -> None:  # noqa: ANN001
    client, seen = limited

    def chunks() -> Any:
        yield b"x" * 100

    response = client.post("/gradio_api/queue/join", content=chunks())
    assert response.status_code == 411 and seen.calls == 0


def test_a_body_longer_than_it_claimed_is_cut_off() -> None:
    seen = Seen()
    app = inner_app(seen, [Middleware(BodyLimit, upload_bytes=0, other_bytes=1_000)])
    sent: list[dict[str, Any]] = []
    messages = iter([{"type": "http.request", "body": b"x" * 600, "more_body": True},
                     {"type": "http.request", "body": b"x" * 600, "more_body": False}])

    async def receive() -> dict[str, Any]:
        return next(messages)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/gradio_api/queue/join",
             "headers": [(b"content-length", b"10")], "query_string": b"",
             "server": ("t", 80), "scheme": "http", "root_path": ""}
    # its own thread: a worker that ran a browser test before may hold a running loop here
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, app(scope, receive, send)).result()
    assert sent[0]["status"] == 413
    assert seen.body_bytes <= 1_000


# --- identity and sessions --------------------------------------------------------------

@pytest.fixture
def guarded(tmp_path: Path) -> tuple[Starlette, Seen]:
    seen = Seen()
    ids = BrowserIds(tmp_path)
    return inner_app(seen, [Middleware(IdentityCookie, ids=ids), Middleware(SessionGuard)]), seen


def test_every_request_gets_a_server_signed_id_kept_by_its_cookie(guarded) -> None:  # noqa: ANN001
    app, seen = guarded
    alice = TestClient(app)
    alice.get("/")
    first = seen.owner
    assert first and first.startswith("browser:") and COOKIE in alice.cookies
    cookie = alice.cookies.get(COOKIE)
    assert "HttpOnly" in alice.get("/", cookies={}).headers.get("set-cookie", "HttpOnly")
    alice.cookies.set(COOKIE, cookie)
    alice.get("/")
    assert seen.owner == first  # the cookie keeps the identity
    forged = TestClient(app, cookies={COOKIE: first + ".0000"})
    forged.get("/")
    assert seen.owner not in (None, first)  # a forged cookie is a new stranger


def test_a_session_hash_only_serves_the_identity_that_started_it(guarded) -> None:  # noqa: ANN001
    app, seen = guarded
    alice, bob, nobody = TestClient(app), TestClient(app), TestClient(app)
    alice.get("/")
    bob.get("/")
    join = {"data": ["en"], "fn_index": 3, "session_hash": "hash-of-alice"}
    assert alice.post("/gradio_api/queue/join", json=join).status_code == 200
    assert alice.get("/gradio_api/queue/data?session_hash=hash-of-alice").status_code == 200
    calls = seen.calls
    for path in ("/gradio_api/queue/data?session_hash=hash-of-alice",
                 "/gradio_api/heartbeat/hash-of-alice"):
        assert bob.get(path).status_code == 403
    assert bob.post("/gradio_api/queue/join", json=join).status_code == 403
    # no cookie at all: a fresh identity, refused just the same
    nobody.cookies.clear()
    response = nobody.post("/gradio_api/queue/join", content=json.dumps(join),
                           headers={"content-type": "application/json"})
    assert response.status_code == 403
    assert seen.calls == calls  # nothing reached the app
    assert alice.post("/gradio_api/queue/join", json=join).status_code == 200


def test_callbacks_take_the_owner_from_the_request_never_from_session_state() -> None:
    class Raw:
        def __init__(self, who: str | None) -> None:
            self.state = type("S", (), {STATE_KEY: who})() if who else object()

    class Req:
        def __init__(self, who: str | None, username: str | None = None) -> None:
            self.request, self.username, self.session_hash = Raw(who), username, "h"

    assert owner_id("browser:alice", Req("browser:bob")) == "browser:bob"
    assert owner_id("browser:alice", Req("browser:bob", username="luc")) == "user:luc"
    stranger = owner_id("browser:alice", Req(None))
    assert stranger.startswith("anon:") and stranger != owner_id("browser:alice", Req(None))


def test_chat_history_is_kept_per_owner_and_session_and_bounded() -> None:
    store = Conversations(max_conversations=3, max_messages=4)
    store.save("user:ana", "h1", [{"content": "ana's secret"}])
    assert store.get("user:luc", "h1").messages == []  # same session hash, other user
    ana, luc = store.get("user:ana", "h1"), store.get("user:luc", "h1")
    assert ana.conversation_id != luc.conversation_id
    store.save("user:ana", "h1", [{"n": i} for i in range(10)])
    assert [m["n"] for m in store.get("user:ana", "h1").messages] == [6, 7, 8, 9]
    for i in range(5):
        store.get(f"user:{i}", "h")
    assert len(store) == 3
    store.restart("user:4", "h")
    assert store.get("user:4", "h").messages == []


# --- login throttling -------------------------------------------------------------------

def login_client(throttle: LoginThrottle, address: str) -> TestClient:
    message = lambda lang, minutes: f"[{lang}] wait {minutes} min"  # noqa: E731
    app = inner_app(Seen(), [Middleware(LoginGate, throttle=throttle, message=message)])
    return TestClient(app, client=(address, 5000))


def attempt(client: TestClient, user: str, password: str) -> Any:
    return client.post("/login", data={"username": user, "password": password},
                       headers={"accept-language": "fr-FR,fr;q=0.9"})


def test_login_is_throttled_per_user_and_per_address() -> None:
    now = [1000.0]
    throttle = LoginThrottle(max_failures=3, window_s=320, clock=lambda: now[0])
    office = login_client(throttle, "10.0.0.1")
    home = login_client(throttle, "10.0.0.2")
    for _ in range(3):
        assert attempt(office, "ana", "wrong").status_code == 400
    locked = attempt(office, "ana", "right")  # the right password, but this address must wait
    assert locked.status_code == 429 and locked.json()["detail"] == "[fr-FR,fr;q=0.9] wait 1 min"
    assert 0 < int(locked.headers["retry-after"]) <= 21  # the first wait: 1/16 of the window
    assert attempt(home, "ana", "right").status_code == 200  # ana's own address is not locked
    assert attempt(office, "luc", "right").status_code == 200
    for user in ("b", "c", "d", "e", "f", "g", "h", "i", "j"):
        now[0] += 21  # each name's own wait has passed: only the address's count matters
        attempt(office, user, "wrong")  # 12 failures from one address in all
    assert attempt(office, "luc", "right").status_code == 429
    assert attempt(home, "luc", "right").status_code == 200  # other addresses are not
    now[0] += 321
    assert attempt(office, "ana", "right").status_code == 200


def test_the_wait_doubles_with_each_further_failure() -> None:
    now = [0.0]
    throttle = LoginThrottle(max_failures=2, window_s=320, clock=lambda: now[0])
    waits = []
    for _ in range(5):
        throttle.failed("ana", "10.0.0.9")
        waits.append(throttle.wait("ana", "10.0.0.9"))
    assert waits == [0.0, 20.0, 40.0, 80.0, 160.0]


def test_a_stranger_cannot_lock_a_user_out() -> None:
    now = [0.0]
    throttle = LoginThrottle(max_failures=5, window_s=300, clock=lambda: now[0])
    ana, stranger = login_client(throttle, "10.0.0.1"), login_client(throttle, "10.6.6.6")
    bots = [login_client(throttle, f"10.9.9.{n}") for n in range(1, 11)]
    assert attempt(ana, "ana", "right").status_code == 200
    for _ in range(12):  # guesses for ana's name from many addresses, as fast as allowed
        now[0] += 1
        for client in [*bots, stranger]:
            attempt(client, "ana", "wrong")
    assert attempt(stranger, "ana", "right").status_code == 429
    assert attempt(login_client(throttle, "10.9.9.77"), "ana", "right").status_code == 429
    assert attempt(ana, "ana", "right").status_code == 200  # where she logs in from


def login_raw(client: TestClient, body: bytes, content_type: str) -> int:
    return client.post("/login", content=body, headers={"content-type": content_type}).status_code


def multipart(fields: list[tuple[str, str]]) -> tuple[bytes, str]:
    boundary = "estratega-test-boundary"
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
             for k, v in fields]
    return ("".join(parts) + f"--{boundary}--\r\n").encode(), \
        f"multipart/form-data; boundary={boundary}"


def test_the_throttle_counts_the_user_name_gradio_reads() -> None:
    """Starlette (so FastAPI and Gradio's login) takes the last `username` of a form, URL-encoded
    or multipart; the gate must count and lock that one."""
    now = [0.0]
    throttle = LoginThrottle(max_failures=3, window_s=300, clock=lambda: now[0])
    office = login_client(throttle, "10.0.0.1")
    form = "application/x-www-form-urlencoded"
    for n in range(3):  # wrong guesses for ana hidden behind a first, decoy name
        assert login_raw(office, f"username=zz{n}&username=ana&password=bad".encode(),
                         form) == 400
    assert login_raw(office, b"username=zz&username=ana&password=right", form) == 429
    body, content_type = multipart([("username", "ana"), ("password", "right")])
    assert login_raw(office, body, content_type) == 429
    body, content_type = multipart([("username", "zz"), ("username", "ana"),
                                    ("password", "right")])
    assert login_raw(office, body, content_type) == 429
    for n in range(3):  # multipart guesses count too
        body, content_type = multipart([("username", "luc"), ("password", f"bad{n}")])
        assert login_raw(office, body, content_type) == 400
    assert attempt(office, "luc", "right").status_code == 429


def test_refusals_at_the_door_speak_the_browsers_language(tmp_path: Path) -> None:
    from assistant.settings import Settings
    from assistant.ui.builder import middleware

    stack = middleware(Settings(data_dir=tmp_path, auth="ana:pw"), login=True)
    gate = next(m for m in stack if m.cls is LoginGate)
    limit = next(m for m in stack if m.cls is BodyLimit)
    assert "Attendez 5 minutes" in gate.kwargs["message"]("fr-FR,fr;q=0.9", 5)
    assert "Espera 2 minutos" in gate.kwargs["message"]("es", 2)
    assert "20 MB" in limit.kwargs["message"]("it-IT", 20)
    assert [m.cls for m in middleware(Settings(data_dir=tmp_path), login=False)] == [
        BodyLimit, IdentityCookie, SessionGuard, UploadRecorder]


# --- files --------------------------------------------------------------------------------

def test_plan_downloads_replace_each_other_in_one_folder_per_owner(tmp_path: Path) -> None:
    exports = ExportFolder(root=tmp_path)
    for round_ in range(5):
        files = {"plan.md": f"v{round_}".encode(), "plan.docx": b"d", "plan.json": b"{}"}
        paths = exports.write("browser:ana", "plan-1", files)
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [
        "plan.docx", "plan.json", "plan.md"]
    assert Path(paths[0]).read_text() == "v4"
    other = exports.folder("browser:luc")
    assert other != exports.folder("browser:ana") and "luc" not in str(other)
    assert ExportFolder(root=tmp_path).folder("browser:ana") != exports.folder("browser:ana")
    exports.clear("browser:ana")
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


def test_an_upload_is_deleted_from_the_cache_but_nothing_outside_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(cache))
    upload = cache / "abc123" / "notes.txt"
    upload.parent.mkdir(parents=True)
    upload.write_text("x")
    outside = tmp_path / "notes.txt"
    outside.write_text("keep")
    discard_upload(str(upload))
    discard_upload(str(outside))
    discard_upload(str(cache / ".." / "notes.txt"))
    assert not upload.parent.exists() and outside.read_text() == "keep"


def test_file_names_lose_bidi_and_invisible_characters() -> None:
    assert safe_name("\u202egpj.md") == "gpj.md"
    assert safe_name("report\u2067.txt\u2069") == "report.txt"
    assert safe_name("\u200finvoice\u200d.pdf") == "invoice.pdf"
