"""Reads `knowledge/`: articles with front matter and concept files, as Sources."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError, model_validator

from ..documents import ConceptRef, Source
from ..errors import KnowledgeFileError
from ..settings import LANGUAGES

REQUIRED_FRONT_MATTER = ("source_id", "title", "language")


class ConceptLocale(BaseModel):
    """A concept's name, aliases and explanation in one language."""

    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    explanation: str = Field(min_length=20)


class Concept(BaseModel):
    """A marketing concept in every language of the packs.

    A language the file lacks borrows another's text (English, else the first present) and is
    recorded in `fallbacks` (language -> the language its text is in): a new language pack
    loads before its concepts are translated, and the card says so instead of refusing."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    related: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)
    locales: dict[str, ConceptLocale] = Field(min_length=1)
    fallbacks: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _all_languages(self) -> Concept:
        present = [lang for lang in (*LANGUAGES, *self.locales) if lang in self.locales]
        donor = "en" if "en" in self.locales else present[0]
        for lang in LANGUAGES:
            if lang not in self.locales:
                self.locales[lang] = self.locales[donor]
                self.fallbacks[lang] = donor
        return self

    def source(self, lang: str) -> Source:
        """The concept's explanation in one language, as an indexable source."""
        loc = self.locales[lang]
        aliases = ", ".join(loc.aliases)
        heading = f"{loc.name} ({aliases})" if aliases else loc.name
        return Source(
            source_id=ConceptRef(self.id, lang).source_id,
            title=loc.name,
            kind="concept",
            language=lang,
            text=f"## {heading}\n\n{loc.explanation}",
            origin=f"concepts/{self.id}.json",
        )


@dataclass
class KnowledgeBase:
    """What was loaded from `knowledge/`, and the files that were skipped (with why)."""

    articles: list[Source] = field(default_factory=list)
    concepts: list[Concept] = field(default_factory=list)
    problems: list[KnowledgeFileError] = field(default_factory=list)
    guides: Callable[[], list[Source]] = field(default=list, repr=False)

    def sources(self) -> list[Source]:
        """Every built-in source: the articles, each concept in each language, and the
        playbook's practical guides (kind "playbook")."""
        out = list(self.articles)
        for concept in self.concepts:  # a borrowed text is indexed once, in its own language
            out.extend(concept.source(lang) for lang in LANGUAGES if lang not in concept.fallbacks)
        out.extend(self.guides())
        return out


def load_knowledge(root: Path, guides: Callable[[], list[Source]] = list) -> KnowledgeBase:
    """Load articles and concepts; a bad file is skipped and reported, the rest still load.
    `guides` lists the playbook's sources when the knowledge is indexed."""
    kb = KnowledgeBase(guides=guides)
    for path in sorted((root / "articles").glob("*.md")):
        try:
            kb.articles.append(read_article(path))
        except KnowledgeFileError as exc:
            kb.problems.append(exc)
    for path in sorted((root / "concepts").glob("*.json")):
        try:
            kb.concepts.append(read_concept(path))
        except KnowledgeFileError as exc:
            kb.problems.append(exc)
    return kb


def read_article(path: Path) -> Source:
    """An article file: `---` front matter (source_id, title, language), then the text."""
    text = _read_utf8(path)
    meta, body = parse_front_matter(text, path)
    missing = [key for key in REQUIRED_FRONT_MATTER if not meta.get(key)]
    if missing:
        raise KnowledgeFileError(path=str(path), reason=f"front matter lacks {', '.join(missing)}")
    if meta["language"] not in LANGUAGES:
        raise KnowledgeFileError(path=str(path), reason=f"unknown language {meta['language']!r}")
    if not body.strip():
        raise KnowledgeFileError(path=str(path), reason="no text after the front matter")
    return Source(
        source_id=meta["source_id"],
        title=meta["title"],
        kind=meta.get("kind", "article"),
        language=meta["language"],
        text=body.strip(),
        origin=meta.get("origin", path.name),
    )


def read_concept(path: Path) -> Concept:
    """A concept JSON file, validated."""
    try:
        return Concept.model_validate(json.loads(_read_utf8(path)))
    except json.JSONDecodeError as exc:
        raise KnowledgeFileError(path=str(path), reason=f"invalid JSON ({exc.msg})") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise KnowledgeFileError(path=str(path), reason=f"{where}: {first['msg']}") from exc


def parse_front_matter(text: str, path: Path | str = "") -> tuple[dict[str, str], str]:
    """Split `---`-delimited `key: value` lines from the body."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        raise KnowledgeFileError(path=str(path), reason="no front matter (must start with ---)")
    try:
        end = next(i for i, line in enumerate(lines[1:], 1) if line.strip() == "---")
    except StopIteration as exc:
        raise KnowledgeFileError(path=str(path), reason="front matter is not closed") from exc
    meta: dict[str, str] = {}
    for line in lines[1:end]:
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise KnowledgeFileError(path=str(path), reason=f"bad front matter line {line!r}")
        meta[key.strip()] = value.strip().strip('"')
    return meta, "\n".join(lines[end + 1 :])


def _read_utf8(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeFileError(path=str(path), reason="not valid UTF-8") from exc
    except OSError as exc:
        raise KnowledgeFileError(path=str(path), reason=exc.strerror or "cannot be read") from exc
