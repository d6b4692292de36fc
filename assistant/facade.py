"""`Assistant`: the one object the CLI, the UI and scripts use. It wires the parts once."""

from __future__ import annotations

import time
from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from .concepts import ConceptCard, ConceptIndex
from .documents import KINDS, Hit
from .errors import ConceptNotFound, EmptyQuery, QueryTooLong, StoreCorrupt, StoreMissing
from .facade_plans import PlanningFacade
from .ingest import Ingestor, IngestReport, Progress
from .knowledge import KnowledgeBase, load_knowledge
from .language import LanguageDetector, check_language
from .lexical import LexicalIndex
from .library import DocumentLibrary
from .prompts import PromptLibrary
from .registry import SourceRecord, SourceRegistry
from .retrieval import HybridRetriever
from .settings import Settings, get_settings
from .text import clean_control

if TYPE_CHECKING:
    from .answers import Answer, AnswerEvent
    from .chain import AnswerChain


class Assistant(PlanningFacade):
    """Estratega's facade: search, concepts, grounded answers, ingestion, documents, plans."""

    def __init__(self, settings: Settings | None = None, *, chat_model: Any = None) -> None:
        self.settings = settings or get_settings()
        self._chat_model_override = chat_model
        self._query_cache: dict[str, np.ndarray] = {}

    # -- wiring (lazy, so start-up stays fast) ---------------------------------------------------
    @cached_property
    def prompts(self) -> PromptLibrary:
        return PromptLibrary(self.settings.prompts_dir)

    @cached_property
    def knowledge(self) -> KnowledgeBase:
        return load_knowledge(self.settings.knowledge_dir)

    @cached_property
    def concept_index(self) -> ConceptIndex:
        return ConceptIndex(self.knowledge.concepts)

    @cached_property
    def detector(self) -> LanguageDetector:
        return LanguageDetector()

    @cached_property
    def embedding_function(self) -> Any:
        from .embeddings import make_embedding_function

        return make_embedding_function(self.settings)

    @cached_property
    def store(self) -> Any:
        from .store import make_store

        return make_store(self.settings, self.embedding_function)

    @cached_property
    def registry(self) -> SourceRegistry:
        return SourceRegistry(self.store)

    @cached_property
    def lexical(self) -> LexicalIndex:
        return LexicalIndex.load(self._lexical_path)

    @property
    def _lexical_path(self):  # noqa: ANN202
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in self.settings.collection)
        host = self.settings.chroma_host or "embedded"
        return self.settings.data_dir / "lexical" / f"{safe}-{host}.json"

    @cached_property
    def ingestor(self) -> Ingestor:
        from .embeddings import embed

        return Ingestor(
            self.store, self.registry, self.lexical, self._lexical_path,
            lambda texts: embed(self.embedding_function, texts),
            self.settings.chunk_size, self.settings.chunk_overlap,
        )

    @cached_property
    def retriever(self) -> HybridRetriever:
        from .retrieval import RetrievalConfig

        self.store.open()
        self.ingestor.reconcile()
        self.library.restore()
        config = RetrievalConfig(lexical_weight=self.settings.lexical_weight)
        return HybridRetriever(self.store, self.lexical, self.embed_query, self.concept_index,
                               config)

    def embed_query(self, text: str) -> np.ndarray:
        """One query vector (a small cache spares repeated questions)."""
        cache = self._query_cache
        vector = cache.get(text)
        if vector is None:  # a local, not cache[text]: another user's query may clear the cache
            from .embeddings import embed

            vector = embed(self.embedding_function, [text])[0]
            if len(cache) > 512:
                cache.clear()
            cache[text] = vector
        return vector

    # -- knowledge ----------------------------------------------------------------------------
    def ingest(self, rebuild: bool = False, progress: Progress | None = None) -> IngestReport:
        """Index `knowledge/` (only what changed); `rebuild` starts from an empty store."""
        if rebuild:
            try:
                self.store.reset()
            except StoreCorrupt:
                self._set_aside_damaged_store()
                self.store.reset()
            self.registry.reset()
            self.lexical.remove(list(self.lexical.ids))
        else:
            self.store.open(create=True)
            self.ingestor.reconcile()
        report = self.ingestor.sync(self.knowledge.sources(), progress=progress)
        report.skipped = list(self.knowledge.problems)
        self.library.restore()
        return report

    def _set_aside_damaged_store(self) -> None:
        """Move a damaged embedded store aside (kept, never deleted) so a rebuild can start."""
        if self.settings.chroma_host:
            raise StoreCorrupt(where=f"{self.settings.chroma_host}:{self.settings.chroma_port}")
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient.clear_system_cache()  # it still holds the damaged database open
        stamp = time.strftime("%Y%m%d-%H%M%S")
        self.settings.chroma_dir.rename(self.settings.chroma_dir.with_name(f"chroma.damaged-{stamp}"))
        for name in ("store", "registry", "ingestor", "retriever", "library"):
            self.__dict__.pop(name, None)

    def is_ingested(self) -> bool:
        """Whether the built-in knowledge is indexed."""
        try:
            self.store.open()
            return bool(self.registry.all())
        except StoreMissing:
            return False

    def sources(self, owner: str | None = None) -> list[SourceRecord]:
        """Indexed sources: built-in ones and `owner`'s uploads (all uploads for None)."""
        self.store.open()
        records = sorted(self.registry.all().values(), key=lambda r: (r.kind, r.source_id))
        return self.library.visible(records, owner)

    @cached_property
    def library(self) -> DocumentLibrary:
        from .uploads import UploadFolder

        return DocumentLibrary(
            self.ingestor, UploadFolder(self.settings.uploads_dir), self.detector,
            int(self.settings.upload_max_mb * 1024 * 1024),
        )

    def add_document(self, name: str, data: bytes, owner: str,
                     progress: Progress | None = None) -> SourceRecord:
        """Add a user's .txt/.md/.pdf/.docx; searchable and citable (by that owner) at once."""
        self.retriever  # noqa: B018 - opens the store and restores state first
        return self.library.add(name, data, owner, progress)

    def remove_document(self, source_id: str, owner: str | None) -> None:
        """Remove one of `owner`'s uploads; built-in knowledge cannot be removed."""
        self.retriever  # noqa: B018
        self.library.remove(source_id, owner)

    # -- search and concepts ------------------------------------------------------------------
    def search(self, query: str, k: int = 5, *, lang: str | None = None,
               kind: str | None = None, owner: str | None = None,
               mode: str = "hybrid") -> list[Hit]:
        """Passages that answer `query`, best first, across languages unless `lang` is given."""
        query = self.check_query(query)
        lang = check_language(lang)
        if kind is not None and kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}")
        query_lang = self.detector.detect(query)
        return self.retriever.search(query, k, query_language=query_lang, language=lang,
                                     kind=kind, owner=owner,
                                     mode=mode)  # type: ignore[arg-type]

    def concept(self, term: str, lang: str | None = None, passages: int = 3) -> ConceptCard:
        """The concept card for a term typed in any language, in `lang` (default: the term's)."""
        term = self.check_query(term)
        lang = check_language(lang)
        try:
            concept_id, matched = self.concept_index.find(term)
        except ConceptNotFound as exc:
            shown = lang or self.detector.detect(term)
            exc.params["suggestion_names"] = [
                self.concept_index.name(cid, shown) for cid in exc.params.get("suggestions", [])
            ]
            raise
        if lang is None:
            exact = self.concept_index.exact(term)
            lang = exact[1] if exact else self.detector.detect(term)
        card = self.concept_index.card(concept_id, lang, matched)
        if card.articles and passages:
            hits = self.retriever.search(
                f"{card.name}. {card.explanation}", passages, query_language=lang,
                kind="article", source_ids=card.articles,
            )
            card.passages = [h.as_dict() for h in hits]
        return card

    def check_query(self, text: str) -> str:
        """Clean a user's text; EmptyQuery or QueryTooLong when it cannot be used."""
        if text is None:
            raise EmptyQuery()
        text = clean_control(str(text)).strip()
        if not text:
            raise EmptyQuery()
        if len(text) > self.settings.max_query_chars:
            raise QueryTooLong(limit=self.settings.max_query_chars)
        return text

    # -- grounded answers ---------------------------------------------------------------------
    @cached_property
    def chain(self) -> AnswerChain:
        from .chain import build_answer_chain

        return build_answer_chain(self)

    def ask(self, question: str, conversation_id: str | None = None,
            lang: str | None = None, owner: str | None = None) -> Answer:
        """A complete grounded answer with its citations."""
        return self.chain.ask(question, conversation_id=conversation_id, lang=lang, owner=owner)

    def stream(self, question: str, conversation_id: str | None = None,
               lang: str | None = None, owner: str | None = None) -> Iterator[AnswerEvent]:
        """The same answer as it is produced: a notice if the model failed, text deltas, then
        the final answer. `owner` limits uploaded documents to that user's own."""
        return self.chain.stream(question, conversation_id=conversation_id, lang=lang,
                                 owner=owner)
