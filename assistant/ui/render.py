"""Turns user, document and model text into safe Markdown: shown as text, never run as HTML."""

from __future__ import annotations

import html
import re

_IMAGE = re.compile(r"!\[")


def escape(text: object) -> str:
    """Markdown that displays `text` literally where HTML is concerned.

    Angle brackets and ampersands become entities, so a document's `<script>` or `<img
    onerror=...>` is shown as text; Markdown images are disarmed so a document cannot make the
    browser fetch a remote URL.

    >>> escape('<img src=x onerror="alert(1)"> & ![t](http://x/y.png)')
    '&lt;img src=x onerror="alert(1)"&gt; &amp; !\\\\[t](http://x/y.png)'
    """
    value = html.escape(str(text or ""), quote=False)
    return _IMAGE.sub(r"!\\[", value)


def escape_inline(text: object) -> str:
    """Like `escape`, for a one-line title: newlines folded and Markdown emphasis kept literal.

    >>> escape_inline("A *bold*\\ntitle")
    'A \\\\*bold\\\\* title'
    """
    value = " ".join(str(text or "").split())
    value = re.sub(r"([\\`*_\[\]#|])", r"\\\1", value)
    return escape(value)


def quote(text: object) -> str:
    """An escaped passage as a Markdown block quote.

    >>> quote("one\\ntwo")
    '> one\\n> two'
    """
    return "\n".join(f"> {line}" if line else ">" for line in escape(text).splitlines())


def markdown_html(markdown: str) -> str:
    """Safe HTML for a Markdown document (raw HTML shown as text, links checked), whose tables
    carry their column names on every cell (`data-label`), so a narrow screen can show each row
    as a card, and sit in a wrapper that scrolls rather than breaking words.

    >>> html_out = markdown_html("| Name | Budget |\\n|---|---|\\n| Ads <b> | 10 |")
    >>> 'data-label="Budget">10</td>' in html_out, "&lt;b&gt;" in html_out
    (True, True)
    """
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = md.parse(escape(markdown))
    headers: list[str] = []
    column = 0
    for i, token in enumerate(tokens):
        if token.type == "thead_open":
            headers = []
        elif token.type == "th_open":
            headers.append(tokens[i + 1].content if i + 1 < len(tokens) else "")
        elif token.type == "tr_open":
            column = 0
        elif token.type == "td_open":
            label = headers[column] if column < len(headers) else ""
            token.attrSet("data-label", html.unescape(label.replace("\\", "")))
            column += 1
        elif token.type == "table_open":
            token.attrSet("class", "plan-table")
    rendered = md.renderer.render(tokens, md.options, {})
    return (rendered.replace("<table", '<div class="table-wrap"><table')
            .replace("</table>", "</table></div>"))
