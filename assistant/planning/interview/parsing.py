"""Turning typed answers into values: horizons, budgets, lists, languages, vague answers.

>>> parse_horizon("un año"), parse_horizon("18 mois"), parse_horizon("due anni")
(12, 18, 24)
>>> parse_horizon("1 anno e mezzo"), parse_horizon("6 months")
(18, 6)
>>> parse_budget("8.000 €"), parse_budget("5k EUR"), parse_budget("3000 dollars")
({'amount': 8000, 'currency': 'EUR'}, {'amount': 5000, 'currency': 'EUR'}, \
{'amount': 3000, 'currency': 'USD'})
>>> parse_budget("300 €/mes"), parse_budget("£200 a month"), parse_budget("A$1,500")["currency"]
({'amount': 300, 'currency': 'EUR', 'period': 'month'}, \
{'amount': 200, 'currency': 'GBP', 'period': 'month'}, 'AUD')
"""

from __future__ import annotations

import re
from typing import Any

from ...lexicon import lexicon, words_of
from ...packs import alternation
from ...packs import words as pack_words
from ...settings import LANGUAGES
from ...text import fold, normalize_term
from ..understanding.currency import ambiguous_mark

MAX_HORIZON = 36
MAX_BUDGET = 100_000_000


class ParseProblem(ValueError):
    """An answer that cannot be used; `code` names the re-ask phrase."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _by_value(name: str) -> dict[str, int]:
    return {normalize_term(w): int(v) for items in lexicon(name).values()
            for v, ws in items.items() for w in ws}


def _periods(kind: str) -> frozenset[str]:
    return frozenset(w for items in lexicon("period_words").values() for w in items[kind])


# Word lists live in prompts/packs/<lang>/lexicon/*.json, one per language.
NUMBER_WORDS = {**_by_value("number_words"), **{w: 1 for w in words_of("article_one")}}
YEAR_WORDS = _periods("year")
MONTH_WORDS = _periods("month")
HALF_WORDS = _periods("half")
SEMESTER_WORDS = _periods("semester")
QUARTER_WORDS = _periods("quarter")
WEEK_WORDS = _periods("week")
CURRENCIES: dict[str, tuple[str, ...]] = {}
for _items in lexicon("currency_words").values():
    for _code, _marks in _items.items():
        CURRENCIES[_code] = tuple(dict.fromkeys((*CURRENCIES.get(_code, ()), *_marks)))
CURRENCY_CODES = frozenset(CURRENCIES) | {"MAD", "SEK", "NOK", "DKK", "PLN", "PEN", "BRL", "JPY"}
LANGUAGE_NAMES: dict[str, tuple[str, ...]] = {
    code: (code, *(w for items in lexicon("language_names").values() for w in items.get(code, ())))
    for code in LANGUAGES}
VAGUE = frozenset(normalize_term(w) or w for w in words_of("vague_answers"))
NONE_WORDS = words_of("none_words")
PER_MONTH = re.compile(r"(?<![a-z])(?:" + "|".join(
    re.escape(w).replace(r"\ ", r"\s*") for w in sorted(words_of("per_month"), key=len,
                                                        reverse=True)) + r")(?![a-z])")
UNKNOWN_MONEY = re.compile(r"\b(" + "|".join(sorted(words_of("crypto_money"))) + r")\b")


def parse_horizon(text: str | int | float) -> int:
    """Months from a number or a phrase ("un año", "18 mois", "1 anno e mezzo")."""
    if isinstance(text, bool):
        raise ParseProblem("horizon_invalid")
    if isinstance(text, int | float):
        months = float(text)
    elif re.search(r"(?<![\w])-\s*\d", str(text)):
        raise ParseProblem("horizon_range", max=MAX_HORIZON)
    else:
        months = _horizon_phrase(normalize_term(str(text).replace(",", ".")))
    if months != int(months) or not 1 <= months <= MAX_HORIZON:
        raise ParseProblem("horizon_range", max=MAX_HORIZON)
    return int(months)


def _horizon_phrase(key: str) -> float:
    """Months in a phrase: a number of time units, or a number alone (digits, or a number word
    said on its own: "una escuela de ciclismo" is no horizon of one month).

    >>> _horizon_phrase("12"), _horizon_phrase("doce"), _horizon_phrase("un ano y medio")
    (12.0, 12.0, 18.0)
    >>> _horizon_phrase("una escuela de ciclismo")
    Traceback (most recent call last):
    ...
    assistant.planning.interview.parsing.ParseProblem: horizon_invalid
    """
    tokens = re.findall(r"\d+(?:\.\d+)?|[a-z]+", key)
    total, pending, seen = 0.0, None, False
    digits = any(re.fullmatch(r"\d+(?:\.\d+)?", tok) for tok in tokens)
    for i, tok in enumerate(tokens):
        if re.fullmatch(r"\d+(?:\.\d+)?", tok):
            pending = float(tok)
        elif " ".join(tokens[i:i + 2]) in NUMBER_WORDS and i + 1 < len(tokens):
            pending = float(NUMBER_WORDS[" ".join(tokens[i:i + 2])])
        elif tok in NUMBER_WORDS and pending is None:
            pending = float(NUMBER_WORDS[tok])
        elif tok in YEAR_WORDS:
            total, pending, seen = total + 12 * _or_one(pending), None, True
        elif tok in SEMESTER_WORDS:
            total, pending, seen = total + 6 * _or_one(pending), None, True
        elif tok in QUARTER_WORDS:
            total, pending, seen = total + 3 * _or_one(pending), None, True
        elif tok in WEEK_WORDS:
            raise ParseProblem("horizon_weeks")  # "2 semanas" is not 2 months: ask
        elif tok in MONTH_WORDS:
            total, pending, seen = total + _or_one(pending), None, True
        elif tok in HALF_WORDS:
            # "un año y medio" = 18; "medio año" = 6; "six mois et demi" rounds up to 7
            if seen and total >= 12 and (i + 1 >= len(tokens) or tokens[i + 1] not in YEAR_WORDS):
                total, seen = total + 6, True
            elif i + 1 < len(tokens) and tokens[i + 1] in YEAR_WORDS:
                pending = 0.5
            elif seen:
                total += 1
    if pending is not None and not seen and (digits or len(tokens) <= 2):
        total, seen = pending, True  # a bare number means months
    if not seen or total <= 0:
        raise ParseProblem("horizon_invalid")
    return total


def _or_one(value: float | None) -> float:
    return 1.0 if value is None else value


def parse_budget(value: Any, default_currency: str = "EUR") -> dict[str, Any]:
    """{"amount", "currency"} from "8.000 €", "5k EUR", "3000 dollars" or such a dict; a
    budget given per month ("300 €/mes", "£200 a month") also has "period": "month"."""
    period = None
    if isinstance(value, dict):
        period = "month" if value.get("period") == "month" else None
        amount, currency = value.get("amount"), value.get("currency") or default_currency
        if isinstance(amount, str):
            amount = _amount(amount)
        if isinstance(amount, bool) or not isinstance(amount, int | float):
            raise ParseProblem("budget_invalid")
        currency = _currency(str(currency)) or ""
        if currency not in CURRENCY_CODES:
            raise ParseProblem("budget_currency")
    elif isinstance(value, int | float) and not isinstance(value, bool):
        amount, currency = value, default_currency
    else:
        text = str(value).strip()
        if UNKNOWN_MONEY.search(normalize_term(text)):
            raise ParseProblem("budget_currency")  # "300 BTC": not a currency a plan can use
        amount = _amount(text)
        if amount is not None and re.search(r"(?<![\w])-\s*[$€£]?\s*\d", text):
            amount = -amount
        currency = _currency(text) or default_currency
        period = "month" if PER_MONTH.search(fold(text)) else None
    if amount is None:
        raise ParseProblem("budget_invalid")
    if amount <= 0 or amount > MAX_BUDGET:
        raise ParseProblem("budget_positive")
    amount = round(float(amount), 2)
    out = {"amount": int(amount) if amount == int(amount) else amount, "currency": currency}
    return {**out, "period": period} if period else out



def _amount(text: str) -> float | None:
    low = text.lower()
    match = re.search(rf"(\d[\d.,' \u00a0\u202f]*)\s*(k|{alternation('thousand_words')}|m|"
                      rf"{alternation('million_words')})?\b", low)
    if not match:
        return None
    digits = re.sub(r"[ '\u00a0\u202f]", "", match.group(1)).rstrip(".,")
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", digits):
        number = float(re.sub(r"[.,]", "", digits))  # thousands separators: 8.000 / 8,000
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+,\d{1,2}", digits):
        number = float(digits.replace(".", "").replace(",", "."))  # 8.000,50
    elif re.fullmatch(r"\d{1,3}(,\d{3})+\.\d{1,2}", digits):
        number = float(digits.replace(",", ""))  # 8,000.50
    else:
        try:
            number = float(digits.replace(",", "."))
        except ValueError:
            return None
    suffix = match.group(2)
    if suffix in ("k", *pack_words("thousand_words")):
        number *= 1000
    elif suffix:
        number *= 1_000_000
    return number


def _currency(text: str) -> str | None:
    upper = text.strip().upper()
    if upper in CURRENCY_CODES:
        return upper
    low = f" {text.lower()} "
    marks = sorted(((m, c) for c, ms in CURRENCIES.items() for m in ms), key=lambda p: -len(p[0]))
    for mark, code in marks:  # longest first: "c$" is Canadian before "$" is American
        if mark.isalpha():
            found = re.search(rf"(?<![a-z]){mark}(?![a-z])", low)
        else:  # a sign that starts with a letter starts a word ("s/ 180", never "pesos/mes")
            found = re.search(rf"(?<![a-z]){re.escape(mark)}", low) if mark[0].isalpha() \
                else mark in low
        if found:
            return code
    for code in CURRENCY_CODES:
        if re.search(rf"(?<![a-z]){code.lower()}(?![a-z])", low):
            return code
    return None


def check_fact_number(key: str, text: str) -> None:
    """A customers / average sale / margin answer must hold a usable number."""
    if UNKNOWN_MONEY.search(normalize_term(text)):
        raise ParseProblem("budget_currency")
    numbers = [float(n.replace(",", ".")) for n in re.findall(r"\d+(?:[.,]\d+)?", text)]
    if not numbers:
        raise ParseProblem(f"{key}_invalid")
    if key == "margin" and not any(0 < n <= 100 for n in numbers):
        raise ParseProblem("margin_invalid")


def parse_list(value: Any) -> list[str]:
    """Items from a list or a text ("Instagram, email y la tienda"); "none" words give []."""
    if isinstance(value, list | tuple):
        items = [str(v).strip() for v in value]
    else:
        text = str(value or "")
        items = re.split(r"[,;/\n+]|\s(?:y|e|et|and|o|ou|or|&)\s", f" {text} ")
        items = [i.strip(" .") for i in items]
    items = [i for i in items if i and normalize_term(i) not in NONE_WORDS]
    # "Facebook Ads, no funcionó": a reason after the names is no channel (a name stays:
    # "pas de Google Ads")
    items = items[:1] + [i for i in items[1:] if not (re.match(
        rf"^(?:{alternation('reason_negations')})\b", i.lower())
        and not re.search(r"\b[A-Z]", i))]
    seen: list[str] = []
    for item in items:
        if item.lower() not in (s.lower() for s in seen):
            seen.append(item)
    return seen


def parse_language(value: Any) -> str:
    """A language code from a code or a name in any of the four languages."""
    key = normalize_term(str(value or ""))
    for code, names in LANGUAGE_NAMES.items():
        if key in names:
            return code
    raise ParseProblem("language_invalid")


def says_none(text: str) -> bool:
    """Whether a free answer only says there is nothing to add ("nessuna regola particolare",
    "nothing special"); "nada de descuentos agresivos" is a constraint, not a none.

    >>> says_none("nessuna regola particolare"), says_none("nada de descuentos agresivos")
    (True, False)
    """
    words = normalize_term(text).split()
    if not words or normalize_term(text) in NONE_WORDS:
        return bool(words)
    return words[0] in NONE_WORDS - {"no", "non"} and len(words) <= 4 \
        and words[1:2] not in (["de"], ["di"], ["d"], ["of"])


def is_vague(text: str, min_words: int = 3) -> bool:
    """Too short or an "I don't know" kind of answer."""
    key = normalize_term(text)
    return key in VAGUE or len(key.split()) < min_words or len(key) < 8


def first_number(text: str) -> float | None:
    """The first plain number in a text (targets such as "50 clientes nuevos")."""
    match = re.search(r"(?<![\d.,])(\d{1,7})(?![\d.,]*\s*(?:€|\$|£|eur|usd|k\b|%))", text.lower())
    if not match or 1900 <= int(match.group(1)) <= 2100:  # a year is not a target
        return None
    return float(match.group(1))


def currency_in(text: str, local: str | None) -> str | None:
    """The currency an amount is written in, the local one deciding an ambiguous mark.

    >>> currency_in("$1.500.000 pesos", "ARS"), currency_in("1.500.000 pesos", "MXN")
    ('ARS', 'MXN')
    >>> currency_in("3000 dollars", None), currency_in("pesos argentinos", None)
    ('USD', 'ARS')
    """
    marks = ambiguous_mark(text)
    if marks and local in marks:
        return local
    said = _currency(text)
    if said:
        return said
    return None
