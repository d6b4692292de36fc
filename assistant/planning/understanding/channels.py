"""Channels named in free text, mapped to the playbook's ids, with exclusions and platform
families ("no Facebook and no Instagram" also rules out Meta ads)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...packs import alternation
from ...text import normalize_term
from ..playbook import Playbook

NEGATION = re.compile(rf"(?:\b(?:{alternation('negations')})\s+(?:\w+\s+){{0,2}})$")
POST_NEGATION = re.compile(rf"^\s*(?:{alternation('refusals')})\b")
# Owning every member of a family rules the family's paid platform out too.
FAMILIES = {"meta_ads": ({"facebook", "instagram"}, "all")}


@cache
def spaced(term: str) -> re.Pattern[str]:
    """`term` as a whole between spaces, compiled once: the aliases outnumber `re`'s own cache
    of 512 patterns, which then compiled each of them again on every reading."""
    return re.compile(rf"(?<= ){re.escape(term)}(?= )")


@dataclass(frozen=True)
class ChannelReader:
    """Finds channel ids in text: the longest alias wins; group names when nothing finer."""

    aliases: dict[str, str]  # normalised alias -> channel id
    groups: dict[str, set[str]]  # normalised group alias -> channel ids
    too_broad: frozenset[str] = frozenset()  # names that never rule a channel out

    @classmethod
    def build(cls, playbook: Playbook, extra: dict[str, list[str]],
              too_broad: tuple[str, ...] = ()) -> ChannelReader:
        """From the playbook's aliases, overridden by the understanding's own."""
        aliases: dict[str, str] = {}
        for cid, channel in playbook.channels.items():
            for alias in [normalize_term(cid.replace("_", " ")), *channel.aliases]:
                aliases[alias] = cid  # a later channel wins: the newer ids are the finer ones
        for cid, names in extra.items():
            if cid in playbook.channels:
                aliases.update({normalize_term(n): cid for n in names})
        groups = {alias: {cid for cid, ch in playbook.channels.items() if group in ch.groups}
                  for group, group_aliases in playbook.groups.items()
                  for alias in [group, *group_aliases]}
        return cls(aliases, groups, frozenset(normalize_term(w) for w in too_broad))

    def mentions(self, text: str, ruling_out: bool = False) -> list[tuple[str, bool]]:
        """(channel id, negated) for every channel named, in order."""
        key = f" {normalize_term(text)} "
        skip = self.too_broad if ruling_out else frozenset()
        taken: list[tuple[int, int]] = []
        found: list[tuple[int, str, bool]] = []
        for alias in sorted(self.aliases, key=len, reverse=True):
            for match in spaced(alias).finditer(key):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                taken.append((match.start(), match.end()))
                if alias in skip:
                    continue
                negated = bool(NEGATION.search(key[:match.start()])
                               or POST_NEGATION.match(key[match.end():]))
                found.append((match.start(), self.aliases[alias], negated))
        if not found:  # "las redes", "publicidad": a group only when no channel is named
            for alias in sorted(self.groups, key=len, reverse=True):
                match = spaced(alias).search(key)
                if match:
                    negated = bool(NEGATION.search(key[:match.start()]))
                    found += [(match.start(), cid, negated) for cid in sorted(self.groups[alias])]
                    break
        seen: dict[str, bool] = {}
        for _, cid, negated in sorted(found):
            seen.setdefault(cid, negated)
        return list(seen.items())

    def read(self, used: str, excluded: str) -> tuple[list[str], list[str]]:
        """Channel ids that work today and those ruled out (families expanded)."""
        working: list[str] = []
        out: list[str] = []
        for cid, negated in self.mentions(used):
            (out if negated else working).append(cid)
        for cid, _ in self.mentions(excluded, ruling_out=True):
            if cid not in out:
                out.append(cid)
        for family, (members, _) in FAMILIES.items():
            if members <= set(out) and family not in out:
                out.append(family)
        working = [c for c in working if c not in out]
        return working, out


GOOGLE = re.compile(r"(?<= )google(?! (?:ads|adwords|shopping|analytics|search|my business|"
                    r"business|maps|reviews|listing))(?= )")


def bare_google(text: str) -> bool:
    """Whether "Google" is named as a channel on its own (not Google Ads, not ruled out): for
    a local business that is its Business Profile, the map and the reviews.

    >>> bare_google("Google e Instagram"), bare_google("Google Ads"), bare_google("no Google")
    (True, False, False)
    """
    key = f" {normalize_term(text)} "
    return any(not NEGATION.search(key[:m.start()]) for m in GOOGLE.finditer(key))


def as_text(value: object) -> str:
    """A list answer or a text answer, as one text."""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value or "")
