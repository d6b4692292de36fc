"""What the interview shows: the question now with its example and choices, or the summary to
confirm; each answer as text, each slot's label, a parse problem as its re-ask message. A part
of the Interviewer (machine.py), which supplies the reading (`understood`, `understood_line`);
the questions are numbered from 1 over those this interview asks (`counted`)."""

from __future__ import annotations

from typing import Any

from ...prompts import PromptLibrary
from ...settings import LANGUAGES
from ..playbook import Playbook
from ..understanding.currency import example_in, local_currency
from .parsing import ParseProblem
from .slots import ASKED_UNLESS_KNOWN, BY_KEY, DETAILS, SLOTS, Slot
from .state import Choice, InterviewState, InterviewView, SummaryItem

AREA = "interview"
BY_SLOT = frozenset(s.key for s in SLOTS)


class Views:
    """The interviewer's views (a mixin: the Interviewer has the prompts and the playbook)."""

    prompts: PromptLibrary
    playbook: Playbook

    def view(self, state: InterviewState, messages: list[str] | None = None) -> InterviewView:
        """What to show now."""
        messages = list(messages or [])
        if state.position is None:
            return InterviewView(
                interview_id=state.id, lang=state.lang, status=state.status, slot=None,
                question=self._say(state, "messages.summary_intro"),
                example="", choices=[], optional=False, step=len(SLOTS), total=len(SLOTS),
                messages=messages, summary=self.summary(state), plan_id=state.plan_id,
                title=_title(state), updated_at=state.updated_at,
                understood=self.understood_line(state),
                understood_hint=self._say(state, "understood.correct_hint"),
            )
        slot = BY_KEY[state.position]
        counted = self.counted(state)
        detail = slot.key not in BY_SLOT
        numbered = [d.key for d in DETAILS] if detail else counted
        asking = state.asking if state.asking and state.asking.get("slot") == slot.key else None
        return InterviewView(
            interview_id=state.id, lang=state.lang, status=state.status, slot=slot.key,
            question=self._say(state, f"unsure.{asking['field']}", **asking["params"])
            if asking else self._say(state, f"questions.{slot.key}"),
            example="" if asking else example_in(self._say(state, f"examples.{slot.key}"),
                                                 local_currency(state.answers), slot.key,
                                                 state.lang),
            choices=[Choice(label, value) for label, value in asking["choices"]] if asking
            else self.choices(state.lang, slot), optional=not slot.required,
            asking=asking["field"] if asking else None,
            step=numbered.index(slot.key) + 1 if slot.key in numbered else len(numbered),
            total=len(numbered), detail=detail,
            current_value=self.display(state, slot.key) if slot.key in state.answers else None,
            messages=messages, plan_id=state.plan_id, title=_title(state),
            updated_at=state.updated_at,
        )

    def counted(self, state: InterviewState) -> list[str]:
        """The questions this interview asks, in order: those answered before being asked
        (the language, what the request said) and those earlier answers told are left out."""
        return [s.key for s in SLOTS if s.key not in state.given and (
            s.key in state.answers or s.key in state.skipped or not self._known(state, s.key))]

    def summary(self, state: InterviewState) -> list[SummaryItem]:
        """Every slot with its answer, for confirmation."""
        numbered = self.numbered(state)
        return [SummaryItem(slot=s.key, label=self.label(state.lang, s.key),
                            value=self.display(state, s.key), required=s.required,
                            number=numbered.index(s.key) + 1 if s.key in numbered else None)
                for s in (*SLOTS, *DETAILS)]

    def numbered(self, state: InterviewState) -> list[str]:
        """The summary's numbered items: the owner's facts, the language apart."""
        return [s.key for s in (*SLOTS, *DETAILS) if s.key in state.answers
                and s.key != "language"]

    def choices(self, lang: str, slot: Slot) -> list[Choice]:
        """Suggested answers for a slot (empty when free text is better)."""
        if not slot.has_choices:
            return []
        if slot.kind == "goal":
            return [Choice(g.names[lang][:1].upper() + g.names[lang][1:], g.names[lang])
                    for g in self.playbook.goals.values()]
        if slot.kind == "language":
            names = self.prompts.phrase(AREA, lang, "language_names")
            return [Choice(names[code], code) for code in LANGUAGES]
        return [Choice(c, c) for c in self.prompts.phrase(AREA, lang, f"choices.{slot.key}")]

    def display(self, state: InterviewState, key: str) -> str:
        """An answer as text in the interview's language."""
        if key not in state.answers:
            return self._say(state, "messages.skipped_value" if key in state.skipped
                             else "messages.empty_value")
        value = state.answers[key]
        if key == "budget":
            money = f"{value['amount']:,} {value['currency']}".replace(",", "\u202f")
            if value.get("period") == "month":
                return self._say(state, "messages.per_month", amount=money)
            return money
        if key == "horizon_months":
            return self._say(state, "messages.months", n=value)
        if key == "language":
            return self.prompts.phrase(AREA, state.lang, "language_names")[value]
        if isinstance(value, list):
            return ", ".join(value) or self._say(state, "messages.none_value")
        return str(value)

    def label(self, lang: str, key: str) -> str:
        """A slot's short name."""
        return self.prompts.phrase(AREA, lang, f"labels.{key}")

    def problem(self, lang: str, problem: ParseProblem, currency: str | None = None) -> str:
        """The re-ask message for a parse problem, its example amounts in the owner's
        `currency` (a Rosario owner is not shown "8.000 €")."""
        text = self.prompts.phrase(AREA, lang, f"problems.{problem.code}", **problem.params)
        key = "average_sale" if problem.code.startswith("average_sale") else "budget"
        return example_in(text, currency, key, lang)

    def _known(self, state: InterviewState, key: str) -> bool:
        """Whether an optional question was answered by earlier answers: no need to ask it
        ("unas 4 horas a la semana, somos dos" in the constraints answers the resources)."""
        if key not in ASKED_UNLESS_KNOWN or key in state.answers:
            return False
        understood = self.understood(state)
        if understood is None:
            return False
        if key == "seasonality":
            return bool(understood.busy_months or understood.quiet_months
                        or understood.decision_months or understood.closed_months)
        return understood.hours_per_week is not None and understood.team_size is not None

    def _say(self, state: InterviewState, key: str, **variables: Any) -> str:
        return self.prompts.phrase(AREA, state.lang, key, **variables)


def _title(state: InterviewState) -> str:
    """The business as the user named it, shortened for a list."""
    business = str(state.answers.get("business", "")).strip()
    return business if len(business) <= 60 else business[:57].rstrip() + "…"
