"""Cross-language word keys: Spanish, French, Italian and English share most of their marketing
vocabulary through Latin ('estrategia', 'stratégie', 'strategia', 'strategy'). Folding the regular
spelling differences of these cognates, then comparing character 4-grams, lets a lexical ranker
match a passage written in another language than the query.

The rules are the textbook sound correspondences between the four languages, not a dictionary:
suffixes (-ción/-zione/-tion, -idad/-ità/-ité/-ity, -ico/-ique/-ic, -ivo/-if/-ive, ...), double
consonants, Italian z and Spanish c where French and English write t, the Spanish e- before
s + consonant cluster ('estrategia', 'estructura'; not before s + vowel, where it breaks pairs
such as 'esencial'/'essential'), and the final vowels and plural -s that only mark gender and
number. The index stores words and derives the keys when it compiles, so changing a rule needs
no re-ingest.
"""

from __future__ import annotations

import re
from functools import lru_cache

GRAM = 4

# (pattern, replacement), applied in order to an accent-free, lower-case word.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement) for pattern, replacement in (
        (r"^es(?=[cpt][^aeiou])", "s"),              # estrategia, estructura, escritura
        (r"(.)\1", r"\1"),                           # commerciale, offerta, positionnement
        (r"ph", "f"),
        (r"th", "t"),
        (r"qu", "c"),
        (r"k", "c"),
        (r"j", "i"),                                 # objetivo / obiettivo
        (r"gn", "n"),                                # compagnia / compania
        (r"[cp]t", "t"),                             # producto, concepto, objectif
        (r"(?:ciones|cione|cion|zioni|zione|sioni|sione|siones|sions|sion|tions|tion)$", "tion"),
        (r"i(?:dades|dad|ta|te|tes|ties|ty)$", "itat"),
        (r"(?:icos|icas|ico|ica|ici|iche|iques|ique|ical|ics|ic)$", "ic"),
        (r"(?:ivos|ivas|ivo|iva|ivi|ive|ives|ifs|if)$", "iv"),
        (r"(?:mientos|miento|menti|mento|ments|ment)$", "ment"),
        (r"(?:osos|osas|oso|osa|osi|ose|euses|euse|eux|ous)$", "os"),
        (r"(?:ismos|ismo|ismes|isme|ism)$", "ism"),
        (r"(?:istas|ista|isti|iste|istes|ist|ists)$", "ist"),
        (r"(?:arios|aria|ario|ari|aires|aire|ary)$", "ar"),
        (r"y", "i"),
        (r"(?<=\w)[cz]i(?=[aeou])", "ti"),           # azione/accion/action, posizione
        (r"(?<=\w{3})s$", ""),                       # plurals
        (r"(?<=\w{3})[aeiou]+$", ""),                # gender and number vowels
    )
)


@lru_cache(maxsize=65536)
def cognate_key(word: str) -> str:
    """The spelling shared by a word's cognates (input: folded, lower-case, no accents).

    >>> [cognate_key(w) for w in ("estrategia", "strategie", "strategia", "strategy")]
    ['strateg', 'strateg', 'strateg', 'strateg']
    >>> [cognate_key(w) for w in ("decision", "decisione", "decisiones", "decisions")]
    ['decition', 'decition', 'decition', 'decition']
    """
    for pattern, replacement in _RULES:
        word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=65536)
def grams(word: str) -> tuple[str, ...]:
    """Character 4-grams of a word's cognate key, with word boundaries marked.

    >>> grams("operativo")
    ('<ope', 'oper', 'pera', 'erat', 'rati', 'ativ', 'tiv>')
    """
    key = f"<{cognate_key(word)}>"
    if len(key) <= GRAM:
        return (key,)
    return tuple(key[i:i + GRAM] for i in range(len(key) - GRAM + 1))
