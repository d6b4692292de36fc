"""The form of one plan section, drawn inside the plan area's `gr.render` (plan_view.py): one
input per field of the plan model (plan_form.py), grouped by row, each field's problem beside
it (its type and range, then the plan validator), one save button."""

from __future__ import annotations

import itertools
from typing import Any

import gradio as gr

from ..errors import PlanInputError
from ..planning.rebalance import rebalance
from . import plan_form
from .context import UiContext
from .render import escape


def section_form(ctx: UiContext, view: Any, plan: Any, name: str, lang: str, who: str,
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
