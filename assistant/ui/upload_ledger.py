"""Which identity uploaded each file in Gradio's cache.

Gradio's upload route stores a file and hands its path back; any later call may name any path
in the cache as its input, and `/gradio_api/file=` serves any of them to whoever asks. Here the
paths the upload route returns are written down under the identity that sent the upload: the
upload callback accepts only its own identity's files, and another identity asking for one of
them gets 403.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections import OrderedDict
from typing import Any
from urllib.parse import unquote

from .identity import STATE_KEY

log = logging.getLogger("estratega.ui")

DENIED = json.dumps({"detail": "This file belongs to another user."}).encode()
FILE_ROUTE = "/file="
UPLOAD_ROUTES = ("/upload", "/gradio_api/upload")


class UploadLedger:
    """Uploaded path -> identity (bounded: the oldest are forgotten)."""

    def __init__(self, limit: int = 50_000) -> None:
        self._owners: OrderedDict[str, str] = OrderedDict()
        self._limit = limit
        self._lock = threading.Lock()

    def record(self, who: str, paths: list[str]) -> None:
        """`who` uploaded these paths."""
        with self._lock:
            for path in paths:
                self._owners[_key(path)] = who
                self._owners.move_to_end(_key(path))
            while len(self._owners) > self._limit:
                self._owners.popitem(last=False)

    def take(self, who: str | None, path: str) -> bool:
        """True (and forgotten: an upload is consumed once) if `who` uploaded `path`."""
        with self._lock:
            if who is None or self._owners.get(_key(path)) != who:
                return False
            del self._owners[_key(path)]
            return True

    def owner(self, path: str) -> str | None:
        """Who uploaded `path`; None for any other file."""
        with self._lock:
            return self._owners.get(_key(path))


class UploadRecorder:
    """ASGI middleware (inside `IdentityCookie`): records the files each upload stored, and
    refuses to serve an uploaded file to another identity."""

    def __init__(self, app: Any, ledger: UploadLedger) -> None:
        self.app = app
        self.ledger = ledger

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        who = scope.get("state", {}).get(STATE_KEY)
        path = scope.get("path", "")
        if scope["type"] != "http" or not who:
            await self.app(scope, receive, send)
            return
        if FILE_ROUTE in path:
            owner = self.ledger.owner(unquote(path.split(FILE_ROUTE, 1)[1]))
            if owner is not None and owner != who:
                log.warning("upload ledger: refused another identity's upload")
                await send({"type": "http.response.start", "status": 403,
                            "headers": [(b"content-type", b"application/json"),
                                        (b"content-length", str(len(DENIED)).encode())]})
                await send({"type": "http.response.body", "body": DENIED})
                return
        if scope.get("method") == "POST" and path.rstrip("/") in UPLOAD_ROUTES:
            await self.app(scope, receive, self._recording(who, send))
            return
        await self.app(scope, receive, send)

    def _recording(self, who: str, send: Any) -> Any:
        """Wraps `send` to read the paths in a successful upload's JSON reply."""
        status, body = 0, bytearray()

        async def wrapped(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body" and status == 200:
                body.extend(message.get("body", b""))
                if not message.get("more_body"):
                    self.ledger.record(who, _paths(bytes(body)))
            await send(message)

        return wrapped


def _paths(body: bytes) -> list[str]:
    try:
        value = json.loads(body or b"null")
    except ValueError:
        return []
    return [p for p in value if isinstance(p, str)] if isinstance(value, list) else []


def _key(path: str) -> str:
    return os.path.realpath(path)
