"""The drafted plan inside the interview tab: rendered, per-section regenerate/edit, downloads."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr

from ..planning.plan.model import SECTIONS
from .context import UiContext, owner_id
from .render import escape

FORMATS = ("md", "docx", "json")


@dataclass
class PlanView:
    """The plan's components; `show(plan_id, owner, lang)` fills them."""

    ctx: UiContext
    group: gr.Group
    body: gr.Markdown
    section: gr.Dropdown
    regenerate: gr.Button
    value: gr.Textbox
    save: gr.Button
    files: gr.File

    @property
    def outputs(self) -> list[Any]:
        return [self.section, self.regenerate, self.value, self.save, self.files]

    def relabel(self, lang: str) -> list[Any]:
        t = self.ctx.text
        return [gr.update(label=t(lang, "interview.section")),
                gr.update(value=t(lang, "interview.regenerate")),
                gr.update(label=t(lang, "interview.section_value")),
                gr.update(value=t(lang, "interview.save_section")),
                gr.update(label=t(lang, "interview.downloads"))]

    @property
    def show_outputs(self) -> list[Any]:
        return [self.group, self.body, self.section, self.value, self.files]

    def show(self, plan_id: str | None, owner: str, section: str | None = None) -> list[Any]:
        """The plan rendered from its Markdown export, and its three downloads."""
        if not plan_id:
            return [gr.update(visible=False), "", gr.skip(), "", None]
        a = self.ctx.assistant
        plan = a.plans.get_plan(plan_id, owner)
        names = a.runtime.prompts.phrases("plan", plan.language).get("headings", {})
        section = section if section in SECTIONS else SECTIONS[0]
        markdown = a.plans.export_plan(plan_id, "md", owner).decode("utf-8")
        folder = Path(tempfile.mkdtemp(prefix="estratega-plan-"))
        paths = []
        for fmt in FORMATS:
            path = folder / f"{_slug(plan.title)}.{fmt}"
            path.write_bytes(a.plans.export_plan(plan_id, fmt, owner))
            paths.append(str(path))
        return [gr.update(visible=True), escape(markdown),
                gr.update(choices=[(names.get(s, s), s) for s in SECTIONS], value=section),
                section_text(plan, section), paths]


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
    with gr.Group(visible=False, elem_id="plan") as group:
        body = gr.Markdown("", elem_id="plan-body", elem_classes="card")
        with gr.Row(equal_height=True):
            section = gr.Dropdown([], label=t(lang0, "interview.section"), scale=2,
                                  elem_id="plan-section")
            regenerate = gr.Button(t(lang0, "interview.regenerate"), scale=1,
                                   elem_id="plan-regenerate")
        value = gr.Textbox(label=t(lang0, "interview.section_value"), lines=4, max_lines=16,
                           elem_id="plan-section-value")
        save = gr.Button(t(lang0, "interview.save_section"), variant="primary", size="sm",
                         elem_id="plan-save-section")
        files = gr.File(label=t(lang0, "interview.downloads"), file_count="multiple",
                        interactive=False, elem_id="plan-files")
    view = PlanView(ctx, group, body, section, regenerate, value, save, files)

    def pick(pid: str, name: str, owner: str, lang: str, request: gr.Request) -> str:
        try:
            return section_text(ctx.assistant.plans.get_plan(pid, owner_id(owner, request)), name)
        except Exception as err:  # noqa: BLE001 - every failure becomes a message
            raise ctx.error(err, lang) from None

    def change(pid: str, name: str, text: str, owner: str, lang: str, request: gr.Request,
               redo: bool = False) -> list[Any]:
        who = owner_id(owner, request)
        try:
            if redo:
                ctx.assistant.plans.regenerate_section(pid, name, who)
            else:
                current = getattr(ctx.assistant.plans.get_plan(pid, who), name)
                value = text if isinstance(current, str) else json.loads(text or "null")
                ctx.assistant.plans.edit_section(pid, name, value, who)
                gr.Info(t(lang, "interview.saved_section"))
            return view.show(pid, who, name)
        except json.JSONDecodeError as err:
            raise gr.Error(f"JSON: {err.msg} ({err.lineno}:{err.colno})") from None
        except Exception as err:  # noqa: BLE001
            raise ctx.error(err, lang) from None

    inputs = [plan_id, section, value, ctx.owner, ctx.lang]
    section.input(pick, [plan_id, section, ctx.owner, ctx.lang], value, api_visibility="private")
    save.click(change, inputs, view.show_outputs, api_name="edit_section")

    def redo(pid: str, name: str, text: str, owner: str, lang: str,
             request: gr.Request) -> list[Any]:
        return change(pid, name, text, owner, lang, request, redo=True)

    regenerate.click(redo, inputs, view.show_outputs, api_name="regenerate_section")
    return view


def _slug(title: str) -> str:
    cleaned = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")
    return "-".join(part for part in cleaned.split("-") if part)[:60] or "marketing-plan"
