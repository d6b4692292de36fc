"""Regenerate and edit single sections by hand or from the saved answers."""

import pytest

from assistant.errors import PlanInputError, PlanNotFound, UnknownSection
from tests.plan_fixtures import answers, make_service

OWNER = "owner-1"


def test_edit_section_by_hand_is_validated_and_saved(tmp_path):
    service = make_service(tmp_path)
    plan = service.draft_plan(answers(), OWNER)
    service.edit_section(plan.id, "summary", "Un resumen escrito a mano.", OWNER)
    assert service.get_plan(plan.id, OWNER).summary == "Un resumen escrito a mano."
    tactics = [t.model_dump() for t in plan.tactics]
    tactics[0]["objective_ids"] = []
    with pytest.raises(PlanInputError) as error:
        service.edit_section(plan.id, "tactics", tactics, OWNER)
    assert "no sirve a ningún objetivo" in error.value.params["problems"][0]
    with pytest.raises(PlanInputError):
        service.edit_section(plan.id, "budget", {"currency": "EUR"}, OWNER)
    assert service.get_plan(plan.id, OWNER).tactics == plan.tactics  # nothing half-saved


def test_regenerate_one_section_leaves_the_others(tmp_path):
    service = make_service(tmp_path)
    plan = service.draft_plan(answers(), OWNER)
    service.edit_section(plan.id, "summary", "Mi resumen.", OWNER)
    service.edit_section(plan.id, "risks", [], OWNER)
    again = service.regenerate_section(plan.id, "risks", OWNER)
    assert again.risks == plan.risks and again.summary == "Mi resumen."


def test_unknown_section_and_foreign_plan_are_refused(tmp_path):
    service = make_service(tmp_path)
    plan = service.draft_plan(answers(), OWNER)
    with pytest.raises(UnknownSection):
        service.regenerate_section(plan.id, "poetry", OWNER)
    with pytest.raises(PlanNotFound):
        service.get_plan(plan.id, "another-owner")


def test_plans_are_listed_per_owner_and_saved_whole(tmp_path):
    service = make_service(tmp_path)
    first = service.draft_plan(answers(), OWNER)
    second = service.draft_plan(answers(language="en"), OWNER)
    service.draft_plan(answers(), "someone-else")
    assert [r.id for r in service.list_plans(OWNER)] == [second.id, first.id]
    assert service.list_plans(OWNER)[0].answers["language"] == "en"
