"""What a question asks, read from its words: markup stripped, its type (definition, difference,
how-to, quantity, list), what more it asks (proposals, a formula, a change, a cost), whether it
follows up on the conversation or points back at it, the business and the document it names.
What a sentence states is statements.py.

The cue words are data, per language, in `packs/<lang>/lexicon/` (question_types,
follow_up_openers)."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from functools import cache

from ..lexicon import lexicon, words_of
from ..search.cognates import cognate_key
from ..text import fold, normalize_term, words
from .statements import has_cue, says

QUESTION_TYPES = ("difference", "quantity", "list", "howto", "definition")  # checked in this order
_TAG = re.compile(r"<\s*/?\s*[A-Za-z][^<>]{0,200}>")
_DIGIT = re.compile(r"\d")


def strip_markup(text: str) -> str:
    """A question without HTML tags and entities (what the user meant to ask).

    >>> strip_markup("<b>Qu'est-ce que le SWOT ?</b>")
    "Qu'est-ce que le SWOT ?"
    >>> strip_markup("ROI &lt; 1 <br/>ou &gt; 1")
    'ROI < 1 ou > 1'
    >>> strip_markup("3 < 5 and 7 > 2")
    '3 < 5 and 7 > 2'
    """
    without = _TAG.sub(" ", text)
    return " ".join(html.unescape(without).split())


def question_type(question: str, lang: str) -> str | None:
    """The kind of answer a question wants, from the cue words of its language (then any).

    >>> question_type("¿Cuántos socios tiene el club?", "es")
    'quantity'
    >>> question_type("Quelle différence entre notoriété spontanée et assistée ?", "fr")
    'difference'
    >>> question_type("What are the stages of a sales funnel?", "en")
    'list'
    >>> question_type("Come posso trovare nuovi clienti?", "it")
    'howto'
    >>> question_type("What should I do to get more enquiries?", "en")  # not "what should"
    'howto'
    >>> question_type("Che cos'è l'analisi SWOT?", "it")
    'definition'
    """
    key = f" {normalize_term(question)} "
    found = _cued_type(key, lang)
    if found in (None, "definition") and _DIGIT.search(question):
        return "quantity"  # "what is my CAC if I spend 6,000 and win 40?"
    return found


def _cued_type(key: str, lang: str) -> str | None:
    cues: Mapping[str, Mapping[str, Sequence[str]]] = lexicon("question_types")
    order = [lang, *(other for other in cues if other != lang)] if lang in cues else list(cues)
    for language in order:
        found = [(kind, normalize_term(cue)) for kind in QUESTION_TYPES
                 for cue in cues[language][kind] if has_cue(key, cue)]
        # A cue inside a longer one that also occurs says less: "what should" (a list) in
        # "what should I do to get more enquiries?" (a how-to).
        kept = [kind for kind, cue in found
                if not any(cue != other and f" {cue} " in f" {other} " for _, other in found)]
        if kept:
            return kept[0]
    return None


def is_follow_up(question: str, lang: str) -> bool:
    """Short, or opened by "and", "but", "so"... in any of the four languages.

    >>> is_follow_up("e quanto dovrei spendere?", "it")
    True
    >>> is_follow_up("What is the difference between a mission and a vision statement?", "en")
    False
    """
    tokens = words(question)
    return bool(tokens) and (len(tokens) <= 6 or tokens[0] in words_of("follow_up_openers"))


def business_of(text: str, keywords: Mapping[str, Sequence[str]]) -> str | None:
    """The business type whose keywords the text names (longest keywords win), or None.

    >>> business_of("Tengo una panadería en el barrio", {"bakery": ["panaderia"], "gym": ["gym"]})
    'bakery'
    >>> business_of("What is ROI?", {"bakery": ["bakery"]}) is None
    True
    >>> business_of("mon cabinet d'avocats", {"health": ["cabinet"], "law": ["cabinet", "avocat"]})
    'law'
    """
    key = f" {normalize_term(text)} "
    singular = " " + " ".join(_singular(w) for w in key.split()) + " "
    best, best_score = None, 0
    for ident, terms in keywords.items():
        score = sum(len(t) for t in terms if has_cue(key, t) or has_cue(singular, t))
        if score > best_score:
            best, best_score = ident, score
    return best


def _singular(word: str) -> str:
    """A word without a plural -s (long enough words only: "avocats" -> "avocat")."""
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def asks_for_proposals(question: str) -> bool:
    """Whether a question asks what is proposed or recommended (next year's budget, the
    report's recommendations) rather than what was measured.

    >>> asks_for_proposals("Que recommande le bilan pour l'année prochaine ?")
    True
    >>> asks_for_proposals("¿Cuánto bajó la tasa de abandono?")
    False
    """
    return says(question, "proposal_asks")


def points_back(question: str) -> bool:
    """Whether a follow-up points back at what the conversation named ("which of the two").

    >>> points_back("which of the two needs an ongoing budget?")
    True
    """
    return says(question, "anaphora_cues")


def refers_back(question: str) -> bool:
    """Whether a question holds a pronoun that stands for something said before ("what should
    I compare it with?"): with no concept of its own named, it is a follow-up, however long.

    >>> refers_back("What should I compare it with to know if it's good?")
    True
    >>> refers_back("What should I compare my prices with?")
    False
    """
    return says(question, "back_references")


def asks_the_cost(question: str) -> bool:
    """Whether a question asks what something costs ("e quanto costa?").

    >>> asks_the_cost("e quanto costa?"), asks_the_cost("¿Cuánto debería gastar?")
    (True, False)
    """
    return says(question, "cost_asks")


def asks_for_a_formula(question: str) -> bool:
    """Whether a question asks how something is calculated (cues are word starts).

    >>> asks_for_a_formula("Comment je calcule mon coût d'acquisition client ?")
    True
    >>> asks_for_a_formula("¿Qué es el CAC?")
    False
    """
    key = f" {normalize_term(question)}"
    return any(f" {normalize_term(cue)}" in key for cue in words_of("formula_asks"))


def asks_for_a_change(question: str) -> bool:
    """Whether a question asks how much something rose or fell.

    >>> asks_for_a_change("By how much did churn drop according to the report?")
    True
    """
    return says(question, "change_asks")


def names_a_document(question: str) -> bool:
    """Whether the question points at the user's own document ("según el informe que he subido").

    >>> names_a_document("By how much did churn drop according to the report I uploaded?")
    True
    """
    return says(question, "upload_cues")


def without_document_cues(question: str) -> str:
    """A question without the words that point at the user's document: "the report I uploaded"
    says which document, not which of its sentences answers.

    >>> without_document_cues("By how much did churn drop according to the report I uploaded?")
    'By how much did churn drop according to the?'
    >>> without_document_cues("¿Qué es el DAFO?")
    '¿Qué es el DAFO?'
    """
    tokens = re.findall(r"\w+(?:['’]\w+)?|[^\w\s]+", question)
    keys = [normalize_term(t) for t in tokens]
    drop: set[int] = set()
    for cue in sorted(words_of("upload_cues"), key=len, reverse=True):
        parts = normalize_term(cue).split()
        for start in range(len(keys) - len(parts) + 1):
            if keys[start:start + len(parts)] == parts:
                drop.update(range(start, start + len(parts)))
    if not drop:
        return question
    kept = [t for i, t in enumerate(tokens) if i not in drop]
    return re.sub(r"\s+([?!.,;:])", r"\1", " ".join(kept)).strip() or question


def without_name_words(question: str, name: str) -> str:
    """A question without the words that name a document by its file name ("according to the
    ceramics report" names report_ceramiche.md; the word says which document, not which of its
    sentences answers).

    >>> without_name_words("What was our revenue in the ceramics report?", "ceramiche_lunetta.md")
    'What was our revenue in the report?'
    """
    named = {_stem(w) for w in words(name.replace("_", " ").replace("-", " ")) if len(w) >= 4}
    tokens = re.findall(r"\w+(?:['’]\w+)?|[^\w\s]+", question)
    kept = [t for t in tokens if not (len(t) >= 4 and _stem(fold(t)) in named)]
    if len(kept) == len(tokens):
        return question
    return re.sub(r"\s+([?!.,;:])", r"\1", " ".join(kept)).strip() or question


def framing_cognate(title: str, question: str) -> bool:
    """Whether a card's title shares only a stem with the question's difference words: the
    differentiation card for "Che differenza c'è tra fidelizzazione e acquisizione?", found
    for the word that makes the question a difference question, not for what it compares.

    >>> framing_cognate("Differenziazione", "Che differenza c'è tra fidelizzazione e CAC?")
    True
    >>> framing_cognate("Differenziazione", "Differenziazione o prezzo basso?")
    False
    """
    asked = [normalize_term(t) for t in question.split()]
    framing = {_stem(w) for w in asked if w in _difference_words()}
    others = {_stem(w) for w in asked if w not in _difference_words() and len(w) >= 4}
    named = {_stem(w) for w in normalize_term(title).split() if len(w) >= 4}
    return bool(named & framing) and not named & others


@cache
def _difference_words() -> frozenset[str]:
    """The single words (five letters or more) of every language's difference cues."""
    return frozenset(normalize_term(w) for by_kind in lexicon("question_types").values()
                     for phrase in by_kind["difference"] for w in words(phrase) if len(w) >= 5)


def focus_keys(text: str, lang: str, topic: str) -> frozenset[str]:
    """The words of a question's own ask, as cognate stems: no function words, no words of
    its type cues ("what is", "how much"), none of its `topic` (the concept's names).

    >>> sorted(focus_keys("Quali sono le fasi dell'inbound marketing?", "it", "Inbound marketing"))
    ['fas']
    >>> focus_keys("Le inbound marketing si descrive in quattro fasi.", "it", "") >= {"fas"}
    True
    """
    ignore = _cue_words() | {_stem(w) for w in words(topic)}
    return frozenset(stem for w in words(text) if len(w) >= 4 and w not in _stopwords()
                     and (stem := _stem(w)) not in ignore)


def _stem(word: str) -> str:
    """A word's cognate key cut to five letters, so "calcule" meets "calcularlo"."""
    return cognate_key(word)[:5]


@cache
def _stopwords() -> frozenset[str]:
    return words_of("stopwords")


@cache
def _cue_words() -> frozenset[str]:
    """Stems of the words that say a question's type (but not its list cues: "stages", "types"
    are what a list question asks for; nor its difference cues: "compare", "differ" are what
    the contrasting sentence says) or point at the user's document ("the report I
    uploaded")."""
    cues = lexicon("question_types")
    typed = {_stem(w) for by_kind in cues.values()
             for kind, phrases in by_kind.items() if kind not in ("list", "difference")
             for phrase in phrases for w in words(phrase)}
    return frozenset(typed | {_stem(w) for cue in words_of("upload_cues") for w in words(cue)})
