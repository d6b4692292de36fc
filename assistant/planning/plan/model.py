"""The marketing plan as a typed model: strategy down to tactics, money in integer cents."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

SECTIONS = ("summary", "diagnosis", "strategy", "tactics", "budget", "calendar", "measurement",
            "risks", "sources")
NARRATIVE_SECTIONS = ("summary", "diagnosis", "risks")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Swot(_Model):
    strengths: list[str]
    weaknesses: list[str]
    opportunities: list[str]
    threats: list[str]


class Diagnosis(_Model):
    situation: str = Field(min_length=1)
    swot: Swot


class Segment(_Model):
    name: str = Field(min_length=1)
    description: str


class Objective(_Model):
    """A SMART objective: specific text, measurable KPI and target, deadline month."""

    id: str = Field(pattern=r"^O\d+$")
    text: str = Field(min_length=1)
    kpi: str = Field(min_length=1)
    kpi_name: str
    target_value: float = Field(gt=0)
    unit: str
    deadline_month: int = Field(ge=1)


class Strategy(_Model):
    segments: list[Segment] = Field(min_length=1)
    target: str = Field(min_length=1)
    positioning: str = Field(min_length=1)
    objectives: list[Objective] = Field(min_length=1)


class Tactic(_Model):
    """One concrete line of work serving one or more objectives."""

    id: str = Field(pattern=r"^T\d+$")
    name: str = Field(min_length=1)
    objective_ids: list[str]
    mix_element: str
    channel: str | None = None  # a playbook channel id; None for product, price, people...
    channel_label: str = ""
    actions: list[str] = Field(min_length=1)
    owner: str
    start_month: int = Field(ge=1)
    end_month: int = Field(ge=1)
    budget_cents: int = Field(ge=0)
    kpi: str
    kpi_name: str


class BudgetLine(_Model):
    label: str
    tactic_id: str | None = None
    amount_cents: int = Field(ge=0)
    share_percent: float = Field(ge=0, le=100)


class Budget(_Model):
    currency: str = Field(min_length=3, max_length=3)
    total_cents: int = Field(gt=0)
    lines: list[BudgetLine] = Field(min_length=1)


class CalendarPeriod(_Model):
    label: str
    start_month: int = Field(ge=1)
    end_month: int = Field(ge=1)
    tactic_ids: list[str]
    milestones: list[str] = Field(default_factory=list)


class KpiPlan(_Model):
    objective_id: str
    kpi_name: str
    target: str
    how_to_read: str
    cadence: str


class Measurement(_Model):
    kpis: list[KpiPlan] = Field(min_length=1)
    roi_formula: str
    review: str


class Risk(_Model):
    risk: str
    response: str


class SourceRef(_Model):
    kind: str = Field(pattern=r"^(concept|article)$")
    id: str
    title: str = ""


class Plan(_Model):
    """A whole marketing plan in one language."""

    id: str = ""
    language: str
    title: str
    business: str
    currency: str
    budget_cents: int = Field(gt=0)
    horizon_months: int = Field(ge=1, le=36)
    excluded_channels: list[str] = Field(default_factory=list)
    narrative_by: str = "builder"  # "builder" or "model"
    summary: str = Field(min_length=1)
    diagnosis: Diagnosis
    strategy: Strategy
    tactics: list[Tactic] = Field(min_length=1)
    budget: Budget
    calendar: list[CalendarPeriod] = Field(min_length=1)
    measurement: Measurement
    risks: list[Risk]
    sources: list[SourceRef]
