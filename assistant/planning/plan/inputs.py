"""The answers a plan is drafted from, checked: every problem is named at once."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ...errors import PlanInputError
from ...prompts import PromptLibrary
from ...settings import LANGUAGES
from ..interview.parsing import ParseProblem, first_number
from ..interview.slots import DETAILS, REQUIRED, SLOTS, parse_slot
from ..playbook import Playbook
from ..understanding import Understander, Understanding, default_understander
from ..understanding.currency import local_currency


class PlanInput(BaseModel):
    """Validated interview answers plus what the playbook reads from them."""

    language: str
    business: str
    offer: str
    customers: str
    competitors: str = ""
    situation: str = ""
    goal: str
    goal_id: str
    goal_target: float | None = None  # a number the user put in the goal ("60 clientes")
    business_type: str
    horizon_months: int
    budget_cents: int  # the whole plan's budget
    currency: str
    monthly_budget_cents: int | None = None  # when the owner gave it per month (x horizon)
    channels: list[str] = []
    channel_ids: list[str] = []
    excluded_channels: list[str] = []
    excluded_ids: list[str] = []
    constraints: str = ""
    start: str = ""
    current_customers: str = ""
    average_sale: str = ""
    margin: str = ""
    seasonality: str = ""
    resources: str = ""
    understood: Understanding | None = None  # what the answers mean; business_type/goal_id agree
    overrides: dict[str, Any] = {}  # the owner's corrections, as given

    def answers(self) -> dict[str, Any]:
        """Back to the answers-file shape (slot names as keys)."""
        amount = (self.monthly_budget_cents or self.budget_cents) / 100
        return {
            "language": self.language, "business": self.business, "offer": self.offer,
            "customers": self.customers, "competitors": self.competitors,
            "situation": self.situation, "goal": self.goal,
            "horizon_months": self.horizon_months,
            "budget": {"amount": int(amount) if amount == int(amount) else amount,
                       "currency": self.currency,
                       **({"period": "month"} if self.monthly_budget_cents else {})},
            "channels": self.channels, "excluded_channels": self.excluded_channels,
            "constraints": self.constraints,
            **{k: getattr(self, k) for k in OPTIONAL_TEXT if getattr(self, k)},
            **({"understood": self.overrides} if self.overrides else {}),
        }


OPTIONAL_TEXT = ("start", "current_customers", "average_sale", "margin", "seasonality",
                 "resources")


def read_answers(answers: Any, playbook: Playbook, prompts: PromptLibrary,
                 understander: Understander | None = None) -> PlanInput:
    """PlanInput from an answers mapping; PlanInputError naming every missing or bad value.

    Without an understander the keywords alone are read (no embedding model)."""
    if not isinstance(answers, dict):
        raise PlanInputError(problems=["the answers must be a JSON object"])
    raw_lang = answers.get("language")
    lang = raw_lang if raw_lang in LANGUAGES else "en"
    values: dict[str, Any] = {}
    problems: list[str] = []
    for slot in (*SLOTS, *DETAILS):
        label = f"{slot.key} ({prompts.phrase('interview', lang, f'labels.{slot.key}')})"
        value = answers.get(slot.key)
        if value is None or value == "" or value == []:
            if slot.key in REQUIRED:
                problems.append(prompts.phrase("interview", lang, "problems.missing",
                                               slot=label))
            continue
        try:
            values[slot.key] = parse_slot(slot.key, value, playbook, lang,
                                          local_currency(answers))
        except ParseProblem as problem:
            text = prompts.phrase("interview", lang, f"problems.{problem.code}",
                                  **problem.params)
            problems.append(f"{label}: {text}")
    overrides = answers.get("understood")
    if overrides is not None and not isinstance(overrides, dict):
        problems.append(prompts.phrase("interview", lang, "problems.understood_invalid"))
    if problems:
        raise PlanInputError(problems=problems)
    understander = understander or default_understander(playbook)
    understood = understander.understand({**values, "understood": overrides}, lang)
    primary = understood.goals[0] if understood.goals else None
    goal_id = primary.goal_id if primary and primary.goal_id in playbook.goals \
        else playbook.classify_goal(values["goal"]) or "acquisition"
    target = (primary.target or primary.change) if primary and primary.unit != "percent" \
        else None
    target = target if target is not None else first_number(values["goal"])
    monthly = values["budget"].get("period") == "month"  # "300 €/mes": 300 x the horizon
    return PlanInput(
        language=values["language"], business=values["business"], offer=values["offer"],
        customers=values["customers"], competitors=values.get("competitors", ""),
        situation=values.get("situation", ""), goal=values["goal"], goal_id=goal_id,
        goal_target=target if target and target > 0 else None,
        business_type=understood.business_type,
        horizon_months=values["horizon_months"],
        budget_cents=round(float(values["budget"]["amount"]) * 100) * (
            values["horizon_months"] if monthly else 1),
        currency=values["budget"]["currency"],
        monthly_budget_cents=round(float(values["budget"]["amount"]) * 100) if monthly else None,
        channels=values.get("channels", []),
        channel_ids=[c for c in understood.channel_ids if c not in understood.excluded_ids],
        excluded_channels=values.get("excluded_channels", []),
        excluded_ids=sorted(understood.excluded_ids), constraints=values.get("constraints", ""),
        **{k: values[k] for k in OPTIONAL_TEXT if k in values},
        understood=understood, overrides=overrides or {},
    )

