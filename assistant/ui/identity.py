"""Who a request belongs to, decided on the server: never from a value an API client sends.

Every HTTP request passes through `IdentityCookie`: a request carrying an id this server signed
(the `estratega-id` cookie, HttpOnly) is that id; any other request gets a fresh id, sent back as
the cookie. Browsers and `gradio_client` keep the cookie, so they stay one identity; a client that
sends only someone's Gradio `session_hash` (it travels in URLs and logs) is a stranger. With login
on, the login name is the identity. Callbacks read it with `owner_id`, never from `gr.State`.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
import uuid
from pathlib import Path
from typing import Any

import gradio as gr
from starlette.requests import HTTPConnection

KEY_FILE = "ui-signing.key"
COOKIE = "estratega-id"
COOKIE_MAX_AGE = 365 * 24 * 3600
STATE_KEY = "estratega_owner"  # where the middleware leaves the verified id in the ASGI scope


class BrowserIds:
    """Issues per-browser ids signed with a key kept in the data folder (made on first use)."""

    def __init__(self, data_dir: Path) -> None:
        self._path = data_dir / KEY_FILE
        self._key: bytes | None = None
        self._lock = threading.Lock()

    def issue(self) -> tuple[str, str]:
        """A new (owner id, signed token to store in the browser)."""
        owner = f"browser:{uuid.uuid4().hex}"
        return owner, f"{owner}.{self._sign(owner)}"

    def verify(self, token: Any) -> str | None:
        """The owner id inside a token this server signed; None for anything else."""
        if not isinstance(token, str) or token.count(".") != 1:
            return None
        owner, signature = token.split(".")
        if not owner.startswith("browser:") or not signature:
            return None
        return owner if hmac.compare_digest(signature, self._sign(owner)) else None

    def _sign(self, owner: str) -> str:
        return hmac.new(self._secret(), owner.encode("utf-8"), hashlib.sha256).hexdigest()

    def _secret(self) -> bytes:
        """The signing key: read once, created atomically (owner-only) the first time."""
        with self._lock:
            if self._key is None:
                try:
                    self._key = bytes.fromhex(self._path.read_text(encoding="ascii").strip())
                except (FileNotFoundError, ValueError):
                    self._key = self._create()
            return self._key

    def _create(self) -> bytes:
        key = secrets.token_bytes(32)
        self._path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._path.with_name(f".{KEY_FILE}.{uuid.uuid4().hex}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(key.hex())
        try:
            os.link(tmp, self._path)  # fails if another process made the key meanwhile
        except FileExistsError:
            key = bytes.fromhex(self._path.read_text(encoding="ascii").strip())
        finally:
            tmp.unlink(missing_ok=True)
        return key


class IdentityCookie:
    """ASGI middleware: puts the verified id of every request in its scope, and gives a
    request without a valid `estratega-id` cookie a fresh id (and the cookie)."""

    def __init__(self, app: Any, ids: BrowserIds) -> None:
        self.app = app
        self.ids = ids

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        who = self.ids.verify(HTTPConnection(scope).cookies.get(COOKIE))
        token = None
        if who is None:
            who, token = self.ids.issue()
        scope.setdefault("state", {})[STATE_KEY] = who
        if token is None or scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cookie = (f"{COOKIE}={token}; Max-Age={COOKIE_MAX_AGE}; Path=/; HttpOnly; "
                  "SameSite=Lax" + ("; Secure" if scope.get("scheme") == "https" else ""))

        async def with_cookie(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = [*message.get("headers", []), (b"set-cookie", cookie.encode())]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_cookie)


def verified_id(request: Any) -> str | None:
    """The id `IdentityCookie` verified for this request; None outside the web app."""
    raw = getattr(request, "request", None)  # gr.Request wraps the HTTP request of the event
    state = getattr(raw, "state", None) if raw is not None else None
    who = getattr(state, STATE_KEY, None) if state is not None else None
    if who is None and raw is None:  # a gr.Request rebuilt from a pickled copy
        kwargs = getattr(request, "kwargs", None) or {}
        who = (kwargs.get("request_state") or {}).get(STATE_KEY)
    return who if isinstance(who, str) and who.startswith("browser:") else None


def owner_id(owner: Any = None, request: gr.Request | None = None) -> str:
    """The user's id: the login name with auth on, else the id the server signed for the
    browser or API client that sent this request, else a fresh id nobody else has.

    `owner` (the session's `gr.State`) is ignored: a session hash is chosen by the client,
    so whatever state Gradio keeps under it says nothing about who is asking.
    """
    del owner
    if request is not None and getattr(request, "username", None):
        return f"user:{request.username}"
    return verified_id(request) or f"anon:{uuid.uuid4().hex}"
