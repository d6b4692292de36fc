"""The hybrid retriever as a LangChain `BaseRetriever`: it composes with other LCEL chains
(`retriever | format_docs | prompt | model`) and shows up in LangSmith traces as a retriever run.
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from ..documents import Hit
from .retrieval import HybridRetriever, Mode


class EstrategaRetriever(BaseRetriever):
    """Top-k passages of the knowledge base (dense + cross-language BM25, concepts first) as
    `Document`s whose metadata carry source_id, title, language, kind and score."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: HybridRetriever
    k: int = 5
    language: str | None = None  # only passages in this language
    kind: str | None = None  # article, concept, playbook or upload
    owner: str | None = None  # a user's uploads are visible to that user only
    mode: Mode = "hybrid"

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun,
                                **kwargs: Any) -> list[Document]:
        hits = self.retriever.search(query, self.k, language=self.language, kind=self.kind,
                                     owner=self.owner, mode=self.mode)
        return [as_document(hit) for hit in hits]


def as_document(hit: Hit) -> Document:
    """A retrieved passage as a LangChain `Document`.

    >>> doc = as_document(Hit("c1", "Texto.", "concept:swot:es", "DAFO", "concept", "es", 0, 0.5))
    >>> doc.page_content, doc.metadata["source_id"], doc.metadata["score"]
    ('Texto.', 'concept:swot:es', 0.5)
    """
    return Document(page_content=hit.text, id=hit.chunk_id, metadata={
        "source_id": hit.source_id, "title": hit.title, "language": hit.language,
        "kind": hit.kind, "score": hit.score, "similarity": hit.similarity,
        "position": hit.position, "chunk_id": hit.chunk_id,
    })
