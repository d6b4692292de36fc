"""#22: a season word inside a longer phrase of another season reads as the longer phrase: "flat
out" is at capacity, never "flat" (quiet); "flat" alone stays quiet."""

from __future__ import annotations

import pytest

from assistant.planning.understanding.data import load_understanding_data
from assistant.planning.understanding.months import seasons
from assistant.settings import PROJECT_ROOT

DATA = load_understanding_data(PROJECT_ROOT / "knowledge" / "understanding")


@pytest.mark.parametrize(("text", "field", "months"), [
    ("We are flat out in May and June", "capacity_months", [5, 6]),
    ("Sales are flat in January", "quiet_months", [1]),
    ("flat out in summer; flat in winter", "capacity_months", [6, 7, 8]),
])
def test_a_word_inside_a_longer_phrase_reads_as_the_phrase(text: str, field: str,
                                                          months: list[int]) -> None:
    read = seasons(text, DATA, "en")
    assert read[field] == months
    assert not set(read["quiet_months" if field != "quiet_months" else "capacity_months"]) \
        & set(months)
