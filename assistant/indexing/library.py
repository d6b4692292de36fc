"""The user's own documents: add (checked, saved, indexed all-or-nothing) and remove."""

from __future__ import annotations

import time

from ..errors import DocumentNotFound, ProtectedDocument, UploadRejected
from ..language import LanguageDetector
from .ingest import BudgetExceeded, Ingestor, Progress
from .registry import SourceRecord
from .upload_limits import OwnerSlots, UploadLimits, collapse_repeats
from .uploads import UploadFolder, extract_text, new_upload, safe_name


class DocumentLibrary:
    """Uploads per owner, within the upload limits; built-in knowledge is read-only here."""

    def __init__(self, ingestor: Ingestor, folder: UploadFolder, detector: LanguageDetector,
                 limit_bytes: int, limits: UploadLimits | None = None) -> None:
        self.ingestor = ingestor
        self.folder = folder
        self.detector = detector
        self.limit_bytes = limit_bytes
        self.limits = limits or UploadLimits()
        self.slots = OwnerSlots()

    def add(self, name: str, data: bytes, owner: str, progress: Progress | None = None
            ) -> SourceRecord:
        """Check, save and index one document for `owner`; UploadRejected with a reason."""
        name = safe_name(name)
        with self.slots.hold(owner, name):
            return self._add(name, data, owner, progress)

    def _add(self, name: str, data: bytes, owner: str, progress: Progress | None
             ) -> SourceRecord:
        if progress:
            progress(0.05, name)
        text = extract_text(name, data, self.limit_bytes)
        ingestor, limits = self.ingestor, self.limits
        limits.check_size(name, text, ingestor.chunk_size, ingestor.chunk_overlap)
        text = collapse_repeats(name, text)
        language = self.detector.detect(text[:4000])
        upload = new_upload(name, data, owner, language, text)
        source = upload.source()
        chunks = ingestor.split(source)
        mine = [r for r in ingestor.registry.all().values()
                if r.kind == "upload" and r.owner == owner]
        limits.check_quota(name, upload.source_id, len(chunks), mine)
        self.folder.save(upload)
        if progress:
            progress(0.3, name)
        embedded = None
        if progress:
            embedded = lambda share, label: progress(0.3 + 0.6 * share, label)  # noqa: E731
        deadline = time.monotonic() + limits.index_seconds
        try:
            ingestor.put(source, embedded, deadline=deadline, chunks=chunks)
        except BudgetExceeded:
            if upload.source_id not in ingestor.registry.all():
                self.folder.delete(upload.source_id)  # or a restart would index it after all
            raise UploadRejected(name=name, reason="too_slow",
                                 seconds=f"{limits.index_seconds:g}") from None
        ingestor.save_lexical()
        if progress:
            progress(1.0, name)
        return ingestor.registry.all()[upload.source_id]

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
