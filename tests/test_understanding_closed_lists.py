"""#22: the months listed after a closing verb are all closed ("we close in January and
February"), in four languages; only the first was, and the others became quiet months."""

from __future__ import annotations

import pytest

from assistant.planning.understanding.data import load_understanding_data
from assistant.planning.understanding.months import closed_months, seasons
from assistant.settings import PROJECT_ROOT

DATA = load_understanding_data(PROJECT_ROOT / "knowledge" / "understanding")


@pytest.mark.parametrize(("lang", "text", "closed"), [
    ("en", "We shut in July and August", [7, 8]),
    ("es", "Cerramos en julio, agosto y septiembre", [7, 8, 9]),
    ("fr", "On ferme en août et en septembre", [8, 9]),
    ("it", "Chiudiamo a gennaio e febbraio", [1, 2]),
    ("it", "ad agosto chiudiamo tre settimane; dicembre e gennaio fermo", [8]),
])
def test_the_months_listed_after_a_closing_are_all_closed(lang: str, text: str,
                                                          closed: list[int]) -> None:
    assert closed_months(text, DATA, lang) == closed
    assert not set(seasons(text, DATA, lang)["quiet_months"]) & set(closed)
