"""The interview tab's layout: the question area, the summary with what was understood, the
plan view, and which components follow the UI language; `InterviewPage` (interview.py) wires
and answers the events."""

from __future__ import annotations

from typing import Any

import gradio as gr

from . import plan_view
from .context import UiContext
from .interview_steps import LABELLED, OPTIONS


class InterviewLayout:
    """The interview tab's components and the lists of them its events read and fill."""

    def __init__(self, ctx: UiContext) -> None:
        self.ctx = ctx

    # -- layout ---------------------------------------------------------------------------

    def layout(self) -> None:
        """Place the components (call inside a `gr.Tab`)."""
        t, lang0 = self.ctx.text, "en"
        self.interview_id, self.plan_id, self.choice_values = (gr.State(""), gr.State(""),
                                                               gr.State([]))
        self.intro = gr.Markdown(t(lang0, "interview.intro"), elem_classes="intro",
                                 label="intro")
        with gr.Row(equal_height=True):
            self.saved = gr.Dropdown([], label=t(lang0, "interview.saved"), scale=4,
                                     elem_id="saved-work")
            self.resume = gr.Button(t(lang0, "interview.resume"), scale=1, elem_id="resume")
            self.new = gr.Button(t(lang0, "interview.new"), variant="primary", scale=1,
                                 elem_id="new-interview")
        self._layout_asking(t, lang0)
        self.current_values = gr.State({})  # slot -> its current answer, for the editor
        self._layout_summary(t, lang0)
        self.plan = plan_view.build(self.ctx, self.plan_id)

    def _layout_asking(self, t: Any, lang0: str) -> None:
        """The question, its options, the answer box and back/skip/why/next."""
        # Groups take classes, not ids: Gradio writes a group's id on two nested elements.
        with gr.Group(visible=False, elem_classes="asking") as self.asking:
            self.progress = gr.Markdown("", elem_id="iv-progress", label="progress")
            self.notes = gr.Markdown("", elem_id="iv-notes", label="notes")
            self.question = gr.Markdown("", elem_id="iv-question", label="question")
            with gr.Row(elem_classes="links"):
                self.options = [gr.Button("", size="sm", visible=False,
                                          elem_classes="iv-option") for _ in range(OPTIONS)]
            # One line that grows: Enter sends the answer, as in the chat box.
            self.answer = gr.Textbox(label=t(lang0, "interview.answer"), lines=1, max_lines=6,
                                     elem_id="iv-answer")
            with gr.Row():
                self.back = gr.Button(t(lang0, "interview.back"), size="sm", elem_id="iv-back")
                self.skip = gr.Button(t(lang0, "interview.skip"), size="sm", elem_id="iv-skip")
                self.why = gr.Button(t(lang0, "interview.why"), size="sm", elem_id="iv-why")
                self.nxt = gr.Button(t(lang0, "interview.next"), variant="primary",
                                     elem_id="iv-next")

    def _layout_summary(self, t: Any, lang0: str) -> None:
        """The summary: what was understood (corrected by choosing or in words), each answer
        editable, and the button that drafts the plan."""
        with gr.Group(visible=False, elem_classes="iv-summary-box") as self.summary:
            self.table = gr.Markdown("", elem_id="iv-summary", label="summary")
            self.understood_title = gr.Markdown(
                t(lang0, "interview.understood_title"), elem_classes="understood-title",
                label="understood")
            with gr.Row(elem_id="iv-understood"):
                self.kind, self.goals, self.channels, self.excluded = [
                    gr.Dropdown([], multiselect=None if key == "type" else True, min_width=220,
                                label=t(lang0, f"interview.understood_{key}"),
                                elem_id=f"iv-u-{key}")
                    for key in ("type", "goals", "channels", "excluded")]
            self.apply = gr.Button(t(lang0, "interview.understood_apply"), elem_id="iv-u-apply")
            with gr.Row(equal_height=True, elem_id="iv-edit"):
                self.slot = gr.Dropdown([], label=t(lang0, "interview.edit_slot"),
                                        elem_id="iv-edit-slot")
                self.value = gr.Textbox(label=t(lang0, "interview.edit_value"),
                                        elem_id="iv-edit-value")
                self.change = gr.Button(t(lang0, "interview.change"), elem_id="iv-change")
            with gr.Row(equal_height=True, elem_id="iv-correct-row"):
                self.correct = gr.Textbox(label=t(lang0, "interview.correct"), scale=4,
                                          placeholder=t(lang0, "interview.correct_placeholder"),
                                          elem_id="iv-correct")
                self.correct_send = gr.Button(t(lang0, "interview.change"), scale=1,
                                              elem_id="iv-correct-send")
            self.confirm = gr.Button(t(lang0, "interview.confirm"), variant="primary",
                                     elem_id="iv-confirm")

    @property
    def outputs(self) -> list[Any]:
        """Components whose words follow the UI language, in `relabel` order."""
        return [getattr(self, name) for name, _, _ in LABELLED] + self.plan.outputs

    def relabel(self, lang: str) -> list[Any]:
        """Updates that put every label in `lang`."""
        t = self.ctx.text
        return [gr.update(**{prop: t(lang, f"interview.{key}")}) for _, prop, key in
                LABELLED] + self.plan.relabel(lang)

    @property
    def follow_outputs(self) -> list[Any]:
        """What a step fills, in `step_updates` order."""
        return [self.interview_id, self.plan_id, self.choice_values, self.asking,
                self.progress, self.notes, self.question, *self.options, self.skip, self.answer,
                self.summary, self.table, self.slot, self.value, self.current_values,
                self.kind, self.goals, self.channels, self.excluded, *self.plan.show_outputs,
                self.saved]

    @property
    def follow_inputs(self) -> list[Any]:
        return [self.interview_id, self.plan_id, self.plan.section, self.ctx.owner,
                self.ctx.lang]

    @property
    def refresh_outputs(self) -> list[Any]:
        return [self.saved]
