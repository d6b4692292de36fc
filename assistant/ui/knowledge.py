"""Knowledge tab: the sources answers come from, and the user's own documents."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import gradio as gr

from ..errors import UploadRejected
from ..indexing.registry import SourceRecord
from .context import UiContext, owner_id
from .files import discard_upload, upload_path
from .identity import verified_id
from .render import escape_inline

FILE_TYPES = [".txt", ".md", ".pdf", ".docx"]


class KnowledgePage:
    """The knowledge tab: `layout` places the components, `wire` registers their events, the
    handlers are methods; the facade (`ctx.assistant`) is their only way into the core."""

    def __init__(self, ctx: UiContext) -> None:
        self.ctx = ctx

    def layout(self) -> None:
        """Place the components (call inside a `gr.Tab`)."""
        t, lang0 = self.ctx.text, "en"
        self.intro = gr.Markdown(t(lang0, "knowledge.intro"), elem_classes="intro")
        with gr.Row():
            with gr.Column(scale=3):
                self.summary = gr.Markdown("", elem_id="sources-summary", label="sources_summary")
                self.table = gr.HTML(sources_html([], lang0, self.ctx), elem_id="sources-table",
                                     label="sources", padding=False)
            with gr.Column(scale=2):
                self.upload = gr.File(label=t(lang0, "knowledge.upload"), file_types=FILE_TYPES,
                                      file_count="single", type="filepath", elem_id="upload",
                                      height=160)
                self.status = gr.Markdown("", elem_id="upload-status", label="status")
                self.mine = gr.Dropdown([], label=t(lang0, "knowledge.remove_label"),
                                        interactive=True, allow_custom_value=True,
                                        elem_id="my-documents")
                self.remove = gr.Button(t(lang0, "knowledge.remove"), variant="stop", size="sm",
                                        elem_id="remove-document")

    def wire(self) -> None:
        """Register the events: an upload is indexed, a document removed, the list refreshed."""
        ctx, listing = self.ctx, self.refresh_outputs
        # Several users' uploads are indexed at once; each user's one at a time (OwnerSlots).
        # Unprocessed (`preprocess=False`): see files.upload_path.
        self.upload.upload(
            self.add, [self.upload, ctx.owner, ctx.lang], [self.upload, self.status],
            api_name="upload", concurrency_limit=ctx.assistant.settings.upload_concurrency,
            concurrency_id="uploads", preprocess=False).then(
            self.refresh_fn, [ctx.owner, ctx.lang], listing, api_visibility="private")
        self.remove.click(self.drop, [self.mine, ctx.owner, ctx.lang], self.status,
                          api_name="remove_document").then(
            self.refresh_fn, [ctx.owner, ctx.lang], listing, api_visibility="private")

    @property
    def outputs(self) -> list[Any]:
        """Components whose labels follow the UI language, in `relabel` order."""
        return [self.intro, self.upload, self.remove]

    def relabel(self, lang: str) -> list[Any]:
        """Updates that put every label in `lang` (tables are refreshed separately)."""
        t = self.ctx.text
        return [gr.update(value=t(lang, "knowledge.intro")),
                gr.update(label=t(lang, "knowledge.upload")),
                gr.update(value=t(lang, "knowledge.remove"))]

    @property
    def refresh_outputs(self) -> list[Any]:
        """What `refresh_fn(owner, lang)` fills."""
        return [self.table, self.summary, self.mine]

    def refresh_fn(self, owner: str, lang: str, request: gr.Request) -> list[Any]:
        """The sources this user can see, and their own uploads for removal."""
        ctx, t = self.ctx, self.ctx.text
        try:
            records = ctx.assistant.sources(owner=owner_id(owner, request))
        except Exception as err:  # noqa: BLE001 - every failure becomes a message
            raise ctx.error(err, lang) from None
        uploads = [r for r in records if r.kind == "upload"]
        summary_text = t(lang, "knowledge.summary", total=len(records),
                         builtin=len(records) - len(uploads), uploads=len(uploads))
        choices = [(r.title, r.source_id) for r in uploads]
        return [
            sources_html(records, lang, ctx),
            f"**{t(lang, 'knowledge.sources')}** · {summary_text}",
            gr.update(choices=choices, value=choices[0][1] if choices else None,
                      label=t(lang, "knowledge.remove_label"),
                      info="" if choices else t(lang, "knowledge.none_uploaded")),
        ]

    def add(self, payload: Any, owner: str, lang: str, request: gr.Request,
            progress: gr.Progress = gr.Progress()) -> tuple[Any, str]:  # noqa: B008 - Gradio API
        """Check and index one uploaded file for this user, with a progress bar."""
        ctx, t, path = self.ctx, self.ctx.text, upload_path(payload)
        if not path:
            return gr.skip(), ""
        name = Path(path).name
        if not ctx.uploads.take(verified_id(request), path):  # another's file: left alone
            raise ctx.error(UploadRejected(name=name, reason="not_yours"), lang)
        progress(0.0, desc=t(lang, "knowledge.progress_read", name=name))

        def report(fraction: float, _label: str) -> None:
            key = "knowledge.progress_read" if fraction < 0.3 else "knowledge.progress_index"
            progress(fraction, desc=t(lang, key, name=name))

        # Checked by size before it is read, and deleted from Gradio's cache once read,
        # whatever the outcome: the indexed text is kept in the data folder, not the file.
        try:
            record = index_upload(ctx, Path(path), owner_id(owner, request), report)
        except Exception as err:  # noqa: BLE001
            # One message, in the status line under the drop zone, which comes back empty: a
            # raised error would leave Gradio's red "Error" badges in place of both.
            return None, f"⚠ {ctx.message(err, lang)}"
        finally:
            discard_upload(path)
        done = t(lang, "knowledge.added", title=escape_inline(record.title), chunks=record.chunks,
                 language=t.language(lang, record.language))
        return None, f"✓ {done}"

    def drop(self, source_id: str | None, owner: str, lang: str, request: gr.Request) -> str:
        """Remove one of the user's own documents."""
        if not source_id:
            return ""
        ctx = self.ctx
        try:
            who = owner_id(owner, request)
            titles = {r.source_id: r.title for r in ctx.assistant.sources(owner=who)}
            ctx.assistant.remove_document(source_id, owner=who)
        except Exception as err:  # noqa: BLE001
            raise ctx.error(err, lang) from None
        return ctx.text(lang, "knowledge.removed",
                        title=escape_inline(titles.get(source_id, source_id)))


def index_upload(ctx: UiContext, path: Path, owner: str, report: Any) -> SourceRecord:
    """Refuse a file of another type or over the size limit (before reading it), else index
    it for `owner` through the facade."""
    name, limit_mb = path.name, ctx.assistant.settings.upload_max_mb
    if path.suffix.lower() not in FILE_TYPES:
        raise UploadRejected(name=name, reason="unsupported")
    if path.stat().st_size > limit_mb * 2**20:
        raise UploadRejected(name=name, reason="too_large", limit_mb=f"{limit_mb:g}")
    return ctx.assistant.add_document(name, path.read_bytes(), owner, progress=report)


def source_rows(records: list[SourceRecord], lang: str, ctx: UiContext) -> list[list[Any]]:
    """One table row per source: title, language, kind, passages (titles shown as text)."""
    t = ctx.text
    return [[r.title, t.language(lang, r.language), t.kind(lang, r.kind), r.chunks]
            for r in sorted(records, key=lambda r: (r.kind != "upload", r.kind, r.title.lower()))]


def sources_html(records: list[SourceRecord], lang: str, ctx: UiContext) -> str:
    """The sources as an HTML table whose cells carry their column name (`data-label`), so a
    phone shows each row as a card and no column is squeezed until its words break; every
    value is escaped (a title is shown as text, never run as HTML)."""
    headers = _headers(lang, ctx)
    head = "".join(f"<th scope=\"col\">{html.escape(h)}</th>" for h in headers)
    rows = "".join(
        "<tr>" + "".join(f"<td data-label=\"{html.escape(h)}\">{html.escape(str(v))}</td>"
                         for h, v in zip(headers, row, strict=True)) + "</tr>"
        for row in source_rows(records, lang, ctx))
    # The list scrolls inside its box: focusable, so a keyboard can scroll it too.
    name = html.escape(t_sources(lang, ctx))
    return (f"<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{name}\">"
            f"<table><thead><tr>{head}</tr></thead>"
            f"<tbody>{rows}</tbody></table></div>")


def build(ctx: UiContext) -> KnowledgePage:
    """Lay out the knowledge tab and wire its events (call inside a `gr.Tab`)."""
    page = KnowledgePage(ctx)
    page.layout()
    page.wire()
    return page


def t_sources(lang: str, ctx: UiContext) -> str:
    """The sources list's name in the UI language."""
    return ctx.text(lang, "knowledge.sources")


def _headers(lang: str, ctx: UiContext) -> list[str]:
    t = ctx.text
    return [t(lang, f"knowledge.columns.{key}") for key in ("title", "language", "kind", "chunks")]
