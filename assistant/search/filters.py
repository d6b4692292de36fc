"""The metadata filters of a search (owner, language, kind, sources), for the BM25 index and for
Chroma's `where`."""

from __future__ import annotations

from typing import Any


def where_of(language: str | None, kind: str | None, source_ids: list[str] | None,
             owner: str | None = None) -> dict[str, Any]:
    """A search filter: with an `owner`, their uploads and the built-in knowledge (owner "")."""
    where: dict[str, Any] = {}
    if owner is not None:
        where["owner"] = ["", owner] if owner else [""]
    if language:
        where["language"] = language
    if kind:
        where["kind"] = kind
    if source_ids:
        where["source_id"] = list(source_ids)
    return where


def chroma_where(where: dict[str, Any]) -> dict[str, Any] | None:
    """The same filter in Chroma's syntax (a list is $in, several keys are $and)."""
    clauses = [
        {key: {"$in": value}} if isinstance(value, list) else {key: value}
        for key, value in where.items()
    ]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}
