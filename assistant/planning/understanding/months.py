"""Months, ranges and seasons named in ES/FR/IT/EN, and which of them are busy or quiet.

Month names come from Babel (CLDR); the seasons and festivities from knowledge/understanding.

>>> from assistant.settings import PROJECT_ROOT
>>> from .data import load_understanding_data
>>> data = load_understanding_data(PROJECT_ROOT / "knowledge" / "understanding")
>>> months_in("de noviembre a marzo", data)
[11, 12, 1, 2, 3]
>>> s = seasons("junio, julio y agosto a tope; noviembre y diciembre flojo", data)
>>> s["capacity_months"], s["quiet_months"]
([6, 7, 8], [11, 12])
>>> closed_months("ad agosto chiudiamo tre settimane; dicembre e gennaio fermo", data, "it")
[8]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ...packs import alternation
from ...packs import words as pack_words
from ...settings import LANGUAGES
from ...text import fold
from .data import UnderstandingData, pattern
from .denied import denied_at, negation_before, not_only_blanked
from .verdicts import verdict_of

# Abbreviations that are also common words: a month only right next to a dash ("mar-abr").
AMBIGUOUS = frozenset(pack_words("month_like_words"))
# A month name that is also a common word of one language (Italian "mai" is "never").
NOT_MONTH = {lang: frozenset(pack_words("not_month", (lang,))) for lang in LANGUAGES}
RANGE_GAP = re.compile(rf"^\s*(?:-|\u2013|{alternation('range_to')}|"
                       rf"{alternation('range_to_written')}|{alternation('and')})?\s*$")
RANGE_WORDS = re.compile(rf"^\s*(?:-|\u2013|{alternation('range_to')})\s*$")
# "between October and February", "entre octubre y febrero": a range too
BETWEEN = re.compile(rf"(?:^|\W)(?:{alternation('range_between')})\s*$")
AND_GAP = re.compile(rf"^\s*(?:{alternation('and')})\s*$")


@cache
def month_names() -> dict[str, int]:
    """Folded month names and abbreviations in the four languages -> 1..12."""
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for lang in LANGUAGES:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=lang).items():
                key = fold(name).rstrip(".")
                if len(key) >= 3:
                    names.setdefault(key, number)
    names.update({fold(w): 9 for w in pack_words("september_spellings")})  # "sept", "setiembre"
    return names


@cache
def _month_pattern() -> re.Pattern[str]:
    return pattern([re.escape(n) for n in month_names()])


Mention = tuple[int, int, list[int]]


def mentions(text: str, data: UnderstandingData, lang: str | None = None,
             keep: bool = False, denied: bool = False) -> list[Mention]:
    """(start, end, months) for every month, range or season named, in order (`keep`: also the
    season words that a range beside them replaces; `denied`: also the months denied where they
    stand, "pas en février", which are otherwise no mention of a fact)."""
    low = fold(text)
    names = month_names()
    found: list[Mention] = []
    for match in _month_pattern().finditer(low):
        word = match.group(0)
        if re.match(r"[a-z]", low[match.end():match.end() + 1] or " "):
            continue  # a longer word ("marzo" is not "mar"+"zo"; "mayo" handled by its name)
        near_dash = "-" in low[max(0, match.start() - 2):match.start()] \
            or "-" in low[match.end():match.end() + 2]
        beside = re.match(r"\s+(to|a|al|hasta|au|ad|through|until)\s", low[match.end():]) \
            or re.search(r"\b(to|a|al|hasta|au|ad|through|until|from|de|da|in|en)\s+$",
                         low[max(0, match.start() - 8):match.start()])
        alone = low.strip(" .!,;") == word  # the whole answer: "May", "mar."
        named = len(low) == len(text) and text[match.start()].isupper() and word == "may" \
            and not re.search(r"(^|[.!?]\s*)$", text[:match.start()])  # "... in May" mid-sentence
        if word in AMBIGUOUS and not (near_dash or beside or alone or named):
            continue
        if lang and word in NOT_MONTH.get(lang, ()):
            continue
        found.append((match.start(), match.end(), [names[word]]))
    seasonal: set[int] = set()
    for lang_seasons in data.words["seasons"].values():
        for words, months in lang_seasons.items():
            for match in pattern([words]).finditer(low):
                if not re.match(r"[a-z]", low[match.end():match.end() + 1] or " "):
                    found.append((match.start(), match.end(), list(months)))
                    if words in _four_seasons(data):  # not a festivity ("Noël" stays)
                        seasonal.add(match.start())
    found.sort()
    found = _ranges(low, found)
    dropped = [] if keep else _superseded(low, found, seasonal)
    return [m for m in found if m not in dropped and (denied or not denied_at(low, m[0], m[1]))]


def _deadlines(low: str, data: UnderstandingData) -> list[tuple[int, int]]:
    """Festivities named as a deadline after months written out ("October and November, before
    the Christmas gigs": December is not one of them); none when no month is written."""
    if not any(w in month_names() and w not in AMBIGUOUS for w in re.findall(r"[a-z]+", low)):
        return []
    before = re.compile(rf"\b(?:{'|'.join(data.words.get('before_festivity', []))})\s+"
                        r"(?:the\s+|la\s+|le\s+|il\s+|l')?$")
    festivities = {w for by_lang in data.words["seasons"].values() for w in by_lang} \
        - _four_seasons(data)
    return [(m.start(), m.end()) for words in festivities for m in pattern([words]).finditer(low)
            if before.search(low[max(0, m.start() - 25):m.start()])]


def _superseded(low: str, found: list[Mention], seasonal: set[int]) -> list[Mention]:
    """Season words that a range written out beside them replaces ("en primavera, de septiembre
    a noviembre"); a piece runs to the next ";", "." or "and" ("summer and December": both)."""
    pieces = [m.end() for m in re.finditer(rf"[;.\n]|\b(?:{alternation('and')})\b", low)]

    def piece(at: int) -> int:
        return sum(1 for end in pieces if end <= at)

    ranged = {piece(start) for start, _, months in found
              if start not in seasonal and len(months) > 1}
    return [m for m in found if m[0] in seasonal and piece(m[0]) in ranged]


def _four_seasons(data: UnderstandingData) -> set[str]:
    """The words of the four seasons (those that change months with the hemisphere)."""
    return {w for by_lang in data.words.get("southern_seasons", {}).values() for w in by_lang}


def explicit_first(text: str, data: UnderstandingData, lang: str | None = None) -> str:
    """`text` with the season words that written-out months replace blanked out, so that the
    clause by clause readers below do not count them apart from their range."""
    low = fold(text)
    if len(low) != len(text):
        return text
    seasonal = {m.start() for words in _four_seasons(data)
                for m in pattern([words]).finditer(low)}
    named = mentions(text, data, lang, keep=True, denied=True)
    spans = [m[:2] for m in _superseded(low, named, seasonal)]
    for start, end in spans + _deadlines(low, data):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _ranges(low: str, found: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for item in found:
        if out and len(out[-1][2]) == 1 and len(item[2]) == 1 \
                and (RANGE_WORDS.match(low[out[-1][1]:item[0]]) or _between(low, out[-1], item)):
            first, last = out[-1][2][0], item[2][0]
            span = [(first - 1 + i) % 12 + 1 for i in range((last - first) % 12 + 1)]
            out[-1] = (out[-1][0], item[1], span)
        elif out and item[0] < out[-1][1]:
            continue  # overlapping names ("black friday" inside another match)
        else:
            out.append(item)
    return out


def _between(low: str, first: Mention, second: Mention) -> bool:
    """Whether two months are the ends of a "between ... and ..." range."""
    return bool(AND_GAP.match(low[first[1]:second[0]]) and BETWEEN.search(low[:first[0]]))


def months_in(text: str, data: UnderstandingData, lang: str | None = None,
              denied: bool = False) -> list[int]:
    """Every month named in `text`, ranges expanded, in the order they appear (`denied`: the
    denied ones too)."""
    seen: list[int] = []
    for _, _, months in mentions(text, data, lang, denied=denied):
        seen += [m for m in months if m not in seen]
    return seen


def _without_months(folded: str, data: UnderstandingData, lang: str | None) -> str:
    spans = mentions(folded, data, lang, denied=True)
    for start, end, _ in reversed(spans):
        folded = folded[:start] + " " + folded[end:]
    filler = rf"\b({alternation('month_fillers')})\b"
    return re.sub(filler, " ", re.sub(r"[()\-–:]", " ", folded))


def closed_months(text: str, data: UnderstandingData, lang: str | None = None) -> list[int]:
    """Months the owner says the business is shut ("ad agosto chiudiamo", "en août on ferme"),
    apart from months that are only slow ("fermo", "muerto")."""
    closed_words = data.word_pattern("closed")
    out: list[int] = []
    closing = False  # the segment before ended closed: a list of months alone goes on with it
    # a sentence's end ends the list ("fermés : décembre, janvier. De juin à août, complet")
    for segment in re.split(rf"[,]|\s-\s|\s\u2014\s|\b(?:{alternation('but')})\b|([;\n.!?])",
                            text):
        if segment is None:  # where a comma, a dash or "but" parts it
            continue
        if segment in (";", "\n", ".", "!", "?"):
            closing = False
            continue
        clauses: list[str] = []
        pending = ""
        # "luglio e agosto chiudiamo"
        for part in re.split(rf"\s(?:{alternation('and')})\s", segment):
            if not re.search(r"[a-z]{3,}", _without_months(fold(part), data, lang)):
                pending += f" {part}"  # months alone: they belong to what follows
                continue
            clauses.append(f"{pending} {part}")
            pending = ""
        if clauses and pending:  # "we close in January and February": the list goes on
            clauses[-1], pending = f"{clauses[-1]} {pending}", ""
        if not clauses and closing:  # "cerramos en julio, agosto y septiembre"
            out += [m for m in months_in(pending, data, lang) if m not in out]
            continue
        closing = False
        for clause in (c for c in [*clauses, pending] if c.strip()):
            folded = fold(clause)
            closing = any(not negation_before().search(folded[:m.start()])
                          for m in closed_words.finditer(folded))
            if closing:
                out += [m for m in months_in(clause, data, lang) if m not in out]
    return sorted(out)


SEASONS = ("decision_months", "capacity_months", "quiet_months", "closed_months")
BOTH = ("decision_months", "capacity_months")  # a busy word that says neither
Guess = Callable[[str], "tuple[str, ...] | None"]  # a clause's seasons by example (season_guess)


def seasons(text: str, data: UnderstandingData, lang: str | None = None,
            guess: Guess | None = None) -> dict[str, list[int]]:
    """The four seasons of an answer, clause by clause: months customers buy most (decision),
    months at capacity, quiet (open but slow: "morti", "flojo", "calano", low season) and
    closed. A busy word that says neither ("mesi forti", "peak") counts for both of the first.
    A clause with none of the season words is read by `guess` (example clauses), when given.

    >>> from assistant.settings import PROJECT_ROOT
    >>> from .data import load_understanding_data
    >>> data = load_understanding_data(PROJECT_ROOT / "knowledge" / "understanding")
    >>> s = seasons("mesi forti: febbraio, maggio e dicembre; l'estate è bassa stagione", data)
    >>> s["decision_months"], s["capacity_months"], s["quiet_months"]
    ([2, 5, 12], [2, 5, 12], [6, 7, 8])
    >>> seasons("Le vendite calano in estate", data, "it")["quiet_months"]
    [6, 7, 8]
    >>> s = seasons("Customers buy in November; we are full in December; closed in August", data)
    >>> s["decision_months"], s["capacity_months"], s["closed_months"]
    ([11], [12], [8])
    >>> s = seasons("We're busiest from May to September; adults sign up in March and April",
    ...             data, "en")  # busy is the work; signing up is when they decide
    >>> s["decision_months"], s["capacity_months"]
    ([3, 4], [5, 6, 7, 8, 9])
    """
    found: dict[str, list[int]] = {k: [] for k in SEASONS}
    busy: list[int] = []  # months of a busy word that says neither ("lavoriamo soprattutto")
    told = False  # a clause said when customers buy ("si iscrivono a marzo e aprile")

    def assign(verdict: tuple[str, ...], months: list[int]) -> None:
        nonlocal told
        busy.extend(months if verdict == BOTH else [])
        told = told or (verdict == ("decision_months",) and bool(months))
        _assign(found, verdict, months)

    text = explicit_first(not_only_blanked(text), data, lang)
    closed = closed_months(text, data, lang)
    for segment in re.split(r"[;\n.!?]|\s-\s|\s—\s", text):
        # bare months wait for the next verdict ("junio, julio y agosto: a tope"); a sentence's
        # months only for one naming none ("busiest months are May and June, July is quiet")
        pending: list[int] = []
        standing: list[int] = []
        label = listed = None  # "mois calmes : janvier et février"; "mejores: marzo, abril"
        for clause in [part for piece in re.split(rf",|:|\b(?:{alternation('but')})\b", segment)
                       for part in _own_clauses(piece, data, lang)]:
            months = [m for m in months_in(clause, data, lang) if m not in closed]
            folded = fold(clause)
            rest = _without_months(folded, data, lang)
            verdict = verdict_of(folded, rest, data)
            if verdict is None and guess is not None and re.search(r"[a-z]{3,}", rest) \
                    and not data.word_pattern("neutral").search(folded):
                verdict = guess(clause)  # "d'estate lavoriamo tantissimo, d'inverno poco"
            if not months:
                listed = None
                if verdict and pending + standing:
                    assign(verdict, pending + standing)
                    pending, standing = [], []
                elif verdict:
                    label = verdict
                continue
            bare = not re.search(r"[a-z]{3,}", rest)  # months only: the list before goes on
            verdict = verdict or label or (listed if bare else None)
            listed = verdict
            if verdict is None:
                if bare:
                    (standing if standing and not pending else pending).extend(months)
                elif not data.word_pattern("neutral").search(folded):
                    standing, pending = standing + pending + months, []
                else:
                    pending = []
                continue
            assign(verdict, pending + months)
            pending = []
        if pending + standing:  # months said with no word of what they are: when customers
            _assign(found, ("decision_months",), pending + standing)  # buy, never "full"
    if told:  # the busy months are when the work is, not when customers decide
        found["decision_months"] = [m for m in found["decision_months"] if m not in busy]
    found["closed_months"] = closed
    return {k: sorted(v) for k, v in found.items()}


def _own_clauses(clause: str, data: UnderstandingData, lang: str | None) -> list[str]:
    """A clause cut at "and" where each side names its months and says what they are ("we are
    full in July and quiet in November"); whole when one side says nothing of its own, for the
    word after both speaks for both ("SXSW in March and ACL in October are huge", "June, July
    and August: flat out"), or it is a range's end ("between October and February").

    >>> from assistant.settings import PROJECT_ROOT
    >>> from .data import load_understanding_data
    >>> data = load_understanding_data(PROJECT_ROOT / "knowledge" / "understanding")
    >>> _own_clauses("full in July and quiet in November", data, "en")
    ['full in July', 'quiet in November']
    >>> _own_clauses("between October and February", data, "en")
    ['between October and February']
    """
    parts = re.split(rf"(\s(?:{alternation('and')})\s)", clause)
    if len(parts) < 3:
        return [clause]

    def words(part: str) -> str:  # what the part says beside its months
        return _without_months(fold(part), data, lang) if months_in(part, data, lang) else ""

    def says(part: str) -> bool:  # its months, and a word of what they are
        return verdict_of(fold(part), words(part), data) is not None and bool(words(part))

    out = [parts[0]]
    for joiner, part in zip(parts[1::2], parts[2::2], strict=True):
        if says(out[-1]) and says(part) and not BETWEEN.search(fold(out[-1])):
            out.append(part)
        else:
            out[-1] += joiner + part
    return out


def _assign(found: dict[str, list[int]], where: tuple[str, ...], months: list[int]) -> None:
    taken = {m for k in SEASONS for m in found[k]}
    if where == ("decision_months",):  # new customers may sign up while regulars are away
        taken -= set(found["quiet_months"])
    for key in where:
        found[key] += [m for m in dict.fromkeys(months) if m not in taken and m not in found[key]]
