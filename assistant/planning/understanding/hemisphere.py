"""Where the business is decides the months its season words name: south of the equator
"verano" / "été" / "estate" / "summer" is December to February (the countries and the months are
data: profile.json's southern_countries, words.json's southern_seasons)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from .data import UnderstandingData


def is_southern(countries: list[str], profile_data: dict[str, Any]) -> bool:
    """Whether the first country named lies south of the equator."""
    return bool(countries) and countries[0] in profile_data.get("southern_countries", ())


def for_place(data: UnderstandingData, countries: list[str],
              profile_data: dict[str, Any]) -> UnderstandingData:
    """`data` with the seasons of the business's hemisphere (the same object in the north)."""
    return southern(data) if is_southern(countries, profile_data) else data


@cache
def southern(data: UnderstandingData) -> UnderstandingData:
    """`data` with the four seasons' months of the southern hemisphere (cached per data)."""
    shifted = data.words.get("southern_seasons", {})
    seasons = {lang: {**words, **shifted.get(lang, {})}
               for lang, words in data.words["seasons"].items()}
    return replace(data, words={**data.words, "seasons": seasons})
