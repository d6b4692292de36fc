"""A fact typed back under the label the interview showed it with ("équipe : 2", "mois creux :
janvier", "inicio: marzo"): the owner copies a piece of the "I understood" line and changes its
value. The labels are the line's own phrases (prompts/packs/<lang>/i18n/interview.json,
`understood.*`), so whatever the line shows in a language is read back in it, with no cue
words of its own to keep in step.

>>> [(f.field, f.value) for f in echoed("équipe : 2", "fr")]
[('team_size', 2)]
>>> [(f.field, f.value) for f in echoed("inicio: marzo", "es")]
[('start_month', 3)]
>>> echoed("Instagram: sì", "it")
[]
"""

from __future__ import annotations

import re
from functools import cache

from ...prompts import PromptLibrary
from ...settings import PROJECT_ROOT
from ...text import fold
from ..understanding.data import UnderstandingData, load_understanding_data
from ..understanding.facts import first_count
from ..understanding.months import months_in
from .fact import Fact

# The line's phrases ("understood.<key>") that show one fact each, and the fact they show.
LINE_FIELDS = {"team": "team_size", "decision": "decision_months", "busy": "capacity_months",
               "quiet": "quiet_months", "closed": "closed_months", "start": "start_month"}


@cache
def _labels(lang: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """(the label followed by a colon, at the message's start; its field) for `lang`."""
    phrases = PromptLibrary(PROJECT_ROOT / "prompts").phrases("interview", lang)
    shown = phrases.get("understood", {})
    out = []
    for key, field in LINE_FIELDS.items():
        label = fold(str(shown.get(key, "")).split("{")[0]).strip(" :")
        if label:
            words = r"\s+".join(re.escape(w) for w in label.split())
            out.append((re.compile(rf"^\s*{words}\s*:"), field))
    return tuple(out)


@cache
def _data() -> UnderstandingData:
    return load_understanding_data(PROJECT_ROOT / "knowledge" / "understanding")


def echoed(text: str, lang: str, data: UnderstandingData | None = None) -> list[Fact]:
    """The fact a "label: value" message sets, read as that fact's answer (none when the
    message is not one of the line's labels or its value does not read)."""
    folded = fold(text)
    if len(folded) != len(text):
        return []
    for label, field in _labels(lang):
        match = label.match(folded)
        if not match:
            continue
        value = text[match.end():]
        if field == "team_size":
            count = first_count(value)
            return [Fact(field, count)] if count else []
        months = months_in(value, data or _data(), lang)
        if not months:
            return []
        return [Fact(field, months[0] if field == "start_month" else months)]
    return []
