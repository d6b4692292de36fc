"""The sources a user can name in a question ("the Spanish article", an article's title): the
built-in articles by title and language, and every passage of one source in its order, so an
answer drawn from a named source reads that source alone."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..documents import Hit

if TYPE_CHECKING:
    from ..indexing.store import ChunkStore


@dataclass(frozen=True)
class SourceTitle:
    """A source a question can name: its id, title and language."""

    source_id: str
    title: str
    language: str


class NamedSources:
    """Mixed into the retriever: the articles' titles, and one source read whole."""

    store: ChunkStore

    def articles(self) -> list[SourceTitle]:
        """The built-in articles (one entry per source), in id order."""
        seen: dict[str, SourceTitle] = {}
        for record in self.store.records(include_documents=False, where={"kind": "article"}):
            meta = record.metadata
            sid = str(meta.get("source_id", ""))
            seen.setdefault(sid, SourceTitle(sid, str(meta.get("title", "")),
                                             str(meta.get("language", ""))))
        return [seen[k] for k in sorted(seen)]

    def within(self, source_id: str, query_vector: np.ndarray) -> list[Hit]:
        """Every passage of one source, closest to the query first (similarity is exact:
        the source is small, and a filter, not a ranking, decides what may answer)."""
        records = list(self.store.records(where={"source_id": source_id}))
        vectors = self.store.vectors([r.id for r in records])
        hits = []
        for record in records:
            vector = vectors.get(record.id)
            similarity = float(np.dot(vector, query_vector)) if vector is not None else 0.0
            meta = record.metadata
            hits.append(Hit(
                chunk_id=record.id, text=record.text, source_id=source_id,
                title=str(meta.get("title", "")), kind=str(meta.get("kind", "")),
                language=str(meta.get("language", "")), position=int(meta.get("position", 0)),
                score=similarity, similarity=similarity, ranks={"named": 1}))
        return sorted(hits, key=lambda h: (-h.similarity, h.position))
