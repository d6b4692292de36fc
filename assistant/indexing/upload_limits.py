"""How much work one upload may cause: repetitive text collapsed or refused, passages per
document, documents and passages per user, indexing time, one indexing per user at a time.

A 19.9 MB file of one repeated phrase once became 22,705 passages and kept a core busy for
22 minutes; these limits bound the worst accepted upload (benchmarks/upload_cost.py).
"""

from __future__ import annotations

import re
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ..errors import UploadRejected
from .registry import SourceRecord

# zlib shrinks prose in any of our languages 2-4x (knowledge/ tops out at 3.6x, a markdown table
# of figures near 5x); a text that still shrinks more than this after repeated paragraphs are
# collapsed is one phrase or pattern over and over.
MAX_COMPRESSION_RATIO = 8.0
RATIO_MIN_CHARS = 4000  # shorter texts are too small to judge (and cheap anyway)
PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class UploadLimits:
    """The limits, from the settings; defaults a 2-core machine survives."""

    max_chunks: int = 400  # passages per document (~30 s of embedding on one core)
    max_documents: int = 30  # documents per user
    max_user_chunks: int = 2000  # passages per user, all documents together
    index_seconds: float = 120.0  # embedding time per document

    def check_quota(self, name: str, source_id: str, chunks: int,
                    mine: list[SourceRecord]) -> None:
        """UploadRejected if adding `chunks` passages as `source_id` passes a limit."""
        if chunks > self.max_chunks:
            raise UploadRejected(name=name, reason="too_many_chunks", limit=self.max_chunks)
        others = [r for r in mine if r.source_id != source_id]  # a re-upload replaces itself
        if len(others) >= self.max_documents:
            raise UploadRejected(name=name, reason="too_many_documents",
                                 limit=self.max_documents)
        if sum(r.chunks for r in others) + chunks > self.max_user_chunks:
            raise UploadRejected(name=name, reason="user_chunks", limit=self.max_user_chunks)

    def check_size(self, name: str, text: str, chunk_size: int, overlap: int) -> None:
        """Refuse before splitting a text that cannot fit in `max_chunks` passages."""
        step = max(1, chunk_size - overlap)
        if len(text) > 2 * self.max_chunks * step:  # far past the limit: no need to split it
            raise UploadRejected(name=name, reason="too_many_chunks", limit=self.max_chunks)


def collapse_repeats(name: str, text: str) -> str:
    """The text with repeated paragraphs kept once; UploadRejected ("repetitive") when what is
    left is still one pattern over and over.

    >>> collapse_repeats("a.txt", "Intro.\\n\\nSame line.\\n\\nSame line.\\n\\nEnd.")
    'Intro.\\n\\nSame line.\\n\\nEnd.'
    >>> collapse_repeats("a.txt", "buy now! " * 2000)
    Traceback (most recent call last):
    ...
    assistant.errors.UploadRejected: upload_rejected
    """
    seen: set[str] = set()
    kept: list[str] = []
    for paragraph in PARAGRAPH.split(text):
        key = " ".join(paragraph.split()).lower()
        if key and key in seen:
            continue
        seen.add(key)
        kept.append(paragraph)
    collapsed = "\n\n".join(kept)
    if compression_ratio(collapsed) > MAX_COMPRESSION_RATIO:
        raise UploadRejected(name=name, reason="repetitive")
    return collapsed


def compression_ratio(text: str) -> float:
    """How many times zlib shrinks `text` (1.0 for texts too short to judge)."""
    if len(text) < RATIO_MIN_CHARS:
        return 1.0
    data = text.encode("utf-8")
    return len(data) / max(1, len(zlib.compress(data, 6)))


class OwnerSlots:
    """One indexing at a time per user: a second upload while one runs is refused at once,
    and other users' uploads never wait for it."""

    def __init__(self) -> None:
        self._busy: set[str] = set()
        self._lock = threading.Lock()

    @contextmanager
    def hold(self, owner: str, name: str) -> Iterator[None]:
        """The owner's slot for the block; UploadRejected ("busy") if it is taken."""
        with self._lock:
            if owner in self._busy:
                raise UploadRejected(name=name, reason="busy")
            self._busy.add(owner)
        try:
            yield
        finally:
            with self._lock:
                self._busy.discard(owner)
