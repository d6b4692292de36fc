"""With login on, every route but the login page and its static files needs a logged-in user.

Gradio checks the login on its data routes, but a few (the session heartbeat, event
cancellation, ...) answer anyone. This ASGI middleware closes them all: deny by default.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from starlette.requests import HTTPConnection

log = logging.getLogger("estratega.ui")

# What the login page itself needs before anyone has logged in.
OPEN_PATHS = frozenset({"/login", "/login/", "/logout", "/theme.css", "/manifest.json",
                        "/favicon.ico", "/config", "/config/", "/gradio_api/startup-events"})
OPEN_PREFIXES = ("/assets/", "/static/", "/svelte/", "/gradio_api/assets/",
                 "/gradio_api/static/")
API_INFO = re.compile(rb"window\.gradio_api_info = .*?</script>", re.DOTALL)
EMPTY_API_INFO = b'window.gradio_api_info = {"named_endpoints":{},"unnamed_endpoints":{}};</script>'
DENIED = json.dumps({"detail": {"error": "Not authenticated", "auth_message": None}}).encode()


class LoginGate:
    """Answers 401 to any request for a protected path without a valid login cookie."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket") or self._logged_in(scope):
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if path == "/":  # the login page, without the description of the API Gradio adds
            await self.app(scope, receive, _without_api_info(send))
            return
        if path in OPEN_PATHS or path.startswith(OPEN_PREFIXES):
            await self.app(scope, receive, send)
            return
        log.info("login gate: refused %s without a login", scope.get("path"))
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        await send({"type": "http.response.start", "status": 401,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(DENIED)).encode())]})
        await send({"type": "http.response.body", "body": DENIED})

    @staticmethod
    def _logged_in(scope: dict[str, Any]) -> bool:
        """True with a valid login cookie, or when login is off."""
        gradio_app = scope.get("app")
        if gradio_app is None or getattr(gradio_app, "auth", None) is None:
            return True
        cookies = HTTPConnection(scope).cookies
        cookie_id = getattr(gradio_app, "cookie_id", "")
        token = (cookies.get(f"access-token-{cookie_id}")
                 or cookies.get(f"access-token-unsecure-{cookie_id}"))
        return bool(token) and token in getattr(gradio_app, "tokens", {})


def _without_api_info(send: Any) -> Any:
    """Wraps `send` to drop the API description from the login page (sent as one buffer)."""
    start: dict[str, Any] = {}
    body = bytearray()

    async def wrapped(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            start.update(message)
            return
        if message["type"] != "http.response.body":
            await send(message)
            return
        body.extend(message.get("body", b""))
        if message.get("more_body"):
            return
        page = API_INFO.sub(EMPTY_API_INFO, bytes(body))
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(page)).encode()))
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": page})

    return wrapped
