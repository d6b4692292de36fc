"""Users' own documents: checked by content (not by name), turned into text, kept on disk."""

from __future__ import annotations

import hashlib
import io
import json
import os
import unicodedata
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath

from ..documents import Source
from ..errors import DataDirNotWritable, UploadRejected

EXTENSIONS = (".txt", ".md", ".pdf", ".docx")
MAX_UNZIPPED_RATIO = 100  # a DOCX that inflates more than this is treated as a zip bomb
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Upload:
    """An accepted document: its text and who it belongs to."""

    source_id: str
    name: str
    owner: str
    language: str
    text: str

    def source(self) -> Source:
        """As an indexable source."""
        return Source(source_id=self.source_id, title=self.name, kind="upload",
                      language=self.language, text=self.text, origin=self.name, owner=self.owner)


def safe_name(name: str) -> str:
    """The file name if it is a plain name; UploadRejected for paths, `..` or control chars.

    Invisible format characters (bidi overrides and isolates, zero-width marks) are stripped,
    so a name always reads as what it is:

    >>> safe_name("\u202egpj.md")
    'gpj.md'
    >>> safe_name("in\u200bvoice\u2066.txt\u2069")
    'invoice.txt'
    """
    cleaned = "".join(ch for ch in (name or "") if unicodedata.category(ch) != "Cf").strip()
    if (not cleaned or "/" in cleaned or "\\" in cleaned or ".." in cleaned
            or any(ord(ch) < 32 for ch in cleaned) or cleaned.startswith(".")
            or len(cleaned) > 200 or PurePosixPath(cleaned).name != cleaned):
        raise UploadRejected(name=cleaned[:80] or "?", reason="bad_name")
    return cleaned


def extract_text(name: str, data: bytes, limit_bytes: int) -> str:
    """Text of a .txt/.md/.pdf/.docx file, after checking size and that content matches type."""
    if len(data) > limit_bytes:
        raise UploadRejected(name=name, reason="too_large", limit_mb=round(limit_bytes / 2**20))
    if not data.strip():
        raise UploadRejected(name=name, reason="empty")
    ext = os.path.splitext(name)[1].lower()
    if ext not in EXTENSIONS:
        raise UploadRejected(name=name, reason="unsupported")
    if ext == ".pdf":
        if not data.startswith(b"%PDF-"):
            raise UploadRejected(name=name, reason="mismatch")
        text = _pdf_text(name, data)
    elif ext == ".docx":
        if not data.startswith(b"PK\x03\x04"):
            raise UploadRejected(name=name, reason="mismatch")
        text = _docx_text(name, data)
    else:
        if data.startswith((b"%PDF-", b"PK\x03\x04")):
            raise UploadRejected(name=name, reason="mismatch")
        text = _plain_text(name, data)
    text = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()
    if len(text) < 20:
        raise UploadRejected(name=name, reason="no_text")
    return text


def _plain_text(name: str, data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise UploadRejected(name=name, reason="binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Latin-1 family, the usual legacy case
        if text.count("\ufffd") > max(3, len(text) // 100):
            raise UploadRejected(name=name, reason="encoding") from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > len(text[:8192]) // 50:
        raise UploadRejected(name=name, reason="binary")
    return text


def _pdf_text(name: str, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UploadRejected(name=name, reason="encrypted")
        pages = [page.extract_text() or "" for page in reader.pages[:2000]]
    except UploadRejected:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        if "encrypt" in str(exc).lower() or "decrypt" in str(exc).lower():
            raise UploadRejected(name=name, reason="encrypted") from exc
        raise UploadRejected(name=name, reason="corrupt") from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise UploadRejected(name=name, reason="no_text")
    return text


def _docx_text(name: str, data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            inflated = sum(i.file_size for i in infos)
            if inflated > min(MAX_UNZIPPED_BYTES, MAX_UNZIPPED_RATIO * max(len(data), 1)):
                raise UploadRejected(name=name, reason="bomb")
            if "word/document.xml" not in archive.namelist():
                raise UploadRejected(name=name, reason="mismatch")
    except zipfile.BadZipFile as exc:
        raise UploadRejected(name=name, reason="corrupt") from exc
    try:
        import docx  # python-docx parses without resolving entities or fetching external refs

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - any parse failure means a damaged file
        raise UploadRejected(name=name, reason="corrupt") from exc
    parts = [p.text for p in document.paragraphs if p.text.strip()]
    for table in document.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells if c.text.strip()]
            if cells:
                parts.append(" | ".join(cells))
    return "\n\n".join(parts)


class UploadFolder:
    """Accepted uploads saved as JSON in the data directory, so a rebuild never loses them."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def save(self, upload: Upload) -> None:
        """Write atomically (temp file + rename)."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            path = self._path(upload.source_id)
            tmp = path.with_suffix(".tmp")
            with open(tmp, "w", encoding="utf-8") as handle:
                json.dump(asdict(upload), handle, ensure_ascii=False)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except OSError as exc:
            raise DataDirNotWritable(where=str(self.root)) from exc

    def load_all(self) -> list[Upload]:
        """Every saved upload (unreadable files are skipped)."""
        out: list[Upload] = []
        for path in sorted(self.root.glob("*.json")) if self.root.exists() else []:
            try:
                out.append(Upload(**json.loads(path.read_text("utf-8"))))
            except (OSError, ValueError, TypeError):
                continue
        return out

    def delete(self, source_id: str) -> None:
        """Forget a saved upload."""
        try:
            self._path(source_id).unlink(missing_ok=True)
        except OSError as exc:
            raise DataDirNotWritable(where=str(self.root)) from exc

    def _path(self, source_id: str) -> Path:
        return self.root / f"{source_id}.json"


def new_upload(name: str, data: bytes, owner: str, language: str, text: str) -> Upload:
    """An Upload with an id derived from its owner and content (re-uploading is idempotent)."""
    digest = hashlib.sha256(owner.encode() + b"\x00" + data).hexdigest()[:16]
    return Upload(source_id=f"upload-{digest}", name=name, owner=owner, language=language,
                  text=text)
