"""Questions asked when a reading is unsure, instead of a guess (#22, item 3): what the goal
counts ("llegar a 120 al mes": customers? orders? bookings?) and the currency of an amount
written without one where owners price in two ("1.500.000" in Argentina: ARS or USD?).

Each is kept in `state.asking` while it waits: the slot it belongs to, the fact it settles, and
its choices (label, value), shown as quick replies in the web chat and numbered in the CLI. An
answer is a choice (by its number or its words) or the owner's own words."""

from __future__ import annotations

import re
from typing import Any

from ...text import fold, normalize_term
from ..understanding.currency import ambiguous_mark, money, priced_in_usd_too
from ..understanding.goal_metric import MetricReader
from ..understanding.model import Understanding
from .parsing import UNKNOWN_MONEY, _amount, _currency, currency_in
from .state import InterviewState


def metric_question(u: Understanding | None, lang: str, reader: MetricReader
                    ) -> dict[str, Any] | None:
    """The question about the primary goal's metric, when its number counts nothing named
    (`reader`: the understander's, the one that reads each goal's family)."""
    if u is None or not u.goals or "goals" in u.corrected:
        return None
    goal = u.goals[0]
    if goal.target is None and goal.change is None or goal.unit == "currency":
        return None
    words = goal.metric or goal.text
    if reader.sure(words, lang):
        return None
    names = reader.choices(reader.content(words) or goal.text, lang)
    return {"slot": "goal", "field": "goal_metric", "params": {"goal": goal.text},
            "choices": [[n, n] for n in names]}


def currency_question(text: str, local: str | None, lang: str) -> dict[str, Any] | None:
    """The question about an amount's currency, when it names none and the place's owners
    also price in dollars (knowledge/understanding/currencies.json, asked_with_usd)."""
    if not priced_in_usd_too(local) or UNKNOWN_MONEY.search(
            normalize_term(text)) or _currency(text) or ambiguous_mark(text) \
            or re.search(rf"[$€£]|\b(?:{local}|USD)\b", text.upper()):
        return None
    amount = _amount(text)
    if amount is None or amount <= 0:
        return None
    codes = [local, "USD"]
    shown = [money(amount, code, lang) for code in codes]
    shown = [s if code in s else f"{s} ({code})" for s, code in zip(shown, codes, strict=True)]
    number = f"{int(amount)}" if amount == int(amount) else f"{amount}"
    return {"slot": "budget", "field": "currency", "params": {"amount": text.strip()},
            "choices": [[s, f"{number} {code}"] for s, code in zip(shown, codes, strict=True)]}


KEEP = "keep"  # the choice that keeps the owner's words for the kind of business


def type_question(slot: str, label: str, presets: list[tuple[str, str]],
                  keep: str) -> dict[str, Any]:
    """The question about the kind of business: the nearest presets (name, id), then the
    owner's own words kept ("keep my words: bike repair workshop")."""
    return {"slot": slot, "field": "business_type", "params": {"label": label},
            "choices": [[name, kind] for name, kind in presets] + [[keep, KEEP]]}


def chosen_value(asking: dict[str, Any], text: str) -> str | None:
    """The value of the choice the message picks (its number or its words), else None."""
    choices = asking.get("choices", [])
    if text.strip().isdigit() and 1 <= int(text) <= len(choices):
        return choices[int(text) - 1][1]
    key = normalize_term(text)
    return next((value for label, value in choices
                 if key and key in (normalize_term(label), normalize_term(value))), None)


def currency_answer(state: InterviewState, text: str) -> str | None:
    """The budget answer a reply to the currency question gives: a choice, or a currency
    named alone ("dólares") with the amount asked about; None when it is neither."""
    picked = chosen_value(state.asking or {}, text)
    if picked:
        return picked
    codes = [value.split()[-1] for _, value in (state.asking or {}).get("choices", [])]
    code = currency_in(fold(text), codes[0] if codes else None)
    if code and not re.search(r"\d", text):
        amount = _amount(state.asking["params"]["amount"])
        if amount is None:
            return None
        return f"{int(amount) if amount == int(amount) else amount} {code}"
    return None
