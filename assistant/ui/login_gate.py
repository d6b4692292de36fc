"""With login on, every route but the login page and its static files needs a logged-in user.

Gradio checks the login on its data routes, but a few (the session heartbeat, event
cancellation, ...) answer anyone. This ASGI middleware closes them all: deny by default.
It also throttles password guessing (throttle.py): it reads the user name as Gradio's login
does (Starlette's form parser: URL-encoded or multipart, the last `username` wins), and while
that name or the address must wait, `POST /login` answers 429 with a message in the browser's
language.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from typing import Any

from starlette.requests import HTTPConnection, Request

from .sessions import replay_body
from .throttle import LoginThrottle

log = logging.getLogger("estratega.ui")

# What the login page itself needs before anyone has logged in.
OPEN_PATHS = frozenset({"/login", "/login/", "/logout", "/theme.css", "/manifest.json",
                        "/favicon.ico", "/config", "/config/", "/gradio_api/startup-events"})
OPEN_PREFIXES = ("/assets/", "/static/", "/svelte/", "/gradio_api/assets/",
                 "/gradio_api/static/")
API_INFO = re.compile(rb"window\.gradio_api_info = .*?</script>", re.DOTALL)
EMPTY_API_INFO = b'window.gradio_api_info = {"named_endpoints":{},"unnamed_endpoints":{}};</script>'
DENIED = json.dumps({"detail": {"error": "Not authenticated", "auth_message": None}}).encode()
LOGIN_PATHS = frozenset({"/login", "/login/"})
MAX_LOGIN_BODY = 16 * 1024


class LoginGate:
    """Answers 401 to any request for a protected path without a valid login cookie, and 429
    to login attempts while the user name or the address is locked out."""

    def __init__(self, app: Any, throttle: LoginThrottle | None = None,
                 message: Callable[[str, float], str] | None = None) -> None:
        self.app = app
        self.throttle = throttle
        self.message = message or (lambda _lang, minutes: f"Too many failed logins: wait "
                                   f"{minutes:g} minutes.")

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if (self.throttle is not None and scope["type"] == "http"
                and scope.get("method") == "POST" and scope.get("path") in LOGIN_PATHS):
            await self._login(scope, receive, send)
            return
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

    async def _login(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        """Pass a login attempt on unless locked out; count how it went."""
        assert self.throttle is not None  # noqa: S101 - checked by the caller
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > MAX_LOGIN_BODY:
                await _reply(send, 413, {"detail": "Login form too large."})
                return
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        user = await login_name(scope, body)
        address = (scope.get("client") or ("?", 0))[0]
        wait = self.throttle.wait(user, address)
        if wait > 0:
            log.warning("login gate: throttled a login for %r from %s", user, address)
            lang = HTTPConnection(scope).headers.get("accept-language", "")
            minutes = max(1, -(-int(wait) // 60))
            await _reply(send, 429, {"detail": self.message(lang, minutes)},
                         [(b"retry-after", str(int(wait) + 1).encode())])
            return
        status = 0
        replay = replay_body(body, receive)

        async def watched(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        await self.app(scope, replay, watched)
        if status in (400, 401, 403):
            self.throttle.failed(user, address)
        elif 200 <= status < 300:
            self.throttle.succeeded(user, address)

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


async def login_name(scope: dict[str, Any], body: bytes) -> str:
    """The user name Gradio's login reads from this body: FastAPI's form parsing (URL-encoded or
    multipart, the last `username` field wins), stripped as Gradio strips it."""
    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    try:
        form = await Request(scope, receive).form()
    except Exception:  # noqa: BLE001 - a body Gradio cannot parse is not a login either
        return ""
    value = form.get("username")
    await form.close()
    return value.strip() if isinstance(value, str) else ""


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


async def _reply(send: Any, status: int, payload: dict[str, Any],
                 headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *(headers or [])]})
    await send({"type": "http.response.body", "body": body})
