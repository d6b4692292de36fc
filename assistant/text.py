"""Pure text helpers shared by retrieval, concept lookup and the composers."""

from __future__ import annotations

import re
import unicodedata

from .errors import EmptyQuery, QueryTooLong

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"»”)]*\s+(?=[\"«“(¿¡]?[A-ZÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÇÑÜ0-9])")


def fold(text: str) -> str:
    """Lower-case and strip accents: 'Análisis' -> 'analisis'.

    >>> fold("Rétention CLIENTÈLE")
    'retention clientele'
    """
    if text.isascii():  # most text, and 20x faster: no accents to strip, casefold is lower
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """Folded word tokens.

    >>> words("¿Qué es el D.A.F.O.?")
    ['que', 'es', 'el', 'd', 'a', 'f', 'o']
    """
    return _WORD.findall(fold(text))


def normalize_term(text: str) -> str:
    """A key for exact term matching: folded words joined by one space, dots in acronyms dropped.

    >>> normalize_term("  Le   Marketing-Mix ")
    'le marketing mix'
    >>> normalize_term("K.P.I.")
    'kpi'
    """
    text = re.sub(r"(?<=\b\w)\.(?=\w\b|\s|$)", "", text)
    return " ".join(words(text))


def sentences(text: str) -> list[str]:
    """Split a passage into sentences (bullets and lines count as sentence breaks).

    >>> sentences("Uno. Dos? ¿Tres! cuatro\\n• cinco")
    ['Uno.', 'Dos?', '¿Tres! cuatro', '• cinco']
    """
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if line:
            out.extend(part.strip() for part in _SENTENCE_END.split(line) if part.strip())
    return out


def clean_control(text: str) -> str:
    """Drop control characters except newlines and tabs.

    >>> clean_control("a\\x00b\\nc")
    'ab\\nc'
    """
    return "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C" or ch == "\u200d"
    )


def check_query(text: object, limit: int) -> str:
    """A user's text, cleaned; EmptyQuery or QueryTooLong when it cannot be used.

    >>> check_query("  ¿Qué es el DAFO?\\x00 ", 100)
    '¿Qué es el DAFO?'
    """
    if text is None:
        raise EmptyQuery()
    cleaned = clean_control(str(text)).strip()
    if not cleaned:
        raise EmptyQuery()
    if len(cleaned) > limit:
        raise QueryTooLong(limit=limit)
    return cleaned


def folded_map(text: str) -> tuple[str, list[int]]:
    """The text folded (lower case, no accents, punctuation as spaces) and, for each folded
    character, its index in `text`, so a span found folded is cut from the owner's words.

    >>> folded_map("Ça va!")[0]
    'ca va '
    """
    out, where = [], []
    for i, ch in enumerate(text):
        for f in unicodedata.normalize("NFKD", ch.casefold()):
            if not unicodedata.combining(f):
                out.append(f if f.isalnum() else " ")
                where.append(i)
    return "".join(out), where
