"""`Context`: what every section of a plan needs while it is drafted (the answers, what they
mean, the playbook, the phrases). Its own module so that `builder` and `sections` both use it
without importing each other."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...prompts import PromptLibrary
from ..playbook import Playbook
from ..understanding.model import Understanding
from .formatting import month_name, month_span
from .model import FunnelPlan, Objective, PlanFacts
from .open_data import default_open_data, type_fits

if TYPE_CHECKING:
    from .inputs import PlanInput

SourceTitle = Callable[[str, str, str], str | None]  # (kind, id, lang) -> title or None
MAX_NAME_WORDS = 6


@dataclass
class Context:
    """What every section needs: the answers, what they mean, the playbook, the phrases."""

    inp: PlanInput
    playbook: Playbook
    prompts: PromptLibrary
    source_title: SourceTitle | None = None
    understood: Understanding | None = None
    facts: PlanFacts | None = None
    excluded: list[str] = field(default_factory=list)
    funnel: FunnelPlan | None = None
    open: dict = field(default_factory=default_open_data)  # knowledge/playbook/open.json
    objectives: list[Objective] = field(default_factory=list)  # once built

    @property
    def lang(self) -> str:
        return self.inp.language

    @property
    def fits(self) -> bool:
        """Whether the nearest playbook type fits well enough to lend its trade's words."""
        return type_fits(self.understood, self.open)

    def say(self, key: str, **variables: object) -> str:
        """A plan phrase in the plan's language."""
        return self.prompts.phrase("plan", self.lang, key, **variables)

    @property
    def btype_name(self) -> str:
        """The owner's own label for the business; the nearest type's name without one."""
        label = self.understood.profile.label if self.understood else ""
        return label or self.playbook.business_types[self.facts.business_type].names[self.lang]

    @property
    def business(self) -> str:
        """The business's own name, or the business type when no short name can be read."""
        name = self.understood.profile.name if self.understood else None
        return name or short_name(self.inp.business) or self.btype_name

    def month(self, plan_month: int) -> str:
        """A plan month as a real month ("marzo de 2026")."""
        month, year = self.facts.calendar_month(plan_month)
        return month_name(month, year, self.lang)

    def span(self, start: int, end: int) -> str:
        """Plan months start..end as real months ("mar–may 2026")."""
        (m1, y1), (m2, y2) = self.facts.calendar_month(start), self.facts.calendar_month(end)
        return month_span(m1, y1, m2, y2, self.lang)


def quote(ctx: Context, text: str) -> str:
    """The owner's words, whole, in the plan language's quotation marks."""
    return ctx.say("quote", text=text.strip().rstrip("."))


def short_name(business: str) -> str:
    """The business's name: the text before the first comma or dash, when it reads as a name
    (a few words); "" otherwise, never a cut phrase."""
    head = re.split(r",|;|\.\s|\s[—–-]\s|\(|:", business, maxsplit=1)[0].strip().rstrip(".")
    return head if 0 < len(head.split()) <= MAX_NAME_WORDS else ""
