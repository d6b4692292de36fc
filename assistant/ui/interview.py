"""Plan interview tab: one question at a time, options, back/skip, summary, then the plan."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import gradio as gr

from . import plan_view
from .context import UiContext, owner_id
from .i18n import saved_date, ui_lang
from .render import escape, escape_inline

OPTIONS = 8  # choice buttons kept ready, shown as needed


@dataclass
class InterviewTab:
    """The interview tab's components, how to relabel them and how to list saved work."""

    ctx: UiContext
    labelled: list[tuple[Any, str, str]]  # (component, property, phrase key)
    plan: plan_view.PlanView
    saved: gr.Dropdown
    # Selecting the tab shows the work under way (the chat's interview, a drafted plan).
    follow_fn: Any = None
    show_fn: Any = None  # (item "plan:<id>" | "interview:<id>", owner, lang) -> outputs
    follow_inputs: list[Any] = field(default_factory=list)
    follow_outputs: list[Any] = field(default_factory=list)

    @property
    def outputs(self) -> list[Any]:
        return [c for c, _, _ in self.labelled] + self.plan.outputs

    def relabel(self, lang: str) -> list[Any]:
        t = self.ctx.text
        return [gr.update(**{prop: t(lang, f"interview.{key}")}) for _, prop, key in
                self.labelled] + self.plan.relabel(lang)

    @property
    def refresh_outputs(self) -> list[Any]:
        return [self.saved]

    def refresh_fn(self, owner: str, lang: str, request: gr.Request) -> Any:
        """The user's saved interviews and plans, newest first, to resume."""
        t, a, who = self.ctx.text, self.ctx.assistant, owner_id(owner, request)
        try:
            plans = [(t(lang, "interview.plan_item", business=p.plan.get("business") or p.title,
                        date=saved_date(p.updated_at, lang)),
                      f"plan:{p.id}") for p in a.plans.list_plans(who)]
            interviews = [(t(lang, "interview.interview_item",
                             business=v.title or t(lang, "interview.unnamed"),
                             date=saved_date(v.updated_at, lang), step=v.step, total=v.total),
                           f"interview:{v.interview_id}")
                          for v in a.plans.list_interviews(who) if not v.plan_id]
        except Exception as err:  # noqa: BLE001 - every failure becomes a message
            raise self.ctx.error(err, lang) from None
        choices = plans + interviews
        return gr.update(choices=choices, value=choices[0][1] if choices else None)


def build(ctx: UiContext) -> InterviewTab:
    """Lay out the interview tab and wire its events (call inside a `gr.Tab`)."""
    t, lang0 = ctx.text, "en"
    interview_id, plan_id, choice_values = gr.State(""), gr.State(""), gr.State([])
    intro = gr.Markdown(t(lang0, "interview.intro"), elem_classes="intro", label="intro")
    with gr.Row(equal_height=True):
        saved = gr.Dropdown([], label=t(lang0, "interview.saved"), scale=4, elem_id="saved-work")
        resume = gr.Button(t(lang0, "interview.resume"), scale=1, elem_id="resume")
        new = gr.Button(t(lang0, "interview.new"), variant="primary", scale=1,
                        elem_id="new-interview")
    # Groups take classes, not ids: Gradio writes a group's id on two nested elements.
    with gr.Group(visible=False, elem_classes="asking") as asking:
        progress = gr.Markdown("", elem_id="iv-progress", label="progress")
        notes = gr.Markdown("", elem_id="iv-notes", label="notes")
        question = gr.Markdown("", elem_id="iv-question", label="question")
        with gr.Row(elem_classes="links"):
            options = [gr.Button("", size="sm", visible=False, elem_classes="iv-option")
                       for _ in range(OPTIONS)]
        # One line that grows: Enter sends the answer, as in the chat box.
        answer = gr.Textbox(label=t(lang0, "interview.answer"), lines=1, max_lines=6,
                            elem_id="iv-answer")
        with gr.Row():
            back = gr.Button(t(lang0, "interview.back"), size="sm", elem_id="iv-back")
            skip = gr.Button(t(lang0, "interview.skip"), size="sm", elem_id="iv-skip")
            why = gr.Button(t(lang0, "interview.why"), size="sm", elem_id="iv-why")
            nxt = gr.Button(t(lang0, "interview.next"), variant="primary", elem_id="iv-next")
    current_values = gr.State({})  # slot -> its current answer, to start the editor with
    with gr.Group(visible=False, elem_classes="iv-summary-box") as summary:
        table = gr.Markdown("", elem_id="iv-summary", label="summary")
        # What was understood, corrected by choosing (business type, goals, channels).
        understood_title = gr.Markdown(t(lang0, "interview.understood_title"),
                                       elem_classes="understood-title", label="understood")
        with gr.Row(elem_id="iv-understood"):
            kind = gr.Dropdown([], label=t(lang0, "interview.understood_type"),
                               elem_id="iv-u-type", min_width=220)
            goals = gr.Dropdown([], multiselect=True, label=t(lang0, "interview.understood_goals"),
                                elem_id="iv-u-goals", min_width=220)
            channels = gr.Dropdown([], multiselect=True, elem_id="iv-u-channels", min_width=220,
                                   label=t(lang0, "interview.understood_channels"))
            excluded = gr.Dropdown([], multiselect=True, elem_id="iv-u-excluded", min_width=220,
                                   label=t(lang0, "interview.understood_excluded"))
        apply = gr.Button(t(lang0, "interview.understood_apply"), elem_id="iv-u-apply")
        with gr.Row(equal_height=True, elem_id="iv-edit"):
            slot = gr.Dropdown([], label=t(lang0, "interview.edit_slot"), elem_id="iv-edit-slot")
            value = gr.Textbox(label=t(lang0, "interview.edit_value"), elem_id="iv-edit-value")
            change = gr.Button(t(lang0, "interview.change"), elem_id="iv-change")
        with gr.Row(equal_height=True, elem_id="iv-correct-row"):
            correct = gr.Textbox(label=t(lang0, "interview.correct"), scale=4,
                                 placeholder=t(lang0, "interview.correct_placeholder"),
                                 elem_id="iv-correct")
            correct_send = gr.Button(t(lang0, "interview.change"), scale=1,
                                     elem_id="iv-correct-send")
        confirm = gr.Button(t(lang0, "interview.confirm"), variant="primary", elem_id="iv-confirm")
    plan = plan_view.build(ctx, plan_id)
    tab = InterviewTab(ctx, [], plan, saved)

    def render(view: Any, who: str, lang: str) -> list[Any]:
        """Every output of a step, from the interview's current view."""
        at_summary = view.slot is None
        shown = [] if at_summary else [c.label for c in view.choices][:OPTIONS - 1]
        values = [] if at_summary else [c.value for c in view.choices][:OPTIONS - 1]
        if view.example and not at_summary:
            example = view.example.split(":", 1)[-1].strip()
            shown, values = [*shown, t(lang, "interview.use_example")], [*values, example]
        tag = f" · *{t(lang, 'interview.optional')}*" if view.optional else ""
        head = f"**{t(lang, 'interview.progress', step=view.step, total=view.total)}**{tag}"
        rows = "\n".join(f"- **{escape_inline(i.label)}:** {escape_inline(i.value) or '—'}"
                         for i in view.summary)
        understood = getattr(view, "understood", "")  # "I understood: …" (the business, goals…)
        hint = getattr(view, "understood_hint", "")
        seen = (f"> {escape(understood)}\n\n*{escape(hint)}*\n\n" if hint else
                f"> {escape(understood)}\n\n") if understood else ""
        summary_md = (f"## {t(lang, 'interview.summary_title')}\n\n{seen}{rows}"
                      if at_summary else "")
        done = bool(view.plan_id)
        return [
            view.interview_id, view.plan_id or "", values,
            gr.update(visible=not at_summary and not done), head,
            "\n\n".join(f"> {escape(m)}" for m in view.messages),
            f"## {escape(view.question)}\n\n*{escape(view.example)}*" if view.example
            else f"## {escape(view.question)}",
            *[gr.update(value=shown[i], visible=True) if i < len(shown)
              else gr.update(visible=False) for i in range(OPTIONS)],
            gr.update(visible=view.optional), view.current_value or "",
            gr.update(visible=at_summary and not done), summary_md,
            gr.update(choices=[(i.label, i.slot) for i in view.summary],
                      value=view.summary[0].slot if view.summary else None),
            view.summary[0].value if view.summary else "",
            {i.slot: i.value for i in view.summary},
            *understood_fields(view.interview_id if at_summary and not done else "", who, lang),
            *plan.show(view.plan_id, who),
        ]

    def understood_fields(iid: str, who: str, lang: str) -> list[Any]:
        """The four choosers, set to what the answers mean now (names in the UI language)."""
        found = ctx.assistant.plans.understood(iid, who) if iid else None
        if found is None:
            return [gr.skip()] * 4
        book, code = ctx.assistant.plans.playbook, ui_lang(lang)

        def options(items: dict[str, Any]) -> list[tuple[str, str]]:
            return sorted(((v.names.get(code) or k, k) for k, v in items.items()),
                          key=lambda pair: pair[0].casefold())
        channel_choices = options(book.channels)
        return [gr.update(choices=options(book.business_types), value=found.business_type),
                gr.update(choices=options(book.goals), value=[g.goal_id for g in found.goals]),
                gr.update(choices=channel_choices, value=list(found.channel_ids)),
                gr.update(choices=channel_choices, value=list(found.excluded_ids))]

    outputs = [interview_id, plan_id, choice_values, asking, progress, notes, question,
               *options, skip, answer, summary, table, slot, value, current_values,
               kind, goals, channels, excluded, *plan.show_outputs]

    def step(action: str, iid: str, text: str, owner: str, lang: str,
             request: gr.Request, key: str = "") -> list[Any]:
        a, who = ctx.assistant, owner_id(owner, request)
        try:
            if action == "new":
                view = a.plans.start_interview(who, ui_lang(lang))
            elif action == "open":
                kind, _, ident = (text or "").partition(":")
                if kind == "plan":
                    return open_plan(ident, who)
                view = a.plans.get_interview(ident, who)
            elif action == "answer":
                view = a.plans.answer(iid, text, who)
            elif action == "edit":
                view = a.plans.edit(iid, key, text, who)
            elif action == "confirm":
                view = a.plans.confirm(iid, who)
            else:
                view = getattr(a.plans, action)(iid, who)  # back, skip, why
        except Exception as err:  # noqa: BLE001 - every failure becomes a message
            raise ctx.error(err, lang) from None
        return render(view, who, lang)

    def open_plan(ident: str, who: str) -> list[Any]:
        """Show a saved plan on its own: the question and summary areas are hidden."""
        updates: list[Any] = [gr.skip()] * (len(outputs) - len(plan.show_outputs))
        updates[1], updates[3] = ident, gr.update(visible=False)
        updates[next(i for i, c in enumerate(outputs) if c is summary)] = gr.update(visible=False)
        return updates + plan.show(ident, who)

    def act(action: str) -> Any:
        def run(iid: str, answer: str, owner: str, lang: str, request: gr.Request) -> list[Any]:
            return step(action, iid, answer, owner, lang, request)
        return run

    def open_saved(iid: str, saved_item: str, owner: str, lang: str,
                   request: gr.Request) -> list[Any]:
        if not saved_item:
            raise gr.Error(t(lang, "interview.pick_saved"), title=t(lang, "notify.warning"))
        return step("open", iid, saved_item, owner, lang, request)

    def edit(iid: str, answer_to_change: str, new_value: str, owner: str, lang: str,
             request: gr.Request) -> list[Any]:
        return step("edit", iid, new_value, owner, lang, request, key=answer_to_change)

    def correct_by_choosing(iid: str, business_type: str | None, goal_ids: list[str],
                            channel_ids: list[str], excluded_ids: list[str], owner: str,
                            lang: str, request: gr.Request) -> list[Any]:
        """Apply the choosers that differ from what was understood, then show the summary."""
        a, who = ctx.assistant, owner_id(owner, request)
        try:
            found = a.plans.understood(iid, who)
            view = None
            if found is not None:
                wanted = {"business_type": business_type, "goals": list(goal_ids or []),
                          "channels": list(channel_ids or []),
                          "excluded": list(excluded_ids or [])}
                now = {"business_type": found.business_type,
                       "goals": [g.goal_id for g in found.goals],
                       "channels": list(found.channel_ids), "excluded": list(found.excluded_ids)}
                for field, value in wanted.items():
                    if value != now[field] and (value or field in ("channels", "excluded")):
                        view = a.plans.correct(iid, field, value, who)
            view = view or a.plans.summary(iid, who)
        except Exception as err:  # noqa: BLE001 - every failure becomes a message
            raise ctx.error(err, lang) from None
        return render(view, who, lang)

    def option(i: int) -> Any:
        def run(iid: str, values: list[str], owner: str, lang: str,
                request: gr.Request) -> list[Any]:
            return step("answer", iid, values[i] if i < len(values) else "", owner, lang,
                        request)
        return run

    def follow(iid: str, pid: str, owner: str, lang: str, request: gr.Request) -> list[Any]:
        """On selecting the tab: the interview under way as the chat left it (its pending
        question) when it is newer than the newest plan; the interview shown, refreshed (a
        plan drafted in the chat meanwhile shows); the newest plan when nothing is shown."""
        a, who = ctx.assistant, owner_id(owner, request)
        try:
            now = a.conversation.current(who)
            if now and now[0] == "interview":
                return render(a.plans.get_interview(now[1], who), who, lang)
            if iid and not pid:
                return render(a.plans.get_interview(iid, who), who, lang)
            if now and not iid and not pid:
                return open_plan(now[1], who)
        except Exception:  # noqa: BLE001 - nothing to follow: the tab stays as it was
            pass
        return [gr.skip()] * len(outputs)

    def show_item(item: str, owner: str, lang: str, request: gr.Request) -> list[Any]:
        """Show what the chat works on ("plan:<id>", "interview:<id>") in this tab."""
        return step("open", "", item, owner, lang, request)

    def confirm_with_progress(iid: str, text: str, owner: str, lang: str,
                              request: gr.Request) -> Iterator[list[Any]]:
        """Draft the plan; with a model, the summary area says which section it is writing."""
        from .chat import turn_with_progress

        a, who = ctx.assistant, owner_id(owner, request)
        prompts, code = a.prompts, ui_lang(lang)
        where = outputs.index(table)
        lines: list[str] = []

        def heard(report: Any) -> Any:
            def progress(section: str, event: str, attempt: int) -> None:
                name = prompts.phrase("plan", code, f"headings.{section}")
                report(prompts.phrase("plan", code, f"drafting.progress_{event}",
                                      section=name, attempt=attempt))
            return a.plans.confirm(iid, who, progress=progress)

        view = None
        try:
            for item in turn_with_progress(heard):
                if isinstance(item, str):
                    lines.append(f"- *{escape_inline(item)}*")
                    updates: list[Any] = [gr.skip()] * len(outputs)
                    updates[where] = "\n".join(lines)
                    yield updates
                else:
                    view = item
        except Exception as err:  # noqa: BLE001 - every failure becomes a message
            raise ctx.error(err, lang) from None
        if view is not None and view.plan_id:
            notes = a.plans.get_plan(view.plan_id, who).draft_notes
            if notes:  # which sections kept the standard version, in the plan's language
                gr.Warning(" ".join(notes), title=t(lang, "notify.warning"))
        yield render(view, who, lang)

    base = [interview_id, answer, ctx.owner, ctx.lang]
    new.click(act("new"), base, outputs, api_name="start_interview")
    resume.click(open_saved, [interview_id, saved, ctx.owner, ctx.lang], outputs,
                 api_name="open_saved")
    nxt.click(act("answer"), base, outputs, api_name="answer")
    answer.submit(act("answer"), base, outputs, api_visibility="private")
    back.click(act("back"), base, outputs, api_name="back")
    skip.click(act("skip"), base, outputs, api_name="skip")
    why.click(act("why"), base, outputs, api_visibility="private")
    change.click(edit, [interview_id, slot, value, ctx.owner, ctx.lang], outputs,
                 api_name="edit_answer")
    # At the summary, words correct what was understood ("it's a gym", "no Facebook").
    correct_inputs = [interview_id, correct, ctx.owner, ctx.lang]
    correct.submit(act("answer"), correct_inputs, outputs, api_visibility="private").success(
        lambda: "", None, correct, api_visibility="private", queue=False)
    correct_send.click(act("answer"), correct_inputs, outputs, api_name="correct").success(
        lambda: "", None, correct, api_visibility="private", queue=False)
    apply.click(correct_by_choosing, [interview_id, kind, goals, channels, excluded, ctx.owner,
                                      ctx.lang], outputs, api_name="correct_understood")
    confirm.click(confirm_with_progress, base, outputs, api_name="confirm").success(
        tab.refresh_fn, [ctx.owner, ctx.lang], tab.refresh_outputs, api_visibility="private")
    slot.input(lambda key, values: values.get(key, ""), [slot, current_values], value,
               api_visibility="private", queue=False)
    for i, button in enumerate(options):
        button.click(option(i), [interview_id, choice_values, ctx.owner, ctx.lang], outputs,
                     api_visibility="private")
    labelled = [(intro, "value", "intro"), (saved, "label", "saved"), (resume, "value", "resume"),
                (new, "value", "new"), (answer, "label", "answer"), (back, "value", "back"),
                (skip, "value", "skip"), (why, "value", "why"), (nxt, "value", "next"),
                (slot, "label", "edit_slot"), (value, "label", "edit_value"),
                (change, "value", "change"), (confirm, "value", "confirm"),
                (correct, "label", "correct"), (correct, "placeholder", "correct_placeholder"),
                (correct_send, "value", "change"), (understood_title, "value", "understood_title"),
                (kind, "label", "understood_type"), (goals, "label", "understood_goals"),
                (channels, "label", "understood_channels"),
                (excluded, "label", "understood_excluded"), (apply, "value", "understood_apply")]
    tab.labelled.extend(labelled)
    tab.follow_fn, tab.follow_outputs = follow, outputs
    tab.show_fn = show_item
    tab.follow_inputs = [interview_id, plan_id, ctx.owner, ctx.lang]
    return tab
