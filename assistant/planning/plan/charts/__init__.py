"""The plan's charts, drawn server-side from the plan model: budget by month and by tactic,
the calendar as a timeline, the funnel and the break-even point, as PNG or SVG bytes.

Why matplotlib (3.11, Agg backend, no pyplot): it draws offline with no browser, no network and
no CDN; it ships its own DejaVu Sans (accents, €, £, ¿, «» in all four languages), so a chart
looks the same on every machine and the PDF embeds the very same font file; its PNG and SVG are
print quality; and it is one binary wheel (35 MB installed, plus 7 MB for contourpy and
kiwisolver; numpy was already here, fontTools is needed by the PDF's fpdf2 anyway), against
plotly + kaleido (a headless Chromium, over 100 MB) or pygal + cairosvg (needs system cairo).
Figures are built as `matplotlib.figure.Figure` objects, never through pyplot, so no global
figure state is shared between the requests Gradio serves in threads. Imports are lazy: the
cost is paid on the first export, not when the app starts.
"""

from .build import Chart, ChartImage, build_charts, chart_images, render

__all__ = ["Chart", "ChartImage", "build_charts", "chart_images", "render"]
