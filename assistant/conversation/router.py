"""`ChatInterview`: one chat message routed where it belongs.

Without an interview under way, a request for a plan ("necesito un plan de marketing para mi
gimnasio") starts one, taking what the message already says as the first answers, and anything
else goes to the answer chain. With one under way (started here or in the plan tab: both are
the same saved interview), a message is a command (back, skip, why?, ok), a correction of what
was understood ("no, siamo un panificio, non un negozio"), an answer to the pending question,
or a question on the way, which the chain answers before the pending question is asked again.
Once the plan is drafted, a message that corrects one of its facts changes it and redrafts the
plan (`after_plan.py`); anything else goes to the answer chain.
Every line is saved with the interview, so a reload shows the conversation; answers given in the
plan tab meanwhile are picked up (`history` ends with the question pending now). While a model
drafts the plan, `progress` hears which section it is writing."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..errors import DatabaseUnavailable, EstrategaError
from ..planning.interview import InterviewView
from ..planning.interview.slots import BY_KEY
from ..planning.interview.state import CONFIRMED
from ..planning.service import PlanService
from ..settings import LANGUAGES
from .after_plan import AfterPlan
from .extract import business_phrase, only_a_category
from .intents import IntentRecognizer
from .lines import Line, Turn, answer_lines
from .listening import Listener
from .prefill import another_business, prefill, with_category
from .render import PICK, Renderer

log = logging.getLogger("estratega.conversation")

Detect = Callable[[str], str | None]  # a message's language, None when unsure
Ask = Callable[..., Any]  # (question, conversation_id=, lang=, owner=) -> Answer
Progress = Callable[[Line], None]  # hears each drafting line ("Writing: Diagnosis…") as it comes


@dataclass
class ChatInterview:
    """Routes chat messages between the guided interview and the answer chain."""

    plans: PlanService
    intents: IntentRecognizer
    renderer: Renderer
    detect: Detect | None = None

    # -- the interview this owner has under way in the chat ----------------------------------
    def active(self, owner: str) -> InterviewView | None:
        """The owner's most recent interview that is neither drafted nor left in the chat."""
        state = self._active_state(owner)
        return self.plans.get_interview(state.id, owner) if state else None

    def _active_state(self, owner: str) -> Any:
        for state in self.plans.interview_states(owner):
            if state.status != CONFIRMED and not state.plan_id and not state.chat_closed:
                return state
        return None

    def current(self, owner: str) -> tuple[str, str] | None:
        """What the owner works on now, for the plan tab: ("interview", id) when the interview
        under way is newer than their newest plan, else ("plan", id) of that plan."""
        state = self._active_state(owner)
        plans = self.plans.list_plans(owner)
        newest = max(plans, key=lambda p: p.updated_at) if plans else None
        if state is not None and (newest is None or state.updated_at >= newest.updated_at):
            return "interview", state.id
        return ("plan", newest.id) if newest else None

    def history(self, owner: str) -> list[Line]:
        """The conversation of the interview under way, ending with the question pending now
        (empty when there is none): what a reloaded chat, or the chat after answers given in
        the plan tab, shows. A question answered elsewhere meanwhile is followed, and saved, by
        the one pending now."""
        view = self.active(owner)
        if view is None:
            return []
        lines = [ln for ln in (Line.from_dict(d) for d in
                               self.plans.chat_lines(view.interview_id, owner))
                 if ln.kind != "hint"]
        pending = view.slot or "summary"
        last = lines[-1] if lines else None
        if last is None or last.kind not in ("question", "summary") or (
                last.at and last.at != pending):
            more = [Line("assistant", self.renderer.say(view.lang, "resume"), kind="note"),
                    *self.renderer.view(view, notes=False)]
            self._save(owner, view.interview_id, more)
            lines += more
        return lines

    def leave(self, owner: str) -> None:
        """The user started a new conversation: the interview stays saved (the plan tab
        resumes it) but the chat no longer continues it."""
        view = self.active(owner)
        if view is not None:
            self.plans.add_chat_lines(view.interview_id, owner, [], closed=True)

    # -- one message -------------------------------------------------------------------------
    def turn(self, owner: str, text: str, lang: str = "en",
             progress: Progress | None = None) -> Turn:
        """Route one message (already checked by `check_query`) and save what it produced;
        `progress` hears the drafting lines when this message has a model draft the plan."""
        try:
            view = self.active(owner)
        except DatabaseUnavailable:  # a question needs no database; a plan request does
            if self.intents.plan_request(text).yes:
                raise
            log.warning("no database: %r is answered as a question", text[:80])
            return Turn(ask=text, lang=lang)
        if view is None:
            wants_plan = self.intents.plan_request(text).yes
            # A plan's fact corrected ("we're a coworking space", "the plan runs 6 months")
            # before a request, which that sentence can look like; a request that names a
            # business, or states no fact of the plan, is a new plan.
            new_plan = wants_plan and self.intents.has("plan", text) and (
                business_phrase(text) or not self.after_plan.states_facts(owner, text))
            fixed = None if new_plan else self.after_plan.turn(owner, text, progress)
            if fixed is not None:
                self._save(owner, fixed.interview_id, [Line("user", text), *fixed.lines])
                return fixed
            if wants_plan:
                return self.start(owner, text, lang)
            return self._courtesy(owner, text, lang) or Turn(ask=text, lang=lang)
        if another_business(view.title, text) and self.intents.has("plan", text) and \
                self.intents.plan_request(text).yes:  # a new business: a new plan, the other kept
            self.leave(owner)
            return self.start(owner, text, lang, kept=view.title)
        turn = self._continue(owner, view, text, progress)
        if turn.ask is None:
            self._save(owner, turn.interview_id, [Line("user", text), *turn.lines])
        return turn

    def start(self, owner: str, text: str, lang: str = "en", kept: str = "") -> Turn:
        """A new interview from a plan request; what the request says is taken as answers.
        `kept`: the business of the interview left for this one (it stays saved)."""
        said = self.detect(text) if self.detect else None
        lang = said if said in LANGUAGES else lang if lang in LANGUAGES else "en"
        view = self.plans.start_interview(owner, lang)
        iid = view.interview_id
        noted: list[str] = []
        category = None  # "negozio": a kind of business, no business; its question is asked
        for key, value in prefill(text, lang, self.plans.understander):
            if key == "business" and only_a_category(value):
                category = value
                continue
            try:
                view = self.plans.edit(iid, key, value, owner, given=True)
            except EstrategaError:
                continue  # not usable as an answer: the question will be asked
            noted.append(f"{self.plans.interviewer.label(lang, key).lower()} "
                         + self.plans.prompts.phrase("plan", lang, "quote", text=value))
        view = self.plans.get_interview(iid, owner)
        lines = [Line("assistant", self.renderer.say(lang, "other_kept", business=kept),
                      kind="note")] if kept else []
        lines.append(Line("assistant", self.plans.prompts.phrase(
            "interview", lang, "messages.welcome"), kind="note"))
        if noted:
            lines.append(Line("assistant", self.renderer.say(lang, "noted",
                                                             items="; ".join(noted)), kind="note"))
        if category:
            lines.append(Line("assistant", self.renderer.say(lang, "category_noted",
                                                             category=category), kind="note"))
        lines += self.renderer.view(view, notes=False)
        hint = [Line("assistant", category, kind="hint")] if category else []
        self._save(owner, iid, [Line("user", text), *hint, *lines], closed=False)
        return Turn(lines, interview_id=iid, lang=lang)

    def answered(self, owner: str, turn: Turn, question: str, answer: Any) -> None:
        """Save a question asked on the way, its answer and the question asked again."""
        if turn.interview_id:
            self._save(owner, turn.interview_id,
                       [Line("user", question), *answer_lines(answer), *turn.then])

    def say(self, owner: str, text: str, lang: str = "en", ask: Ask | None = None,
            conversation_id: str | None = None,
            progress: Progress | None = None) -> tuple[Turn, list[Line]]:
        """One whole turn, the chain's answer included (`ask`: the facade's `ask`): for the
        CLI and tests. Returns the turn and every line to show."""
        turn = self.turn(owner, text, lang, progress)
        if turn.ask is None or ask is None:
            return turn, turn.lines
        answer = ask(turn.ask, conversation_id=conversation_id,
                     lang=turn.lang if turn.interview_id else None, owner=owner)
        self.answered(owner, turn, text, answer)  # the message whole, the answer in it too
        return turn, [*answer_lines(answer), *turn.then]

    # -- internals ---------------------------------------------------------------------------
    def _continue(self, owner: str, view: InterviewView, text: str,
                  progress: Progress | None = None) -> Turn:
        iid, lang, r = view.interview_id, view.lang, self.renderer
        done = Turn(interview_id=iid, lang=lang)
        command = r.command_in(text)
        if command == "why" and view.slot:
            done.lines = r.why(self.plans.why(iid, owner))
            return done
        if command is None and (r.is_starter(text) or (
                self.intents.has("plan", text) and self.intents.plan_request(text).yes
                and not self.plans.read_facts(iid, text, owner))):  # "un piano su 6 mesi"
            # Asking for a plan again while one is under way: where it was left.
            done.lines = [Line("assistant", r.say(lang, "resume"), kind="note"),
                          *r.view(view, notes=False)]
            return done
        if command is None and view.slot and text.startswith(PICK) and \
                BY_KEY[view.slot].kind == "list":
            done.lines, done.kind = r.view(self.plans.pick(iid, text[len(PICK):], owner)), "pick"
            return done
        if command == "confirm" and view.slot and view.asking is None and not view.current_value:
            # "ok" to a question with no answer yet is no answer ("ok" was stored as the
            # competitors): the same question again
            done.lines, done.kind = r.again(view, r.say(lang, "ok_lead")), "courtesy"
            return done
        settles = view.asking is not None and not self.intents.opens_with_question(text)
        if command is None and not settles:  # an unsure reading's question takes its reply
            if self.intents.courtesy(text, view.slot).yes:  # "Merci !": the question again
                done.lines, done.kind = r.again(view, r.say(lang, "courtesy_lead")), "courtesy"
                return done
            named = self.listener.slot_named(view, text)
            if named:
                done.lines, done.kind = r.view(self.plans.goto(iid, named, owner)), "goto"
                return done
            both = self.listener.answer_then_question(owner, view, text)
            taken = self._answer_then_ask(owner, view, *both) if both else None
            if taken is not None:  # "No Nextdoor. Also, does the fee count as marketing?"
                return taken
            fixed = self.listener.correction(owner, view, text)
            if fixed is not None:
                return fixed
            later = self.listener.answers_later(owner, view, text)
            early = self.listener.take_later(owner, view, later, text) if later else None
            if early is not None:  # the goal told at the competitors question: noted there
                return early
            answer = text
            if view.slot == "business" and not view.current_value:  # "FitLab" + "palestra"
                answer = with_category(self.plans, iid, owner, text, lang)
            if self._is_question(view, answer):
                return Turn(ask=text, then=r.again(view, r.say(lang, "back_lead")),
                            interview_id=iid, lang=lang, kind="side_question")
            text = answer
        drafting: list[Line] = []

        def heard(section: str, event: str, attempt: int) -> None:
            line = r.progress(lang, section, event, attempt)
            drafting.append(line)
            if progress is not None:
                progress(line)

        done.kind = "answer" if command is None else "command"
        if command is None and view.slot is None and not text.strip().isdigit():
            done.kind = "correction"  # free words at the summary correct what was understood
        if command is not None:  # a button's label typed: the command's own word
            text = r.command(lang, command)
        after = self.plans.answer(iid, text, owner, progress=heard)
        if after.plan_id:
            plan = self.plans.get_plan(after.plan_id, owner)
            done.lines = [*r.view(after), *drafting, r.plan(plan, lang)]
            done.plan_id = after.plan_id
            return done
        done.lines = r.view(after)
        return done

    def _answer_then_ask(self, owner: str, view: InterviewView, answer: str,
                         question: str) -> Turn | None:
        """The answer taken, then the question answered by the chain before the next question
        (None when the interview refuses the answer: the message is read whole)."""
        try:
            after = self.plans.answer(view.interview_id, answer, owner)
        except EstrategaError:
            return None
        return Turn(ask=question, then=self.renderer.view(after), interview_id=view.interview_id,
                    lang=view.lang, kind="answer")

    def _courtesy(self, owner: str, text: str, lang: str) -> Turn | None:
        """A thanks or an "ok" with no interview under way: a word back, not a search of the
        knowledge base ("nothing found" for "Merci !"); after a plan, what can be done next."""
        if not self.intents.courtesy(text).yes:
            return None
        said = self.detect(text) if self.detect else None
        lang = said if said in LANGUAGES else lang if lang in LANGUAGES else "en"
        key = "courtesy_after_plan" if self.plans.list_plans(owner) else "courtesy_reply"
        return Turn([Line("assistant", self.renderer.say(lang, key))], lang=lang,
                    kind="courtesy")

    def _is_question(self, view: InterviewView, text: str) -> bool:
        if view.slot is None:  # at the summary: numbers, "ok" and corrections are answers
            return self.intents.opens_with_question(text)
        return not self.listener.fits(view, text)

    @cached_property
    def listener(self) -> Listener:
        """Tells an answer from a correction and applies corrections."""
        return Listener(self.plans, self.intents, self.renderer)

    @cached_property
    def after_plan(self) -> AfterPlan:
        """Corrections told once the plan exists: the fact changed and the plan redrafted."""
        return AfterPlan(self.plans, self.intents, self.renderer, self.listener)

    def _save(self, owner: str, iid: str | None, lines: list[Line],
              closed: bool | None = None) -> None:
        if iid:
            self.plans.add_chat_lines(iid, owner, [ln.as_dict() for ln in lines], closed)
