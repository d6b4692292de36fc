"""The budget as pictures: spend per month stacked by tactic, and the split by budget line."""

from __future__ import annotations

from typing import Any

from ..formatting import format_money, format_share
from ..model import Plan, Tactic
from .style import (
    INK,
    LABEL_PT,
    RESERVE,
    SMALL_PT,
    TITLE_PT,
    WIDTH_IN,
    Say,
    colour,
    money_axis,
    month_ticks,
    short,
    tidy,
)


def monthly_spend(plan: Plan, tactic: Tactic) -> list[int]:
    """A tactic's cents in each plan month (0 where it spends nothing), as the budget table."""
    spend = [0] * plan.horizon_months
    if len(tactic.monthly_cents) == len(tactic.active_months):
        for month, cents in zip(tactic.active_months, tactic.monthly_cents, strict=True):
            if 1 <= month <= plan.horizon_months:
                spend[month - 1] = cents
    return spend


def has_monthly_budget(plan: Plan) -> bool:
    """Whether any tactic spreads its budget over months (else there is no month chart)."""
    return any(sum(monthly_spend(plan, t)) for t in plan.tactics)


def budget_by_month(plan: Plan, say: Say) -> Any:
    """Stacked bars: one bar per month, one colour per tactic; each bar's top says its total."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_IN, 3.6), layout="constrained")
    ax = fig.add_subplot()
    months = list(range(plan.horizon_months))
    bottom = [0.0] * plan.horizon_months
    for i, tactic in enumerate(plan.tactics):
        values = [c / 100 for c in monthly_spend(plan, tactic)]
        if not any(values):
            continue
        ax.bar(months, values, bottom=bottom, width=0.72, color=colour(i), edgecolor="white",
               linewidth=0.5, label=short(f"{tactic.id} · {tactic.name}", 48),
               gid=f"budget-month-{tactic.id}")
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    if plan.horizon_months <= 18:
        for x, total in zip(months, bottom, strict=True):
            if total:
                ax.annotate(format_money(round(total * 100), plan.currency, plan.language),
                            (x, total), xytext=(0, 2), textcoords="offset points",
                            ha="center", va="bottom", fontsize=6.5, color=INK)
    ax.set_xticks(months, month_ticks(plan), fontsize=SMALL_PT)
    if plan.horizon_months > 18:
        for label in ax.get_xticklabels()[1::2]:
            label.set_visible(False)
    ax.set_xlim(-0.6, plan.horizon_months - 0.4)
    ax.set_ylim(0, max(bottom) * 1.15 or 1)
    money_axis(ax, plan)
    tidy(ax)
    ax.set_title(say("charts.budget_month"), fontsize=TITLE_PT, color=INK, loc="left")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=2, frameon=False,
              fontsize=SMALL_PT)
    return fig


def budget_by_tactic(plan: Plan, say: Say) -> Any:
    """Horizontal bars, one per budget line (tactics and the reserve), amount and share beside."""
    from matplotlib.figure import Figure

    lines = plan.budget.lines
    fig = Figure(figsize=(WIDTH_IN, 0.9 + 0.42 * len(lines)), layout="constrained")
    ax = fig.add_subplot()
    ids = [t.id for t in plan.tactics]
    rows = list(range(len(lines)))[::-1]  # the first line on top
    amounts = [line.amount_cents / 100 for line in lines]
    colours = [colour(ids.index(line.tactic_id)) if line.tactic_id in ids else RESERVE
               for line in lines]
    labels = [short((f"{line.tactic_id} · " if line.tactic_id else "") + line.label, 40)
              for line in lines]
    bars = ax.barh(rows, amounts, color=colours, height=0.62)
    for bar, line in zip(bars, lines, strict=True):
        bar.set_gid(f"budget-line-{line.tactic_id or 'other'}")
        text = (f"{format_money(line.amount_cents, plan.currency, plan.language)} · "
                f"{format_share(line.share_percent, plan.language)}")
        ax.annotate(text, (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                    xytext=(4, 0), textcoords="offset points", va="center",
                    fontsize=SMALL_PT, color=INK)
    ax.set_yticks(rows, labels, fontsize=LABEL_PT)
    ax.set_xlim(0, max(amounts) * 1.35)
    money_axis(ax, plan, axis="x")
    tidy(ax, grid="x")
    ax.set_title(say("charts.budget_tactic"), fontsize=TITLE_PT, color=INK, loc="left")
    return fig
