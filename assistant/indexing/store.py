"""The Chroma collection that holds every chunk: embedded by default, a server when configured."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction

from ..documents import Chunk
from ..errors import (
    DataDirNotWritable,
    EstrategaError,
    StoreCorrupt,
    StoreMissing,
    StoreUnavailable,
)
from ..settings import Settings


@dataclass(frozen=True)
class StoredChunk:
    """A chunk as read back from the store."""

    id: str
    text: str
    metadata: dict[str, Any]
    similarity: float = 0.0


class ChunkStore:
    """Narrow interface over one Chroma collection."""

    def __init__(self, client: Any, name: str, embedding_function: EmbeddingFunction[Documents],
                 where: str) -> None:
        """`client` is a Chroma client, or a callable that connects on first use (so building
        the runtime never touches the disk or the network)."""
        self._client = client
        self.name = name
        self._ef = embedding_function
        self.where = where
        self._collection: Any = None

    # -- opening -------------------------------------------------------------------------------
    def open(self, create: bool = False) -> ChunkStore:
        """Open the collection (creating it if asked); StoreMissing if it does not exist."""
        with self.errors():
            if create:
                self._collection = self.client.get_or_create_collection(
                    self.name,
                    embedding_function=self._ef,
                    configuration={"hnsw": {"space": "cosine"}},
                )
            else:
                try:
                    self._collection = self.client.get_collection(
                        self.name, embedding_function=self._ef
                    )
                except Exception as exc:  # chromadb raises NotFoundError or ValueError
                    if "does not exist" in str(exc) or type(exc).__name__ == "NotFoundError":
                        raise StoreMissing() from exc
                    raise
        return self

    @property
    def client(self) -> Any:
        if callable(self._client) and not hasattr(self._client, "get_collection"):
            self._client = self._client()
        return self._client

    @property
    def collection(self) -> Any:
        if self._collection is None:
            self.open()
        return self._collection

    def reset(self) -> None:
        """Drop and recreate the collection (used by `ingest --rebuild`)."""
        with self.errors():
            try:
                self.client.delete_collection(self.name)
            except Exception:  # noqa: BLE001 - absent collection is fine
                pass
            self._collection = None
        self.open(create=True)

    # -- writing -------------------------------------------------------------------------------
    def add(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        """Add chunks with their vectors, in batches the server accepts."""
        batch = self._batch_size()
        with self.errors():
            for start in range(0, len(chunks), batch):
                part = chunks[start : start + batch]
                self.collection.upsert(
                    ids=[c.id for c in part],
                    documents=[c.text for c in part],
                    metadatas=[c.metadata() for c in part],
                    embeddings=vectors[start : start + batch],
                )

    def delete(self, ids: Sequence[str]) -> None:
        """Remove chunks by id."""
        batch = self._batch_size()
        with self.errors():
            for start in range(0, len(ids), batch):
                self.collection.delete(ids=list(ids[start : start + batch]))

    # -- reading -------------------------------------------------------------------------------
    def count(self) -> int:
        with self.errors():
            return int(self.collection.count())

    def records(self, include_documents: bool = True, where: dict[str, Any] | None = None,
                page: int = 5000) -> Iterator[StoredChunk]:
        """Every stored chunk, paged."""
        include = ["metadatas", "documents"] if include_documents else ["metadatas"]
        offset = 0
        while True:
            with self.errors():
                got = self.collection.get(include=include, where=where, limit=page, offset=offset)
            ids = got["ids"]
            for i, chunk_id in enumerate(ids):
                text = got["documents"][i] if include_documents else ""
                yield StoredChunk(chunk_id, text or "", dict(got["metadatas"][i] or {}))
            if len(ids) < page:
                return
            offset += page

    def get(self, ids: Sequence[str]) -> list[StoredChunk]:
        """Chunks by id, in the order asked (missing ids skipped)."""
        if not ids:
            return []
        with self.errors():
            got = self.collection.get(ids=list(ids), include=["metadatas", "documents"])
        by_id = {
            cid: StoredChunk(cid, got["documents"][i] or "", dict(got["metadatas"][i] or {}))
            for i, cid in enumerate(got["ids"])
        }
        return [by_id[i] for i in ids if i in by_id]

    def vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """Stored vectors by id (for the similarity of passages found only by BM25)."""
        if not ids:
            return {}
        with self.errors():
            got = self.collection.get(ids=list(ids), include=["embeddings"])
        return {cid: np.asarray(got["embeddings"][i], dtype=np.float32)
                for i, cid in enumerate(got["ids"])}

    def query(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None
              ) -> list[StoredChunk]:
        """Nearest chunks to a query vector, with cosine similarity."""
        with self.errors():  # n beyond the collection's size is fine: Chroma returns what it has
            got = self.collection.query(
                query_embeddings=[vector], n_results=n, where=where,
                include=["metadatas", "documents", "distances"],
            )
        return [
            StoredChunk(cid, got["documents"][0][i] or "", dict(got["metadatas"][0][i] or {}),
                        similarity=1.0 - float(got["distances"][0][i]))
            for i, cid in enumerate(got["ids"][0])
        ]

    # -- internals -----------------------------------------------------------------------------
    def _batch_size(self) -> int:
        try:
            return max(1, min(1000, int(self.client.get_max_batch_size())))
        except Exception:  # noqa: BLE001 - older servers do not say
            return 500

    @contextmanager
    def errors(self) -> Iterator[None]:
        """Translate Chroma and transport failures into domain errors."""
        try:
            yield
        except EstrategaError:
            raise
        except Exception as exc:
            raise classify_store_error(exc, self.where) from exc


def classify_store_error(exc: BaseException, where: str) -> EstrategaError:
    """Map a Chroma/transport exception to the domain error a user can act on."""
    text = f"{type(exc).__name__}: {exc}".lower()
    if isinstance(exc, OSError) and exc.errno in (28, 30, 13):  # ENOSPC, EROFS, EACCES
        return DataDirNotWritable(where=where)
    if any(s in text for s in ("readonly", "read-only", "no space", "disk full", "permission")):
        return DataDirNotWritable(where=where)
    if any(s in text for s in ("connect", "timed out", "timeout", "unavailable", "refused",
                               "remoteprotocol", "network")):
        return StoreUnavailable(where=where)
    if "does not exist" in text or "notfound" in text:
        return StoreMissing()
    return StoreCorrupt(where=where, detail=str(exc)[:200])


def open_client(settings: Settings) -> tuple[Any, str]:
    """A Chroma client (embedded, or HTTP when `chroma_host` is set) and where it points."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    if settings.chroma_host:
        where = f"http://{settings.chroma_host}:{settings.chroma_port}"
        try:
            client = chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
            )
        except Exception as exc:  # the constructor already talks to the server
            raise StoreUnavailable(where=where) from exc
        return client, where
    where = str(settings.chroma_dir)
    try:
        settings.chroma_dir.mkdir(parents=True, exist_ok=True)
        client = chromadb.PersistentClient(path=where, settings=chroma_settings)
    except Exception as exc:
        raise classify_store_error(exc, where) from exc
    return client, where



def make_store(settings: Settings, embedding_function: EmbeddingFunction[Documents]) -> ChunkStore:
    """The chunk store for these settings (it connects, and opens the collection, on first use)."""
    where = (f"http://{settings.chroma_host}:{settings.chroma_port}" if settings.chroma_host
             else str(settings.chroma_dir))
    return ChunkStore(lambda: open_client(settings)[0], settings.collection, embedding_function,
                      where)

