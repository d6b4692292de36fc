"""An answer from a source the user named: its section headings as its structure. "What are
the challenges, according to the article?" is answered by the headings that follow the section
announcing them ("Retos del marketing operativo … los retos más comunes …:")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...text import sentences
from ..questions import focus_keys
from .base import ComposeInput, Passage
from .sentences import body, heading

MAX_ITEMS = 8
MIN_HEADING_SIMILARITY = 0.3  # a heading this close to the question, in another language


@dataclass(frozen=True)
class Listing:
    """A named source's section that may answer as a list: whether its heading carries the
    question's own words, how close the heading comes to the question, and the answer's lines."""

    named: bool
    near: float
    lines: list[str]


def listed_lines(item: ComposeInput, focus: frozenset[str], phrase: Callable[..., str],
                 closeness: Callable[[list[str]], list[float]]) -> list[str]:
    """The lines of an answer that lists a named source's section (empty: no section answers
    as a list): the sections it announces ("los retos más comunes…:") or its bullet points,
    whichever section's heading says what is asked ("¿Cuáles son las funciones…?" for "quelles
    sont ses fonctions ?", not "Retos…", merely closer to the source's topic)."""
    found = [f for f in (_announced_listing(item, focus, phrase, closeness),
                         _bulleted_listing(item, focus, phrase, closeness)) if f is not None]
    if not found:
        return []
    return max(found, key=lambda f: (f.named, f.near)).lines


def announced_sections(item: ComposeInput, focus: frozenset[str],
                       closeness: Callable[[list[str]], list[float]]
                       ) -> tuple[Passage, str, list[Passage]] | None:
    """(the announcing section, its last sentence, the sections it announces) for a list
    question about a named source (see _announced)."""
    found = _announced(item, focus, closeness)
    return None if found is None else found[2:]


def _announced(item: ComposeInput, focus: frozenset[str],
               closeness: Callable[[list[str]], list[float]]
               ) -> tuple[bool, float, Passage, str, list[Passage]] | None:
    """(named, closeness, the announcing section, its last sentence, the sections it
    announces) for a list question about a named source: a section whose heading carries the
    question's own words and whose text ends in a colon, followed by the sections whose
    headings are the items (up to a heading that is a question, or the end)."""
    if item.kind != "list":
        return None
    own = _own(item)
    found = []
    for i, passage in enumerate(own):
        title = heading(passage.hit.text)
        text = body(passage.hit.text).rstrip()
        if not (title and text.endswith(":")):
            continue
        items: list[Passage] = []
        for after in own[i + 1:]:
            name = heading(after.hit.text)
            if after.hit.source_id != passage.hit.source_id or not name or name.endswith("?"):
                break
            if name == title or any(heading(p.hit.text) == name for p in items):
                continue  # a long section's second chunk carries the same heading
            items.append(after)
            if len(items) >= MAX_ITEMS:
                break
        if len(items) >= 2:
            named = bool(focus & focus_keys(title, passage.hit.language, ""))
            found.append((named, title, passage, sentences(text)[-1], items))
    if not found:
        return None
    # The section whose heading says what is asked ("retos"); asked in another language than
    # the source's, the heading closest to the question, if close enough.
    near = closeness([f[1] for f in found])
    best = max(range(len(found)), key=lambda i: (found[i][0], near[i]))
    if not found[best][0] and near[best] < MIN_HEADING_SIMILARITY:
        return None
    named, _, passage, announcing, items = found[best]
    return named, near[best], passage, announcing, items


def _announced_listing(item: ComposeInput, focus: frozenset[str], phrase: Callable[..., str],
                       closeness: Callable[[list[str]], list[float]]) -> Listing | None:
    found = _announced(item, focus, closeness)
    if found is None:
        return None
    named, near, section, announcing, items = found
    lines = [phrase("named_source_section", title=section.hit.title,
                    section=heading(section.hit.text)),
             f"\n- «{announcing}» [{section.number}]"]
    lines += [f"\n- «{heading(p.hit.text)}» [{p.number}]" for p in items]
    return Listing(named, near, lines)


def _bulleted_listing(item: ComposeInput, focus: frozenset[str], phrase: Callable[..., str],
                      closeness: Callable[[list[str]], list[float]]) -> Listing | None:
    """The bullet points of the named source's section the question asks about ("what tips
    does the Spanish article give?": the bullets under "Tips para un marketing operativo
    eficiente"), each by its first sentence (_point). None when no bulleted section's
    heading carries the question's words or comes close enough to it."""
    if item.kind in ("definition", "quantity", "difference"):
        return None
    sections: dict[tuple[str, str], list[tuple[Passage, str]]] = {}
    own = _own(item)
    for passage in own:
        title = heading(passage.hit.text)
        points = [_point(line) for line in body(passage.hit.text).splitlines()
                  if line.strip().startswith(BULLETS)]
        if title:
            sections.setdefault((passage.hit.source_id, title), []).extend(
                (passage, p) for p in points if p)
    found = [(key, points) for key, points in sections.items() if len(points) >= 2]
    if not found:
        return None
    near = closeness([key[1] for key, _ in found])
    named = [bool(focus & focus_keys(key[1], points[0][0].hit.language, ""))
             for key, points in found]
    best = max(range(len(found)), key=lambda i: (named[i], near[i]))
    if not named[best] and (near[best] < MIN_HEADING_SIMILARITY or any(
            focus & focus_keys(heading(p.hit.text), p.hit.language, "") for p in own)):
        # "que dit-il de la logistique ?": the section "Logística" says it, in sentences; the
        # list under a heading merely near the topic does not answer it
        return None
    (_, title), points = found[best]
    lines = [phrase("named_source_section", title=points[0][0].hit.title, section=title)]
    lines += [f"\n- «{point}» [{passage.number}]" for passage, point in points[:MAX_ITEMS]]
    return Listing(named[best], near[best], lines)


def _own(item: ComposeInput) -> list[Passage]:
    """The named sources' passages in their order."""
    return sorted((p for p in item.passages if p.hit.source_id in item.named),
                  key=lambda p: (p.hit.source_id, p.hit.position))


BULLETS = ("•", "- ", "* ")


def _point(line: str) -> str:
    """A bullet's first sentence, its lead-in with what it says ("Establecer un flujo de
    trabajo entre departamentos: La pieza más importante … es establecer un flujo de trabajo
    …"): the lead-in alone names a point without making it."""
    text = line.strip().lstrip("•-* ").strip()
    first = sentences(text)
    return first[0] if first else text
