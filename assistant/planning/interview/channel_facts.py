"""Channels a correction adds, removes or rules out, by the owner's names ("también vendemos por
Mercado Libre", "aggiungi anche Facebook", "no more TikTok"): the cue words of each (fact_cues'
add / remove / exclude) and the names after them, capitalised or known to the channel reader."""

from __future__ import annotations

import re
from typing import Any

from ...lexicon import lexicon
from ...packs import alternation
from ...text import folded_map
from .fact import Fact
from .parsing import parse_list

CUES = "fact_cues"


def channel_facts(text: str, folded: str, cues: dict[str, re.Pattern[str]],
                  channels: Any = None) -> list[Fact]:
    """Channels added, removed or ruled out, by the owner's names (`channels`: a ChannelReader
    that knows names written without capitals)."""
    for kind, field, op in (("remove", "channels", "remove"), ("exclude", "excluded", "set"),
                            ("add", "channels", "add")):
        match = cues[kind].search(folded)
        if not match:
            continue
        if kind == "exclude" and (match.start() > 0 and not re.match(
                rf"\s*(?:{alternation('exclusion_starts')})\b",
                folded[match.start():])):
            continue
        names = _names(text[folded_map(text)[1][match.end()]:]
                       if match.end() < len(folded) else "", channels)
        if names:
            return [Fact(field, names, "add" if kind == "exclude" else op)]
    return []


def _names(rest: str, channels: Any) -> list[str]:
    """Channel names at the start of `rest`: capitalised words or names the reader knows, up
    to the end of the clause ("Drop Facebook, we're on Pinterest now": Facebook only; "Drop
    Facebook, Twitter and TikTok": the list goes on)."""
    chunks = re.split(r"[.;:!?]", rest)[0].split(",")
    ends = next((i for i, c in enumerate(chunks[1:], 1) if not _bare(c, channels)), len(chunks))
    rest = ",".join(chunks[:ends])
    tails = [t for words in lexicon(CUES).values() for t in words["channel_words"]]
    for _ in range(2):  # "Aggiungi anche Facebook": "anche" opens the names, ends none
        for tail in tails:
            rest = re.sub(rf"^\s*{tail.replace(' ', r'[ ]+')}\b", "", rest, flags=re.I)
    for tail in tails:
        rest = re.sub(rf"\s+{tail.replace(' ', r'[ ]+')}\b.*$", "", rest, flags=re.I)
    rest = re.sub(rf"^\s*(?:(?:{alternation('channel_fillers')})\s+)+", "", rest, flags=re.I)
    known = []
    for item in (i for i in parse_list(rest) if i):
        capital = re.findall(r"\b[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)*", item)
        if capital:
            known.append(capital[0])
        elif channels is not None and channels.mentions(item):
            known.append(item)
    return known


def _bare(chunk: str, channels: Any) -> bool:
    """Whether a chunk after a comma only goes on with a list of names ("Twitter and TikTok",
    "radio"), not a clause of its own ("we're on Pinterest now")."""
    items = [i.strip() for i in parse_list(chunk) if i.strip()]
    return bool(items) and all(
        re.fullmatch(r"[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)*", i)
        or len(i.split()) <= 2 and channels is not None and channels.mentions(i)
        for i in items)
