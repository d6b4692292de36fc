"""Plan interview tab (placeholder until the interview API is in the facade)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import gradio as gr

from .context import UiContext


@dataclass
class InterviewTab:
    """The interview tab's components and how to relabel them."""

    ctx: UiContext
    note: gr.Markdown
    refresh_outputs: list[Any] = field(default_factory=list)

    @property
    def outputs(self) -> list[Any]:
        return [self.note]

    def relabel(self, lang: str) -> list[Any]:
        return [gr.update(value=self.ctx.text(lang, "interview.unavailable"))]

    def refresh_fn(self, owner: str, lang: str) -> list[Any]:
        return []


def build(ctx: UiContext) -> InterviewTab:
    """Lay out the interview tab."""
    return InterviewTab(ctx, gr.Markdown(ctx.text("en", "interview.unavailable")))
