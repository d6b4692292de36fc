"""The drafted plan inside the interview tab: rendered (tables become cards on a phone), each
section editable through a form built from the plan model, regenerate, downloads."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

import gradio as gr

from ..planning.plan.model import SECTIONS
from . import plan_charts
from .context import UiContext, owner_id
from .files import ExportFolder
from .plan_render import plan_html
from .plan_section_form import section_form
from .render import escape

FORMATS = ("md", "docx", "pdf", "json")  # one download button each, in this order


@dataclass
class PlanView:
    """The plan's components; `show(plan_id, owner, lang)` fills them."""

    ctx: UiContext
    group: gr.Group
    body: gr.HTML
    section: gr.Dropdown
    regenerate: gr.Button
    value: gr.Textbox
    save: gr.Button
    downloads: list[gr.DownloadButton]  # one per format (FORMATS)
    ready: gr.Markdown  # "The plan is ready", a live region: screen readers hear it once
    edit: gr.Button
    editing: gr.State  # the section whose form is open; "" = collapsed (a phone page stays short)
    # Downloads go to one folder per owner in Gradio's cache, replaced on each view.
    exports: ExportFolder = dataclasses.field(default_factory=ExportFolder)
    problems: gr.Markdown | None = None  # what the plan validator refused in the form
    version: gr.State | None = None  # bumped after each save: the form is redrawn

    @property
    def outputs(self) -> list[Any]:
        return [self.section, self.regenerate, *self.downloads, self.edit]

    def relabel(self, lang: str) -> list[Any]:
        t = self.ctx.text
        return [gr.update(label=t(lang, "interview.section")),
                gr.update(value=t(lang, "interview.regenerate")),
                *[gr.update(label=t(lang, f"interview.formats.{fmt}")) for fmt in FORMATS],
                gr.update(value=t(lang, "interview.edit_section"))]

    @property
    def show_outputs(self) -> list[Any]:
        return [self.group, self.body, self.section, self.value, *self.downloads, self.ready,
                self.editing]

    def show(self, plan_id: str | None, owner: str, section: str | None = None) -> list[Any]:
        """The plan rendered from its Markdown export with its charts, and its downloads."""
        if not plan_id:
            return [gr.update(visible=False), "", gr.skip(), "",
                    *[gr.update(value=None) for _ in FORMATS], "", ""]
        a = self.ctx.assistant
        plan = a.plans.get_plan(plan_id, owner)
        names = a.prompts.phrases("plan", plan.language).get("headings", {})
        section = section if section in SECTIONS else SECTIONS[0]
        markdown = a.plans.export_plan(plan_id, "md", owner).decode("utf-8")
        charts = plan_charts.plan_charts(a.prompts, plan)  # drawn once: page, pdf, docx
        paths = self.exports.write(owner, plan_id, {
            f"{_slug(plan.title)}.{fmt}": a.plans.export_plan(plan_id, fmt, owner, charts=charts)
            for fmt in FORMATS})
        say = a.prompts.phrases("plan", plan.language)
        month = say.get("columns", {}).get("month", "")
        heading = a.prompts.phrase("plan", plan.language, "charts.heading")
        html = plan_charts.after_summary(plan_html(markdown, month, plan.title),
                                         plan_charts.charts_html(charts, heading))
        ready = self.ctx.text(plan.language, "interview.plan_ready", title=escape(plan.title))
        return [gr.update(visible=True), html,
                gr.update(choices=[(names.get(s, s), s) for s in SECTIONS], value=section),
                section_text(plan, section), *paths, f"✓ {ready}", ""]

    def save_section(self, pid: str, name: str, text: str, owner: str, lang: str,
                     request: gr.Request) -> list[Any]:
        """Replace a section with `text` (JSON for structured sections): the API's way."""
        return self._change(pid, name, text, owner, lang, request, redo=False)

    def regenerate_section(self, pid: str, name: str, text: str, owner: str, lang: str,
                           request: gr.Request) -> list[Any]:
        """Draft a section again."""
        return self._change(pid, name, text, owner, lang, request, redo=True)

    def _change(self, pid: str, name: str, text: str, owner: str, lang: str,
                request: gr.Request, redo: bool) -> list[Any]:
        plans, who = self.ctx.assistant.plans, owner_id(owner, request)
        try:
            if redo:
                plans.regenerate_section(pid, name, who)
            else:
                current = getattr(plans.get_plan(pid, who), name)
                value = text if isinstance(current, str) else json.loads(text or "null")
                plans.edit_section(pid, name, value, who)
            return self.show(pid, who, name)
        except json.JSONDecodeError as err:
            raise gr.Error(f"JSON: {err.msg} ({err.lineno}:{err.colno})") from None
        except Exception as err:  # noqa: BLE001
            raise self.ctx.error(err, lang) from None



def section_text(plan: Any, section: str) -> str:
    """A section as editable text: plain text for text sections, JSON otherwise."""
    value = getattr(plan, section)
    if isinstance(value, str):
        return value
    dumped = plan.model_dump()[section]
    return json.dumps(dumped, ensure_ascii=False, indent=2)


def build(ctx: UiContext, plan_id: gr.State) -> PlanView:
    """Lay out the plan area (hidden until a plan exists) and wire its events."""
    t, lang0 = ctx.text, "en"
    views: list[PlanView] = []  # the form is drawn on request, once the view exists
    with gr.Group(visible=False, elem_classes="plan-box") as group:
        ready = gr.Markdown("", elem_id="plan-ready", label="ready")
        # The actions first (a phone reaches them without scrolling the whole plan): the
        # downloads, then the section tools.
        with gr.Row(elem_id="plan-downloads"):
            downloads = [gr.DownloadButton(t(lang0, f"interview.formats.{fmt}"), size="sm",
                                           elem_id=f"plan-download-{fmt}",
                                           elem_classes="plan-download", min_width=120)
                         for fmt in FORMATS]
        with gr.Row(equal_height=True, elem_id="plan-tools"):
            section = gr.Dropdown([], label=t(lang0, "interview.section"), scale=2,
                                  elem_id="plan-section")
            edit = gr.Button(t(lang0, "interview.edit_section"), scale=1, variant="primary",
                             elem_id="plan-edit")
            regenerate = gr.Button(t(lang0, "interview.regenerate"), scale=1,
                                   elem_id="plan-regenerate")
        version = gr.State(0)  # bumped after each save, so the form is rebuilt from the plan
        editing = gr.State("")  # the one section whose form is open, on request
        with gr.Column(elem_id="plan-form"):
            _form_area(ctx, plan_id, editing, version, views)
        problems = gr.Markdown("", elem_id="plan-form-problems", elem_classes="form-problems",
                               label="problems")
        body = gr.HTML("", elem_id="plan-body", label="plan", padding=False)
        # For API clients: a section as text or JSON (the form is the way in the browser).
        value = gr.Textbox(label="section_content", visible=False, elem_id="plan-section-value")
        save = gr.Button("save", visible=False, elem_id="plan-save-json")
    views.append(PlanView(ctx, group, body, section, regenerate, value, save, downloads, ready,
                          edit, editing, problems=problems, version=version))
    _wire(views[0], plan_id)
    return views[0]


def _form_area(ctx: UiContext, plan_id: gr.State, editing: gr.State, version: gr.State,
               views: list[PlanView]) -> None:
    """Where the open section's form is drawn (`gr.render`, redrawn when the section, the
    plan or the language changes)."""
    @gr.render(inputs=[plan_id, editing, ctx.owner, ctx.lang, version],
               triggers=[editing.change, version.change, ctx.lang.change])
    def form(pid: str, name: str | None, owner: str, lang: str, _version: int,
             request: gr.Request) -> None:
        """One input per field of the chosen section, errors beside each field."""
        if not pid or name not in SECTIONS:
            return
        who = owner_id(owner, request)
        try:
            plan = ctx.assistant.plans.get_plan(pid, who)
        except Exception:  # noqa: BLE001 - the plan area shows the error already
            return
        view = views[0]
        section_form(ctx, view, plan, name, lang, who, view.version, view.problems)


def _wire(view: PlanView, plan_id: gr.State) -> None:
    """The plan area's events: open a section's form, save or regenerate a section."""
    ctx = view.ctx
    # The form opens when asked, for one section; choosing another section while it is open
    # shows that one's form instead. Queued: Gradio reports a changed `gr.State` (which
    # redraws the form) only through its queue.
    view.edit.click(lambda name: name or "", view.section, view.editing,
                    api_visibility="private")
    view.section.input(lambda name, open_: name if open_ else gr.skip(),
                       [view.section, view.editing], view.editing, api_visibility="private")
    inputs = [plan_id, view.section, view.value, ctx.owner, ctx.lang]
    view.save.click(view.save_section, inputs, view.show_outputs, api_name="edit_section")
    view.regenerate.click(view.regenerate_section, inputs, view.show_outputs,
                          api_name="regenerate_section").then(
        lambda v: v + 1, view.version, view.version, api_visibility="private")


def _slug(title: str) -> str:
    cleaned = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")
    return "-".join(part for part in cleaned.split("-") if part)[:60] or "marketing-plan"
