"""A tactic's budget changed by hand: the monthly split, the budget table and the reserve are
recomputed in code and the plan is saved (it used to be refused every time); a change the
reserve cannot absorb is refused with a sentence that says so, in the plan's language (the
fixture's plan: Spanish, 8.000 €)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import PlanInputError
from assistant.planning.plan import validate_plan
from tests.plan_fixtures import ANSWERS, make_service


@pytest.fixture
def drafted(tmp_path: Path):  # noqa: ANN201
    service = make_service(tmp_path)
    plan = service.draft_plan(ANSWERS, "me")
    return service, plan


def _reserve(plan) -> int:  # noqa: ANN001
    return sum(line.amount_cents for line in plan.budget.lines if not line.tactic_id)


def test_a_higher_tactic_budget_is_taken_from_the_reserve(drafted) -> None:  # noqa: ANN001
    service, plan = drafted
    tactics = plan.model_dump()["tactics"]
    first = tactics[0]
    months = len(first["active_months"]) or first["end_month"] - first["start_month"] + 1
    first["budget_cents"] += 10_000
    saved = service.edit_section(plan.id, "tactics", tactics, "me")
    tactic = saved.tactics[0]
    assert tactic.budget_cents == plan.tactics[0].budget_cents + 10_000
    assert sum(tactic.monthly_cents) == tactic.budget_cents and len(tactic.monthly_cents) == months
    line = next(x for x in saved.budget.lines if x.tactic_id == tactic.id)
    assert line.amount_cents == tactic.budget_cents
    assert _reserve(saved) == _reserve(plan) - 10_000
    assert sum(x.amount_cents for x in saved.budget.lines) == plan.budget_cents
    assert line.share_percent == round(100 * tactic.budget_cents / plan.budget_cents, 1)
    assert validate_plan(saved) == []
    assert service.get_plan(plan.id, "me").tactics[0].budget_cents == tactic.budget_cents


def test_a_lower_budget_and_a_new_name_show_in_the_budget_table(drafted) -> None:  # noqa: ANN001
    service, plan = drafted
    tactics = plan.model_dump()["tactics"]
    tactics[1]["budget_cents"] -= 5_000
    tactics[1]["name"] = "Neighbourhood tastings"
    saved = service.edit_section(plan.id, "tactics", tactics, "me")
    line = next(x for x in saved.budget.lines if x.tactic_id == saved.tactics[1].id)
    assert (line.label, line.amount_cents) == ("Neighbourhood tastings",
                                               plan.tactics[1].budget_cents - 5_000)
    assert _reserve(saved) == _reserve(plan) + 5_000


def test_a_changed_monthly_split_sets_the_tactic_budget(drafted) -> None:  # noqa: ANN001
    service, plan = drafted
    tactics = plan.model_dump()["tactics"]
    tactics[0]["monthly_cents"][0] += 2_000
    saved = service.edit_section(plan.id, "tactics", tactics, "me")
    assert saved.tactics[0].budget_cents == plan.tactics[0].budget_cents + 2_000
    assert _reserve(saved) == _reserve(plan) - 2_000


def test_a_tactic_line_changed_in_the_budget_table_moves_the_tactic(drafted) -> None:  # noqa: ANN001
    service, plan = drafted
    budget = plan.model_dump()["budget"]
    line = next(x for x in budget["lines"] if x["tactic_id"])
    line["amount_cents"] += 3_000
    saved = service.edit_section(plan.id, "budget", budget, "me")
    tactic = next(t for t in saved.tactics if t.id == line["tactic_id"])
    assert tactic.budget_cents == line["amount_cents"] == sum(tactic.monthly_cents)
    assert _reserve(saved) == _reserve(plan) - 3_000


def test_more_than_the_reserve_can_absorb_is_refused_and_nothing_is_saved(drafted) -> None:  # noqa: ANN001
    service, plan = drafted
    tactics = plan.model_dump()["tactics"]
    tactics[0]["budget_cents"] += _reserve(plan) + 100
    with pytest.raises(PlanInputError) as caught:
        service.edit_section(plan.id, "tactics", tactics, "me")
    problems = caught.value.params["problems"]
    assert problems == ["Las tácticas suman 8.001 €, más que el presupuesto del plan (8.000 €): "
                        "baja alguna."], problems
    assert service.get_plan(plan.id, "me") == plan
