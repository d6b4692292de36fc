"""Chat tab: streamed grounded answers, each with its numbered, expandable sources.

`ChatPage` lays the tab out (`layout`), registers its events (`wire`) and answers them with
its methods; the messages themselves are built in chat_messages.py."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import Any

import gradio as gr

from ..answering.answers import Answer
from ..conversation import Line, Turn
from .chat_messages import Message, answer_messages, line_messages, without_options
from .context import UiContext, owner_id
from .conversations import Conversations
from .render import escape

STARTERS = 4
OPEN_PLAN = "estratega:open-plan"  # the value of the drafted plan's "Open the plan" reply
FOCUS_QUESTION = "() => { document.querySelector('#question textarea')?.focus(); return []; }"


class ChatPage:
    """The chat tab: `layout` places the components, `wire` registers their events, the
    handlers are methods; the facade (`ctx.assistant`) is their only way into the core."""

    def __init__(self, ctx: UiContext) -> None:
        self.ctx = ctx
        # History lives on the server under (owner, session), never in `gr.State`, which
        # Gradio hands to whoever presents the session hash: see conversations.py.
        self.store = Conversations()

    def layout(self) -> None:
        """Place the components (call inside a `gr.Tab`)."""
        t, lang0 = self.ctx.text, "en"
        self.chatbot = gr.Chatbot(
            label=t(lang0, "chat.conversation"), placeholder=t(lang0, "chat.placeholder"),
            height=540, show_label=False, buttons=["copy", "copy_all"], feedback_options=None,
            elem_id="chatbot", latex_delimiters=[], sanitize_html=True, allow_tags=False,
        )
        with gr.Row(elem_classes="starters"):
            self.starters_label = gr.Markdown(f"**{t(lang0, 'chat.starters_label')}**",
                                              elem_classes="starters-label")
            self.starters = [gr.Button(s, size="sm", variant="secondary", elem_classes="starter")
                             for s in t(lang0, "chat.starters")[:STARTERS]]
        with gr.Row(equal_height=True):
            self.question = gr.Textbox(
                label=t(lang0, "chat.input_label"), show_label=False, scale=8,
                placeholder=t(lang0, "chat.input_placeholder"), lines=1, max_lines=6,
                elem_id="question", autofocus=True)
            self.send = gr.Button(t(lang0, "chat.send"), variant="primary", scale=1,
                                  min_width=110, elem_id="send")
        with gr.Row(elem_classes="chat-actions"):
            # "Draft my marketing plan": the interview inside the chat
            self.plan_starter = gr.Button(self.ctx.assistant.prompts.phrase(
                "conversation", lang0, "starter"), size="sm", variant="primary",
                elem_id="plan-starter", min_width=120)
            self.new = gr.Button(t(lang0, "chat.new"), size="sm", variant="secondary",
                                 elem_id="new-chat", min_width=120)
        self.opened = gr.State("")  # "interview:<id>" or "plan:<id>" after an interview turn

    def wire(self) -> None:
        """Register the events: a question (typed, a starter, a quick reply), a new chat."""
        ctx = self.ctx
        ask_inputs = [self.question, ctx.owner, ctx.lang]
        ask_outputs = [self.chatbot, self.question, self.opened]
        answering = [  # the events that stream into the chat; a new chat stops them
            self.question.submit(self.respond, ask_inputs, ask_outputs, api_name="ask",
                                 validator=self.check),
            self.send.click(self.respond, ask_inputs, ask_outputs, api_visibility="private",
                            validator=self.check)]
        for button in [*self.starters, self.plan_starter]:  # sent as if typed
            answering.append(button.click(
                lambda s: s, button, self.question, api_visibility="private",
                queue=False).then(self.respond, ask_inputs, ask_outputs,
                                  api_visibility="private"))
        # The quick replies vanish with the reply: the focus goes on to the question box
        # rather than falling to the page (a keyboard user continues where they were).
        picked = self.chatbot.option_select(self.pick, [ctx.owner, ctx.lang], ask_outputs,
                                            api_visibility="private")
        picked.then(None, None, None, js=FOCUS_QUESTION)
        # "New chat" while an answer streams: the answer stops, or it would write itself
        # back into the chat just cleared.
        self.new.click(self.restart, ctx.owner, self.chatbot, api_name="new_conversation",
                       cancels=[*answering, picked])

    @property
    def outputs(self) -> list[Any]:
        """Components whose labels follow the UI language, in `relabel` order."""
        return [self.chatbot, self.question, self.send, self.new, self.starters_label,
                *self.starters, self.plan_starter]

    def resume_fn(self, owner: str, request: gr.Request) -> list[Message]:
        """After a reload, or back from the plan tab: the interview under way in the chat,
        ending with the question pending now (answers given in the plan tab included)."""
        who, session = owner_id(owner, request), request.session_hash or ""
        try:
            lines = self.ctx.assistant.conversation.history(who)
        except Exception:  # noqa: BLE001 - a chat that cannot resume starts empty
            lines = []
        shown = line_messages(lines)
        if shown:
            self.store.save(who, session, shown)
        return shown or self.store.resume(who, session).messages  # a reload continues it

    def relabel(self, lang: str) -> list[Any]:
        """Updates that put every label in `lang`."""
        t = self.ctx.text
        starters = t(lang, "chat.starters")
        return [
            gr.update(label=t(lang, "chat.conversation"), placeholder=t(lang, "chat.placeholder")),
            gr.update(label=t(lang, "chat.input_label"),
                      placeholder=t(lang, "chat.input_placeholder")),
            gr.update(value=t(lang, "chat.send")),
            gr.update(value=t(lang, "chat.new")),
            gr.update(value=f"**{t(lang, 'chat.starters_label')}**"),
            *[gr.update(value=s) for s in starters[:STARTERS]],
            gr.update(value=self.ctx.assistant.prompts.phrase(
                "conversation", lang, "starter")),
        ]

    # -- handlers -------------------------------------------------------------------------

    def respond(self, message: str, owner: str, lang: str,
                request: gr.Request) -> Iterator[tuple[Any, ...]]:
        """Stream one answer: the question, growing text, then the answer with its sources."""
        ctx, a = self.ctx, self.ctx.assistant
        who, session = owner_id(owner, request), request.session_hash or ""
        try:
            text = a.check_query(message)
        except Exception as err:  # noqa: BLE001 - the validator has shown it already
            raise ctx.error(err, lang) from None
        current = self.store.get(who, session)
        shown = [*without_options(current.messages), {"role": "user", "content": escape(text)}]
        turn: Turn | None = None
        drafting: list[Line] = []  # "Writing: Diagnosis…" while a model drafts the plan
        try:  # the guided interview, when one is under way or asked for
            for item in turn_with_progress(
                    lambda heard: a.conversation.turn(who, text, lang, progress=heard)):
                if isinstance(item, Line):
                    drafting.append(item)
                    yield [*shown, *line_messages(drafting)], "", gr.skip()
                else:
                    turn = item
        except Exception as err:  # noqa: BLE001
            yield shown[:-1], message, gr.skip()
            raise ctx.error(err, lang) from None
        assert turn is not None
        item = f"plan:{turn.plan_id}" if turn.plan_id else (
            f"interview:{turn.interview_id}" if turn.interview_id else gr.skip())
        if turn.ask is None:
            final = [*shown, *line_messages(turn.lines)]
            if turn.plan_id and final:  # the plan is in the plan tab, one press away
                final[-1]["options"] = [{"label": a.prompts.phrase(
                    "conversation", turn.lang, "open_plan"), "value": OPEN_PLAN}]
            if self.store.save(who, session, final, current.conversation_id):
                yield final, "", item
            return
        yield from self.stream_answer(text, turn, shown, (who, session),
                                      current.conversation_id, lang, item)

    def stream_answer(self, text: str, turn: Turn, shown: list[Message], key: tuple[str, str],
                      conversation_id: str, lang: str, item: Any) -> Iterator[tuple[Any, ...]]:
        """Stream the chain's answer; mid-interview, the pending question follows it."""
        ctx, a, (who, session) = self.ctx, self.ctx.assistant, key
        draft: Message = {"role": "assistant", "content": ""}
        yield [*shown, draft], "", gr.skip()
        answer: Answer | None = None
        written = ""
        try:
            for event in a.stream(turn.ask or text, conversation_id=conversation_id, owner=who,
                                  lang=turn.lang if turn.interview_id else None):
                if not self.store.is_current(who, session, conversation_id):
                    return  # "New conversation" was pressed while this answer streamed
                if event.type == "delta":
                    written += event.text
                    draft = {"role": "assistant", "content": escape(written)}
                    yield [*shown, draft], "", gr.skip()
                elif event.type == "notice":  # the model failed: the grounded text follows
                    gr.Warning(ctx.text(lang, "chat.fallback"),
                               title=ctx.text(lang, "notify.warning"))
                    written = ""
                elif event.type == "done":
                    answer = event.answer
        except Exception as err:  # noqa: BLE001
            self.store.save(who, session, shown, conversation_id)
            yield shown, text, gr.skip()
            raise ctx.error(err, lang) from None
        final = [*shown, *(answer_messages(answer, lang, ctx) if answer else [draft]),
                 *line_messages(turn.then)]
        if answer is not None and turn.interview_id:
            a.conversation.answered(who, turn, text, answer)
        if self.store.save(who, session, final, conversation_id):
            yield final, "", item

    def restart(self, owner: str, request: gr.Request) -> list[Message]:
        """Forget the conversation on screen and start a new one (an interview under way stays
        saved: the plan tab resumes it)."""
        who = owner_id(owner, request)
        self.store.restart(who, request.session_hash or "")
        try:
            self.ctx.assistant.conversation.leave(who)
        except Exception as err:  # noqa: BLE001
            raise self.ctx.error(err, None) from None
        return []

    def pick(self, owner: str, lang: str, event: gr.SelectData,
             request: gr.Request) -> Iterator[tuple[Any, ...]]:
        """A quick reply under the question: sent as if typed ("Open the plan" only switches
        to the plan tab: builder.py listens for it)."""
        if event.value == OPEN_PLAN:
            yield gr.skip(), gr.skip(), gr.skip()
            return
        yield from self.respond(str(event.value or ""), owner, lang, request)

    def check(self, message: str, owner: str, lang: str, request: gr.Request) -> list[Any]:
        """An empty or too long question is shown beside the input, in the user's language;
        the conversation and what was typed stay as they are."""
        try:
            self.ctx.assistant.check_query(message)
            problem = ""
        except Exception as err:  # noqa: BLE001 - every failure becomes a message
            problem = self.ctx.message(err, lang)
        return [gr.validate(not problem, problem), *[gr.validate(True, "")] * 2]


def turn_with_progress(run: Any) -> Iterator[Any]:
    """Run `run(progress)` (a conversation turn, a confirmed summary) in a worker thread,
    yielding each progress item as it is heard (a model drafting the plan), then the result."""
    heard: queue.Queue[Any] = queue.Queue()
    result: dict[str, Any] = {}

    def work() -> None:
        try:
            result["turn"] = run(heard.put)
        except BaseException as err:  # noqa: BLE001 - raised again in the caller's thread
            result["error"] = err
        finally:
            heard.put(None)

    threading.Thread(target=work, daemon=True, name="chat-turn").start()
    while (line := heard.get()) is not None:
        yield line
    if "error" in result:
        raise result["error"]
    yield result["turn"]


def build(ctx: UiContext) -> ChatPage:
    """Lay out the chat tab and wire its events (call inside a `gr.Tab`)."""
    page = ChatPage(ctx)
    page.layout()
    page.wire()
    return page
