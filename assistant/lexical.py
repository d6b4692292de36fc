"""BM25 over the same chunks as the vector store, kept in sync with it and saved to disk."""

from __future__ import annotations

import json
import math
import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .text import words

# Function words of the four languages: they carry no topic and would swamp the scores.
STOPWORDS = frozenset(
    """
    a al algo algun alguna ante antes aqui asi aun bajo bien cada como con cual cuales cuando de
    del desde donde dos el ella ellas ellos en entre era es esa ese eso esta este esto estos fue ha
    hay la las le les lo los mas me mi muy no nos o os para pero poco por porque que quien se sea
    ser si sin sobre son su sus tambien te tiene tu un una uno unos y ya yo
    au aux avec ce ces cette dans des du elle en est et etre il ils je la le leur leurs lui mais
    me meme mes moi mon ne nous on ou par pas plus pour qu quel quelle quels qui sa se ses son sont
    sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y
    ad agli ai alla alle allo anche che chi ci col come con da dai dal dalla dei del della delle
    dello di e gli ha hanno i il in io lei li lo loro ma mi ne negli nei nel nella nelle noi non
    nostro o per perche piu quale quali quando quella quelle quello questa queste questo se si
    sono su sua sue suo suoi tra tu un una uno vi voi
    about an and are as at be but by can do does for from how i if in into is it its of on or
    so than that the their them then there these they this to was we what when where which who
    why will with you your
    """.split()
)
STEM_LENGTH = 6


def tokenize(text: str) -> list[str]:
    """Folded, stopword-free tokens, truncated to a common stem (Romance inflections vary at the
    end: 'estratégico', 'estrategia', 'strategico' meet at 'estrat'/'strate')."""
    return [w[:STEM_LENGTH] for w in words(text) if w not in STOPWORDS and len(w) > 1]


@dataclass(frozen=True)
class LexicalHit:
    """A chunk id and its BM25 score."""

    chunk_id: str
    score: float


class LexicalIndex:
    """A BM25 (Okapi) index with incremental add/remove.

    Documents live in a dict (cheap to change); searching uses a compiled, vectorised snapshot
    that is rebuilt on the first search after a change (ingestion is rare, queries are not)."""

    def __init__(self, k1: float = 1.4, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self._docs: dict[str, tuple[Counter[str], int, dict[str, str]]] = {}
        self._compiled: _Compiled | None = None

    def __len__(self) -> int:
        return len(self._docs)

    @property
    def ids(self) -> set[str]:
        return set(self._docs)

    def add(self, chunk_id: str, text: str, fields: dict[str, str]) -> None:
        """Index a chunk (replacing it if present); `fields` are filterable (language, kind)."""
        terms = Counter(tokenize(text))
        self._docs[chunk_id] = (terms, sum(terms.values()), dict(fields))
        self._compiled = None

    def remove(self, chunk_ids: Iterable[str]) -> None:
        """Forget chunks."""
        for chunk_id in chunk_ids:
            if self._docs.pop(chunk_id, None) is not None:
                self._compiled = None

    def search(self, query: str, k: int, where: dict[str, str | list[str]] | None = None
               ) -> list[LexicalHit]:
        """Top-k chunks by BM25 for the query, optionally filtered on fields."""
        terms = set(tokenize(query))
        if not terms or not self._docs:
            return []
        index = self._compiled or self._compile()
        n = len(index.ids)
        scores = np.zeros(n, dtype=np.float32)
        norm = self.k1 * (1 - self.b + self.b * index.lengths / index.average)
        for term in terms:
            posting = index.postings.get(term)
            if posting is None:
                continue
            rows, tf = posting
            idf = math.log(1 + (n - len(rows) + 0.5) / (len(rows) + 0.5))
            scores[rows] += idf * tf * (self.k1 + 1) / (tf + norm[rows])
        if where:
            scores[~index.mask(where)] = 0.0
        hits = np.flatnonzero(scores > 0)
        if not len(hits):
            return []
        top = hits[np.argsort(-scores[hits], kind="stable")[:k]]
        return [LexicalHit(index.ids[i], float(scores[i])) for i in top]

    def _compile(self) -> _Compiled:
        ids = sorted(self._docs)
        rows: dict[str, list[int]] = defaultdict(list)
        freqs: dict[str, list[int]] = defaultdict(list)
        lengths = np.empty(len(ids), dtype=np.float32)
        fields: dict[str, list[str]] = defaultdict(list)
        keys = sorted({key for _, _, f in self._docs.values() for key in f})
        for row, chunk_id in enumerate(ids):
            terms, length, doc_fields = self._docs[chunk_id]
            lengths[row] = length
            for key in keys:
                fields[key].append(doc_fields.get(key, ""))
            for term, tf in terms.items():
                rows[term].append(row)
                freqs[term].append(tf)
        self._compiled = _Compiled(
            ids=ids,
            lengths=lengths,
            average=float(lengths.mean()) or 1.0,
            postings={t: (np.asarray(rows[t], dtype=np.int64),
                          np.asarray(freqs[t], dtype=np.float32)) for t in rows},
            fields={key: np.asarray(values, dtype=object) for key, values in fields.items()},
        )
        return self._compiled

    # -- persistence ---------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write atomically (temp file + rename): a crash leaves the old file or the new one."""
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "version": 1,
            "stem": STEM_LENGTH,
            "docs": {cid: [dict(t), length, f] for cid, (t, length, f) in self._docs.items()},
        }
        tmp = path.with_suffix(path.suffix + ".tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, ensure_ascii=False, separators=(",", ":"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> LexicalIndex:
        """Read a saved index; an unreadable or outdated file gives an empty index."""
        index = cls()
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
            if payload.get("version") != 1 or payload.get("stem") != STEM_LENGTH:
                return index
            for cid, (terms, length, fields) in payload["docs"].items():
                index._docs[cid] = (Counter(terms), int(length), fields)
        except (OSError, ValueError, KeyError, TypeError):
            return cls()
        return index


@dataclass
class _Compiled:
    """A read-only snapshot of the index as arrays."""

    ids: list[str]
    lengths: np.ndarray
    average: float
    postings: dict[str, tuple[np.ndarray, np.ndarray]]
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
