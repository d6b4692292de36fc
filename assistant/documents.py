"""The records that flow through ingestion and retrieval."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

KINDS = ("article", "concept", "playbook", "upload")
BUILTIN_KINDS = ("article", "concept", "playbook")


@dataclass(frozen=True)
class ConceptRef:
    """A concept in one language; the one place its source id `concept:{id}:{lang}` is built
    and parsed.

    >>> ConceptRef("swot", "fr").source_id
    'concept:swot:fr'
    >>> ConceptRef.parse("concept:swot:fr")
    ConceptRef(id='swot', language='fr')
    >>> ConceptRef.parse("es-marketing-operativo") is None
    True
    """

    id: str
    language: str

    PREFIX = "concept:"

    @property
    def source_id(self) -> str:
        """The indexed source id of this concept in this language."""
        return f"{self.PREFIX}{self.id}:{self.language}"

    @classmethod
    def parse(cls, source_id: str) -> ConceptRef | None:
        """The reference a concept source id stands for (None for any other source)."""
        if not source_id.startswith(cls.PREFIX):
            return None
        concept_id, _, language = source_id[len(cls.PREFIX):].rpartition(":")
        return cls(concept_id, language) if concept_id and language else None

    def to(self, language: str) -> ConceptRef:
        """The same concept in another language."""
        return ConceptRef(self.id, language)


@dataclass(frozen=True)
class Source:
    """One document of the knowledge base, in one language."""

    source_id: str
    title: str
    kind: str
    language: str
    text: str
    origin: str = ""
    owner: str = ""  # "" for built-in knowledge; a user's id for an uploaded document

    @property
    def content_hash(self) -> str:
        """Hash of everything that affects its chunks."""
        payload = "\x00".join(
            (self.source_id, self.title, self.kind, self.language, self.owner, self.text)
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Chunk:
    """A passage of a source, the unit that is embedded and retrieved."""

    source_id: str
    title: str
    kind: str
    language: str
    position: int
    text: str
    revision: str = ""
    owner: str = ""

    @property
    def id(self) -> str:
        """Stable id from content: the same source revision always gives the same ids, and a
        changed source gets new ones (so old and new never mix after a crash)."""
        payload = f"{self.source_id}\x00{self.revision}\x00{self.position}\x00{self.text}"
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]

    def metadata(self) -> dict[str, str | int]:
        """Metadata stored beside the vector."""
        return {
            "source_id": self.source_id,
            "title": self.title,
            "kind": self.kind,
            "language": self.language,
            "position": self.position,
            "revision": self.revision,
            "owner": self.owner,
        }


@dataclass
class Hit:
    """A retrieved chunk with its fused score and the ranks that produced it."""

    chunk_id: str
    text: str
    source_id: str
    title: str
    kind: str
    language: str
    position: int
    score: float
    similarity: float = 0.0
    ranks: dict[str, int] = field(default_factory=dict)

    @property
    def concept(self) -> ConceptRef | None:
        """The concept this passage explains, if it is a concept card."""
        return ConceptRef.parse(self.source_id) if self.kind == "concept" else None

    def as_dict(self) -> dict[str, object]:
        """JSON-friendly view."""
        return {
            "chunk_id": self.chunk_id,
            "source_id": self.source_id,
            "title": self.title,
            "kind": self.kind,
            "language": self.language,
            "position": self.position,
            "score": round(self.score, 6),
            "similarity": round(self.similarity, 4),
            "text": self.text,
        }
