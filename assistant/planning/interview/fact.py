"""One fact a message sets (format B's field names): what the correction readers return."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Fact:
    """One fact a message sets: its field (format B's names) and the new value."""

    field: str
    value: Any
    op: str = "set"  # set | add | remove (channels)
