"""The interview as an explicit state machine: one slot at a time, re-asks, one follow-up for
vague answers, back, skip, edit, "why do you ask?", and a summary to confirm."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...errors import InterviewIncomplete, InvalidAnswer
from ...lexicon import lexicon
from ...prompts import PromptLibrary
from ...settings import LANGUAGES
from ...text import clean_control, normalize_term
from ..playbook import Playbook
from ..understanding import Understander, Understanding, default_understander
from ..understanding.currency import example_in, local_currency
from .asking import ask_type, settle
from .parsing import VAGUE, ParseProblem
from .slots import ASKED_UNLESS_KNOWN, BY_KEY, DETAILS, REQUIRED, SLOTS, Slot, parse_slot, vague
from .state import ASKING, CONFIRMED, CONFIRMING, Choice, InterviewState, InterviewView, SummaryItem
from .understood import correction, describe
from .unsure import currency_question, metric_question

Explain = Callable[[str, str], str | None]  # (concept id, lang) -> explanation
Detect = Callable[[str], str | None]  # text -> its language, None when unsure
AREA = "interview"
SAY_UNDERSTOOD_AFTER = ("goal", "excluded_channels", "resources")  # then "I understood: …"
BY_SLOT = frozenset(s.key for s in SLOTS)
LANGUAGE_CHECKED = ("business", "offer", "customers", "competitors", "situation", "goal",
                    "constraints", "seasonality", "resources")


class Interviewer:
    """Moves an `InterviewState` from slot to slot. Pure logic: saving is the caller's job."""

    def __init__(self, prompts: PromptLibrary, playbook: Playbook,
                 explain: Explain | None = None, understander: Understander | None = None,
                 detect: Detect | None = None) -> None:
        self.prompts = prompts
        self.playbook = playbook
        self.explain = explain
        self.understander = understander or default_understander(playbook)
        self.detect = detect

    # -- what was understood ---------------------------------------------------------------
    def understood(self, state: InterviewState) -> Understanding | None:
        """What the answers so far mean (None before the business and the goal are known)."""
        if "business" not in state.answers or "goal" not in state.answers:
            return None
        return self.understander.understand(state.answers, state.lang)

    def understood_line(self, state: InterviewState) -> str:
        """"I understood: …" in the interview's language (empty when too early)."""
        understood = self.understood(state)
        if understood is None:
            return ""
        return describe(understood, state.lang, self.prompts, self.playbook)

    def correct(self, state: InterviewState, field: str, value: Any) -> InterviewView:
        """Set what was understood by choosing (business_type, goals, channels, excluded)."""
        allowed = {"business_type": self.playbook.business_types, "goals": self.playbook.goals,
                   "channels": self.playbook.channels, "excluded": self.playbook.channels}
        if field not in allowed:
            raise InvalidAnswer(slot=field, reason=self._say(state, "problems.unknown_slot",
                                                             slot=field))
        values = [value] if isinstance(value, str) else list(value or [])
        if any(v not in allowed[field] for v in values) or (field == "business_type"
                                                           and len(values) != 1):
            raise InvalidAnswer(slot=field, reason=self._say(state, "problems.correction_unknown"))
        change: dict[str, Any] = {
            "business_type": values[0] if values else None,
            "goals": [{"goal_id": v, "text": self.playbook.goals[v].names[state.lang]}
                      for v in values] if field == "goals" else None,
            "channels": values, "excluded": values}
        return self._apply(state, {field: change[field]})

    def _apply(self, state: InterviewState, overrides: dict[str, Any]) -> InterviewView:
        before = self.understood(state)
        previous = state.answers.get("understood")
        current = dict(previous or {})
        current.update(overrides)
        state.answers["understood"] = current
        after = self.understood(state)
        if before is not None and after is not None and before.model_dump(
                exclude={"corrected"}) == after.model_dump(exclude={"corrected"}):
            if previous is None:  # never "corrected" for nothing
                state.answers.pop("understood", None)
            else:
                state.answers["understood"] = previous
            return self.view(state, [self._say(state, "problems.correction_unknown")])
        return self.view(state, [self._say(state, "understood.corrected")])

    # -- transitions ---------------------------------------------------------------------------
    def start(self, state: InterviewState, lang: str | None) -> InterviewView:
        """Begin: the language is answered already when it is known."""
        if lang:
            state.lang = lang
            state.answers["language"] = lang
            state.given.append("language")  # never asked: the questions count from 1 without it
        state.position = self._next_slot(state)
        return self.view(state, [self._say(state, "messages.welcome")])

    def answer(self, state: InterviewState, text: str) -> InterviewView:
        """Take one typed answer (or a command such as "back", "why?", "skip", "ok")."""
        text = " ".join(clean_control(str(text or "")).split())
        command = self._command(text)
        if command == "why":
            return self.why(state)
        if command == "back":
            return self.back(state)
        if command == "skip":
            return self.skip(state)
        if command == "done" and state.position and state.picked:
            text, state.picked = ", ".join(state.picked), []
            return self._fill(state, BY_KEY[state.position], text)
        if state.status == CONFIRMED:
            return self.view(state, [self._say(state, "messages.already_confirmed")])
        if state.asking and state.position == state.asking.get("slot") and command in (
                None, "skip"):
            return settle(self, state, None if command else text)
        if state.position is None:
            return self._at_summary(state, text, command)
        return self._fill(state, BY_KEY[state.position], text)

    def pick(self, state: InterviewState, value: str) -> InterviewView:
        """One quick reply of a list question tapped (again: taken back); "done" answers."""
        if state.position is None or BY_KEY[state.position].kind != "list":
            return self.answer(state, value)
        same = [p for p in state.picked if normalize_term(p) == normalize_term(value)]
        state.picked = [p for p in state.picked if p not in same] + ([] if same else [value])
        items = ", ".join(state.picked) or self._say(state, "messages.none_value")
        return self.view(state, [self._say(state, "messages.picked", items=items)])

    def back(self, state: InterviewState) -> InterviewView:
        """Return to the previous question, showing the answer it has now."""
        keys = [s.key for s in SLOTS]
        if state.position in (d.key for d in DETAILS):
            state.position, state.status = None, CONFIRMING  # a detail is reached from the summary
            return self.view(state)
        index = keys.index(state.position) if state.position else len(keys)
        earlier = [k for k in keys[:index] if not self._known(state, k)]
        if not earlier:
            return self.view(state, [self._say(state, "messages.first_slot")])
        state.position, state.status, state.awaiting_followup = earlier[-1], ASKING, False
        state.asking = None
        return self.view(state)

    def skip(self, state: InterviewState) -> InterviewView:
        """Skip an optional question; a required one is asked again."""
        if state.position is None:
            return self.view(state, [self._say(state, "messages.nothing_to_skip")])
        slot = BY_KEY[state.position]
        if slot.required:
            return self.view(state, [self._say(state, "messages.required")])
        state.answers.pop(slot.key, None)
        if slot.key not in state.skipped:
            state.skipped.append(slot.key)
        state.awaiting_followup = False
        return self._advance(state, [self._say(state, "messages.skipped")])

    def edit(self, state: InterviewState, key: str, value: Any,
             given: bool = False) -> InterviewView:
        """Change any answer directly; InvalidAnswer (with a message) when it cannot be used.
        `given`: told before it was asked (in the request), so it is not counted as asked."""
        if key not in BY_KEY:
            raise InvalidAnswer(slot=key, reason=self._say(state, "problems.unknown_slot",
                                                           slot=key))
        try:
            parsed = parse_slot(key, value, self.playbook, state.lang,
                                local_currency(state.answers))
        except ParseProblem as problem:
            raise InvalidAnswer(slot=key, reason=self.problem(
                state.lang, problem, local_currency(state.answers))) from None
        self._store(state, key, parsed)
        if given and key not in state.given:
            state.given.append(key)
        if state.position == key:
            return self._advance(state, [self._say(state, "messages.updated")])
        return self.view(state, [self._say(state, "messages.updated")])

    def goto(self, state: InterviewState, key: str) -> InterviewView:
        """Ask one slot again (from the summary, to change it)."""
        if key not in BY_KEY:
            raise InvalidAnswer(slot=key, reason=self._say(state, "problems.unknown_slot",
                                                           slot=key))
        state.position, state.status, state.awaiting_followup = key, ASKING, False
        state.asking = None
        return self.view(state)

    def why(self, state: InterviewState) -> InterviewView:
        """Why the current question matters, with the related concept's explanation."""
        key = state.position or "summary"
        messages = [self._say(state, f"why.{key}")]
        slot = BY_KEY.get(key)
        if slot and slot.concept and self.explain:
            explanation = self.explain(slot.concept, state.lang)
            if explanation:
                messages.append(explanation)
        return self.view(state, messages)

    def confirm(self, state: InterviewState) -> InterviewView:
        """Accept the summary; InterviewIncomplete names what is still missing."""
        missing = self.missing(state)
        if missing:
            raise InterviewIncomplete(missing=[self.label(state.lang, k) for k in missing])
        state.status, state.position = CONFIRMED, None
        return self.view(state, [self._say(state, "messages.confirmed")])

    def missing(self, state: InterviewState) -> list[str]:
        """Required slots without an answer."""
        return [k for k in REQUIRED if k not in state.answers]

    # -- views ---------------------------------------------------------------------------------
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

    # -- internals -----------------------------------------------------------------------------
    def _fill(self, state: InterviewState, slot: Slot, text: str) -> InterviewView:
        choices = self.choices(state.lang, slot)
        if text.isdigit() and choices and 1 <= int(text) <= len(choices):
            text = choices[int(text) - 1].value
        if slot.kind == "budget":
            state.asking = currency_question(text, local_currency(state.answers), state.lang)
            if state.asking:
                return self.view(state)
        try:
            value = parse_slot(slot.key, text, self.playbook, state.lang,
                               local_currency(state.answers))
        except ParseProblem as problem:
            return self.view(state, [self.problem(state.lang, problem,
                                                  local_currency(state.answers))])
        if not state.awaiting_followup and slot.key not in state.followed_up \
                and vague(slot.key, text):
            state.followed_up.append(slot.key)
            state.awaiting_followup = True
            if normalize_term(text) not in VAGUE:
                state.answers[slot.key] = value  # kept, in case the follow-up adds nothing
            return self.view(state, [self._say(state, f"followup.{slot.key}")])
        if slot.kind == "goal" and not state.awaiting_followup \
                and slot.key not in state.followed_up and not self.understander.clear_goal(text):
            state.followed_up.append(slot.key)  # asked once; then the owner's words stand
            state.awaiting_followup = True
            state.answers[slot.key] = value
            return self.view(state, [self._say(state, "followup.goal")])
        if state.awaiting_followup and (slot.kind in ("text", "fact") or (
                slot.kind == "goal" and not self.understander.clear_goal(text))):
            value = _merge(state.answers.get(slot.key), value)
        self._store(state, slot.key, value)
        messages = self._language_note(state, slot.key, text)
        if slot.kind == "goal":
            state.asking = metric_question(self.understood(state), state.lang,
                                           self.understander.embed)
            if state.asking:
                return self.view(state, messages)
        return self._moved_on(state, slot, messages)

    def _moved_on(self, state: InterviewState, slot: Slot, messages: list[str]) -> InterviewView:
        """The next question after an answer, with "I understood" after the key ones."""
        view = self._advance(state, messages)
        if slot.key in SAY_UNDERSTOOD_AFTER:
            line = self.understood_line(state)
            if line:
                view.messages.append(line)
                view.understood = line
                unsure = ask_type(self, state)
                if state.asking:
                    return self.view(state, view.messages)
                view.messages += unsure
        return view

    def _language_note(self, state: InterviewState, key: str, text: str) -> list[str]:
        """A gentle note when a free answer is in another language (the answer is kept)."""
        if self.detect is None or key not in LANGUAGE_CHECKED or len(text.split()) < 4 \
                or key in state.language_noted:
            return []
        found = self.detect(text)
        if not found or found == state.lang:
            return []
        state.language_noted.append(key)
        name = lexicon("language_names")[state.lang][found][0]  # "spagnolo", in Italian
        return [self._say(state, "understood.language_note", language=name)]

    def _at_summary(self, state: InterviewState, text: str, command: str | None) -> InterviewView:
        if command == "confirm":
            return self.confirm(state)
        keys = [s.key for s in (*SLOTS, *DETAILS)]
        numbered = self.numbered(state)
        if text.isdigit() and 1 <= int(text) <= len(numbered):
            return self.goto(state, numbered[int(text) - 1])
        wanted = normalize_term(text)
        for key in keys:
            if wanted in (key, normalize_term(self.label(state.lang, key))):
                return self.goto(state, key)
        understood = self.understood(state)
        if understood is not None and text.strip():
            overrides = correction(text, understood, self.understander)
            if overrides:
                return self._apply(state, overrides)
            return self.view(state, [self._say(state, "problems.correction_unknown")])
        return self.view(state, [self._say(state, "messages.summary_help")])

    def _store(self, state: InterviewState, key: str, value: Any) -> None:
        state.answers[key] = value
        if state.asking and state.asking.get("slot") == key:
            state.asking = None  # answered another way (the plan tab's form)
        if key in state.skipped:
            state.skipped.remove(key)
        if key == "language":
            state.lang = value
        state.awaiting_followup = False

    def _advance(self, state: InterviewState, messages: list[str]) -> InterviewView:
        state.position = self._next_slot(state)
        if state.position is None:
            missing = self.missing(state)
            state.position = missing[0] if missing else None
        state.status = ASKING if state.position else CONFIRMING
        return self.view(state, messages)

    def _next_slot(self, state: InterviewState) -> str | None:
        return next((s.key for s in SLOTS if s.key not in state.answers
                     and s.key not in state.skipped and not self._known(state, s.key)), None)

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

    def _command(self, text: str) -> str | None:
        key = normalize_term(text)
        if not key:
            return None
        for lang in LANGUAGES:
            commands = self.prompts.phrase(AREA, lang, "commands")
            for name, words in commands.items():
                if key in (normalize_term(w) for w in words):
                    return name
        return None

    def _say(self, state: InterviewState, key: str, **variables: Any) -> str:
        return self.prompts.phrase(AREA, state.lang, key, **variables)


def _merge(first: Any, second: str) -> str:
    if not first or normalize_term(str(first)) in normalize_term(second):
        return second
    return f"{first} — {second}"


def _title(state: InterviewState) -> str:
    """The business as the user named it, shortened for a list."""
    business = str(state.answers.get("business", "")).strip()
    return business if len(business) <= 60 else business[:57].rstrip() + "…"
