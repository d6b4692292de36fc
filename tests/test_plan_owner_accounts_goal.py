"""A goal stated with the owner's own verb ("supply 60 delis", "rifornire 45 salumerie") keeps
its metric and its kind (issue #21, read of a dev3 plan through the conversation): "supply 60
delis" became the metric "supply", a loyalty goal, and a loyalty card for a cheese producer."""

from __future__ import annotations

import pytest

from assistant.planning.plan import build_plan, read_answers
from tests.plan_cases import real_understander
from tests.plan_fixtures import PLAYBOOK, PROMPTS


def answers(lang: str, business: str, situation: str, goal: str) -> dict[str, str]:
    """An owner's answers, the parts these tests do not look at filled in."""
    return {"language": lang, "business": business, "offer": business, "customers": business,
            "situation": situation, "goal": goal, "horizon_months": "12", "budget": "4000 €",
            "channels": "", "resources": "4", "start": "03/2027"}


@pytest.fixture(scope="module")
def understander():  # noqa: ANN201
    return real_understander()


@pytest.mark.parametrize(("case", "metric", "today", "target"), [
    (answers("en", "Hollow Oak Dairy, farmhouse cheddar in Somerset", "we supply 35 delis",
             "supply 60 delis"), "delis", 35, 60),
    (answers("it", "Caseificio Val Taleggio, caseificio in Val Brembana",
             "riforniamo 25 salumerie", "rifornire 45 salumerie"), "salumerie", 25, 45),
    (answers("es", "Tostadores del Sur, tostador de café en Sevilla",
             "abastecemos 20 cafeterías", "abastecer a 35 cafeterías"), "cafeterías", 20, 35),
])
def test_a_goal_with_the_owners_own_verb_keeps_its_metric_and_is_growth(
        case, metric, today, target, understander) -> None:  # noqa: ANN001
    inp = read_answers(case, PLAYBOOK, PROMPTS, understander)
    goal = inp.understood.goals[0]
    assert (goal.goal_id, goal.metric, goal.current, goal.target) == \
        ("acquisition", metric, today, target)
    plan = build_plan(inp, PLAYBOOK, PROMPTS)
    assert metric in plan.strategy.objectives[0].kpi_name
