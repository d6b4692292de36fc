"""The currency of the owner's amounts, from their words and from where the business is: "pesos"
for a shop in Córdoba, Argentina are ARS, in Mexico MXN; a bare "$" there is the peso too.

>>> local_currency({"business": "Mate & Co, tienda de mates en Córdoba, Argentina"})
'ARS'
>>> local_currency({"business": "Fiori di Lucia, Bologna"}) is None
True
>>> local_money("$1.500.000 pesos", "ARS")
' ARS 1.500.000  ARS '
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from ...packs import alternation
from ...settings import PROJECT_ROOT
from ...text import fold

FILE = PROJECT_ROOT / "knowledge" / "understanding" / "currencies.json"
PLACE_ANSWERS = ("business", "customers", "offer", "competitors", "situation")


@cache
def _data() -> dict[str, Any]:
    return json.loads(FILE.read_text(encoding="utf-8"))


def countries_in(text: str) -> list[str]:
    """ISO codes of the countries whose places the text names, in order of appearance."""
    low = f" {' '.join(re.findall(r'[a-z0-9]+', fold(text)))} "
    found: list[tuple[int, str]] = []
    for code, entry in _data()["countries"].items():
        for place in entry["places"]:
            at = low.find(f" {place} ")  # a whole-word match; no regex: hundreds of places
            if at >= 0:
                found.append((at + 1, code))
                break
    return [code for _, code in sorted(found)]


def local_currency(answers: dict[str, Any]) -> str | None:
    """The currency of the country the answers place the business in (None when unsaid)."""
    text = " . ".join(str(answers.get(k) or "") for k in PLACE_ANSWERS)
    countries = countries_in(text)
    return _data()["countries"][countries[0]]["currency"] if countries else None


def ambiguous_mark(text: str) -> list[str] | None:
    """The currencies an ambiguous mark in the text may mean ("pesos": ARS, MXN…), or None."""
    low = fold(text)
    for mark, codes in _data()["ambiguous"].items():
        if re.search(rf"(?<![a-z]){mark}(?![a-z])" if mark[0].isalpha() else mark, low):
            if not re.search(rf"pesos? ({alternation('peso_nationalities')})|us ?\$|c\$|a\$",
                             low):
                return list(codes)
    return None


def says_pesos(text: str) -> bool:
    """Whether the amount is said in pesos (a bare "$" alone is not asked about: it keeps the
    place's currency, or the dollar where the place is unknown).

    >>> says_pesos("$1.500.000 pesos"), says_pesos("$5,000"), says_pesos("3000 EUR")
    (True, False, False)
    """
    return any(re.search(rf"(?<![a-z]){mark}(?![a-z])", fold(text))
               for mark in _data()["ambiguous"] if mark.startswith("peso"))


def local_money(text: str, local: str | None) -> str:
    """The text with an ambiguous mark that means the local currency written as its code."""
    marks = ambiguous_mark(text)
    if not local or not marks or local not in marks or local == "USD":
        return text
    for mark in _data()["ambiguous"]:
        text = re.sub(rf"(?<![A-Za-z]){mark}(?![A-Za-z])" if mark[0].isalpha() else mark,
                      f" {local} ", text, flags=re.I)
    return text


def priced_in_usd_too(local: str | None) -> bool:
    """Whether owners where the currency is `local` also price in US dollars (an amount
    written with no currency there is asked about)."""
    return local in _data().get("asked_with_usd", [])


def money(amount: float, currency: str, lang: str) -> str:
    """A whole amount in the language's way, with the currency's code or sign.

    >>> money(1500000, "ARS", "es"), money(1500000, "GBP", "en")
    ('1.500.000 ARS', '£1,500,000')
    """
    return _money(amount, currency, lang)


def example_amount(currency: str, key: str) -> float | None:
    """The amount an example shows in this currency (a budget, an average sale)."""
    return _data()["examples"].get(currency, {}).get(key)


def example_in(example: str, currency: str | None, key: str, lang: str) -> str:
    """An interview example or message with its amounts in the owner's currency ("Ejemplo:
    8.000 €" is "Ejemplo: 1.500.000 ARS" for a shop in Córdoba, Argentina): the first amount is
    the data's (knowledge/understanding/currencies.json, examples), so it is a likely one there;
    any other amount is scaled by the same prices' ratio, rounded. Kept as written when no
    place names a currency, or when it is already in that one.

    >>> example_in("Ejemplo: ticket medio de 25 €", "ARS", "average_sale", "es")
    'Ejemplo: ticket medio de 15.000 ARS'
    >>> example_in("Example: £4,000", "GBP", "budget", "en")
    'Example: £4,000'
    >>> example_in("Ejemplo: 8.000 €", None, "budget", "es")
    'Ejemplo: 8.000 €'
    >>> example_in("por ejemplo «3.000 €» o «500 €»", "MXN", "budget", "es")
    'por ejemplo «80.000 MXN» o «10.000 MXN»'
    """
    examples, marks = _data()["examples"], _data()["examples_marks"]
    amount = example_amount(currency, key) if currency else None
    matches = list(MONEY.finditer(example))
    if currency not in examples or not matches:
        return example
    out, last = [], 0
    for i, match in enumerate(matches):
        if marks.get(currency, currency) in match.group(0):
            return example
        source = next((c for c, m in marks.items() if c in match.group(0)), None) or next(
            (c for c, m in marks.items() if m in match.group(0)), "EUR")
        value = amount if i == 0 and amount is not None else _scaled(match.group(0), source,
                                                                     currency)
        out += [example[last:match.start()], _money(value, currency, lang)]
        last = match.end()
    return "".join(out) + example[last:]


def _scaled(written: str, source: str, currency: str) -> float:
    """An amount written in `source` in `currency`'s usual prices, to two significant figures
    (the examples' budgets give the ratio)."""
    digits = re.sub(r"\D", "", written.split(",")[0] if re.search(r",\d{1,2}\b", written)
                    else written)
    examples = _data()["examples"]
    ratio = examples[currency]["budget"] / examples.get(source, examples["EUR"])["budget"]
    value = float(digits or 0) * ratio
    return float(f"{value:.2g}") if value >= 10 else round(value)


MONEY = re.compile(r"[£$€]\s?\d[\d.,\u00a0\u202f ]*\d|[£$€]\s?\d|\d[\d.,\u00a0\u202f ]*\d\s?[£$€]|"
                   r"\d\s?[£$€]|\d[\d.,\u00a0\u202f ]*\s?(?:EUR|USD|GBP)\b")


def _money(amount: float, currency: str, lang: str) -> str:
    """A whole amount in the language's way, with the currency's code or sign."""
    from babel import Locale
    from babel.numbers import format_currency

    pattern = Locale.parse(lang).currency_formats["standard"].pattern.replace(".00", "")
    text = format_currency(int(amount), currency, format=pattern, locale=lang,
                           currency_digits=False)
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def format_money(cents: int, currency: str, lang: str) -> str:
    """An amount with its currency, e.g. "8.000 €", "$1,234.56" (whole amounts without cents;
    Babel's no-break space kept plain, as plan/formatting.py explains)."""
    from babel import Locale
    from babel.numbers import format_currency

    amount = cents / 100
    if cents % 100 == 0:
        pattern = Locale.parse(lang).currency_formats["standard"].pattern.replace(".00", "")
        text = format_currency(int(amount), currency, format=pattern, locale=lang,
                               currency_digits=False)
    else:
        text = format_currency(amount, currency, locale=lang)
    return text.replace("\xa0", " ")

