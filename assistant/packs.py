"""Language packs: `prompts/packs/<lang>/pack.json`, one folder per language.

A pack names its language (in English, for prompts, and in itself, for the language selector),
says where it sorts among the others, and holds the word lists the code builds its patterns
from ("words": concept -> list of words or regular-expression fragments). The languages the
assistant speaks are the packs present: adding a language is adding a folder (plus its phrase
and knowledge content); no module lists languages or holds their words."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

PACKS_DIR = Path(__file__).resolve().parent.parent / "prompts" / "packs"


@dataclass(frozen=True)
class Pack:
    """One language's pack, as read from its folder."""

    code: str
    name: str  # in English: "Spanish"
    native: str  # in itself: "Español"
    order: int = 1000  # where it sorts in lists and selectors (then by code)
    colon: str = ": "  # a label's colon as the language writes it (French: " : ")
    words: dict[str, list[str]] = field(default_factory=dict)
    phrases: dict[str, str] = field(default_factory=dict)  # the few the core needs itself
    conventions: dict[str, str] = field(default_factory=dict)  # how numbers and money are written


@cache
def load_packs(root: Path = PACKS_DIR) -> tuple[Pack, ...]:
    """The packs under `root`, in their order (a folder without pack.json is not a pack)."""
    packs = []
    for manifest in sorted(Path(root).glob("*/pack.json")):
        data = json.loads(manifest.read_text(encoding="utf-8"))
        packs.append(Pack(code=manifest.parent.name, name=data["name"], native=data["native"],
                          order=int(data.get("order", 1000)), colon=data.get("colon", ": "),
                          words=data.get("words", {}), phrases=data.get("phrases", {}),
                          conventions=data.get("conventions", {})))
    return tuple(sorted(packs, key=lambda p: (p.order, p.code)))


def pack_languages(root: Path = PACKS_DIR) -> tuple[str, ...]:
    """The language codes of the packs present, in pack order."""
    return tuple(p.code for p in load_packs(root))


def language_names(root: Path = PACKS_DIR) -> dict[str, str]:
    """Each language's name in English, by code (what a model prompt says: "write in Spanish")."""
    return {p.code: p.name for p in load_packs(root)}


def native_names(root: Path = PACKS_DIR) -> dict[str, str]:
    """Each language named in itself, by code (what a language selector shows)."""
    return {p.code: p.native for p in load_packs(root)}


def colon(lang: str, root: Path = PACKS_DIR) -> str:
    """The colon between a label and its value in `lang` ("Pourquoi : …", "Why: …")."""
    return next((p.colon for p in load_packs(root) if p.code == lang), ": ")


def convention(lang: str, key: str, root: Path = PACKS_DIR) -> str:
    """One of `lang`'s writing conventions ("percent_gap": " " in "12,5 %"), English's when the
    pack does not say."""
    packs = {p.code: p for p in load_packs(root)}
    for code in (lang, "en"):
        if code in packs and key in packs[code].conventions:
            return packs[code].conventions[key]
    raise KeyError(f"no language pack has the convention {key!r}")


def phrase(lang: str, key: str, root: Path = PACKS_DIR, **variables: str) -> str:
    """A pack phrase in `lang`, formatted; English's (then any pack's) when `lang` lacks it."""
    packs = {p.code: p for p in load_packs(root)}
    for code in (lang, "en", *packs):
        if code in packs and key in packs[code].phrases:
            return packs[code].phrases[key].format(**variables)
    raise KeyError(f"no language pack has the phrase {key!r}")


def words(concept: str, languages: tuple[str, ...] | None = None,
          root: Path = PACKS_DIR) -> list[str]:
    """The words of `concept` over the packs of `languages` (all by default), in pack order
    without repeats. A pack that lacks the concept adds nothing: the others still match."""
    out: list[str] = []
    for pack in load_packs(root):
        if languages is None or pack.code in languages:
            out += [w for w in pack.words.get(concept, ()) if w not in out]
    return out


def alternation(concept: str, languages: tuple[str, ...] | None = None,
                longest_first: bool = False) -> str:
    """The words of `concept` as a regular-expression alternation ("y|e|et|and"), for the code
    to wrap in its language-neutral structure. `longest_first` where a word may start another
    and nothing after it decides ("est" before "es" in an optional prefix)."""
    found = words(concept, languages)
    return "|".join(sorted(found, key=len, reverse=True) if longest_first else found)
