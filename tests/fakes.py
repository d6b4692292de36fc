"""A deterministic fake embedding model for fast unit tests of fusion and composers: texts that
share folded words get similar vectors. No weights, no randomness, the same vector every run."""

from __future__ import annotations

import hashlib
from typing import Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings

from assistant.text import words

DIMENSIONS = 256


def hashed_vector(text: str, dimensions: int = DIMENSIONS) -> np.ndarray:
    """A unit vector: each folded word (and its 5-letter prefix) adds to one hashed axis."""
    vector = np.zeros(dimensions, dtype=np.float32)
    for word in words(text):
        for key in {word, word[:5]}:
            axis = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=4).digest(), "big")
            vector[axis % dimensions] += 1.0
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


class HashEmbeddings(EmbeddingFunction[Documents]):
    """Chroma-compatible wrapper around `hashed_vector` (not registered: tests pass it in)."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, input: Documents) -> Embeddings:
        self.calls += 1
        return [hashed_vector(text) for text in input]

    @staticmethod
    def name() -> str:
        return "estratega-test-hash"

    def get_config(self) -> dict[str, Any]:
        return {}

    def default_space(self) -> str:  # type: ignore[override]
        return "cosine"


def embed_texts(texts: list[str]) -> np.ndarray:
    """Vectors for several texts, as the runtime's `embed` returns them."""
    return np.vstack([hashed_vector(t) for t in texts]) if texts else np.zeros((0, DIMENSIONS))
