"""A cited passage in the chat as the app's own disclosure widget: a real `<button>` named by
the source, with `aria-expanded`, that shows or hides the passage (marked with its language).

Gradio's folded "thought" messages hold an unnamed icon button inside a `div role=button`
that Space does not open; this replaces them. The button works by keyboard as any button
does (Enter and Space); `TOGGLE_SCRIPT`, loaded once in the page's head, flips it. Gradio's
sanitiser keeps `id`, `lang` and `class` but drops `aria-*` from messages: page_script.py
sets `aria-expanded` and `aria-controls` on each button as it appears.
"""

from __future__ import annotations

import html
import uuid

# One listener for the whole page (the chat re-renders its messages: no per-button handlers).
TOGGLE_SCRIPT = """<script>
document.addEventListener('click', (event) => {
  const button = event.target.closest && event.target.closest('button.cite-toggle');
  if (!button) return;
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', String(open));
  const passage = button.parentElement && button.parentElement.querySelector('.cite-passage');
  if (passage) passage.classList.toggle('cite-open', open);
});
</script>"""


def source_html(title: str, passage: str, detail: str = "", lang: str = "") -> str:
    """A disclosure for one source: closed, named by `title`; the passage in `lang`.

    >>> out = source_html("[1] SWOT <b>", "Strengths & weaknesses", "English · Article", "en")
    >>> 'aria-expanded="false"' in out, "&lt;b&gt;" in out, 'lang="en"' in out
    (True, True, True)
    """
    ident = f"cite-{uuid.uuid4().hex[:10]}"
    lang_attr = f' lang="{html.escape(lang)}"' if lang else ""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in passage.splitlines() if p.strip())
    meta = f'<span class="cite-meta">{html.escape(detail)}</span>' if detail else ""
    return (f'<div class="cite"><button type="button" class="cite-toggle" '
            f'aria-expanded="false" aria-controls="{ident}">'
            f'<span class="cite-title">{html.escape(title)}</span>{meta}</button>'
            f'<blockquote class="cite-passage" id="{ident}"{lang_attr}>{paragraphs}'
            f"</blockquote></div>")
