"""What the interview tab shows for one step of an interview: the question and its options, or
the summary with what was understood, then the plan once drafted. Pure functions of the
interview's view (from the facade), so the page (interview.py) only wires them."""

from __future__ import annotations

from typing import Any

import gradio as gr

from . import plan_view
from .context import UiContext
from .i18n import saved_date, ui_lang
from .render import escape, escape_inline

OPTIONS = 8  # choice buttons kept ready, shown as needed
# The components whose words follow the UI language: (attribute, property, phrase key).
LABELLED = [("intro", "value", "intro"), ("saved", "label", "saved"),
            ("resume", "value", "resume"), ("new", "value", "new"),
            ("answer", "label", "answer"), ("back", "value", "back"), ("skip", "value", "skip"),
            ("why", "value", "why"), ("nxt", "value", "next"), ("slot", "label", "edit_slot"),
            ("value", "label", "edit_value"), ("change", "value", "change"),
            ("confirm", "value", "confirm"), ("correct", "label", "correct"),
            ("correct", "placeholder", "correct_placeholder"),
            ("correct_send", "value", "change"),
            ("understood_title", "value", "understood_title"),
            ("kind", "label", "understood_type"), ("goals", "label", "understood_goals"),
            ("channels", "label", "understood_channels"),
            ("excluded", "label", "understood_excluded"),
            ("apply", "value", "understood_apply")]


def step_updates(ctx: UiContext, plan: plan_view.PlanView, view: Any, who: str,
                 lang: str, section: str | None = None) -> list[Any]:
    """Every output of a step, in the page's `outputs` order, from the interview's view
    (`section`: the plan section to keep chosen when the same plan is drawn again)."""
    at_summary, done = view.slot is None, bool(view.plan_id)
    shown, values = choices(ctx, view, lang)
    return [
        view.interview_id, view.plan_id or "", values,
        gr.update(visible=not at_summary and not done),
        heading(ctx, view, lang),
        "\n\n".join(f"> {escape(m)}" for m in view.messages),
        f"## {escape(view.question)}\n\n*{escape(view.example)}*" if view.example
        else f"## {escape(view.question)}",
        *[gr.update(value=shown[i], visible=True) if i < len(shown)
          else gr.update(visible=False) for i in range(OPTIONS)],
        gr.update(visible=view.optional), view.current_value or "",
        gr.update(visible=at_summary and not done),
        summary_markdown(ctx, view, lang) if at_summary else "",
        gr.update(choices=[(i.label, i.slot) for i in view.summary],
                  value=view.summary[0].slot if view.summary else None),
        view.summary[0].value if view.summary else "",
        {i.slot: i.value for i in view.summary},
        *understood_fields(ctx, view.interview_id if at_summary and not done else "", who,
                           lang),
        *plan.show(view.plan_id, who, section),
        saved_update(ctx, view, who, lang),
    ]


def saved_update(ctx: UiContext, view: Any, who: str, lang: str) -> Any:
    """The saved-work list as it is after this step, the work shown chosen in it: the list
    said "question 1 of 13" while question 2 was on the screen (seen in the browser tests'
    screenshots)."""
    listed = saved_choices(ctx, who, lang)
    shown = f"plan:{view.plan_id}" if view.plan_id else f"interview:{view.interview_id}"
    chosen = {"value": shown} if any(value == shown for _, value in listed) else {}
    return gr.update(choices=listed, **chosen)


def choices(ctx: UiContext, view: Any, lang: str) -> tuple[list[str], list[str]]:
    """The option buttons' labels and the answers they send; the example is the last one."""
    if view.slot is None:
        return [], []
    shown = [c.label for c in view.choices][:OPTIONS - 1]
    values = [c.value for c in view.choices][:OPTIONS - 1]
    if view.example:
        example = view.example.split(":", 1)[-1].strip()
        shown, values = [*shown, ctx.text(lang, "interview.use_example")], [*values, example]
    return shown, values


def heading(ctx: UiContext, view: Any, lang: str) -> str:
    """"Question 3 of 12", marked optional when it is."""
    t = ctx.text
    tag = f" · *{t(lang, 'interview.optional')}*" if view.optional else ""
    return f"**{t(lang, 'interview.progress', step=view.step, total=view.total)}**{tag}"


def summary_markdown(ctx: UiContext, view: Any, lang: str) -> str:
    """The summary: what was understood (with its hint), then each answer."""
    rows = "\n".join(f"- **{escape_inline(i.label)}:** {escape_inline(i.value) or '—'}"
                     for i in view.summary)
    understood = getattr(view, "understood", "")  # "I understood: …" (the business, goals…)
    hint = getattr(view, "understood_hint", "")
    seen = (f"> {escape(understood)}\n\n*{escape(hint)}*\n\n" if hint else
            f"> {escape(understood)}\n\n") if understood else ""
    return f"## {ctx.text(lang, 'interview.summary_title')}\n\n{seen}{rows}"


def understood_fields(ctx: UiContext, iid: str, who: str, lang: str) -> list[Any]:
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


def corrections(found: Any, business_type: str | None, goal_ids: list[str] | None,
                channel_ids: list[str] | None, excluded_ids: list[str] | None
                ) -> list[tuple[str, Any]]:
    """(field, value) for each chooser that differs from what was understood; an emptied
    goal or business type is no correction, emptied channels are."""
    wanted = {"business_type": business_type, "goals": list(goal_ids or []),
              "channels": list(channel_ids or []), "excluded": list(excluded_ids or [])}
    now = {"business_type": found.business_type, "goals": [g.goal_id for g in found.goals],
           "channels": list(found.channel_ids), "excluded": list(found.excluded_ids)}
    return [(field, value) for field, value in wanted.items()
            if value != now[field] and (value or field in ("channels", "excluded"))]


def saved_choices(ctx: UiContext, who: str, lang: str) -> list[tuple[str, str]]:
    """The user's saved plans, then their unfinished interviews, newest first, as
    (label, "plan:<id>" | "interview:<id>")."""
    t, plans = ctx.text, ctx.assistant.plans
    done = [(t(lang, "interview.plan_item", business=p.plan.get("business") or p.title,
               date=saved_date(p.updated_at, lang)), f"plan:{p.id}")
            for p in plans.list_plans(who)]
    going = [(t(lang, "interview.interview_item",
                business=v.title or t(lang, "interview.unnamed"),
                date=saved_date(v.updated_at, lang), step=v.step, total=v.total),
              f"interview:{v.interview_id}")
             for v in plans.list_interviews(who) if not v.plan_id]
    return done + going


def drafting(ctx: UiContext, iid: str, who: str, lang: str) -> Any:
    """`run(report)` for chat.turn_with_progress: confirm the summary, reporting each section
    being drafted in the UI language's words."""
    a, code = ctx.assistant, ui_lang(lang)

    def heard(report: Any) -> Any:
        def progress(section: str, event: str, attempt: int) -> None:
            name = a.prompts.phrase("plan", code, f"headings.{section}")
            report(a.prompts.phrase("plan", code, f"drafting.progress_{event}",
                                    section=name, attempt=attempt))
        return a.plans.confirm(iid, who, progress=progress)
    return heard
