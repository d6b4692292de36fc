"""One real embedding model for the whole test session, its answers remembered per batch.

Each `UseEmbeddingFunction` loads the model's weights again (2 s of CPU), and every module that
builds a real `Understander` embeds the same prototype texts again; the model is deterministic,
so a batch seen before gets the very same matrix back."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction

from assistant.indexing.embeddings import embed, make_embedding_function
from assistant.settings import Settings


@cache
def _function() -> EmbeddingFunction[Documents]:
    if os.environ.get("TEST_TIER") == "fast":  # set by `make check`
        raise RuntimeError("the fast tier loads no embedding model: take the real understander "
                           "through the `understander` fixture, which marks the test heavy")
    return make_embedding_function(Settings(_env_file=None))


_seen: dict[tuple[str, ...], np.ndarray] = {}


def shared_embed(texts: Sequence[str]) -> np.ndarray:
    """`embed` with the session's one model; a batch embedded before is not embedded again."""
    key = tuple(texts)
    if key not in _seen:
        _seen[key] = embed(_function(), list(texts))
    return _seen[key].copy()
