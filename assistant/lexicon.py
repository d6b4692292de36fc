"""Per-language word lists kept as data: each language pack's `prompts/packs/<lang>/lexicon/
<name>.json` (the words alone, no language key), so a new language is added without editing any
shared file; a shared `prompts/lexicon/<name>.json` mapping language codes to lists is still
read, under the packs' own. A test checks that the languages have the same keys. Loaded once
per process."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from .packs import PACKS_DIR, pack_languages
from .settings import PROJECT_ROOT

LEXICON_DIR = PROJECT_ROOT / "prompts" / "lexicon"


@cache
def lexicon(name: str) -> dict[str, Any]:
    """The word list `name`, by language (raises FileNotFoundError when no file has it)."""
    shared = LEXICON_DIR / f"{name}.json"
    data = json.loads(shared.read_text(encoding="utf-8")) if shared.is_file() else {}
    for lang in pack_languages():
        own = PACKS_DIR / lang / "lexicon" / f"{name}.json"
        if own.is_file():
            data[lang] = json.loads(own.read_text(encoding="utf-8"))
    if not data:
        raise FileNotFoundError(f"no word list {name!r} in {PACKS_DIR}/*/lexicon nor {shared}")
    return data


def lexicon_names() -> tuple[str, ...]:
    """The names of every word list, in the packs or in the shared folder."""
    files = [*LEXICON_DIR.glob("*.json"), *PACKS_DIR.glob("*/lexicon/*.json")]
    return tuple(sorted({path.stem for path in files}))


def words_of(name: str, languages: tuple[str, ...] | None = None) -> frozenset[str]:
    """The union of a list-shaped lexicon over `languages` (all of them by default)."""
    data = lexicon(name)
    return frozenset(w for lang, items in data.items()
                     if languages is None or lang in languages for w in items)
