"""The charts are drawn from the plan's own numbers: bars equal the budget, the shaded months
are the owner's months in the plan's real calendar, the funnel and break-even are the plan's."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from assistant.planning.plan import build_plan, read_answers
from assistant.planning.plan.charts import build_charts, render
from assistant.planning.plan.charts.budget import budget_by_month, budget_by_tactic
from assistant.planning.plan.charts.calendar import calendar_timeline, tactic_months
from assistant.planning.plan.charts.funnel import break_even_chart, funnel_chart
from tests.plan_fixtures import PLAYBOOK, PROMPTS, answers
from tests.plan_languages import CASES, plan_in, say_for

# Out of the fast tier: it renders charts with matplotlib, seconds each; `make test` runs it.
pytestmark = pytest.mark.slow

LANGS = tuple(CASES)
# The month each case's owner said the business closes, as the chart's axis writes it.
CLOSED_TICK = {"es": "ago", "fr": "août", "it": "gen", "en": "Aug"}


@pytest.fixture(scope="module")
def plans():
    return {lang: plan_in(lang) for lang in LANGS}


def by_gid(fig, prefix):
    """Every artist of a figure whose gid starts with `prefix`, by gid."""
    out = {}
    for artist in fig.findobj():
        gid = artist.get_gid()
        if gid and gid.startswith(prefix):
            out.setdefault(gid, []).append(artist)
    return out


def test_month_bars_are_each_tactics_monthly_spend_and_add_up_to_its_budget(plans):
    plan = plans["es"]
    fig = budget_by_month(plan, say_for(plan))
    bars = by_gid(fig, "budget-month-")
    assert set(bars) == {f"budget-month-{t.id}" for t in plan.tactics}
    for tactic in plan.tactics:
        heights = {round(p.get_x() + p.get_width() / 2): p.get_height()
                   for p in bars[f"budget-month-{tactic.id}"]}
        assert round(sum(heights.values()) * 100) == tactic.budget_cents
        for month, cents in zip(tactic.active_months, tactic.monthly_cents, strict=True):
            assert round(heights[month - 1] * 100) == cents
    closed = plan.facts.closed_months[0]
    closed_index = next(m for m in range(1, 13) if plan.facts.calendar_month(m)[0] == closed)
    assert all(heights[closed_index - 1] == 0 for heights in [
        {round(p.get_x() + p.get_width() / 2): p.get_height() for p in patches}
        for patches in bars.values()])  # nothing is spent in the closed month


def test_budget_split_bars_equal_the_budget_lines_in_order(plans):
    plan = plans["it"]
    fig = budget_by_tactic(plan, say_for(plan))
    patches = [p for p in fig.axes[0].patches if (p.get_gid() or "").startswith("budget-line-")]
    patches.sort(key=lambda p: -p.get_y())  # top to bottom, as read
    assert [round(p.get_width() * 100) for p in patches] == [
        line.amount_cents for line in plan.budget.lines]
    assert sum(round(p.get_width() * 100) for p in patches) == plan.budget.total_cents
    top = max(fig.axes[0].get_yticklabels(), key=lambda t: t.get_position()[1])
    assert top.get_text().startswith(f"{plan.tactics[0].id} · ")  # the first line on top


@pytest.mark.parametrize("lang", LANGS)
def test_calendar_shades_the_owners_months_where_they_fall_in_the_plan(plans, lang):
    plan = plans[lang]
    fig = calendar_timeline(plan, say_for(plan))
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    facts = plan.facts
    for kind, months in (("busy", facts.busy_months), ("quiet", facts.quiet_months),
                         ("closed", facts.closed_months)):
        shaded = sorted(int(gid.rsplit("-", 1)[1]) for gid in by_gid(fig, f"{kind}-month-"))
        expected = [m for m in range(1, plan.horizon_months + 1)
                    if facts.calendar_month(m)[0] in months]
        assert shaded == expected and expected, kind
    closed = [int(g.rsplit("-", 1)[1]) for g in by_gid(fig, "closed-month-")]
    assert [ticks[m - 1].split("\n")[0] for m in closed] == [CLOSED_TICK[lang]]
    assert ticks[0].endswith(str(facts.start_year))  # the first month carries its year
    legend = {t.get_text() for t in fig.axes[0].get_legend().get_texts()}
    say = say_for(plan)
    assert legend == {say("charts.busy"), say("charts.quiet"), say("charts.closed")}
    assert fig.axes[0].get_title(loc="left") == say("charts.calendar")


def test_calendar_bars_cover_exactly_the_months_each_tactic_runs(plans):
    plan = plans["fr"]
    fig = calendar_timeline(plan, say_for(plan))
    for tactic in plan.tactics:
        (bars,) = by_gid(fig, f"calendar-{tactic.id}").values()
        covered = set()
        for path in bars[0].get_paths():
            xs = path.vertices[:, 0]
            covered |= {m for m in range(1, plan.horizon_months + 1)
                        if xs.min() < m - 1 < xs.max()}
        assert covered == set(tactic_months(tactic))
    deadlines = by_gid(fig, "deadline-")
    assert set(deadlines) == {f"deadline-{o.id}" for o in plan.strategy.objectives}


def test_funnel_bars_are_the_plans_funnel_and_the_objective_is_marked(plans):
    plan = plans["en"]
    funnel = plan.funnel
    fig = funnel_chart(plan, say_for(plan))
    widths = {gid.split("-", 1)[1]: artists[0].get_width()
              for gid, artists in by_gid(fig, "funnel-").items()}
    assert widths == {"reach": funnel.reach, "leads": funnel.leads,
                      "customers": funnel.customers}
    marks = {gid.split("-", 1)[1]: artists[0].get_xdata()[0]
             for gid, artists in by_gid(fig, "objective-").items()}
    assert marks == {"customers": funnel.owner_target, "leads": funnel.leads_needed,
                     "reach": funnel.reach_needed}
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert say_for(plan)("charts.objective", value=str(funnel.owner_target)) in texts


@pytest.mark.parametrize("lang", LANGS)
def test_break_even_point_is_where_the_margin_pays_back_the_budget(plans, lang):
    plan = plans[lang]
    funnel = plan.funnel
    fig = break_even_chart(plan, say_for(plan))
    (point,) = by_gid(fig, "break-even-point")["break-even-point"]
    x, y = point.get_xdata()[0], point.get_ydata()[0]
    assert x == funnel.break_even_customers
    margin = funnel.margin_per_customer_cents
    assert x * margin >= plan.budget_cents > (x - 1) * margin  # the first customer that pays
    assert round(y * 100) == x * margin
    (budget,) = by_gid(fig, "break-even-budget")["break-even-budget"]
    assert budget.get_ydata()[0] * 100 == plan.budget_cents


def test_a_plan_without_margin_or_seasons_gets_no_break_even_and_no_shading():
    inp = read_answers(answers(), PLAYBOOK, PROMPTS)  # no average sale, margin nor seasons
    plan = build_plan(inp, PLAYBOOK, PROMPTS, lambda kind, ident, lang: ident)
    charts = build_charts(plan, say_for(plan))
    assert [c.key for c in charts] == ["budget_month", "budget_tactic", "calendar", "funnel"]
    calendar = next(c for c in charts if c.key == "calendar").figure
    assert not by_gid(calendar, "busy-") and not by_gid(calendar, "closed-")
    assert calendar.axes[0].get_legend() is None


def test_charts_render_as_png_and_as_svg_with_their_parts_named(plans):
    plan = plans["es"]
    charts = build_charts(plan, say_for(plan))
    assert [c.title for c in charts] == [say_for(plan)(f"charts.{c.key}") for c in charts]
    calendar = next(c for c in charts if c.key == "calendar")
    png = Image.open(io.BytesIO(render(calendar, "png", dpi=50)))
    assert png.format == "PNG" and png.mode == "P"  # a palette: charts are flat colours
    assert png.convert("RGB").getpixel((1, 1)) == (255, 255, 255)  # the paper stays white
    svg = render(calendar, "svg").decode("utf-8")
    closed = next(iter(by_gid(calendar.figure, "closed-month-")))
    assert f'id="{closed}"' in svg and 'id="calendar-T1"' in svg
    with pytest.raises(ValueError):
        render(calendar, "gif")


def test_a_plan_shown_again_is_not_drawn_again_and_an_edit_is(plans, monkeypatch):
    from assistant.planning.plan.charts import build

    plan = plans["it"]
    say = say_for(plan)
    drawn = []
    original = build.render
    monkeypatch.setattr(build, "render", lambda chart, *a: drawn.append(chart.key)
                        or original(chart, *a))
    dpi = 30  # what is cached matters here, not the pixels: small images, a third of the CPU
    first = build.chart_images(plan, say, dpi=dpi)
    assert drawn and len(drawn) == len(first)
    drawn.clear()
    again = build.chart_images(plan, say, dpi=dpi)
    assert drawn == [] and [i.data for i in again] == [i.data for i in first]
    edited = plan.model_copy(update={"budget_cents": plan.budget_cents + 100_00})
    build.chart_images(edited, say, dpi=dpi)
    assert len(drawn) == len(first)  # another plan: drawn anew
