"""Which concept cards fit the business a how-to question describes ("I'm a plumber in Leeds, how
do I get more calls?" -> local search and reviews), read through the same BusinessProfile the
plans use: where it sells, who buys, how far it reaches, and the goal asked for. The map from
attributes to cards is data (knowledge/understanding/advice.json); nothing here names a trade."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .classify import PrototypeClassifier
from .model import BusinessProfile
from .profile import ProfileReader


@cache
def load_advice_data(path: Path) -> dict[str, Any]:
    """knowledge/understanding/advice.json (cached)."""
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class AdviceCards:
    """Concept ids for a how-to question, best first (empty: the question describes no business
    the attributes can place)."""

    profiles: ProfileReader
    businesses: PrototypeClassifier
    goals: PrototypeClassifier
    data: dict[str, Any]

    def profile(self, question: str, lang: str) -> BusinessProfile:
        """The question's profile; a business type its words name presets where it sells when
        the examples did not say (a locksmith works at the customer's door)."""
        profile = self.profiles.read_question(question, lang)
        if not profile.places:
            hits = self.businesses.keyword_hits(question)
            named = max(hits, key=hits.__getitem__, default=None)
            place = self.data["type_places"].get(named) if named and hits[named] else None
            if place:
                profile.places = [place]
        return profile

    def __call__(self, question: str, lang: str) -> tuple[tuple[str, ...], str]:
        """(cards, about): the cards that fit, the goal's own card first when the question
        asks to keep customers, then those of how the business sells; and a few words, in the
        question's language, saying how it sells (what the advice is compared with)."""
        cards: list[str] = []
        about: list[str] = []
        words = self.data["about"]
        scores = self.goals.scores(question)
        goal = max(scores, key=scores.__getitem__, default=None)
        if goal and scores[goal] >= self.data["goal_threshold"]:
            cards += self.data["goal_cards"].get(goal, [])
            about += [words["goal"].get(goal, {}).get(lang, "")]
        if cards:
            return tuple(cards), " ".join(about).strip()
        profile = self.profile(question, lang)
        read = [("buyers", v) for v in profile.buyers] + [("places", v) for v in profile.places]
        read += [("reach", profile.reach)] if profile.reach else []
        for attribute, value in read:
            cards += self.data["cards"][attribute].get(value, [])
            about += [words[attribute].get(value, {}).get(lang, "")]
        described = max(profile.confidence.get(a, 0.0) for a in ("buyers", "places"))
        if not cards and described >= self.data["unplaced_threshold"]:
            # a business, but how it sells is not said: the cards that serve any small business
            cards, about = list(self.data["unplaced"]), [words["unplaced"].get(lang, "")]
        return tuple(dict.fromkeys(cards)), " ".join(dict.fromkeys(a for a in about if a))
