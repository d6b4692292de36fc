"""The funnel from reach to customers with the objective marked, and the break-even point."""

from __future__ import annotations

from typing import Any

from ..formatting import format_money
from ..model import FunnelPlan, Plan
from .style import (
    GRID,
    INK,
    LABEL_PT,
    PALETTE,
    SMALL_PT,
    TITLE_PT,
    WIDTH_IN,
    Say,
    money_axis,
    number,
    tidy,
)

STEPS = ("reach", "leads", "customers")


def funnel_values(funnel: FunnelPlan) -> dict[str, int]:
    """What this budget should bring at each step."""
    return {"reach": funnel.reach, "leads": funnel.leads, "customers": funnel.customers}


def objective_values(funnel: FunnelPlan) -> dict[str, int]:
    """What the owner's goal needs at each step, over the whole plan (a rate goal: its total)."""
    if funnel.period and funnel.owner_total:
        return {"customers": funnel.owner_total}  # leads and reach needed are per period
    out = {"customers": funnel.owner_target, "leads": funnel.leads_needed,
           "reach": funnel.reach_needed}
    return {k: v for k, v in out.items() if v}


def funnel_chart(plan: Plan, say: Say) -> Any:
    """Horizontal bars on a log scale (reach is often a hundred times the customers), each with
    its number, and a black mark where the objective needs each step to be."""
    from matplotlib.figure import Figure

    funnel = plan.funnel
    assert funnel is not None
    values, goals = funnel_values(funnel), objective_values(funnel)
    fig = Figure(figsize=(WIDTH_IN, 2.9), layout="constrained")
    ax = fig.add_subplot()
    rows = [2, 1, 0]
    for row, step, tint in zip(rows, STEPS, (PALETTE[4], PALETTE[0], PALETTE[2]), strict=True):
        value = max(values[step], 1)
        ax.barh(row, value, height=0.6, color=tint, gid=f"funnel-{step}")
        ax.annotate(number(values[step], plan), (value, row), xytext=(4, 0),
                    textcoords="offset points", va="center", fontsize=LABEL_PT,
                    fontweight="bold", color=INK)
        if step in goals:
            ax.plot([goals[step]] * 2, [row - 0.38, row + 0.38], color=INK, linewidth=2.2,
                    gid=f"objective-{step}")
            ax.annotate(say("charts.objective", value=number(goals[step], plan)),
                        (goals[step], row + 0.38), xytext=(0, 1), textcoords="offset points",
                        ha="center", va="bottom", fontsize=SMALL_PT, color=INK)
    ax.set_xscale("log")
    peak = max([*values.values(), *goals.values(), 10])
    ax.set_xlim(0.8, peak * 6)
    ax.set_xticks([])
    ax.minorticks_off()
    ax.set_yticks(rows, [say(f"charts.{s}") for s in STEPS], fontsize=LABEL_PT)
    ax.set_ylim(-0.6, 2.8)
    tidy(ax, grid="")
    ax.spines["bottom"].set_visible(False)
    ax.set_title(say("charts.funnel"), fontsize=TITLE_PT, color=INK, loc="left")
    ax.text(1.0, -0.06, say("charts.log_scale"), transform=ax.transAxes, ha="right",
            va="top", fontsize=7, color="#4B5563")
    return fig


def has_break_even(plan: Plan) -> bool:
    """Whether the plan knows the margin a customer brings (average sale × margin)."""
    f = plan.funnel
    return bool(f and f.margin_per_customer_cents and f.break_even_customers)


def break_even_chart(plan: Plan, say: Say) -> Any:
    """Margin earned against customers won, the budget as a line, and where they cross."""
    from matplotlib.figure import Figure

    funnel = plan.funnel
    assert funnel is not None and funnel.margin_per_customer_cents
    margin, budget = funnel.margin_per_customer_cents / 100, plan.budget_cents / 100
    point = funnel.break_even_customers or 0
    expected = funnel.customers
    top = max(point, expected, 1) * 1.25
    fig = Figure(figsize=(WIDTH_IN, 3.3), layout="constrained")
    ax = fig.add_subplot()
    xs = [0.0, top]
    ax.plot(xs, [0.0, top * margin], color=PALETTE[2], linewidth=2, gid="break-even-margin",
            label=say("charts.margin_line", margin=format_money(
                funnel.margin_per_customer_cents, plan.currency, plan.language)))
    ax.axhline(budget, color=PALETTE[5], linewidth=1.6, linestyle="--", gid="break-even-budget",
               label=say("charts.budget_line", budget=format_money(
                   plan.budget_cents, plan.currency, plan.language)))
    ax.fill_between([0.0, point], [0.0, point * margin], budget, color=PALETTE[5], alpha=0.08)
    ax.fill_between([point, top], [point * margin, top * margin], budget, color=PALETTE[2],
                    alpha=0.10)
    ax.plot([point], [point * margin], marker="o", markersize=8, color=INK,
            gid="break-even-point")
    # The label sits at the right, on white, with an arrow to the point: under the budget line
    # when there is room below it, else just above it (clear of the rising margin line).
    budget_at = budget / (top * margin * 1.02)
    label_y = 0.05 if budget_at > 0.3 else budget_at + 0.06
    ax.annotate(say("charts.break_even_point", customers=number(point, plan)),
                (point, point * margin), xytext=(0.97, label_y), textcoords="axes fraction",
                ha="right", va="bottom", fontsize=LABEL_PT, fontweight="bold", color=INK,
                bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": GRID},
                arrowprops={"arrowstyle": "->", "color": INK, "linewidth": 0.8})
    if expected:
        ax.axvline(expected, color=PALETTE[0], linewidth=1, linestyle=":",
                   gid="break-even-expected")
        ax.annotate(say("charts.expected", customers=number(expected, plan)),
                    (expected, top * margin * 0.97), xytext=(-4, 0), textcoords="offset points",
                    ha="right", va="top", fontsize=SMALL_PT, color=PALETTE[0])
    ax.set_xlim(0, top)
    ax.set_ylim(0, top * margin * 1.02)
    ax.set_xlabel(say("charts.customers"), fontsize=LABEL_PT, color=INK)
    money_axis(ax, plan)
    tidy(ax, grid="both")
    ax.set_title(say("charts.break_even"), fontsize=TITLE_PT, color=INK, loc="left")
    ax.legend(loc="upper left", frameon=False, fontsize=SMALL_PT)
    return fig
