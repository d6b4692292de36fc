"""Chat backends, chosen by name: the built-in grounded composer, any OpenAI-compatible
endpoint (OpenAI, Ollama, vLLM, llama.cpp server, LM Studio), or `local`: a GGUF file served by
llama.cpp inside this process and spoken to through the same OpenAI client."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from pydantic import PrivateAttr

from .errors import BackendError, UnknownBackend
from .settings import Settings

CHAT_BACKENDS = ("grounded", "openai", "local")


class ChatModel(Protocol):
    """What Estratega asks of a chat model: LangChain's chat-model calls it uses (the answer
    chain pipes it and streams, the plan drafter invokes it and asks for JSON-schema output).
    `ChatOpenAI` and LangChain's fake chat models fit it."""

    def invoke(self, input: Any, config: Any = None, **kwargs: Any) -> Any: ...

    def stream(self, input: Any, config: Any = None, **kwargs: Any) -> Iterator[Any]: ...

    def with_structured_output(self, schema: Any, **kwargs: Any) -> Any: ...


def make_chat_model(settings: Settings) -> ChatModel | None:
    """A LangChain chat model for the settings, or None for the built-in grounded composer."""
    name = settings.chat_backend
    if name == "grounded":
        return None
    if name == "openai":
        return _openai_chat(settings, settings.openai_base_url)
    if name == "local":
        from .local_server import LocalLlamaServer  # lazy: the `local` extra

        server = LocalLlamaServer(settings.local_model_path, settings.local_threads,
                                  settings.local_context)
        model = _openai_chat(settings, server.base_url)
        model._local_server = server  # the server lives as long as the model that speaks to it
        return model
    raise UnknownBackend(kind="chat", name=name, choices=", ".join(CHAT_BACKENDS))


@cache
def _chat_class() -> type:
    from langchain_openai import ChatOpenAI  # lazy: only paid when a model is configured

    class EstrategaChatOpenAI(ChatOpenAI):
        """ChatOpenAI that can keep the embedded server it speaks to alive."""

        _local_server: Any = PrivateAttr(default=None)

    return EstrategaChatOpenAI


def _openai_chat(settings: Settings, base_url: str | None) -> ChatModel:
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
    extra: dict[str, Any] = {}
    if base_url:
        # Ollama, llama.cpp and older vLLM ignore max_completion_tokens: send max_tokens too.
        extra["extra_body"] = {"max_tokens": settings.max_tokens}
    return _chat_class()(
        model=settings.chat_model,
        base_url=base_url,
        api_key=key or "not-needed",
        temperature=settings.temperature,
        max_completion_tokens=settings.max_tokens,
        timeout=settings.request_timeout,
        # The client retries 429/5xx and dropped connections with jittered backoff (and honours
        # Retry-After) before a response starts; a stream that breaks midway is not retried.
        max_retries=settings.max_retries,
        streaming=True,
        **extra,
    )


def describe_model(settings: Settings) -> str:
    """What answered, for the UI and CLI."""
    if settings.chat_backend == "grounded":
        return "grounded"
    if settings.chat_backend == "local":
        return f"{Path(str(settings.local_model_path)).name} @ local"
    where = settings.openai_base_url or "api.openai.com"
    return f"{settings.chat_model} @ {where}"


def classify_backend_error(exc: BaseException, settings: Settings) -> BackendError:
    """Map an openai/httpx exception to a BackendError a user can act on (no secrets in it)."""
    import httpx
    import openai

    where = settings.openai_base_url or "https://api.openai.com/v1"
    if settings.chat_backend == "local":
        where = str(settings.local_model_path)
    params: dict[str, Any] = {"where": where, "model": settings.chat_model,
                              "timeout": settings.request_timeout}
    status = getattr(exc, "status_code", None)
    if isinstance(exc, openai.APITimeoutError | httpx.TimeoutException | TimeoutError):
        kind = "timeout"
    elif isinstance(exc, openai.APIConnectionError | httpx.ConnectError | ConnectionError):
        kind = "unreachable"
    elif isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        kind = "auth"
    elif isinstance(exc, openai.NotFoundError):
        kind = "not_found"
    elif isinstance(exc, openai.RateLimitError):
        kind = "rate_limited"
    elif isinstance(exc, openai.APIStatusError):
        kind = "server" if (status or 500) >= 500 else "bad_request"
    elif isinstance(exc, json.JSONDecodeError | ValueError | KeyError | TypeError
                    | openai.APIResponseValidationError):
        kind = "malformed"
    else:
        kind = "server"
    return BackendError(f"{kind}: {type(exc).__name__}", kind=kind, status=status or "?",
                        **params)

