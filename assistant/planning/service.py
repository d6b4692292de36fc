"""`PlanService`: interviews and plans for one owner at a time, saved after every step.

The facade builds one and delegates to it; the UI and CLI never touch the parts directly.
The plans side (drafting, reading, editing, exporting) is `PlanBook` (plans.py); this module
adds the interview: its steps, its corrections told in the chat, and the plan it drafts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import PlanNotFound, UnknownLanguage
from ..settings import LANGUAGES
from .drafting import Progress as DraftProgress
from .interview import Interviewer, InterviewState, InterviewView
from .interview.correcting import Change, apply_facts, read_facts
from .interview.corrections import Fact
from .interview.machine import Detect, Explain
from .interview.state import CONFIRMED
from .interview.understood import correction
from .plan import Plan
from .plans import PlanBook
from .understanding import Understanding


@dataclass
class PlanService(PlanBook):
    """Everything the guided-plan feature needs, passed in (PlanBook's fields, then these)."""

    explain: Explain | None = None
    detect: Detect | None = None  # an answer's language, to notice one in another language

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

    def replan(self, interview_id: str, owner: str,
               progress: DraftProgress | None = None) -> Plan:
        """The interview's plan drafted again from its answers as they are now (after a
        correction told in the chat), under the same id: every link to it shows the new plan."""
        state = self.database.load_interview(interview_id, owner)
        if not state.plan_id:
            raise PlanNotFound(plan_id="")
        old = self.database.load_plan(state.plan_id, owner)
        return Plan.model_validate(self._draft(state.answers, owner, state, progress, old).plan)
