"""The plan's charts in the plan tab: one block of pictures with their alternative text, the
same PNGs that go into the PDF and DOCX downloads (drawn once per view)."""

from __future__ import annotations

import base64
import html
from typing import Any

from ..planning.plan.charts import ChartImage, chart_images
from ..planning.plan.model import Plan

PHONE_MIN_PX = 560  # below this a chart's 8-9 pt labels fall under 10 CSS px


def plan_charts(prompts: Any, plan: Plan) -> list[ChartImage]:
    """The plan's charts as PNGs, labelled in the plan's language."""
    return chart_images(plan, lambda key, **v: prompts.phrase("plan", plan.language, key, **v))


def charts_html(images: list[ChartImage], heading: str) -> str:
    """A section of the charts, each an <img> with its alternative text, scaled to the width.

    >>> out = charts_html([ChartImage("funnel", "F", b"x", "image/png", "Chart: <F>")], "Glance")
    >>> 'alt="Chart: &lt;F&gt;"' in out, 'src="data:image/png;base64,eA=="' in out
    (True, True)
    """
    if not images:
        return ""
    # On a phone a chart keeps a width its labels can be read at and scrolls sideways; the
    # scrolling figure takes the keyboard focus so it can be scrolled without a pointer.
    figures = "".join(
        f'<figure class="plan-chart" data-chart="{html.escape(image.key)}" tabindex="0" '
        f'aria-label="{html.escape(image.title)}" style="margin:0 0 1rem 0;overflow-x:auto">'
        f'<img src="data:{image.mime};base64,{base64.b64encode(image.data).decode("ascii")}" '
        f'alt="{html.escape(image.alt)}" '
        f'style="display:block;width:100%;min-width:{PHONE_MIN_PX}px;max-width:900px;'
        f'height:auto"></figure>'
        for image in images)
    title = html.escape(heading)
    return (f'<details class="plan-section plan-charts" id="plan-charts" open>'
            f"<summary><h2>{title}</h2></summary>{figures}</details>")


def after_summary(body: str, block: str) -> str:
    """The plan's HTML (one `<details>` per section) with a block placed after its first
    section (the summary).

    >>> s = '<details class="plan-section">'
    >>> after_summary(f"<h1>T</h1>{s}S</details>{s}D</details>", "<X/>").count("</details><X/>")
    1
    >>> after_summary("<h1>T</h1>", "<X/>")
    '<h1>T</h1><X/>'
    """
    mark = '<details class="plan-section"'
    first = body.find(mark)
    second = body.find(mark, first + 1) if first >= 0 else -1
    return body + block if second < 0 else body[:second] + block + body[second:]
