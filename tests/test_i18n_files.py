"""The four languages' phrase and lexicon files agree: same keys, same placeholders, and every
phrase key written literally in the code exists."""

from __future__ import annotations

import re
import string
from typing import Any

import pytest

from assistant.lexicon import lexicon, lexicon_names
from assistant.prompts import PromptLibrary
from assistant.settings import LANGUAGES, PROJECT_ROOT

PROMPTS = PromptLibrary(PROJECT_ROOT / "prompts")
AREAS = PROMPTS.areas()


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Dotted leaf paths of a nested mapping: {"a": {"b": "x"}} -> {"a.b": "x"}."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(_flatten(item, f"{prefix}{key}."))
        return out
    return {prefix[:-1]: value}


def _placeholders(value: Any) -> set[str]:
    texts = value if isinstance(value, list) else [value]
    names: set[str] = set()
    for text in texts:
        if isinstance(text, str):
            names |= {f for _, f, _, _ in string.Formatter().parse(text) if f}
    return names


def _load(area: str, lang: str) -> dict[str, Any]:
    return PROMPTS.phrases(area, lang)


@pytest.mark.parametrize("area", AREAS)
def test_every_language_has_the_same_phrase_keys_and_placeholders(area: str) -> None:
    english = _flatten(_load(area, "en"))
    for lang in LANGUAGES:
        other = _flatten(_load(area, lang))
        assert set(other) == set(english), (
            f"{area}.{lang}: missing {sorted(set(english) - set(other))[:8]}, "
            f"extra {sorted(set(other) - set(english))[:8]}")
        for key, value in english.items():
            if isinstance(value, str | list):
                assert _placeholders(other[key]) == _placeholders(value), f"{area}.{lang}: {key}"


# Literal phrase keys in the code, by the helper that reads them.
CALLS = [
    (re.compile(r"phrase\(\s*\"(\w+)\",\s*[^,()]+,\s*\"([\w.]+)\""), None),
    (re.compile(r"\b(?:ctx|self)\.say\(\s*\"([\w.]+)\""), "plan"),
    (re.compile(r"\btext\(\s*[\w.]+,\s*\"([\w.]+)\""), "ui"),
]


def _literal_keys() -> list[tuple[str, str, str]]:
    found = []
    for path in (PROJECT_ROOT / "assistant").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for pattern, area in CALLS:
            for match in pattern.finditer(source):
                if area is None:
                    found.append((match.group(1), match.group(2), path.name))
                else:
                    found.append((area, match.group(1), path.name))
    return found


def test_every_literal_phrase_key_in_the_code_exists() -> None:
    keys = _literal_keys()
    assert len(keys) > 40  # the scan itself works
    for lang in LANGUAGES:
        flat = {area: _flatten(_load(area, lang)) for area in AREAS}
        missing = [(area, key, where) for area, key, where in keys
                   if key not in flat.get(area, {})
                   and not any(k.startswith(key + ".") for k in flat.get(area, {}))]
        assert not missing, f"{lang}: {missing[:10]}"


@pytest.mark.parametrize("name", lexicon_names())
def test_every_lexicon_covers_the_four_languages_with_the_same_keys(name: str) -> None:
    data = lexicon(name)
    assert set(data) >= set(LANGUAGES), f"{name}: {sorted(set(LANGUAGES) - set(data))}"
    shapes = {lang: (sorted(data[lang]) if isinstance(data[lang], dict) else "list")
              for lang in LANGUAGES}
    first = shapes[LANGUAGES[0]]
    assert all(shape == first for shape in shapes.values()), f"{name}: {shapes}"
    assert all(data[lang] for lang in LANGUAGES), f"{name}: an empty language"
