"""Each goal in the owner's own metric: a goal answer cut into the goals it states (one per
clause with its own number or its own thing, "15 nouveaux bars, plus de monde à la taproom et la
note Google de 4,1 à 4,6") and each goal's metric in the owner's words ("desk occupancy",
"nouveaux bars clients", "note Google"). Language words live in profile.json."""

from __future__ import annotations

import re
from typing import Any

from ...text import fold
from .numbers import quantities

NUMBER = re.compile(r"\d[\d.,\u00a0\u202f ]*\d\s?%?|\d\s?%?")
MIN_WORDS = 2


def split_owner_goals(text: str, lang: str, data: dict[str, Any]) -> list[str]:
    """The clauses of a goal answer that each state a goal, in the owner's words."""
    pieces = [text]
    for joiner in data["goal_joiners"].get(lang, []) + data["goal_joiners"]["en"]:
        pieces = [p for piece in pieces for p in piece.split(joiner)]
    pieces = [p for piece in pieces for p in _commas(piece)]
    clauses: list[str] = []
    for piece in (p.strip(" ,;.") for p in pieces):
        if not piece:
            continue
        first = piece.split()[0].lower()
        # "ora ne facciamo 25" is today's level; "(aujourd'hui 60 %)" after a figure of the
        # piece's own ("remplir la flotte de 25 VAE") only annotates that goal
        outside = re.sub(r"\([^)]*\)", " ", piece)
        today = re.search(r"(?<!\w)(?:" + "|".join(map(re.escape, data["now_words"]))
                          + r")(?!\w)", (outside if states_figures(outside) else piece).lower())
        fragment = first in data["fragment_leads"] or len(piece.split()) < MIN_WORDS \
            or bool(today)
        if clauses and fragment:
            clauses[-1] = _span(text, clauses[-1], piece)
        else:
            clauses.append(piece)
    return clauses


def states_figures(clause: str) -> bool:
    """Whether a clause states a figure of its own (a year, "juin 2027", is none).

    >>> states_figures("le recensioni da 4,3 a 4,7"), states_figures("la sala entro il 2027")
    (True, False)
    """
    return any(not re.fullmatch(r"(?:19|20)\d\d", m.group().strip())
               for m in NUMBER.finditer(clause))


def _commas(piece: str) -> list[str]:
    """A piece cut at its commas; a part without a number is kept with the next part when that
    one has the numbers ("llenar entre semana, pasar de 25 mesas a 40" is one goal)."""
    parts = re.split(r",\s+(?=[^\d])", piece)
    out: list[str] = []
    pending = ""
    for i, part in enumerate(parts):
        if not NUMBER.search(part) and i + 1 < len(parts) and NUMBER.search(parts[i + 1]):
            pending = f"{pending}{part}, "
            continue
        out.append(pending + part)
        pending = ""
    return out


def _span(text: str, first: str, last: str) -> str:
    """The owner's words from `first` to `last`, as written."""
    start = text.find(first)
    end = text.find(last, max(start, 0)) + len(last)
    return text[start:end].strip(" ,;.") if 0 <= start < end else f"{first}, {last}"


ELIDED = ("'", "’")  # a word cut before the next one: "all'", "dell'", "nell'"


def metric_of(clause: str, lang: str, data: dict[str, Any]) -> str:
    """The thing a goal counts, in the owner's words: before its numbers when something is named
    there ("la note Google de 4,1 à 4,6"), else after them ("de 55 % à 85 % desk occupancy")."""
    spans = [(q.start, q.end) for q in quantities(clause, words=False)]
    if not spans:
        return _content(clause, lang, data)
    low = clause
    before = _content(low[:spans[0][0]], lang, data)
    pieces = [low[end:(spans[i + 1][0] if i + 1 < len(spans) else len(low))]
              for i, (_, end) in enumerate(spans)]
    after = next((words for piece in pieces
                  if (words := _content(re.split(r"[,(]", piece.lstrip(" %"))[0], lang, data))), "")
    if before and not (after and _verb_alone(before, clause)):
        return before
    return after or _content(clause, lang, data) or clause.strip()


def _verb_alone(before: str, clause: str) -> bool:
    """Whether the one word before a goal's numbers is the clause's first word: its verb, in
    any words the owner chose ("supply 60 delis", "rifornire 45 salumerie"), not what it
    counts (that comes after the number)."""
    first = clause.split()[0].strip(",;:") if clause.split() else ""
    return len(before.split()) == 1 and before == first


def _content(text: str, lang: str, data: dict[str, Any]) -> str:
    """`text` without the goal's verb and the connectors at its edges."""
    words = [w for w in NUMBER.sub(" ", text).replace(":", " ").split()
             if re.search(r"[^\W\d_]", w)]  # a sign alone ("+40 services") is no word
    verbs = {v.lower() for v in data["goal_verbs"].get(lang, [])}
    fillers = {c.lower() for c in data["connectors"]}
    while words and (words[0].lower().strip(",") in verbs | fillers
                     or words[0].lower().startswith(("l'", "d'", "qu'")) and len(words[0]) <= 3
                     or words[0].endswith(ELIDED)):  # "arrivare all'85 %": "all'" counts nothing
        words = words[1:]
    if words and words[0].lower()[:2] in ("l'", "d'") and len(words[0]) > 3:
        words[0] = words[0][2:]
    while words and (words[-1].lower().strip(",") in fillers or words[-1].endswith(ELIDED)):
        words = words[:-1]
    return " ".join(words).strip(" ,;.")


def level_today(metric: str, context: str, data: dict[str, Any]) -> float | None:
    """Today's level of the thing a goal adds to, from the owner's figures of today: "15
    nouveaux bars clients" and "nous livrons 25 bars" -> 25; None when no figure counts it."""
    new = {fold(w) for w in data["new_words"]}
    head = next((w for w in re.findall(r"\w+", fold(metric)) if w not in new and len(w) > 2), "")
    if not head:
        return None
    stem = head[:max(4, len(head) - 2)]
    low = fold(context)
    for q in quantities(context, words=False):
        after = re.findall(r"\w+", low[q.end:q.end + 40])[:3]
        if q.unit is None and any(w.startswith(stem) for w in after):
            return q.value
    return None
