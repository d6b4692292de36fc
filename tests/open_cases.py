"""Open-business cases (format A, tests/eval/businesses_open_*.jsonl): any business, drafted from
the owner's raw answers through the real pipeline, and checked against what the owner said.
Shared by benchmarks/plan_open.py and tests/test_plan_open.py."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from assistant.errors import PlanInputError
from assistant.planning.plan import Plan, build_plan, read_answers
from assistant.planning.plan.audit import plan_text
from assistant.planning.plan.formatting import format_money, format_number
from assistant.planning.understanding import Understander
from assistant.settings import PROJECT_ROOT
from assistant.text import fold
from tests.plan_fixtures import PLAYBOOK, PROMPTS

EVAL = PROJECT_ROOT / "tests" / "eval"
# Every businesses_open_<name>.jsonl is a set: dev* tuned on, blind* written by people who never
# read the code (report only).
SETS = {p.stem.removeprefix("businesses_open_"): p
        for p in sorted(EVAL.glob("businesses_open_*.jsonl"))}
ACQUIRE = {"reach", "leads", "acquire"}
NOT_PROMOTION = ("product", "price", "place")
PROFILE_LISTS = ("buyers", "places")
PROFILE_ONE = ("payment", "reach")
# an owner's figure (a price, a margin) in their offer answer: "35 %", "450 €", "£45"
FIGURE = re.compile(r"(\d[\d.,]*)\s*(?:%|€|£|\$|euros?\b|pesos\b)|[£$€]\s*(\d[\d.,]*)")


def load_open(name: str) -> list[dict[str, Any]]:
    """The labelled businesses of an open set (dev or blind)."""
    path = SETS[name]
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@dataclass
class Checked:
    """One business through the pipeline: its plan and each check's result (None: not judged)."""

    case: dict[str, Any]
    plan: Plan | None = None
    asked: list[str] = field(default_factory=list)
    checks: dict[str, bool | None] = field(default_factory=dict)
    profile: dict[str, float] = field(default_factory=dict)  # attribute -> 0..1 agreement


def draft_open(case: dict[str, Any], understander: Understander) -> Checked:
    """Draft a case's plan from its raw answers and check it against its labels."""
    try:
        inp = read_answers(case["answers"], PLAYBOOK, PROMPTS, understander)
    except PlanInputError as refused:
        return Checked(case, None, list(refused.params.get("problems") or [str(refused)]))
    plan = build_plan(inp, PLAYBOOK, PROMPTS)
    done = Checked(case, plan)
    done.checks = check_plan(plan, case["labels"], case["answers"])
    done.profile = profile_agreement(inp.understood.profile.model_dump(), case["labels"])
    return done


def has(text: str, words: str) -> bool:
    """Whether `words` occur in `text` at a word start (case and accents folded)."""
    return re.search(r"(?<!\w)" + re.escape(fold(words).strip()), fold(text)) is not None


def tactic_text(plan: Plan) -> str:
    """Every tactic's name and actions (what the owner is told to do)."""
    return " ".join(f"{t.name} {' '.join(t.actions)}" for t in plan.tactics)


def check_plan(plan: Plan, labels: dict[str, Any],
               answers: dict[str, Any] | None = None) -> dict[str, bool | None]:
    """Each check of the issue, as code: True passes, False fails, None does not apply."""
    text = plan_text(plan, PROMPTS)
    lang = plan.language
    out: dict[str, bool | None] = {}
    name = labels.get("name")
    if name:
        bare = {PROMPTS.phrase("plan", lang, key, business=name) for key in ("title",
                                                                           "title_elided")}
        out["name_in_title"] = plan.title in bare
    out["label_kept"] = has(text, labels["label"])
    out["no_forbidden_words"] = not any(has(text, w) for w in labels.get("forbidden_words", []))
    objectives = [o.text for o in plan.strategy.objectives]
    for i, goal in enumerate(labels.get("goals", []), 1):
        out[f"goal{i}_metric"] = any(all(has(o, w) for w in goal["metric_words"])
                                     for o in objectives)
        if goal.get("target") is not None:
            number = format_number(goal["target"], lang)
            out[f"goal{i}_target"] = any(all(has(o, w) for w in goal["metric_words"])
                                         and number in o for o in objectives)
    tactics = tactic_text(plan)
    for channel in labels.get("channels", []):
        out[f"channel:{channel['name']}"] = has(tactics, channel["name"])
    for name_ in labels.get("excluded", []):
        out[f"excluded:{name_}"] = not has(tactics, name_)
    if labels.get("average_sale") and labels.get("margin"):
        n = plan.funnel.break_even_customers if plan.funnel else None
        out["break_even"] = bool(n) and format_number(n, lang) in text
        out["cost_per_customer_said"] = cost_check(plan, text)
    out["currency"] = plan.currency == labels.get("currency")
    out.update(season_checks(plan, labels))
    out["mix_beyond_promotion"] = mix_check(plan, labels)
    out["place_for_resellers"] = (any(t.mix == "place" for t in plan.tactics)
                                  if "resellers" in labels.get("places", []) else None)
    out["kpi_in_goal_unit"] = kpi_unit_check(plan, labels)
    if answers is not None:
        out["positioning_without_offer_figures"] = figures_check(plan, answers)
    if labels.get("start_month"):
        out["start_month"] = plan.facts.start_month == labels["start_month"]
    out.update(deadline_checks(plan, labels))
    out["southern_seasons"] = southern_check(plan, labels)
    out["recurring_value"] = recurring_check(plan, labels)
    out["cost_on_currency_scale"] = scale_check(plan, labels)
    return out


# Countries south of the equator, written here apart from the code's data (the labels' truth)
SOUTH = {"AR", "CL", "UY", "PY", "BO", "PE", "BR", "AU", "NZ", "ZA"}
MIN_CONTACT_EUR = 0.5  # no contact costs less, in any currency


def plan_month(plan: Plan, calendar: int) -> int:
    """The first plan month that falls in a calendar month (1 = the start month)."""
    return (calendar - plan.facts.start_month) % 12 + 1


def deadline_checks(plan: Plan, labels: dict[str, Any]) -> dict[str, bool | None]:
    """A goal due before the plan ends is due then in its objective, and no tactic pushes for
    new customers after the last goal's deadline (the labels' deadline_month, calendar)."""
    goals = labels.get("goals") or []
    due = [g["deadline_month"] for g in goals if g.get("deadline_month")]
    if not due:
        return {}
    out: dict[str, bool | None] = {}
    for i, goal in enumerate(goals, 1):
        if goal.get("deadline_month"):
            want = plan_month(plan, goal["deadline_month"])
            out[f"goal{i}_deadline"] = any(
                all(has(o.text, w) for w in goal["metric_words"]) and o.deadline_month == want
                for o in plan.strategy.objectives)
    if len(due) == len(goals):
        last = max(plan_month(plan, m) for m in due)
        acquirers = [t for t in plan.tactics if set(t.stages) & ACQUIRE]
        out["no_push_after_deadline"] = all(
            m <= last for t in acquirers
            for m, c in zip(t.active_months, t.monthly_cents, strict=False) if c > 0)
    return out


def southern_check(plan: Plan, labels: dict[str, Any]) -> bool | None:
    """South of the equator the owner's season words name that hemisphere's months: the plan's
    busy, quiet and closed months are the labelled ones (None in the north)."""
    if (labels.get("countries") or [None])[0] not in SOUTH:
        return None
    pairs = [(plan.facts.busy_months, labels.get("capacity_months")),
             (plan.facts.quiet_months, labels.get("quiet_months")),
             (plan.facts.closed_months, labels.get("closed_months"))]
    said = [(set(got), set(want)) for got, want in pairs if want]
    return all(got == want for got, want in said) if said else None


def recurring_check(plan: Plan, labels: dict[str, Any]) -> bool | None:
    """A monthly fee is worth what a customer pays over the months they stay: the margin per
    customer in the break-even counts at least the months of the plan they stay, never one."""
    if labels.get("sale_period") != "month" or not labels.get("margin"):
        return None
    f = plan.funnel
    months = min(labels.get("stay_months") or 1, plan.horizon_months)
    least = labels["average_sale"] * labels["margin"] * months * 100
    return bool(f and f.margin_per_customer_cents and f.margin_per_customer_cents >= least * 0.99)


def scale_check(plan: Plan, labels: dict[str, Any]) -> bool | None:
    """A contact costs on the scale of the owner's currency: at least half a euro's worth at the
    labelled rate (eur_rate: units for one euro), never a euro figure relabelled as pesos."""
    rate = labels.get("eur_rate")
    if not rate or not plan.funnel:
        return None
    return plan.funnel.cost_per_lead_cents / 100 / rate >= MIN_CONTACT_EUR


def figures_check(plan: Plan, answers: dict[str, Any]) -> bool | None:
    """The positioning keeps what the owner offers and for whom, not the prices and margins
    of their offer answer; None when that answer holds no figure."""
    figures = [a or b for a, b in FIGURE.findall(answers.get("offer") or "")]
    if not figures:
        return None
    return not any(has(plan.strategy.positioning, f.rstrip(".,")) for f in figures)


def kpi_unit_check(plan: Plan, labels: dict[str, Any]) -> bool | None:
    """Every tactic counting new customers for the first goal counts in that goal's unit
    (planes, crémeries, members), never in the generic "new customers"."""
    goals = labels.get("goals") or []
    if not goals or goals[0].get("unit") != "count":
        return None
    counting = [t for t in plan.tactics if t.kpi == "new_customers"]
    return all(all(has(t.kpi_name, w) for w in goals[0]["metric_words"]) for t in counting)


def cost_check(plan: Plan, text: str) -> bool | None:
    """A funnel whose cost per customer (cost per contact / rate) is above the most a customer
    may cost (the owner's sale x margin) says that cost in the plan; None without a margin."""
    f = plan.funnel
    if f is None or not f.margin_per_customer_cents:
        return None
    cost = math.ceil(f.cost_per_lead_cents / f.lead_to_customer)
    return cost <= f.margin_per_customer_cents or format_money(cost, plan.currency,
                                                               plan.language) in text


def calendar_months(plan: Plan, months: list[int]) -> list[int]:
    """Plan months as calendar months."""
    return [plan.facts.calendar_month(m)[0] for m in months]


def season_checks(plan: Plan, labels: dict[str, Any]) -> dict[str, bool | None]:
    """No push when closed; acquisition not only at capacity; acquisition before or during the
    months customers decide."""
    out: dict[str, bool | None] = {}
    closed, capacity = set(labels.get("closed_months", [])), set(labels.get("capacity_months", []))
    decision = set(labels.get("decision_months", []))
    spending = [m for t in plan.tactics for m, c in zip(t.active_months, t.monthly_cents,
                                                        strict=False) if c > 0]
    if closed:
        out["no_push_when_closed"] = not set(calendar_months(plan, spending)) & closed
    acquirers = [t for t in plan.tactics if set(t.stages) & ACQUIRE]
    active = {m for t in acquirers for m in calendar_months(plan, t.active_months)}
    if capacity:
        out["acquisition_outside_capacity"] = bool(active - capacity)
    horizon = set(calendar_months(plan, list(range(1, plan.horizon_months + 1))))
    wanted = {d for d in decision if d in horizon} | {(d - 2) % 12 + 1 for d in decision
                                                      if (d - 2) % 12 + 1 in horizon}
    if decision and wanted:
        out["acquisition_in_decision_months"] = bool(active & wanted)
    return out


def calls_for_mix(labels: dict[str, Any]) -> bool:
    """Whether the business model calls for a product, price or place decision."""
    return (labels.get("payment") == "recurring"
            or labels.get("reach") in ("international", "visitors")
            or bool({"marketplace", "resellers", "booking_platform"}
                    & set(labels.get("places", [])))
            or any(g.get("unit") == "percent" for g in labels.get("goals", [])))


def mix_check(plan: Plan, labels: dict[str, Any]) -> bool | None:
    """At least one decision on product, price or place when the model calls for one."""
    if not calls_for_mix(labels):
        return None
    return any(t.mix in NOT_PROMOTION for t in plan.tactics)


def profile_agreement(profile: dict[str, Any], labels: dict[str, Any]) -> dict[str, float]:
    """Per attribute, how far the understood profile agrees with the labels (lists: Jaccard)."""
    out = {}
    for key in PROFILE_LISTS:
        got, want = set(profile.get(key) or []), set(labels.get(key) or [])
        out[key] = len(got & want) / len(got | want) if got | want else 1.0
    for key in PROFILE_ONE:
        out[key] = float(profile.get(key) == labels.get(key) or key == "reach" and (
            profile.get(key), labels.get(key)) == ("visitors", "international"))
    out["name"] = float((profile.get("name") or None) == labels.get("name"))
    out["label"] = float(fold(profile.get("label") or "") == fold(labels.get("label") or ""))
    return out


SHARED = 3  # a line found word for word in this many plans of different businesses is boilerplate


def boilerplate(plans: list[Plan]) -> dict[str, list[str]]:
    """Per plan title, its threats and risks that read word for word the same in at least
    SHARED plans of the set (whatever the business): lines that are not about this business."""
    lines = {p.title: {*p.diagnosis.swot.threats, *(r.risk for r in p.risks)} for p in plans}
    counts: dict[str, int] = {}
    for own in lines.values():
        for line in own:
            counts[line] = counts.get(line, 0) + 1
    return {title: sorted(x for x in own if counts[x] >= SHARED) for title, own in lines.items()}

