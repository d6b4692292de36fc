"""BM25 over the same chunks as the vector store, kept in sync with it and saved to disk."""

from __future__ import annotations

import json
import os
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..lexicon import words_of
from ..text import words
from .cognates import grams

# Function words of the four languages (packs/<lang>/lexicon/stopwords.json): they carry no topic
# and would swamp the scores.
STOPWORDS = words_of("stopwords")
FORMAT = 2  # saved files of another format are rebuilt from the store


def tokenize(text: str) -> list[str]:
    """Folded, stopword-free words; the index compares them through their cognate 4-grams."""
    return [w for w in words(text) if w not in STOPWORDS and len(w) > 1]


@dataclass(frozen=True)
class LexicalHit:
    """A chunk id and its BM25 score."""

    chunk_id: str
    score: float


class LexicalIndex:
    """BM25 (Okapi) over cognate 4-grams, with incremental add/remove.

    Terms are the character 4-grams of each word's cognate key (see cognates.py), so 'decisiones'
    in a Spanish passage matches 'décisions' in a French query: the ranker votes across
    languages. Documents live in a dict of word counts (cheap to change, small to save);
    searching uses a compiled, vectorised snapshot whose BM25 weights are computed once, rebuilt
    on the first search after a change (ingestion is rare, queries are not).

    Thread-safe: one user's upload may change the index while others search; changes and
    compiling hold a lock, scoring reads an immutable snapshot."""

    def __init__(self, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self._docs: dict[str, tuple[Counter[str], dict[str, str]]] = {}
        self._compiled: _Compiled | None = None
        self._lock = threading.RLock()

    def __len__(self) -> int:
        return len(self._docs)

    @property
    def ids(self) -> set[str]:
        with self._lock:
            return set(self._docs)

    def add(self, chunk_id: str, text: str, fields: dict[str, str]) -> None:
        """Index a chunk (replacing it if present); `fields` are filterable (language, kind)."""
        terms = Counter(tokenize(text))
        with self._lock:
            self._docs[chunk_id] = (terms, dict(fields))
            self._compiled = None

    def remove(self, chunk_ids: Iterable[str]) -> None:
        """Forget chunks."""
        with self._lock:
            for chunk_id in chunk_ids:
                if self._docs.pop(chunk_id, None) is not None:
                    self._compiled = None

    def search(self, query: str, k: int, where: dict[str, str | list[str]] | None = None
               ) -> list[LexicalHit]:
        """Top-k chunks by BM25 for the query, optionally filtered on fields."""
        with self._lock:
            if not self._docs:
                return []
            index = self._compiled or self._compile()
        wanted = {g for w in tokenize(query) for g in grams(w)}
        spans = [index.spans[g] for g in wanted if g in index.spans]
        if not spans:
            return []
        picks = np.concatenate([np.arange(a, b) for a, b in spans])
        scores = np.bincount(index.rows[picks], weights=index.weights[picks],
                             minlength=len(index.ids))
        if where:
            scores[~index.mask(where)] = 0.0
        hits = np.flatnonzero(scores > 0)
        if not len(hits):
            return []
        top = hits[np.argsort(-scores[hits], kind="stable")[:k]]
        return [LexicalHit(index.ids[i], float(scores[i])) for i in top]

    def _compile(self) -> _Compiled:
        """Postings of every 4-gram with its BM25 weight per chunk, built with array operations:
        chunk x word counts, expanded through each distinct word's 4-grams, summed per gram.
        Called with the lock held."""
        ids = sorted(self._docs)
        n = len(ids)
        vocab: dict[str, int] = {}
        doc_rows: list[int] = []
        word_ids: list[int] = []
        counts: list[int] = []
        fields: dict[str, list[str]] = defaultdict(list)
        keys = sorted({key for _, f in self._docs.values() for key in f})
        for row, chunk_id in enumerate(ids):
            terms, doc_fields = self._docs[chunk_id]
            for key in keys:
                fields[key].append(doc_fields.get(key, ""))
            for word, tf in terms.items():
                doc_rows.append(row)
                word_ids.append(vocab.setdefault(word, len(vocab)))
                counts.append(tf)
        gram_ids: dict[str, int] = {}
        word_grams = [[gram_ids.setdefault(g, len(gram_ids)) for g in grams(w)] for w in vocab]
        sizes = np.fromiter((len(g) for g in word_grams), dtype=np.int64, count=len(word_grams))
        flat = np.fromiter((g for gs in word_grams for g in gs), dtype=np.int64,
                           count=int(sizes.sum()))
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1])) if len(sizes) else sizes
        entry_words = np.asarray(word_ids, dtype=np.int64)
        repeat = sizes[entry_words] if len(entry_words) else entry_words
        total = int(repeat.sum())
        # for entry e with r_e grams: positions starts[w_e] .. starts[w_e] + r_e - 1 of `flat`
        offsets = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(repeat) - repeat, repeat)
        gram_of = flat[np.repeat(starts[entry_words], repeat) + offsets] if total else flat[:0]
        row_of = np.repeat(np.asarray(doc_rows, dtype=np.int64), repeat)
        tf_of = np.repeat(np.asarray(counts, dtype=np.float64), repeat)
        pair, inverse = np.unique(gram_of * max(n, 1) + row_of, return_inverse=True)
        tf = np.bincount(inverse, weights=tf_of)
        gram, row = pair // max(n, 1), pair % max(n, 1)
        lengths = np.bincount(row_of, weights=tf_of, minlength=n)
        average = float(lengths.mean()) if n and lengths.mean() > 0 else 1.0
        df = np.bincount(gram, minlength=len(gram_ids))
        idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
        norm = self.k1 * (1 - self.b + self.b * lengths[row] / average)
        weights = idf[gram] * tf * (self.k1 + 1) / (tf + norm)
        bounds = np.concatenate(([0], np.cumsum(df)))
        self._compiled = _Compiled(
            ids=ids,
            rows=row.astype(np.int32),
            weights=weights.astype(np.float32),
            spans={g: (int(bounds[i]), int(bounds[i + 1])) for g, i in gram_ids.items()},
            fields={key: np.asarray(values, dtype=object) for key, values in fields.items()},
        )
        return self._compiled

    # -- persistence ---------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write atomically (temp file + rename): a crash leaves the old file or the new one.
        The lock also keeps two savers off the one temp file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        with self._lock:
            docs = {cid: [dict(t), f] for cid, (t, f) in self._docs.items()}
            with open(tmp, "w", encoding="utf-8") as handle:
                json.dump({"version": FORMAT, "docs": docs}, handle, ensure_ascii=False,
                          separators=(",", ":"))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> LexicalIndex:
        """Read a saved index; an unreadable or outdated file gives an empty index (the
        ingestor then re-adds every chunk from the store)."""
        index = cls()
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
            if payload.get("version") != FORMAT:
                return index
            for cid, (terms, fields) in payload["docs"].items():
                index._docs[cid] = (Counter(terms), fields)
        except (OSError, ValueError, KeyError, TypeError):
            return cls()
        return index


@dataclass
class _Compiled:
    """A read-only snapshot of the index as arrays: the postings of gram g are
    rows[a:b] / weights[a:b] for (a, b) = spans[g]."""

    ids: list[str]
    rows: np.ndarray
    weights: np.ndarray
    spans: dict[str, tuple[int, int]]
    fields: dict[str, np.ndarray]

    def mask(self, where: dict[str, str | list[str]]) -> np.ndarray:
        """Rows whose fields match every condition (a value, or any of a list)."""
        keep = np.ones(len(self.ids), dtype=bool)
        for key, wanted in where.items():
            values = self.fields.get(key)
            if values is None:
                return np.zeros(len(self.ids), dtype=bool)
            keep &= np.isin(values, wanted if isinstance(wanted, list) else [wanted])
        return keep
