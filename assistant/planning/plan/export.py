"""Plan exports: Markdown, DOCX and PDF (headings, tables, the charts) and JSON, in the plan's
language."""

from __future__ import annotations

import io
import json
from collections.abc import Callable

from ...prompts import PromptLibrary
from . import tables
from .charts import ChartImage, chart_images
from .formatting import format_money
from .model import Plan, SourceRef

FORMATS = ("md", "docx", "json", "pdf")
PICTURED = ("docx", "pdf")  # the formats that carry the charts
Table = tuple[list[str], list[list[str]]]


def export_plan(plan: Plan, fmt: str, prompts: PromptLibrary,
                charts: list[ChartImage] | None = None) -> bytes:
    """The plan as a file's bytes in `md`, `docx`, `json` or `pdf`; docx and pdf carry the
    charts (`charts` when already rendered as PNG, else drawn here)."""
    if fmt == "json":
        return json.dumps(plan.model_dump(), ensure_ascii=False, indent=2).encode("utf-8")
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    say = lambda key, **v: prompts.phrase("plan", plan.language, key, **v)  # noqa: E731
    if fmt in PICTURED and charts is None:
        charts = chart_images(plan, say)
    blocks = _blocks(plan, say, charts if fmt in PICTURED else None)
    if fmt == "md":
        return _markdown(blocks).encode("utf-8")
    if fmt == "docx":
        return _docx(blocks)
    from .pdf import render_pdf  # lazy: fpdf2 is only paid when exporting a PDF

    return render_pdf(plan, blocks, say)


def _blocks(plan: Plan, say: Callable[..., str],
            charts: list[ChartImage] | None = None) -> list[tuple[str, object]]:
    """The document as a flat list of (kind, content): h1, h2, h3, p, bullets, table, and
    figure (a ChartImage, right after the summary, when charts are given)."""
    lang, swot = plan.language, plan.diagnosis.swot
    h = lambda key: say(f"headings.{key}")  # noqa: E731
    out: list[tuple[str, object]] = [
        ("h1", plan.title),
        ("p", say("labels.meta", months=plan.horizon_months,
                  budget=format_money(plan.budget_cents, plan.currency, lang))),
    ]
    if plan.model_sections:  # which parts a chat model wrote (and the validator accepted)
        out += [("p", say("drafting.by_model", sections=", ".join(
            h(section) for section in plan.model_sections)))]
    if plan.draft_notes:
        out += [("bullets", plan.draft_notes)]
    if plan.stale:
        out += [("p", say("drafting.stale", items=", ".join(
            ref.split(":", 1)[1] for ref in plan.stale)))]
    out += [
        ("h2", h("summary")), ("p", plan.summary),
    ]
    if charts:
        out += [("h2", say("charts.heading")), *[("figure", chart) for chart in charts]]
    out += [
        ("h2", h("diagnosis")), ("h3", h("situation")), ("p", plan.diagnosis.situation),
        ("h3", h("swot")),
    ]
    for key, items in (("strengths", swot.strengths), ("weaknesses", swot.weaknesses),
                       ("opportunities", swot.opportunities), ("threats", swot.threats)):
        out += [("h4", h(key)), ("bullets", items)] if items else []
    out += [("h2", h("strategy")), ("h3", h("segments")),
            ("bullets", [f"{s.name}{say('colon')}{s.description}"
                         for s in plan.strategy.segments]),
            ("h3", h("target")), ("p", plan.strategy.target),
            ("h3", h("positioning")), ("p", plan.strategy.positioning),
            ("h3", h("objectives")), ("table", tables.objectives(plan, say)),
            ("h2", h("tactics")), ("table", tables.tactics(plan, say))]
    for t in plan.tactics:
        out += [("h3", f"{t.id} · {t.name}")]
        if t.why:
            out += [("p", f"{say('columns.why')}{say('colon')}{t.why}")]
        out += [("bullets", t.actions)]
    out += [("h2", h("budget")), ("table", tables.budget(plan, say))]
    if any(t.monthly_cents for t in plan.tactics):
        out += [("h3", h("budget_by_month")), ("table", tables.budget_by_month(plan, say))]
    if plan.funnel is not None:
        out += [("h3", h("funnel")), ("bullets", plan_funnel_lines(plan, say))]
    out += [
            ("h2", h("calendar")), ("table", tables.calendar(plan, say)),
            ("h2", h("measurement")), ("table", tables.measurement(plan, say)),
            ("h3", h("roi")), ("p", plan.measurement.roi_formula),
            ("h3", h("review")), ("p", plan.measurement.review),
            ("h2", h("risks")), ("table", tables.risks(plan, say)),
            ("h2", h("sources")),
            ("bullets", [source_line(s, say, lang) for s in plan.sources]),
            ("p", say("labels.footer"))]
    return out


def source_line(source: SourceRef, say: Callable[..., str], lang: str) -> str:
    """A source as the reader sees it: kind, title, and the language when it is another one."""
    line = f"{say('labels.' + source.kind)}{say('colon')}{source.title}"
    return f"{line} ({source.note})" if source.note else line


def plan_funnel_lines(plan: Plan, say: Callable[..., str]) -> list[str]:
    """The funnel section's sentences, from the stored funnel."""
    from .formatting import format_number, format_rate
    from .owner_units import cost_above_margin, cost_per_customer_cents, own_unit_lines

    f, lang = plan.funnel, plan.language
    num = lambda v: format_number(v, lang)  # noqa: E731
    lines = [say("funnel.assumptions", cpl=format_money(f.cost_per_lead_cents, plan.currency,
                                                        lang),
                 r2l=format_rate(f.reach_to_lead, lang), l2c=format_rate(f.lead_to_customer,
                                                                         lang)),
             say("funnel.budget", reach=num(f.reach), leads=num(f.leads),
                 customers=num(f.customers))]
    if f.cap is not None:
        lines.append(say("funnel.cap", cap=num(f.cap)))
    if cost_above_margin(f):  # the assumptions against the most a customer may cost
        money = lambda cents: format_money(cents, plan.currency, lang)  # noqa: E731
        lines.append(say("funnel.cost_above", cost=money(cost_per_customer_cents(f)),
                         max_cost=money(f.margin_per_customer_cents)))
    if f.owner_unit:  # the owner's own unit: said, never turned into customers
        lines += own_unit_lines(f, plan.horizon_months, say, num)
    elif f.owner_target and f.period:  # a rate: per period, then over the plan, said so
        period = say(f"rate.{f.period}")
        lines.append(say("rate.funnel", target=num(f.owner_target), leads=num(f.leads_needed),
                         reach=num(f.reach_needed), period=period))
        if f.period == "month":
            lines.append(say("rate.total_month", total=num(f.owner_total),
                             months=plan.horizon_months))
        else:
            lines.append(say("rate.total", total=num(f.owner_total), months=plan.horizon_months,
                             n=num(f.periods_per_month), periods=say(f"rate.{f.period}_plural")))
        if (f.owner_total or 0) > f.customers:
            lines.append(say("funnel.short", customers=num(f.customers)))
    elif f.owner_target:
        lines.append(say("funnel.owner", target=num(f.owner_target), leads=num(f.leads_needed),
                         reach=num(f.reach_needed)))
        if f.owner_target > f.customers:
            lines.append(say("funnel.short", customers=num(f.customers)))
    lines.append(say("funnel.change"))
    return lines


def _markdown(blocks: list[tuple[str, object]]) -> str:
    lines: list[str] = []
    marks = {"h1": "#", "h2": "##", "h3": "###", "h4": "####"}
    for kind, content in blocks:
        if kind in marks:
            lines += [f"{marks[kind]} {content}", ""]
        elif kind == "p":
            lines += [str(content), ""]
        elif kind == "bullets":
            lines += [f"- {item}" for item in content] + [""]  # type: ignore[union-attr]
        elif kind == "table":
            head, rows = content  # type: ignore[misc]
            cell = lambda text: str(text).replace("|", "\\|").replace("\n", " ")  # noqa: E731
            lines.append("| " + " | ".join(cell(c) for c in head) + " |")
            lines.append("|" + "---|" * len(head))
            lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _docx(blocks: list[tuple[str, object]]) -> bytes:
    from docx import Document  # lazy: only paid when exporting
    from docx.shared import Cm

    doc = Document()
    levels = {"h1": 0, "h2": 1, "h3": 2, "h4": 3}
    for kind, content in blocks:
        if kind in levels:
            doc.add_heading(str(content), level=levels[kind])
        elif kind == "p":
            doc.add_paragraph(str(content))
        elif kind == "bullets":
            for item in content:  # type: ignore[union-attr]
                doc.add_paragraph(str(item), style="List Bullet")
        elif kind == "figure":
            chart: ChartImage = content  # type: ignore[assignment]
            doc.add_picture(io.BytesIO(chart.data), width=Cm(16))
            doc.inline_shapes[-1]._inline.docPr.set("descr", chart.alt)  # read by a screen reader
        elif kind == "table":
            head, rows = content  # type: ignore[misc]
            table = doc.add_table(rows=1, cols=len(head))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, head, strict=True):
                cell.text = str(text)
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            for row in rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = str(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
