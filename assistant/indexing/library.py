"""The user's own documents: add (checked, saved, indexed all-or-nothing) and remove."""

from __future__ import annotations

from ..errors import DocumentNotFound, ProtectedDocument
from ..language import LanguageDetector
from .ingest import Ingestor, Progress
from .registry import SourceRecord
from .uploads import UploadFolder, extract_text, new_upload, safe_name


class DocumentLibrary:
    """Uploads per owner; built-in knowledge is read-only here."""

    def __init__(self, ingestor: Ingestor, folder: UploadFolder, detector: LanguageDetector,
                 limit_bytes: int) -> None:
        self.ingestor = ingestor
        self.folder = folder
        self.detector = detector
        self.limit_bytes = limit_bytes

    def add(self, name: str, data: bytes, owner: str, progress: Progress | None = None
            ) -> SourceRecord:
        """Check, save and index one document for `owner`; UploadRejected with a reason."""
        name = safe_name(name)
        if progress:
            progress(0.05, name)
        text = extract_text(name, data, self.limit_bytes)
        language = self.detector.detect(text[:4000])
        upload = new_upload(name, data, owner, language, text)
        self.folder.save(upload)
        if progress:
            progress(0.3, name)
        embedded = None
        if progress:
            embedded = lambda share, label: progress(0.3 + 0.6 * share, label)  # noqa: E731
        self.ingestor.put(upload.source(), embedded)
        self.ingestor.save_lexical()
        if progress:
            progress(1.0, name)
        return self.ingestor.registry.all()[upload.source_id]

    def remove(self, source_id: str, owner: str | None) -> None:
        """Remove an uploaded document of this owner (None: any owner, for local tools)."""
        record = self.ingestor.registry.all().get(source_id)
        if record is None:
            raise DocumentNotFound(source_id=source_id)
        if record.kind != "upload":
            raise ProtectedDocument(source_id=source_id)
        if owner is not None and record.owner != owner:
            raise DocumentNotFound(source_id=source_id)  # other users' documents do not exist
        self.ingestor.remove([source_id])
        self.ingestor.save_lexical()
        self.folder.delete(source_id)

    def restore(self) -> int:
        """Index saved uploads that the index lacks (after a rebuild or an interrupted add)."""
        registered = self.ingestor.registry.all()
        restored = 0
        for upload in self.folder.load_all():
            record = registered.get(upload.source_id)
            if record is None or record.revision != upload.source().content_hash:
                self.ingestor.put(upload.source())
                restored += 1
        if restored:
            self.ingestor.save_lexical()
        return restored

    def visible(self, records: list[SourceRecord], owner: str | None) -> list[SourceRecord]:
        """Built-in sources and this owner's uploads (everything for owner None)."""
        if owner is None:
            return records
        return [r for r in records if r.kind != "upload" or r.owner == owner]
