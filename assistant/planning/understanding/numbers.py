"""Numbers inside sentences, with what they count: "1.800 clientes", "65 %", "2h", "£3k".

>>> [(q.value, q.unit) for q in quantities("pasar de 1.800 a 2.300 clientes, 65 % de margen")]
[(1800.0, None), (2300.0, None), (65.0, 'percent')]
>>> [(q.value, q.unit) for q in quantities("£3k, 4 200 clientes, 1,5% y 2 hrs")]
[(3000.0, 'currency'), (4200.0, None), (1.5, 'percent'), (2.0, 'hours')]
>>> [q.value for q in quantities("un par de horas a la semana; dos personas")]
[2.0, 2.0]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...lexicon import lexicon
from ...packs import alternation
from ...text import fold

_DIGITS = (r"(?<![\w.,])(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?:[.,]\d{1,2})?(?!\d)"
           r"|\d+(?:[.,]\d+)?)(\s?k\b)?")
_PERCENT = re.compile(rf"^\s?(%|{alternation('percent_words')})")
_CURRENCY_AFTER = re.compile(rf"^\s?(€|\$|£|eur\b|(?:{alternation('currency_names')})\b|chf\b|"
                             r"cad\b|usd\b|gbp\b|clp\b|ars\b|mxn\b|cop\b|uyu\b|k€)")
_CURRENCY_BEFORE = re.compile(r"(€|\$|£|eur|usd|gbp|chf|cad|clp|ars|mxn|cop|uyu)\s?$")
_HOURS = re.compile(rf"^\s?(h|hrs?|{alternation('hour_words')})\b")


@dataclass(frozen=True)
class Quantity:
    """A number found in a text, where it is, and its unit when one is written next to it."""

    value: float
    start: int
    end: int
    unit: str | None  # percent | currency | hours | None


def to_number(digits: str) -> float | None:
    """A float from "1.800", "4 200", "1,5", "2,000.50"; None when it is not a number."""
    digits = re.sub(r"[\u00a0\u202f ]", "", digits).rstrip(".,")
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", digits):
        return float(re.sub(r"[.,]", "", digits))
    if re.fullmatch(r"\d{1,3}(\.\d{3})+,\d{1,2}", digits):
        return float(digits.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(,\d{3})+\.\d{1,2}", digits):
        return float(digits.replace(",", ""))
    try:
        return float(digits.replace(",", "."))
    except ValueError:
        return None


@cache
def _word_numbers() -> tuple[re.Pattern[str], dict[str, float]]:
    values: dict[str, float] = {}
    for items in lexicon("number_words").values():
        values.update({fold(w): float(v) for v, ws in items.items() for w in ws})
    ordered = sorted(values, key=len, reverse=True)
    return re.compile(r"(?<![a-z])(" + "|".join(map(re.escape, ordered)) + r")(?![a-z])"), values


def quantities(text: str, words: bool = True) -> list[Quantity]:
    """Every number in `text` (digits, and number words when `words`), in order."""
    low = fold(text)
    found: list[Quantity] = []
    for match in re.finditer(_DIGITS, low):
        value = to_number(match.group(1))
        if value is None:
            continue
        if match.group(2):
            value *= 1000
        found.append(Quantity(value, match.start(), match.end(),
                              _unit(low, match.start(), match.end(), bool(match.group(2)))))
    if words:
        regex, values = _word_numbers()
        taken = [(q.start, q.end) for q in found]
        for match in regex.finditer(low):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            found.append(Quantity(values[match.group(1)], match.start(), match.end(),
                                  _unit(low, match.start(), match.end(), False)))
    return sorted(found, key=lambda q: q.start)


def _unit(low: str, start: int, end: int, thousands: bool) -> str | None:
    after, before = low[end:end + 14], low[max(0, start - 5):start]
    if _PERCENT.match(after):
        return "percent"
    if _CURRENCY_AFTER.match(after) or _CURRENCY_BEFORE.search(before):
        return "currency"
    if _HOURS.match(after):
        return "hours"
    return "currency" if thousands else None
