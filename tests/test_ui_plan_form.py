"""The plan form's fields come from the Plan model: money in currency units, months, one item per
line; a form's values rebuild exactly the section they came from."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from assistant.planning.persistence import Database
from assistant.planning.plan.model import SECTIONS
from assistant.planning.service import PlanService
from assistant.ui import plan_form
from tests.plan_fixtures import ANSWERS, PLAYBOOK, PROMPTS


@pytest.fixture(scope="module")
def plan():  # noqa: ANN201
    folder = Path(tempfile.mkdtemp(prefix="plan-form-"))
    return PlanService(Database(folder / "plans.db"), PROMPTS, PLAYBOOK).draft_plan(ANSWERS, "me")


@pytest.mark.parametrize("section", SECTIONS)
def test_unchanged_form_values_rebuild_the_same_section(plan, section: str) -> None:  # noqa: ANN001
    fields = plan_form.section_fields(plan, section)
    assert fields, section
    rebuilt = plan_form.assemble(plan, section, fields, [f.value for f in fields])
    assert rebuilt == plan.model_dump()[section]


def test_tactic_budget_is_shown_in_currency_units_and_saved_in_cents(plan) -> None:  # noqa: ANN001
    fields = plan_form.section_fields(plan, "tactics")
    budget = next(f for f in fields if f.path == (0, "budget_cents"))
    assert budget.kind == "money" and budget.value == plan.tactics[0].budget_cents / 100
    assert budget.row == plan.tactics[0].id
    values = [12.5 if f is budget else f.value for f in fields]
    assert plan_form.assemble(plan, "tactics", fields, values)[0]["budget_cents"] == 1250
    assert not any(f.name in plan_form.READ_ONLY for f in fields)  # ids are never edited


def test_a_negative_budget_is_reported_on_its_own_field(plan) -> None:  # noqa: ANN001
    fields = plan_form.section_fields(plan, "tactics")
    values = [-3 if f.path == (1, "budget_cents") else f.value for f in fields]
    errors = plan_form.field_errors("tactics", plan_form.assemble(plan, "tactics", fields, values),
                                    fields)
    assert list(errors) == ["1-budget_cents"] and errors["1-budget_cents"].startswith(
        "greater_than_equal|0")
