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
