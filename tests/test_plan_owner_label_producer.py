"""A producer's label is what it makes, not the sentence around it (issue #21, read of a dev3
plan): "Hollow Oak Dairy, we make farmhouse cheddar" gave "Type of business: we make farmhouse
cheddar" and "Hollow Oak Dairy (we make farmhouse cheddar)"."""

from __future__ import annotations

import pytest

from assistant.planning.understanding.profile import load_profile_data, read_label, read_name
from assistant.settings import PROJECT_ROOT

DATA = load_profile_data(PROJECT_ROOT / "knowledge" / "understanding" / "profile.json")


@pytest.mark.parametrize(("lang", "business", "label"), [
    ("en", "Hollow Oak Dairy, we make farmhouse cheddar in Somerset", "farmhouse cheddar"),
    ("es", "Quesería Los Arribes, producimos queso de oveja curado en Salamanca",
     "queso de oveja curado"),
    ("fr", "Fromagerie des Aravis, nous produisons du reblochon fermier en Haute-Savoie",
     "reblochon fermier"),
    ("it", "Caseificio Val Taleggio, produciamo taleggio e formaggi di capra in Val Brembana",
     "taleggio e formaggi di capra"),
])
def test_a_producers_label_is_what_it_makes(lang: str, business: str, label: str) -> None:
    assert read_label(business, read_name(business, lang, DATA), lang, DATA) == label
