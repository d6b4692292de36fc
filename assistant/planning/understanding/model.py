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
    # The owner's own metric, in their words, when it is not "customers": "desk occupancy",
    # "bar accounts", "orders a month", "Google rating", "students", "donors". The plan's
    # objective is written in this metric; the goal_id only says which tactics move it.
    metric: str | None = None
    # What it counts, when that is clear (knowledge/understanding/goal_metrics.json: customers,
    # orders, bookings, members, occupancy, rating, revenue, donors); None when unsure.
    family: str | None = None
    # The calendar month the owner wants it by ("entro giugno", "by June"), when they say one.
    due_month: int | None = Field(default=None, ge=1, le=12)


class ChannelUnderstood(BaseModel):
    """One channel the owner named, kept in their words whether or not the playbook knows it."""

    name: str  # the owner's name for it: "Mercado Libre", "visites aux bars avec échantillons"
    # marketplace | booking | review | reseller | direct_sales | partners | community | press |
    # events | social | search | email | messaging | own_site | word_of_mouth | other
    family: str = "other"
    channel_id: str | None = None  # the playbook's channel when one matches, else None
    share: float | None = None  # 0..1 of sales through it, when the owner says ("70 %")
    confidence: float = 1.0


class BusinessProfile(BaseModel):
    """How the business sells, described by attributes instead of a type label. The playbook's
    business types are presets of these attributes; no business is forced into one."""

    label: str = ""  # the owner's words for what it is: "espace de coworking"
    name: str | None = None  # the business's name alone: "The Mill Yard Works"
    buyers: list[str] = Field(default_factory=list)  # people | businesses | donors
    # where they buy: premises | customer_site | own_site | marketplace | booking_platform |
    # resellers | partners
    places: list[str] = Field(default_factory=list)
    payment: str | None = None  # one_off | recurring | project
    reach: str | None = None  # local | national | international | visitors (come from abroad)
    countries: list[str] = Field(default_factory=list)  # ISO 3166 codes the owner names
    # attribute -> confidence 0..1; below the threshold the interview asks with choices
    confidence: dict[str, float] = Field(default_factory=dict)


class Understanding(BaseModel):
    """The business as the plan must see it. Every field can be corrected by the owner."""

    business_type: str  # one of the playbook's business types
    business_confidence: float = 1.0
    business_alternatives: list[str] = Field(default_factory=list)  # next best types
    profile: BusinessProfile = Field(default_factory=BusinessProfile)  # how it sells
    goals: list[GoalUnderstood] = Field(default_factory=list)  # first = primary
    channel_ids: list[str] = Field(default_factory=list)  # channels that work today
    excluded_ids: list[str] = Field(default_factory=list)  # with platform families expanded
    channels: list[ChannelUnderstood] = Field(default_factory=list)  # working, owner's names
    currency: str | None = None  # ISO 4217 from the answers and the place ("pesos" in AR = ARS)
    current_customers: int | None = None
    average_sale: float | None = None  # in the plan's currency
    gross_margin: float | None = None  # 0..1
    sale_period: str | None = None  # "month": the average sale is a monthly fee ("£250 a month")
    stay_months: float | None = None  # how long a customer stays paying, when the owner says
    busy_months: list[int] = Field(default_factory=list)  # 1..12, at capacity: light work only
    decision_months: list[int] = Field(default_factory=list)  # 1..12, when customers decide to buy
    quiet_months: list[int] = Field(default_factory=list)  # 1..12, open but slow
    closed_months: list[int] = Field(default_factory=list)  # 1..12, the business is shut
    start_year: int
    start_month: int  # 1..12; default: the month after the interview
    hours_per_week: float | None = None
    team_size: int | None = None  # people who can do the work; 1 = alone
    regulated: str | None = None  # health | alcohol | finance | legal | pharma | children | other
    regulated_by_type: bool = False  # read from the nearest type only, not from the owner's words
    corrected: list[str] = Field(default_factory=list)  # fields the owner set by hand

    @property
    def solo(self) -> bool:
        """Whether one person does everything."""
        return self.team_size == 1
