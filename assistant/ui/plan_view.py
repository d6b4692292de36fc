"""The drafted plan inside the interview tab: rendered (tables become cards on a phone), each
section editable through a form built from the plan model, regenerate, downloads."""

from __future__ import annotations

import dataclasses
import itertools
import json
from dataclasses import dataclass
from typing import Any

import gradio as gr

from ..errors import PlanInputError
from ..planning.plan.model import SECTIONS
from ..planning.rebalance import rebalance
from . import plan_charts, plan_form
from .context import UiContext, owner_id
from .files import ExportFolder
from .plan_render import plan_html
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
    version = gr.State(0)  # bumped after each save, so the form is rebuilt from the plan
    editing = gr.State("")  # the one section whose form is open, on request
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
        with gr.Column(elem_id="plan-form"):
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
                _form(ctx, view, plan, name, lang, who, version, problems)
        problems = gr.Markdown("", elem_id="plan-form-problems", elem_classes="form-problems",
                               label="problems")
        body = gr.HTML("", elem_id="plan-body", label="plan", padding=False)
        # For API clients: a section as text or JSON (the form is the way in the browser).
        value = gr.Textbox(label="section_content", visible=False, elem_id="plan-section-value")
        save = gr.Button("save", visible=False, elem_id="plan-save-json")
    view = PlanView(ctx, group, body, section, regenerate, value, save, downloads, ready, edit,
                    editing)
    # The form opens when asked, for one section; choosing another section while it is open
    # shows that one's form instead.
    # Queued: Gradio reports a changed `gr.State` (which redraws the form) only through its queue.
    edit.click(lambda name: name or "", section, editing, api_visibility="private")
    section.input(lambda name, open_: name if open_ else gr.skip(), [section, editing], editing,
                  api_visibility="private")

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
            return view.show(pid, who, name)
        except json.JSONDecodeError as err:
            raise gr.Error(f"JSON: {err.msg} ({err.lineno}:{err.colno})") from None
        except Exception as err:  # noqa: BLE001
            raise ctx.error(err, lang) from None

    inputs = [plan_id, section, value, ctx.owner, ctx.lang]
    save.click(change, inputs, view.show_outputs, api_name="edit_section")

    def redo(pid: str, name: str, text: str, owner: str, lang: str,
             request: gr.Request) -> list[Any]:
        return change(pid, name, text, owner, lang, request, redo=True)

    regenerate.click(redo, inputs, view.show_outputs, api_name="regenerate_section").then(
        lambda v: v + 1, version, version, api_visibility="private")
    return view


def _form(ctx: UiContext, view: PlanView, plan: Any, name: str, lang: str, who: str,
          version: gr.State, problems: gr.Markdown) -> None:
    """The form of one section (inside `gr.render`): fields grouped by row, one save button."""
    t = ctx.text
    fields = plan_form.section_fields(plan, name)
    inputs: list[Any] = []
    for row, group in itertools.groupby(fields, key=lambda f: f.row):
        with gr.Group(elem_classes="form-row"):
            if row:
                gr.Markdown(f"**{_row_title(t, lang, row, plan)}**",
                            elem_classes="form-row-title")
            inputs.extend(_input(t, lang, plan, field) for field in group)
    with gr.Row(elem_classes="form-actions"):
        save = gr.Button(t(lang, "interview.save_section"), variant="primary",
                         elem_id="plan-save-section")
        close = gr.Button(t(lang, "interview.close_form"), elem_id="plan-close-form")
    close.click(lambda: ("", ""), None, [view.editing, problems], api_visibility="private")

    def check(*values: Any) -> list[Any]:
        """Each field's problem beside it: its type and range first, then the plan validator."""
        messages = _check(ctx, plan, name, fields, list(values[:-1]), lang)
        return [*[gr.validate(not messages.get(f.key), messages.get(f.key, ""))
                  for f in fields], gr.validate(True, "")]

    def store(*values: Any) -> tuple[Any, ...]:
        """Save the section through the plan validator; what it refuses stays under the form."""
        new = plan_form.assemble(plan, name, fields, list(values[:-1]))
        try:
            ctx.assistant.plans.edit_section(plan.id, name, new, who)
        except PlanInputError as err:
            lines = "\n".join(f"- {escape(p)}" for p in err.params.get("problems", []))
            return (*[gr.skip()] * len(view.show_outputs), lines, gr.skip())
        except Exception as err:  # noqa: BLE001 - every failure becomes a message
            raise ctx.error(err, lang) from None
        gr.Info(t(lang, "interview.saved_section"), title=t(lang, "notify.info"))
        return (*view.show(plan.id, who, name), "", values[-1] + 1)  # the form closes

    save.click(store, [*inputs, version], [*view.show_outputs, problems, version],
               validator=check, api_visibility="private")


def _check(ctx: UiContext, plan: Any, name: str, fields: list[plan_form.Field],
           values: list[Any], lang: str) -> dict[str, str]:
    """Problems by field key, in the UI language (types and ranges) or the plan's (validator)."""
    from ..planning.plan import validate_plan
    from ..planning.plan.model import Plan

    t = ctx.text
    try:
        new = plan_form.assemble(plan, name, fields, values)
    except (TypeError, ValueError):
        new = None
    if new is None:
        return {f.key: t(lang, "plan_form.errors.number") for f in fields
                if f.kind in ("money", "month", "integer", "number")}
    typed = plan_form.field_errors(name, new, fields)
    if typed:
        return {key: _type_message(t, lang, code) for key, code in typed.items()}
    candidate = Plan.model_validate({**plan.model_dump(), name: new})
    # The money that hangs on a changed budget is recomputed as the save will (rebalance.py).
    candidate, over = rebalance(plan, candidate, name)
    out: dict[str, str] = {}
    prompts = ctx.assistant.prompts
    for finding in [*over, *validate_plan(candidate)]:
        sentence = prompts.phrase("plan", plan.language, f"findings.{finding.code}",
                                  subject=finding.subject, detail=finding.detail)
        target = (_changed_money(fields, values) if finding.code == "tactics_over_budget"
                  else _finding_field(finding.code, finding.subject, fields))
        if target is not None:
            out[target.key] = f"{out[target.key]} {sentence}" if target.key in out else sentence
    return out


def _changed_money(fields: list[plan_form.Field], values: list[Any]) -> plan_form.Field | None:
    """The first amount the owner changed (where a total that no longer fits is reported)."""
    money = [(f, v) for f, v in zip(fields, values, strict=True)
             if f.kind in ("money", "money_lines")]
    changed = [f for f, v in money if plan_form.shown_value(f.kind, v) != f.value]
    return (changed or [f for f, _ in money] or [None])[0]


def _finding_field(code: str, subject: str, fields: list[plan_form.Field]
                   ) -> plan_form.Field | None:
    """The field a validator finding points at: in the row it names, the field it is about."""
    in_row = [f for f in fields if f.row == subject] or [
        f for f in fields if plan_form.problem_rows(subject, fields) == f.row and f.row]
    if not in_row:
        return None
    wanted = ("_cents",) if "budget" in code else ("month",) if "horizon" in code else (
        "objective_ids",) if "objective" in code else ("kpi",) if "kpi" in code else ()
    for field in in_row:
        if any(field.name.endswith(w) for w in wanted):
            return field
    return in_row[0]


def _type_message(t: Any, lang: str, code: str) -> str:
    kind, _, limit = code.partition("|")
    if kind in ("greater_than", "greater_than_equal"):
        return t(lang, "plan_form.errors.min", limit=limit)
    if kind in ("less_than", "less_than_equal"):
        return t(lang, "plan_form.errors.max", limit=limit)
    if kind in ("string_too_short", "too_short", "missing"):
        return t(lang, "plan_form.errors.required")
    if kind in ("string_too_long",):
        return t(lang, "plan_form.errors.too_long", limit=limit)
    if kind.endswith("_parsing") or kind.endswith("_type"):
        return t(lang, "plan_form.errors.number")
    return t(lang, "plan_form.errors.invalid")


def _row_title(t: Any, lang: str, row: str, plan: Any) -> str:
    """"T1 · Local search ads" for a row with an id, "Risk 2" for a numbered one."""
    if row.startswith("#"):
        return escape(f"{t(lang, 'plan_form.item')} {row[1:]}")
    names = {o.id: o.text for o in plan.strategy.objectives}
    names.update({x.id: x.name for x in plan.tactics})
    title = names.get(row, "")
    return escape(f"{row} · {title}" if title else row)


def _input(t: Any, lang: str, plan: Any, field: plan_form.Field) -> Any:
    """The input for one field, labelled in the UI language."""
    label = field_label(t, lang, field.name or "text")
    elem = f"pf-{field.key}"
    if field.kind == "money":
        return gr.Number(field.value, label=f"{label} ({plan.currency})", precision=2, minimum=0,
                         elem_id=elem, elem_classes="pf-field", interactive=True)
    if field.kind == "month":
        hint = t(lang, "plan_form.month_hint", last=plan.horizon_months)
        return gr.Number(field.value, label=f"{label} ({hint})", precision=0, minimum=1,
                         maximum=plan.horizon_months, elem_id=elem, elem_classes="pf-field",
                         interactive=True)
    if field.kind in ("integer", "number"):
        return gr.Number(field.value, label=label, elem_id=elem, elem_classes="pf-field",
                         precision=0 if field.kind == "integer" else None, interactive=True)
    if field.kind == "flag":
        return gr.Checkbox(field.value, label=label, elem_id=elem, elem_classes="pf-field",
                           interactive=True)
    if field.kind in ("money_lines", "int_lines"):
        suffix = f" ({plan.currency})" if field.kind == "money_lines" else ""
        return gr.Textbox(field.value, label=f"{label}{suffix}", lines=2, max_lines=12,
                          info=t(lang, "plan_form.one_per_line"), elem_id=elem,
                          elem_classes="pf-field", interactive=True)
    if field.kind == "lines":
        count = max(2, min(8, field.value.count("\n") + 1))
        return gr.Textbox(field.value, label=label, lines=count, max_lines=20,
                          info=t(lang, "plan_form.one_per_line"), elem_id=elem,
                          elem_classes="pf-field", interactive=True)
    long = len(field.value) > 70 or "\n" in field.value or not field.name
    return gr.Textbox(field.value, label=label, lines=4 if long else 1, max_lines=20,
                      elem_id=elem, elem_classes="pf-field", interactive=True)


def field_label(t: Any, lang: str, name: str) -> str:
    """A field's name in the UI language; a field without a translation yet gets its own name
    made readable ("kpi_name" -> "Kpi name"), so a new model field still shows."""
    names = t.prompts.phrases("ui", lang).get("plan_form", {}).get("fields", {})
    key = name.removesuffix("_cents")
    return names.get(key) or key.replace("_", " ").capitalize()


def _slug(title: str) -> str:
    cleaned = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")
    return "-".join(part for part in cleaned.split("-") if part)[:60] or "marketing-plan"
