"""A denied value replaced where it is held: "I meant June, not July" changes the fact that
holds July; "about 150 grooms a month, not 120" changes the fact that is 120 now. The value
the owner denies says which fact they mean better than any wording can, so no example is
compared when one of the facts a value of that kind could be holds it.

>>> replaced_number("These days 150 a month, not 120", ("team_size", "current_customers"),
...                 {"team_size": 2, "current_customers": 120})
Fact(field='current_customers', value=150, op='set')
>>> replaced_months([(6, False), (7, True)], ("decision_months", "start_month"),
...                 {"decision_months": [7, 12], "start_month": 1})
Fact(field='decision_months', value=[12, 6], op='set')
"""

from __future__ import annotations

import re
from typing import Any

from ...text import fold
from ..understanding.denied import denied_at
from .fact import Fact

NUMBER = re.compile(r"\d{1,3}(?:[.,\u202f ]\d{3})+(?!\d)|\d+(?:[.,]\d+)?")


def numbers(text: str) -> list[tuple[float, bool]]:
    """(value, denied) for each number written in digits ("2,000", "3k": thousands)."""
    low = fold(text)
    out = []
    for match in NUMBER.finditer(low):
        raw = match.group(0)
        thousands = re.fullmatch(r"\d{1,3}(?:[.,\u202f ]\d{3})+", raw)
        value = float(re.sub(r"\D", "", raw)) if thousands else float(raw.replace(",", "."))
        if re.match(r"\s*k\b", low[match.end():]):
            value *= 1000
        out.append((value, denied_at(low, match.start(), match.end())))
    return out


def replaced_number(text: str, fields: tuple[str, ...], held: dict[str, Any]) -> Fact | None:
    """The fact among `fields` that holds the number the message denies, set to the number
    it asserts (None when no fact holds it, or nothing is asserted)."""
    found = numbers(text)
    denied = [v for v, no in found if no]
    asserted = [v for v, no in found if not no]
    if not denied or not asserted:
        return None
    for name in fields:
        value = held.get(name)
        if isinstance(value, int | float) and any(abs(value - d) < 1e-9 for d in denied):
            new = asserted[0]
            return Fact(name, int(new) if new == int(new) else new)
    return None


def replaced_months(named: list[tuple[int, bool]], fields: tuple[str, ...],
                    held: dict[str, Any]) -> Fact | None:
    """The month fact that holds a denied month, the denied ones replaced by those asserted."""
    denied = [m for m, no in named if no]
    asserted = [m for m, no in named if not no]
    if not denied or not asserted:
        return None
    for name in fields:
        value = held.get(name)
        months = value if isinstance(value, list) else [value] if value else []
        if any(m in months for m in denied):
            if name == "start_month":
                return Fact(name, asserted[0])
            kept = [m for m in months if m not in denied]
            return Fact(name, kept + [m for m in asserted if m not in kept])
    return None
