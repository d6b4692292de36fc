"""What the user rules out or aims at in a question ("without paying for ads", "for free",
"new customers", "B2B", "in my shop"): each constraint's cue phrases and the words that, quoted
as advice, would break it are data per language (`prompts/packs/<lang>/lexicon/constraints.json`). A
constraint filters the evidence (a breaking sentence is never quoted) and its own phrase is
left out of the search (it says what not to do, so it must not pull in what it rules out)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import lexicon
from ..text import normalize_term
from .statements import has_cue

GOALS = ("new_customers", "b2b", "in_store")  # kinds that say what is sought, not ruled out


@dataclass(frozen=True)
class Constraint:
    """One constraint a question sets: its kind and the words that would break it."""

    kind: str
    forbidden: frozenset[str]
    # concept cards whose advice keeps to it (the search for "without ads" finds the ads card)
    concepts: tuple[str, ...] = ()
    # concept cards whose advice breaks it ("without ads": the paid advertising card)
    avoid: tuple[str, ...] = ()


def constraints_of(question: str) -> tuple[Constraint, ...]:
    """The constraints a question states, in any of the four languages.

    >>> [c.kind for c in constraints_of("How do I get customers on Google without paying for ads?")]
    ['no_paid_ads']
    >>> [c.kind for c in constraints_of("¿Clientas nuevas sin gastar en publicidad?")]
    ['no_paid_ads', 'new_customers']
    >>> constraints_of("¿Qué es el ROI?")
    ()
    """
    return tuple(constraint(kind) for kind in cued_kinds(question))


def cued_kinds(question: str) -> list[str]:
    """The kinds whose cue phrases occur in a question (constraint_reader.py uses them as a
    feature beside its example phrasings).

    >>> cued_kinds("Is there a way to do it for free?")
    ['free']
    """
    key = f" {normalize_term(question)} "
    return [kind for kind, cues in _cues().items() if any(has_cue(key, cue) for cue in cues)]


def constraint(kind: str) -> Constraint:
    """One kind's constraint: the words that break it, the cards that keep to it or not."""
    return Constraint(kind, _forbidden(kind), _concepts(kind), _concepts(kind, "avoid"))


def breaks(sentence: str, constraints: tuple[Constraint, ...]) -> bool:
    """Whether a sentence, quoted as advice, would break one of the constraints.

    >>> ads = constraints_of("without paying for ads")
    >>> breaks("Search ads on Google Ads for buying intent.", ads)
    True
    >>> breaks("A complete Google Business Profile, reviews and consistent details.", ads)
    False
    """
    if not constraints:
        return False
    key = f" {normalize_term(sentence)} "
    return any(has_cue(key, word) for c in constraints for word in c.forbidden)


def without_constraints(question: str) -> str:
    """A question without its constraint phrases ("without paying for ads"): what to search.

    >>> without_constraints("How do I get found on Google without paying for ads?")
    'How do I get found on Google?'
    """
    text = question
    for cue in sorted((c for cues in _cues().values() for c in cues), key=len, reverse=True):
        if cue in _kept():
            continue
        pattern = r"\b" + r"\W+".join(re.escape(w) for w in cue.split()) + r"\b"
        text = re.sub(pattern, " ", _fold_keep(text), flags=re.IGNORECASE) \
            if re.search(pattern, _fold_keep(text), flags=re.IGNORECASE) else text
    return re.sub(r"\s+([?!.,;:])", r"\1", " ".join(text.split())).strip() or question


def _fold_keep(text: str) -> str:
    """Accents folded, everything else kept (so cue phrases match where they stand)."""
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFD", text)
                   if unicodedata.category(ch) != "Mn")


def is_goal(kind: str) -> bool:
    """A goal ("new customers", "B2B", "in my shop") is what is looked for, so its phrase stays
    in the search; a kind that rules something out ("without ads") is taken out of it."""
    return kind in GOALS


@cache
def _kept() -> frozenset[str]:
    """Goal phrases stay in the search ("new customers" is what is looked for)."""
    return frozenset(c for lang in lexicon("constraints").values()
                     for kind in GOALS for c in lang[kind]["cues"])


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for by_kind in lexicon("constraints").values():
        for kind, spec in by_kind.items():
            out.setdefault(kind, []).extend(spec["cues"])
    return {kind: tuple(cues) for kind, cues in out.items()}


@cache
def _forbidden(kind: str) -> frozenset[str]:
    return frozenset(w for by_kind in lexicon("constraints").values()
                     for w in by_kind[kind]["forbidden"])


@cache
def _concepts(kind: str, key: str = "concepts") -> tuple[str, ...]:
    return tuple(dict.fromkeys(c for by_kind in lexicon("constraints").values()
                               for c in by_kind[kind].get(key, [])))
