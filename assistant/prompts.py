"""Prompt templates and fixed phrases, loaded from files in `prompts/`.

Templates (`*.j2`) render with Jinja2 in strict mode: a missing variable is an error, never an
empty string. Fixed phrases live in each language pack's `prompts/packs/<lang>/i18n/<area>.json`
(or, where a pack has no such file, a shared `prompts/i18n/<area>.<lang>.json`).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from .settings import LANGUAGES


class PromptError(LookupError):
    """A template or phrase is missing, or a variable was not supplied (a programming error)."""


class PromptLibrary:
    """Renders `prompts/<name>.j2` templates and looks up the packs' phrases."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(self.root)),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=False,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def render(self, name: str, **variables: Any) -> str:
        """Render template `name` (without `.j2`); fails on a missing template or variable."""
        try:
            template = self._env.get_template(f"{name}.j2")
            return template.render(**variables).strip()
        except jinja2.TemplateNotFound as exc:
            raise PromptError(f"missing prompt template: {name}.j2") from exc
        except jinja2.UndefinedError as exc:
            raise PromptError(f"prompt {name}.j2: {exc.message}") from exc

    def areas(self) -> tuple[str, ...]:
        """The phrase areas ("ui", "plan"...) that some language's files hold."""
        files = [*self.root.glob("packs/*/i18n/*.json"), *self.root.glob("i18n/*.json")]
        return tuple(sorted({path.name.split(".")[0] for path in files}))

    def phrases(self, area: str, lang: str) -> dict[str, Any]:
        """All phrases of one area in one language."""
        return _load_phrases(self.root, area, lang)

    def phrase(self, area: str, lang: str, key: str, **variables: Any) -> str:
        """One fixed phrase, formatted; fails on a missing key or variable."""
        table = self.phrases(area, lang)
        node: Any = table
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise PromptError(f"missing phrase {area}.{lang}: {key}")
            node = node[part]
        if isinstance(node, dict) and "plural" in node:
            node = _plural_form(node, lang, variables)
        if not isinstance(node, str):
            return node
        try:
            return node.format(**variables)
        except KeyError as exc:
            raise PromptError(f"phrase {area}.{lang}:{key} needs variable {exc}") from exc


def _plural_form(node: dict[str, Any], lang: str, variables: dict[str, Any]) -> Any:
    """The form of a phrase for the count it names (`{"plural": "n", "one": …, "other": …}`),
    chosen by the language's plural rules (CLDR, through Babel): "1 mese", "2 mesi".

    >>> _plural_form({"plural": "n", "one": "{n} mese", "other": "{n} mesi"}, "it", {"n": 1})
    '{n} mese'
    >>> _plural_form({"plural": "n", "one": "{n} mois", "other": "{n} mois"}, "fr", {"n": "3"})
    '{n} mois'
    """
    from babel import Locale

    name = node["plural"]
    if name not in variables:
        raise PromptError(f"a plural phrase needs variable {name!r}")
    try:
        count = float(str(variables[name]).replace(",", ".").replace("\u00a0", ""))
        form = Locale.parse(lang).plural_form(abs(int(count)) if count.is_integer() else count)
    except ValueError:
        form = "other"
    return node.get(form, node["other"])


@lru_cache(maxsize=256)
def _load_phrases(root: Path, area: str, lang: str) -> dict[str, Any]:
    if lang not in LANGUAGES:
        raise PromptError(f"no phrases for language {lang!r}")
    path = root / "packs" / lang / "i18n" / f"{area}.json"  # a pack's own phrases, if it has them
    if not path.is_file():
        path = root / "i18n" / f"{area}.{lang}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise PromptError(f"missing phrase file: {path}") from exc
