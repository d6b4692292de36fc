"""Which built-in source a question refers to, and its passages read whole.

A question names a source by its title, a quotation or its language ("the Spanish article":
named_source.py). It may also refer to one by what it says ("the article that compares
strategy to running shoes", "the piece on operational marketing" when two titles share
those words alike): then the source is the article one of whose passages lies nearest the
question, when it lies clearly nearer than every other article's best passage. A question
that says it asks about an article, yet matches none clearly, names none (the whole
knowledge base answers)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from ..documents import Hit
from ..search.named import SourceTitle
from .named_source import (
    asked_of_source,
    content_words,
    named_language,
    named_sources,
    refers_to_article,
    title_ties,
)

# The nearest article's best passage must lie this much nearer the question than the next
# article's (set on tests/eval/answers_dev6.jsonl: 0.05-0.15 where the description is the
# article's own, under 0.03 where it merely shares the topic).
BY_CONTENT_MARGIN = 0.04


class Sources(Protocol):
    """What the retriever offers about named sources (search/named.py)."""

    def articles(self) -> list[SourceTitle]: ...

    def within(self, source_id: str, query_vector: np.ndarray) -> list[Hit]: ...

    def embed_query(self, text: str) -> np.ndarray: ...


def referred_sources(question: str, language: str, sources: Sources) -> tuple[str, ...]:
    """The source ids the question refers to: by name (title, quotation, language), else by
    what it says, else none."""
    named = named_sources(question, language, sources.articles)
    if not refers_to_article(question):
        return named
    # Titles that tie are weighed only among the articles in the language it names, if any:
    # "el artículo francés … marketing estratégico" is the French one, whatever the titles say.
    language = named_language(question)
    pool = [a for a in sources.articles() if language is None or a.language == language]
    tied = title_ties(question, pool) if len(named) == 1 else ()
    if len(named) == 1 and not (tied and named[0] in tied):
        return named
    candidates = tied or named or tuple(a.source_id for a in sources.articles())
    vector = sources.embed_query(content_words(question))
    best = sorted(((max((h.similarity for h in sources.within(sid, vector)), default=0.0), sid)
                   for sid in candidates), reverse=True)
    if len(best) == 1 or best[0][0] - best[1][0] >= BY_CONTENT_MARGIN:
        return (best[0][1],)
    return named


def asked_of(question: str, named: Sequence[str], sources: Sources) -> str:
    """What a question asks of the sources it names, without the words naming them."""
    return asked_of_source(question, [a.title for a in sources.articles()
                                      if a.source_id in named])


def named_passages(question: str, named: Sequence[str], sources: Sources,
                   hits: list[Hit]) -> list[Hit]:
    """The named sources' passages first (closest to what is asked of them), then the rest:
    a source the user names is a filter, the rest is read only when it does not say."""
    vector = sources.embed_query(asked_of(question, named, sources))
    own = sorted((h for sid in named for h in sources.within(sid, vector)),
                 key=lambda h: -h.similarity)
    return [*own, *(h for h in hits if h.source_id not in named)]
