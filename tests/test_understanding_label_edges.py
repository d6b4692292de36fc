"""The owner's label is the kind of business alone (issue #21, item 2): an elided lead ("siamo
un'azienda apicola") and a place after it ("sui colli Euganei", "dans le Vercors", "on the
harbour") are cut, so the plan does not read "Tipo di attività: siamo un'azienda apicola sui
colli Euganei"."""

from __future__ import annotations

import pytest

from assistant.planning.understanding.profile import load_profile_data, read_label
from assistant.settings import PROJECT_ROOT

DATA = load_profile_data(PROJECT_ROOT / "knowledge" / "understanding" / "profile.json")


@pytest.mark.parametrize(("lang", "business", "name", "label"), [
    ("it", "Si chiama Miele dei Colli, siamo un'azienda apicola sui colli Euganei con 120 arnie",
     "Miele dei Colli", "azienda apicola"),
    ("it", "Vela Blu, è un'agenzia di escursioni nel golfo di Cagliari", "Vela Blu",
     "agenzia di escursioni"),
    ("fr", "La Ferme du Pic, une chèvrerie dans le Vercors", "La Ferme du Pic", "chèvrerie"),
    ("en", "Harbour Kayaks, a kayak rental on the harbour in Falmouth", "Harbour Kayaks",
     "kayak rental"),
])
def test_the_label_is_the_kind_of_business_without_its_lead_or_place(
        lang: str, business: str, name: str, label: str) -> None:
    assert read_label(business, name, lang, DATA) == label


@pytest.mark.parametrize(("lang", "business", "name", "label"), [
    ("it", "Vela Blu, noleggio di barche a vela con skipper a Cagliari", "Vela Blu",
     "noleggio di barche a vela"),
    ("fr", "Vélo Lac, location de vélos à assistance électrique à Annecy", "Vélo Lac",
     "location de vélos à assistance électrique"),
])
def test_a_short_preposition_inside_the_kind_of_business_is_not_its_place(
        lang: str, business: str, name: str, label: str) -> None:
    assert read_label(business, name, lang, DATA) == label
