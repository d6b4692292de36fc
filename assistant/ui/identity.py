"""Who a request belongs to, decided on the server: never from a value an API client sends.

A browser keeps a *signed* id in its localStorage (`gr.BrowserState` is encrypted with a key
that every page can read, so it protects nothing by itself). On page load the server checks the
signature with a key only it holds and copies the id into server-side `gr.State`; every callback
reads the owner from that state, or from the login name when auth is on.
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

KEY_FILE = "ui-signing.key"


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


def owner_id(owner: Any, request: gr.Request | None = None) -> str:
    """The user's id: the login name with auth on, else the verified browser id kept in
    server-side state, else the caller's Gradio session (API clients that never load the page).

    `owner` must come from `gr.State`, which clients cannot set; nobody shares an identity.
    """
    if request is not None and getattr(request, "username", None):
        return f"user:{request.username}"
    if isinstance(owner, str) and owner.startswith("browser:"):
        return owner
    session = getattr(request, "session_hash", None) if request is not None else None
    return f"session:{session}" if session else f"anon:{uuid.uuid4().hex}"
