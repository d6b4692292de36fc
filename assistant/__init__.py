"""Estratega: a multilingual marketing-strategy assistant grounded in its knowledge base."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .facade import Assistant

__all__ = ["Assistant"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """Import the facade on first use: `import assistant.settings` (a subprocess, a doctest, the
    CLI's `--help`) then does not pay for chromadb, LangChain and the store (PEP 562)."""
    if name == "Assistant":
        from .facade import Assistant

        return Assistant
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
