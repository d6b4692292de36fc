"""A producer who sells through shops, bars or delis gets a place decision about its resellers
(issue #21): which resellers to win and how to help them sell, traced to the owner's goal; and
"sold to delis and farm shops" is read as selling through resellers, in every language."""

from __future__ import annotations

import pytest

from assistant.planning.plan import build_plan, read_answers
from tests.plan_cases import real_understander
from tests.plan_fixtures import PLAYBOOK, PROMPTS


def answers(lang: str, business: str, offer: str, customers: str, goal: str, channels: str,
            budget: str, resources: str) -> dict[str, str]:
    """A producer's answers, the parts these tests do not look at filled in."""
    return {"language": lang, "business": business, "offer": offer, "customers": customers,
            "goal": goal, "horizon_months": "12", "budget": budget, "channels": channels,
            "resources": resources, "start": "03/2027"}


HONEY = answers("it", "Apicoltura Monte Nero, produciamo miele in Trentino",
                "miele di montagna in vasetti, venduto a botteghe e alimentari",
                "botteghe di prodotti tipici e alimentari del Trentino",
                "passare da 15 a 30 botteghe", "le visite con assaggi", "3.000 €",
                "siamo in due; 3 ore a settimana")
CIDER = answers("en", "Orchard Lane Cider, we make craft cider in Herefordshire",
                "still and sparkling cider in bottles, stocked by pubs and farm shops",
                "country pubs, bottle shops and farm shops in the West Midlands",
                "go from 20 to 35 pubs and shops", "visiting pubs with samples", "£4,000",
                "two of us; 6 hours a week")
JAM = answers("fr", "Les Confitures de Margot, je fabrique des confitures en Provence",
              "confitures artisanales vendues par des épiceries fines et des boulangeries",
              "épiceries fines et boulangeries du Var", "passer de 12 à 25 épiceries",
              "les marchés de producteurs", "2 000 €", "je suis seule; 3 heures par semaine")


@pytest.fixture(scope="module")
def understander():  # noqa: ANN201
    return real_understander()


@pytest.mark.parametrize("case", [HONEY, CIDER, JAM], ids=["it", "en", "fr"])
def test_selling_through_resellers_is_read(case, understander) -> None:  # noqa: ANN001
    inp = read_answers(case, PLAYBOOK, PROMPTS, understander)
    assert "resellers" in inp.understood.profile.places


@pytest.mark.parametrize("case", [HONEY, CIDER, JAM], ids=["it", "en", "fr"])
def test_a_producer_selling_through_resellers_gets_a_place_decision(case) -> None:
    inp = read_answers(case, PLAYBOOK, PROMPTS)
    profile = inp.understood.profile.model_copy(update={"places": ["resellers"],
                                                        "buyers": ["businesses"]})
    understood = inp.understood.model_copy(update={"profile": profile})
    plan = build_plan(inp, PLAYBOOK, PROMPTS, understood=understood)
    place = [t for t in plan.tactics if t.mix == "place"]
    assert place, [(t.name, t.mix) for t in plan.tactics]
    assert all(t.why and t.objective_ids for t in place)
