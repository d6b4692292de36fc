"""Per-language word lists kept as data: `prompts/lexicon/<name>.json`, next to the phrase files.

Each file maps a language code (es, fr, it, en) to a list or a mapping of words; a test checks
that the four languages have the same keys. A language pack may bring its own list as
`prompts/packs/<lang>/lexicon/<name>.json` (the words alone, no language key): a new language
is added without editing the shared files. Loaded once per process."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from .packs import PACKS_DIR, pack_languages
from .settings import PROJECT_ROOT

LEXICON_DIR = PROJECT_ROOT / "prompts" / "lexicon"


@cache
def lexicon(name: str) -> dict[str, Any]:
    """The word list `name`, by language (a missing file raises)."""
    with (LEXICON_DIR / f"{name}.json").open(encoding="utf-8") as handle:
        data = json.load(handle)
    for lang in pack_languages():
        own = PACKS_DIR / lang / "lexicon" / f"{name}.json"
        if own.is_file():
            data[lang] = json.loads(own.read_text(encoding="utf-8"))
    return data


def words_of(name: str, languages: tuple[str, ...] | None = None) -> frozenset[str]:
    """The union of a list-shaped lexicon over `languages` (all of them by default)."""
    data = lexicon(name)
    return frozenset(w for lang, items in data.items()
                     if languages is None or lang in languages for w in items)
