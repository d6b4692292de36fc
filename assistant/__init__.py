"""Estratega: a multilingual marketing-strategy assistant grounded in its knowledge base."""

from .facade import Assistant

__all__ = ["Assistant"]
__version__ = "0.1.0"
