"""The answer chain: question (+ conversation) -> language -> what it asks and about what ->
passages (one retrieval call) -> composer (model or grounded) -> cited, streamed answer, markers
renumbered 1..n. A failing model falls back to the grounded composer with a visible notice; a
model answering in the wrong language is asked once more, firmly."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from langchain_core.runnables import Runnable, RunnableLambda

from ..backends import ChatModel, classify_backend_error, describe_model
from ..errors import BackendError
from ..language import LanguageDetector, check_language
from ..messages import describe
from ..prompts import PromptLibrary
from ..search.concepts import ConceptIndex
from ..search.retrieval import HybridRetriever
from ..settings import Settings
from ..text import check_query, words
from .answers import Answer, AnswerEvent, Citation
from .citations import clean_markers, filter_stream
from .composers.base import ComposeInput
from .composers.grounded import GroundedComposer
from .composers.llm import llm_composer, rewrite_question
from .constraint_reader import ConstraintReader
from .constraints import constraints_of
from .document_reference import DocumentReference
from .evidence import EvidenceStep
from .examples import BusinessWords
from .memory import ConversationMemory, Turn
from .question_types import ANSWER_KINDS, QuestionTyper
from .questions import (
    is_follow_up,
    names_a_document,
    points_back,
    question_type,
    refers_back,
    strip_markup,
)
from .source_reference import asked_of, referred_sources

LANGUAGE_PROBE_CHARS = 160  # model text held back to check its language before streaming it
RELATION_WORDS = 5  # "and compared with CAC?": a follow-up this short naming a new concept


@dataclass(frozen=True)
class ChainParts:
    """What the chain is built from, passed in by `build_runtime`."""

    settings: Settings
    prompts: PromptLibrary
    detector: LanguageDetector
    retriever: HybridRetriever
    concepts: ConceptIndex
    embed_sentences: Callable[[list[str]], Any]
    chat_model: ChatModel | None
    memory: ConversationMemory
    # the business a question names, and the playbook source id of a type in a language
    businesses: BusinessWords = field(default_factory=BusinessWords)
    guide_source: Callable[[str, str], str] = lambda business, lang: f"playbook:{business}:{lang}"
    typer: QuestionTyper | None = None  # question types learned from examples (else cues)
    constraints: ConstraintReader | None = None  # constraints learned from examples (else cues)
    # (question, language) -> the concept cards that fit how the business it describes sells
    # and a few words saying how it sells ("a local business"), in the question's language
    advice: Callable[[str, str], tuple[tuple[str, ...], str]] | None = None
    documents: DocumentReference | None = None  # "the file I sent you", learned from examples


class AnswerChain(EvidenceStep):
    """Grounded question answering with memory, language lock, citations and fallback."""

    def __init__(self, parts: ChainParts) -> None:
        self.parts = parts
        self.settings = parts.settings
        self.prompts = parts.prompts
        self.detector = parts.detector
        self.retriever = parts.retriever
        self.concepts = parts.concepts
        self.chat_model = parts.chat_model
        self.memory = parts.memory
        self.businesses = parts.businesses
        self.grounded = GroundedComposer(self.prompts, self.concepts, parts.embed_sentences,
                                         judge=parts.constraints, businesses=parts.businesses)
        self.grounded_runnable: Runnable = self.grounded.as_runnable()
        self.model_runnable: Runnable | None = None
        self.firm_runnable: Runnable | None = None
        if self.chat_model is not None:
            self.model_runnable = llm_composer(self.prompts, self.chat_model)
            self.firm_runnable = llm_composer(self.prompts, self.chat_model, firm=True)
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
        shown: dict[int, int] = {}
        parts: list[str] = []
        notice = ""
        composer = self.composer_name
        by_model = False
        if self.model_runnable is not None and not item.choices:
            state: dict[str, bool] = {}
            try:
                for delta in filter_stream(self._model_text(item, state), valid, shown):
                    parts.append(delta)
                    yield AnswerEvent("delta", delta)
                if not "".join(parts).strip():
                    raise BackendError("empty", kind="empty")
                by_model = True
                if state.get("wrong_language"):
                    notice = self.prompts.phrase("composer", item.language, "language_notice")
                    yield AnswerEvent("notice", notice)
            except BackendError as exc:
                notice = self.prompts.phrase("errors", item.language, "fallback_notice",
                                             reason=describe(exc, item.language, self.prompts))
                composer = "grounded"
                yield AnswerEvent("notice", notice)
                parts = []
                shown.clear()
                by_model = False
        if not parts:
            for delta in filter_stream(self.grounded_runnable.stream(item), valid, shown):
                parts.append(delta)
                yield AnswerEvent("delta", delta)
        text = clean_markers("".join(parts), set(shown.values())).strip()
        by_number = {p.number: p.hit for p in item.passages}
        citations = [Citation.from_hit(new, by_number[old])
                     for old, new in sorted(shown.items(), key=lambda kv: kv[1])]
        if not citations and by_model:
            # The model cited nothing: the passages it was given are still listed, as consulted.
            citations = [Citation.from_hit(i, p.hit, consulted=True)
                         for i, p in enumerate(item.passages, 1)]
        answer = Answer(
            text=text, language=item.language, composer=composer, citations=citations,
            notice=notice, conversation_id=conversation_id or "", grounded=bool(valid),
        )
        self.memory.append(conversation_id, Turn(item.question, item.standalone, text,
                                                 item.language))
        yield AnswerEvent("done", answer=answer)

    # -- steps ---------------------------------------------------------------------------------
    def _resolve(self, inputs: dict[str, Any]) -> ComposeInput:
        """Language (explicit, detected, or the conversation's on a tie), what the question
        asks, about which concepts, and its standalone form."""
        question: str = strip_markup(inputs["question"]) or inputs["question"]
        history = self.memory.history(inputs["conversation_id"])
        hint = history[-1].language if history else None
        language = inputs["lang"] or self.detector.detect(question, hint)
        kind, asked = self._kind(question, language)
        constraints = self._constraints(question)
        # "no marketing budget" rules something out: it does not name the budget as the topic.
        own = self.parts.constraints.search_words(question, constraints) \
            if constraints and self.parts.constraints else question
        named = self.concepts.named(own)
        hinted = [] if named else self.concepts.cued(own)
        mine = names_a_document(question)
        reference = "" if mine or not (self.parts.documents and inputs["owner"]) else \
            self.parts.documents.reference(question)
        item = ComposeInput(question=question, standalone=question, language=language,
                            passages=[], history=history, owner=inputs["owner"], asked=asked,
                            constraints=constraints, own_document=mine or bool(reference),
                            document_words=reference)
        concepts = named or hinted
        if history and (is_follow_up(question, language) or points_back(question)
                        or (refers_back(question) and not named)):
            # The conversation's topic is the latest turn about a concept, not only the last
            # turn; a concept the follow-up names wins, its cue words count less than the topic.
            previous = history[-1].standalone
            topic_turn = next((t for t in reversed(history) if self.concepts.about(t.standalone)),
                              None)
            topic = self.concepts.about(topic_turn.standalone) if topic_turn else []
            if topic_turn is not None and topic_turn is not history[-1]:
                previous = f"{topic_turn.question} {previous}"
            kind = kind or question_type(previous, language)
            # "Which of the two…?" points back: the topic, whatever else it names ("budget").
            concepts = (topic or named) if points_back(question) else (named or topic or hinted)
            if named and topic and named[0] not in topic and len(words(question)) <= \
                    RELATION_WORDS and asked not in ("definition", "cost", "formula", "howto"):
                # "And compared with CAC?" after CLV asks how the topic relates to what the
                # follow-up names: both cards, read as a difference (the topic's card says it).
                concepts, kind = [topic[0], named[0]], "difference"
            if asked == "cost":
                # "And what's the price?" asks what the topic costs (not about pricing); "and
                # how much should I spend?" is the budget's question, whatever the topic.
                concepts = self.concepts.cued(question) or topic or named
            item = replace(item, context=previous)
            item = replace(item, standalone=self._standalone(item))
        named_ids = referred_sources(question, language, self.retriever)
        if named_ids and not item.context:
            # "Dans l'article sur les différences…, sur quel horizon… ?" asks of the source what
            # its own words ask: the title it quotes says nothing of the question's type.
            kind, asked = self._kind(asked_of(question, named_ids, self.retriever), language)
            item = replace(item, asked=asked)
        return replace(item, kind=kind, concepts=tuple(concepts[:2]), named=named_ids)

    def _kind(self, question: str, language: str) -> tuple[str | None, str | None]:
        """(the kind the composer shapes the answer by, the kind the example questions say): a
        formula, a cost or an example is asked of the kind the cue words say (the composer reads
        `asked` for the rest)."""
        cued = question_type(question, language)
        asked = self.parts.typer.classify(question, language) if self.parts.typer else None
        return (asked if asked in ANSWER_KINDS else cued), asked

    def _constraints(self, question: str) -> tuple:
        """What the question rules out or aims at: read by example phrasings when the reader
        is wired, else by the cue phrases alone."""
        reader = self.parts.constraints
        return reader.read(question) if reader else constraints_of(question)

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
        return f"{item.context or item.history[-1].standalone} {item.question}"

    def _model_text(self, item: ComposeInput, state: dict[str, bool]) -> Iterator[str]:
        """The model's answer; if its opening is confidently in another language than the
        user's, it is asked once more with a firmer instruction (`state` says if that failed)."""
        for firm in (False, True):
            tokens = self._model_stream(item, firm)
            head: list[str] = []
            for token in tokens:
                head.append(token)
                if sum(map(len, head)) >= LANGUAGE_PROBE_CHARS:
                    break
            if self._wrong_language("".join(head), item.language):
                if not firm:
                    tokens.close()
                    continue
                state["wrong_language"] = True
            yield from head
            yield from tokens
            return

    def _wrong_language(self, text: str, language: str) -> bool:
        if len(words(text)) < 6:
            return False
        scores = self.detector.scores(text)
        best = max(scores, key=scores.__getitem__)
        return best != language and scores[best] >= 0.6

    def _model_stream(self, item: ComposeInput, firm: bool = False) -> Iterator[str]:
        """Model tokens (the openai client has already retried 429/5xx before the first one);
        a failure becomes a BackendError the user can act on."""
        runnable = self.firm_runnable if firm else self.model_runnable
        assert runnable is not None
        try:
            yield from runnable.stream(item)
        except BackendError:
            raise
        except Exception as exc:  # noqa: BLE001 - classified right here
            raise classify_backend_error(exc, self.settings) from exc

