"""`build_runtime`: every part of Estratega built once, each handed exactly what it uses.

The store is opened, reconciled with the lexical index and the users' uploads restored by one
explicit call, `Runtime.open()`, the first time something needs the index (never as a side effect
of reading an attribute)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .answering.chain import AnswerChain, ChainParts
from .answering.constraint_reader import ConstraintReader
from .answering.document_reference import DocumentReference
from .answering.examples import BusinessWords
from .answering.memory import ConversationMemory
from .answering.question_types import QuestionTyper, masker
from .backends import ChatModel, classify_backend_error, make_chat_model
from .conversation import ChatInterview, IntentRecognizer, slot_examples
from .conversation.render import Renderer
from .documents import Source
from .indexing.embeddings import embed, make_embedding_function
from .indexing.ingest import Ingestor
from .indexing.knowledge import KnowledgeBase, load_knowledge
from .indexing.library import DocumentLibrary
from .indexing.registry import SourceRegistry
from .indexing.store import ChunkStore, make_store
from .indexing.upload_limits import UploadLimits
from .indexing.uploads import UploadFolder
from .language import LanguageDetector
from .planning.drafting import PlanDrafter
from .planning.persistence import Database
from .planning.plan import load_playbook
from .planning.plan.guide import playbook_sources
from .planning.service import PlanService
from .planning.understanding import Understander, load_understanding_data
from .prompts import PromptLibrary
from .search.concepts import ConceptIndex
from .search.lexical import LexicalIndex
from .search.retrieval import HybridRetriever, RetrievalConfig
from .search.sync import IndexSync, SyncedIngestor, SyncedRetriever, VouchedStore
from .settings import Settings
from .storage import database_url

CONFIDENT = 0.8  # the language detector's score above which a message's language is trusted


class QueryVectors:
    """Query embeddings with a small cache that spares repeated questions (shared by users)."""

    def __init__(self, embedding_function: Any, size: int = 512) -> None:
        self.embedding_function = embedding_function
        self.size = size
        self.cache: dict[str, np.ndarray] = {}

    def __call__(self, text: str) -> np.ndarray:
        cache = self.cache
        vector = cache.get(text)
        if vector is None:  # a local, not cache[text]: another user's query may clear the cache
            vector = embed(self.embedding_function, [text])[0]
            if len(cache) > self.size:
                cache.clear()
            cache[text] = vector
        return vector

    def sentences(self, texts: list[str]) -> np.ndarray:
        """Vectors for several texts at once (no cache)."""
        return embed(self.embedding_function, texts)


@dataclass(kw_only=True)
class Runtime:
    """The wired parts, named at construction. Built by `build_runtime`; the facade reads
    them, and the UI and CLI go through the facade."""

    settings: Settings
    prompts: PromptLibrary
    knowledge: KnowledgeBase
    concepts: ConceptIndex
    detector: LanguageDetector
    embedding_function: Any
    vectors: QueryVectors
    store: ChunkStore
    registry: SourceRegistry
    lexical: LexicalIndex
    lexical_path: Path
    ingestor: Ingestor
    library: DocumentLibrary
    retriever: HybridRetriever
    chat_model: ChatModel | None
    chain: AnswerChain
    plans: PlanService
    database: Database | None = None
    sync: IndexSync | None = None
    _opened: bool = field(default=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def open(self) -> None:
        """Open the store, reconcile the lexical index and restore uploads, once."""
        if self._opened:
            return
        with self._lock:
            if self._opened:
                return
            if self.database is not None:
                self.database.migrate()  # an unreachable database fails here, at start
            self.store.open()
            self.ingestor.reconcile()
            self.library.restore()
            self._opened = True

    def closed(self) -> None:
        """Forget that the store was opened (after a rebuild replaced it)."""
        self._opened = False


def lexical_path(settings: Settings) -> Path:
    """Where the BM25 index of this collection (embedded or on a server) is saved."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in settings.collection)
    host = settings.chroma_host or "embedded"
    if settings.database_url is not None:
        # Replicas may share the data folder (deploy/compose.yaml): one file each, or two
        # saving at once would trip over one temp file (seen in benchmarks/load.py).
        replica = "".join(ch if ch.isalnum() or ch in "-_" else "_"
                          for ch in f"{socket.gethostname()}-{settings.port}")
        return settings.data_dir / "lexical" / f"{safe}-{host}-{replica}.json"
    return settings.data_dir / "lexical" / f"{safe}-{host}.json"


def build_runtime(settings: Settings, chat_model: ChatModel | None = None) -> Runtime:
    """Build every part once. `chat_model` overrides the one the settings name (tests)."""
    prompts = PromptLibrary(settings.prompts_dir)
    knowledge = load_knowledge(settings.knowledge_dir, guides=_playbook_guides(settings))
    concepts = ConceptIndex(knowledge.concepts)
    detector = LanguageDetector()
    embedding_function = make_embedding_function(settings)
    vectors = QueryVectors(embedding_function)
    store = make_store(settings, embedding_function)
    registry = SourceRegistry(store)
    path = lexical_path(settings)
    lexical = LexicalIndex.load(path)
    database = make_database(settings)
    sync = IndexSync(database, store, registry, lexical)
    ingestor = SyncedIngestor(store, registry, lexical, path,
                              lambda texts: embed(embedding_function, texts),
                              settings.chunk_size, settings.chunk_overlap, sync=sync,
                              shared=not database.url.startswith("sqlite"))
    library = DocumentLibrary(ingestor, UploadFolder(settings.uploads_dir), detector,
                              int(settings.upload_max_mb * 1024 * 1024), upload_limits(settings))
    retriever = SyncedRetriever(VouchedStore(store, sync), lexical, vectors, concepts,
                                RetrievalConfig(lexical_weight=settings.lexical_weight),
                                sync=sync)
    if chat_model is None:
        chat_model = make_chat_model(settings)
    playbook = load_playbook(settings.knowledge_dir / "playbook")
    understander = Understander(playbook, load_understanding_data(
        settings.knowledge_dir / "understanding"), vectors.sentences)
    chain = AnswerChain(ChainParts(
        settings=settings, prompts=prompts, detector=detector, retriever=retriever,
        concepts=concepts, embed_sentences=vectors.sentences, chat_model=chat_model,
        memory=ConversationMemory(settings.memory_turns),
        businesses=BusinessWords(
            {bid: [*b.keywords, *b.names.values()] for bid, b in playbook.business_types.items()},
            load_understanding_data(settings.knowledge_dir / "understanding")
            .cue_patterns("business_types")),
        typer=QuestionTyper(vectors.sentences, mask=masker(concepts.masked)),
        constraints=ConstraintReader(vectors.sentences),
        documents=DocumentReference(vectors.sentences),
        advice=lambda question, lang: understander.advice(question, lang)))
    plans = build_plan_service(settings, prompts, knowledge, concepts, chat_model,
                               passages=lambda query, lang: [h.text for h in retriever.search(
                                   query, 3, query_language=lang)],
                               embed_texts=vectors.sentences, detector=detector,
                               database=database, understander=understander)
    return Runtime(settings=settings, prompts=prompts, knowledge=knowledge, concepts=concepts,
                   detector=detector, embedding_function=embedding_function, vectors=vectors,
                   store=store, registry=registry, lexical=lexical, lexical_path=path,
                   ingestor=ingestor, library=library, retriever=retriever,
                   chat_model=chat_model, chain=chain, plans=plans, database=database, sync=sync)


def build_conversation(runtime: Runtime) -> ChatInterview:
    """The chat's router over the runtime's parts (built on first use: its intent examples
    are embedded then)."""
    titles = {a.source_id: a.title for a in runtime.knowledge.articles}
    concepts = runtime.concepts

    def card(concept_id: str, lang: str) -> object | None:
        return concepts.card(concept_id, lang) if concept_id in concepts.concepts else None

    intents = IntentRecognizer(runtime.vectors.sentences, slot_examples(runtime.prompts))
    renderer = Renderer(runtime.prompts, card, titles.get)
    return ChatInterview(runtime.plans, intents, renderer,
                         confident_language(runtime.detector, min_words=3, ahead=0.5))


def confident_language(detector: LanguageDetector | None, min_words: int = 0,
                       ahead: float | None = None) -> Callable[[str], str | None]:
    """A text's language when the detector is sure of it (and the text has `min_words`
    words), else None: how the interview notices an answer in another language. With
    `ahead`, a text of 6 words or more is also sure when its best language leads the next by
    that much ("Mi serve un piano di marketing per il mio negozio di fiori a Bologna": it 0.80,
    es 0.10)."""

    def detect(text: str) -> str | None:
        words = len(text.split())
        if detector is None or words < min_words:
            return None
        scores = detector.scores(text)
        ranked = sorted(scores.values(), reverse=True)
        best = max(scores, key=scores.__getitem__)
        leads = ahead is not None and words >= 6 and len(ranked) > 1 \
            and ranked[0] - ranked[1] >= ahead
        return best if ranked[0] >= CONFIDENT or leads else None

    return detect


def make_database(settings: Settings) -> Database:
    """The database for interviews, plans and change counters (no connection yet)."""
    url = settings.database_url.get_secret_value() if settings.database_url else None
    return Database(database_url(url, settings.database_path))


def _playbook_guides(settings: Settings) -> Callable[[], list[Source]]:
    """The plan playbook as indexable knowledge, one source per business type and language
    (read when the knowledge is listed for indexing)."""

    def guides() -> list[Source]:
        return playbook_sources(load_playbook(settings.knowledge_dir / "playbook"))

    return guides


def build_plan_service(settings: Settings, prompts: PromptLibrary, knowledge: KnowledgeBase,
                       concepts: ConceptIndex, chat_model: ChatModel | None, *,
                       passages: Callable[[str, str], list[str]] | None = None,
                       embed_texts: Callable[[list[str]], np.ndarray] | None = None,
                       detector: LanguageDetector | None = None,
                       database: Database | None = None,
                       understander: Understander | None = None) -> PlanService:
    """A PlanService over the database, the playbook and the concept cards; with a chat model,
    a drafter that has it write the plan's content (knowledge passages from `passages`)."""
    titles = {a.source_id: a.title for a in knowledge.articles}

    def explain(concept_id: str, lang: str) -> str | None:
        return concepts.card(concept_id, lang).explanation if concept_id in concepts.concepts \
            else None

    def source_title(kind: str, ident: str, lang: str) -> str | None:
        if kind == "concept":
            return concepts.name(ident, lang) if ident in concepts.concepts else None
        return titles.get(ident)

    playbook = load_playbook(settings.knowledge_dir / "playbook")
    drafter = None
    if chat_model is not None:
        drafter = PlanDrafter(chat_model, prompts, playbook, knowledge=passages,
                              repairs=settings.plan_repairs, timeout=settings.plan_draft_timeout,
                              classify=lambda exc: str(classify_backend_error(
                                  exc, settings).params.get("kind", "server")))
    understander = understander or Understander(playbook, load_understanding_data(
        settings.knowledge_dir / "understanding"), embed_texts)

    return PlanService(database or make_database(settings), prompts, playbook, explain=explain,
                       source_title=source_title, drafter=drafter, understander=understander,
                       detect=confident_language(detector))


def upload_limits(settings: Settings) -> UploadLimits:
    """The work one upload may cause, from the settings."""
    return UploadLimits(max_chunks=settings.upload_max_chunks,
                        max_documents=settings.upload_max_documents,
                        max_user_chunks=settings.upload_max_user_chunks,
                        index_seconds=settings.upload_index_seconds)
