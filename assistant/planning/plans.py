"""`PlanBook`: an owner's saved plans: drafted from answers, read, edited by section, redrafted
where an edit left them out of date, exported; every change judged by the validator.

`PlanService` (service.py) is a PlanBook that also interviews."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..errors import PlanInputError, UnknownSection
from ..prompts import PromptLibrary
from .dependents import changed_objectives, follow, refresh, stale_items
from .drafting import DRAFTED_SECTIONS, PlanDrafter
from .drafting import Progress as DraftProgress
from .interview import InterviewState
from .persistence import Database, PlanRecord
from .plan import SECTIONS, Plan, Playbook, build_plan, export_plan, read_answers, validate_plan
from .plan.charts import ChartImage
from .plan.context import SourceTitle
from .plan.export import FORMATS
from .plan.validator import Finding
from .plan_notes import draft_note, finding_text
from .rebalance import rebalance
from .understanding import Understander


@dataclass
class PlanBook:
    """The plans side of the feature, every dependency passed in."""

    database: Database
    prompts: PromptLibrary
    playbook: Playbook
    source_title: SourceTitle | None = None
    drafter: PlanDrafter | None = None  # with a chat model: the model drafts, the validator judges
    understander: Understander | None = None  # reads the answers (keywords alone when None)
    clock: Callable[[], float] = time.time
    new_id: Callable[[], str] = field(default=lambda: uuid.uuid4().hex[:12])

    def draft_plan(self, answers: dict[str, Any], owner: str,
                   progress: DraftProgress | None = None) -> Plan:
        """Draft and save a plan straight from an answers mapping (the CLI's path);
        `progress(section, event, attempt)` hears which section a model is writing."""
        return Plan.model_validate(self._draft(answers, owner, None, progress).plan)

    def _draft(self, answers: dict[str, Any], owner: str, interview: InterviewState | None,
               progress: DraftProgress | None = None,
               replacing: PlanRecord | None = None) -> PlanRecord:
        inp = read_answers(answers, self.playbook, self.prompts, self.understander)
        plan = build_plan(inp, self.playbook, self.prompts, self.source_title)
        if self.drafter is not None:
            plan = self._model_draft(plan, inp, DRAFTED_SECTIONS, progress)
        now = self.clock()
        plan = plan.model_copy(update={"id": replacing.id if replacing else self.new_id()})
        record = PlanRecord(plan.id, owner, interview.id if interview else None, plan.language,
                            plan.title, inp.answers(), plan.model_dump(),
                            replacing.created_at if replacing else now, now)
        if interview is not None:
            interview.plan_id = plan.id
        self.database.save_plan(record, interview)
        return record

    def get_plan(self, plan_id: str, owner: str) -> Plan:
        """A saved plan."""
        return Plan.model_validate(self.database.load_plan(plan_id, owner).plan)

    def list_plans(self, owner: str) -> list[PlanRecord]:
        """This owner's plans, most recent first."""
        return self.database.list_plans(owner)

    def regenerate_section(self, plan_id: str, section: str, owner: str,
                           progress: DraftProgress | None = None) -> Plan:
        """Redo one section from the saved answers (with the model when one is configured);
        the other sections stay as they are."""
        self._check_section(section)
        record = self.database.load_plan(plan_id, owner)
        plan = Plan.model_validate(record.plan)
        inp = read_answers(record.answers, self.playbook, self.prompts, self.understander)
        fresh = build_plan(inp, self.playbook, self.prompts, self.source_title)
        candidate = plan.model_copy(update={section: getattr(fresh, section)})
        if self.drafter is not None and section in DRAFTED_SECTIONS:
            candidate = self._model_draft(candidate, inp, (section,), progress,
                                          keep=plan.model_sections)
        return self._save_checked(record, candidate)

    def edit_section(self, plan_id: str, section: str, value: Any, owner: str) -> Plan:
        """Replace one section by hand; PlanInputError lists what does not fit."""
        self._check_section(section)
        record = self.database.load_plan(plan_id, owner)
        plan = Plan.model_validate(record.plan)
        field_type = Plan.model_fields[section].annotation
        try:
            new_value = TypeAdapter(field_type).validate_python(value)
            candidate = Plan.model_validate({
                **plan.model_dump(), section: new_value,  # the owner wrote it now, not a model
                "model_sections": [s for s in plan.model_sections if s != section]})
        except ValidationError as exc:
            detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}"
                               for e in exc.errors()[:5])
            raise PlanInputError(problems=[self._finding(plan.language, Finding(
                "invalid_section", section, detail))]) from None
        # A tactic's budget changed by hand: its monthly split, the budget table and the
        # reserve follow in code, then the validator judges the whole (rebalance.py).
        candidate, over = rebalance(plan, candidate, section)
        if over:
            raise PlanInputError(problems=[self._finding(plan.language, f) for f in over])
        changed = changed_objectives(plan, candidate) if section == "strategy" else []
        if changed:  # what code writes follows at once; what a model wrote waits for it
            inp = read_answers(record.answers, self.playbook, self.prompts)
            candidate = follow(plan, candidate, inp, self.playbook, self.prompts)
            if self.drafter is not None:
                candidate = candidate.model_copy(update={"stale": list(dict.fromkeys(
                    [*plan.stale, *(r for r in stale_items(candidate, changed)
                                    if r.startswith("tactic:"))]))})
        return self._save_checked(record, candidate)

    def redraft_stale(self, plan_id: str, owner: str,
                      progress: DraftProgress | None = None) -> Plan:
        """Redraft, in one step, everything flagged out of date after an objective changed:
        KPIs, milestones and tactic KPIs in code; the tactics' content by the model when one
        is configured (judged by the validator like any draft)."""
        record = self.database.load_plan(plan_id, owner)
        plan = Plan.model_validate(record.plan)
        if not plan.stale:
            return plan
        inp = read_answers(record.answers, self.playbook, self.prompts)
        fresh = refresh(plan, inp, self.playbook, self.prompts)
        if self.drafter is not None:
            fresh = self._model_draft(fresh, inp, ("tactics",), progress,
                                      keep=plan.model_sections)
        return self._save_checked(record, fresh)

    def _model_draft(self, plan: Plan, inp: Any, sections: tuple[str, ...],
                     progress: DraftProgress | None, keep: list[str] | None = None) -> Plan:
        """The model drafts `sections` of the deterministic plan; what fails stays as it is,
        with a note in the plan's language saying why."""
        assert self.drafter is not None
        report = self.drafter.draft(plan, inp.answers(), getattr(inp, "understood", None),
                                    sections, progress)
        lang = plan.language
        notes = [draft_note(self.prompts, lang, o) for o in report.outcomes
                 if not o.by_model]
        written = [s for s in (keep or []) if s not in sections] + report.model_sections
        return report.plan.model_copy(update={
            "model_sections": [s for s in DRAFTED_SECTIONS if s in written],
            "draft_notes": notes})

    def export_plan(self, plan_id: str, fmt: str, owner: str,
                    charts: list[ChartImage] | None = None) -> bytes:
        """The plan as Markdown, DOCX, PDF or JSON bytes (`charts`: already drawn, reused)."""
        if fmt not in FORMATS:
            raise UnknownSection(section=fmt, choices=", ".join(FORMATS))
        return export_plan(self.get_plan(plan_id, owner), fmt, self.prompts, charts)

    def findings(self, plan: Plan) -> list[str]:
        """The validator's findings for a plan, as sentences in its language."""
        return [self._finding(plan.language, f) for f in validate_plan(plan)]

    def _save_checked(self, record: PlanRecord, plan: Plan) -> Plan:
        problems = self.findings(plan)
        if problems:
            raise PlanInputError(problems=problems)
        record.plan, record.updated_at, record.title = plan.model_dump(), self.clock(), plan.title
        self.database.save_plan(record)
        return plan

    def _finding(self, lang: str, finding: Finding) -> str:
        return finding_text(self.prompts, lang, finding)

    @staticmethod
    def _check_section(section: str) -> None:
        if section not in SECTIONS:
            raise UnknownSection(section=section, choices=", ".join(SECTIONS))
