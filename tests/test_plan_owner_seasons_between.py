"""A season given as "between October and February" is the whole range (issue #21, read of a
dev3 plan through the conversation): a wedding planner whose couples "contratan entre octubre y
febrero" got February alone as a buying month, and at capacity, so the plan kept it light."""

from __future__ import annotations

import pytest

from assistant.planning.understanding import load_understanding_data
from assistant.planning.understanding.months import seasons
from assistant.settings import PROJECT_ROOT

DATA = load_understanding_data(PROJECT_ROOT / "knowledge" / "understanding")
OCT_TO_FEB = [1, 2, 10, 11, 12]


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "las parejas contratan entre octubre y febrero; de mayo a septiembre estamos a tope"),
    ("fr", "les couples réservent entre octobre et février; de mai à septembre c'est complet"),
    ("it", "le coppie prenotano tra ottobre e febbraio; da maggio a settembre siamo pieni"),
    ("en", "couples book between October and February; from May to September we are full"),
])
def test_between_two_months_is_the_range(lang: str, text: str) -> None:
    found = seasons(text, DATA, lang)
    assert found["decision_months"] == OCT_TO_FEB
    assert found["capacity_months"] == [5, 6, 7, 8, 9]


def test_two_months_joined_by_and_alone_stay_two_months() -> None:
    assert seasons("busy in October and February", DATA, "en")["decision_months"] == [2, 10]
