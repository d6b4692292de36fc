"""Plan interview tab: one question at a time, options, back/skip, summary, then the plan.

`InterviewPage` is laid out by `InterviewLayout` (interview_layout.py), registers its events
(`wire`) and answers them with its methods; what a step shows is computed in
interview_steps.py."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import gradio as gr

from .context import UiContext, owner_id
from .i18n import ui_lang
from .interview_layout import InterviewLayout
from .interview_steps import corrections, drafting, saved_choices, step_updates
from .render import escape_inline


class InterviewPage(InterviewLayout):
    """The interview tab. Selecting the tab shows the work under way (`follow_fn`); the chat
    shows an item ("plan:<id>" | "interview:<id>") here through `show_fn`."""

    # -- events ---------------------------------------------------------------------------

    def wire(self) -> None:
        """Register the events of every button and box (API names are the public API)."""
        ctx, out = self.ctx, self.follow_outputs
        base = [self.interview_id, self.answer, ctx.owner, ctx.lang]
        self.new.click(self.act("new"), base, out, api_name="start_interview")
        self.resume.click(self.open_saved, [self.interview_id, self.saved, ctx.owner, ctx.lang],
                          out, api_name="open_saved")
        self.nxt.click(self.act("answer"), base, out, api_name="answer")
        self.answer.submit(self.act("answer"), base, out, api_visibility="private")
        self.back.click(self.act("back"), base, out, api_name="back")
        self.skip.click(self.act("skip"), base, out, api_name="skip")
        self.why.click(self.act("why"), base, out, api_visibility="private")
        self.change.click(self.edit, [self.interview_id, self.slot, self.value, ctx.owner,
                                      ctx.lang], out, api_name="edit_answer")
        # At the summary, words correct what was understood ("it's a gym", "no Facebook").
        words = [self.interview_id, self.correct, ctx.owner, ctx.lang]
        self.correct.submit(self.act("answer"), words, out, api_visibility="private").success(
            lambda: "", None, self.correct, api_visibility="private", queue=False)
        self.correct_send.click(self.act("answer"), words, out, api_name="correct").success(
            lambda: "", None, self.correct, api_visibility="private", queue=False)
        self.apply.click(self.correct_by_choosing,
                         [self.interview_id, self.kind, self.goals, self.channels,
                          self.excluded, ctx.owner, ctx.lang], out,
                         api_name="correct_understood")
        self.confirm.click(self.confirm_with_progress, base, out, api_name="confirm").success(
            self.refresh_fn, [ctx.owner, ctx.lang], self.refresh_outputs,
            api_visibility="private")
        self.slot.input(lambda key, values: values.get(key, ""), [self.slot,
                        self.current_values], self.value, api_visibility="private", queue=False)
        for i, button in enumerate(self.options):
            button.click(self.option(i), [self.interview_id, self.choice_values, ctx.owner,
                                          ctx.lang], out, api_visibility="private")

    # -- handlers -------------------------------------------------------------------------

    def refresh_fn(self, owner: str, lang: str, request: gr.Request) -> Any:
        """The user's saved interviews and plans, newest first, to resume."""
        try:
            choices = saved_choices(self.ctx, owner_id(owner, request), lang)
        except Exception as err:  # noqa: BLE001 - every failure becomes a message
            raise self.ctx.error(err, lang) from None
        return gr.update(choices=choices, value=choices[0][1] if choices else None)

    def render(self, view: Any, who: str, lang: str, section: str | None = None) -> list[Any]:
        return step_updates(self.ctx, self.plan, view, who, lang, section)

    def step(self, action: str, iid: str, text: str, owner: str, lang: str,
             request: gr.Request, key: str = "", section: str | None = None) -> list[Any]:
        """Do one action on the interview through the facade, then show where it is
        (`section`: the plan section the user chose, kept when the same plan is redrawn)."""
        plans, who = self.ctx.assistant.plans, owner_id(owner, request)
        try:
            if action == "open":
                kind, _, ident = (text or "").partition(":")
                if kind == "plan":
                    return self.open_plan(ident, who, section)
                view = plans.get_interview(ident, who)
            elif action == "new":
                view = plans.start_interview(who, ui_lang(lang))
            elif action == "answer":
                view = plans.answer(iid, text, who)
            elif action == "edit":
                view = plans.edit(iid, key, text, who)
            else:
                view = getattr(plans, action)(iid, who)  # back, skip, why, confirm
        except Exception as err:  # noqa: BLE001 - every failure becomes a message
            raise self.ctx.error(err, lang) from None
        return self.render(view, who, lang, section)

    def open_plan(self, ident: str, who: str, section: str | None = None) -> list[Any]:
        """Show a saved plan on its own: the question and summary areas are hidden."""
        hidden = gr.update(visible=False)
        updates: list[Any] = [gr.skip()] * len(self.follow_outputs)
        updates[1], updates[3] = ident, hidden
        updates[self.follow_outputs.index(self.summary)] = hidden
        start = self.follow_outputs.index(self.plan.show_outputs[0])
        updates[start:start + len(self.plan.show_outputs)] = self.plan.show(ident, who, section)
        return updates

    def act(self, action: str) -> Any:
        """The handler of a button that does `action` with the typed answer."""
        def run(iid: str, answer: str, owner: str, lang: str, request: gr.Request) -> list[Any]:
            return self.step(action, iid, answer, owner, lang, request)
        return run

    def option(self, i: int) -> Any:
        """The handler of the `i`-th option button: it answers with that option's value."""
        def run(iid: str, values: list[str], owner: str, lang: str,
                request: gr.Request) -> list[Any]:
            return self.step("answer", iid, values[i] if i < len(values) else "", owner, lang,
                             request)
        return run

    def open_saved(self, iid: str, saved_item: str, owner: str, lang: str,
                   request: gr.Request) -> list[Any]:
        if not saved_item:
            t = self.ctx.text
            raise gr.Error(t(lang, "interview.pick_saved"), title=t(lang, "notify.warning"))
        return self.step("open", iid, saved_item, owner, lang, request)

    def edit(self, iid: str, answer_to_change: str, new_value: str, owner: str, lang: str,
             request: gr.Request) -> list[Any]:
        return self.step("edit", iid, new_value, owner, lang, request, key=answer_to_change)

    def correct_by_choosing(self, iid: str, business_type: str | None, goal_ids: list[str],
                            channel_ids: list[str], excluded_ids: list[str], owner: str,
                            lang: str, request: gr.Request) -> list[Any]:
        """Apply the choosers that differ from what was understood, then show the summary."""
        plans, who = self.ctx.assistant.plans, owner_id(owner, request)
        try:
            found, view = plans.understood(iid, who), None
            if found is not None:
                for field, value in corrections(found, business_type, goal_ids, channel_ids,
                                                excluded_ids):
                    view = plans.correct(iid, field, value, who)
            view = view or plans.summary(iid, who)
        except Exception as err:  # noqa: BLE001 - every failure becomes a message
            raise self.ctx.error(err, lang) from None
        return self.render(view, who, lang)

    def follow_fn(self, iid: str, pid: str, section: str, owner: str, lang: str,
                  request: gr.Request) -> list[Any]:
        """On selecting the tab: the interview under way as the chat left it (its pending
        question) when it is newer than the newest plan; the interview shown, refreshed (a
        plan drafted in the chat meanwhile shows); the newest plan when nothing is shown."""
        a, who = self.ctx.assistant, owner_id(owner, request)
        try:
            now = a.conversation.current(who)
            if now and now[0] == "interview":
                view = a.plans.get_interview(now[1], who)
                return self.render(view, who, lang, kept(section, pid, view.plan_id))
            if iid and not pid:
                return self.render(a.plans.get_interview(iid, who), who, lang)
            if now and not iid and not pid:
                return self.open_plan(now[1], who)
        except Exception:  # noqa: BLE001 - nothing to follow: the tab stays as it was
            pass
        return [gr.skip()] * len(self.follow_outputs)

    def show_fn(self, item: str, pid: str, section: str, owner: str, lang: str,
                request: gr.Request) -> list[Any]:
        """Show what the chat works on ("plan:<id>", "interview:<id>") in this tab; the plan
        already shown keeps the section the user chose (this event may land after a tab
        select showed the plan and the user picked a section)."""
        kind, _, ident = (item or "").partition(":")
        keep = kept(section, pid, ident) if kind == "plan" else None
        return self.step("open", "", item, owner, lang, request, section=keep)

    def confirm_with_progress(self, iid: str, text: str, owner: str, lang: str,
                              request: gr.Request) -> Iterator[list[Any]]:
        """Draft the plan; with a model, the summary area says which section it is writing."""
        from .chat import turn_with_progress

        a, who, lines = self.ctx.assistant, owner_id(owner, request), []
        where, view = self.follow_outputs.index(self.table), None
        try:
            for item in turn_with_progress(drafting(self.ctx, iid, who, lang)):
                if isinstance(item, str):
                    lines.append(f"- *{escape_inline(item)}*")
                    updates: list[Any] = [gr.skip()] * len(self.follow_outputs)
                    updates[where] = "\n".join(lines)
                    yield updates
                else:
                    view = item
        except Exception as err:  # noqa: BLE001 - every failure becomes a message
            raise self.ctx.error(err, lang) from None
        if view is not None and view.plan_id:
            notes = a.plans.get_plan(view.plan_id, who).draft_notes
            if notes:  # which sections kept the standard version, in the plan's language
                gr.Warning(" ".join(notes), title=self.ctx.text(lang, "notify.warning"))
        yield self.render(view, who, lang)


def kept(section: str | None, shown: str, drawn: str | None) -> str | None:
    """The section to keep chosen: the user's, when the plan drawn is the plan shown.

    >>> kept("budget", "p1", "p1"), kept("budget", "p1", "p2"), kept("budget", "", "p1")
    ('budget', None, None)
    """
    return section if shown and drawn == shown else None


def build(ctx: UiContext) -> InterviewPage:
    """Lay out the interview tab and wire its events (call inside a `gr.Tab`)."""
    page = InterviewPage(ctx)
    page.layout()
    page.wire()
    return page
