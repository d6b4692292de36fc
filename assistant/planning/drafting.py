"""Model-drafted plans: a chat model writes the plan's content section by section as structured
output; the validator judges every draft against the owner's word.

The deterministic plan is drafted first and stays the fallback. For each section (diagnosis,
strategy, tactics) the model gets the answers, the understanding, the playbook's candidate
tactics for the business type and knowledge passages, and replies with JSON constrained by a
schema derived from the plan model (`response_format` json_schema on llama.cpp, vLLM, Ollama,
OpenAI). Ids, money, months, KPIs and targets are never taken from the model: they come from
the deterministic plan (code arithmetic). The validator's new findings go back to the model for
at most `repairs` rounds; a section that still fails, times out or meets a backend fault keeps
its deterministic version, and the plan records which sections the model wrote and why the
others fell back."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from pydantic import ValidationError

from ..backends import ChatModel
from ..packs import language_names
from ..prompts import PromptError, PromptLibrary
from .drafts import (
    SCHEMAS,
    DraftRejected,
    _Draft,
    _short,
    apply_draft,
    excluded_mentions,
)
from .plan.model import Plan
from .plan.validator import Finding, validate_plan
from .playbook import Playbook

DRAFTED_SECTIONS = ("diagnosis", "strategy", "tactics")
LANGUAGE_NAMES = language_names()  # each pack's name in English, for the prompts

# (section, event, attempt); events: started, repair, done, fallback
Progress = Callable[[str, str, int], None]
Knowledge = Callable[[str, str], list[str]]  # (query, language) -> passages


# -- the drafting loop --------------------------------------------------------------------------
@dataclass
class SectionOutcome:
    """What happened to one section."""

    section: str
    by_model: bool
    attempts: int
    reason: str = ""  # why it fell back: invalid, findings, timeout, backend:<kind>
    status: str = "?"  # the HTTP status of a backend fault
    findings: list[Finding] = field(default_factory=list)


@dataclass
class DraftReport:
    """The drafted plan and what happened on the way (for notices and the benchmark)."""

    plan: Plan
    outcomes: list[SectionOutcome]

    @property
    def model_sections(self) -> list[str]:
        return [o.section for o in self.outcomes if o.by_model]

    @property
    def repairs(self) -> int:
        return sum(max(0, o.attempts - 1) for o in self.outcomes)


@dataclass
class PlanDrafter:
    """Drafts plan sections with a chat model, judged by the validator."""

    chat_model: ChatModel
    prompts: PromptLibrary
    playbook: Playbook
    knowledge: Knowledge | None = None
    repairs: int = 2
    timeout: float = 180.0
    classify: Callable[[BaseException], str] | None = None  # exception -> backend error kind
    clock: Callable[[], float] = time.monotonic

    def draft(self, base: Plan, answers: dict[str, Any], understood: Any = None,
              sections: tuple[str, ...] = DRAFTED_SECTIONS,
              progress: Progress | None = None) -> DraftReport:
        """`base` (the deterministic plan) with the given sections written by the model where
        the validator accepts them."""
        deadline = self.clock() + self.timeout
        context = self._context(base, answers, understood)
        plan, outcomes = base, []
        for section in sections:
            if self.clock() >= deadline:
                outcomes.append(SectionOutcome(section, False, 0, "timeout"))
                _tell(progress, section, "fallback", 0)
                continue
            plan, outcome = self._section(plan, section, context, deadline, progress)
            outcomes.append(outcome)
        return DraftReport(plan, outcomes)

    def _section(self, plan: Plan, section: str, context: dict[str, Any], deadline: float,
                 progress: Progress | None) -> tuple[Plan, SectionOutcome]:
        known = set(validate_plan(plan)) | set(excluded_mentions(plan, section, self.playbook))
        messages: list[BaseMessage] = [
            SystemMessage(self.prompts.render("plan/draft_system", **context)),
            HumanMessage(self.prompts.render(f"plan/draft_{section}", **context,
                                             current=_current(plan, section))),
        ]
        runnable = self._structured(SCHEMAS[section])
        findings: list[Finding] = []
        reason, status = "", "?"
        calls = 0
        for attempt in range(1, self.repairs + 2):
            if self.clock() >= deadline:
                reason = "timeout"
                break
            calls = attempt
            _tell(progress, section, "started" if attempt == 1 else "repair", attempt)
            try:
                raw, draft, error = runnable(messages)
            except Exception as exc:  # noqa: BLE001 - a backend fault keeps the deterministic section
                kind = self.classify(exc) if self.classify else "server"
                reason = "timeout" if kind == "timeout" else f"backend:{kind}"
                status = str(getattr(exc, "status_code", None) or "?")
                break
            if draft is None:
                findings = [Finding("invalid_json", section, error[:200])]
            else:
                try:
                    candidate = apply_draft(plan, section, draft, self.playbook)
                    findings = [f for f in (validate_plan(candidate)
                                            + excluded_mentions(candidate, section,
                                                                self.playbook))
                                if f not in known]
                except DraftRejected as rejected:
                    findings = rejected.findings
                if not findings:
                    _tell(progress, section, "done", attempt)
                    return candidate, SectionOutcome(section, True, attempt)
            reason = "invalid" if draft is None else "findings"
            messages = [*messages, AIMessage(raw or "{}"), HumanMessage(self.prompts.render(
                "plan/draft_repair", findings=[self._explain(f) for f in findings],
                language_name=context["language_name"]))]
        _tell(progress, section, "fallback", 0)
        return plan, SectionOutcome(section, False, calls, reason, status, findings)

    def _explain(self, finding: Finding) -> str:
        """A finding in words, for the model (English: the instructions are English)."""
        try:
            return self.prompts.phrase("plan", "en", f"findings.{finding.code}",
                                       subject=finding.subject, detail=finding.detail)
        except PromptError:
            return " ".join(p for p in (finding.code, finding.subject, finding.detail) if p)

    def _structured(self, schema: type[_Draft]) -> Callable[[list[BaseMessage]],
                                                            tuple[str, _Draft | None, str]]:
        """messages -> (raw text, parsed draft or None, parse error). JSON-schema constrained
        where the model supports it; otherwise the reply's text is parsed."""
        try:
            bound = self.chat_model.with_structured_output(schema, method="json_schema",
                                                           include_raw=True)
        except NotImplementedError:
            bound = None

        def run(messages: list[BaseMessage]) -> tuple[str, _Draft | None, str]:
            if bound is not None:
                try:
                    out = bound.invoke(messages)
                except Exception as exc:
                    if type(exc).__name__ == "LengthFinishReasonError":  # openai: cut mid-JSON
                        return "", None, "the reply was cut at the token limit: write less"
                    raise
                raw = _text(out.get("raw"))
                if out.get("parsed") is not None:
                    return raw, out["parsed"], ""
                return raw, *_parse(schema, raw)
            raw = _text(self.chat_model.invoke(messages))
            return raw, *_parse(schema, raw)

        return run

    def _context(self, plan: Plan, answers: dict[str, Any], understood: Any) -> dict[str, Any]:
        lang = plan.language
        business_type = plan.facts.business_type if plan.facts else None
        btype = self.playbook.business_types.get(business_type or "")
        candidates = []
        for tid, why in (btype.tactics.items() if btype else []):
            template = self.playbook.tactics.get(tid)
            if template is None:
                continue
            text = template.texts.get(lang) or next(iter(template.texts.values()))
            channels = [c for c in template.channels if c not in plan.excluded_channels]
            candidates.append({"id": tid, "name": text.name, "why": why.get(lang, ""),
                               "channels": ", ".join(channels)})
        passages: list[str] = []
        if self.knowledge is not None:
            try:
                passages = [p[:600] for p in self.knowledge(
                    f"{plan.business} {answers.get('goal', '')}", lang)[:3]]
            except Exception:  # noqa: BLE001 - drafting goes on without passages
                passages = []
        return {
            "language_name": LANGUAGE_NAMES.get(lang, "English"),
            "answers": json.dumps(answers, ensure_ascii=False, indent=1),
            "understood": json.dumps(_plain(understood), ensure_ascii=False) if understood
            else "",
            "excluded": ", ".join(plan.excluded_channels),
            "candidates": candidates, "passages": passages,
            "horizon": plan.horizon_months,
        }


def _current(plan: Plan, section: str) -> str:
    """The computed section the model rewrites, with what it must keep."""
    if section == "strategy":
        value: Any = {"objectives": [{"id": o.id, "kpi": o.kpi_name, "target": o.target_value,
                                      "unit": o.unit, "deadline_month": o.deadline_month,
                                      "text": o.text} for o in plan.strategy.objectives],
                      "segments": [s.model_dump() for s in plan.strategy.segments]}
    elif section == "tactics":
        value = [{"id": t.id, "name": t.name, "objective_ids": t.objective_ids,
                  "channel": t.channel, "actions": t.actions, "months": [t.start_month,
                                                                          t.end_month]}
                 for t in plan.tactics]
    else:
        value = plan.model_dump()[section]
    return json.dumps(value, ensure_ascii=False)


def _parse(schema: type[_Draft], raw: str) -> tuple[_Draft | None, str]:
    match = re.search(r"\{.*\}", raw or "", re.S)
    if not match:
        return None, "no JSON object in the reply"
    try:
        return schema.model_validate_json(match.group(0)), ""
    except ValidationError as exc:
        return None, _short(exc)


def _text(message: Any) -> str:
    content = getattr(message, "content", message)
    return content if isinstance(content, str) else json.dumps(content, ensure_ascii=False) \
        if content is not None else ""


def _plain(value: Any) -> Any:
    return value.model_dump() if hasattr(value, "model_dump") else value


def _tell(progress: Progress | None, section: str, event: str, attempt: int) -> None:
    if progress is not None:
        progress(section, event, attempt)
