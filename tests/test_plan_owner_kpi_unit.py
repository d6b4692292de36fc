"""Every tactic counts in the goal's unit (issue #21): a cheese producer who counts the delis it
supplies, or a vet who counts its health plans, read "nouveaux clients" / "clientes nuevos" in
the KPI of the tactics that were to move that goal."""

from __future__ import annotations

import pytest

from assistant.planning.plan import build_plan, read_answers
from tests.plan_cases import real_understander
from tests.plan_fixtures import PLAYBOOK, PROMPTS


def answers(lang: str, business: str, situation: str, goal: str, channels: str,
            budget: str) -> dict[str, str]:
    """An owner's answers, the parts these tests do not look at filled in."""
    return {"language": lang, "business": business, "offer": business, "customers": business,
            "situation": situation, "goal": goal, "horizon_months": "12", "budget": budget,
            "channels": channels, "resources": "4", "start": "03/2027"}


VET = answers("es", "Clínica Veterinaria Huellas, clínica veterinaria en Zaragoza",
              "tenemos unos 140 planes de salud activos", "pasar de 140 a 260 planes de salud",
              "Google y el boca a boca", "4.000 €")
CHEESE = answers("fr", "Fromagerie des Aravis, nous produisons du reblochon fermier",
                 "nous livrons 30 crémeries", "passer de 30 à 50 crémeries",
                 "le Salon de l'Agriculture et les visites aux crémeries", "5 000 €")
DAIRY = answers("it", "Caseificio Val Taleggio, caseificio in Val Brembana",
                "riforniamo 25 salumerie", "arrivare a 45 salumerie",
                "le visite con assaggi e la fiera Cheese di Bra", "4.000 €")
TRANSLATIONS = answers("en", "Wordsmith Translations, a translation agency in Edinburgh",
                       "we have 40 regular clients", "go from 40 to 60 regular clients",
                       "the ITI directory and referrals from solicitors", "£5,000")


@pytest.fixture(scope="module")
def understander():  # noqa: ANN201
    return real_understander()


@pytest.mark.parametrize(("case", "unit"), [
    (VET, "planes de salud"), (CHEESE, "crémeries"), (DAIRY, "salumerie"),
    (TRANSLATIONS, "regular clients")])
def test_every_tactic_counting_the_goal_counts_in_its_unit(case, unit, understander) -> None:  # noqa: ANN001
    plan = build_plan(read_answers(case, PLAYBOOK, PROMPTS, understander), PLAYBOOK, PROMPTS)
    counting = [t for t in plan.tactics if t.kpi == plan.strategy.objectives[0].kpi]
    assert counting
    assert all(unit in t.kpi_name for t in counting), [t.kpi_name for t in counting]
