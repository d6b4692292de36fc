"""The marketing playbook in `knowledge/playbook/`: goals, business types, channels, KPIs and
tactics."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from ..text import normalize_term

Texts = dict[str, str]  # language -> text


class Channel(BaseModel):
    """A place where marketing happens (Instagram, email, the shop...)."""

    group: str
    also: list[str] = Field(default_factory=list)
    mix: str
    names: Texts
    aliases: list[str]

    @property
    def groups(self) -> set[str]:
        """The channel's group and any other group it belongs to."""
        return {self.group, *self.also}


class ObjectiveTemplate(BaseModel):
    """How a goal turns into one SMART objective: KPI, funnel stage, target rule, deadline."""

    kpi: str
    stage: str
    deadline: float = Field(ge=0, le=1)
    per_unit: float | None = None  # target = budget units * per_unit
    per_cac: float | None = None  # target = budget units / business CAC * per_cac
    fixed: float | None = None  # a fixed percentage target


class Goal(BaseModel):
    """A common marketing goal."""

    names: Texts
    keywords: list[str]
    concepts: list[str]
    articles: list[str]
    objectives: list[ObjectiveTemplate]


class Funnel(BaseModel):
    """Conversion assumptions of a business type: reach -> leads -> customers. Shown in every
    plan as assumptions the owner can change."""

    cost_per_lead: float = Field(gt=0)  # in the plan's currency, media + production
    reach_to_lead: float = Field(gt=0, le=1)
    lead_to_customer: float = Field(gt=0, le=1)
    purchases_per_year: float = Field(gt=0)  # how often one customer buys in a year
    reference_budget: float = Field(gt=0)  # above it, each extra unit buys less (saturation)
    growth_cap: float = Field(gt=0)  # most new customers a year, as a share of today's base
    market_cap: int = Field(gt=0)  # most new customers a year a small business of this kind gets


class BusinessType(BaseModel):
    """A kind of small business: what fits it (tactics with why), its funnel, its positioning."""

    names: Texts
    keywords: list[str]
    segment2: Texts
    funnel: Funnel
    regulated: str | None = None
    positioning: Texts
    tactics: dict[str, Texts]  # tactic id -> why it fits this business; order = best first
    never: list[str] = Field(default_factory=list)  # not even on a channel the owner uses


class Kpi(BaseModel):
    """A key performance indicator, with how to phrase and read it."""

    unit: Texts
    names: Texts
    objective: Texts
    read: Texts


class TacticText(BaseModel):
    name: str
    actions: list[str]
    regulated_actions: list[str] = []  # instead, in a regulated sector (no incentives...)


class TacticTemplate(BaseModel):
    """A candidate tactic: where it runs, what it serves, what it weighs, when it runs."""

    channels: list[str]
    mix: str
    stages: list[str]
    kpis: list[str]
    weight: float = Field(gt=0)
    timing: tuple[float, float]
    owner: str
    effort: str = Field(pattern=r"^(light|medium|heavy)$")
    goals: dict[str, float]
    texts: dict[str, TacticText]
    # what its money buys when that is the tactic's, not its channel's (a loyalty programme's
    # money is rewards wherever it runs): media | production | tools | paid_help | incentives
    buys: str | None = Field(default=None,
                             pattern=r"^(media|production|tools|paid_help|incentives)$")


class Playbook(BaseModel):
    """Everything the deterministic builder draws on."""

    groups: dict[str, list[str]]
    channels: dict[str, Channel]
    goals: dict[str, Goal]
    business_types: dict[str, BusinessType]
    kpis: dict[str, Kpi]
    tactics: dict[str, TacticTemplate]
    phrases: dict[str, Any] = Field(default_factory=dict)  # guide.json: the guide's wording

    def classify_goal(self, text: str) -> str | None:
        """The goal id a free text points to (an id, a goal's name, or keywords), or None."""
        return _classify(text, {gid: [*g.keywords, *g.names.values()]
                                for gid, g in self.goals.items()})

    def fits(self, business_type: str, tactic_id: str) -> bool:
        """Whether the playbook lists this tactic for this kind of business."""
        return tactic_id in self.business_types[business_type].tactics


def _classify(text: str, keywords: dict[str, list[str]]) -> str | None:
    key = f" {normalize_term(text)} "
    if key.strip() in keywords:
        return key.strip()
    best, best_score = None, 0
    for ident, words in keywords.items():
        score = sum(len(w) for w in words if f" {normalize_term(w)} " in key)
        if score > best_score:
            best, best_score = ident, score
    return best


@lru_cache(maxsize=4)
def load_playbook(folder: Path) -> Playbook:
    """Read and check the playbook files (cached: they do not change while running)."""
    def read(name: str) -> dict:
        return json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))

    channels = read("channels")
    groups = {g: [normalize_term(a) for a in v["aliases"]] for g, v in channels["groups"].items()}
    chans = {}
    for cid, raw in channels["channels"].items():
        raw = dict(raw, aliases=[normalize_term(a) for a in raw["aliases"]])
        chans[cid] = Channel(**raw)
    return Playbook(groups=groups, channels=chans, goals=read("goals"),
                    business_types=read("business_types"), kpis=read("kpis"),
                    tactics=read("tactics"), phrases=read("guide"))
