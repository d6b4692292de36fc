"""A small real HTTP server on loopback that speaks the OpenAI chat-completions protocol.

Tests queue replies (`reply`, `fail`, `garbage`, `slow`) and read back what was sent."""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Scripted:
    """One scripted response."""

    status: int = 200
    content: str = ""
    delay: float = 0.0
    raw: bytes | None = None  # sent as-is (garbage)
    break_after: int | None = None  # close the stream after this many chunks


@dataclass
class OpenAIServer:
    """Serves scripted replies at http://127.0.0.1:<port>/v1 and records requests."""

    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    _script: deque[Scripted] = field(default_factory=deque)

    def start(self) -> None:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                return

            def do_POST(self) -> None:  # noqa: N802 - http.server API
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                owner.requests.append(body)
                owner.headers.append(dict(self.headers))
                step = owner._script.popleft() if owner._script else Scripted(content="ok")
                if step.delay:
                    time.sleep(step.delay)
                if step.status != 200:
                    payload = json.dumps({"error": {"message": "scripted failure",
                                                    "type": "server_error"}}).encode()
                    self.send_response(step.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                if body.get("stream"):
                    self._stream(step, body)
                else:
                    self._complete(step, body)

            def _complete(self, step: Scripted, body: dict[str, Any]) -> None:
                payload = step.raw if step.raw is not None else json.dumps({
                    "id": "cmpl-1", "object": "chat.completion", "created": 0,
                    "model": body.get("model", "m"),
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": step.content}}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def _stream(self, step: Scripted, body: dict[str, Any]) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                if step.raw is not None:
                    self.wfile.write(step.raw)
                    return
                words = [w + " " for w in step.content.split(" ")] if step.content else []
                for i, piece in enumerate(words):
                    if step.break_after is not None and i >= step.break_after:
                        self.wfile.write(b"data: {broken json\n\n")
                        self.wfile.flush()
                        return
                    chunk = {"id": "c", "object": "chat.completion.chunk", "created": 0,
                             "model": body.get("model", "m"),
                             "choices": [{"index": 0, "delta": {"content": piece},
                                          "finish_reason": None}]}
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                end = {"id": "c", "object": "chat.completion.chunk", "created": 0,
                       "model": body.get("model", "m"),
                       "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
                self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
                self.wfile.flush()

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def reply(self, content: str, **kwargs: Any) -> None:
        """Queue a normal answer (streamed if the client asks for a stream)."""
        self._script.append(Scripted(content=content, **kwargs))

    def fail(self, status: int) -> None:
        """Queue an HTTP error."""
        self._script.append(Scripted(status=status))

    def garbage(self) -> None:
        """Queue an unreadable stream."""
        self._script.append(Scripted(raw=b"data: {not json at all\n\ndata: [DONE]\n\n"))
