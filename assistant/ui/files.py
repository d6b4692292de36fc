"""What the web app leaves on disk: nothing an upload or a download does not need right now.

Gradio stores every upload in its cache (`<cache>/<content hash>/<name>`), serves any file there
to whoever knows the path, and keeps it until the cache is swept. An upload is deleted here as
soon as it has been read (indexed or refused); plan downloads are written into one folder per
owner inside the cache (named by a keyed hash of the owner, so nobody can guess another's), and
each view replaces that plan's files instead of adding new ones.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import shutil
import uuid
from pathlib import Path
from typing import Any

from gradio.utils import get_upload_folder

log = logging.getLogger("estratega.ui")

EXPORTS = "estratega-exports"


def upload_path(payload: Any) -> str | None:
    """The cached path of an upload that its event received unprocessed (`preprocess=False`).

    Why unprocessed: `gr.File(type="filepath")` preprocessing leaves an empty temporary file
    in the cache, still open, for every upload (Gradio 6.31, `File._process_single_file`).
    With the event's public `preprocess=False` the callback gets Gradio's `FileData` as a dict
    instead; Gradio has already moved the file into its cache and checked that it lies in the
    upload folder (`Blocks.preprocess_data` does that whatever `preprocess` says), so nothing
    is lost but that empty file. The file type is not checked here but in the callback, once
    it knows the file is the caller's own upload (`UploadLedger`): it then deletes a refused
    file at once, and never deletes another user's."""
    if isinstance(payload, list):  # a `ListFiles` payload, dumped
        payload = payload[0] if payload else None
    if isinstance(payload, dict):
        return str(payload.get("path") or "") or None
    return str(payload) if payload else None


def cache_root() -> Path:
    """Gradio's cache folder (`GRADIO_TEMP_DIR`, else `<tmp>/gradio`)."""
    return Path(get_upload_folder()).resolve()


def discard_upload(path: str | os.PathLike[str] | None) -> None:
    """Delete an uploaded file from Gradio's cache, and its folder when that is left empty.
    Paths outside the cache are never touched."""
    if not path:
        return
    root, file = cache_root(), Path(path).resolve()
    if root not in file.parents:
        return
    try:
        file.unlink(missing_ok=True)
        parent = file.parent
        if parent != root and not any(parent.iterdir()):
            parent.rmdir()
    except OSError as exc:  # another request may be using the same content-hash folder
        log.info("could not delete the uploaded file %s: %s", file.name, exc)


class ExportFolder:
    """Per-owner folders for plan downloads inside Gradio's cache."""

    def __init__(self, key: bytes | None = None, root: Path | None = None) -> None:
        # A new key per process is enough: the cache is emptied when the server starts.
        self._key = key or secrets.token_bytes(32)
        self._root = root

    def folder(self, owner: str) -> Path:
        """This owner's folder (not created)."""
        digest = hmac.new(self._key, owner.encode("utf-8"), hashlib.sha256).hexdigest()[:32]
        return (self._root or cache_root()) / EXPORTS / digest

    def write(self, owner: str, plan_id: str, files: dict[str, bytes]) -> list[str]:
        """Replace the plan's downloads with `files` (name -> bytes); their paths, in order."""
        target = self.folder(owner) / _plain(plan_id)
        target.mkdir(parents=True, exist_ok=True)
        for old in target.iterdir():
            if old.name not in files:
                _remove(old)
        paths = []
        for name, data in files.items():
            path = target / name
            tmp = target / f".{uuid.uuid4().hex}.part"
            tmp.write_bytes(data)
            os.replace(tmp, path)  # a download in progress keeps reading the old file
            paths.append(str(path))
        return paths

    def clear(self, owner: str) -> None:
        """Delete every download of this owner."""
        shutil.rmtree(self.folder(owner), ignore_errors=True)


def _plain(name: str) -> str:
    cleaned = "".join(ch for ch in name if ch.isalnum() or ch in "-_")[:80]
    return cleaned or "plan"


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
