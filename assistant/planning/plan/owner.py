"""The owner's words as the plan's specification: the name alone in the title, the owner's label
for the business, each goal as an objective in the owner's own metric from today's level to the
target (an ambitious one warned about with its arithmetic, never capped), break-even from the
average sale and margin, and whether the nearest playbook type fits well enough to lend its
trade's words (knowledge/playbook/open.json)."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ...lexicon import words_of
from ...packs import alternation
from ...text import fold
from ..understanding.model import GoalUnderstood, Understanding
from .context import quote
from .formatting import format_money, format_number
from .model import Objective
from .open_data import default_open_data, open_data, type_fits  # noqa: F401 - re-exported
from .owner_units import counted, own_unit

if TYPE_CHECKING:
    from .context import Context

MAX_GOALS = 4
COUNT_KPIS = ("new_customers", "orders", "leads", "members")
ONE_WORDS = {fold(w).rstrip("'") for w in words_of("article_one")}
_MORE = re.compile(rf"^(?:{alternation('more_words')})$")  # "più", "más", "plus", "more"
PROPOSED_GROWTH = 20  # % more, proposed when the owner asks for more of a thing, with no figure


def owner_goals(understood: Understanding) -> list[GoalUnderstood]:
    """The goals that carry the owner's own metric (all of them, up to four); none when a goal
    is a rate ("15 more covers an evening"): the playbook's rate objective keeps it as one."""
    if any(g.period and g.period != "month" and not own_unit(g) for g in understood.goals):
        return []  # a rate in the owner's own unit ("couverts par semaine") keeps its words
    return [g for g in understood.goals if g.metric][:MAX_GOALS]


APART = ("donors",)  # goals whose count no customer-winning tactic moves (sponsors, donors)


def apart_ids(ctx: Context, objectives: list[Objective]) -> set[str]:
    """The objectives of goals counted apart from customers ("2 sponsors de marcas de surf"
    beside students); none when the first goal is such (a food bank's donors are its
    customers)."""
    goals = objective_goals(ctx, objectives)
    if not goals or goals[0] is None or goals[0].family in APART:
        return set()
    return {o.id for o, g in zip(objectives, goals, strict=True) if g and g.family in APART}


def objective_goals(ctx: Context, objectives: list[Objective]) -> list[GoalUnderstood | None]:
    """The owner's goal behind each objective (one objective per goal in the owner's metric);
    None for each when the objectives are the playbook's."""
    owned = owner_goals(ctx.understood) if ctx.understood else []
    return list(owned) if len(owned) == len(objectives) else [None] * len(objectives)


def owner_objectives(ctx: Context, goals: list[GoalUnderstood], templates: list[Objective]
                     ) -> list[Objective]:
    """One objective per goal, in the owner's metric, from today's level to the target; the
    playbook's objective for the same goal gives the KPI the tactics move and the deadline."""
    out = []
    horizon = ctx.inp.horizon_months
    own_language = written_in(ctx.inp.goal, ctx.lang)
    for i, goal in enumerate(goals, 1):
        base = templates[min(i, len(templates)) - 1]
        deadline = due(ctx, goal) or (horizon if len(goals) > 1 else base.deadline_month)
        num = lambda v: format_number(v, ctx.lang)  # noqa: E731
        words = quote(ctx, goal.text)
        percent = " %" if goal.unit == "percent" else ""
        month = ctx.month(deadline)
        target = goal.target if goal.target is not None else (
            goal.current + goal.change if goal.current is not None and goal.change else None)
        said = _numbers_said(goal, target)
        growth = grows_by_percent(goal, target)
        if growth:  # "aumentare le vendite del 30 %": 30 % more than today, not "reach 30 %"
            text = ctx.say("open.objective_growth", goal=words, change=num(goal.change),
                           month=month)
        elif said:  # the owner's clause already holds the numbers: not repeated
            text = ctx.say("open.objective_plain", goal=words, month=month)
        elif goal.current is not None and target is not None:
            text = ctx.say("open.objective_from_to", goal=words, current=num(goal.current)
                           + percent, target=num(target) + percent, month=month)
        elif target is not None or goal.change:
            value = target if target is not None else goal.change
            text = ctx.say("open.objective_to", goal=words, target=num(value) + percent,
                           month=month)
        else:
            text = ctx.say("open.objective_plain", goal=words, month=month)
        warning = ambition(ctx, goal, target, deadline)
        metric = counted(goal, ctx.lang) if own_language else None  # tables: one language
        value = target if target is not None else (goal.change or base.target_value)
        kpi = base.kpi
        if target is None and not goal.change and metric:  # no figure: none invented
            if names_one(goal, metric):
                value = 1
            elif base.kpi not in COUNT_KPIS and counts_something(goal, metric) \
                    and asks_for_more(goal):
                # "vendere più uscite ai turisti": counted in what the owner names (not the
                # playbook's conversion rate), a growth proposed
                metric = without_more(metric)
                kpi = "orders"  # each outing sold, attributed to its channel
                growth, value = True, PROPOSED_GROWTH
                text = ctx.say("open.objective_proposed_growth", goal=words, month=month,
                               metric=metric, change=num(PROPOSED_GROWTH))
            elif not (base.kpi in COUNT_KPIS and counts_something(goal, metric)):
                metric = None  # an aim, measured by the playbook's KPI, said as a proposal
                text = ctx.say("open.objective_proposed", goal=words, month=month,
                               kpi=base.kpi_name, target=f"{num(base.target_value)} {base.unit}")
        unit = ctx.say("open.percent_more") if growth else "%" if goal.unit == "percent" \
            else metric or base.unit
        if base.kpi in COUNT_KPIS and goal.unit == "customers" and goal.change:
            value = goal.change  # the playbook's count objective counts new customers
            if metric and goal.current:  # "de 60 a 100 services por mes": 40 *more* of them
                unit = ctx.say("open.more_of", metric=metric)
        out.append(Objective(
            id=f"O{i}", text=f"{text} {warning}".strip(), kpi=kpi,
            kpi_name=metric if metric else base.kpi_name, target_value=max(abs(value), 0.1),
            unit=unit, deadline_month=deadline, period=base.period))
    return out


COUNTED_FAMILIES = ("customers", "orders", "bookings", "members", "donors")
LEVEL_FAMILIES = ("occupancy", "rating")  # a percentage of these is a level, not a growth


def grows_by_percent(goal: GoalUnderstood, target: float | None) -> bool:
    """Whether the goal is a growth by a percentage of today's level ("increase pastry sales by
    30 %", "+20 % de pedidos"), not a percentage to reach (an occupancy, a rating, a rate)."""
    return goal.unit == "percent" and bool(goal.change) and goal.current is None and \
        target is None and goal.family not in LEVEL_FAMILIES and goal.family is not None


def asks_for_more(goal: GoalUnderstood) -> bool:
    """Whether a goal says "more" ("vendere più uscite ai turisti", "sell more boat trips")."""
    return any(_MORE.match(w) for w in re.findall(r"[a-z]+", fold(goal.text)))


def without_more(metric: str) -> str:
    """The metric without the "more" it opens with ("más excursiones" -> "excursiones")."""
    words = metric.split()
    while len(words) > 1 and _MORE.match(fold(words[0])):
        words = words[1:]
    return " ".join(words)


def names_one(goal: GoalUnderstood, metric: str) -> bool:
    """Whether the goal asks for one of what it counts ("trouver un importateur en Espagne",
    "get a distributor"): the word before the metric is an article meaning one."""
    said = fold(goal.text)
    at = said.find(fold(metric))
    before = re.findall(r"[\w']+", said[:at]) if at > 0 else []
    return bool(before) and before[-1].rstrip("'") in ONE_WORDS


def counts_something(goal: GoalUnderstood, metric: str) -> bool:
    """Whether the goal's words name a thing counted (customers, bookings, members...) rather
    than an aim ("fidéliser nos clients", "sell more online")."""
    return goal.family in COUNTED_FAMILIES and fold(metric) != fold(goal.text)


def _numbers_said(goal: GoalUnderstood, target: float | None) -> bool:
    """Whether the owner's clause already says today's level (if known) and the target."""
    digits = re.sub(r"[\s.,\u00a0\u202f]", "", goal.text)
    def said(value: float | None) -> bool:
        return value is None or f"{value:g}".replace(".", "") in digits
    return target is not None and said(target) and said(goal.current)


@lru_cache(maxsize=1)
def _detector():  # noqa: ANN202
    from ...language import LanguageDetector

    return LanguageDetector()


def written_in(text: str, lang: str) -> bool:
    """Whether the owner wrote `text` in the plan's language (short texts: assumed so)."""
    if len(text.split()) < 4:
        return True
    scores = _detector().scores(text)
    return max(scores, key=scores.get) == lang or scores.get(lang, 0) > 0.2


def due(ctx: Context, goal: GoalUnderstood) -> int | None:
    """The plan month the owner wants the goal by ("entro giugno"): the first such month after
    the plan's first (by the start month itself leaves no time: a year on) within the horizon;
    None when they said none or it falls outside."""
    if goal.due_month is None or ctx.facts is None:
        return None
    return next((m for m in range(2, ctx.inp.horizon_months + 1)
                 if ctx.facts.calendar_month(m)[0] == goal.due_month), None)


def ambition(ctx: Context, goal: GoalUnderstood, target: float | None,
             months: int | None = None) -> str:
    """A stated warning with the arithmetic when the target grows more than the plan's share
    of growth (open.json: ambitious_growth over twelve months) in the `months` it has (the
    horizon unless the owner set a deadline); "" otherwise."""
    if goal.current is None or target is None or goal.current <= 0 or target <= goal.current:
        return ""
    months = months or ctx.inp.horizon_months
    growth = (target - goal.current) / goal.current
    if growth <= ctx.open["ambitious_growth"] * months / 12:
        return ""
    num = lambda v: format_number(v, ctx.lang)  # noqa: E731
    percent = " %" if goal.unit == "percent" else ""
    return ctx.say("open.ambitious", current=num(goal.current) + percent,
                   target=num(target) + percent, growth=num(round(growth * 100)),
                   months=months, per_month=num(round((target - goal.current) / months, 1))
                   + (" pt" if percent else ""))


def break_even(ctx: Context) -> str:
    """Customers needed to recover the budget and the most one customer may cost, from the
    owner's average sale and margin; "" when either is missing."""
    funnel, understood = ctx.funnel, ctx.understood
    if not (funnel and funnel.break_even_customers and understood.average_sale
            and understood.gross_margin):
        return ""
    inp = ctx.inp
    money = lambda cents: format_money(cents, inp.currency, ctx.lang)  # noqa: E731
    per_customer = funnel.margin_per_customer_cents
    key, months = "open.break_even", {}
    if funnel.months_per_customer:  # a monthly fee, over the months a customer stays
        key = "open.break_even_monthly" + ("_assumed" if funnel.stay_assumed else "")
        months = {"months": format_number(round(funnel.months_per_customer), ctx.lang)}
    elif funnel.purchases_per_customer:  # the purchases counted are said, never hidden
        key = "open.break_even_repeat"
        months = {"purchases": format_number(round(funnel.purchases_per_customer, 1), ctx.lang)}
    return ctx.say(key, sale=money(round(understood.average_sale * 100)),
                   margin=format_number(round(understood.gross_margin * 100), ctx.lang),
                   per_customer=money(per_customer),
                   n=format_number(funnel.break_even_customers, ctx.lang),
                   budget=money(inp.budget_cents), max_cost=money(per_customer), **months)


def cost_factor(currency: str, data: dict[str, Any]) -> float:
    """How many units of a currency buy what one euro buys in marketing costs (data)."""
    return float(data["cost_per_eur"].get(currency, 1.0))


def months_before(months: list[int], lead: int = 2) -> set[int]:
    """Calendar months from `lead` months before each month to the month itself."""
    return {(m - 1 - k) % 12 + 1 for m in months for k in range(lead + 1)}


def owner_total_customers(goal: GoalUnderstood) -> int | None:
    """The count of new customers a goal asks for, when it is a count."""
    if goal.unit in ("percent", "currency") or goal.change is None or goal.change <= 0:
        return None
    return math.ceil(goal.change)
