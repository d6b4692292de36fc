"""`PlanService`: interviews and plans for one owner at a time, saved after every step.

The facade builds one and delegates to it; the UI and CLI never touch the parts directly."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..errors import PlanInputError, PlanNotFound, UnknownLanguage, UnknownSection
from ..prompts import PromptError, PromptLibrary
from ..settings import LANGUAGES
from .dependents import changed_objectives, follow, refresh, stale_items
from .drafting import DRAFTED_SECTIONS, PlanDrafter, SectionOutcome
from .drafting import Progress as DraftProgress
from .interview import Interviewer, InterviewState, InterviewView
from .interview.correcting import Change, apply_facts, read_facts
from .interview.corrections import Fact
from .interview.machine import Detect, Explain
from .interview.state import CONFIRMED
from .interview.understood import correction
from .persistence import Database, PlanRecord
from .plan import SECTIONS, Plan, Playbook, build_plan, export_plan, read_answers, validate_plan
from .plan.charts import ChartImage
from .plan.context import SourceTitle
from .plan.export import FORMATS
from .plan.validator import Finding
from .rebalance import rebalance
from .understanding import Understander, Understanding


@dataclass
class PlanService:
    """Everything the guided-plan feature needs, passed in."""

    database: Database
    prompts: PromptLibrary
    playbook: Playbook
    explain: Explain | None = None
    source_title: SourceTitle | None = None
    drafter: PlanDrafter | None = None  # with a chat model: the model drafts, the validator judges
    understander: Understander | None = None  # reads the answers (keywords alone when None)
    detect: Detect | None = None  # an answer's language, to notice one in another language
    clock: Callable[[], float] = time.time
    new_id: Callable[[], str] = field(default=lambda: uuid.uuid4().hex[:12])

    @property
    def interviewer(self) -> Interviewer:
        return Interviewer(self.prompts, self.playbook, self.explain, self.understander,
                           self.detect)

    # -- interviews ---------------------------------------------------------------------------
    def start_interview(self, owner: str, lang: str | None = None) -> InterviewView:
        """A new interview for this owner, saved before the first question is shown."""
        if lang is not None and lang not in LANGUAGES:
            raise UnknownLanguage(language=lang)
        now = self.clock()
        state = InterviewState(id=self.new_id(), owner=owner, lang=lang or "en",
                               created_at=now, updated_at=now)
        view = self.interviewer.start(state, lang)
        self.database.save_interview(state)
        return view

    def get_interview(self, interview_id: str, owner: str) -> InterviewView:
        """Resume: the interview where it was left."""
        state = self.database.load_interview(interview_id, owner)
        return self.interviewer.view(state)

    def list_interviews(self, owner: str) -> list[InterviewView]:
        """This owner's interviews, most recent first."""
        return [self.interviewer.view(s) for s in self.database.list_interviews(owner)]

    def interview_states(self, owner: str) -> list[InterviewState]:
        """This owner's saved interviews as stored (status, plan, chat), most recent first."""
        return self.database.list_interviews(owner)

    def answer(self, interview_id: str, text: str, owner: str,
               progress: DraftProgress | None = None) -> InterviewView:
        """One answer (or command); the plan is drafted when the user confirms the summary
        (`progress` hears which section a model is writing)."""
        return self._step(interview_id, owner, lambda m, s: m.answer(s, text), progress)

    def pick(self, interview_id: str, value: str, owner: str) -> InterviewView:
        """A quick reply of a list question tapped: several can be chosen, then "done"."""
        return self._step(interview_id, owner, lambda m, s: m.pick(s, value))

    def back(self, interview_id: str, owner: str) -> InterviewView:
        """Go to the previous question."""
        return self._step(interview_id, owner, lambda m, s: m.back(s))

    def skip(self, interview_id: str, owner: str) -> InterviewView:
        """Skip the current optional question."""
        return self._step(interview_id, owner, lambda m, s: m.skip(s))

    def edit(self, interview_id: str, slot: str, value: Any, owner: str,
             given: bool = False) -> InterviewView:
        """Change any answer; InvalidAnswer when the value cannot be used. `given`: told in
        the request, before its question (not counted among the questions asked)."""
        return self._step(interview_id, owner, lambda m, s: m.edit(s, slot, value, given))

    def correct(self, interview_id: str, field: str, value: Any, owner: str) -> InterviewView:
        """Set what was understood by choosing: business_type, goals, channels or excluded."""
        return self._step(interview_id, owner, lambda m, s: m.correct(s, field, value))

    def understood(self, interview_id: str, owner: str) -> Understanding | None:
        """What the interview's answers mean so far, corrections included (None too early)."""
        return self.interviewer.understood(self.database.load_interview(interview_id, owner))

    def goto(self, interview_id: str, slot: str, owner: str) -> InterviewView:
        """Ask one earlier question again."""
        return self._step(interview_id, owner, lambda m, s: m.goto(s, slot))

    def why(self, interview_id: str, owner: str) -> InterviewView:
        """Why the current question is asked (with the related concept)."""
        state = self.database.load_interview(interview_id, owner)
        return self.interviewer.why(state)

    def summary(self, interview_id: str, owner: str) -> InterviewView:
        """The answers so far, as the summary view."""
        state = self.database.load_interview(interview_id, owner)
        view = self.interviewer.view(state)
        view.summary = self.interviewer.summary(state)
        return view

    def confirm(self, interview_id: str, owner: str,
                progress: DraftProgress | None = None) -> InterviewView:
        """Confirm the summary and draft the plan; the view carries its plan_id."""
        return self._step(interview_id, owner, lambda m, s: m.confirm(s), progress)

    # -- the interview inside the chat (assistant/conversation) -------------------------------
    def correct_words(self, interview_id: str, text: str, owner: str) -> InterviewView | None:
        """Correct what was understood in the owner's words ("no, siamo un panificio"), at any
        point of the interview; None (nothing saved) when the words name nothing to correct."""
        state = self.database.load_interview(interview_id, owner)
        machine = self.interviewer
        understood = machine.understood(state)
        overrides = correction(text, understood, machine.understander) if understood else None
        if not overrides:
            return None
        view = machine.view(state)
        for key, value in overrides.items():
            if key == "goals":
                value = [g["goal_id"] for g in value]
            elif key in ("channels", "excluded"):  # families (meta_ads) are not choosable
                value = [c for c in value if c in self.playbook.channels]
            view = machine.correct(state, key, value)
        state.updated_at = self.clock()
        self.database.save_interview(state)
        view.understood = machine.understood_line(state)
        return view

    def read_facts(self, interview_id: str, text: str, owner: str) -> list[Fact]:
        """The facts a message states ("somos 2", "budget: 8000 €"), read for this interview."""
        return read_facts(self.interviewer, self.database.load_interview(interview_id, owner),
                          text)

    def correct_facts(self, interview_id: str, facts: list[Fact],
                      owner: str) -> tuple[InterviewView, list[Change]]:
        """Store the facts that change something (saved only then), with what changed."""
        state = self.database.load_interview(interview_id, owner)
        machine = self.interviewer
        changes = apply_facts(machine, state, facts)
        if any(c.changed for c in changes):
            state.updated_at = self.clock()
            self.database.save_interview(state)
        view = machine.view(state)
        view.understood = machine.understood_line(state)
        return view, changes

    def chat_lines(self, interview_id: str, owner: str) -> list[dict[str, Any]]:
        """The interview's conversation in the chat, as saved."""
        return list(self.database.load_interview(interview_id, owner).transcript)

    def add_chat_lines(self, interview_id: str, owner: str, lines: list[dict[str, Any]],
                       closed: bool | None = None, keep: int = 300) -> None:
        """Append chat lines to the interview (the last `keep` are kept); `closed` marks it
        left (True) or taken up again (False) in the chat."""
        state = self.database.load_interview(interview_id, owner)
        state.transcript = [*state.transcript, *lines][-keep:]
        if closed is not None:
            state.chat_closed = closed
        state.updated_at = self.clock()
        self.database.save_interview(state)

    def _step(self, interview_id: str, owner: str,
              action: Callable[[Interviewer, InterviewState], InterviewView],
              progress: DraftProgress | None = None) -> InterviewView:
        state = self.database.load_interview(interview_id, owner)
        machine = self.interviewer
        view = action(machine, state)
        state.updated_at = self.clock()
        if state.status == CONFIRMED and state.plan_id is None:
            record = self._draft(state.answers, owner, state, progress)
            view = machine.view(state, view.messages)
            view.plan_id = record.id
            return view
        self.database.save_interview(state)
        return view

    # -- plans --------------------------------------------------------------------------------
    def draft_plan(self, answers: dict[str, Any], owner: str,
                   progress: DraftProgress | None = None) -> Plan:
        """Draft and save a plan straight from an answers mapping (the CLI's path);
        `progress(section, event, attempt)` hears which section a model is writing."""
        return Plan.model_validate(self._draft(answers, owner, None, progress).plan)

    def replan(self, interview_id: str, owner: str,
               progress: DraftProgress | None = None) -> Plan:
        """The interview's plan drafted again from its answers as they are now (after a
        correction told in the chat), under the same id: every link to it shows the new plan."""
        state = self.database.load_interview(interview_id, owner)
        if not state.plan_id:
            raise PlanNotFound(plan_id="")
        old = self.database.load_plan(state.plan_id, owner)
        return Plan.model_validate(self._draft(state.answers, owner, state, progress, old).plan)

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
        notes = [self._draft_note(lang, o) for o in report.outcomes if not o.by_model]
        written = [s for s in (keep or []) if s not in sections] + report.model_sections
        return report.plan.model_copy(update={
            "model_sections": [s for s in DRAFTED_SECTIONS if s in written],
            "draft_notes": notes})

    def _draft_note(self, lang: str, outcome: SectionOutcome) -> str:
        section = self.prompts.phrase("plan", lang, f"headings.{outcome.section}")
        reason, _, kind = outcome.reason.partition(":")
        if reason == "backend":
            detail = self.prompts.phrase("errors", lang, f"backend.{kind or 'server'}",
                                         where="?", status=outcome.status, timeout="?",
                                         model="?")
            return self.prompts.phrase("plan", lang, "drafting.fallback_backend",
                                       section=section, detail=detail)
        if reason == "findings":
            detail = "; ".join(self._finding(lang, f) if self._has_phrase(lang, f) else f.code
                               for f in outcome.findings[:3])
            return self.prompts.phrase("plan", lang, "drafting.fallback_findings",
                                       section=section, detail=detail)
        key = "fallback_timeout" if reason == "timeout" else "fallback_invalid"
        return self.prompts.phrase("plan", lang, f"drafting.{key}", section=section)

    def _has_phrase(self, lang: str, finding: Finding) -> bool:
        try:
            self._finding(lang, finding)
        except PromptError:
            return False
        return True

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
        return self.prompts.phrase("plan", lang, f"findings.{finding.code}",
                                   subject=finding.subject, detail=finding.detail)

    @staticmethod
    def _check_section(section: str) -> None:
        if section not in SECTIONS:
            raise UnknownSection(section=section, choices=", ".join(SECTIONS))


