"""Which charts a plan gets, and each one as PNG or SVG bytes."""

from __future__ import annotations

import hashlib
import io
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from ..model import Plan
from .budget import budget_by_month, budget_by_tactic, has_monthly_budget
from .calendar import calendar_timeline
from .funnel import break_even_chart, funnel_chart, has_break_even
from .style import Say

DPI = 200  # sharp in print at the PDF's width (1440 px); a chart is 15-35 KB as PNG


@dataclass(frozen=True)
class Chart:
    """One chart as a matplotlib figure, with its key and its title in the plan's language."""

    key: str
    title: str
    figure: Any  # matplotlib.figure.Figure


@dataclass(frozen=True)
class ChartImage:
    """One chart rendered: the bytes, their MIME type, and the text that stands for it."""

    key: str
    title: str
    data: bytes
    mime: str
    alt: str


def build_charts(plan: Plan, say: Say) -> list[Chart]:
    """The plan's charts in reading order; a chart without its numbers in the plan is left out
    (no month spread, no funnel, no margin known)."""
    wanted = []
    if has_monthly_budget(plan):
        wanted.append(("budget_month", budget_by_month))
    wanted += [("budget_tactic", budget_by_tactic), ("calendar", calendar_timeline)]
    if plan.funnel is not None:
        wanted.append(("funnel", funnel_chart))
    if has_break_even(plan):
        wanted.append(("break_even", break_even_chart))
    return [Chart(key, say(f"charts.{key}"), draw(plan, say)) for key, draw in wanted]


def render(chart: Chart, fmt: str = "png", dpi: int = DPI) -> bytes:
    """A chart's bytes: `png` (raster, for the page, the PDF and the DOCX) or `svg`.

    The PNG is drawn by Agg and stored with a 256-colour palette: a chart has a few flat
    colours and anti-aliased text, which a palette keeps to the eye, at 40% of the size of the
    full-colour file and a third less time (measured on the four dev plans: 117 KB against 284
    KB for five charts; the PDF embeds it as an indexed image, so it is smaller there too)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown chart format {fmt!r}")
    canvas = FigureCanvasAgg(chart.figure)  # a canvas of its own: no pyplot, no shared state
    buffer = io.BytesIO()
    if fmt == "svg":
        chart.figure.savefig(buffer, format="svg", facecolor="white", metadata={"Date": None})
        return buffer.getvalue()
    from PIL import Image

    chart.figure.set_dpi(dpi)
    chart.figure.set_facecolor("white")
    canvas.draw()
    pixels = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw",
                              "RGBA", 0, 1).convert("RGB")
    indexed = pixels.quantize(256, method=Image.Quantize.MEDIANCUT)
    background = max(indexed.getcolors() or [(0, 0)])[1]  # the commonest colour: the paper
    palette = indexed.getpalette() or []
    palette[background * 3: background * 3 + 3] = [255, 255, 255]  # kept pure white on a page
    indexed.putpalette(palette)
    indexed.save(buffer, "PNG")
    return buffer.getvalue()


def chart_images(plan: Plan, say: Say, fmt: str = "png", dpi: int = DPI) -> list[ChartImage]:
    """Every chart of the plan rendered, with the alternative text that describes it.

    Drawing five charts takes about 2 s of CPU, and the same plan is shown again on every visit
    to the plan tab, then exported: the images are kept for the last `CACHE_SIZE` plans, keyed by
    the plan's whole content and the chart titles in its language (so an edit, or other
    wording, draws them again)."""
    titles = tuple(say(f"charts.{key}") for key in CHART_KEYS)
    key = (hashlib.sha256(plan.model_dump_json().encode("utf-8")).hexdigest(), titles, fmt, dpi)
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return list(_CACHE[key])
    mime = "image/png" if fmt == "png" else "image/svg+xml"
    images = [ChartImage(c.key, c.title, render(c, fmt, dpi), mime,
                         say("charts.alt", title=c.title)) for c in build_charts(plan, say)]
    with _LOCK:
        _CACHE[key] = tuple(images)
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return images


CHART_KEYS = ("budget_month", "budget_tactic", "calendar", "funnel", "break_even")
CACHE_SIZE = 32  # plans; five PNGs are about 120 KB, so at most ~4 MB
_CACHE: OrderedDict[tuple, tuple[ChartImage, ...]] = OrderedDict()
_LOCK = threading.Lock()  # Gradio serves requests in threads
