"""Regenerate and edit single sections; the optional model rewrite keeps the draft on failure."""

import json

import pytest

from assistant.errors import PlanInputError, PlanNotFound, UnknownSection
from tests.plan_fixtures import answers, make_service

OWNER = "owner-1"


class ScriptedModel:
    """A fake chat model that replies with a fixed text (or raises)."""

    def __init__(self, reply):
        self.reply = reply
        self.prompts = []

    def invoke(self, prompt):
        self.prompts.append(prompt)
        if isinstance(self.reply, Exception):
            raise self.reply
        return type("Message", (), {"content": self.reply})()


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


def test_model_rewrite_is_used_when_it_passes_the_checks(tmp_path):
    reply = json.dumps({"summary": "Resumen del modelo para Floristería Lola.",
                        "diagnosis": {"situation": "Situación reescrita.",
                                      "swot": {"strengths": ["a"], "weaknesses": ["b"],
                                               "opportunities": ["c"], "threats": ["d"]}},
                        "risks": [{"risk": "r", "response": "s"}]})
    model = ScriptedModel("Aquí está:\n" + reply)
    plan = make_service(tmp_path, chat_model=model).draft_plan(answers(), OWNER)
    assert plan.narrative_by == "model" and plan.summary.startswith("Resumen del modelo")
    assert "Floristería Lola" in model.prompts[0] and "Spanish" in model.prompts[0]


@pytest.mark.parametrize("reply", ["not json at all", json.dumps({"summary": ""}),
                                   json.dumps({"summary": 3, "diagnosis": {}, "risks": []}),
                                   TimeoutError("model down")])
def test_bad_model_output_keeps_the_deterministic_draft(tmp_path, reply):
    plan = make_service(tmp_path, chat_model=ScriptedModel(reply)).draft_plan(answers(), OWNER)
    assert plan.narrative_by == "builder" and plan.summary.startswith("Floristería Lola")


def test_plans_are_listed_per_owner_and_saved_whole(tmp_path):
    service = make_service(tmp_path)
    first = service.draft_plan(answers(), OWNER)
    second = service.draft_plan(answers(language="en"), OWNER)
    service.draft_plan(answers(), "someone-else")
    assert [r.id for r in service.list_plans(OWNER)] == [second.id, first.id]
    assert service.list_plans(OWNER)[0].answers["language"] == "en"
