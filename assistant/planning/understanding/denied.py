"""Whether a value named in a message is denied rather than stated: "pas en février", "not in
July", "no en enero", "non a gennaio" (the denial just before it, a short preposition or article
between) or "en septiembre no", "a febbraio no" (the denial closing its clause). A denied month
is no fact about that month: "on ferme en janvier, pas en février" says nothing of February.
The words are the packs' `denial_starts` and `denial_ends`; a denial that governs a verb ("no
cerramos en agosto") is the verb reader's business, not this one's.

>>> low = "on ferme en janvier, pas en fevrier"
>>> denied_at(low, low.index("janvier"), low.index("janvier") + 7)
False
>>> denied_at(low, low.index("fevrier"), len(low))
True
>>> low = "en agosto paramos, en septiembre no"
>>> denied_at(low, low.index("septiembre"), low.index("septiembre") + 10)
True
"""

from __future__ import annotations

import re
from functools import cache

from ...packs import alternation, words
from ...text import fold

# at most one short word (a preposition, an article) between the denial and what it denies
_BETWEEN = r"(?:[a-z']{1,4}\s+)?"


@cache
def _before() -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z])(?:{alternation('denial_starts')})\s+{_BETWEEN}$")


@cache
def _after() -> re.Pattern[str]:
    return re.compile(rf"^\s*,?\s*(?:{alternation('denial_ends')})\s*(?:[.,;:!?)]|$)")


def denied_at(low: str, start: int, end: int) -> bool:
    """Whether the words at low[start:end] (folded text) are denied where they stand ("non
    solo agosto" is not: "not only" adds).

    >>> low = "anche gennaio e fiacco, non solo agosto"
    >>> denied_at(low, low.index("agosto"), len(low))
    False
    """
    head = low[max(0, start - 24):start]
    if re.search(rf"(?<![a-z])(?:{alternation('not_only')})\s+{_BETWEEN}$", head):
        return bool(_after().match(low[end:]))
    return bool(_before().search(low[max(0, start - 16):start]) or _after().match(low[end:]))


def denied_span(low: str, start: int, end: int) -> tuple[int, int]:
    """The span of the words at low[start:end] with the denial around them ("pas en février"
    whole), or the words alone when they are not denied."""
    before = _before().search(low[max(0, start - 16):start])
    after = _after().match(low[end:])
    if before:
        start = max(0, start - 16) + before.start()
    elif after:
        end += after.end()
    return start, end


@cache
def _not_only() -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z])(?:{alternation('not_only')})(?![a-z])")


def not_only_blanked(text: str) -> str:
    """`text` with "not only" ("no solo", "non solo", "pas seulement") blanked: it adds what
    follows to what was said, it denies nothing ("en diciembre también cerramos, no solo en
    agosto": closed in both). Offsets are kept; text whose folding changes its length is
    returned as it is.

    >>> not_only_blanked("anche gennaio è fiacco, non solo agosto")
    'anche gennaio è fiacco,          agosto'
    """
    low = fold(text)
    if len(low) != len(text):
        return text
    for match in reversed(list(_not_only().finditer(low))):
        text = text[:match.start()] + " " * (match.end() - match.start()) + text[match.end():]
    return text


@cache
def negation_before() -> re.Pattern[str]:
    """A negation right before a word ("non ci fermiamo mai", "we never close", "casi no
    vendemos"): the word is denied (one word may stand between: "on ne ferme")."""
    found = {fold(w).strip() for concept in ("reason_negations", "negative_subjects")
             for w in words(concept)}
    return re.compile(rf"\b(?:{'|'.join(sorted(map(re.escape, found), key=len, reverse=True))})"
                      r"\s+(?:\w+\s+)?$")

