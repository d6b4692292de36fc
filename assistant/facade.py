"""`Assistant`: the one object the CLI, the UI and scripts use. It holds one `Runtime` (built once,
on first use) and offers the knowledge operations; interviews and plans are `assistant.plans`."""

from __future__ import annotations

import time
from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING

from .backends import ChatModel
from .documents import KINDS, Hit
from .errors import ConceptNotFound, StoreCorrupt, StoreMissing
from .indexing.ingest import IngestReport, Progress
from .indexing.registry import SourceRecord
from .language import check_language
from .prompts import PromptLibrary
from .runtime import Runtime, build_conversation, build_runtime
from .search.concepts import ConceptCard
from .settings import Settings, get_settings
from .text import check_query

if TYPE_CHECKING:
    from .answering.answers import Answer, AnswerEvent
    from .conversation import ChatInterview
    from .planning.service import PlanService


class Assistant:
    """Estratega's facade: search, concepts, grounded answers, ingestion, documents, plans."""

    def __init__(self, settings: Settings | None = None, *,
                 chat_model: ChatModel | None = None) -> None:
        self.settings = settings or get_settings()
        self._chat_model = chat_model

    @cached_property
    def runtime(self) -> Runtime:
        """Every part, wired once (assistant/runtime.py)."""
        return build_runtime(self.settings, self._chat_model)

    @cached_property
    def conversation(self) -> ChatInterview:
        """The chat's router: the guided interview inside the conversation."""
        return build_conversation(self.runtime)

    @property
    def plans(self) -> PlanService:
        """Guided interviews and marketing plans for one owner at a time."""
        return self.runtime.plans

    @property
    def prompts(self) -> PromptLibrary:
        """The phrases and messages in every language, for the edges to speak the user's."""
        return self.runtime.prompts

    def warm_up(self) -> None:
        """Open the store and embed one query, so the first user's question is fast."""
        self.open().vectors("marketing")

    def open(self) -> Runtime:
        """The runtime with its store opened, reconciled and uploads restored (once)."""
        runtime = self.runtime
        runtime.open()
        return runtime

    # -- knowledge ----------------------------------------------------------------------------
    def ingest(self, rebuild: bool = False, progress: Progress | None = None) -> IngestReport:
        """Index `knowledge/` (only what changed); `rebuild` starts from an empty store."""
        rt = self.runtime
        if rebuild:
            try:
                rt.store.reset()
            except StoreCorrupt:
                self._set_aside_damaged_store()
                rt = self.runtime
                rt.store.reset()
            rt.registry.reset()
            rt.lexical.remove(list(rt.lexical.ids))
        else:
            rt.store.open(create=True)
            rt.ingestor.reconcile()
        report = rt.ingestor.sync(rt.knowledge.sources(), progress=progress)
        report.skipped = list(rt.knowledge.problems)
        rt.library.restore()
        return report

    def _set_aside_damaged_store(self) -> None:
        """Move a damaged embedded store aside (kept, never deleted) so a rebuild can start."""
        if self.settings.chroma_host:
            raise StoreCorrupt(where=f"{self.settings.chroma_host}:{self.settings.chroma_port}")
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient.clear_system_cache()  # it still holds the damaged database open
        stamp = time.strftime("%Y%m%d-%H%M%S")
        self.settings.chroma_dir.rename(self.settings.chroma_dir.with_name(f"chroma.damaged-{stamp}"))
        self.__dict__.pop("runtime", None)  # a fresh runtime over a fresh store

    def is_ingested(self) -> bool:
        """Whether the built-in knowledge is indexed."""
        rt = self.runtime
        try:
            rt.store.open()
            return bool(rt.registry.all())
        except StoreMissing:
            return False

    def sources(self, owner: str | None = None) -> list[SourceRecord]:
        """Indexed sources: built-in ones and `owner`'s uploads (all uploads for None)."""
        rt = self.runtime
        rt.store.open()
        records = sorted(rt.registry.all().values(), key=lambda r: (r.kind, r.source_id))
        return rt.library.visible(records, owner)

    def add_document(self, name: str, data: bytes, owner: str,
                     progress: Progress | None = None) -> SourceRecord:
        """Add a user's .txt/.md/.pdf/.docx; searchable and citable (by that owner) at once."""
        return self.open().library.add(name, data, owner, progress)

    def remove_document(self, source_id: str, owner: str | None) -> None:
        """Remove one of `owner`'s uploads; built-in knowledge cannot be removed."""
        self.open().library.remove(source_id, owner)

    # -- search and concepts ------------------------------------------------------------------
    def search(self, query: str, k: int = 5, *, lang: str | None = None,
               kind: str | None = None, owner: str | None = None,
               mode: str = "hybrid") -> list[Hit]:
        """Passages that answer `query`, best first, across languages unless `lang` is given."""
        query = self.check_query(query)
        lang = check_language(lang)
        if kind is not None and kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}")
        rt = self.open()
        query_lang = rt.detector.detect(query)
        return rt.retriever.search(query, k, query_language=query_lang, language=lang,
                                   kind=kind, owner=owner, mode=mode)  # type: ignore[arg-type]

    def concept(self, term: str, lang: str | None = None, passages: int = 3) -> ConceptCard:
        """The concept card for a term typed in any language, in `lang` (default: the term's)."""
        term = self.check_query(term)
        lang = check_language(lang)
        rt = self.runtime
        index = rt.concepts
        try:
            concept_id, matched = index.find(term)
        except ConceptNotFound as exc:
            shown = lang or rt.detector.detect(term)
            exc.params["suggestion_names"] = [
                index.name(cid, shown) for cid in exc.params.get("suggestions", [])
            ]
            raise
        if lang is None:
            exact = index.exact(term)
            lang = exact[1] if exact else rt.detector.detect(term)
        card = index.card(concept_id, lang, matched)
        if card.articles and passages:
            hits = self.open().retriever.search(
                f"{card.name}. {card.explanation}", passages, query_language=lang,
                kind="article", source_ids=card.articles,
            )
            card.passages = [h.as_dict() for h in hits]
        return card

    def concept_name(self, concept_id: str, lang: str) -> str:
        """A concept's name in a language (for links and suggestions)."""
        return self.runtime.concepts.name(concept_id, lang)

    def check_query(self, text: str) -> str:
        """Clean a user's text; EmptyQuery or QueryTooLong when it cannot be used."""
        return check_query(text, self.settings.max_query_chars)

    # -- grounded answers ---------------------------------------------------------------------
    def ask(self, question: str, conversation_id: str | None = None,
            lang: str | None = None, owner: str | None = None) -> Answer:
        """A complete grounded answer with its citations."""
        return self.open().chain.ask(question, conversation_id=conversation_id, lang=lang,
                                     owner=owner)

    def stream(self, question: str, conversation_id: str | None = None,
               lang: str | None = None, owner: str | None = None) -> Iterator[AnswerEvent]:
        """The same answer as it is produced: a notice if the model failed, text deltas, then
        the final answer. `owner` limits uploaded documents to that user's own."""
        return self.open().chain.stream(question, conversation_id=conversation_id, lang=lang,
                                        owner=owner)
