"""A Gradio session hash belongs to the identity that first used it.

The hash is chosen by the client and travels in URLs (`queue/data?session_hash=…`,
`heartbeat/<hash>`), so it ends up in proxy and access logs. Callbacks never trust it for
identity (see `identity.owner_id`); this middleware also keeps anyone else from joining,
listening to or keeping alive a session that another identity started: 403.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
import threading
from collections import OrderedDict
from typing import Any
from urllib.parse import parse_qs

from .identity import STATE_KEY

log = logging.getLogger("estratega.ui")

HEARTBEAT = re.compile(r"/heartbeat/([^/]+)/?$")
JOIN_SUFFIXES = ("/queue/join", "/cancel")
DENIED = json.dumps({"detail": "This session belongs to another user."}).encode()


class SessionBindings:
    """Which identity first used each session hash (bounded: the oldest are forgotten)."""

    def __init__(self, limit: int = 50_000) -> None:
        self._owners: OrderedDict[str, str] = OrderedDict()
        self._limit = limit
        self._lock = threading.Lock()

    def claim(self, session_hash: str, who: str) -> bool:
        """True if `who` may use `session_hash`: the first to use it owns it."""
        with self._lock:
            owner = self._owners.setdefault(session_hash, who)
            self._owners.move_to_end(session_hash)
            while len(self._owners) > self._limit:
                self._owners.popitem(last=False)
        return hmac.compare_digest(owner.encode(), who.encode())


class SessionGuard:
    """ASGI middleware (inside `IdentityCookie`): refuses a session hash used by another id."""

    def __init__(self, app: Any, bindings: SessionBindings | None = None) -> None:
        self.app = app
        self.bindings = bindings or SessionBindings()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        who = scope.get("state", {}).get(STATE_KEY)
        if scope["type"] != "http" or not who:
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        hashes = parse_qs(scope.get("query_string", b"").decode("latin-1")).get(
            "session_hash", [])
        if match := HEARTBEAT.search(path):
            hashes.append(match.group(1))
        if scope.get("method") == "POST" and path.endswith(JOIN_SUFFIXES):
            body, receive = await _buffer(receive)
            hashes += _body_hash(body)
        if all(self.bindings.claim(h, who) for h in hashes):
            await self.app(scope, receive, send)
            return
        log.warning("session guard: refused %s for a session another identity started", path)
        await send({"type": "http.response.start", "status": 403,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(DENIED)).encode())]})
        await send({"type": "http.response.body", "body": DENIED})


async def _buffer(receive: Any) -> tuple[bytes, Any]:
    """The whole request body (its size is already capped by `limits.BodyLimit`), and a
    `receive` that replays it."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"", receive
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    body = b"".join(chunks)
    return body, replay_body(body, receive)


def replay_body(body: bytes, receive: Any) -> Any:
    """A `receive` that hands the app the already-read `body` once, then the real `receive`."""
    sent = False

    async def replay() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


def _body_hash(body: bytes) -> list[str]:
    """The `session_hash` a JSON body names, if any."""
    try:
        value = json.loads(body or b"null")
    except ValueError:
        return []
    found = value.get("session_hash") if isinstance(value, dict) else None
    return [found] if isinstance(found, str) and found else []
