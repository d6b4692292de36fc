"""The calendar starts where the owner says (issue #21): a month named in words or written as
figures ("03/2027", "2027-03") is the plan's first month, in every language."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.planning.understanding import load_understanding_data
from assistant.planning.understanding.facts import start_month
from assistant.settings import PROJECT_ROOT

DATA = load_understanding_data(PROJECT_ROOT / "knowledge" / "understanding")
TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "a partir de marzo de 2027", (2027, 3)),
    ("es", "03/2027", (2027, 3)),
    ("fr", "à partir de 03/2027", (2027, 3)),
    ("fr", "en juin", (2027, 6)),
    ("it", "da 4.2027", (2027, 4)),
    ("it", "da marzo 2027", (2027, 3)),
    ("en", "starting in March", (2027, 3)),
    ("en", "2027-05", (2027, 5)),
])
def test_the_start_month_the_owner_gives_is_taken(lang: str, text: str,
                                                  expected: tuple[int, int]) -> None:
    assert start_month(text, TODAY, DATA, lang) == expected


def test_a_date_that_is_not_a_month_leaves_the_default() -> None:
    assert start_month("13/2027", TODAY, DATA, "en") == (2027, 1)
