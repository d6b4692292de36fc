"""A value the owner denies names the fact it corrects: "la iguala de autónomos es de 80 €, no
de 90 €" corrects the fact that holds 90 € now (the average sale the offer gave), never the
budget of 6.000 € that an amount would otherwise change (hand test of a gestoría, 8 Dec)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from ...packs import alternation
from ...text import fold
from ..understanding.numbers import quantities
from .corrections import Fact
from .fact_fields import FIELDS_BY_KIND


def denied_values(text: str) -> list[float]:
    """The numbers the message denies ("no de 90 €", "not 120", "pas 40", "non 4").

    >>> denied_values("la iguala es de 80 €, no de 90 €"), denied_values("£110, not £120")
    ([90.0], [120.0])
    """
    low = fold(text)
    return [q.value for q in quantities(text, words=False)
            if _denial().search(low[max(0, q.start - 16):q.start])]


@cache
def _denial() -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z])(?:{alternation('denied_before')})\s+"
                      r"(?:[a-z]{1,3}\s+)?[$€£]?\s*$")  # "no de 90 €", "not £120"


def to_denied_field(facts: list[Fact], text: str, held: Callable[[str], Any]) -> list[Fact]:
    """Each number read for a field that does not hold the denied value moves to the field of
    its kind that does (`held(field)`: its value now); facts stay as read otherwise. When
    nothing was read, the one other number of the message is the new value of the field that
    holds the denied one ("the monthly plan is £110, not £120")."""
    denied = denied_values(text)
    if not denied:
        return facts
    if not facts:
        said = [q.value for q in quantities(text, words=False) if q.value not in denied]
        holder = next((f for kind in NUMERIC for f in FIELDS_BY_KIND[kind]
                       if held(f) in denied), None)
        return [Fact(holder, _whole(said[0]))] if holder and len(said) == 1 else []
    out = []
    for fact in facts:
        kind = next((k for k, fields in FIELDS_BY_KIND.items() if fact.field in fields), None)
        if kind and isinstance(fact.value, int | float) and held(fact.field) not in denied:
            other = next((f for f in FIELDS_BY_KIND[kind]
                          if f != fact.field and held(f) in denied), None)
            if other:
                fact = Fact(other, fact.value, fact.op)
        out.append(fact)
    return out


NUMERIC = ("money", "hours", "period", "count")  # kinds whose facts hold one number


def _whole(value: float) -> float | int:
    return int(value) if value == int(value) else value
