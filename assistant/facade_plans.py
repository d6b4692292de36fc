"""The interview and plan half of the `Assistant` facade: thin calls into `PlanService`."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .interview import InterviewView
    from .persistence import PlanRecord
    from .plan import Plan
    from .planning import PlanService


class PlanningFacade:
    """Guided interviews and marketing plans, for the `Assistant` (assistant/planning.py)."""

    @cached_property
    def planning(self) -> PlanService:
        from .planning import build_plan_service

        return build_plan_service(self)

    def start_interview(self, owner: str, lang: str | None = None) -> InterviewView:
        """Begin a guided interview for this owner (session id); the first question."""
        return self.planning.start_interview(owner, lang)

    def get_interview(self, interview_id: str, owner: str) -> InterviewView:
        """Resume a saved interview where it was left."""
        return self.planning.get_interview(interview_id, owner)

    def list_interviews(self, owner: str) -> list[InterviewView]:
        """This owner's interviews, most recent first."""
        return self.planning.list_interviews(owner)

    def answer(self, interview_id: str, text: str, owner: str) -> InterviewView:
        """Answer the current question (or type back / skip / why / ok)."""
        return self.planning.answer(interview_id, text, owner)

    def back(self, interview_id: str, owner: str) -> InterviewView:
        """Return to the previous question."""
        return self.planning.back(interview_id, owner)

    def skip(self, interview_id: str, owner: str) -> InterviewView:
        """Skip the current optional question."""
        return self.planning.skip(interview_id, owner)

    def edit_answer(self, interview_id: str, slot: str, value: Any, owner: str) -> InterviewView:
        """Change any answer directly (InvalidAnswer carries the reason)."""
        return self.planning.edit(interview_id, slot, value, owner)

    def why(self, interview_id: str, owner: str) -> InterviewView:
        """Why the current question is asked, with the related concept's explanation."""
        return self.planning.why(interview_id, owner)

    def interview_summary(self, interview_id: str, owner: str) -> InterviewView:
        """Every answer so far, for review."""
        return self.planning.summary(interview_id, owner)

    def confirm_interview(self, interview_id: str, owner: str) -> InterviewView:
        """Confirm the answers and draft the plan; the view's plan_id names it."""
        return self.planning.confirm(interview_id, owner)

    def draft_plan(self, answers: dict[str, Any], owner: str) -> Plan:
        """Draft and save a plan from an answers mapping (PlanInputError names each problem)."""
        return self.planning.draft_plan(answers, owner)

    def get_plan(self, plan_id: str, owner: str) -> Plan:
        """A saved plan."""
        return self.planning.get_plan(plan_id, owner)

    def list_plans(self, owner: str) -> list[PlanRecord]:
        """This owner's plans, most recent first."""
        return self.planning.list_plans(owner)

    def regenerate_section(self, plan_id: str, section: str, owner: str) -> Plan:
        """Redo one plan section; the others are kept."""
        return self.planning.regenerate_section(plan_id, section, owner)

    def edit_section(self, plan_id: str, section: str, value: Any, owner: str) -> Plan:
        """Replace one plan section by hand (validated)."""
        return self.planning.edit_section(plan_id, section, value, owner)

    def export_plan(self, plan_id: str, fmt: str, owner: str) -> bytes:
        """A saved plan as md, docx or json bytes, in the plan's language."""
        return self.planning.export_plan(plan_id, fmt, owner)
