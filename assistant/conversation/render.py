"""The interview's views said as chat messages: the question with its example and quick replies,
the notes before it, the summary, "why?" with its concept card, and the drafted plan in short."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ..packs import colon
from ..planning.interview import InterviewView
from ..planning.interview.parsing import NONE_WORDS
from ..planning.interview.slots import BY_KEY, DETAILS
from ..planning.plan.formatting import format_money
from ..prompts import PromptLibrary
from ..settings import LANGUAGES
from ..text import normalize_term
from .lines import Line

AREA = "conversation"
PICK = "+ "  # a quick reply that adds one item to a list answer
DETAIL_KEYS = frozenset(d.key for d in DETAILS)
ConceptCard = Callable[[str, str], Any]  # (concept id, lang) -> card with name, explanation


@dataclass
class Renderer:
    """Turns interview views into lines, in the interview's language."""

    prompts: PromptLibrary
    card: ConceptCard | None = None
    titles: Callable[[str], str] | None = None  # article id -> title
    terminal: bool = False  # `assistant chat`: no words about the web UI's tabs

    def say(self, lang: str, key: str, **values: Any) -> str:
        """A conversation phrase."""
        return self.prompts.phrase(AREA, lang, key, **values)

    def changes(self, lang: str, changes: list[Any]) -> str:
        """What a correction changed, fact by fact ("Budget: 5.000 € (was: 4.000 €)"); a fact
        that already had its value is said only when nothing changed ("currency: already EUR"
        says nothing beside a budget that changed)."""
        if any(c.changed for c in changes):
            changes = [c for c in changes if c.changed]
        merged: list[Any] = []  # one fact changed twice ("drop X, we're on Y now"): one line
        for change in changes:
            if merged and merged[-1].changed and change.changed \
                    and merged[-1].field == change.field:
                merged[-1] = replace(change, was=merged[-1].was)
            else:
                merged.append(change)
        changes = merged
        said = []
        for change in changes:
            name = self.say(lang, f"counted_fields.{change.field}", metric=change.counted) \
                if change.counted else self.say(lang, f"fields.{change.field}")
            name = name[:1].upper() + name[1:]
            said.append(self.say(lang, "changed", field=name, now=change.now, was=change.was)
                        if change.changed else
                        self.say(lang, "unchanged", field=name, value=change.now))
        return "\n".join(said)

    def command(self, lang: str, name: str) -> str:
        """The first word of a command ("why?", "indietro") in the language."""
        return self.prompts.phrase("interview", lang, "commands")[name][0]

    def command_in(self, text: str) -> str | None:
        """The command a message is, in any language: one of its words, or the label of its
        button typed ("Rédiger le plan" at the summary, as the CLI shows the buttons)."""
        key = normalize_term(text)
        for lang in LANGUAGES:
            labels = self.say(lang, "options")
            for name, words in self.prompts.phrase("interview", lang, "commands").items():
                said = [*words, labels.get(name, "")]
                if key and key in (normalize_term(w) for w in said if w):
                    return name
        return None

    def is_starter(self, text: str) -> bool:
        """Whether the message is the chat's own "start a plan" button, in any language."""
        key = normalize_term(text)
        return any(key == normalize_term(self.say(lang, "starter")) for lang in LANGUAGES)

    def view(self, view: InterviewView, notes: bool = True) -> list[Line]:
        """The notes of a step, then the pending question or the summary."""
        lines = [Line("assistant", m, kind="understood" if m == view.understood else "note")
                 for m in view.messages] if notes else []
        if view.plan_id:
            return lines
        if view.slot is None:
            return [*lines, self.summary(view)]
        return [*lines, self.question(view)]

    def again(self, view: InterviewView, lead: str) -> list[Line]:
        """The pending question (or the summary) asked again after `lead` ("Back to our
        interview:" after a side question, "You're welcome! Let's go on:" after a thanks)."""
        lines = self.view(view, notes=False)
        if lines and lines[-1].kind == "question":
            lines[-1] = self.question(view, lead=f"*{lead}*")
            return lines
        return [Line("assistant", lead, kind="note"), *lines]

    def question(self, view: InterviewView, lead: str = "") -> Line:
        """The pending question with its example and quick replies."""
        lang = view.lang
        progress = "detail_progress" if view.detail else "question_progress"
        head = f"*{self.say(lang, progress, step=view.step, total=view.total)}*"
        if view.optional and not view.detail:
            head += f" · *{self.say(lang, 'optional')}*"
        text = f"{head}\n\n**{view.question}**"
        if view.asking and self.terminal:  # typed by number in `assistant chat`
            text += "\n\n" + "\n".join(f"{i}. {c.label}" for i, c in enumerate(view.choices, 1))
        if view.example:
            text += f"\n\n*{view.example}*"
        if view.current_value:
            text += "\n\n" + self.prompts.phrase("interview", lang, "messages.current",
                                                 value=view.current_value)
        options = [(c.label, c.value) for c in view.choices][:8]
        if BY_KEY[view.slot or "language"].kind == "list":  # several can be tapped, then done
            options = [(f"+ {label}", f"{PICK}{value}") if normalize_term(value) not in
                       NONE_WORDS else (label, value) for label, value in options]
            options.append((self.say(lang, "options.done"), self.command(lang, "done")))
        if view.example and not options:
            options.append((self.say(lang, "options.example"),
                            view.example.split(":", 1)[-1].strip()))
        options.append((self.say(lang, "options.why"), self.command(lang, "why")))
        if view.optional:
            options.append((self.say(lang, "options.skip"), self.command(lang, "skip")))
        if view.step > 1:
            options.append((self.say(lang, "options.back"), self.command(lang, "back")))
        return Line("assistant", f"{lead}\n\n{text}" if lead else text, options,
                    kind="question", at=view.slot or "")

    def summary(self, view: InterviewView) -> Line:
        """The answers to confirm, what was understood, and how to go on."""
        lang = view.lang
        sep = colon(lang)  # "Entreprise : …" in French, "Business: …" in English
        rows = "\n".join(f"{item.number}. **{item.label}**{sep}{item.value}"
                         for item in view.summary if item.number)
        parts = [self.say(lang, "summary_title"), rows]
        language = next((i.value for i in view.summary if i.slot == "language"), "")
        if language:  # apart: not one of the owner's facts
            parts.append(f"*{self.say(lang, 'summary_language', language=language)}*")
        still = ", ".join(i.label for i in view.summary if not i.number and i.slot != "language")
        if still:
            parts.append(f"*{self.say(lang, 'summary_open', items=still)}*")
        if view.understood:
            parts.append(f"> {view.understood}")
            if view.understood_hint:
                parts.append(f"*{view.understood_hint}*")
        parts.append(view.question)
        return Line("assistant", "\n\n".join(parts),
                    [(self.say(lang, "options.confirm"), self.command(lang, "confirm")),
                     (self.say(lang, "options.back"), self.command(lang, "back"))],
                    kind="summary", at="summary")

    def why(self, view: InterviewView) -> list[Line]:
        """Why the pending question is asked, with its concept card cited."""
        lang = view.lang
        reason = view.messages[0] if view.messages else ""
        slot = BY_KEY.get(view.slot or "")
        card = self.card(slot.concept, lang) if slot and slot.concept and self.card else None
        if card is None:
            return [Line("assistant", reason, kind="why"), self.question(view)]
        articles = [self.titles(a) for a in card.articles] if self.titles else []
        listed = "".join(f"; {a}" for a in articles if a)
        sep = colon(lang)
        return [Line("assistant", f"{reason}\n\n**{card.name}**{sep}{card.explanation} [1]",
                     kind="why"),
                Line("assistant", self.say(lang, "why_articles", name=card.name,
                                           articles=listed),
                     title=f"[1] {self.say(lang, 'why_source', name=card.name)}",
                     kind="source"),
                self.question(view)]

    def plan(self, plan: Any, lang: str, updated: bool = False) -> Line:
        """The drafted plan in short: its goal, first three actions and budget (`updated`:
        drafted again after a correction, said so)."""
        objective = plan.strategy.objectives[0].text if plan.strategy.objectives else ""
        tactics = [t for t in sorted(plan.tactics, key=lambda t: (t.start_month, t.id))
                   if t.actions][:3]
        sep = colon(lang)
        actions = "\n".join(f"{i}. **{t.name}**{sep}{t.actions[0]}"
                            for i, t in enumerate(tactics, 1))
        budget = format_money(plan.budget.total_cents, plan.budget.currency, lang)
        text = "\n\n".join([
            f"**{self.say(lang, 'plan_updated' if updated else 'plan_ready', title=plan.title)}**",
            self.say(lang, "plan_goal", goal=objective),
            *([f"{self.say(lang, 'plan_actions')}\n\n{actions}"] if actions else []),
            self.say(lang, "plan_budget", budget=budget),
            *self.drafting(plan, lang),
            *([] if self.terminal else [self.say(lang, "plan_open")])])
        return Line("assistant", text, kind="plan")

    def drafting(self, plan: Any, lang: str) -> list[str]:
        """With a model: which sections it wrote, and why the others kept the standard
        version (the plan's own notes, in its language)."""
        if not plan.model_sections and not plan.draft_notes:
            return []
        out = []
        if plan.model_sections:
            names = ", ".join(self.prompts.phrase("plan", lang, f"headings.{s}")
                              for s in plan.model_sections)
            by_model = self.prompts.phrase("plan", lang, "drafting.by_model", sections=names)
            out.append(f"*{by_model}*")
        if plan.draft_notes:
            out.append("\n".join(f"> {note}" for note in plan.draft_notes))
        return out

    def progress(self, lang: str, section: str, event: str, attempt: int) -> Line:
        """"Writing: Diagnosis…" while a model drafts the plan (one line per event)."""
        name = self.prompts.phrase("plan", lang, f"headings.{section}")
        return Line("assistant", "*" + self.prompts.phrase(
            "plan", lang, f"drafting.progress_{event}", section=name, attempt=attempt) + "*",
            kind="progress")
