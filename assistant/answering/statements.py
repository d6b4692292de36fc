"""What a sentence states, read from its words: a figure, a span, a contrast, an enumeration
(and whether it counts its parts), an example, a method, a cost, a change from one figure to
another, a plan or proposal rather than a result. The composer matches these to what the question
asks (questions.py); the cue words are data in `prompts/packs/<lang>/lexicon/`."""

from __future__ import annotations

import re

from ..lexicon import words_of
from ..packs import alternation
from ..text import fold, normalize_term, words


def has_cue(key: str, cue: str) -> bool:
    """Whether a folded, space-padded text holds a cue phrase as whole words."""
    cue = normalize_term(cue)
    return bool(cue) and f" {cue} " in key


def says(text: str, cues: str) -> bool:
    """Whether a text holds, as whole words, any phrase of the word list `cues` (in any of the
    four languages: prompts/packs/<lang>/lexicon/<cues>.json).

    >>> says("Unlike strategy, it needs budget on an ongoing basis.", "contrast")
    True
    """
    key = f" {normalize_term(text)} "
    return any(has_cue(key, cue) for cue in words_of(cues))


_DIGIT = re.compile(r"\d")


def has_number(sentence: str, lang: str) -> bool:
    """Whether a sentence states a quantity (digits or number words of its language).

    >>> has_number("Al cierre había 4.200 personas inscritas.", "es")
    True
    >>> has_number("Meglio sceglierne due o tre.", "it")
    True
    >>> has_number("It depends on the market.", "en")
    False
    >>> has_number("Reservar una parte pequeña para probar canales nuevos.", "es")
    False
    """
    if _DIGIT.search(sentence):
        return True
    numbers = words_of("numbers")  # no "un/una": "una parte pequeña" states no quantity
    return any(w in numbers for w in words(sentence))


def contrasts(sentence: str) -> bool:
    """Whether a sentence sets two things apart ("whereas", "a diferencia de"...).

    >>> contrasts("Unlike strategy, it needs budget on an ongoing basis.")
    True
    """
    return says(sentence, "contrast")


def enumerates(sentence: str) -> bool:
    """Whether a sentence lists the parts of something: three items or more after a colon, or
    introduced by a listing word ("three stages", "se distinguen", "comprend"), or five and more;
    what stands in brackets is an item's gloss, not an item; an example is not a list.

    >>> enumerates("It has four stages: attract, convert, close and delight.")
    True
    >>> enumerates("Se suelen distinguir necesidades funcionales (que funcione, que sea rápido), "
    ...            "emocionales (sentirse seguro) y sociales (cómo me ven).")
    True
    >>> enumerates("It brings together content, SEO and email in one process.")
    False
    >>> enumerates("Por ejemplo, si una web recibe 2.000 visitas, genera 60 y cierra 6.")
    False
    """
    if gives_an_example(sentence):
        return False
    plain = re.sub(r"\([^()]*\)", "", sentence)
    head, colon, tail = plain.partition(":")
    body = tail if colon else plain
    items = body.count(",") + body.count(";") + bool(
        re.search(r"\b(and|y|e|ed|et|o|od|or|ou|u)\b", body))
    if colon or items >= 4:
        return items >= 2
    key = f" {normalize_term(plain)} "
    return items >= 2 and any(has_cue(key, cue) for cue in words_of("enumeration_cues"))


def states_a_range(sentence: str, lang: str) -> bool:
    """Whether a sentence gives a span of figures ("due o tre", "between 3% and 10%").

    >>> states_a_range("Meglio sceglierne due o tre dove si trova il pubblico.", "it")
    True
    >>> states_a_range("Rispetto ai media tradizionali offrono due vantaggi.", "it")
    False
    """
    tokens = words(sentence)
    numbers = words_of("numbers")
    joins = {"o", "or", "ou", "a", "to", "y", "e", "et", "and", "al"}
    figure = [t in numbers or t.isdigit() for t in tokens]
    return any(figure[i] and tokens[i + 1] in joins and figure[i + 2]
               for i in range(len(tokens) - 2))


def announces_parts(sentence: str) -> bool:
    """Whether a sentence counts the parts it lists ("en quatre temps :", "three stages").

    >>> announces_parts("On le présente souvent en quatre temps : attirer, convertir, conclure.")
    True
    >>> announces_parts("They offer a small business two big advantages: reach and cost.")
    False
    """
    tokens = words(sentence)
    numbers = words_of("numbers")
    cues = {c for c in words_of("enumeration_cues") if " " not in c}
    return any((t in numbers or t.isdigit()) and cues & set(tokens[i + 1:i + 3])
               for i, t in enumerate(tokens))


def gives_an_example(sentence: str) -> bool:
    """Whether a sentence is an illustration ("for example, if you spend 6,000 €…").

    >>> gives_an_example("Por ejemplo, si gastas 6.000 € y captas 40 clientes, tu CAC es de 150 €.")
    True
    >>> gives_an_example("Una referencia habitual está entre el 3 % y el 10 % de la facturación.")
    False
    """
    return says(sentence, "example_cues")


def gives_a_method(sentence: str) -> bool:
    """Whether a sentence says how to go about something ("se puede hacer con…", "start by…").

    >>> gives_a_method("Se puede hacer con medios sencillos: visitar sus webs y leer reseñas.")
    True
    >>> gives_a_method("El análisis de la competencia estudia a los rivales.")
    False
    """
    return says(sentence, "method_cues")


def speaks_of_cost(sentence: str) -> bool:
    """Whether a sentence says what something costs ("soluzioni gratuite o molto economiche").

    >>> speaks_of_cost("Esistono soluzioni gratuite o molto economiche adatte alle PMI.")
    True
    """
    return says(sentence, "cost_words")


_FROM_TO = re.compile(rf"\b(?:{alternation('change_from')})\s+[\d.,]+\s*"
                      rf"(?:%|€|euros?|eur)?(?:\s+\S+){{0,3}}?\s+(?:{alternation('change_to')})\s+"
                      r"[\d.,]+")


def states_a_change(sentence: str) -> bool:
    """Whether a sentence gives a before and an after ("bajó del 47 % al 29 %").

    >>> states_a_change("La tasa de abandono bajó del 47 % en 2023 al 29 % en 2024.")
    True
    >>> states_a_change("Churn went from 12% to 8% in a year.")
    True
    >>> states_a_change("Al cierre había 4.200 personas inscritas.")
    False
    """
    return bool(_FROM_TO.search(fold(sentence)))


def states_a_plan(sentence: str) -> bool:
    """Whether a sentence states a target, an intention or a proposal rather than a result.

    >>> states_a_plan("El objetivo que nos marcamos era llegar a 5.000 socios.")
    True
    >>> states_a_plan("Al cierre había 4.200 personas inscritas.")
    False
    """
    return says(sentence, "plan_cues")
