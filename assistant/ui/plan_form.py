"""A plan section as form fields, read from the `Plan` model itself: text areas for text, one
line per item for lists, currency units for money, month numbers; and back again.

Nothing here names a section's fields, so a field the plan model gains appears in the form."""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..planning.plan.model import Plan

# Fields that hold internal ids the builder links by: shown as row titles, never edited.
# Playbook codes (kpi, template, effort...) are read by the builder, not by people.
READ_ONLY = frozenset({"id", "channel", "tactic_id", "kind", "kpi", "template", "objective_id",
                       "effort", "owner_role"})
ROW_ID = re.compile(r"\b([OT]\d+)\b")


@dataclass(frozen=True)
class Field:
    """One editable value of a section: where it sits and how it is shown."""

    path: tuple[str | int, ...]  # inside the section's dumped value
    name: str  # the model field's name ("budget_cents"); "" for a text section
    kind: str  # text | lines | money | month | integer | number | optional | flag
    value: Any  # as shown: money in currency units, lists one item per line
    row: str = ""  # the row it belongs to ("T1", "Risk 2"), "" at the top level

    @property
    def key(self) -> str:
        """A stable, HTML-safe id fragment for this field."""
        return "-".join(str(p) for p in self.path) or "value"


def section_fields(plan: Plan, section: str) -> list[Field]:
    """Every editable field of one section, in the model's order."""
    annotation = Plan.model_fields[section].annotation
    return list(_walk(annotation, getattr(plan, section), (), "", ""))


def _walk(annotation: Any, value: Any, path: tuple[str | int, ...], name: str,
          row: str) -> typing.Iterator[Field]:
    model = _model_of(annotation)
    if model is not None:
        for field_name, info in model.model_fields.items():
            if field_name in READ_ONLY:
                continue
            yield from _walk(info.annotation, getattr(value, field_name), (*path, field_name),
                             field_name, row)
        return
    item = _list_item(annotation)
    if item is not None and _model_of(item) is not None:
        for i, element in enumerate(value or []):
            yield from _walk(item, element, (*path, i), name, row_title(element, i))
        return
    yield Field(path, name, *_shown(annotation, name, value), row=row)


def _shown(annotation: Any, name: str, value: Any) -> tuple[str, Any]:
    """The widget kind for a leaf, and its value as the widget shows it."""
    base, optional = _unwrap_optional(annotation)
    item = _list_item(base)
    if item is int and name.endswith("_cents"):
        return "money_lines", "\n".join(f"{v / 100:g}" for v in value or [])
    if item is int:
        return "int_lines", "\n".join(str(v) for v in value or [])
    if item is not None:
        return "lines", "\n".join(str(v) for v in value or [])
    if base is bool:
        return "flag", bool(value)
    if base is int and name.endswith("_cents"):
        return "money", (value or 0) / 100
    if base is int and name.endswith("month"):
        return "month", value
    if base is int:
        return "integer", value
    if base is float:
        return "number", value
    return ("optional" if optional else "text"), "" if value is None else str(value)


def row_title(element: Any, index: int) -> str:
    """A list row's title: its id when it has one, else its position."""
    ident = getattr(element, "id", "") or getattr(element, "tactic_id", "") or ""
    return str(ident) or f"#{index + 1}"


def assemble(plan: Plan, section: str, fields: list[Field], values: list[Any]) -> Any:
    """The section's new value: the saved one with every field replaced by its form value."""
    current = plan.model_dump()[section]
    for field, raw in zip(fields, values, strict=True):
        value = _parsed(field.kind, raw)
        if not field.path:
            current = value
            continue
        node = current
        for step in field.path[:-1]:
            node = node[step]
        node[field.path[-1]] = value
    return current


def shown_value(kind: str, raw: Any) -> Any:
    """A form value as `Field.value` shows it, to tell whether the owner changed it."""
    try:
        value = _parsed(kind, raw)
    except (TypeError, ValueError):
        return raw
    if kind == "money":
        return None if value is None else value / 100
    if kind == "money_lines":
        return "\n".join(f"{v / 100:g}" for v in value)
    return raw


def _parsed(kind: str, raw: Any) -> Any:
    if kind in ("money_lines", "int_lines"):
        scale = 100 if kind == "money_lines" else 1
        return [round(float(line.replace(",", ".")) * scale)
                for line in str(raw or "").split() if line.strip()]
    if kind == "lines":
        return [line.strip() for line in str(raw or "").splitlines() if line.strip()]
    if kind == "money":
        return None if raw is None or raw == "" else round(float(raw) * 100)
    if kind in ("month", "integer"):
        return None if raw is None or raw == "" else int(round(float(raw)))
    if kind == "number":
        return None if raw is None or raw == "" else float(raw)
    if kind == "flag":
        return bool(raw)
    if kind == "optional":
        return str(raw).strip() or None
    return str(raw or "").strip()


def field_errors(section: str, value: Any, fields: list[Field]) -> dict[str, str]:
    """Type and range problems of a section's value, by field key, as pydantic error types
    with their limit (turned into words by the UI)."""
    annotation = Plan.model_fields[section].annotation
    try:
        TypeAdapter(annotation).validate_python(value)
    except ValidationError as exc:
        out: dict[str, str] = {}
        by_path = {f.path: f for f in fields}
        for error in exc.errors():
            loc = tuple(error["loc"])
            field = by_path.get(loc) or _nearest(loc, fields)
            if field is not None and field.key not in out:
                limit = next(iter((error.get("ctx") or {}).values()), "")
                out[field.key] = f"{error['type']}|{limit}"
        return out
    return {}


def _nearest(loc: tuple[Any, ...], fields: list[Field]) -> Field | None:
    """The first field inside `loc` (a whole list or row is too short or invalid)."""
    for field in fields:
        if field.path[: len(loc)] == loc:
            return field
    return fields[0] if fields else None


def problem_rows(problem: str, fields: list[Field]) -> str:
    """The row a validator sentence is about (it names T1, O2...), "" when none."""
    rows = {f.row for f in fields if f.row}
    for match in ROW_ID.finditer(problem):
        if match.group(1) in rows:
            return match.group(1)
    return ""


def _model_of(annotation: Any) -> type[BaseModel] | None:
    base, _ = _unwrap_optional(annotation)
    return base if isinstance(base, type) and issubclass(base, BaseModel) else None


def _list_item(annotation: Any) -> Any:
    return typing.get_args(annotation)[0] if typing.get_origin(annotation) is list else None


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    """(X, True) for `X | None`, else (annotation, False)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False
