"""Concept lookup: names and aliases in any language, no accents, small typos."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz, process

from ..errors import ConceptNotFound
from ..indexing.knowledge import Concept
from ..lexicon import lexicon, words_of
from ..packs import native_names, phrase, words
from ..settings import LANGUAGES
from ..text import normalize_term

_COORDINATORS = frozenset(words("and") + words("or"))
FUZZY_ACCEPT = 86.0
FUZZY_SUGGEST = 55.0
# Question framings stripped before matching a term ("qu'est-ce que le ROI ?").
FRAMINGS = tuple(words("definition_framings"))  # each language's, most specific first


@dataclass
class ConceptCard:
    """A concept in one language, with the others beside it."""

    id: str
    language: str
    name: str
    aliases: list[str]
    explanation: str
    related: list[dict[str, str]]
    translations: dict[str, dict[str, object]]
    articles: list[str]
    matched: str = ""
    passages: list[dict[str, object]] = field(default_factory=list)
    notice: str = ""  # set when the text is borrowed from another language (not translated yet)

    def as_dict(self) -> dict[str, object]:
        """JSON-friendly view."""
        return dict(self.__dict__)


class ConceptIndex:
    """Every name and alias of every concept, folded, mapped to the concept."""

    def __init__(self, concepts: list[Concept]) -> None:
        self.concepts = {c.id: c for c in concepts}
        self._keys: dict[str, tuple[str, str]] = {}
        for concept in concepts:
            self._keys.setdefault(normalize_term(concept.id.replace("-", " ")), (concept.id, "en"))
            for lang in LANGUAGES:
                if lang in concept.fallbacks:
                    continue  # borrowed names are found under their own language
                loc = concept.locales[lang]
                for term in (loc.name, *loc.aliases):
                    key = normalize_term(term)
                    if key:
                        self._keys.setdefault(key, (concept.id, lang))
        self._max_words = max((len(k.split()) for k in self._keys), default=1)

    def exact(self, term: str) -> tuple[str, str] | None:
        """(concept id, language of the matched name) when the term is a name or alias."""
        key = normalize_term(term)
        if key in self._keys:
            return self._keys[key]
        stripped = _strip_framing(key)
        return self._keys.get(stripped) if stripped else None

    def mentions(self, text: str) -> list[str]:
        """Concept ids whose name or alias appears in the text as whole words, longest first."""
        tokens = normalize_term(text).split()
        found: list[str] = []
        covered: set[int] = set()
        for size in range(min(self._max_words, len(tokens)), 0, -1):
            for start in range(len(tokens) - size + 1):
                span = set(range(start, start + size))
                if span & covered:
                    continue
                hit = self._keys.get(" ".join(tokens[start : start + size]))
                if hit and hit[0] not in found:
                    found.append(hit[0])
                    covered |= span
                    if size == 2:
                        self._elided(tokens, start, found)
        return found

    def masked(self, text: str, placeholder: str = "X", keep: frozenset[str] = frozenset()
               ) -> str:
        """The text folded, each concept name or alias in it (but the single words of `keep`)
        replaced by `placeholder`: what a question asks, without what it is about.

        >>> from assistant.indexing.knowledge import read_concept
        >>> from assistant.settings import PROJECT_ROOT
        >>> index = ConceptIndex([read_concept(PROJECT_ROOT / "knowledge/concepts/roi.json")])
        >>> index.masked("¿Qué es el ROI?")
        'que es el X'
        """
        tokens = normalize_term(text).split()
        out: list[str] = []
        i = 0
        while i < len(tokens):
            for size in range(min(self._max_words, len(tokens) - i), 0, -1):
                span = " ".join(tokens[i : i + size])
                if span in self._keys and span not in keep:
                    out.append(placeholder)
                    i += size
                    break
            else:
                out.append(tokens[i])
                i += 1
        return " ".join(out)

    def _elided(self, tokens: list[str], start: int, found: list[str]) -> None:
        """A second concept sharing the first one's head word, left out after "and/or"
        ("marketing estratégico y operativo", "strategic and operational marketing").

        >>> from assistant.indexing.knowledge import read_concept
        >>> from assistant.settings import PROJECT_ROOT
        >>> folder = PROJECT_ROOT / "knowledge" / "concepts"
        >>> index = ConceptIndex([read_concept(folder / f"{name}-marketing.json")
        ...                       for name in ("strategic", "operational")])
        >>> index.mentions("diferencia entre marketing estratégico y operativo")
        ['strategic-marketing', 'operational-marketing']
        >>> index.mentions("strategic and operational marketing")
        ['operational-marketing', 'strategic-marketing']
        """
        first, second = tokens[start], tokens[start + 1]
        after, before = start + 2, start - 1
        tries = []
        if after + 1 < len(tokens) and tokens[after] in _COORDINATORS:
            tries.append(f"{first} {tokens[after + 1]}")
        if before - 1 >= 0 and tokens[before] in _COORDINATORS:
            tries.append(f"{tokens[before - 1]} {second}")
        for key in tries:
            hit = self._keys.get(key)
            if hit and hit[0] not in found:
                found.append(hit[0])

    def named(self, text: str) -> list[str]:
        """Concept ids a text names (its exact name or alias, else the ones it mentions, else a
        name of two words or more said in other forms), without the weaker cue words."""
        exact = self.exact(text)
        return [exact[0]] if exact else self.mentions(text) or self.paraphrased(text)

    def paraphrased(self, text: str) -> list[str]:
        """Concepts whose name of two content words or more the text says in other forms:
        every word's stem present ("analizar a la competencia" says "análisis de la
        competencia", "segmentar a los clientes" does not say "segmentación de mercado").

        >>> from assistant.indexing.knowledge import read_concept
        >>> from assistant.settings import PROJECT_ROOT
        >>> folder = PROJECT_ROOT / "knowledge" / "concepts"
        >>> index = ConceptIndex([read_concept(folder / "competitive-analysis.json"),
        ...                       read_concept(folder / "marketing-mix-7p.json")])
        >>> index.paraphrased("Cómo puedo analizar a la competencia de mi gimnasio?")
        ['competitive-analysis']
        >>> index.paraphrased("Et si le marketing ne connaît pas le nouveau service ?")
        []
        """
        said = {_stem(w) for w in normalize_term(text).split() if len(w) >= 4}
        found: list[str] = []
        for key, (concept_id, _) in self._keys.items():
            stems = {_stem(w) for w in key.split() if len(w) >= 4 and w not in _stopwords()
                     and w != "marketing"}  # in every question: names nothing by itself
            if len(stems) >= 2 and stems <= said and concept_id not in found:
                found.append(concept_id)
        return found

    def about(self, question: str) -> list[str]:
        """Concept ids a question is about: its exact name or alias, else the ones it mentions
        (accents, case and framing ignored), longest mention first."""
        exact = self.exact(question)
        if exact:
            return [exact[0]]
        return self.mentions(question) or self.cued(question)

    def cued(self, question: str) -> list[str]:
        """Concepts a question asks about without naming them ("how much should I spend?" is
        about the marketing budget): prompts/packs/<lang>/lexicon/concept_cues.json."""
        key = f" {normalize_term(question)} "
        found: list[str] = []
        for by_concept in lexicon("concept_cues").values():
            for concept_id, cues in by_concept.items():
                if concept_id in self.concepts and concept_id not in found and any(
                        _cue_in(cue, key) for cue in cues):
                    found.append(concept_id)
        return found

    def find(self, term: str) -> tuple[str, str]:
        """Resolve a user's term to (concept id, matched key); ConceptNotFound with suggestions."""
        hit = self.exact(term)
        if hit:
            return hit[0], normalize_term(term)
        key = _strip_framing(normalize_term(term)) or normalize_term(term)
        mentioned = self.mentions(key)
        if len(mentioned) == 1:
            return mentioned[0], key
        scored = process.extract(key, list(self._keys), scorer=fuzz.WRatio, limit=12)
        if scored and scored[0][1] >= FUZZY_ACCEPT and len(key) >= 3:
            best = self._keys[scored[0][0]][0]
            runner = next((s for s in scored if self._keys[s[0]][0] != best), None)
            if runner is None or scored[0][1] - runner[1] >= 3 or scored[0][1] >= 95:
                return best, scored[0][0]
        suggestions: list[str] = []
        for candidate, score, _ in scored:
            cid = self._keys[candidate][0]
            if score >= FUZZY_SUGGEST and cid not in suggestions:
                suggestions.append(cid)
        raise ConceptNotFound(term=term, suggestions=suggestions[:5])

    def card(self, concept_id: str, lang: str, matched: str = "") -> ConceptCard:
        """The concept card in one language, with the other languages side by side."""
        concept = self.concepts[concept_id]
        loc = concept.locales[lang]
        return ConceptCard(
            id=concept.id,
            language=lang,
            name=loc.name,
            aliases=list(loc.aliases),
            explanation=loc.explanation,
            related=[
                {"id": rid, "name": self.concepts[rid].locales[lang].name}
                for rid in concept.related
                if rid in self.concepts
            ],
            translations={
                other: {
                    "name": concept.locales[other].name,
                    "aliases": list(concept.locales[other].aliases),
                    "explanation": concept.locales[other].explanation,
                }
                for other in LANGUAGES
                if other != lang and other not in concept.fallbacks
            },
            articles=list(concept.articles),
            matched=matched,
            notice=_fallback_notice(concept, lang),
        )

    def name(self, concept_id: str, lang: str) -> str:
        """A concept's name in one language."""
        return self.concepts[concept_id].locales[lang].name


def _fallback_notice(concept: Concept, lang: str) -> str:
    """The pack's notice, in `lang`, that the card shows another language's text ("")."""
    donor = concept.fallbacks.get(lang)
    if donor is None:
        return ""
    return phrase(lang, "concept_fallback", language=native_names().get(donor, donor))


def _stem(word: str) -> str:
    """A word's first five letters, as forms of one word share them ("analizar", "análisis")."""
    return word[:5]


@cache
def _stopwords() -> frozenset[str]:
    return words_of("stopwords")


def _cue_in(cue: str, key: str) -> bool:
    """A cue phrase in a folded, space-padded question; "a + b" means words starting with `a`
    and with `b`, anywhere ("combien + consacr" is "et combien je devrais y consacrer ?").

    >>> _cue_in("combien + consacr", " et combien je devrais y consacrer ")
    True
    >>> _cue_in("cuanto gastar", " cuanto deberia gastar ")
    False
    """
    if " + " not in cue:
        return f" {normalize_term(cue)} " in key
    return all(f" {normalize_term(part)}" in key for part in cue.split(" + "))


def _strip_framing(key: str) -> str:
    for framing in FRAMINGS:
        if key.startswith(framing + " "):
            return key[len(framing) + 1 :].strip()
    return ""
