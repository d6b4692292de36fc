"""The channels an owner rules out, by their names alone: "No Nextdoor.", "pas de Google Ads",
"Volantini no, mai più" were kept whole as names ("No Nextdoor" as an excluded channel, dev9,
7 Dec), so a channel ruled out by name matched nothing. The denial around a name (fact_cues'
exclude words before it, exclusion_ends after it, per language) is dropped; a name that is
nothing but denial words is kept as it was typed.

>>> bare_exclusions(["No Nextdoor", "pas de Google Ads", "Volantini no"])
['Nextdoor', 'Google Ads', 'Volantini']
>>> bare_exclusions(["Nada de TikTok"]), bare_exclusions(["no"])
(['TikTok'], ['no'])
"""

from __future__ import annotations

import re
from functools import cache

from ...lexicon import lexicon
from ...settings import LANGUAGES
from ...text import folded_map

CUES = "fact_cues"


@cache
def _marks() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = lexicon(CUES)

    def either(kind: str) -> str:
        found = {w for lang in LANGUAGES for w in table[lang].get(kind, [])}
        return "|".join(sorted((w.replace(" ", r"\s+") for w in found), key=len, reverse=True))

    return (re.compile(rf"^\s*(?:{either('exclude')})\s+"),
            re.compile(rf"\s+(?:{either('exclusion_ends')})\s*$"))


def bare_exclusions(items: list[str]) -> list[str]:
    """Each item without the denial words around its name (every language's: an owner may
    type "no TikTok" in any language)."""
    before, after = _marks()
    out = []
    for item in items:
        folded, where = folded_map(item)
        start = before.match(folded)
        end = after.search(folded)
        a = where[start.end()] if start and start.end() < len(where) else 0
        b = where[end.start()] if end and end.start() > (start.end() if start else 0) else len(item)
        name = item[a:b].strip(" .,;:!") if (start or end) else item
        out.append(name or item)
    return out
