"""Exports in the plan's language: Markdown, DOCX (opened with python-docx) and JSON."""

import io
import json

import docx
import pytest

from assistant.planning.plan import Plan, build_plan, export_plan, read_answers
from tests.plan_fixtures import PLAYBOOK, PROMPTS, answers


def source_title(kind, ident, lang):
    return f"{kind}:{ident}:{lang}"


@pytest.fixture(scope="module")
def plan():
    inp = read_answers(answers(language="fr"), PLAYBOOK, PROMPTS)
    return build_plan(inp, PLAYBOOK, PROMPTS, source_title)


def test_markdown_has_every_section_in_the_plans_language(plan):
    text = export_plan(plan, "md", PROMPTS).decode("utf-8")
    for heading in ("## Synthèse", "## Diagnostic", "### Analyse SWOT", "## Stratégie",
                    "### Objectifs SMART", "## Tactiques", "## Budget", "## Calendrier",
                    "## Plan de mesure", "## Sources"):
        assert heading in text
    assert "| Total | 8\u202f000 € | 100,0 % |" in text
    assert "concept:swot:fr" in text


@pytest.mark.slow  # draws the plan's charts into the .docx (matplotlib): make test
def test_docx_has_headings_and_tables(plan):
    document = docx.Document(io.BytesIO(export_plan(plan, "docx", PROMPTS)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading",
                                                                                "Title"))]
    assert headings[0] == plan.title
    assert {"Synthèse", "Tactiques", "Budget", "Calendrier", "Sources"} <= set(headings)
    tables = document.tables
    assert len(tables) == 7  # objectives, tactics, budget, by month, calendar, measurement, risks
    budget = tables[2]
    assert [c.text for c in budget.rows[0].cells] == ["Poste", "Montant", "Part"]
    assert budget.rows[-1].cells[1].text == "8\u202f000 €"
    tactic_rows = tables[1].rows[1:]
    assert [r.cells[0].text for r in tactic_rows] == [t.id for t in plan.tactics]


def test_json_round_trips_to_the_same_plan(plan):
    data = json.loads(export_plan(plan, "json", PROMPTS))
    assert Plan.model_validate(data) == plan
    assert data["sources"] and data["budget"]["total_cents"] == 800_000
