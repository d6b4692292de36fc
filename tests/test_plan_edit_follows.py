"""#22: an edited objective target flows to every place that shows it (the objective's
sentence, the summary, milestones, KPI rows, the ROI line) and to the .md and .docx exports,
recomputed from the objectives, not patched; the owner's own sentence stays theirs."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document

from assistant.planning.plan.formatting import format_number
from tests.plan_fixtures import ANSWERS, make_service


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d[\d.,\u202f\u00a0]*\d|\d", text))


@pytest.mark.slow  # draws the plan's charts into the .docx (matplotlib): make test
def test_an_edited_target_reads_the_same_everywhere_and_in_the_exports(tmp_path: Path) -> None:
    service = make_service(tmp_path)
    plan = service.draft_plan(ANSWERS, "ana")
    first = plan.strategy.objectives[0]
    old, new = first.target_value, first.target_value + 17
    old_shown, new_shown = format_number(old, plan.language), format_number(new, plan.language)
    assert old_shown in first.text
    value = plan.strategy.model_dump()
    value["objectives"][0]["target_value"] = new  # only the number, as in the form
    edited = service.edit_section(plan.id, "strategy", value, "ana")
    objective = edited.strategy.objectives[0]
    assert new_shown in objective.text and old_shown not in _numbers(objective.text)
    row = next(k for k in edited.measurement.kpis if k.objective_id == objective.id)
    assert new_shown in row.target and old_shown not in _numbers(row.target)
    milestones = " ".join(m for p in edited.calendar for m in p.milestones
                          if objective.kpi_name in m)
    assert new_shown in milestones and old_shown not in _numbers(milestones)
    assert edited.stale == []
    markdown = service.export_plan(plan.id, "md", "ana").decode("utf-8")
    assert new_shown in markdown
    docx = Document(io.BytesIO(service.export_plan(plan.id, "docx", "ana")))
    text = "\n".join(p.text for p in docx.paragraphs) + "\n".join(
        c.text for t in docx.tables for r in t.rows for c in r.cells)
    assert new_shown in text
    for shown in (markdown, text):
        assert f"{old_shown} {objective.unit}" not in shown


def test_the_owners_own_objective_sentence_is_kept(tmp_path: Path) -> None:
    service = make_service(tmp_path)
    plan = service.draft_plan(ANSWERS, "ana")
    value = plan.strategy.model_dump()
    value["objectives"][0].update(target_value=80.0, text="Ochenta clientes de oficinas.")
    edited = service.edit_section(plan.id, "strategy", value, "ana")
    assert edited.strategy.objectives[0].text == "Ochenta clientes de oficinas."
