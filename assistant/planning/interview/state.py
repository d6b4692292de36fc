"""An interview's saved state: plain data, serialised to JSON after every answer."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

ASKING, CONFIRMING, CONFIRMED = "asking", "confirming", "confirmed"


@dataclass
class InterviewState:
    """Where one user's interview stands."""

    id: str
    owner: str
    lang: str
    position: str | None = None  # slot key being asked; None at the summary
    status: str = ASKING
    answers: dict[str, Any] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    followed_up: list[str] = field(default_factory=list)
    awaiting_followup: bool = False
    language_noted: list[str] = field(default_factory=list)  # slots whose language was noted
    given: list[str] = field(default_factory=list)  # answered before being asked: not counted
    picked: list[str] = field(default_factory=list)  # quick replies tapped for a list question
    # A question asked because a reading was unsure (interview/unsure.py): its slot, the fact
    # it settles, its choices; None when none waits.
    asking: dict[str, Any] | None = None
    plan_id: str | None = None
    created_at: float = 0.0
    updated_at: float = 0.0
    # The interview as a conversation (assistant/conversation): the chat's lines, so a reload
    # shows them; `chat_closed` once the user left it in the chat ("New conversation").
    transcript: list[dict[str, Any]] = field(default_factory=list)
    chat_closed: bool = False

    def to_json(self) -> dict[str, Any]:
        """A JSON-friendly copy."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> InterviewState:
        """Rebuild from `to_json` output (unknown keys from older versions are ignored)."""
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


@dataclass
class Choice:
    """A suggested answer: the text to show and the value sent back when chosen."""

    label: str
    value: str


@dataclass
class SummaryItem:
    """One line of the summary shown before drafting."""

    slot: str
    label: str
    value: str
    required: bool
    number: int | None = None  # its number in the chat's summary: the owner's facts only


@dataclass
class InterviewView:
    """What a UI renders after each step: the question, or the summary to confirm."""

    interview_id: str
    lang: str
    status: str
    slot: str | None
    question: str
    example: str
    choices: list[Choice]
    optional: bool
    step: int
    total: int
    current_value: str | None = None
    messages: list[str] = field(default_factory=list)
    summary: list[SummaryItem] = field(default_factory=list)
    plan_id: str | None = None
    title: str = ""  # the business, as answered (for lists of saved interviews)
    understood: str = ""  # "I understood: …", once the business and the goal are known
    understood_hint: str = ""  # how to correct it
    detail: bool = False  # an optional detail offered at the summary (numbered apart)
    updated_at: float = 0.0  # when it last changed (names it in lists of saved work)
    asking: str | None = None  # the fact an unsure reading asks about (goal_metric, currency)

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly view."""
        return asdict(self)
