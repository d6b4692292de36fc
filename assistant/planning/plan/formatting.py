"""Money, numbers, shares and months written the way each language writes them (Babel/CLDR).

What Babel gets right and what we adjust, checked on our inputs: grouping and decimal marks
(es/it "8.000,50", fr "8 000,50" with a narrow no-break space, en "8,000.50") and month names
are right; it always prints cents ("8.000,00 €"), so whole amounts use a pattern without them;
it joins number and symbol with a no-break space, which we keep as a plain space so that the
text can be searched and compared; for USD it writes "US$" in Spanish, "$US" in French and "USD"
in Italian, which is the CLDR convention of each language and stays.

>>> format_money(800000, "EUR", "es"), format_money(123456, "USD", "en")
('8.000 €', '$1,234.56')
>>> format_money(500050, "EUR", "fr")
'5\u202f000,50 €'
>>> month_name(3, 2026, "it"), month_name(3, 2026, "es")
('marzo 2026', 'marzo de 2026')
>>> month_span(11, 2026, 2, 2027, "en")
'Nov 2026 – Feb 2027'
"""

from __future__ import annotations

import datetime

from babel import Locale
from babel.dates import format_date, format_interval, get_month_names
from babel.numbers import format_decimal, format_percent

from ...packs import convention
from ..understanding.currency import format_money

__all__ = ["bare_month", "format_money", "format_number", "format_rate", "format_share",
           "month_name", "month_span"]

NBSP = "\xa0"


def _plain(text: str) -> str:
    return text.replace(NBSP, " ")


def format_number(value: float, lang: str) -> str:
    """A count or target: whole numbers grouped, others with at most one decimal."""
    if value == int(value):
        return _plain(format_decimal(int(value), locale=lang))
    return _plain(format_decimal(round(value, 1), locale=lang))


def format_share(share: float, lang: str) -> str:
    """A percentage given in points (12.5 -> "12,5 %" / "12.5%")."""
    gap = convention(lang, "percent_gap")
    return _plain(format_percent(share / 100, format=f"#,##0.0{gap}%", locale=lang))


def format_rate(rate: float, lang: str) -> str:
    """A conversion rate (0.035 -> "3,5 %"), no decimals when whole."""
    pattern = f"#,##0.#{convention(lang, 'percent_gap')}%"
    return _plain(format_percent(rate, format=pattern, locale=lang))


def month_name(month: int, year: int, lang: str) -> str:
    """A calendar month with its year, as written in the language ("marzo de 2026")."""
    pattern = Locale.parse(lang).datetime_skeletons["yMMMM"].pattern
    return _plain(format_date(datetime.date(year, month, 1), pattern, locale=lang))


def bare_month(month: int, lang: str) -> str:
    """A month's name on its own ("marzo", "March"), as used inside a sentence."""
    return get_month_names("wide", context="format", locale=lang)[month]


def month_span(start_month: int, start_year: int, end_month: int, end_year: int,
               lang: str) -> str:
    """A span of months ("nov 2026 – feb 2027"); one month alone is written out in full."""
    start = datetime.date(start_year, start_month, 1)
    end = datetime.date(end_year, end_month, 1)
    if start == end:
        return month_name(start_month, start_year, lang)
    return _plain(format_interval(start, end, "yMMM", locale=lang)).replace("\u2009", " ")
