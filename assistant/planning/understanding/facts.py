"""The facts inside free answers: customers today, average sale, margin, hours a week, team
size, regulated sector and the month the plan starts."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from ...lexicon import words_of
from ...packs import alternation
from ...packs import words as pack_words
from ...text import fold
from .data import UnderstandingData
from .months import months_in
from .numbers import quantities


def first_count(text: str) -> int | None:
    """The first plain number ("unos 2.600 pacientes" -> 2600)."""
    found = [q for q in quantities(text, words=False) if q.unit in (None,)]
    return int(found[0].value) if found else None


def amount(text: str) -> float | None:
    """A money amount: the number written with a currency, else the largest number."""
    found = quantities(text, words=False)
    money = [q for q in found if q.unit == "currency"]
    if money:
        return money[0].value
    plain = [q.value for q in found if q.unit is None]
    return max(plain) if plain else None


def sale_period(text: str) -> str | None:
    """"month" when a sale is a monthly fee ("S/ 180 al mes por socia", "95 € par mois",
    "a £250 monthly retainer"), else None (one payment, or a year's).

    >>> sale_period("S/ 180 al mes por socia"), sale_period("£60 a wheel")
    ('month', None)
    """
    low = fold(text)
    return "month" if any(re.search(rf"(?<![a-z]){re.escape(fold(w))}(?![a-z])", low)
                          for w in words_of("per_month")) else None


def margin(text: str) -> float | None:
    """A gross margin as a fraction ("65%", "margine circa il 50 per cento" -> 0.5)."""
    found = quantities(text, words=False)
    pick = next((q for q in found if q.unit == "percent"), found[0] if found else None)
    if pick is None or not 0 < pick.value <= 100:
        return None
    return round(pick.value / 100 if pick.value > 1 else pick.value, 4)


@cache
def hours_mark() -> re.Pattern[str]:
    """A number of hours in folded text, the number first ("4 h", "10 ore") or the hour word
    first ("le ore sono 4", "hours: 6")."""
    hours = alternation("hour_words")
    return re.compile(rf"\d\s*(?:h|hrs?|{hours})\b|(?<![a-z])(?:{hours})(?![a-z])"
                      r"[^\d,;.!?]{0,16}?\d")


def hours_named_first(low: str) -> re.Match[str] | None:
    """The hours said word first ("le ore sono 4 a settimana", "hours: 6"): the hour word,
    a few words with no number or clause end between, then the number (group 1)."""
    return re.search(rf"(?<![a-z])(?:{alternation('hour_words')})(?![a-z])[^\d,;.!?]{{0,16}}?"
                     r"(?<![\d.,])(\d+(?:[.,]\d+)?)(?![\d%])", low)


def hours_per_week(text: str, data: UnderstandingData) -> float | None:
    """Hours a week for marketing ("2h por semana", "un par de horas", "media jornada", "le
    ore sono 4 a settimana").

    >>> from .data import load_understanding_data
    >>> from ...settings import PROJECT_ROOT
    >>> data = load_understanding_data(PROJECT_ROOT / "knowledge" / "understanding")
    >>> hours_per_week("le ore sono 4 a settimana, non 2", data)
    4.0
    >>> hours_per_week("qualche ora a settimana, 2 persone", data) is None
    True
    """
    found = [q for q in quantities(text) if q.unit == "hours"]
    if found:
        return found[-1].value if len(found) > 1 and "marketing" in fold(text) else found[0].value
    low = fold(text)
    named = hours_named_first(low)
    if named and not data.word_pattern("persons").match(low[named.end():].lstrip()):
        return float(named.group(1).replace(",", "."))
    for value, words in data.words.get("approx_hours", {}).items():  # "une dizaine d'heures"
        if re.search(r"(?<![a-z])(?:" + "|".join(words) + r")(?![a-z])", low):
            return float(value)
    if re.search(rf"\b({alternation('part_time')})\b", low):
        return 20.0
    if re.search(rf"\b({alternation('full_time')})\b", low):
        return 40.0
    return None


ARTICLES = frozenset(pack_words("indefinite_articles"))


def team_size(text: str, data: UnderstandingData) -> int | None:
    """People who can do the work: 1 for "trabajo sola", "just me"; counted otherwise."""
    low = fold(text)
    words_num = {w: q.value for q in quantities(text) for w in [low[q.start:q.end]]}
    for regex in data.words["team_counts"]:
        match = re.search(rf"\b{regex}", low)
        if match:
            raw = match.group(1)
            value = words_num.get(raw) if not raw.isdigit() else float(raw)
            if value:
                return int(value)
    persons = data.word_pattern("persons")
    person = data.word_alternation("persons")  # "(?:wife|partner|…)", to place in a pattern
    # "gli istruttori sono cinque": the count after the people
    after = re.search(rf"\b(?:{person})\w*\s+(?:{alternation('team_copulas')})\s+(\d+|[a-z]+)\b",
                      low)
    raw = after.group(1) if after else ""
    value = float(raw) if raw.isdigit() else words_num.get(raw)
    if value:
        return int(value)
    me = re.search(rf"(?<![a-z])({alternation('first_person')})(?![a-z])", low)
    solo = data.word_pattern("solo").search(low)
    others = 0
    for q in quantities(text):
        if low[q.start:q.end] in ARTICLES:
            continue  # "une apprentie": counted once, as a single person, below
        after = low[q.end:q.end + 30]
        if q.unit is None and persons.match(after.strip()) or re.match(
                rf"\s*(?:[a-z]+\s)?(?:{person})", after):
            others += int(q.value)
    people = [m.group(1) for m in re.finditer(
        rf"\b({alternation('person_determiners')})\s+(?:[a-z-]+\s)?({person})\b", low)]
    singles = len(people)
    theirs = [p for p in people if p in pack_words("my_words")]
    helped = re.search(rf"\b(?:{alternation('together_with')})\s+(?:[a-z]+\s){{0,2}}(?:{person})",
                       low)
    if solo and helped and not others:
        return 1 + max(1, singles)  # "je suis seule avec une apprentie": two
    if solo and not others and not theirs:
        return 1  # "sono il maestro e unico istruttore": the person named is the owner
    if others or singles:
        return others + singles + (1 if me or solo or theirs else 0)  # "my wife": and me
    return None


def regulated(text: str, business_type: str, data: UnderstandingData) -> str | None:
    """The regulated sector the answers point to (constraints first, then the business)."""
    from .data import pattern

    low = fold(text)
    for sector, words in data.cues["regulated"]:
        if pattern(words).search(low):
            return sector
    return data.cues["regulated_by_type"].get(business_type)


# a month written in figures, as owners write dates in every language: "03/2027", "3.2027",
# "2027-03"
MONTH_YEAR = re.compile(r"(?<![\d/.-])(0?[1-9]|1[0-2])\s*[/.-]\s*(20\d\d)\b")
YEAR_MONTH = re.compile(r"\b(20\d\d)-(0[1-9]|1[0-2])(?![\d-])")


def month_in_figures(text: str) -> tuple[int, int] | None:
    """(year, month) of a month written as figures, or None: a start given as "03/2027" is a
    date the owner chose, language aside."""
    found = MONTH_YEAR.search(text)
    if found:
        return int(found.group(2)), int(found.group(1))
    found = YEAR_MONTH.search(text)
    return (int(found.group(1)), int(found.group(2))) if found else None


def start_month(text: str, today: date, data: UnderstandingData,
                lang: str | None = None) -> tuple[int, int]:
    """(year, month) the plan starts: the month named, else the month after `today`."""
    following = (today.year + today.month // 12, today.month % 12 + 1)
    if not text or data.word_pattern("next_month").search(fold(text)):
        return following
    written = month_in_figures(text)
    if written:
        return written
    months = months_in(text, data, lang)
    if not months:
        return following
    month = months[0]
    year_match = re.search(r"\b(20\d\d)\b", text)
    if year_match:
        return int(year_match.group(1)), month
    return (today.year if month > today.month else today.year + 1), month
