"""The answer chain: question (+ conversation) -> language -> standalone question -> passages
-> composer (model or grounded) -> cited, streamed answer. A failing model falls back to the
grounded composer with a visible notice."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from langchain_core.runnables import Runnable, RunnableLambda

from ..backends import RETRYABLE, classify_backend_error, describe_model
from ..documents import Hit
from ..errors import BackendError
from ..indexing.store import ChunkStore
from ..language import LanguageDetector, check_language
from ..messages import describe
from ..prompts import PromptLibrary
from ..search.concepts import ConceptIndex
from ..search.retrieval import HybridRetriever
from ..settings import Settings
from ..text import check_query, words
from .answers import Answer, AnswerEvent, Citation
from .citations import cited, clean_markers, filter_stream
from .composers.base import ComposeInput, Passage
from .composers.grounded import GroundedComposer
from .composers.llm import llm_composer, rewrite_question
from .memory import ConversationMemory, Turn

# Words that open a follow-up ("and its budget?") in the four languages.
FOLLOW_UP_OPENERS = frozenset("y e et and o ou or pero mais ma but tambien aussi anche also "
                              "entonces alors allora so".split())


class AnswerChain:
    """Grounded question answering with memory, language lock, citations and fallback."""

    def __init__(self, *, settings: Settings, prompts: PromptLibrary, detector: LanguageDetector,
                 retriever: HybridRetriever, concepts: ConceptIndex, store: ChunkStore,
                 embed_sentences: Callable[[list[str]], Any], chat_model: Any | None,
                 memory: ConversationMemory) -> None:
        self.settings = settings
        self.prompts = prompts
        self.detector = detector
        self.retriever = retriever
        self.concepts = concepts
        self.store = store
        self.chat_model = chat_model
        self.memory = memory
        self.grounded = GroundedComposer(self.prompts, concepts, embed_sentences)
        self.grounded_runnable: Runnable = self.grounded.as_runnable()
        self.model_runnable: Runnable | None = (
            llm_composer(self.prompts, chat_model) if chat_model is not None else None
        )
        self.prepare: Runnable = (RunnableLambda(self._resolve, name="resolve_question")
                                  | RunnableLambda(self._retrieve, name="retrieve"))

    @property
    def composer_name(self) -> str:
        return describe_model(self.settings) if self.chat_model is not None else "grounded"

    # -- public --------------------------------------------------------------------------------
    def ask(self, question: str, conversation_id: str | None = None,
            lang: str | None = None, owner: str | None = None) -> Answer:
        """Run the chain to completion."""
        final: Answer | None = None
        for event in self.stream(question, conversation_id, lang, owner):
            if event.type == "done":
                final = event.answer
        assert final is not None
        return final

    def stream(self, question: str, conversation_id: str | None = None,
               lang: str | None = None, owner: str | None = None) -> Iterator[AnswerEvent]:
        """Text deltas as they are produced, a notice if the model failed, then the answer."""
        question = check_query(question, self.settings.max_query_chars)
        forced = check_language(lang)
        item: ComposeInput = self.prepare.invoke(
            {"question": question, "conversation_id": conversation_id, "lang": forced,
             "owner": owner}
        )
        valid = {p.number for p in item.passages}
        parts: list[str] = []
        notice = ""
        composer = self.composer_name
        if self.model_runnable is not None:
            try:
                for delta in filter_stream(self._model_stream(item), valid):
                    parts.append(delta)
                    yield AnswerEvent("delta", delta)
                if not "".join(parts).strip():
                    raise BackendError("empty", kind="empty")
            except BackendError as exc:
                notice = self.prompts.phrase("errors", item.language, "fallback_notice",
                                             reason=describe(exc, item.language, self.prompts))
                composer = "grounded"
                yield AnswerEvent("notice", notice)
                parts = []
        if not parts:
            for delta in self.grounded_runnable.stream(item):
                parts.append(delta)
                yield AnswerEvent("delta", delta)
        text = clean_markers("".join(parts), valid).strip()
        by_number = {p.number: p.hit for p in item.passages}
        answer = Answer(
            text=text, language=item.language, composer=composer,
            citations=[Citation.from_hit(n, by_number[n]) for n in cited(text, valid)],
            notice=notice, conversation_id=conversation_id or "", grounded=bool(valid),
        )
        self.memory.append(conversation_id, Turn(question, item.standalone, text, item.language))
        yield AnswerEvent("done", answer=answer)

    # -- steps ---------------------------------------------------------------------------------
    def _resolve(self, inputs: dict[str, Any]) -> ComposeInput:
        """Language (explicit, detected, or the conversation's on a tie) and standalone form."""
        question: str = inputs["question"]
        history = self.memory.history(inputs["conversation_id"])
        hint = history[-1].language if history else None
        language = inputs["lang"] or self.detector.detect(question, hint)
        item = ComposeInput(question=question, standalone=question, language=language,
                            passages=[], history=history, owner=inputs["owner"])
        if history and self._looks_like_follow_up(question):
            item = replace(item, standalone=self._standalone(item))
        return item

    def _retrieve(self, item: ComposeInput) -> ComposeInput:
        """Relevant passages for the standalone question, numbered from 1."""
        hits = self.retriever.search(
            item.standalone, self.settings.top_k + 3, query_language=item.language,
            owner=item.owner,
        )
        concept = self.concepts.exact(item.standalone)
        concept_id = concept[0] if concept else None
        if concept_id is None and item.standalone != item.question:
            concept = self.concepts.exact(item.question)
            concept_id = concept[0] if concept else None
        relevant = [
            self._in_language(h, item.language) for h in _one_per_concept(hits, item.language)
            if h.similarity >= self.settings.min_relevance or "concept" in h.ranks
        ]
        passages = [Passage(i, h) for i, h in enumerate(relevant[: self.settings.top_k], 1)]
        return replace(item, passages=passages, concept_id=concept_id)

    def _in_language(self, hit: Hit, language: str) -> Hit:
        """A concept passage in another language is swapped for the user's language version."""
        if hit.kind != "concept" or hit.language == language:
            return hit
        wanted = f"concept:{hit.source_id.split(':')[1]}:{language}"
        records = list(self.store.records(where={"source_id": wanted}))
        if not records:
            return hit
        record = records[0]
        return replace(hit, chunk_id=record.id, text=record.text, source_id=wanted,
                       title=str(record.metadata.get("title", hit.title)), language=language)

    def _looks_like_follow_up(self, question: str) -> bool:
        tokens = words(question)
        return bool(tokens) and (len(tokens) <= 6 or tokens[0] in FOLLOW_UP_OPENERS)

    def _standalone(self, item: ComposeInput) -> str:
        """Resolve a follow-up: the model rewrites it; without a model, the previous topic
        is carried over."""
        if self.chat_model is not None:
            try:
                rewritten = rewrite_question(self.prompts, self.chat_model, item)
                if rewritten:
                    return rewritten
            except Exception:  # noqa: BLE001 - the heuristic below still resolves it
                pass
        previous = item.history[-1].standalone
        return f"{previous} {item.question}"

    def _model_stream(self, item: ComposeInput) -> Iterator[str]:
        """Model tokens, retrying 429/5xx with backoff while nothing has been streamed yet."""
        assert self.model_runnable is not None
        attempt = 0
        while True:
            started = False
            try:
                for token in self.model_runnable.stream(item):
                    started = True
                    yield token
                return
            except BackendError:
                raise
            except Exception as exc:  # noqa: BLE001 - classified right here
                error = classify_backend_error(exc, self.settings)
                kind = error.params.get("kind")
                if started or kind not in RETRYABLE or attempt >= self.settings.max_retries:
                    raise error from exc
                time.sleep(self.settings.retry_backoff * (2 ** attempt))
                attempt += 1


def _one_per_concept(hits: list[Hit], language: str) -> list[Hit]:
    """Keep one passage per concept, in the user's language when retrieved."""
    best: dict[str, Hit] = {}
    for hit in hits:
        if hit.kind != "concept":
            continue
        concept_id = hit.source_id.split(":")[1]
        if concept_id not in best or (hit.language == language
                                      and best[concept_id].language != language):
            best[concept_id] = hit
    keep = {id(h) for h in best.values()}
    return [h for h in hits if h.kind != "concept" or id(h) in keep]
