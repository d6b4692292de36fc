"""What the owner offers and for whom, in their words, without the prices and margins of the same
answer (issue #21): "traductions juridiques ... pour les entreprises, environ 1 200 € par dossier
avec 35 % de marge" is positioned on the translations, not on its margin. The answer is cut at
its commas and semicolons only, and the clauses that state an amount or a percentage are left
out whole, so no phrase is ever cut in the middle."""

from __future__ import annotations

import re

from ..understanding.numbers import quantities

# a clause boundary: a comma, a semicolon, a sentence end; the boundary is kept to rejoin
PIECES = re.compile(r"(\s*[,;]\s+|\.\s+)")
FIGURES = ("currency", "percent")


def states_a_figure(clause: str) -> bool:
    """Whether a clause states a price, a sum or a percentage."""
    return any(q.unit in FIGURES for q in quantities(clause, words=False))


def offer_without_figures(offer: str) -> str:
    """The offer's clauses that state no figure, joined as the owner wrote them; "" when the
    first clause states one (then the plan says the offer without quoting it): a later clause
    alone is a side line, not what the business sells.

    >>> offer_without_figures("Clases de surf a 35 €, y alquiler de tablas")
    ''
    >>> offer_without_figures("Cours de poterie, stages le week-end, 45 € la séance")
    'Cours de poterie, stages le week-end'
    """
    parts = PIECES.split(offer.strip().rstrip("."))
    clauses, joints = parts[0::2], ["", *parts[1::2]]
    kept = [(joint, clause) for joint, clause in zip(joints, clauses, strict=True)
            if clause.strip() and not states_a_figure(clause)]
    if not kept or kept[0][0]:  # the first clause, what is sold, states a price: no quote
        return ""  # ("…particulares a 60 €, y alquiler de tablas" is no offer to position on)
    return "".join(joint + clause for joint, clause in kept).strip(" ,;")


def whole_clauses(quoted: str, answer: str) -> bool:
    """Whether a quote is made of whole clauses of an answer, in its order, some left out (what
    offer_without_figures quotes): no clause is cut in the middle."""
    pieces = [p.strip() for p in PIECES.split(answer.strip().rstrip("."))[0::2]]
    rest = iter(pieces)
    return all(any(p == q for p in rest)
               for q in (q.strip() for q in PIECES.split(quoted)[0::2]))
