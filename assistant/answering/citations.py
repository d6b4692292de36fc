"""Citation markers: keep those that map to a passage, drop the rest, even mid-stream. Text
inside «…» is a verbatim quote: a "[7]" there is the document's own and is left as it is."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

MARKER = re.compile(r"\[(\d{1,3})\]")
_SPACED_MARKER = re.compile(r"[ \t]*\[(\d{1,3})\]")  # an invalid marker goes with its space
_MAX_PENDING = 6  # "[123]" is the longest marker we accept
_QUOTES = re.compile(r"([«»\n])")


def clean_markers(text: str, valid: set[int]) -> str:
    """Remove markers that point at no passage.

    >>> clean_markers("A [1] B [7] C [2][9].", {1, 2})
    'A [1] B C [2].'
    >>> clean_markers("- «Sales grew 18% [7].» [1] [7]", {1})
    '- «Sales grew 18% [7].» [1]'
    """
    out, _ = outside_quotes(text, 0, lambda part: _SPACED_MARKER.sub(
        lambda m: m.group(0) if int(m.group(1)) in valid else "", part))
    return out


def outside_quotes(text: str, depth: int, change: Callable[[str], str]) -> tuple[str, int]:
    """`text` with `change` applied outside «…» quotes (nested ones too), starting `depth`
    quotes deep; the depth at its end. A quote never spans lines (an unclosed « in a quoted
    sentence must not swallow the rest of an answer).

    >>> outside_quotes("a «b «c» d» e", 0, str.upper)
    ('A «b «c» d» E', 0)
    >>> outside_quotes("a «b\\nc", 0, str.upper)
    ('A «b\\nC', 0)
    """
    out: list[str] = []
    for part in _QUOTES.split(text):
        if part == "«":
            depth += 1
        elif part == "»":
            depth = max(0, depth - 1)
        elif part == "\n":
            depth = 0
        elif depth == 0:
            part = change(part)
        out.append(part)
    return "".join(out), depth


def cited(text: str, valid: set[int]) -> list[int]:
    """Valid markers in order of first appearance.

    >>> cited("x [2] y [1] z [2] [8]", {1, 2})
    [2, 1]
    """
    seen: list[int] = []
    found: list[re.Match[str]] = []
    outside_quotes(text, 0, lambda part: found.extend(MARKER.finditer(part)) or part)
    for match in found:
        number = int(match.group(1))
        if number in valid and number not in seen:
            seen.append(number)
    return seen


def filter_stream(deltas: Iterable[str], valid: set[int],
                  numbers: dict[int, int] | None = None) -> Iterator[str]:
    """Pass text through as it arrives, holding back only a possible marker until it closes.
    With `numbers`, valid markers are renumbered 1..n in order of first appearance (and
    `numbers` records passage number -> shown number).

    >>> "".join(filter_stream(["See [", "1", "] and [", "9] ok"], {1}))
    'See [1] and  ok'
    >>> shown = {}
    >>> "".join(filter_stream(["A [3] B [1] C [3]"], {1, 3}, shown)), shown
    ('A [1] B [2] C [1]', {3: 1, 1: 2})
    """

    def keep(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if number not in valid:
            return ""
        if numbers is None:
            return match.group(0)
        return f"[{numbers.setdefault(number, len(numbers) + 1)}]"

    pending, depth = "", 0
    for delta in deltas:
        pending += delta
        out, pending = _split_pending(pending)
        if out:
            out, depth = outside_quotes(out, depth, lambda part: MARKER.sub(keep, part))
            yield out
    if pending:
        yield outside_quotes(pending, depth, lambda part: MARKER.sub(keep, part))[0]


def _split_pending(text: str) -> tuple[str, str]:
    """Everything that cannot be the start of an unfinished marker, and the rest."""
    start = text.rfind("[")
    if start == -1:
        return text, ""
    tail = text[start:]
    if "]" in tail or len(tail) > _MAX_PENDING or not re.fullmatch(r"\[\d{0,3}", tail):
        return text, ""
    return text[:start], tail
