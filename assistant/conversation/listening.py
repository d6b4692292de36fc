"""Listening to a message while the interview waits: does it answer the pending question (its
kind wins: an amount, a period, channels, even ending with "?"), or correct something said
before? A correction changes the facts it states and says what changed ("type: coworking space
(was: café)"); one that cannot be read says so and offers the answers to choose from; the
pending question is never given a correction as its answer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..errors import EstrategaError
from ..planning.interview import InterviewView
from ..planning.interview.correcting import amount_elsewhere, guess_fields
from ..planning.interview.corrections import SLOT_FIELDS, FactReader
from ..planning.interview.denied_value import denied_values
from ..planning.interview.parsing import ParseProblem, parse_list, says_none
from ..planning.interview.slots import BY_KEY, NUMBER_FACTS, parse_slot
from ..planning.interview.word_changes import word_changes
from ..planning.service import PlanService
from ..planning.understanding.currency import example_in, local_currency
from ..text import normalize_term
from .corrections import correction_text
from .intents import IntentRecognizer
from .lines import Line, Turn
from .render import Renderer

# An answer to a later question may come while one of these waits (free words, not an amount,
# a period or a list, not the business itself, nor the goal: "avoir plus de clients en été,
# quand c'est calme" is a goal that speaks of seasons), for one of these questions.
EARLY_FROM = ("offer", "customers", "competitors", "situation", "seasonality", "constraints",
              "resources")
EARLY_TO = ("offer", "customers", "competitors", "situation", "goal", "seasonality",
            "constraints")


COUNTS = ("current_customers", "goal_target", "team_size")  # people or customers, counted
SENTENCE = re.compile(r"(?<=[.!?…])\s+")
BARE_WORDS = 3  # a channel's name or an amount with its currency and "about"


def _bare(kind: str, text: str) -> bool:
    """Whether a message is a value alone, asked back ("Instagram?", "¿Instagram y WhatsApp?",
    "¿unos 500 €?"): a hesitant answer, not a question about it.

    >>> _bare("list", "¿Instagram y WhatsApp?"), _bare("list", "is 500 pounds enough for ads?")
    (True, False)
    """
    plain = re.sub(r"[¿?¡!]", " ", text)
    if kind == "list":
        return all(len(item.split()) <= BARE_WORDS for item in parse_list(plain))
    return len(plain.split()) <= BARE_WORDS


def _slots_of(field: str) -> list[str]:
    """The questions whose answer sets a fact ("horizon_months": the horizon's)."""
    return [slot for slot, fields in SLOT_FIELDS.items() if field in fields]


@dataclass
class Listener:
    """Reads a message against the pending question and applies corrections."""

    plans: PlanService
    intents: IntentRecognizer
    renderer: Renderer

    @cached_property
    def facts(self) -> FactReader:
        """How a message opens (the facts themselves are read by the plan service)."""
        return FactReader()

    def fits(self, view: InterviewView, text: str) -> bool:
        """Whether the message answers the pending question: it reads as what the question
        asks (an amount, a period, channels), even when it ends with "?" or names a channel."""
        slot = BY_KEY[view.slot or ""]
        understander = self.plans.understander
        if self.intents.asks_about(text, slot.key) and not _bare(slot.kind, text):
            return False  # "is 500 pounds enough for Facebook ads?": asked, not answered
        if slot.kind == "list" and (says_none(text) or (
                understander is not None and understander.channels.mentions(text))
                or normalize_term(text) in (normalize_term(c.value) for c in view.choices)):
            return True
        if slot.kind in ("budget", "horizon", "language") or slot.key in NUMBER_FACTS:
            try:
                parse_slot(slot.key, text, self.plans.playbook, view.lang)
                parsed = slot.kind != "budget" or any(ch.isdigit() for ch in text)
            except ParseProblem as problem:
                parsed = problem.code == "budget_pesos"  # an amount: which pesos is asked next
            if parsed:
                return True
        return self.intents.answer(text, slot.key, slot.kind).yes

    def _fits_kind(self, view: InterviewView, text: str) -> bool:
        """Whether the message has the form the pending question takes (channels or "none"
        for a list, an amount, a period, a number); free-text questions take any form."""
        slot = BY_KEY[view.slot or ""]
        if slot.kind not in ("list", "budget", "horizon") and slot.key not in NUMBER_FACTS:
            return True
        understander = self.plans.understander
        if slot.kind == "list":
            return says_none(text) or bool(understander is not None and
                                           understander.channels.mentions(text)) or \
                normalize_term(text) in (normalize_term(c.value) for c in view.choices)
        try:
            parse_slot(slot.key, text, self.plans.playbook, view.lang)
        except ParseProblem as problem:
            return problem.code == "budget_pesos"
        return slot.kind != "budget" or any(ch.isdigit() for ch in text)

    def correction(self, owner: str, view: InterviewView, text: str) -> Turn | None:
        """A message that corrects what was said: the facts it states changed and echoed
        ("type: coworking space (was: café)"), or an honest "I could not tell" with the
        answers to choose from; None when the message is no correction."""
        iid, lang, r = view.interview_id, view.lang, self.renderer
        if self.intents.opens_with_question(text):
            return None  # "¿qué es un KPI?": a question, whatever it names
        facts = self.plans.read_facts(iid, text, owner)
        own = SLOT_FIELDS.get(view.slot or "", ())
        others = [f for f in facts if f.field not in own] if view.slot else facts
        later = self.answers_later(owner, view, text) if others else None
        if later and not {f.field for f in others} & self._answered_fields(iid, owner) and all(
                f.field in SLOT_FIELDS.get(later, ()) or not _slots_of(f.field) for f in others):
            return None  # "we want 85 % occupancy" before the goal was asked: its answer
        if view.slot and not any(f.field in own for f in facts) \
                and not denied_values(text):  # "…80 €, no de 90 €": a price put right
            moved = amount_elsewhere(self.plans.interviewer,
                                     self.plans.database.load_interview(iid, owner), text)
            if moved:  # "8.000 €" at the seasons question: the budget, stored there
                after, changes = self.plans.correct_facts(iid, moved, owner)
                done = Turn(interview_id=iid, lang=lang, kind="correction")
                done.lines = self._echo(after, changes)
                return done
        doubt = () if others else self._doubt(iid, owner, text)
        if view.slot is None and not others:
            # the summary reads numbers, "ok", and the older corrections itself
            return self._unclear(view, owner, doubt) if doubt else None
        decision = self.intents.correction(text, view.slot, self.facts.opens_as_correction(text),
                                           bool(others))
        fits = view.slot is not None and self.fits(view, text)
        done = Turn(interview_id=iid, lang=lang, kind="correction")
        misfit = bool(others) and view.slot is not None and (
            not self._fits_kind(view, text) or view.slot == "excluded_channels" and any(
                f.field == "channels" and f.op == "add" for f in others)  # "y también usamos X"
            or BY_KEY[view.slot].kind in ("budget", "horizon") and any(
                f.field in COUNTS for f in others))  # "we have 18 clients now": no 18 months
        if others and (decision.yes or view.slot is None or misfit):
            after, changes = self.plans.correct_facts(iid, others, owner)
            done.lines = self._echo(after, changes)
            return done
        if not decision.yes:
            return None
        before = self.plans.understood(iid, owner)
        corrected = self.plans.correct_words(iid, correction_text(text, None) or text, owner)
        after = self.plans.understood(iid, owner)
        if corrected is not None and after != before and before and after:
            changes = word_changes(before, after, self.plans.playbook, lang, self.plans.prompts
                                   .phrase("interview", lang, "messages.empty_value"))
            if changes:  # said as what changed, never a bare "corrected"
                done.lines = self._echo(corrected, changes)
                return done
            corrected.messages = [r.say(lang, "corrected"), corrected.understood]
            done.lines = r.view(corrected)
            return done
        if fits:
            return None  # "no, mejor 6 meses": the pending question's answer after all
        return self._unclear(view, owner, doubt)

    def answer_then_question(self, owner: str, view: InterviewView,
                             text: str) -> tuple[str, str] | None:
        """(answer, question) when the message answers the pending question and then asks
        something ("Arrivare a 50 clienti aziendali. Ma il budget lo chiedete dopo?", "No
        Nextdoor. Also, does the GigSalad fee count as marketing?"): the answer is taken and
        the question answered, rather than the whole taken for a side question. None when the
        first part asks, corrects an earlier answer, or does not answer the pending question."""
        parts = [p for p in SENTENCE.split(text.strip()) if p.strip()]
        if view.slot is None or len(parts) < 2 or not parts[-1].rstrip().endswith("?"):
            return None
        # the last sentence asks; what comes before answers ("maybe $1,500? Is that enough…")
        head, tail = " ".join(parts[:-1]), parts[-1]
        if self.intents.opens_with_question(head) or self.intents.courtesy(head, view.slot).yes:
            return None
        own = SLOT_FIELDS.get(view.slot, ())
        if any(f.field not in own for f in self.plans.read_facts(view.interview_id, head, owner)):
            return None  # "No, somos 3. ¿Y ahora?": a correction first
        return (head, tail) if self.fits(view, head) else None

    def answers_later(self, owner: str, view: InterviewView, text: str) -> str | None:
        """The later question, not answered yet, that the message answers instead of the
        pending one ("Queremos pasar de 40 a 90 alumnos" at the competitors question: the
        goal), by its likeness to each question's example answers; None when it answers the
        pending one, asks something, or opens as a correction."""
        if view.slot not in EARLY_FROM or self.facts.opens_as_correction(text):
            return None
        state = self.plans.database.load_interview(view.interview_id, owner)
        open_slots = tuple(s for s in EARLY_TO if s != view.slot and s not in state.answers
                           and s not in state.skipped)
        return self.intents.answers_later(text, view.slot, open_slots)

    def take_later(self, owner: str, view: InterviewView, slot: str, text: str) -> Turn | None:
        """The message stored as the answer to `slot` (not asked then: told before), said so,
        and the pending question again; None when it is no usable answer there."""
        iid, lang, r = view.interview_id, view.lang, self.renderer
        try:
            edited = self.plans.edit(iid, slot, text, owner, given=True)
        except EstrategaError:
            return None
        after = self.plans.get_interview(iid, owner)
        label = self.plans.interviewer.label(lang, slot)
        # what the answer told besides ("… in un anno": the horizon too), before the question
        notes = [Line("assistant", m, kind="note") for m in edited.messages[1:]]
        return Turn(interview_id=iid, lang=lang, kind="early_answer",
                    lines=notes + r.again(after, r.say(lang, "early_noted", question=label)))

    def _answered_fields(self, iid: str, owner: str) -> set[str]:
        """The facts the questions answered so far set (a correction changes one of them)."""
        answers = self.plans.database.load_interview(iid, owner).answers
        return {f for slot, fields in SLOT_FIELDS.items() if slot in answers for f in fields}

    def _doubt(self, iid: str, owner: str, text: str) -> tuple[str, ...]:
        """The facts a message could change when its value says what it is (an amount, a
        count, months) but its words do not say which fact (below the threshold)."""
        state = self.plans.database.load_interview(iid, owner)
        guess = guess_fields(self.plans.interviewer, state, text)
        sure = guess.sure or guess.kind == "words" or len(guess.fields) < 2
        return () if sure else guess.fields

    def _unclear(self, view: InterviewView, owner: str, doubt: tuple[str, ...]) -> Turn:
        """Nothing changed, said so, and the answers it could be offered as choices: those
        holding the facts in doubt, else every answer given."""
        iid, lang, r = view.interview_id, view.lang, self.renderer
        summary = self.plans.summary(iid, owner).summary
        answers = self.plans.database.load_interview(iid, owner).answers
        slots = [slot for slot, fields in SLOT_FIELDS.items() if set(fields) & set(doubt)]
        options = [(item.label, item.label) for item in summary if item.slot in slots] or [
            (item.label, item.label) for item in summary if item.slot in answers]
        again = r.view(view, notes=False)
        unclear = example_in(r.say(lang, "unclear"), local_currency(answers), "budget", lang)
        return Turn(interview_id=iid, lang=lang, kind="unclear",
                    lines=[Line("assistant", unclear, options[:8], kind="note"), *again])

    def _echo(self, view: InterviewView, changes: list[Any]) -> list[Line]:
        """What changed, fact by fact, then what is understood now and the pending question."""
        lang, r = view.lang, self.renderer
        view.messages = [r.changes(lang, changes)]
        if view.understood and any(c.changed for c in changes):
            view.messages.append(view.understood)
        return r.view(view)

    def slot_named(self, view: InterviewView, text: str) -> str | None:
        """The question a message names by its label ("Presupuesto", from the choices
        offered when a correction was unclear), to answer it again."""
        key = normalize_term(text)
        if not key or view.slot is None:
            return None
        for slot in BY_KEY:
            if slot != view.slot and key == normalize_term(
                    self.plans.interviewer.label(view.lang, slot)):
                return slot
        return None
