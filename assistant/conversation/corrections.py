"""A correction of what was understood, told in words: "no, siamo un panificio, non un negozio",
"actually we are a gym", "en realidad somos una clínica". What is denied ("non un negozio") is
dropped, what is asserted is kept for the interview's correction reader.

>>> correction_text("no, siamo un panificio, non un negozio", "offer")
'siamo un panificio'
>>> correction_text("No, we are a bakery, not a shop", "offer")
'we are a bakery'
>>> correction_text("non siamo un negozio ma un panificio", "offer")
'siamo un panificio'
>>> correction_text("no TikTok", "excluded_channels") is None
True
>>> correction_text("Trattoria da Nello, cucina toscana", "business") is None
True
"""

from __future__ import annotations

import re
from typing import Any

from ..lexicon import lexicon
from ..packs import alternation
from .intents import cue_text

LIST_SLOTS = ("channels", "excluded_channels")  # where "no TikTok" is an answer
IDENTITY = re.compile(rf"^\s*(?:{alternation('identity')}|{alternation('goal_labels')})\b", re.I)
BUT = re.compile(rf"\s+(?:{alternation('rather')})\s+"
                 rf"(?:(?:{alternation('indefinite_articles')})\s+)?", re.I)
DENIED = re.compile(rf"^\s*(?:{alternation('denial_starts')})\b", re.I)


def _negations() -> tuple[str, ...]:
    found = {cue_text(c) for items in lexicon("intent_cues").values() for c in items["negation"]}
    return tuple(sorted(found, key=len, reverse=True))


def correction_text(text: str, slot: str | None, intents: Any = None) -> str | None:
    """The asserted part of a correction, or None when the message is no correction."""
    folded = cue_text(text)
    if not any(folded.startswith(cue) for cue in _negations()):
        return None
    body = re.sub(rf"^\s*(?:{alternation('no_interjections')})\s*[,!.]\s*", "", text.strip(),
                  flags=re.I)
    body = re.sub(rf"^\s*(?:{alternation('actually')})\s*,?\s*", "", body, flags=re.I)
    denied_then = BUT.split(body, maxsplit=1)
    if len(denied_then) == 2 and DENIED.match(denied_then[0]):
        subject = re.match(rf"^\s*(?:{alternation('negative_subjects')})\s+(\w+)", denied_then[0],
                           re.I)
        body = f"{subject.group(1)} un {denied_then[1]}" if subject else denied_then[1]
        body = re.sub(rf"\s+un\s+({alternation('indefinite_articles')})\s+", r" \1 ", body)
    clauses = [c.strip() for c in re.split(r"[,;]", body) if c.strip()]
    kept = [c for c in clauses if not DENIED.match(c)]
    if not kept:
        return None
    asserted = kept[0]
    if slot in LIST_SLOTS and not IDENTITY.match(asserted):
        return None
    return asserted if IDENTITY.match(asserted) or slot not in LIST_SLOTS else None
