"""The interview's slots as data: order, required or optional, kind, related concept."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...packs import convention
from ...text import normalize_term
from ..playbook import Playbook
from ..understanding.currency import ambiguous_mark, local_money, says_pesos
from .exclusions import bare_exclusions
from .parsing import (
    VAGUE,
    ParseProblem,
    check_fact_number,
    is_vague,
    parse_budget,
    parse_horizon,
    parse_language,
    parse_list,
)


@dataclass(frozen=True)
class Slot:
    """One question of the interview."""

    key: str
    kind: str  # text | goal | horizon | budget | list | language | fact (optional free text)
    required: bool
    concept: str | None  # concept id explaining why we ask
    min_words: int = 2
    has_choices: bool = False


SLOTS: tuple[Slot, ...] = (
    Slot("language", "language", True, None, has_choices=True),
    Slot("business", "text", True, "marketing-strategy", 2),
    Slot("offer", "text", True, "value-proposition", 2),
    Slot("customers", "text", True, "segmentation", 3),
    Slot("competitors", "text", False, "competitive-analysis", 3),
    Slot("situation", "text", False, "swot", 3),
    Slot("goal", "goal", True, "smart-objectives", has_choices=True),
    Slot("horizon_months", "horizon", True, "marketing-plan", has_choices=True),
    Slot("seasonality", "fact", False, "marketing-plan", 2),
    Slot("budget", "budget", True, "marketing-budget"),
    Slot("channels", "list", False, "digital-channels", has_choices=True),
    Slot("excluded_channels", "list", False, "marketing-mix", has_choices=True),
    Slot("constraints", "text", False, "marketing-operations", 2),
    Slot("resources", "fact", False, "marketing-operations", 2),
)
# Asked in turn only when the answers before them have not told it already (the months of the
# season in the situation; hours and team in the constraints); skipped, they default to no
# seasons and to the budget deciding how many tactics.
ASKED_UNLESS_KNOWN = ("seasonality", "resources")
# Details a plan is better with, offered at the summary (each has a default: next month, the
# playbook's typical figures), so existing answers and interviews keep working.
DETAILS: tuple[Slot, ...] = (
    Slot("start", "fact", False, "marketing-plan", 1),
    Slot("current_customers", "fact", False, "clv", 1),
    Slot("average_sale", "fact", False, "clv", 1),
    Slot("margin", "fact", False, "roi", 1),
)
BY_KEY = {slot.key: slot for slot in (*SLOTS, *DETAILS)}
REQUIRED = tuple(s.key for s in SLOTS if s.required)
MAX_TEXT = 1000
NUMBER_FACTS = ("current_customers", "average_sale", "margin")  # answers that need a number


def parse_slot(key: str, value: Any, playbook: Playbook, lang: str = "en",
               local: str | None = None) -> Any:
    """The stored value of one answer; ParseProblem when it cannot be used. `local`: the
    currency where the business is, which reads "pesos" or a bare "$" (ARS in Argentina)."""
    slot = BY_KEY[key]
    if slot.kind == "language":
        return parse_language(value)
    if slot.kind == "horizon":
        return parse_horizon(value)
    if slot.kind == "budget":
        if isinstance(value, str):
            marks = ambiguous_mark(value)
            if marks and says_pesos(value) and local not in marks:
                raise ParseProblem("budget_pesos")  # which pesos? asked, never guessed
            value = local_money(value, local)
        return parse_budget(value, default_currency=local or convention(lang, "currency"))
    if slot.kind == "list":
        if not isinstance(value, list | tuple | str):
            raise ParseProblem("list_invalid")
        items = parse_list(value)
        return bare_exclusions(items) if key == "excluded_channels" else items
    if slot.kind == "fact" and isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ParseProblem("text_invalid")
    text = " ".join(value.split())
    if not text:
        raise ParseProblem("empty")
    if len(text) > MAX_TEXT:
        raise ParseProblem("too_long", limit=MAX_TEXT)
    if key in NUMBER_FACTS:
        check_fact_number(key, text)
    return text  # a goal nobody can classify is asked about, never refused (machine.py)


def vague(key: str, text: str) -> bool:
    """Whether an answer deserves one follow-up question before it is accepted."""
    slot = BY_KEY[key]
    if slot.kind in ("text", "fact"):
        return is_vague(text, slot.min_words)
    if slot.kind == "list":
        return normalize_term(text) in VAGUE
    return False
