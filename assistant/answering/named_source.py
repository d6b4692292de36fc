"""Which built-in source a question names: "the Spanish article", "l'articolo italiano sul
marketing tattico", "Dans l'article « Marketing stratégique et opérationnel »". A named source
is a filter on what may answer, not a hint (the user's own documents are own_documents.py's).

The words are data, per language, in `prompts/packs/<lang>/lexicon/source_names.json`."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..lexicon import lexicon
from ..search.named import SourceTitle
from ..text import normalize_term, words
from .questions import _stem, _stopwords, focus_keys
from .statements import has_cue

CLAUSE = re.compile(r"[^,:;?¿!¡]+[,:;?!]?")
QUOTED = re.compile(r"[«“\"]\s*([^»”\"]{6,200}?)\s*[»”\"]")
NEAR = 2  # words between a pronoun and the language it stands in ("celui en italien")
SAME_LANGUAGE = 0.5  # "el artículo de Marketing Operativo" asked in Spanish: the Spanish one


def named_sources(question: str, lang: str,
                  articles: Sequence[SourceTitle] | Callable[[], Sequence[SourceTitle]]
                  ) -> tuple[str, ...]:
    """The source ids a question names as where its answer must come from (empty: none);
    `articles` may be a callable, called only when the question names an article at all.

    >>> arts = [SourceTitle("it-op", "Che cos'è il marketing operativo?", "it"),
    ...         SourceTitle("it-tt", "Marketing strategico e marketing tattico", "it"),
    ...         SourceTitle("es-op", "Marketing Operativo: ¿Qué es?, Características", "es")]
    >>> named_sources("What does the Italian article on tactical marketing say?", "en", arts)
    ('it-tt',)
    >>> named_sources("Según el artículo de Marketing Operativo, ¿qué retos?", "es", arts)
    ('es-op',)
    >>> named_sources("¿Qué es el marketing operativo?", "es", arts)
    ()
    >>> named_sources("Che cosa dice l'articolo italiano?", "it", arts)
    ('it-op', 'it-tt')
    """
    key = f" {normalize_term(question)} "
    quoted = QUOTED.search(question)
    language = _named_language(key)
    cued = _cued(key, "article") or _one_in_language(key)
    articles = articles() if callable(articles) else articles
    if quoted:  # a quotation is literal: the one title it opens or is part of
        literal = [a.source_id for a in articles
                   if normalize_term(quoted.group(1)) in normalize_term(a.title)]
        if len(literal) == 1:
            return (literal[0],)
    pool = [a for a in articles if language is None or a.language == language]
    if not pool:
        return ()
    asked = _keys(quoted.group(1) if quoted else question)
    scored = []
    for article in pool:
        title = _keys(article.title)
        shared = len(asked & title)
        ratio = shared / max(len(title), 1)
        scored.append((shared + ratio + SAME_LANGUAGE * (article.language == lang), shared,
                       ratio, article.source_id))
    scored.sort(reverse=True)
    best = scored[0]
    alone = len(scored) == 1 or scored[1][0] < best[0]
    if not (cued or quoted):
        # Title words and a language alone are no reference to a document: "the difference
        # between strategic and tactical marketing" or "an Italian restaurant" name none.
        return ()
    if language is not None:  # "the Italian article": one of them, the best by its title
        if best[1] == 0 or not alone:
            return tuple(sorted(sid for *_, sid in scored))
        return (best[3],)
    if best[1] >= 2 and best[2] >= 0.5:
        return (best[3],)
    return ()


def source_words(question: str, titles: Sequence[str] = ()) -> str:
    """A question without the words that name its source ("the Spanish article", the words
    of its title): they say where to look, not which sentence answers.

    >>> source_words("What does the Italian article say is the most common mistake?")
    'What does the say is the most common mistake?'
    >>> source_words("What does the article on tactical marketing say?", ["Marketing tattico"])
    'What does the on say?'
    """
    data = lexicon("source_names").values()
    names = {normalize_term(w) for lang in data for w in lang["article"]}
    names |= {normalize_term(w) for lang in data for items in lang["languages"].values()
              for w in items}
    title_keys = frozenset().union(*(_keys(t) for t in titles)) if titles else frozenset()
    kept = [t for t in question.split() if normalize_term(t) not in names
            and not (len(key := normalize_term(t)) >= 4 and _stem(key) in title_keys)]
    return " ".join(kept) if kept else question


def without_reference(question: str) -> str:
    """A question without the clause that refers to its source ("The article that compares
    strategy to running shoes:", "Nell'articolo che paragona…,"): that clause describes the
    source, and the source's sentence sharing its words is not what is asked. A question in
    one clause keeps its words (source_words drops the naming ones).

    >>> without_reference("The piece on running shoes: what are tactics, then?")
    ' what are tactics, then?'
    >>> without_reference("What does the Italian article on tactical marketing say?")
    'What does the Italian article on tactical marketing say?'
    """
    clauses = CLAUSE.findall(question)
    kept = [c for c in clauses if not refers_to_article(c)]
    rest = "".join(kept)
    if len(kept) == len(clauses) or not any(
            len(w) >= 4 and w not in _stopwords() for w in words(rest)):
        return question
    return rest


def asked_of_source(question: str, titles: Sequence[str] = ()) -> str:
    """What a question asks of the source it names, without the words naming it (source_words)
    and its title's words; but when the rest asks nothing beyond the title's words ("Il testo
    francese, cosa dice che è il marketing strategico?", "¿Qué dice el artículo en español sobre
    la diferencia entre marketing estratégico y operativo?"), those words are what is asked.

    >>> asked_of_source("Il testo francese, cosa dice che è il marketing strategico?",
    ...                 ["Marketing stratégique et opérationnel"])
    'cosa dice che è il marketing strategico?'
    >>> asked_of_source("¿Qué dice el artículo en español sobre la diferencia entre marketing "
    ...                 "estratégico y operativo?",
    ...                 ["diferencias entre el marketing estratégico y el marketing operativo"])
    '¿Qué dice el en sobre la diferencia entre marketing estratégico y operativo?'
    >>> asked_of_source("In the Italian one, what is operational marketing linked to?",
    ...                 ["Che cos'è il marketing operativo?"])
    'what is linked to?'
    """
    rest = without_reference(question)
    asked = source_words(rest, titles)
    saying = {_stem(normalize_term(w)) for lang in lexicon("source_names").values()
              for w in [*lang["says"], *lang["article"]]}  # "dice", and "l'articolo" left
    if not focus_keys(asked, "", "") - saying:  # "¿Qué dice el artículo en español sobre
        return source_words(rest)  # la diferencia entre…?": the title's words are the ask
    return asked


def content_words(question: str) -> str:
    """A question's content words alone (no function words, no words naming its source):
    what a section heading in another language is compared with ("the challenges of
    operational marketing" meets "Retos del marketing operativo"; the question's form does
    not).

    >>> content_words("What challenges does the Spanish article on operational marketing list?")
    'challenges operational marketing list'
    """
    kept = [w for w in source_words(question).split()]
    out = [w for w in words(" ".join(kept)) if len(w) >= 4 and w not in _stopwords()]
    return " ".join(out) or question


def title_ties(question: str, articles: Sequence[SourceTitle]) -> tuple[str, ...]:
    """The articles whose titles share the most content words with the question (two at
    least), when more than one does: the title alone does not say which is meant.

    >>> arts = [SourceTitle("it-op", "Che cos'è il marketing operativo?", "it"),
    ...         SourceTitle("es-op", "Marketing Operativo: ¿Qué es?, Características", "es")]
    >>> title_ties("What does the piece about operational marketing say?", arts)
    ('es-op', 'it-op')
    """
    asked = _keys(question)
    shared = {a.source_id: len(asked & _keys(a.title)) for a in articles}
    best = max(shared.values(), default=0)
    tied = tuple(sorted(sid for sid, n in shared.items() if n == best))
    return tied if best >= 2 and len(tied) > 1 else ()


def refers_to_article(question: str) -> bool:
    """Whether a question says it asks about an article ("the piece on…", "l'articolo che…"),
    or about one in a language ("the French one").

    >>> refers_to_article("The article that compares strategy to running shoes: what is it?")
    True
    >>> refers_to_article("In the French one, which means are used?")
    True
    >>> refers_to_article("Which one is cheaper?")
    False
    """
    key = f" {normalize_term(question)} "
    return _cued(key, "article") or _one_in_language(key)


def _one_in_language(key: str) -> bool:
    """A pronoun standing for a source, next to a language ("the French one", "quello
    francese", "celui en italien"); "which one … for an Italian restaurant" is none."""
    tokens = key.split()
    cues = [normalize_term(c).split() for lang in lexicon("source_names").values()
            for c in lang["one"]]
    adjectives = {normalize_term(a) for lang in lexicon("source_names").values()
                  for items in lang["languages"].values() for a in items}
    ones = [i for i in range(len(tokens)) for cue in cues if tokens[i:i + len(cue)] == cue]
    named = [i for i, t in enumerate(tokens) if t in adjectives]
    return any(abs(i - j) <= NEAR for i in ones for j in named)


def _cued(key: str, group: str) -> bool:
    return any(has_cue(key, cue) for lang in lexicon("source_names").values()
               for cue in lang[group])


def named_language(question: str) -> str | None:
    """The language a question gives its source ("the Spanish article"), if any."""
    return _named_language(f" {normalize_term(question)} ")


def _named_language(key: str) -> str | None:
    """The language a question gives its source ("the Spanish article"), if any."""
    for by_lang in lexicon("source_names").values():
        for code, adjectives in by_lang["languages"].items():
            if any(has_cue(key, adjective) for adjective in adjectives):
                return code
    return None


def _keys(text: str) -> frozenset[str]:
    """A text's content words as cognate stems (no function words, no "article")."""
    cue = {_stem(w) for lang in lexicon("source_names").values() for w in lang["article"]}
    return frozenset(s for w in words(text) if len(w) >= 4 and w not in _stopwords()
                     and (s := _stem(w)) not in cue)
