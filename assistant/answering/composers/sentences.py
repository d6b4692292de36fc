"""Sentences of a passage as the grounded composer reads them: the body under a chunk's
heading, the heading itself, which sentences say something, runs of neighbours quoted as one,
and which of a question's words tell sentences apart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...text import words

if TYPE_CHECKING:
    from .base import Passage


def discriminating(focus: frozenset[str], sentences: list[frozenset[str]]) -> frozenset[str]:
    """The question's own words that tell sentences apart: a word most candidate sentences
    share (the subject of an uploaded report, say) says nothing about which one answers.

    >>> sorted(discriminating(frozenset({"club", "fas"}), [{"club"}, {"club", "fas"}, {"club"}]))
    ['fas']
    """
    limit = max(2, len(sentences) // 4)
    return frozenset(k for k in focus if sum(k in s for s in sentences) <= limit)


def join_runs(lead: Passage, picked: list[str]) -> str:
    """The lead's sentences as they stand in the card: neighbours joined by a space, a gap
    marked by the omission sign […], so every piece is a verbatim quote of the passage.

    >>> from assistant.documents import Hit
    >>> from assistant.answering.composers.base import Passage
    >>> text = "Uno dos. Tres cuatro. Cinco seis."
    >>> card = Passage(1, Hit("c", text, "s", "T", "concept", "es", 0, 1.0))
    >>> join_runs(card, ["Uno dos.", "Tres cuatro."])
    'Uno dos. Tres cuatro.'
    >>> join_runs(card, ["Uno dos.", "Cinco seis."])
    'Uno dos. […] Cinco seis.'
    """
    out: list[str] = []
    for text in picked:
        if out:
            out.append(" " if _adjacent(lead, out[-1], text) else " […] ")
        out.append(text)
    return "".join(out)


def _adjacent(passage: Passage, first: str, second: str) -> bool:
    """Whether two sentences follow each other, separated by one space, in the passage."""
    return f"{first} {second}" in " ".join(passage.hit.text.split())


def usable(text: str, min_chars: int, min_words: int) -> bool:
    """A sentence that says something: long enough, not a question, not a heading or a bare
    lead-in ending in a colon, not an aside in brackets alone.

    >>> usable("(KPI: new customers; effort: medium)", 30, 5)
    False
    """
    stripped = text.rstrip()
    if len(stripped) < min_chars or len(words(stripped)) < min_words:
        return False
    if stripped.startswith("(") and stripped.rstrip(".").endswith(")"):
        return False
    if stripped.startswith("#") or stripped.endswith(("?", ":", "：")):
        return False
    return not (stripped.isupper() or (not ends_a_sentence(stripped) and len(stripped) < 100))


def ends_a_sentence(text: str) -> bool:
    """Whether a line ends like a sentence: a closing quote counts only after a full stop (a
    heading may end in a quoted name), a closing bracket does (a guide's "(KPI: ...)" lines).

    >>> ends_a_sentence("Informe anual 2024 — Programa de fidelización «Club Grano»")
    False
    >>> ends_a_sentence("Nos dijeron: «vendemos más.»")
    True
    """
    if text.endswith((".", "!", "…", ")")):
        return True
    return text.endswith(("»", '"', "”")) and text[:-1].rstrip().endswith((".", "!", "…"))


def heading(text: str) -> str:
    """A chunk's leading heading line(s): what `body` leaves out.

    >>> heading("Qué no ha funcionado\\nLa captación se frenó en verano.")
    'Qué no ha funcionado'
    """
    rest = body(text)
    return text[: text.find(rest)].strip(" #\n") if rest and rest in text else ""


def body(text: str) -> str:
    """A chunk's text without its leading heading line(s) (lines that do not end a sentence)."""
    lines = text.splitlines()
    while len(lines) > 1 and (not lines[0].strip() or lines[0].startswith("#") or (
            len(lines[0]) <= 300 and not lines[0].rstrip().endswith((".", "!", ";", "»", '"')))):
        lines = lines[1:]
    return "\n".join(lines).strip()
