"""A user's own uploaded documents as a search reads them: which document a question asks about
(its passages' mean vector, its language, its file name), all of one document, and its passages
scored exactly (the vector index is approximate; one's own documents are few)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

from ..documents import Hit
from ..indexing.store import StoredChunk
from ..lexicon import words_of
from ..text import words
from .cognates import cognate_key
from .filters import chroma_where as _chroma_where
from .filters import where_of as _where

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..indexing.store import ChunkStore


class OwnDocuments:
    """Methods of the hybrid retriever about the user's uploads (mixed into HybridRetriever)."""

    store: ChunkStore
    embed_query: Callable[[str], np.ndarray]
    config: Any
    search: Callable[..., list[Hit]]
    _hit: Callable[..., Hit]

    def _own_uploads(self, vector: np.ndarray, where: dict[str, Any], owner: str
                     ) -> list[StoredChunk]:
        """The user's own uploaded passages, scored exactly against the query: the vector
        index is approximate, and a passage added after the index was copied or built was seen
        missing from its results (1 run in 3: the closest passage of a report, absent), while
        a user's own documents are few enough to compare one by one."""
        mine = _chroma_where({**where, "owner": owner, "kind": "upload"})
        records = list(self.store.records(where=mine))
        vectors = self.store.vectors([r.id for r in records])
        return [replace(r, similarity=float(np.dot(vectors[r.id], vector)))
                for r in records if r.id in vectors]

    def _upload_passages(self, query: str, k: int, language: str, owner: str | None,
                         want: int) -> list[Hit]:
        """Passages of the user's uploads, the document that best matches the question as a
        whole first (all its passages, best first), then the others' best passages."""
        order = self.rank_documents(query, language, owner)
        if not order:
            return []
        best = self.search(query, want, query_language=language, owner=owner, kind="upload",
                           source_ids=[order[0]])
        rest = [h for h in self.search(query, want, query_language=language, owner=owner,
                                       kind="upload") if h.source_id != order[0]]
        return [*best, *rest][:k]

    def document(self, hit: Hit, limit: int) -> list[Hit]:
        """Every passage of the uploaded document `hit` comes from (at most `limit`, in the
        document's order), with `hit` itself as found: a question about one's own report is
        answered from the whole report, not only from the passages its wording came closest to
        (headings and figures make sentence-level choice more reliable than passage ranking)."""
        where = {"$and": [{"source_id": hit.source_id}, {"kind": "upload"}]}
        records = sorted(self.store.records(where=where),
                         key=lambda r: int(r.metadata.get("position", 0)))[:limit]
        return [hit if r.id == hit.chunk_id else self._hit(r, {}, 0.0, None) for r in records]

    def names_an_upload(self, query: str, owner: str | None) -> bool:
        """Whether a question names one of the user's documents by two words of its file name
        ("nell'indagine clienti…" for indagine_clienti_forno.md)."""
        asked = _name_keys(query)
        titles = {str(r.metadata.get("title", "")) for r in self.store.records(
            include_documents=False, where=_chroma_where(_where(
                language=None, kind="upload", source_ids=None, owner=owner)))}
        return any(len(asked & _name_keys(title)) >= 2 for title in titles)

    def upload_titles(self, owner: str | None) -> dict[str, str]:
        """The user's uploaded documents: source id -> title (the file name)."""
        return {str(r.metadata.get("source_id", "")): str(r.metadata.get("title", ""))
                for r in self.store.records(include_documents=False, where=_chroma_where(
                    _where(language=None, kind="upload", source_ids=None, owner=owner)))}

    def rank_documents(self, query: str, language: str, owner: str | None) -> list[str]:
        """The user's uploaded documents (source ids), best match for the question first."""
        scores = self.document_scores(query, language, owner)
        return sorted(scores, key=lambda sid: (-scores[sid], sid))

    def document_scores(self, query: str, language: str, owner: str | None
                        ) -> dict[str, float]:
        """How well each of the user's uploaded documents matches the question: the cosine of
        the query with the mean of its passage vectors, plus bonuses for a document in the
        question's language and one named by its file name."""
        records = list(self.store.records(where=_chroma_where(
            _where(language=None, kind="upload", source_ids=None, owner=owner))))
        if not records:
            return {}
        vectors = self.store.vectors([r.id for r in records])
        query_vector = self.embed_query(query)
        groups: dict[str, list[np.ndarray]] = {}
        languages: dict[str, str] = {}
        for record in records:
            if record.id in vectors:
                sid = str(record.metadata.get("source_id", ""))
                groups.setdefault(sid, []).append(vectors[record.id])
                languages[sid] = str(record.metadata.get("language", ""))
        titles = {str(r.metadata.get("source_id", "")): str(r.metadata.get("title", ""))
                  for r in records}
        asked = _name_keys(query)
        headings = _headings(records)
        scores: dict[str, float] = {}
        for sid, group in groups.items():
            mean = np.mean(group, axis=0)
            heading = headings.get(sid)
            described = float(np.dot(self.embed_query(heading), query_vector)) if heading else 0.0
            scores[sid] = float(np.dot(mean / (np.linalg.norm(mean) or 1.0), query_vector)) + (
                self.config.upload_heading_weight * described) + (
                self.config.upload_language_bonus if languages[sid] == language else 0.0) + (
                self.config.upload_title_bonus * min(len(asked & _name_keys(titles[sid])), 2))
        return scores


def _headings(records: list[StoredChunk]) -> dict[str, str]:
    """Each document's opening line (its title as written: "Informe anual 2024 — Programa de
    fidelización «Club Grano»"), what a question describing the document ("the loyalty
    report") is compared with."""
    first: dict[str, StoredChunk] = {}
    for record in records:
        sid = str(record.metadata.get("source_id", ""))
        if sid not in first or int(record.metadata.get("position", 0)) < int(
                first[sid].metadata.get("position", 0)):
            first[sid] = record
    out = {}
    for sid, record in first.items():
        line = next((t.strip("# ").strip() for t in record.text.splitlines() if t.strip()), "")
        if line:
            out[sid] = line
    return out


def merge_exact(found: list[StoredChunk], exact: list[StoredChunk], n: int
                 ) -> list[StoredChunk]:
    """The vector index's nearest chunks and exactly scored ones, best first, `n` at most."""
    best = {r.id: r for r in found}
    for record in exact:
        best[record.id] = record
    return sorted(best.values(), key=lambda r: -r.similarity)[:n]


def _name_keys(text: str) -> frozenset[str]:
    """The distinctive words of a document name or a question, as cognate stems: no function
    words, none of the words that only say "a document" (report, informe, bilan...).

    >>> sorted(_name_keys("report_semestre_ceramiche_lunetta.md"))
    ['ceram', 'lunet', 'semes']
    >>> "ceram" in _name_keys("What was our revenue, according to the ceramics report?")
    True
    """
    generic = _generic_name_words()
    return frozenset(cognate_key(w)[:5] for w in words(text.replace("_", " ").replace("-", " "))
                     if len(w) >= 4 and w not in generic)


@cache
def _generic_name_words() -> frozenset[str]:
    return words_of("stopwords") | {w for cue in words_of("upload_cues") for w in words(cue)} \
        | {"docx", "html", "markdown", "text", "txt"}


def first_for_both(hit: Hit) -> bool:
    """The user's own document, first for both rankers: what they asked is in it, however low
    its similarity (a question in one language about a report in another scores low)."""
    return hit.kind == "upload" and hit.ranks.get("dense") == 1 and hit.ranks.get("lexical") == 1
