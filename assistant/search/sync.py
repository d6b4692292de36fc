"""Several replicas, one index: this replica's BM25 index catches up with changes that other
replicas made to the shared Chroma store, and searches never see half-indexed documents.

Whoever adds or removes a document bumps the `index` counter in the shared database once the
source is registered. Before each search a replica reads that counter (one indexed row);
when it moved, the replica aligns its BM25 index with the store: chunks of registered sources
are added, others removed, without a restart and without touching the store (another replica's
upload may be in flight). Dense results are checked against the same registry snapshot, so a
replica killed mid-upload leaves chunks that no search returns."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np

from ..errors import EstrategaError
from ..indexing.ingest import DENSE_ONLY_KINDS, Ingestor
from ..indexing.registry import SourceRegistry
from ..indexing.store import ChunkStore, StoredChunk
from ..storage import Database
from .lexical import LexicalIndex
from .retrieval import HybridRetriever

log = logging.getLogger(__name__)
COUNTER = "index"
FIELD_KEYS = ("language", "kind", "source_id", "owner")  # as the ingestor indexes them
RETRY_AFTER = 5.0  # seconds without checks after the database failed to answer


class IndexSync:
    """Checks the shared change counter and aligns this replica's BM25 index with the store."""

    def __init__(self, database: Database, store: ChunkStore, registry: SourceRegistry,
                 lexical: LexicalIndex, clock: Callable[[], float] = time.monotonic) -> None:
        self.database = database
        self.store = store
        self.registry = registry
        self.lexical = lexical
        self.clock = clock
        self.seen: int | None = None  # the counter value the index reflects
        self.vouched: set[tuple[str, str]] | None = None  # (source_id, revision) registered
        self.aligned = 0  # how many times this replica caught up (for tests and benchmarks)
        self._quiet_until = 0.0
        self._unannounced = False
        self._lock = threading.Lock()

    def catch_up(self, force: bool = False) -> bool:
        """Align with the store if another replica changed it since (always with `force`);
        True if it aligned.

        If the database does not answer, searching goes on with the index as it is and the
        check is retried a few seconds later (a search must not fail for want of a counter)."""
        if not force and self.clock() < self._quiet_until:
            return False
        current: int | None = None
        try:
            if self._unannounced:
                self._announce()
            current = self.database.counter(COUNTER)
        except EstrategaError as err:
            log.warning("index change counter unavailable: %s", err)
            self._quiet_until = self.clock() + RETRY_AFTER
            if not force:
                return False
        with self._lock:
            if not force and current == self.seen and self.vouched is not None:
                return False
            self.align()
            self.seen = current  # read before aligning: a later change moves it again
            return True

    def align(self) -> None:
        """Make the BM25 index hold exactly the chunks of registered sources (store unchanged)."""
        registered = self.registry.all()
        vouched = {(sid, rec.revision) for sid, rec in registered.items()}
        present: set[str] = set()
        for record in self.store.records(include_documents=False):
            meta = record.metadata
            if (str(meta.get("source_id")), str(meta.get("revision"))) in vouched \
                    and meta.get("kind") not in DENSE_ONLY_KINDS:
                present.add(record.id)
        indexed = self.lexical.ids
        self.lexical.remove(indexed - present)
        for stored in self.store.get(sorted(present - indexed)):
            self.lexical.add(stored.id, stored.text,
                             {k: str(stored.metadata.get(k, "")) for k in FIELD_KEYS})
        self.vouched = vouched
        self.aligned += 1

    def changed(self) -> None:
        """This replica changed the index: tell the others (and do not re-align for it).

        The change itself is done and stays done if the database does not answer: the counter
        is bumped at the next search that reaches it."""
        self.vouched = {(sid, rec.revision) for sid, rec in self.registry.all().items()}
        try:
            self._announce()
        except EstrategaError as err:
            log.warning("index change not announced yet: %s", err)
            self._unannounced = True

    def _announce(self) -> None:
        before = self.seen
        value = self.database.bump(COUNTER)
        self._unannounced = False
        if before is not None and value == before + 1:
            self.seen = value

    def visible(self, record: StoredChunk) -> bool:
        """Whether a stored chunk belongs to a registered source (True before the first sync)."""
        if self.vouched is None:
            return True
        meta = record.metadata
        return (str(meta.get("source_id")), str(meta.get("revision"))) in self.vouched


class SyncedIngestor(Ingestor):
    """An Ingestor that announces its changes to the other replicas.

    With a shared database (`shared=True`) opening does not delete orphan chunks: they may be
    another replica's upload in flight. They stay invisible (`IndexSync.visible`) and are
    overwritten when that upload is retried or restored."""

    def __init__(self, *args: Any, sync: IndexSync, shared: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.index_sync = sync
        self.shared = shared

    def save_lexical(self) -> None:
        """Persist the BM25 index, then bump the shared change counter."""
        super().save_lexical()
        self.index_sync.changed()

    def reconcile(self) -> int:
        """Embedded: remove orphans and align. Shared: align only."""
        removed = 0 if self.shared else super().reconcile()
        self.index_sync.catch_up(force=True)
        return removed


class VouchedStore:
    """The chunk store as searches see it: chunks of unregistered sources are left out."""

    def __init__(self, store: ChunkStore, sync: IndexSync) -> None:
        self._store = store
        self._sync = sync

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def query(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None
              ) -> list[StoredChunk]:
        """Nearest registered chunks."""
        return [r for r in self._store.query(vector, n, where) if self._sync.visible(r)]

    def get(self, ids: Sequence[str]) -> list[StoredChunk]:
        """Registered chunks by id."""
        return [r for r in self._store.get(ids) if self._sync.visible(r)]

    def records(self, include_documents: bool = True, where: dict[str, Any] | None = None,
                page: int = 5000) -> Iterator[StoredChunk]:
        """Every registered chunk (what a search reads whole: a user's own uploads, one
        document, a concept's passages)."""
        return (r for r in self._store.records(include_documents, where, page)
                if self._sync.visible(r))


class SyncedRetriever(HybridRetriever):
    """A HybridRetriever that first catches up with the other replicas' changes."""

    def __init__(self, *args: Any, sync: IndexSync, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.index_sync = sync

    def search(self, query: str, k: int = 5, **kwargs: Any) -> list[Any]:
        """Catch up (one counter read), then search as usual."""
        self.index_sync.catch_up()
        return super().search(query, k, **kwargs)
