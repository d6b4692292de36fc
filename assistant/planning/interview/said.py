"""What a message says, apart from how it says it: the part it asserts ("class bookings, not
members": the first part), the names written with capitals, the clauses that name channels, and
the phrase a text-valued fact takes. Pure functions over the packs' words (fact_words.json for
copulas, fillers and "than"; the packs' negations and "rather").

>>> asserted("class bookings, not members")
'class bookings'
>>> capitalised("Me olvidé de Mercado Libre")
['Mercado Libre']
"""

from __future__ import annotations

import re

from ...lexicon import lexicon
from ...packs import alternation

WORDS = "fact_words"  # copulas, fillers and "than" that frame a phrase


def capitalised(text: str) -> list[str]:
    """Names written with capitals, but for a sentence's first word ("Me olvidé de Mercado
    Libre": "Mercado Libre")."""
    found = re.finditer(r"\b[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)*", text)
    return [m.group(0) for m in found
            if m.start() > 0 and not re.search(r"[.!?]\s*$", text[:m.start()])]


def channel_clauses(text: str) -> list[str]:
    """The clauses of a message that name channels ("Drop Facebook", "we're on Pinterest
    now"), each with its own verb."""
    clauses = [c.strip() for c in re.split(rf"[,;]|\s(?:{alternation('but')})\s", text)]
    # the sentence's first word is capitalised as a sentence is, not as a name: "Drop Facebook"
    clauses[0] = re.sub(r"^[A-Z](?=[a-z]+\s+[A-Z])", lambda m: m.group(0).lower(), clauses[0])
    return [c for c in clauses if c and capitalised(f"x {c}")]


def _words(kind: str) -> str:
    """One alternation of a kind of word over the four languages (fact_words.json)."""
    table = lexicon(WORDS)
    found = {w for words in table.values() for w in words[kind]}
    return "|".join(sorted((w.replace(" ", r"\s+") for w in found), key=len, reverse=True))


def asserted(text: str) -> str:
    """The message less what it denies ("class bookings, not members": the first part)."""
    cut = re.split(rf"(?:,\s*|\s+)(?:{alternation('clause_negations')}|{alternation('rather')}"
                   rf"|{_words('than')})\s+", text, maxsplit=1, flags=re.I)
    return cut[0] if cut[0].strip() else text


def phrase(text: str) -> str | None:
    """The words a text-valued fact takes: after a copula, less fillers and an article."""
    phrase = re.split(rf"(?<!\w)(?:{_words('copulas')})(?!\w)\s*", said_clean(text),
                      maxsplit=1, flags=re.I)[-1]
    fillers = _words("fillers")
    phrase = re.sub(rf"^\s*(?:(?:{fillers})\s+)*", "", phrase, flags=re.I)
    phrase = re.sub(rf"^\s*(?:{alternation('indefinite_articles')})\s+", "", phrase, flags=re.I)
    phrase = re.sub(rf"\s+(?:{fillers})$", "", phrase.strip(" .,!;:'\"«»"), flags=re.I)
    return phrase.strip() if 0 < len(phrase.split()) <= 6 else None


def said_clean(text: str) -> str:
    """The text with its opening interjection ("No,", "Sorry,") taken off."""
    return re.sub(rf"^\s*(?:{alternation('no_interjections')})\s*[,!.]\s*", "", text.strip(),
                  flags=re.I)
