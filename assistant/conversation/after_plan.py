"""A correction told after the plan exists ("No, we're a coworking space, not a café", "el
presupuesto son 2.000 €", "i mesi forti sono febbraio e maggio"): the fact changes in the saved
interview, the plan is drafted again from it (same plan, same link) and the change is echoed
("Type: coworking space (was: restaurant or café)") with the plan in short. A correction that
names nothing readable is an honest no with the answers to choose from; one that changes nothing
says so and drafts nothing. Any other message is for the answer chain (None)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..planning.interview.correcting import Change
from ..planning.interview.word_changes import word_changes
from ..planning.service import PlanService
from ..text import normalize_term
from .corrections import correction_text
from .intents import IntentRecognizer
from .lines import Line, Turn
from .listening import Listener
from .render import Renderer

Progress = Callable[[Line], None]


@dataclass
class AfterPlan:
    """Corrections of a drafted plan's facts, told in the chat."""

    plans: PlanService
    intents: IntentRecognizer
    renderer: Renderer
    listener: Listener

    def planned(self, owner: str) -> Any:
        """The owner's most recent interview with a plan that the chat still continues (its
        plan is the owner's newest), or None."""
        plans = self.plans.list_plans(owner)
        newest = max(plans, key=lambda p: p.updated_at).id if plans else None
        for state in self.plans.interview_states(owner):
            if state.plan_id and not state.chat_closed:
                return state if state.plan_id == newest else None
        return None

    def states_facts(self, owner: str, text: str) -> bool:
        """Whether the message states a fact of the plan the chat continues ("the plan runs 6
        months": its horizon), which a request for a new plan would not need to."""
        state = self.planned(owner)
        return state is not None and bool(self.plans.read_facts(state.id, text, owner))

    def turn(self, owner: str, text: str, progress: Progress | None = None) -> Turn | None:
        """The message as a correction of the plan's facts; None when it is none."""
        state = self.planned(owner)
        if state is None or self.intents.opens_with_question(text):
            return None
        iid, lang = state.id, state.lang
        done = Turn(interview_id=iid, lang=lang, kind="correction")
        label = self._label_chosen(iid, owner, lang, text)
        if label is not None:
            done.lines, done.kind = [label], "unclear"
            return done
        facts = self.plans.read_facts(iid, text, owner)
        decision = self.intents.correction(text, None, self.listener.facts.opens_as_correction(
            text), bool(facts))
        if not decision.yes:
            return None
        changes: list[Change] = []
        if facts:
            _, changes = self.plans.correct_facts(iid, facts, owner)
        changed = any(c.changed for c in changes)
        if not facts:
            before = self.plans.understood(iid, owner)
            words = self.plans.correct_words(iid, correction_text(text, None) or text, owner)
            after = self.plans.understood(iid, owner)
            changed = words is not None and after != before
            if changed and words is not None:
                if before is not None and after is not None:  # what changed, said
                    changes = word_changes(before, after, self.plans.playbook, lang,
                                           self.plans.prompts.phrase(
                                               "interview", lang, "messages.empty_value"))
                done.lines.append(Line("assistant", words.understood or "", kind="understood"))
        if changes:
            done.lines.insert(0, self._echo(lang, changes))
        if not changed:
            if not changes:
                done.kind = "unclear"
                done.lines = [self._unclear(iid, owner, lang)]
            return done
        done.lines += self._redraft(iid, owner, lang, progress)
        done.plan_id = state.plan_id
        return done

    def _redraft(self, iid: str, owner: str, lang: str,
                 progress: Progress | None) -> list[Line]:
        r, drafting = self.renderer, []

        def heard(section: str, event: str, attempt: int) -> None:
            line = r.progress(lang, section, event, attempt)
            drafting.append(line)
            if progress is not None:
                progress(line)

        plan = self.plans.replan(iid, owner, progress=heard)
        return [*drafting, r.plan(plan, lang, updated=True)]

    def _echo(self, lang: str, changes: list[Change]) -> Line:
        """What changed, fact by fact (and what already had that value)."""
        return Line("assistant", self.renderer.changes(lang, changes), kind="note")

    def _unclear(self, iid: str, owner: str, lang: str) -> Line:
        """Nothing changed: which answer it is, with the answers given as choices."""
        answered = self.plans.database.load_interview(iid, owner).answers
        options = [(item.label, item.label) for item in self.plans.summary(iid, owner).summary
                   if item.slot in answered][:8]
        return Line("assistant", self.renderer.say(lang, "unclear"), options, kind="note")

    def _label_chosen(self, iid: str, owner: str, lang: str, text: str) -> Line | None:
        """A choice from the honest no ("Budget"): its value now and how to change it."""
        key = normalize_term(text)
        for item in self.plans.summary(iid, owner).summary:
            if key and key == normalize_term(item.label):
                return Line("assistant", self.renderer.say(
                    lang, "after_plan_field", field=item.label, value=item.value), kind="note")
        return None
