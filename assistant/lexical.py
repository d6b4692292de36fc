"""BM25 over the same chunks as the vector store, kept in sync with it and saved to disk."""

from __future__ import annotations

import json
import math
import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

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
    """An in-memory BM25 (Okapi) index with incremental add/remove."""

    def __init__(self, k1: float = 1.4, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self._docs: dict[str, tuple[Counter[str], int, dict[str, str]]] = {}
        self._postings: dict[str, set[str]] = defaultdict(set)
        self._total_length = 0

    def __len__(self) -> int:
        return len(self._docs)

    @property
    def ids(self) -> set[str]:
        return set(self._docs)

    def add(self, chunk_id: str, text: str, fields: dict[str, str]) -> None:
        """Index a chunk (replacing it if present); `fields` are filterable (language, kind)."""
        self.remove([chunk_id])
        terms = Counter(tokenize(text))
        length = sum(terms.values())
        self._docs[chunk_id] = (terms, length, dict(fields))
        self._total_length += length
        for term in terms:
            self._postings[term].add(chunk_id)

    def remove(self, chunk_ids: Iterable[str]) -> None:
        """Forget chunks."""
        for chunk_id in chunk_ids:
            entry = self._docs.pop(chunk_id, None)
            if entry is None:
                continue
            terms, length, _ = entry
            self._total_length -= length
            for term in terms:
                posting = self._postings.get(term)
                if posting is not None:
                    posting.discard(chunk_id)
                    if not posting:
                        del self._postings[term]

    def search(self, query: str, k: int, where: dict[str, str | list[str]] | None = None
               ) -> list[LexicalHit]:
        """Top-k chunks by BM25 for the query, optionally filtered on fields."""
        terms = set(tokenize(query))
        if not terms or not self._docs:
            return []
        n = len(self._docs)
        avg = self._total_length / n if n else 1.0
        scores: dict[str, float] = defaultdict(float)
        for term in terms:
            posting = self._postings.get(term)
            if not posting:
                continue
            idf = math.log(1 + (n - len(posting) + 0.5) / (len(posting) + 0.5))
            for chunk_id in posting:
                tf_counts, length, fields = self._docs[chunk_id]
                if where and not _matches(fields, where):
                    continue
                tf = tf_counts[term]
                scores[chunk_id] += idf * tf * (self.k1 + 1) / (
                    tf + self.k1 * (1 - self.b + self.b * length / avg)
                )
        best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:k]
        return [LexicalHit(cid, score) for cid, score in best]

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
                counter = Counter(terms)
                index._docs[cid] = (counter, int(length), fields)
                index._total_length += int(length)
                for term in counter:
                    index._postings[term].add(cid)
        except (OSError, ValueError, KeyError, TypeError):
            return cls()
        return index


def _matches(fields: dict[str, str], where: dict[str, str | list[str]]) -> bool:
    for key, wanted in where.items():
        value = fields.get(key)
        if isinstance(wanted, list):
            if value not in wanted:
                return False
        elif value != wanted:
            return False
    return True
