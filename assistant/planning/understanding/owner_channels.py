"""Every channel the owner says works, kept by the owner's name with a family (open vocabulary,
knowledge/understanding/owner_channels.json); a playbook channel id only when one really matches
(the same family)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ...example_bank import Embed, ExampleBank
from ...packs import alternation
from ...text import fold
from .channels import NEGATION, ChannelReader
from .model import ChannelUnderstood

SHARE = re.compile(r"(\d{1,3})\s?%")


@cache
def load_channel_data(path: Path) -> dict[str, Any]:
    """knowledge/understanding/owner_channels.json (cached)."""
    return json.loads(path.read_text(encoding="utf-8"))


def split_channels(text: str, lang: str, data: dict[str, Any]) -> list[str]:
    """The channels of a list answer, each as the owner wrote it, determiners dropped."""
    parts = re.split(r"[,;/\n]|\.\s", text)
    out = []
    joiners = data["joiners"].get(lang, []) + data["joiners"]["en"]
    for part in parts:
        pieces = [part]
        for joiner in joiners:
            pieces = [p for piece in pieces for p in piece.split(joiner)]
        for piece in pieces:
            piece = " ".join(piece.split()).strip(" .")
            piece = _strip_determiner(piece, lang, data)
            if out and _relative(piece, lang, data):  # "los hoteles, que nos venden clases":
                continue  # more about the channel before it, no channel of its own
            if piece and not NEGATION.search(f" {fold(piece)}"[:20]) and not re.match(
                    rf"(?i)({alternation('refusal_starts')})\b", piece):
                out.append(piece)
    return out


def _relative(piece: str, lang: str, data: dict[str, Any]) -> bool:
    """Whether a piece opens with a relative pronoun: it says more of the channel before it.

    >>> data = {"relatives": {"es": ["que"], "en": ["that", "which"]}}
    >>> _relative("que nos venden clases", "es", data), _relative("quesos", "es", data)
    (True, False)
    """
    low = piece.lower()
    return any(low.startswith(word) and (word.endswith("'") or low[len(word):len(word) + 1]
                                         in ("", " "))
               for word in data["relatives"].get(lang, []) + data["relatives"]["en"])


def _strip_determiner(piece: str, lang: str, data: dict[str, Any]) -> str:
    """`piece` without the words that lead into the name ("también los clubs" -> "clubs")."""
    words = data.get("leads", {}).get(lang, []) + data["determiners"].get(lang, [])
    for word in sorted(words, key=len, reverse=True):
        if word.endswith("'") and piece.lower().startswith(word):
            return _strip_determiner(piece[len(word):].strip(), lang, data)
        if piece.lower().startswith(word + " ") and len(piece) > len(word) + 1:
            return _strip_determiner(piece[len(word) + 1:].strip(), lang, data)
    return piece


@dataclass
class OwnerChannels:
    """Reads the owner's working channels: names kept, families by platform name or example."""

    data: dict[str, Any]
    reader: ChannelReader
    embed: Embed | None = None
    _bank: ExampleBank | None = field(default=None, repr=False)

    def platform_family(self, name: str) -> str | None:
        """The family of the longest platform name the channel contains."""
        folded = f" {fold(name)} "
        best: tuple[int, str] | None = None
        for family, names in self.data["platforms"].items():
            for platform in names:
                key = fold(platform)
                if _platform_word(key).search(folded) and (
                        best is None or len(key) > best[0]):
                    best = (len(key), family)
        return best[1] if best else None

    def example_family(self, name: str) -> tuple[str | None, float]:
        """The family whose examples are nearest the channel's words, and the similarity."""
        if self.embed is None:
            return None, 0.0
        if self._bank is None:
            self._bank = ExampleBank(self.embed, [
                (fam, t) for fam, by_lang in self.data["examples"].items()
                for texts in by_lang.values() for t in texts])
        family, sim = self._bank.nearest(self._bank.vectors([name])[0])
        return str(family), sim

    def read(self, text: str, lang: str, excluded: list[str]) -> list[ChannelUnderstood]:
        """The channels that work, in the owner's order and words."""
        out: list[ChannelUnderstood] = []
        for name in split_channels(text, lang, self.data):
            share = SHARE.search(name)
            clean = SHARE.sub("", name).strip(" ()")
            ids = [cid for cid, negated in self.reader.mentions(clean) if not negated]
            family = self.platform_family(clean)
            confidence = 1.0
            if family is None:
                guess, score = self.example_family(clean)
                if guess and score >= self.data["threshold"]:
                    family, confidence = guess, round(score, 3)
            if family is None and ids:
                family = self.data["of_channel"].get(ids[0])
            family = family or "other"
            cid = next((c for c in ids if self.data["of_channel"].get(c) == family
                        and c not in excluded), None)
            out.append(ChannelUnderstood(name=clean, family=family, channel_id=cid,
                                         share=int(share.group(1)) / 100 if share else None,
                                         confidence=confidence))
        return out


@cache
def _platform_word(key: str) -> re.Pattern[str]:
    """A platform's name as a word, compiled once (the names outnumber `re`'s own cache)."""
    return re.compile(r"(?<![\w.])" + re.escape(key) + r"(?![\w])")
