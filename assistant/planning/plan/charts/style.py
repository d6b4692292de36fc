"""What every chart shares: palette, shading colours, the month axis and money ticks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from babel.dates import get_month_names

from ..formatting import format_money, format_number
from ..model import Plan

Say = Callable[..., str]

# Okabe-Ito: told apart with the common colour-vision deficiencies, and in greyscale print.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000")
RESERVE = "#9AA3AD"
INK, GRID = "#1F2933", "#D9DEE3"
SEASONS = {  # the owner's months: (colour, alpha, hatch), drawn behind the bars
    "busy": ("#E69F00", 0.22, ""),
    "quiet": ("#56B4E9", 0.18, ""),
    "closed": ("#6B7280", 0.30, "///"),
}
WIDTH_IN = 7.2  # the PDF's text width (A4 less 18 mm margins), so no chart is scaled down
TITLE_PT, LABEL_PT, SMALL_PT = 12, 9, 8


def colour(index: int) -> str:
    """The tactic colour at a position (cycles past eight tactics)."""
    return PALETTE[index % len(PALETTE)]


def month_ticks(plan: Plan) -> list[str]:
    """One short label per plan month: "mar" and, on the first month and each January, the
    year below ("ene\\n2028"); "1", "2"... when the plan has no start month."""
    if plan.facts is None:
        return [str(m) for m in range(1, plan.horizon_months + 1)]
    names = get_month_names("abbreviated", context="stand-alone", locale=plan.language)
    out = []
    for m in range(1, plan.horizon_months + 1):
        month, year = plan.facts.calendar_month(m)
        name = names[month].rstrip(".")
        out.append(f"{name}\n{year}" if m == 1 or month == 1 else name)
    return out


def season_months(plan: Plan) -> dict[str, list[int]]:
    """Plan months (1-based) that fall in the owner's busy, quiet and closed months."""
    if plan.facts is None:
        return {kind: [] for kind in SEASONS}
    facts = plan.facts
    found: dict[str, list[int]] = {kind: [] for kind in SEASONS}
    for m in range(1, plan.horizon_months + 1):
        month = facts.calendar_month(m)[0]
        for kind, months in (("closed", facts.closed_months), ("busy", facts.busy_months),
                             ("quiet", facts.quiet_months)):
            if month in months:
                found[kind].append(m)
                break  # a closed month is shaded as closed only
    return found


def shade_seasons(ax: Any, plan: Plan, say: Say) -> list[Any]:
    """Shade the owner's months on a month axis (month m spans m-1.5..m-0.5); legend handles."""
    from matplotlib.patches import Patch

    handles = []
    for kind, months in season_months(plan).items():
        if not months:
            continue
        tint, alpha, hatch = SEASONS[kind]
        for m in months:
            ax.axvspan(m - 1.5, m - 0.5, facecolor=tint, alpha=alpha, hatch=hatch,
                       edgecolor="#4B5563" if hatch else "none", linewidth=0, zorder=0,
                       gid=f"{kind}-month-{m}")
        handles.append(Patch(facecolor=tint, alpha=min(1.0, alpha * 2), hatch=hatch,
                             edgecolor="#4B5563" if hatch else "none", label=say(
                                 f"charts.{kind}")))
    return handles


def money_axis(ax: Any, plan: Plan, axis: str = "y") -> None:
    """Tick labels on an amount axis written as money in the plan's language."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_locator(MaxNLocator(nbins=5, integer=True))
    target.set_major_formatter(FuncFormatter(
        lambda v, _pos: format_money(int(round(v * 100)), plan.currency, plan.language)))


def number(value: float, plan: Plan) -> str:
    """A count in the plan's language ("38.893")."""
    return format_number(value, plan.language)


def tidy(ax: Any, grid: str = "y") -> None:
    """Light frame and grid, ticks in the chart's ink colour."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(GRID)
    ax.tick_params(colors=INK, labelsize=SMALL_PT, length=0)
    if grid:
        ax.grid(axis=grid, color=GRID, linewidth=0.6)
        ax.set_axisbelow(True)


def short(text: str, limit: int = 34) -> str:
    """A label cut to fit a chart's margin, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
