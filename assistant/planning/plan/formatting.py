"""Money, shares and month spans written the way each language writes them.

>>> format_money(800000, "EUR", "es"), format_money(123456, "USD", "en")
('8.000 €', '$1,234.56')
>>> format_money(500050, "EUR", "fr")
'5\u202f000,50 €'
"""

from __future__ import annotations

SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}
SEPARATORS = {"es": (".", ","), "it": (".", ","), "fr": ("\u202f", ","), "en": (",", ".")}


def format_money(cents: int, currency: str, lang: str) -> str:
    """An amount with its currency, e.g. "8.000 €", "$1,234.56"."""
    thousands, decimal = SEPARATORS.get(lang, (",", "."))
    units, rest = divmod(abs(cents), 100)
    text = f"{units:,}".replace(",", thousands)
    if rest:
        text += f"{decimal}{rest:02d}"
    if cents < 0:
        text = "-" + text
    symbol = SYMBOLS.get(currency)
    if symbol and lang == "en":
        return f"{symbol}{text}"
    return f"{text} {symbol or currency}"


def format_number(value: float, lang: str) -> str:
    """A target value: whole numbers grouped, others with one decimal."""
    thousands, decimal = SEPARATORS.get(lang, (",", "."))
    if value == int(value):
        return f"{int(value):,}".replace(",", thousands)
    return f"{value:.1f}".replace(".", decimal)


def format_share(share: float, lang: str) -> str:
    """A percentage with one decimal, e.g. "12,5 %"."""
    text = f"{share:.1f}".replace(".", SEPARATORS.get(lang, (",", "."))[1])
    return f"{text}%" if lang == "en" else f"{text} %"
