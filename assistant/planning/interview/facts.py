"""The facts an owner can correct, one name each (format B's fields): where each is kept, its
value now, how a new value is stored, and how it is shown. A correction changes the answer the
fact comes from when there is one (budget, channels, details), so everything read from the
answers is read again; facts only the reading has (team, months, label) are kept as the owner's
overrides in `answers["understood"]`."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ...text import fold
from ..playbook import Playbook
from ..understanding import Understanding
from ..understanding.currency import format_money
from .state import InterviewState

SEASON_OVERRIDE = {"decision_months": "decision_months", "capacity_months": "busy_months",
                   "quiet_months": "quiet_months", "closed_months": "closed_months"}
MONTH_FIELDS = tuple(SEASON_OVERRIDE)


def current(state: InterviewState, u: Understanding | None, field: str,
            playbook: Playbook) -> Any:
    """The fact's value now (None when unknown)."""
    answers = state.answers
    chosen = answers.get("understood") or {}  # channels set on the "I understood" line win
    if field == "channels":
        return _names(None if "channels" in chosen else answers.get("channels"),
                      u.channel_ids if u else [], playbook, state.lang)
    if field == "excluded":
        return _names(None if "excluded" in chosen else answers.get("excluded_channels"),
                      u.excluded_ids if u else [], playbook, state.lang)
    if field == "budget":
        return (answers.get("budget") or {}).get("amount")
    if field == "horizon_months":
        return answers.get("horizon_months")
    if field == "currency":
        return (u.currency if u and u.currency else None) or (
            answers.get("budget") or {}).get("currency")
    if u is None:  # before the goal is known, only what the owner set by hand
        overrides = answers.get("understood") or {}
        profile = overrides.get("profile") or {}
        if field in ("business_label", "name"):
            return profile.get("label" if field == "business_label" else "name")
        return overrides.get(SEASON_OVERRIDE.get(field, field))
    if field == "business_label":
        kind = playbook.business_types.get(u.business_type)
        return u.profile.label or (kind.names[state.lang] if kind else u.business_type)
    if field == "name":
        return u.profile.name
    if field == "goal_added":  # every goal, in the owner's words
        return [g.text for g in u.goals]
    if field in ("goal_target", "goal_metric"):
        goal = u.goals[0] if u.goals else None
        if goal is None:
            return None
        return goal.target if field == "goal_target" else (goal.metric or goal.text)
    if field in SEASON_OVERRIDE:
        return list(getattr(u, SEASON_OVERRIDE[field]))
    if field == "current_customers" and u.current_customers is None and u.goals \
            and u.goals[0].unit != "percent":
        return u.goals[0].current  # "de 40 à 70 réparations": 40 today, as store() moves it
    return getattr(u, {"margin": "gross_margin"}.get(field, field), None)


def _names(raw: Any, ids: list[str], playbook: Playbook, lang: str) -> list[str]:
    if isinstance(raw, list):
        return list(raw)
    return [playbook.channels[c].names[lang] for c in ids if c in playbook.channels]


def store(state: InterviewState, u: Understanding | None, field: str, value: Any, op: str,
          playbook: Playbook, today: date, business_type: str | None = None) -> None:
    """Keep a corrected value where the fact is read from."""
    answers = state.answers
    overrides = dict(answers.get("understood") or {})
    if field in ("channels", "excluded"):
        _store_channels(state, field, value, op, playbook)
        overrides.pop("channel_ids", None)  # read again from the answers
        overrides.pop("excluded_ids", None)
        overrides.pop("channels", None)
        overrides.pop("excluded", None)
    elif field == "budget":
        budget = dict(answers.get("budget") or {"currency": overrides.get("currency") or "EUR"})
        budget["amount"] = int(value) if float(value) == int(value) else value
        answers["budget"] = budget
    elif field == "currency":
        if answers.get("budget"):
            answers["budget"] = {**answers["budget"], "currency": value}
        overrides["currency"] = value
    elif field == "business_label":
        overrides["profile"] = {**overrides.get("profile", {}), "label": value}
        if business_type:
            overrides["business_type"] = business_type
    elif field == "name":
        overrides["profile"] = {**overrides.get("profile", {}), "name": value}
    elif field == "goal_added":  # one more goal: the goal answer grows, every goal read again
        answers["goal"] = f"{str(answers.get('goal') or '').rstrip(' .;')}; {value}".lstrip("; ")
        overrides.pop("goals", None)
    elif field in ("goal_target", "goal_metric") and u is not None and u.goals:
        goals = [g.model_dump() for g in u.goals]
        if field == "goal_target":
            _renumber(answers, goals[0], goals[0].get("target"), value)
            goals[0]["target"] = value
            if goals[0].get("current") is not None:
                goals[0]["change"] = value - goals[0]["current"]
                goals[0]["unit"] = goals[0].get("unit") or "customers"
        else:
            goals[0]["metric"] = value
        overrides["goals"] = goals
    elif field in SEASON_OVERRIDE:
        apart = {"quiet_months", "closed_months"}  # buying and full months may overlap
        for other, name in SEASON_OVERRIDE.items():
            if other != field and u is not None and (other in apart or field in apart):
                kept = [m for m in overrides.get(name, getattr(u, name)) if m not in value]
                if kept != list(getattr(u, name)):
                    overrides[name] = kept
        overrides[SEASON_OVERRIDE[field]] = list(value)
    elif field == "horizon_months":
        answers["horizon_months"] = value
    elif field == "start_month":
        overrides["start_month"] = value
        overrides["start_year"] = today.year if value > today.month else today.year + 1
    elif field in ("average_sale", "current_customers", "margin"):
        shown = f"{value * 100:g}%" if field == "margin" else f"{value:g}"
        # the price the offer said is said anew there, and read from it again with what it
        # is paid for ("iguala mensual de 80 €": a month); 45 repairs a month are no base of 45
        # customers: only the goal's level moves
        offered = field == "average_sale" and u is not None and u.average_sale is not None \
            and not answers.get("average_sale") \
            and _renumber(answers, {}, u.average_sale, value, key="offer")
        if not offered and not (field == "current_customers" and goal_counts_other(u)):
            answers[field] = shown
            overrides.pop({"margin": "gross_margin"}.get(field, field), None)
            if field in state.skipped:
                state.skipped.remove(field)
        if field == "current_customers" and u is not None and u.goals and \
                u.goals[0].current is not None and u.goals[0].unit != "percent":
            # "ahora tenemos 35" in the goal: the goal starts from the corrected level too
            goals = [g.model_dump() for g in u.goals]
            _renumber(answers, goals[0], goals[0].get("current"), value)
            goals[0]["current"] = value
            if goals[0].get("target") is not None:
                goals[0]["change"] = goals[0]["target"] - value
            overrides["goals"] = goals
    else:  # team_size, hours_per_week
        overrides[field] = value
    answers["understood"] = overrides


def goal_counts_other(u: Understanding | None) -> str:
    """The goal's metric when it counts something other than customers from a level of today
    ("de 40 à 70 réparations par mois"): a count said of it is the goal's, not the customer
    base; "" otherwise."""
    goal = u.goals[0] if u is not None and u.goals else None
    if goal is None or not goal.metric or goal.current is None or goal.unit == "percent" \
            or goal.family == "customers":
        return ""
    return goal.metric


def _renumber(answers: dict[str, Any], goal: dict[str, Any], old: float | None,
              new: float, key: str = "goal") -> bool:
    """The goal's words say the corrected number too ("Passer de 40 à 70 réparations" -> "de 45
    à 70" when 40 was corrected to 45), in the goal answer and the goal read from it, so that
    the summary and the plan's objective never quote the old figure beside the new one (`key`:
    the answer that says it; "offer" for its price). Only a number written once, as a whole
    number, is replaced; otherwise the words stay as said. True when the answer says it now.

    >>> answers, goal = {"goal": "Passer de 40 à 70 réparations"}, {"text": "Passer de 40 à 70"}
    >>> _renumber(answers, goal, 40, 45), answers["goal"], goal["text"]
    (True, 'Passer de 45 à 70 réparations', 'Passer de 45 à 70')
    >>> _renumber(answers, goal, 70, 400), answers["goal"]
    (True, 'Passer de 45 à 400 réparations')
    >>> _renumber({"goal": "de 40 à 140"}, {"text": "de 40 à 140"}, 40, 45)  # "40" in "140"
    True
    >>> _renumber({"goal": "de 4 à 8, puis 4"}, {}, 4, 5)  # twice: which one is unclear
    False
    """
    if old is None or old != int(old):
        return False
    said = re.compile(rf"(?<![\d.,]){int(old)}(?![\d]|[.,]\d)")
    done = False
    for holder, name in ((answers, key), (goal, "text")):
        text = holder.get(name)
        if isinstance(text, str) and len(said.findall(text)) == 1:
            holder[name] = said.sub(f"{new:g}", text)
            done = done or holder is answers
    return done


def _store_channels(state: InterviewState, field: str, names: list[str], op: str,
                    playbook: Playbook) -> None:
    answers = state.answers
    working = list(answers.get("channels") or [])
    excluded = list(answers.get("excluded_channels") or [])
    same = lambda a, b: fold(a).strip() == fold(b).strip()  # noqa: E731
    if field == "excluded":
        excluded += [n for n in names if not any(same(n, e) for e in excluded)]
        working = [w for w in working if not any(same(w, n) for n in names)]
    elif op == "remove":
        working = [w for w in working if not any(same(w, n) for n in names)]
    else:
        working += [n for n in names if not any(same(n, w) for w in working)]
        excluded = [e for e in excluded if not any(same(e, n) for n in names)]
    answers["channels"] = working
    if excluded or "excluded_channels" in answers:
        answers["excluded_channels"] = excluded
    for key in ("channels", "excluded_channels"):
        if key in state.skipped and answers.get(key):
            state.skipped.remove(key)


def same_value(field: str, old: Any, new: Any, op: str = "set") -> bool:
    """Whether the correction would change nothing."""
    if field in ("channels", "excluded"):
        have = {fold(str(o)).strip() for o in old or []}
        wanted = {fold(str(n)).strip() for n in new}
        return wanted <= have if op != "remove" else not (wanted & have)
    if isinstance(old, str) and isinstance(new, str):
        return fold(old).strip() == fold(new).strip()
    if isinstance(old, list):
        return sorted(old) == sorted(new)
    return old == new


MONEY_FIELDS = ("budget", "average_sale")


def shown(field: str, value: Any, lang: str, empty: str, currency: str | None = None) -> str:
    """A fact's value as the owner reads it (an amount in `currency` when it is known:
    "3 000 €", "£6,000")."""
    if value is None or value == [] or value == "":
        return empty
    if field in MONEY_FIELDS and currency and isinstance(value, int | float):
        return format_money(round(value * 100), currency, lang)
    if field in MONTH_FIELDS:
        from babel.dates import get_month_names

        names = get_month_names("wide", context="stand-alone", locale=lang)
        return ", ".join(names[m] for m in sorted(value))
    if field == "start_month":
        from babel.dates import get_month_names

        return get_month_names("wide", context="stand-alone", locale=lang)[value]
    if field == "margin":
        return f"{value * 100:g} %"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        from babel.numbers import format_decimal  # grouped as the language writes it

        return format_decimal(value, locale=lang).replace("\xa0", " ")  # "5.000", "5,000"
    return str(value)
