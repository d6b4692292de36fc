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
from ..understanding import Understander, default_understander
from ..understanding.currency import local_currency
from .asking import ask_type, settle
from .goal_horizon import take_horizon
from .parsing import VAGUE, ParseProblem
from .slots import BY_KEY, DETAILS, REQUIRED, SLOTS, Slot, parse_slot, vague
from .state import ASKING, CONFIRMED, CONFIRMING, InterviewState, InterviewView
from .understood import Understood, correction
from .unsure import currency_question, metric_question
from .views import AREA, Views

Explain = Callable[[str, str], str | None]  # (concept id, lang) -> explanation
Detect = Callable[[str], str | None]  # text -> its language, None when unsure
SAY_UNDERSTOOD_AFTER = ("goal", "excluded_channels", "resources")  # then "I understood: …"
LANGUAGE_CHECKED = ("business", "offer", "customers", "competitors", "situation", "goal",
                    "constraints", "seasonality", "resources")


class Interviewer(Understood, Views):
    """Moves an `InterviewState` from slot to slot. Pure logic: saving is the caller's job."""

    def __init__(self, prompts: PromptLibrary, playbook: Playbook,
                 explain: Explain | None = None, understander: Understander | None = None,
                 detect: Detect | None = None) -> None:
        self.prompts = prompts
        self.playbook = playbook
        self.explain = explain
        self.understander = understander or default_understander(playbook)
        self.detect = detect

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
        messages = [self._say(state, "messages.updated"),
                    *self._horizon_from_goal(state, key, str(value))]
        if state.position == key:
            return self._advance(state, messages)
        return self.view(state, messages)

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
        messages = self._language_note(state, slot.key, text) + self._horizon_from_goal(
            state, slot.key, text)
        if slot.kind == "goal":
            state.asking = metric_question(self.understood(state), state.lang,
                                           self.understander.metric_reader)
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

    def _horizon_from_goal(self, state: InterviewState, key: str, goal: str) -> list[str]:
        """The time the goal gives itself ("… in un anno") taken as the plan's horizon when
        none was given, and said so; not asked again."""
        months = take_horizon(state, goal) if key == "goal" else None
        return [self._say(state, "messages.horizon_from_goal", months=months)] if months else []

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


def _merge(first: Any, second: str) -> str:
    if not first or normalize_term(str(first)) in normalize_term(second):
        return second
    return f"{first} — {second}"
