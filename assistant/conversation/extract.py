"""What a plan request already says, taken as the interview's first answers: the business
("necesito un plan de marketing para mi gimnasio" -> "gimnasio"), the goal ("un piano per avere
più lavori" -> "avere più lavori") and a budget ("tengo 2000 euros").

>>> business_phrase("necesito un plan de marketing para mi gimnasio en Valencia")
'gimnasio en Valencia'
>>> business_phrase("Voglio preparare un piano di marketing per il mio panificio")
'panificio'
>>> business_phrase("ciao, ho un agriturismo in Umbria e vorrei preparare la strategia")
'agriturismo in Umbria'
>>> business_phrase("what is a marketing plan?") is None
True
>>> goal_phrase("sono idraulico a Genova, mi prepari un piano per avere più lavori?")
'avere più lavori'

A phrase that only names a category ("negozio", "gimnasio en Valencia") is no business answer:
the business question is asked, and the category kept for its answer.

>>> only_a_category("negozio"), only_a_category("gimnasio en Valencia")
(True, True)
>>> only_a_category("panificio Forno Rossi a Bologna"), only_a_category('bar "Da Gino"')
(False, False)
"""

from __future__ import annotations

import re

from ..lexicon import lexicon
from ..packs import alternation
from ..packs import words as pack_words
from ..planning.interview.parsing import ParseProblem, parse_budget
from ..text import folded_map

CUES = "intent_cues"
# Where a business phrase ends: punctuation, or a conjunction that starts the next clause.
STOP = re.compile(rf"[,.;:!?¿¡()]| (?:{alternation('business_phrase_stops')}) ")
GOAL_AFTER = re.compile(rf"(?:{alternation('plan_words')})[^,.;!?]*?"
                        rf"\b(?:{alternation('purpose_words')})\s+(?={alternation('goal_verbs')})"
                        r"(?P<goal>[^,.;!?]+)", re.I)
MAX_WORDS = 8
# Where a place starts in a business phrase ("palestra a Bari"): a capital after it is a place.
PLACE = re.compile(rf"\s(?:{alternation('place_prepositions')})\s.*$", re.I)


def _cue_pattern(kind: str) -> re.Pattern[str]:
    cues = {" ".join(re.findall(r"\w+", c))
            for items in lexicon(CUES).values() for c in items[kind]}
    alternatives = "|".join(re.escape(c).replace(r"\ ", r"\s+")
                            for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\s+"
                      rf"(?:(?:{alternation('business_determiners')})\s+)?")


def business_phrase(text: str) -> str | None:
    """The business a plan request names, in the user's spelling (None when it names none)."""
    folded, where = folded_map(text)
    match = _cue_pattern("business_of").search(folded)
    if not match or match.end() >= len(where):
        return None
    rest = text[where[match.end()]:]
    stop = STOP.search(rest)
    phrase = (rest[:stop.start()] if stop else rest).strip()
    words = phrase.split()
    if not words or words[0].casefold() in pack_words("plan_nouns"):
        return None
    return " ".join(words[:MAX_WORDS]) or None


def name_after(text: str, phrase: str, max_words: int = 6) -> str | None:
    """The business's name when the request gives it as the clause right after its business
    phrase, capitalised and short ("… compagnie de théâtre à Toulouse, Les Tréteaux du Canal");
    None otherwise.

    >>> name_after("a plan for my bike workshop in Bristol, Chain Reaction Cycles.",
    ...            "bike workshop in Bristol")
    'Chain Reaction Cycles'
    >>> name_after("un plan para mi gimnasio, quiero más socios", "gimnasio") is None
    True
    """
    at = text.find(phrase)
    after = re.match(r"\s*,\s*([^,.;:!?¿¡()]+)", text[at + len(phrase):]) if at >= 0 else None
    if not after:
        return None
    name = after.group(1).strip(" \"'«»“”")
    words = name.split()
    return name if 0 < len(words) <= max_words and words[0][:1].isupper() else None


def only_a_category(phrase: str) -> bool:
    """Whether a business phrase names a kind of business but no business: no capitalised
    word, quote or number before its place."""
    head = PLACE.sub("", f" {phrase.strip()}").strip()
    named = re.search(r"[\"«»“”'’]|\d", head) or any(w[:1].isupper() for w in head.split())
    return not named


def goal_phrase(text: str) -> str | None:
    """The goal a plan request states after "plan ... per/para/pour/to", or None."""
    match = GOAL_AFTER.search(text)
    if not match:
        return None
    goal = " ".join(match.group("goal").split())
    return goal if len(goal.split()) >= 2 else None


def budget_phrase(text: str) -> str | None:
    """A budget stated with its currency ("tengo 2000 euros"), as written; or None.

    >>> budget_phrase("tengo 2000 euros y quiero un plan"), budget_phrase("un plan") is None
    ('2000 euros', True)
    """
    for match in re.finditer(r"[$£€]?\s?\d[\d.,\s]*\s*(?:k\b)?\s*(?:€|\$|£|eur\w*|"
                             rf"{alternation('currency_stems')})?", text, re.I):
        phrase = match.group(0).strip()
        if not re.search(r"[$£€]|[a-z]{3}", phrase, re.I):
            continue  # a number without a currency is not a budget
        try:
            parse_budget(phrase)
            return phrase
        except (ParseProblem, ValueError):
            continue
    return None
