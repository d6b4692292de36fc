"""Concepts tab: a term in any language to a concept card, with its translations and passages."""

from __future__ import annotations

from typing import Any

import gradio as gr

from ..errors import ConceptNotFound
from ..search.concepts import ConceptCard
from ..settings import LANGUAGES
from .context import UiContext
from .i18n import LANGUAGE_CHOICES, ui_lang
from .render import escape, escape_inline, quote

LINKS = 8  # related-concept buttons kept ready, shown as needed


class ConceptsPage:
    """The concepts tab: `layout` places the components, `wire` registers their events, the
    handlers are methods; the facade (`ctx.assistant`) is their only way into the core."""

    def __init__(self, ctx: UiContext) -> None:
        self.ctx = ctx

    def layout(self) -> None:
        """Place the components (call inside a `gr.Tab`)."""
        t, lang0 = self.ctx.text, "en"
        self.intro = gr.Markdown(t(lang0, "concepts.intro"), elem_classes="intro")
        with gr.Row(equal_height=True):
            self.term = gr.Textbox(label=t(lang0, "concepts.term_label"), scale=4,
                                   elem_id="concept-term",
                                   placeholder=t(lang0, "concepts.term_placeholder"))
            self.card_lang = gr.Radio(LANGUAGE_CHOICES, value=lang0, scale=3, elem_id="card-lang",
                                      label=t(lang0, "concepts.card_language"))
            self.lookup = gr.Button(t(lang0, "concepts.lookup"), variant="primary", scale=1,
                                    elem_id="concept-lookup")
        self.concept_id = gr.State("")
        self.card = gr.Markdown(f"*{t(lang0, 'concepts.empty')}*", elem_id="concept-card",
                                elem_classes="card", label="card")
        self.links_label = gr.Markdown("", elem_classes="links-label", label="links_title")
        with gr.Row(elem_classes="links"):
            self.links = [gr.Button("", size="sm", visible=False, elem_classes="concept-link")
                          for _ in range(LINKS)]
        with gr.Row(elem_id="concept-translations", visible=False) as self.translations:
            self.others = [gr.Markdown("", elem_classes="translation",
                                       label=f"translation_{i + 1}")
                           for i in range(len(LANGUAGES) - 1)]
        self.passages = gr.Markdown("", elem_id="concept-passages", label="passages")

    @property
    def shown(self) -> list[Any]:
        """What `show` fills: the concept, its card, links, translations and passages."""
        return [self.concept_id, self.card, self.links_label, *self.links, self.translations,
                *self.others, self.passages]

    def wire(self) -> None:
        """Register the events: look a term up, show the card in another language, follow a
        related concept."""
        inputs = [self.term, self.card_lang, self.ctx.lang]
        self.lookup.click(self.show, inputs, self.shown, api_name="concept")
        self.term.submit(self.show, inputs, self.shown, api_visibility="private")
        self.card_lang.change(self.switch, [self.concept_id, self.card_lang, self.ctx.lang],
                              self.shown, api_visibility="private")
        for link in self.links:
            link.click(lambda name: name, link, self.term, queue=False,
                       api_visibility="private").then(self.show, inputs, self.shown,
                                                      api_visibility="private")

    @property
    def outputs(self) -> list[Any]:
        """Components whose labels follow the UI language, in `relabel` order."""
        return [self.intro, self.term, self.card_lang, self.lookup, self.card]

    def relabel(self, lang: str) -> list[Any]:
        """Updates that put every label in `lang` (the card follows the UI language)."""
        t = self.ctx.text
        return [
            gr.update(value=t(lang, "concepts.intro")),
            gr.update(label=t(lang, "concepts.term_label"),
                      placeholder=t(lang, "concepts.term_placeholder")),
            gr.update(label=t(lang, "concepts.card_language"), value=lang),
            gr.update(value=t(lang, "concepts.lookup")),
            f"*{t(lang, 'concepts.empty')}*",  # a card shown before is in the old language
        ]

    def show(self, text: str, shown_in: str, lang: str) -> list[Any]:
        """Resolve the term and fill the card, the links, the translations and the passages."""
        ctx, t = self.ctx, self.ctx.text
        a, card_in = ctx.assistant, ui_lang(shown_in)
        try:
            found = a.concept(text, lang=card_in)
        except ConceptNotFound as err:
            names = [a.concept_name(cid, card_in)
                     for cid in err.params.get("suggestions", [])][:LINKS]
            gr.Warning(escape(a.prompts.phrase("errors", ui_lang(lang), "concept_not_found",
                                                       term=text.strip())),  # toasts are HTML
                       title=t(lang, "notify.warning"))
            missing = t(lang, "concepts.no_result", term=escape_inline(text.strip()))
            hint = "" if names else f"\n\n{t(lang, 'concepts.no_suggestion')}"
            return ["", f"**{missing}**{hint}",
                    f"**{t(lang, 'concepts.suggestions')}**" if names else "",
                    *_links(names), gr.update(visible=False), *[""] * len(self.others), ""]
        except Exception as err:  # noqa: BLE001 - every failure becomes a message
            raise ctx.error(err, lang) from None
        names = [r["name"] for r in found.related][:LINKS]
        columns = [translation_markdown(code, found.translations[code], lang, ctx)
                   for code in LANGUAGES if code in found.translations]
        return [found.id, card_markdown(found, lang, ctx),
                f"**{t(lang, 'concepts.related')}**" if names else "", *_links(names),
                gr.update(visible=bool(columns)), *columns, passages_markdown(found, lang, ctx)]

    def switch(self, cid: str, shown_in: str, lang: str) -> list[Any]:
        """Show the current concept in another language (nothing to do before a lookup)."""
        if not cid:
            return [gr.skip()] * len(self.shown)
        return self.show(self.ctx.assistant.concept_name(cid, "en"), shown_in, lang)


def card_markdown(card: ConceptCard, lang: str, ctx: UiContext) -> str:
    """The main card: name, aliases and explanation, all escaped."""
    t = ctx.text
    parts = [f"## {escape_inline(card.name)}"]
    if card.aliases:
        names = ", ".join(escape_inline(a) for a in card.aliases)
        parts.append(f"*{t(lang, 'concepts.aliases')}: {names}*")
    if card.notice:  # the text is another language's: say so before it
        parts.append(f"> {escape_inline(card.notice)}")
    parts.append(escape(card.explanation))
    return "\n\n".join(parts)


def translation_markdown(code: str, entry: dict[str, Any], lang: str, ctx: UiContext) -> str:
    """The same concept in another language, for a side-by-side column."""
    label = ctx.text.language(lang, code).capitalize()
    return (f"<small>{escape_inline(label)}</small>\n\n### {escape_inline(entry['name'])}\n\n"
            f"{escape(entry['explanation'])}")


def passages_markdown(card: ConceptCard, lang: str, ctx: UiContext) -> str:
    """The article passages that discuss the concept, each with its title and language."""
    t = ctx.text
    parts = [f"### {t(lang, 'concepts.passages')}"]
    if not card.passages:
        parts.append(f"*{t(lang, 'concepts.no_passages')}*")
    for passage in card.passages:
        source = t(lang, "concepts.passage_from", title=escape_inline(passage.get("title", "")),
                   language=t.language(lang, str(passage.get("language", ""))))
        parts.append(f"**{source}**\n\n{quote(passage.get('text', ''))}")
    return "\n\n".join(parts)


def build(ctx: UiContext) -> ConceptsPage:
    """Lay out the concepts tab and wire its events (call inside a `gr.Tab`)."""
    page = ConceptsPage(ctx)
    page.layout()
    page.wire()
    return page


def _links(names: list[str]) -> list[Any]:
    return [gr.update(value=names[i], visible=True) if i < len(names)
            else gr.update(value="", visible=False) for i in range(LINKS)]
