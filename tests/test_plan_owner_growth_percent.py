"""A goal that grows by a percentage is a growth from today's level, not a level to reach (#21,
"the owner's goals are replaced"): "Vorremmo aumentare le vendite dei pasticciotti del 30 %"
became "arrivare a 30 % entro la fine di dicembre 2027", target "30 %" (hand test, 7 Dec). A
percentage of a level (occupancy, a rating) is still a level to reach."""

from __future__ import annotations

import pytest

from assistant.planning.plan import build_plan, read_answers
from tests.plan_cases import real_understander
from tests.plan_fixtures import PLAYBOOK, PROMPTS


def answers(lang: str, business: str, offer: str, goal: str) -> dict[str, str]:
    return {"language": lang, "business": business, "offer": offer, "customers": "vecinos",
            "goal": goal, "horizon_months": "12", "budget": "2000 €", "channels": "Instagram",
            "start": "01/2027"}


@pytest.fixture(scope="module")
def understander():  # noqa: ANN201
    return real_understander()


@pytest.mark.parametrize(("case", "says", "unit"), [
    (answers("it", "Forno Santa Croce, panificio a Lecce", "pane e pasticciotti",
             "Aumentare del 25 % le vendite dei pasticciotti"), "25 % in più di oggi", "% in più"),
    (answers("en", "Crumb & Co, a bakery in Leeds", "bread and pastries",
             "Grow our weekday orders by 40%"), "40 % more than today", "% more"),
])
def test_a_growth_by_a_percentage_is_more_than_today_not_a_level(case, says, unit,
                                                                 understander) -> None:  # noqa: ANN001
    plan = build_plan(read_answers(case, PLAYBOOK, PROMPTS, understander), PLAYBOOK, PROMPTS)
    objective = plan.strategy.objectives[0]
    assert says in objective.text, objective.text
    assert objective.unit == unit


def test_a_percentage_of_occupancy_is_still_a_level_to_reach(understander) -> None:  # noqa: ANN001
    case = answers("es", "Mesón del Puerto, hotel en Cádiz", "habitaciones dobles",
                   "Pasar del 55 % al 85 % de ocupación")
    plan = build_plan(read_answers(case, PLAYBOOK, PROMPTS, understander), PLAYBOOK, PROMPTS)
    objective = plan.strategy.objectives[0]
    assert "más que hoy" not in objective.text and objective.unit == "%"
