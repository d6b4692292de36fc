"""The understander's data files (knowledge/understanding/*.json), read once per folder."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any


def pattern(words: list[str]) -> re.Pattern[str]:
    """One regular expression matching any of `words` at a word start (folded text)."""
    return re.compile(r"(?<![a-z0-9])" + alternation_of(words))


def alternation_of(words: list[str]) -> str:
    """`words` as one group, longest first: "(?:esposa|mujer|…)", to place inside a pattern."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


@dataclass(frozen=True, eq=False)  # hashed by identity: cached per loaded folder
class UnderstandingData:
    """Prototypes, keyword cues and fact words."""

    prototypes: dict[str, dict[str, dict[str, list[str]]]]  # kind -> class -> lang -> texts
    cues: dict[str, Any]
    words: dict[str, Any]
    channel_aliases: dict[str, list[str]]
    not_excluded_by: tuple[str, ...] = ()
    google_means_business: tuple[str, ...] = ()  # local types: "Google" is their profile
    folder: Path = Path(".")  # where the files were read (profile.json, owner_channels.json)

    def cue_patterns(self, kind: str) -> dict[str, re.Pattern[str]]:
        """Per class, the keyword pattern of `kind` (business_types | goals)."""
        return _cue_patterns(self, kind)

    def word_pattern(self, name: str) -> re.Pattern[str]:
        """The pattern of a list in words.json (all languages together)."""
        return _word_pattern(self, name)

    def word_alternation(self, name: str) -> str:
        """The words of a list in words.json as one group, to place inside another pattern."""
        return alternation_of(_word_list(self, name))


@cache
def _cue_patterns(data: UnderstandingData, kind: str) -> dict[str, re.Pattern[str]]:
    return {ident: pattern(words) for ident, words in data.cues[kind].items()}


@cache
def _word_pattern(data: UnderstandingData, name: str) -> re.Pattern[str]:
    return pattern(_word_list(data, name))


def _word_list(data: UnderstandingData, name: str) -> list[str]:
    value = data.words[name]
    if isinstance(value, dict):
        value = [w for items in value.values() for w in items]
    return list(value)


@cache
def load_understanding_data(folder: Path) -> UnderstandingData:
    """Read knowledge/understanding/ (cached: the files do not change while running)."""
    def read(name: str) -> dict[str, Any]:
        return json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))

    return UnderstandingData(read("prototypes"), read("cues"), read("words"),
                             read("channels")["aliases"],
                             tuple(read("channels").get("not_excluded_by", ())),
                             tuple(read("channels").get("google_means_business", ())),
                             folder)
