"""Model-drafted plans with the scripted fake model: the repair loop, the validator as judge,
code-owned arithmetic, fallbacks with a notice in the owner's language, progress events."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from langchain_core.messages import AIMessage

from assistant.planning.drafting import PlanDrafter
from assistant.planning.plan import Plan, build_plan, export_plan, read_answers, validate_plan
from tests.conftest import ScriptedChatModel
from tests.openai_server import OpenAIServer
from tests.plan_fixtures import ANSWERS, PLAYBOOK, PROMPTS, make_service


def _base() -> Plan:
    return build_plan(read_answers(ANSWERS, PLAYBOOK, PROMPTS), PLAYBOOK, PROMPTS)


def diagnosis(words: str = "tienda de barrio") -> str:
    return json.dumps({"situation": f"Floristería Lola es una {words} con clientela fiel en "
                                    "Triana y pocas ventas a oficinas.",
                       "swot": {"strengths": ["Entrega en 2 horas"],
                                "weaknesses": ["Poco tiempo para marketing"],
                                "opportunities": ["Oficinas del barrio"],
                                "threats": ["Supermercados con flores baratas"]}})


def strategy(plan: Plan, number: float | None = None) -> str:
    objectives = [{"id": o.id, "text": f"Lograr {int(number or o.target_value)} "
                                       f"{o.unit} antes del mes {o.deadline_month}."}
                  for o in plan.strategy.objectives]
    return json.dumps({"segments": [{"name": "Oficinas de Triana",
                                     "description": "Pequeñas oficinas que quieren flores "
                                                    "frescas cada semana"}],
                       "target": "Responsables de oficina del barrio que compran flores.",
                       "positioning": "La floristería que entrega en 2 horas en Triana.",
                       "objectives": objectives})


def tactics(plan: Plan, action: str = "Publicar el ramo de la semana") -> str:
    return json.dumps({"tactics": [
        {"id": t.id, "name": f"Plan {t.id} para oficinas", "objective_ids": t.objective_ids,
         "channel": t.channel, "actions": [action, "Medir respuestas"],
         "why": "Llega a quien ya conoce la tienda."} for t in plan.tactics]})


def _drafter(model: Any, **kw: Any) -> PlanDrafter:
    return PlanDrafter(model, PROMPTS, PLAYBOOK, **kw)


def test_model_writes_every_section_and_code_keeps_the_money() -> None:
    base = _base()
    model = ScriptedChatModel.with_replies(diagnosis(), strategy(base), tactics(base))
    events: list[tuple[str, str, int]] = []
    report = _drafter(model).draft(base, ANSWERS, progress=lambda *e: events.append(e))
    plan = report.plan
    assert report.model_sections == ["diagnosis", "strategy", "tactics"] and report.repairs == 0
    assert not validate_plan(plan)
    assert "clientela fiel" in plan.diagnosis.situation
    assert plan.strategy.segments[0].name == "Oficinas de Triana"
    assert [t.name for t in plan.tactics] == [f"Plan {t.id} para oficinas" for t in base.tactics]
    # money and months are the computed ones; the budget table follows the new names
    assert [t.budget_cents for t in plan.tactics] == [t.budget_cents for t in base.tactics]
    assert sum(line.amount_cents for line in plan.budget.lines) == base.budget_cents
    assert {line.label for line in plan.budget.lines if line.tactic_id} == {
        t.name for t in plan.tactics}
    assert [o.target_value for o in plan.strategy.objectives] == [
        o.target_value for o in base.strategy.objectives]
    assert ("diagnosis", "started", 1) in events and ("tactics", "done", 1) in events
    # the model got the answers, the candidate tactics and the ruled-out channels
    system = model.received[0][0].content
    assert "Floristería Lola" in system and "tiktok" in system.lower()
    assert any(tid in system for tid in PLAYBOOK.business_types["retail"].tactics)


def test_invalid_json_is_repaired_with_the_findings_sent_back() -> None:
    base = _base()
    model = ScriptedChatModel.with_replies('{"situation": "Floristería", "swot": ', diagnosis())
    report = _drafter(model).draft(base, ANSWERS, sections=("diagnosis",))
    assert report.model_sections == ["diagnosis"] and report.repairs == 1
    repair = model.received[1][-1].content
    assert "could not be accepted" in repair and "invalid_json" in repair


def test_wrong_target_in_objective_text_is_sent_back_then_fixed() -> None:
    base = _base()
    model = ScriptedChatModel.with_replies(strategy(base, number=999), strategy(base))
    report = _drafter(model).draft(base, ANSWERS, sections=("strategy",))
    assert report.model_sections == ["strategy"] and report.repairs == 1
    assert "objective_number" in model.received[1][-1].content


def test_excluded_channel_after_two_repairs_falls_back_to_the_computed_tactics() -> None:
    base = _base()
    bad = tactics(base, action="Grabar vídeos para TikTok")
    model = ScriptedChatModel.with_replies(bad, bad, bad)
    report = _drafter(model, repairs=2).draft(base, ANSWERS, sections=("tactics",))
    outcome = report.outcomes[0]
    assert not outcome.by_model and outcome.attempts == 3 and outcome.reason == "findings"
    assert [f.code for f in outcome.findings] == ["excluded_channel_text"]
    assert report.plan.tactics == base.tactics and len(model.received) == 3


def test_schema_violations_and_unknown_ids_are_rejected() -> None:
    base = _base()
    wrong_ids = json.loads(tactics(base))
    wrong_ids["tactics"][0]["id"] = "T99"
    model = ScriptedChatModel.with_replies(json.dumps({"situation": 3}), json.dumps(wrong_ids))
    report = _drafter(model, repairs=0).draft(base, ANSWERS, sections=("diagnosis", "tactics"))
    assert [o.reason for o in report.outcomes] == ["invalid", "findings"]
    assert report.plan == base


def test_timeout_keeps_the_deterministic_plan_for_the_rest() -> None:
    base = _base()
    ticks = iter([0.0, 0.0, 0.0, 100.0, 100.0, 100.0, 100.0])
    model = ScriptedChatModel.with_replies(diagnosis())
    report = _drafter(model, timeout=50, clock=lambda: next(ticks)).draft(base, ANSWERS)
    assert report.model_sections == ["diagnosis"]
    assert [o.reason for o in report.outcomes[1:]] == ["timeout", "timeout"]
    assert report.plan.strategy == base.strategy and report.plan.tactics == base.tactics


def test_service_records_model_sections_and_notes_in_the_owners_language(
        tmp_path: Path) -> None:
    base = _base()
    model = ScriptedChatModel.with_replies(diagnosis(), "no JSON here", "still nothing",
                                           "nope", tactics(base))
    service = make_service(tmp_path)
    service.drafter = _drafter(model)
    events: list[tuple[str, str, int]] = []
    plan = service.draft_plan(ANSWERS, "ana", progress=lambda *e: events.append(e))
    assert plan.model_sections == ["diagnosis", "tactics"]
    assert len(plan.draft_notes) == 1 and "Estrategia" in plan.draft_notes[0]
    assert "versión estándar" in plan.draft_notes[0]
    assert ("strategy", "fallback", 0) in events
    saved = service.get_plan(plan.id, "ana")
    assert saved.model_sections == plan.model_sections and not service.findings(saved)
    markdown = export_plan(saved, "md", PROMPTS).decode()
    assert "Redactado por el modelo" in markdown and "versión estándar" in markdown
    # editing a section by hand: the owner wrote it, not the model
    edited = service.edit_section(plan.id, "diagnosis", saved.diagnosis.model_dump(), "ana")
    assert edited.model_sections == ["tactics"]
    # regenerating a section goes through the model and the validator again
    model.messages = iter([AIMessage(diagnosis("pequeña tienda"))])
    again = service.regenerate_section(plan.id, "diagnosis", "ana")
    assert "pequeña tienda" in again.diagnosis.situation
    assert again.model_sections == ["diagnosis", "tactics"]


@pytest.mark.parametrize("status, phrase", [(429, "limitando"), (500, "HTTP 500")])
def test_rate_limit_and_server_errors_leave_a_valid_plan_and_a_notice(
        tmp_path: Path, openai_server: OpenAIServer, status: int, phrase: str) -> None:
    from assistant.backends import make_chat_model
    from tests.conftest import make_settings

    settings = make_settings(tmp_path, chat_backend="openai", chat_model="m", max_retries=0,
                             openai_base_url=openai_server.base_url, request_timeout=5)
    for _ in range(3):
        openai_server.fail(status)
    service = make_service(tmp_path)
    service.drafter = _drafter(make_chat_model(settings), classify=lambda exc: (
        "rate_limited" if status == 429 else "server"))
    plan = service.draft_plan(ANSWERS, "ana")
    assert plan.model_sections == [] and not service.findings(plan)
    assert len(plan.draft_notes) == 3 and phrase in plan.draft_notes[0]
    assert service.get_plan(plan.id, "ana").business == ANSWERS["business"]
    assert "response_format" in openai_server.requests[0]  # asked for JSON-schema output


def test_cli_plan_prints_which_section_the_model_writes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import argparse
    from types import SimpleNamespace

    from assistant.cli.plan import cmd_plan

    base = _base()
    model = ScriptedChatModel.with_replies(diagnosis(), strategy(base), "{}", "{}", "{}")
    service = make_service(tmp_path)
    service.drafter = _drafter(model)
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(ANSWERS), encoding="utf-8")
    out = tmp_path / "plan.md"
    fake = SimpleNamespace(prompts=PROMPTS, plans=service)
    args = argparse.Namespace(answers=path, format="md", out=out, lang=None)
    assert cmd_plan(fake, args) == 0  # type: ignore[arg-type]
    err = capsys.readouterr().err
    assert "Redactando Diagnóstico…" in err and "Corrigiendo Tácticas (intento 3)…" in err
    assert "Tácticas: se mantiene la versión estándar." in err
    assert "Redactado por el modelo" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("with_model", [False, True])
def test_changed_objective_flags_its_dependents_and_redrafts_them_in_one_step(
        tmp_path: Path, with_model: bool) -> None:
    # #22: what code writes (KPI rows, milestones, ROI) follows the edited objective at once;
    # only what a model writes (the tactics' content) is flagged and redrafted in one step.
    base = _base()
    model = ScriptedChatModel.with_replies(tactics(base, action="Visitar oficinas con ramos"))
    service = make_service(tmp_path)
    if with_model:
        service.drafter = _drafter(model)
        service.drafter = None  # drafted without it; the model is there for the redraft
    plan = service.draft_plan(ANSWERS, "ana")
    strategy_value = plan.strategy.model_dump()
    first = strategy_value["objectives"][0]
    first.update(target_value=80.0, text="Conseguir 80 clientes nuevos para oficinas.")
    if with_model:
        service.drafter = _drafter(model)
    edited = service.edit_section(plan.id, "strategy", strategy_value, "ana")
    serving = [t.id for t in edited.tactics if first["id"] in t.objective_ids]
    row = next(k for k in edited.measurement.kpis if k.objective_id == first["id"])
    assert "80" in row.target
    assert any("80" in m for p in edited.calendar for m in p.milestones)
    if with_model:
        assert serving and {f"tactic:{tid}" for tid in serving} <= set(edited.stale)
        assert "Desactualizado" in export_plan(edited, "md", PROMPTS).decode()
    else:
        assert edited.stale == []
    redone = service.redraft_stale(plan.id, "ana")
    assert redone.stale == [] and not service.findings(redone)
    row = next(k for k in redone.measurement.kpis if k.objective_id == first["id"])
    assert "80" in row.target
    assert any("80" in m for p in redone.calendar for m in p.milestones)
    assert sum(line.amount_cents for line in redone.budget.lines) == redone.budget_cents
    if with_model:
        assert redone.model_sections == ["tactics"]
        assert redone.tactics[0].actions[0] == "Visitar oficinas con ramos"
    else:
        assert redone.tactics == edited.tactics and redone.model_sections == []
