"""Citation markers: keep those that map to a passage, drop the rest, even mid-stream."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

MARKER = re.compile(r"\[(\d{1,3})\]")
_SPACED_MARKER = re.compile(r"[ \t]*\[(\d{1,3})\]")  # an invalid marker goes with its space
_MAX_PENDING = 6  # "[123]" is the longest marker we accept


def clean_markers(text: str, valid: set[int]) -> str:
    """Remove markers that point at no passage.

    >>> clean_markers("A [1] B [7] C [2][9].", {1, 2})
    'A [1] B C [2].'
    """
    return _SPACED_MARKER.sub(lambda m: m.group(0) if int(m.group(1)) in valid else "", text)


def cited(text: str, valid: set[int]) -> list[int]:
    """Valid markers in order of first appearance.

    >>> cited("x [2] y [1] z [2] [8]", {1, 2})
    [2, 1]
    """
    seen: list[int] = []
    for match in MARKER.finditer(text):
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

    pending = ""
    for delta in deltas:
        pending += delta
        out, pending = _split_pending(pending)
        if out:
            yield MARKER.sub(keep, out)
    if pending:
        yield MARKER.sub(keep, pending)


def _split_pending(text: str) -> tuple[str, str]:
    """Everything that cannot be the start of an unfinished marker, and the rest."""
    start = text.rfind("[")
    if start == -1:
        return text, ""
    tail = text[start:]
    if "]" in tail or len(tail) > _MAX_PENDING or not re.fullmatch(r"\[\d{0,3}", tail):
        return text, ""
    return text[:start], tail
