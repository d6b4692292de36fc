"""What the understanding step read from an owner's answers: the contract between the interview
(which fills it and lets the owner correct it) and the plan builder (which obeys it)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class GoalUnderstood(BaseModel):
    """One goal the owner stated, with the numbers found in their words."""

    goal_id: str  # awareness | acquisition | conversion | loyalty | launch | repositioning
    text: str  # the owner's words for this goal: a whole clause, never cut mid-phrase
    current: float | None = None  # level today ("300 socios")
    target: float | None = None  # level wanted ("llegar a 450")
    change: float | None = None  # +150 (new), or -50 with unit "percent" (halve the churn)
    unit: str | None = None  # "customers" | "percent" | "currency" | None
    period: str | None = None  # a rate: "evening" | "day" | "week" | "month" ("40 a sera")
    confidence: float = 1.0


class Understanding(BaseModel):
    """The business as the plan must see it. Every field can be corrected by the owner."""

    business_type: str  # one of the playbook's business types
    business_confidence: float = 1.0
    business_alternatives: list[str] = Field(default_factory=list)  # next best types
    goals: list[GoalUnderstood] = Field(default_factory=list)  # first = primary
    channel_ids: list[str] = Field(default_factory=list)  # channels that work today
    excluded_ids: list[str] = Field(default_factory=list)  # with platform families expanded
    current_customers: int | None = None
    average_sale: float | None = None  # in the plan's currency
    gross_margin: float | None = None  # 0..1
    busy_months: list[int] = Field(default_factory=list)  # 1..12
    quiet_months: list[int] = Field(default_factory=list)  # 1..12, open but slow
    closed_months: list[int] = Field(default_factory=list)  # 1..12, the business is shut
    start_year: int
    start_month: int  # 1..12; default: the month after the interview
    hours_per_week: float | None = None
    team_size: int | None = None  # people who can do the work; 1 = alone
    regulated: str | None = None  # health | alcohol | finance | legal | pharma | children | other
    corrected: list[str] = Field(default_factory=list)  # fields the owner set by hand

    @property
    def solo(self) -> bool:
        """Whether one person does everything."""
        return self.team_size == 1
