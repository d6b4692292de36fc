"""The model composer: the prompt from `prompts/answer/`, any LangChain chat model, text out."""

from __future__ import annotations

from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.runnables import Runnable, RunnableLambda

from ...prompts import PromptLibrary
from .base import ComposeInput


def language_name(prompts: PromptLibrary, lang: str) -> str:
    """The language's English name, for instructions to the model."""
    return prompts.phrase("composer", "en", "language_names")[lang]


def build_messages(prompts: PromptLibrary, item: ComposeInput,
                   firm: bool = False) -> list[BaseMessage]:
    """System rules, the remembered turns, then the passages as quoted data and the question
    (`firm`: once more, after an answer in the wrong language)."""
    name = language_name(prompts, item.language)
    messages: list[BaseMessage] = [SystemMessage(prompts.render("answer/system",
                                                                language_name=name))]
    for turn in item.history:
        messages.append(HumanMessage(turn.question))
        messages.append(AIMessage(turn.answer))
    passages = [
        {"number": p.number, "title": p.hit.title, "language": p.hit.language,
         "text": p.hit.text.replace("</passage>", "</ passage>")}
        for p in item.passages
    ]
    messages.append(HumanMessage(prompts.render(
        "answer/question", passages=passages, question=item.question, language_name=name,
    )))
    if firm:
        messages.append(HumanMessage(prompts.render("answer/language_retry", language_name=name)))
    return messages


def llm_composer(prompts: PromptLibrary, chat_model: Any,
                 firm: bool = False) -> Runnable[ComposeInput, str]:
    """ComposeInput -> streamed answer text."""
    to_messages = RunnableLambda(lambda item: build_messages(prompts, item, firm),
                                 name="answer_prompt")
    return to_messages | chat_model | StrOutputParser()


def rewrite_question(prompts: PromptLibrary, chat_model: Any, item: ComposeInput) -> str:
    """A standalone version of a follow-up question, written by the model."""
    prompt = prompts.render("answer/rewrite", history=item.history, question=item.question)
    reply = (RunnableLambda(lambda _: [HumanMessage(prompt)]) | chat_model | StrOutputParser()
             ).invoke(None)
    return " ".join(reply.split())[:1000]
