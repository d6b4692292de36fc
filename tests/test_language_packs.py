"""Language packs (prompts/packs/<lang>/pack.json): the languages are the packs present, no
module under assistant/ holds a language's words, and a concept lacking a translation loads
with a notice instead of failing."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from assistant.indexing.knowledge import load_knowledge
from assistant.lexicon import lexicon, lexicon_names
from assistant.packs import PACKS_DIR, language_names, load_packs, native_names, pack_languages
from assistant.search.concepts import ConceptIndex
from assistant.settings import LANGUAGES
from tests.conftest import ROOT

CODE = ROOT / "assistant"
# Strings that hold language on purpose, each with why. Everything else must come from data.
ALLOWED = {
    # typography, not words: the capitals a sentence may start with in the four scripts
    ("text.py", "(?<=[.!?…])"),
    # brand and product names ("Google Ads", "Google My Business"): the same in every language
    ("planning/understanding/channels.py", "(?<= )google(?! "),
}
# Tokens of the non-English lists that are also English or technical words (CSS, HTML, keys).
NEUTRAL = frozenset({
    "media", "meta", "social", "type", "source", "error", "message", "customer", "site", "part",
    "important", "cite", "post", "mode", "normal", "client", "sans", "serif", "google",
    "swot", "solo", "define", "versus", "prepare", "ignore", "assistant", "journey", "marketing",
})


def _words(lang_filter: set[str]) -> set[str]:
    """Every token of at least three letters in the packs' and lexicons' lists of `lang_filter`."""
    out: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, str):
            out.update(t for t in re.findall(r"[^\W\d_]+", node.lower()) if len(t) >= 3)
        elif isinstance(node, dict):
            for key, value in node.items():
                walk(key)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for pack in load_packs():
        if pack.code in lang_filter:
            walk(pack.words)
    for name in lexicon_names():
        for lang, items in lexicon(name).items():
            if lang in lang_filter:
                walk(items)
    return out


_DOCUMENTED = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _docstring(node: ast.AST) -> int | None:
    """The id of `node`'s docstring constant, if it is a module, class or function that has one."""
    if isinstance(node, _DOCUMENTED) and node.body and isinstance(node.body[0], ast.Expr) \
            and isinstance(node.body[0].value, ast.Constant):
        return id(node.body[0].value)
    return None


def language_violations(code: Path) -> list[str]:
    """Each string constant (docstrings aside) holding a non-ASCII letter or two words of the
    Spanish, French or Italian lists, and each `lang == "fr"`-like test, as "file:line: text"."""
    foreign = _words({"es", "fr", "it"}) - _words({"en"}) - NEUTRAL
    codes = set(pack_languages())
    found = []
    for path in sorted(code.rglob("*.py")):
        rel = path.relative_to(code).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs: set[int] = set()
        # one walk (the slow part): breadth first, so a docstring's owner comes before it
        for node in ast.walk(tree):
            docs.add(_docstring(node))
            if isinstance(node, ast.Compare) and any(
                    isinstance(c, ast.Constant) and c.value in codes for c in node.comparators):
                found.append(f"{rel}:{node.lineno}: compares with a language code")
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
                continue
            text = node.value
            if id(node) in docs or any(rel == f and text.startswith(p) for f, p in ALLOWED):
                continue
            letters = any(ord(c) > 127 and c.isalpha() for c in text)
            key = re.fullmatch(r"[a-z]+(?:_[a-z]+)+", text)  # a data key ("elision_initials")
            hits = set() if key else set(re.findall(r"[^\W\d_]+", text.lower())) & foreign
            if letters or len(hits) >= 2:
                found.append(f"{rel}:{node.lineno}: {text[:60]!r} {sorted(hits)[:4]}")
    return found


def test_no_module_holds_language_words() -> None:
    found = language_violations(CODE)
    assert not found, "language words in code (move them to prompts/packs):\n" + "\n".join(found)


def test_the_languages_are_the_packs_present() -> None:
    folders = {p.parent.name for p in PACKS_DIR.glob("*/pack.json")}
    assert set(LANGUAGES) == folders == set(pack_languages())
    assert LANGUAGES == ("es", "fr", "it", "en")  # the packs' own order, as before
    assert language_names()["it"] == "Italian" and native_names()["fr"] == "Français"


def test_every_word_list_of_a_pack_is_in_every_pack_or_marked_single() -> None:
    """A concept only some languages have (month spellings, peso nationalities) is fine; a
    misspelt concept name in one pack is not: every concept the code asks for exists somewhere."""
    used = set()
    asked = re.compile(r"(?<![\w.])(?:alternation|words|pack_words)\(\s*[\"']([a-z_]+)[\"']")
    for path in CODE.rglob("*.py"):
        used |= set(asked.findall(path.read_text(encoding="utf-8")))
    known = {c for pack in load_packs() for c in pack.words}
    assert used - known == set(), "asked for, in no pack"
    assert known - used == set(), "in a pack, asked for by no code"


def test_a_new_pack_folder_adds_its_language(tmp_path: Path) -> None:
    """A temp copy of the code and the packs, plus a pack for a made-up language "xx" with one
    word list and one phrase file of its own: the settings' LANGUAGES, the language names, the
    lexicon and the phrases include it, with no code or shared file edited."""
    shutil.copytree(CODE, tmp_path / "assistant", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "prompts", tmp_path / "prompts")  # read at import time
    fake = tmp_path / "prompts" / "packs" / "xx"
    fake.mkdir()
    (fake / "pack.json").write_text(json.dumps({"name": "Fakish", "native": "Faki", "order": 9,
                                                "words": {"and": ["ok"]}}), encoding="utf-8")
    (fake / "lexicon").mkdir()
    (fake / "lexicon" / "stopwords.json").write_text('["zork"]', encoding="utf-8")
    (fake / "i18n").mkdir()
    (fake / "i18n" / "ui.json").write_text('{"hello": "Zorg!"}', encoding="utf-8")
    script = ("from assistant.settings import LANGUAGES; from assistant import packs; "
              "from assistant.lexicon import lexicon; from assistant.prompts import PromptLibrary; "
              "from pathlib import Path; "
              "print(LANGUAGES, packs.native_names()['xx'], packs.alternation('and'), "
              "lexicon('stopwords')['xx'], PromptLibrary(Path('prompts')).phrase('ui', 'xx', "
              "'hello'))")
    out = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(tmp_path)}, check=True)
    assert out.stdout.split() == ["('es',", "'fr',", "'it',", "'en',", "'xx')", "Faki",
                                  "y|et|e|and|ok", "['zork']", "Zorg!"]


def _concept(tmp: Path, cid: str, locales: dict[str, str]) -> None:
    body = {lang: {"name": name, "aliases": [name.lower()],
                   "explanation": f"{name}: an explanation long enough to be one. Two. Three."}
            for lang, name in locales.items()}
    (tmp / "concepts" / f"{cid}.json").write_text(json.dumps({"id": cid, "locales": body}),
                                                 encoding="utf-8")


def test_a_concept_missing_a_language_loads_with_a_notice(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "concepts").mkdir()
    _concept(tmp_path, "churn", {"es": "Abandono", "fr": "Attrition", "en": "Churn"})
    _concept(tmp_path, "upsell", {"es": "Venta adicional"})  # no English: the first present
    kb = load_knowledge(tmp_path)
    assert not kb.problems
    churn, upsell = kb.concepts
    assert churn.fallbacks == {"it": "en"} and upsell.fallbacks == {"fr": "es", "it": "es",
                                                                    "en": "es"}
    index = ConceptIndex(kb.concepts)
    card = index.card("churn", "it")
    assert card.name == "Churn" and card.explanation.startswith("Churn:")
    assert card.notice == ("Questo concetto non è ancora tradotto in italiano: "
                           "è mostrato in English.")
    assert "it" not in index.card("churn", "es").translations  # no English labelled Italian
    assert index.card("churn", "fr").notice == ""
    assert "en español" not in index.card("upsell", "fr").notice
    assert index.card("upsell", "fr").notice.endswith("affiché en Español.")
    ids = [s.source_id for s in kb.sources() if s.kind == "concept"]
    assert len(ids) == 3 + 1  # borrowed texts are not indexed again under another language


def test_the_shipped_concepts_borrow_nothing() -> None:
    borrowed = {c.id: c.fallbacks for c in load_knowledge(ROOT / "knowledge").concepts
                if c.fallbacks}
    assert borrowed == {}
