"""A goal answer split into the goals it holds, each with the numbers in its own words.

"llegar a 450 socios y reducir las bajas de verano a la mitad" holds two goals: acquisition
(target 450, so +150 when 300 today) and loyalty (-50 %)."""

from __future__ import annotations

import re
from functools import cache

from ...packs import alternation, words
from ...text import fold
from .classify import PrototypeClassifier, ranked
from .data import UnderstandingData, pattern
from .model import GoalUnderstood
from .numbers import Quantity, quantities

SPLIT = re.compile(rf"\s*(?:[;:]|,(?!\d)|\s(?:{alternation('goal_joiners')})\s|"
                   rf"\s(?:{alternation('and')})\s+(?:{alternation('also')})\s)\s*", re.IGNORECASE)
MIN_SCORE = 0.42  # below this a fragment is not a goal of its own (merged into the previous)
_NUM = r"(\d[\d.,\u00a0\u202f ]*\d|\d)\s?(%|k)?"
# a clock time, not a quantity: "7am", "18h30", "dopo le 16", "after 5"
_TIME_AFTER = re.compile(r"^\s?(am|pm|h\d|:\d\d)\b")
_TIME_BEFORE = re.compile(rf"\b({alternation('clock_before')})\s+"
                          rf"({alternation('clock_articles')})?\s*$")
_NEW = re.compile(rf"^({alternation('more_prefixes')})")
_FILLER = set(words("goal_fillers"))
_FILL = re.compile(rf"\b(?:{alternation('fill_stems')})\w*")  # "remplir la flotte": all of it


def split_goals(text: str, classifier: PrototypeClassifier,
                data: UnderstandingData) -> list[tuple[str, str, float]]:
    """(goal id, clause, score) per goal the text states, first = primary."""
    parts = [p for p in SPLIT.split(text) if p and p.strip()]
    clauses: list[list[str]] = []
    for part in parts:
        if clauses and not _has_goal_cue(part, classifier):
            clauses[-1].append(part)
        else:
            clauses.append([part])
    if not clauses:
        return []
    out: list[tuple[str, str, float]] = []
    for piece in (_join(text, c) for c in clauses):
        used = [g for g, _, _ in out]
        scores = classifier.scores(piece)
        hits = classifier.keyword_hits(piece)
        fresh = [g for g, n in hits.items() if n and g not in used]
        best = max(fresh, key=scores.__getitem__) if fresh else ranked(scores)[0][0]
        if out and (best in used or (not fresh and scores[best] < MIN_SCORE)):
            gid, previous, pscore = out[-1]
            out[-1] = (gid, _join(text, [previous, piece]), pscore)
            continue
        out.append((best, piece, scores[best]))
    return out


def _has_goal_cue(part: str, classifier: PrototypeClassifier) -> bool:
    return any(classifier.keyword_hits(part).values())


def _join(text: str, parts: list[str]) -> str:
    """The owner's words from the first part to the last, as they wrote them."""
    start = text.find(parts[0])
    end = text.find(parts[-1], max(start, 0)) + len(parts[-1])
    if start < 0 or end < start:
        return " ".join(parts)
    return text[start:end].strip(" ,;.")


def read_numbers(goal_id: str, clause: str, data: UnderstandingData,
                 current_customers: int | None, context: str = "") -> GoalUnderstood:
    """A goal with its current level, target and change, from its own clause; `context` (the
    owner's answers about today) gives the current level of the same thing ("18 weddings a
    year" today, "book 25 weddings": 25 is the level wanted, so 7 more)."""
    low = fold(clause)
    found = [q for q in quantities(clause, words=False)
             if not _is_year(q, low) and q.unit != "hours" and not _is_time(low, q)]
    current = target = change = None
    unit: str | None = None
    reduce = bool(data.word_pattern("reduce").search(low))
    pair = re.search(rf"(?:\b(?:{alternation('from_level')})\s+)(?:[a-z]+\s+)?{_NUM}\s*"
                     rf"(?:\S+\s+)?(?:{alternation('to_level')})\s+"
                     rf"(?:(?:{alternation('about')})\s+)?{_NUM}", low)
    if pair and len(found) >= 2:
        first, second = found[0], found[1]
        current, target = first.value, second.value
        unit = _unit(first, second)
    elif len(found) >= 2 and re.search(rf"\b({alternation('current_level_cues')})\b", low):
        target, current = found[0].value, found[1].value
        if data.word_pattern("target_cues").search(low[found[1].start - 25:found[1].start]):
            target, current = current, target  # "I have 85 now, I want to get to 120"
        unit = _unit(found[0], found[1])
        rate = [q for q in found[:2] if q.unit == "percent"]
        if len(rate) == 1:  # "fill our 25 e-bikes (60 % rented today)": a capacity, a rate
            current, target = rate[0].value, 100.0 if _FILL.search(low) else None
    elif found:
        q = found[0]
        unit = _unit(q, q)
        before = low[:q.start]
        if data.word_pattern("target_cues").search(before[-25:]) \
                or re.search(r"\b(al|to)\s*$", before):
            target = q.value
            if reduce and unit == "percent":
                pass
        elif re.search(r"\b(del|de|by|of|du)\s*$", before) and unit == "percent":
            change = -q.value if reduce else q.value
        else:
            change = q.value
    if target is None and change is None and current is None:
        if data.word_pattern("half").search(low):
            change, unit = -50.0, "percent"
        elif data.word_pattern("double").search(low):
            change, unit = 100.0, "percent"
    if len(found) == 1 and current is None and unit is None and context:
        today = same_thing_today(low, found[0], context)
        if today is not None and today < found[0].value:
            current, target, change = today, found[0].value, None
    if target is not None and current is None and unit is None and goal_id == "acquisition" \
            and current_customers and current_customers < target:
        current = float(current_customers)
    if target is not None and current is not None and change is None:
        change = target - current
    if unit is None and (target or change) and goal_id in ("acquisition", "launch"):
        unit = "customers"
    period = rate_period(low, found, data) if unit == "customers" else None
    return GoalUnderstood(goal_id=goal_id, text=clause, current=current, target=target,
                          change=change, unit=unit, period=period)


def rate_period(low: str, found: list[Quantity], data: UnderstandingData) -> str | None:
    """The period a count is given per, named right after one of its numbers: "40 coperti a
    sera" -> evening, "30 new patients a month" -> month; None for a count over the plan."""
    for q in found:
        after = low[q.end:q.end + 40].replace("/", " /")  # "40 services/month"
        for period in ("evening", "day", "week", "month"):
            if _period_pattern(data, period).search(after):
                return period
    return None


@cache
def _period_pattern(data: UnderstandingData, period: str) -> re.Pattern[str]:
    return pattern(list(data.words["periods"][period]))


def same_thing_today(low: str, wanted: Quantity, context: str) -> float | None:
    """The number in `context` that counts the same thing as `wanted` in the goal (same noun,
    both new or both not): "30 pacientes nuevos al mes" and "unos 18 pacientes nuevos al mes"."""
    noun, new = _counted(low, wanted)
    if not noun:
        return None
    ctx = fold(context)
    for q in quantities(context, words=False):
        if q.unit is None and not _is_year(q, ctx) and _counted(ctx, q) == (noun, new):
            return q.value
    return None


def _counted(low: str, q: Quantity) -> tuple[str, bool]:
    """What a number counts (its noun, singular) and whether it counts new ones."""
    words = re.findall(r"[a-z]+", low[q.end:q.end + 40])[:4]
    before = re.findall(r"[a-z]+", low[max(0, q.start - 12):q.start])[-1:]
    new = any(_NEW.match(w) for w in [*words[:2], *before])
    noun = next((w for w in words if not _NEW.match(w) and w not in _FILLER and len(w) > 2), "")
    return re.sub(r"(es|s)$", "", noun) if len(noun) > 4 else noun, new


def _is_time(low: str, q: Quantity) -> bool:
    return bool(_TIME_AFTER.match(low[q.end:q.end + 4])) or (
        q.value <= 24 and bool(_TIME_BEFORE.search(low[max(0, q.start - 20):q.start])))


def _unit(first: Quantity, second: Quantity) -> str | None:
    units = {first.unit, second.unit} - {None}
    return "percent" if "percent" in units else "currency" if "currency" in units else None


def _is_year(q: Quantity, low: str = "") -> bool:
    """A year ("2026"), not a count written with a separator ("2,000 users")."""
    written = low[q.start:q.end] if low else ""
    return q.value == int(q.value) and 1990 <= q.value <= 2100 and not re.search(r"\D", written)
