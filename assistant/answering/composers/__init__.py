"""Composers turn a question and its numbered passages into answer text, as a stream.

Both are LangChain Runnables taking the same `ComposeInput`, so the chain does not care which
one is in use."""

from .base import ComposeInput, Passage

__all__ = ["ComposeInput", "Passage"]
