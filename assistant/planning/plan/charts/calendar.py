"""The calendar as a timeline: each tactic across the real months, the owner's busy, quiet and
closed months shaded behind, the objectives' deadlines marked."""

from __future__ import annotations

from typing import Any

from ..model import Plan, Tactic
from .style import (
    INK,
    LABEL_PT,
    SMALL_PT,
    TITLE_PT,
    WIDTH_IN,
    Say,
    colour,
    month_ticks,
    shade_seasons,
    short,
    tidy,
)


def tactic_months(tactic: Tactic) -> list[int]:
    """The plan months a tactic runs (its active months, else start..end)."""
    return sorted(tactic.active_months or range(tactic.start_month, tactic.end_month + 1))


def runs(months: list[int]) -> list[tuple[int, int]]:
    """Consecutive months as (first, count) runs.

    >>> runs([1, 2, 3, 6, 7, 9])
    [(1, 3), (6, 2), (9, 1)]
    """
    out: list[tuple[int, int]] = []
    for m in months:
        if out and m == out[-1][0] + out[-1][1]:
            out[-1] = (out[-1][0], out[-1][1] + 1)
        else:
            out.append((m, 1))
    return out


def calendar_timeline(plan: Plan, say: Say) -> Any:
    """A Gantt-style timeline: one row per tactic, bars over the months it runs."""
    from matplotlib.figure import Figure

    tactics = plan.tactics
    fig = Figure(figsize=(WIDTH_IN, 1.5 + 0.45 * len(tactics)), layout="constrained")
    ax = fig.add_subplot()
    handles = shade_seasons(ax, plan, say)
    rows = list(range(len(tactics)))[::-1]
    for row, (i, tactic) in zip(rows, enumerate(tactics), strict=True):
        spans = [(m - 1.45, n - 0.1) for m, n in runs(tactic_months(tactic))
                 if m <= plan.horizon_months]
        ax.broken_barh(spans, (row - 0.3, 0.6), facecolors=colour(i),
                       gid=f"calendar-{tactic.id}")
    for objective in plan.strategy.objectives:
        if objective.deadline_month <= plan.horizon_months:
            x = objective.deadline_month - 0.5
            ax.axvline(x, color=INK, linestyle="--", linewidth=0.8, zorder=3,
                       gid=f"deadline-{objective.id}")
            ax.annotate(objective.id, (x, 1.0), xycoords=ax.get_xaxis_transform(),
                        xytext=(0, 2), textcoords="offset points", ha="center", va="bottom",
                        fontsize=SMALL_PT, color=INK, annotation_clip=False)
    ax.set_yticks(rows, [short(f"{t.id} · {t.name}") for t in tactics], fontsize=LABEL_PT)
    ax.set_ylim(-0.6, len(tactics) - 0.2)
    ax.set_xticks(range(plan.horizon_months), month_ticks(plan), fontsize=SMALL_PT)
    if plan.horizon_months > 18:
        for label in ax.get_xticklabels()[1::2]:
            label.set_visible(False)
    ax.set_xlim(-0.5, plan.horizon_months - 0.5)
    tidy(ax, grid="")
    ax.set_title(say("charts.calendar"), fontsize=TITLE_PT, color=INK, loc="left", pad=16)
    if handles:
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.2),
                  ncols=len(handles), frameon=False, fontsize=SMALL_PT)
    return fig
