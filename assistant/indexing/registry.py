"""Which sources are fully indexed, kept as a small Chroma collection beside the chunks.

A source is listed here only after all its chunks are stored, so after a crash anything in the
chunk collection that the registry does not vouch for is an orphan and is removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .store import ChunkStore


@dataclass(frozen=True)
class SourceRecord:
    """A fully indexed source."""

    source_id: str
    title: str
    kind: str
    language: str
    revision: str
    chunks: int
    origin: str = ""
    owner: str = ""

    def metadata(self) -> dict[str, str | int]:
        return {
            "title": self.title, "kind": self.kind, "language": self.language,
            "revision": self.revision, "chunks": self.chunks, "origin": self.origin,
            "owner": self.owner,
        }


class SourceRegistry:
    """Source records in their own collection (works the same embedded or on a server)."""

    def __init__(self, store: ChunkStore) -> None:
        self._store = store
        self._collection: Any = None

    @property
    def collection(self) -> Any:
        if self._collection is None:
            with self._store.errors():
                self._collection = self._store.client.get_or_create_collection(
                    f"{self._store.name}__sources", embedding_function=None
                )
        return self._collection

    def all(self) -> dict[str, SourceRecord]:
        """Every registered source by id."""
        with self._store.errors():
            got = self.collection.get(include=["metadatas"])
        out: dict[str, SourceRecord] = {}
        for i, sid in enumerate(got["ids"]):
            meta = got["metadatas"][i] or {}
            out[sid] = SourceRecord(
                source_id=sid, title=str(meta.get("title", "")), kind=str(meta.get("kind", "")),
                language=str(meta.get("language", "")), revision=str(meta.get("revision", "")),
                chunks=int(meta.get("chunks", 0)), origin=str(meta.get("origin", "")),
                owner=str(meta.get("owner", "")),
            )
        return out

    def put(self, record: SourceRecord) -> None:
        """Register (or update) a source after its chunks are stored."""
        with self._store.errors():
            self.collection.upsert(
                ids=[record.source_id], embeddings=[[0.0]], metadatas=[record.metadata()]
            )

    def remove(self, source_ids: list[str]) -> None:
        """Unregister sources (before their chunks are deleted)."""
        if source_ids:
            with self._store.errors():
                self.collection.delete(ids=source_ids)

    def reset(self) -> None:
        """Forget every source (with `ingest --rebuild`)."""
        with self._store.errors():
            try:
                self._store.client.delete_collection(f"{self._store.name}__sources")
            except Exception:  # noqa: BLE001 - absent is fine
                pass
        self._collection = None
