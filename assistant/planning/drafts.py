"""What a model may write for a plan section, and how it goes into the plan: the JSON schemas
derived from the plan model (`SCHEMAS`), and `apply_draft`, which takes the model's words and
keeps the code's ids, money, months, KPIs and targets (DraftRejected when they do not fit).
Split from drafting.py, which runs the model section by section."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .plan.model import Plan, Swot
from .plan.validator import Finding
from .playbook import Playbook


# -- what the model may write: schemas derived from the plan model ---------------------------
class _Draft(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DiagnosisDraft(_Draft):
    """The diagnosis: the situation in the owner's terms and a SWOT."""

    situation: str = Field(min_length=20, max_length=1200)
    swot: Swot


class SegmentDraft(_Draft):
    name: str = Field(min_length=2, max_length=120)
    description: str = Field(min_length=10, max_length=400)


class ObjectiveDraft(_Draft):
    """One objective's wording; its KPI, target and deadline stay the computed ones."""

    id: str
    text: str = Field(min_length=10, max_length=300)


class StrategyDraft(_Draft):
    segments: list[SegmentDraft] = Field(min_length=1, max_length=4)
    target: str = Field(min_length=10, max_length=500)
    positioning: str = Field(min_length=10, max_length=500)
    objectives: list[ObjectiveDraft] = Field(min_length=1, max_length=6)


class TacticDraft(_Draft):
    """One tactic's content; its money, months, effort and role stay the computed ones."""

    id: str
    name: str = Field(min_length=3, max_length=120)
    objective_ids: list[str] = Field(min_length=1)
    channel: str | None = None
    actions: list[str] = Field(min_length=1, max_length=5)
    why: str = Field(default="", max_length=400)


class TacticsDraft(_Draft):
    tactics: list[TacticDraft] = Field(min_length=1, max_length=8)


SCHEMAS: dict[str, type[_Draft]] = {"diagnosis": DiagnosisDraft, "strategy": StrategyDraft,
                                    "tactics": TacticsDraft}


class DraftRejected(ValueError):
    """The draft cannot be applied: `findings` say why (they go back to the model)."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("; ".join(f"{f.code} {f.subject} {f.detail}" for f in findings))
        self.findings = findings


# -- applying a draft: content from the model, ids/money/months from code ---------------------
def apply_draft(plan: Plan, section: str, draft: _Draft, playbook: Playbook) -> Plan:
    """The plan with one section replaced by the model's content; DraftRejected when the draft
    does not fit the computed skeleton (unknown ids, a channel the tactic cannot use)."""
    data = plan.model_dump()
    if isinstance(draft, DiagnosisDraft):
        data["diagnosis"] = draft.model_dump()
    elif isinstance(draft, StrategyDraft):
        data["strategy"] = _strategy(plan, draft)
    elif isinstance(draft, TacticsDraft):
        data["tactics"], data["budget"] = _tactics(plan, draft, playbook)
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        raise DraftRejected([Finding("invalid_section", section, _short(exc))]) from None


def _strategy(plan: Plan, draft: StrategyDraft) -> dict[str, Any]:
    computed = {o.id: o for o in plan.strategy.objectives}
    written = {o.id: o for o in draft.objectives}
    problems = [Finding("unknown_objective", "strategy", oid) for oid in written
                if oid not in computed]
    problems += [Finding("objective_without_text", oid) for oid in computed
                 if oid not in written]
    objectives = []
    for oid, objective in computed.items():
        text = written[oid].text if oid in written else objective.text
        if oid in written and not _states_target(text, objective.target_value):
            problems.append(Finding("objective_number", oid, _number(objective.target_value)))
        objectives.append({**objective.model_dump(), "text": text})
    if problems:
        raise DraftRejected(problems)
    strategy = plan.strategy.model_dump()
    strategy.update(segments=[s.model_dump() for s in draft.segments], target=draft.target,
                    positioning=draft.positioning, objectives=objectives)
    return strategy


def _tactics(plan: Plan, draft: TacticsDraft,
             playbook: Playbook) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    computed = {t.id: t for t in plan.tactics}
    written = {t.id: t for t in draft.tactics}
    problems = [Finding("unknown_tactic", "tactics", tid) for tid in written
                if tid not in computed]
    problems += [Finding("tactic_without_text", tid) for tid in computed if tid not in written]
    if problems:
        raise DraftRejected(problems)
    tactics = []
    for tid, tactic in computed.items():
        new = written[tid]
        channel = tactic.channel
        template = playbook.tactics.get(tactic.template)
        if new.channel and new.channel != tactic.channel:
            allowed = template.channels if template else []
            if new.channel not in allowed:
                problems.append(Finding("channel_not_allowed", tid, new.channel))
            channel = new.channel
        label = playbook.channels[channel].names[plan.language] \
            if channel in playbook.channels else tactic.channel_label
        tactics.append({**tactic.model_dump(), "name": new.name, "actions": new.actions,
                        "objective_ids": new.objective_ids, "channel": channel,
                        "channel_label": label, "why": new.why or tactic.why})
    if problems:
        raise DraftRejected(problems)
    # Money is the code's: the computed amounts stay; only the line labels follow new names.
    names = {t["id"]: t["name"] for t in tactics}
    budget = plan.budget.model_dump()
    for line in budget["lines"]:
        if line.get("tactic_id") in names:
            line["label"] = names[line["tactic_id"]]
    return tactics, budget


def _states_target(text: str, target: float) -> bool:
    """Whether the objective's text states its computed target (any usual number format)."""
    numbers = re.findall(r"\d[\d.,\s\u202f\u00a0']*\d|\d", text)
    digits = {re.sub(r"[.,\s\u202f\u00a0']", "", n) for n in numbers}
    return _number(target) in digits


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}".replace(".", "")


def _short(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:4])


def excluded_mentions(plan: Plan, section: str, playbook: Playbook) -> list[Finding]:
    """Ruled-out channels named anywhere in a section's text (by id or any of its names)."""
    text = json.dumps(plan.model_dump()[section], ensure_ascii=False).lower()
    found = []
    for cid in plan.excluded_channels:
        channel = playbook.channels.get(cid)
        names = {cid.replace("_", " ")} | ({n.lower() for n in channel.names.values()}
                                           if channel else set())
        if any(re.search(rf"\b{re.escape(n)}\b", text) for n in names if len(n) > 2):
            found.append(Finding("excluded_channel_text", section, cid))
    return found
