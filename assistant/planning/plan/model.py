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
    period: str | None = None  # a rate target: per "evening" | "day" | "week" | "month"


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
    template: str = ""  # the playbook tactic it comes from
    effort: str = "light"  # light | medium | heavy (hours a week it takes)
    owner_role: str = ""  # owner | you | staff | marketing | sales | agency | you_with_help
    why: str = ""  # why it fits this business
    active_months: list[int] = Field(default_factory=list)  # plan months; empty = start..end
    monthly_cents: list[int] = Field(default_factory=list)  # budget per active month
    mix: str = ""  # product | price | place | promotion | people | process
    stages: list[str] = Field(default_factory=list)  # funnel stages it works on (reach, acquire…)
    buys: str = ""  # what its money buys: media | production | tools | paid_help | incentives
    owner_channel: str = ""  # the owner's own channel it runs on, in their words

    def works(self, working: list[str]) -> bool:
        """Whether it runs on a channel the owner says already works."""
        return bool(self.owner_channel) or self.channel in working


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
    kind: str = Field(pattern=r"^(concept|article|playbook)$")
    id: str
    title: str = ""
    language: str = ""
    note: str = ""  # e.g. "in Spanish: no article in this language covers it"


class PlanFacts(_Model):
    """What the owner said that the plan must obey, kept with the plan for the validator."""

    business_type: str
    start_year: int
    start_month: int = Field(ge=1, le=12)
    working_channels: list[str] = Field(default_factory=list)
    busy_months: list[int] = Field(default_factory=list)  # calendar months 1..12
    quiet_months: list[int] = Field(default_factory=list)
    closed_months: list[int] = Field(default_factory=list)  # shut: no work, no spend
    hours_per_week: float | None = None
    team_size: int | None = None
    regulated: str | None = None
    current_customers: int | None = None

    def closed(self, plan_month: int) -> bool:
        """Whether the business is shut in a plan month (no push, no spend then)."""
        return self.calendar_month(plan_month)[0] in self.closed_months

    def calendar_month(self, plan_month: int) -> tuple[int, int]:
        """(month, year) of a plan month (1 = the start month)."""
        index = self.start_month - 1 + plan_month - 1
        return index % 12 + 1, self.start_year + index // 12


class FunnelPlan(_Model):
    """Reach -> leads -> customers for this budget, with the assumptions shown and changeable."""

    cost_per_lead_cents: int = Field(gt=0)
    reach_to_lead: float = Field(gt=0, le=1)
    lead_to_customer: float = Field(gt=0, le=1)
    reach: int = Field(ge=0)
    leads: int = Field(ge=0)
    customers: int = Field(ge=0)  # what the budget should bring, bounded by plausibility
    cap: int | None = None  # the plausibility bound applied (market, today's base)
    owner_target: int | None = None  # new customers the owner's own numbers ask for
    leads_needed: int | None = None
    reach_needed: int | None = None
    margin_per_customer_cents: int | None = None
    # a monthly fee: the months one customer pays it (the owner's stay, else assumed_stay)
    months_per_customer: float | None = None
    stay_assumed: bool = False
    # a one-off sale: the purchases one customer makes over the plan (the type's assumption)
    purchases_per_customer: float | None = None
    break_even_customers: int | None = None
    period: str | None = None  # owner_target, leads_needed, reach_needed are per this period
    owner_total: int | None = None  # the owner's rate over the whole plan
    periods_per_month: float | None = None  # the conversion used for owner_total
    # the owner's unit when the goal counts something one customer fills several times
    # ("servicios por mes"): owner_target and owner_total count it, never new customers
    owner_unit: str | None = None
    notes: list[str] = Field(default_factory=list)


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
    facts: PlanFacts | None = None
    funnel: FunnelPlan | None = None
    # Model-drafted plans (assistant/planning/drafting.py): the sections the model wrote and
    # passed the validator, and what happened to the others, in the plan's language
    model_sections: list[str] = Field(default_factory=list)
    draft_notes: list[str] = Field(default_factory=list)
    # Parts that depend on an objective the owner changed, until redrafted (planning/dependents)
    stale: list[str] = Field(default_factory=list)
