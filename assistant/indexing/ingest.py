"""Keeps the chunk store, the source registry and the BM25 index in step with the sources."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from ..documents import BUILTIN_KINDS, Chunk, Source
from ..errors import KnowledgeFileError
from .chunking import split_source
from .registry import SourceRecord, SourceRegistry
from .store import ChunkStore

Progress = Callable[[float, str], None]
# Kinds kept out of BM25: the playbook's guides, found by their vectors and by the business a
# question names. In BM25 their words shifted the statistics enough to cost held-out article
# recall@5 (0.71 -> 0.69, benchmarks/retrieval.py).
DENSE_ONLY_KINDS = ("playbook",)
EMBED_BATCH = 64


class BudgetExceeded(Exception):
    """Embedding a source ran past its deadline; nothing of it was stored."""


class KeywordIndex(Protocol):
    """What ingestion needs of the BM25 index (`search.lexical.LexicalIndex`): declared here so
    that indexing does not import the search layer above it."""

    @property
    def ids(self) -> set[str]: ...

    def add(self, chunk_id: str, text: str, fields: dict[str, str]) -> None: ...

    def remove(self, chunk_ids: Iterable[str]) -> None: ...

    def save(self, path: Path) -> None: ...


@dataclass
class IngestReport:
    """What an ingest run changed."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    chunks_added: int = 0
    chunks_removed: int = 0
    skipped: list[KnowledgeFileError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def chunks_per_second(self) -> float:
        return self.chunks_added / self.seconds if self.seconds else 0.0


class Ingestor:
    """Adds, updates and removes sources so that all three indexes agree."""

    def __init__(self, store: ChunkStore, registry: SourceRegistry, lexical: KeywordIndex,
                 lexical_path: Path, embed: Callable[[Sequence[str]], np.ndarray],
                 chunk_size: int = 1000, chunk_overlap: int = 120) -> None:
        self.store = store
        self.registry = registry
        self.lexical = lexical
        self.lexical_path = lexical_path
        self.embed = embed
        self.chunk_size = chunk_size
        self.chunk_overlap = chunk_overlap

    def sync(self, sources: Iterable[Source], kinds: Sequence[str] = BUILTIN_KINDS,
             progress: Progress | None = None) -> IngestReport:
        """Make the index hold exactly these sources among `kinds` (others are left alone)."""
        started = time.perf_counter()
        report = IngestReport()
        wanted = {s.source_id: s for s in sources}
        registered = self.registry.all()
        stale = [sid for sid, rec in registered.items() if rec.kind in kinds and sid not in wanted]
        if stale:
            report.chunks_removed += self.remove(stale)
            report.removed.extend(stale)
        todo = [s for s in wanted.values()
                if registered.get(s.source_id) is None
                or registered[s.source_id].revision != s.content_hash]
        report.unchanged = len(wanted) - len(todo)
        for i, source in enumerate(todo):
            if progress:
                progress(i / max(len(todo), 1), source.title)
            previous = registered.get(source.source_id)
            added, removed = self.put(source)
            report.chunks_added += added
            report.chunks_removed += removed
            (report.updated if previous else report.added).append(source.source_id)
        if progress:
            progress(1.0, "")
        self.save_lexical()
        report.seconds = time.perf_counter() - started
        return report

    def put(self, source: Source, progress: Progress | None = None,
            deadline: float | None = None,
            chunks: list[Chunk] | None = None) -> tuple[int, int]:
        """Index one source atomically: new chunks, then the registry entry, then old chunks go.

        A crash before the registry entry leaves orphans that `reconcile` removes, so a source
        is either wholly indexed in its new revision or still in its old one. `progress`
        hears the share of chunks embedded so far. Past `deadline` (time.monotonic) it stops
        embedding and raises BudgetExceeded before anything is stored.
        """
        if chunks is None:
            chunks = self.split(source)
        old_ids = self._ids_of(source.source_id)
        vectors = self._embed_chunks(chunks, progress, deadline)
        self.store.add(chunks, vectors)
        self.registry.put(SourceRecord(
            source_id=source.source_id, title=source.title, kind=source.kind,
            language=source.language, revision=source.content_hash, chunks=len(chunks),
            origin=source.origin, owner=source.owner,
        ))
        new_ids = {c.id for c in chunks}
        obsolete = sorted(old_ids - new_ids)
        self.store.delete(obsolete)
        self.lexical.remove(obsolete)
        for chunk in chunks:
            if chunk.kind not in DENSE_ONLY_KINDS:
                self.lexical.add(chunk.id, chunk.text, _fields(chunk))
        return len(chunks), len(obsolete)

    def split(self, source: Source) -> list[Chunk]:
        """The source's passages, as `put` would index them."""
        return split_source(source, self.chunk_size, self.chunk_overlap)

    def remove(self, source_ids: Sequence[str]) -> int:
        """Unregister sources first, then delete their chunks (a crash leaves only orphans)."""
        self.registry.remove(list(source_ids))
        ids: list[str] = []
        for sid in source_ids:
            ids.extend(self._ids_of(sid))
        self.store.delete(ids)
        self.lexical.remove(ids)
        return len(ids)

    def reconcile(self) -> int:
        """Remove chunks no registered source vouches for, and align BM25 with the store."""
        registered = self.registry.all()
        orphans: list[str] = []
        present: set[str] = set()
        for record in self.store.records(include_documents=False):
            rec = registered.get(str(record.metadata.get("source_id")))
            if rec is None or rec.revision != record.metadata.get("revision"):
                orphans.append(record.id)
            elif record.metadata.get("kind") not in DENSE_ONLY_KINDS:
                present.add(record.id)
        self.store.delete(orphans)
        indexed = self.lexical.ids
        extra, missing = indexed - present, present - indexed
        self.lexical.remove(extra)
        for stored in self.store.get(sorted(missing)):
            fields = {k: str(stored.metadata.get(k, "")) for k in _FIELD_KEYS}
            self.lexical.add(stored.id, stored.text, fields)
        changed = bool(orphans or extra or missing)
        if changed:
            self.save_lexical()
        return len(orphans)

    def save_lexical(self) -> None:
        """Persist the BM25 index next to the store."""
        self.lexical.save(self.lexical_path)

    def _ids_of(self, source_id: str) -> set[str]:
        return {r.id for r in self.store.records(include_documents=False,
                                                 where={"source_id": source_id})}

    def _embed_chunks(self, chunks: Sequence[Chunk], progress: Progress | None = None,
                      deadline: float | None = None) -> np.ndarray:
        parts = []
        for i in range(0, len(chunks), EMBED_BATCH):
            if deadline is not None and time.monotonic() > deadline:
                raise BudgetExceeded(chunks[0].source_id)
            parts.append(self.embed([c.text for c in chunks[i : i + EMBED_BATCH]]))
            if progress:
                progress(min(1.0, (i + EMBED_BATCH) / len(chunks)), chunks[0].source_id)
        return np.vstack(parts) if parts else np.zeros((0, 1), dtype=np.float32)


_FIELD_KEYS = ("language", "kind", "source_id", "owner")


def _fields(chunk: Chunk) -> dict[str, str]:
    return {"language": chunk.language, "kind": chunk.kind, "source_id": chunk.source_id,
            "owner": chunk.owner}
