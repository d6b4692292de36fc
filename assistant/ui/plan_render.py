"""The plan as the plan tab shows it: each section a disclosure (`<details>`; on a phone only
the summary starts open, page_script.py), months with the same figures as one range
("gen–giu 2026: 300 €"), every table in a box that scrolls and can be focused."""

from __future__ import annotations

import html
import re

from .render import markdown_html

_YEAR = re.compile(r"^(.*?)\s+(\d{4})$")
_H2 = re.compile(r"(?=<h2[ >])")


def month_range(first: str, last: str) -> str:
    """Two month labels as one range; the year once when both share it.

    >>> month_range("gen 2026", "giu 2026"), month_range("dic 2026", "feb 2027")
    ('gen–giu 2026', 'dic 2026–feb 2027')
    >>> month_range("month 1", "month 3")
    'month 1–month 3'
    """
    a, b = _YEAR.match(first), _YEAR.match(last)
    if a and b and a.group(2) == b.group(2):
        return f"{a.group(1)}–{b.group(1)} {a.group(2)}"
    return f"{first}–{last}"


def group_months(markdown: str, month_column: str) -> str:
    """In each table whose first column is `month_column`, runs of rows with the same figures
    become one row named by the range of their months.

    >>> table = "| Month | Ads |\\n|---|---|\\n| jan | 10 |\\n| feb | 10 |\\n| mar | 20 |"
    >>> print(group_months(table, "Month"))
    | Month | Ads |
    |---|---|
    | jan–feb | 10 |
    | mar | 20 |
    """
    out: list[str] = []
    lines = markdown.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        head = _cells(line)
        if head and head[0] == month_column and i + 1 < len(lines) and "---" in lines[i + 1]:
            out += [line, lines[i + 1]]
            i += 2
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(_cells(lines[i]))
                i += 1
            out += [f"| {' | '.join(row)} |" for row in _merge(rows)]
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


def _merge(rows: list[list[str]]) -> list[list[str]]:
    merged: list[list[str]] = []
    run: list[list[str]] = []
    for row in [*rows, []]:
        if run and row and row[1:] == run[0][1:] and row[1:]:
            run.append(row)
            continue
        if run:
            label = run[0][0] if len(run) == 1 else month_range(run[0][0], run[-1][0])
            merged.append([label, *run[0][1:]])
        run = [row] if row else []
    return merged


def _cells(line: str) -> list[str]:
    if not line.startswith("|"):
        return []
    return [c.strip() for c in line.strip().strip("|").split("|")]


def plan_html(markdown: str, month_column: str, region_name: str) -> str:
    """The plan's HTML: the title and its lines, then one `<details>` per section (the first,
    the summary, open); tables focusable (`region_name` names them for screen readers).

    >>> out = plan_html("# T\\n\\n## Summary\\n\\nText\\n\\n## Budget\\n\\n| a |\\n|---|\\n| 1 |",
    ...                 "Month", 'Plan "A"')
    >>> out.count("<details"), '<details class="plan-section" open>' in out
    (2, True)
    >>> 'tabindex="0" role="region" aria-label="Plan &quot;A&quot;"' in out
    True
    """
    body = markdown_html(group_months(markdown, month_column))
    body = body.replace('<div class="table-wrap">',
                        f'<div class="table-wrap" tabindex="0" role="region" '
                        f'aria-label="{html.escape(region_name, quote=True)}">')
    head, *sections = _H2.split(body)
    parts = [head]
    for n, section in enumerate(sections):
        heading, _, rest = section.partition("</h2>")
        parts.append(f'<details class="plan-section"{" open" if n == 0 else ""}>'
                     f"<summary>{heading}</h2></summary>{rest}</details>")
    return "".join(parts)
