"""Request size limits enforced at the door, before a body is read into memory or stored.

A POST, PUT or PATCH must say how long it is (`Content-Length`), and is refused with 413 when
that is over the limit: the file upload route gets the upload limit (plus room for the
multipart framing), every other route a small one. The bytes are also counted as they arrive,
so a body longer than it claimed is cut off. Gradio's own `max_file_size` (set in `launch`)
refuses a single oversized file inside an upload and deletes what it had written.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from starlette.requests import HTTPConnection

log = logging.getLogger("estratega.ui")

UPLOAD_SUFFIX = "/upload"
MULTIPART_ROOM = 64 * 1024  # boundaries and part headers around the file itself
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


class BodyTooLarge(Exception):
    """Raised inside the app when a body turns out longer than the limit."""


class BodyLimit:
    """ASGI middleware: 411 without a length, 413 over the limit, counted as it streams."""

    def __init__(self, app: Any, upload_bytes: int, other_bytes: int,
                 message: Callable[[str, float], str] | None = None) -> None:
        self.app = app
        self.upload_bytes = upload_bytes + MULTIPART_ROOM
        self.other_bytes = other_bytes
        self.message = message or (lambda _lang, mb: f"The request is too large ({mb:g} MB).")

    def limit_for(self, path: str) -> int:
        """The largest body accepted on `path`."""
        return self.upload_bytes if path.rstrip("/").endswith(UPLOAD_SUFFIX) else self.other_bytes

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope.get("method") not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope.get("path", ""))
        shown_mb = round((limit - MULTIPART_ROOM if limit == self.upload_bytes else limit)
                         / 2**20, 2)
        connection = HTTPConnection(scope)
        length = connection.headers.get("content-length")
        lang = connection.headers.get("accept-language", "")
        if length is None or not length.isdigit():
            if connection.headers.get("transfer-encoding"):
                await self._refuse(send, 411, "A request body needs a Content-Length.")
                return
            length = "0"
        if int(length) > limit:
            log.info("body limit: refused %s bytes for %s", length, scope.get("path"))
            await self._refuse(send, 413, self.message(lang, shown_mb))
            return
        received = 0
        started = False

        async def counted() -> dict[str, Any]:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(scope.get("path", ""))
            return message

        async def watched(message: dict[str, Any]) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge:
            if not started:
                await self._refuse(send, 413, self.message(lang, shown_mb))

    @staticmethod
    async def _refuse(send: Any, status: int, text: str) -> None:
        body = json.dumps({"detail": text}, ensure_ascii=False).encode("utf-8")
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json; charset=utf-8"),
                                (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
