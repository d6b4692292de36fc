"""Assembles the tabs into one Gradio app, and the options it is launched with."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr
from starlette.middleware import Middleware

from ..errors import EstrategaError, LoginThrottled, RequestTooLarge
from ..facade import Assistant
from ..messages import describe
from ..prompts import PromptLibrary
from ..settings import Settings
from . import chat, concepts, interview, knowledge, notify
from .context import UiContext
from .i18n import DEFAULT_LANG, LANGUAGE_CHOICES, UiText, ui_lang
from .identity import BrowserIds, IdentityCookie, owner_id
from .limits import BodyLimit
from .login_gate import LoginGate
from .page_script import gradio_texts, page_script
from .sessions import SessionGuard
from .throttle import LoginThrottle
from .upload_ledger import UploadLedger, UploadRecorder

STYLE = Path(__file__).with_name("style.css")
PAGE_STYLE = ("<style>@media (max-width: 700px) { .gradio-container, .main.app "
              "{ min-width: 0 !important; max-width: 100vw !important; } .main.app "
              "{ padding: 8px 10px !important; } footer .divider { display: none !important; } }"
              "</style>")
TABS = ("chat", "interview", "concepts", "knowledge")
# After "Open the plan" the focus follows to the plan tab (it would fall to the page).
FOCUS_PLAN_TAB = """() => { const tab = document.querySelector('#tab-interview-button');
  if (tab && tab.getAttribute('aria-selected') === 'true') tab.focus(); return []; }"""
# Runs in the browser on load: the stored choice, else the browser's own language.
DETECT_LANGUAGE = "(saved) => [saved || navigator.language || 'en']"
# Gradio's cache (uploads, downloads): every 30 minutes, files older than an hour are deleted,
# and the whole cache when the server starts.
CACHE_SWEEP = (1800, 3600)


def build_app(assistant: Assistant) -> gr.Blocks:
    """The whole web app. Builds components only: no model, store or folder is touched.
    Its `upload_ledger` goes to `launch_options`, for the middleware that fills it."""
    text = UiText(assistant.prompts)
    ledger = UploadLedger()
    with gr.Blocks(title="Estratega", analytics_enabled=False,
                   delete_cache=CACHE_SWEEP) as demo:
        # Who is asking is decided per request (identity.owner_id: the login, or the id the
        # server signed in the `estratega-id` cookie); `owner` only shows it, nothing trusts it.
        owner = gr.State("")
        saved_lang = gr.BrowserState("", storage_key="estratega-lang",
                                     secret=_browser_secret(assistant.settings))
        with gr.Row(elem_id="header", equal_height=True):
            header = gr.Markdown(_header(text, DEFAULT_LANG), elem_id="brand")
            lang = gr.Dropdown(LANGUAGE_CHOICES, value=DEFAULT_LANG, scale=0, min_width=160,
                               label=text(DEFAULT_LANG, "language_label"), elem_id="ui-lang",
                               container=False)
        ctx = UiContext(assistant, text, lang, owner, ledger)
        tab_set, tabs, pages = _tabs(ctx)
        _wire(demo, ctx, header, saved_lang, tab_set, tabs, pages)
    demo.upload_ledger = ledger  # type: ignore[attr-defined]
    return demo


def _tabs(ctx: UiContext) -> tuple[gr.Tabs, list[gr.Tab], list[Any]]:
    """The four tabs, each filled by its page (chat, interview, concepts, knowledge)."""
    text, pages, tabs = ctx.text, [], []
    with gr.Tabs(elem_id="tabs") as tab_set:
        for name, module in zip(TABS, (chat, interview, concepts, knowledge), strict=True):
            with gr.Tab(text(DEFAULT_LANG, f"tabs.{name}"), id=name,
                        elem_id=f"tab-{name}") as tab:
                pages.append(module.build(ctx))
            tabs.append(tab)
    return tab_set, tabs, pages


def _wire(demo: gr.Blocks, ctx: UiContext, header: gr.Markdown, saved_lang: gr.BrowserState,
          tab_set: gr.Tabs, tabs: list[gr.Tab], pages: list[Any]) -> None:
    """The app's own events: on load (who, which language, what to resume), on a language
    change, and between the chat and the plan tab."""
    text, owner, lang = ctx.text, ctx.owner, ctx.lang
    chat_tab, interview_tab, _, knowledge_tab = pages
    relabel_outputs = [header, lang, *tabs, *[c for p in pages for c in p.outputs]]

    def relabel(code: str) -> list[Any]:
        """Every label, tab name and fixed text in the chosen language."""
        code = ui_lang(code)
        updates: list[Any] = [_header(text, code), gr.update(label=text(code, "language_label"))]
        updates += [gr.update(label=text(code, f"tabs.{name}")) for name in TABS]
        for page in pages:
            updates += page.relabel(code)
        return updates

    def start(locale: str, request: gr.Request) -> tuple[str, str]:
        """Who this browser is (decided by the server) and the UI language."""
        return owner_id(None, request), ui_lang(locale)

    listing, saved = knowledge_tab.refresh_outputs, interview_tab.refresh_outputs
    demo.load(start, [saved_lang], [owner, lang],
              js=DETECT_LANGUAGE, api_visibility="private", queue=False).then(
        relabel, lang, relabel_outputs, api_visibility="private", queue=False).then(
        None, lang, None, js=notify.SET_PAGE_LANGUAGE).then(
        chat_tab.resume_fn, [owner], chat_tab.chatbot, api_name="resume_chat").then(
        knowledge_tab.refresh_fn, [owner, lang], listing, api_name="sources").then(
        interview_tab.refresh_fn, [owner, lang], saved, api_name="saved_work")
    lang.input(relabel, lang, relabel_outputs, api_visibility="private", queue=False).then(
        None, lang, None, js=notify.SET_PAGE_LANGUAGE).then(
        lambda code: ui_lang(code), lang, saved_lang, api_visibility="private",
        queue=False).then(
        knowledge_tab.refresh_fn, [owner, lang], listing, api_visibility="private").then(
        interview_tab.refresh_fn, [owner, lang], saved, api_visibility="private")
    # The interview in the chat is the plan tab's interview: its saved list follows each
    # turn, and a plan drafted in the chat is shown there at once; the summary's "Open the
    # plan" reply selects the tab. Selecting either tab shows the other's latest steps.
    chat_tab.opened.change(
        interview_tab.refresh_fn, [owner, lang], saved, api_visibility="private").then(
        interview_tab.show_fn, [chat_tab.opened, interview_tab.plan_id,
                                interview_tab.plan.section, owner, lang],
        interview_tab.follow_outputs, api_visibility="private")
    chat_tab.chatbot.option_select(
        _open_plan_tab, None, tab_set, api_visibility="private", queue=False).then(
        None, None, None, js=FOCUS_PLAN_TAB)
    tabs[1].select(interview_tab.follow_fn, interview_tab.follow_inputs,
                   interview_tab.follow_outputs, api_visibility="private")
    tabs[0].select(chat_tab.resume_fn, [owner], chat_tab.chatbot, api_visibility="private")
def _open_plan_tab(event: gr.SelectData) -> Any:
    """The drafted plan's "Open the plan" reply in the chat selects the plan tab."""
    return gr.update(selected="interview") if event.value == chat.OPEN_PLAN else gr.skip()


def theme() -> gr.themes.Base:
    """A calm, readable theme using the system's fonts (nothing fetched from the internet)."""
    sans = ["Inter", "ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto",
            "Helvetica Neue", "Arial", "sans-serif"]
    mono = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"]
    soft = gr.themes.Soft(primary_hue="indigo", secondary_hue="slate", neutral_hue="slate",
                          radius_size="md", font=sans, font_mono=mono)
    # Soft's primary buttons are pale enough to look disabled: a solid fill with white text.
    # Text meets WCAG 2.2 AA (4.5:1): Soft's subdued grey (slate 400, 2.56:1 on white) and its
    # label badges (3.62:1) are darkened; the text box shows a 2 px ring when focused.
    return soft.set(
        color_accent="*primary_600",  # selected tab, radio: indigo 500 is 4.46:1 on white
        color_accent_soft="*primary_100",
        checkbox_label_background_fill_selected="*primary_600",  # white on it: 6.3:1
        body_text_color_subdued="*neutral_600",
        body_text_color_subdued_dark="*neutral_300",
        input_placeholder_color="*neutral_600",
        input_placeholder_color_dark="*neutral_300",
        block_label_text_color="*primary_700",
        block_label_text_color_dark="*primary_200",
        block_title_text_color="*primary_700",
        block_info_text_color="*neutral_600",
        input_border_color_focus="*primary_600",
        input_shadow_focus="0 0 0 2px *primary_600",
        button_primary_background_fill="*primary_600",
        button_primary_background_fill_hover="*primary_700",
        button_primary_background_fill_dark="*primary_500",
        button_primary_background_fill_hover_dark="*primary_600",
        button_primary_text_color="white",
        button_primary_text_color_hover="white",
        button_primary_text_color_dark="white",
        button_primary_border_color="*primary_600",
        button_primary_border_color_dark="*primary_500",
    )


def gradio_i18n(prompts: PromptLibrary) -> dict[str, dict[str, str]]:
    """Gradio's own strings (its i18n keys) in each UI language, from ui.<lang>.json
    (`gradio.*`; the app says "tú" where Gradio's Spanish says "usted"). Gradio picks them by
    the browser's language; page_script.py puts them in the UI language when the two differ."""
    return {lang: {key: text for key, text in by_lang.items() if "." in key}
            for lang, by_lang in _by_language(gradio_texts(prompts)).items()}


def _by_language(texts: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for key, by_lang in texts.items():
        for lang, text in by_lang.items():
            out.setdefault(lang, {})[key] = text
    return out


def launch_options(settings: Settings, ledger: UploadLedger | None = None) -> dict[str, Any]:
    """`demo.launch(...)` arguments from the settings: address, login, limits, look; `ledger`
    is the app's `upload_ledger` (build_app)."""
    auth = parse_auth(settings.auth.get_secret_value() if settings.auth else "")
    prompts = PromptLibrary(settings.prompts_dir)
    return {
        "server_name": settings.host,
        "server_port": settings.port,
        "auth": auth,
        "max_file_size": int(settings.upload_max_mb * 2**20),
        "app_kwargs": {"middleware": middleware(settings, login=bool(auth), ledger=ledger)},
        "theme": theme(),
        "css_paths": [STYLE],
        "ssr_mode": False,
        # No footer: Gradio's "Use via API · Settings" is in English whatever the UI language,
        # and neither is meant for the app's users (the API stays documented in the README).
        "footer_links": [],
        "run_history": False,  # nothing of a user's calls kept in their browser
        "show_error": False,
        "quiet": True,  # app.py prints the one line that matters: where the app is
        "i18n": gr.I18n(**gradio_i18n(prompts)),
        # Outside the app's own CSS, which Gradio scopes inside the page's padding.
        "head": PAGE_STYLE + notify.titles_style(prompts) + page_script(prompts),
    }


def middleware(settings: Settings, login: bool,
               ledger: UploadLedger | None = None) -> list[Middleware]:
    """What every request passes through, outermost first: the login gate (with login on:
    every route but the login page's needs it; password guessing throttled), body size limits,
    the server-signed identity, session hashes bound to the identity that started them, and
    uploaded files bound to the identity that uploaded them."""
    prompts = PromptLibrary(settings.prompts_dir)
    stack = []
    if login:
        throttle = LoginThrottle(settings.login_max_failures, settings.login_window_s)
        stack.append(Middleware(LoginGate, throttle=throttle, message=_phrase(
            prompts, lambda minutes: LoginThrottled(minutes=f"{minutes:g}"))))
    stack += [
        Middleware(BodyLimit, upload_bytes=int(settings.upload_max_mb * 2**20),
                   other_bytes=settings.request_max_kb * 1024,
                   message=_phrase(prompts, lambda mb: RequestTooLarge(limit_mb=f"{mb:g}"))),
        Middleware(IdentityCookie, ids=BrowserIds(settings.data_dir)),
        Middleware(SessionGuard),
        Middleware(UploadRecorder, ledger=ledger or UploadLedger()),
    ]
    return stack


def _phrase(prompts: PromptLibrary, error: Any) -> Any:
    """A `(Accept-Language header, number) -> message` function for a middleware."""
    def message(accept_language: str, number: float) -> str:
        err: EstrategaError = error(number)
        return describe(err, ui_lang(accept_language.split(",")[0].strip()), prompts)
    return message


def parse_auth(value: str) -> list[tuple[str, str]] | None:
    """Login pairs from "user:pass[,user2:pass2]"; None when empty.

    >>> parse_auth("ana:s3cret, luc:p:w")
    [('ana', 's3cret'), ('luc', 'p:w')]
    """
    pairs = []
    for item in (value or "").split(","):
        user, sep, password = item.strip().partition(":")
        if sep and user and password:
            pairs.append((user, password))
    return pairs or None


def _header(text: UiText, lang: str) -> str:
    return f"# {text(lang, 'title')}\n{text(lang, 'tagline')}"


def _browser_secret(settings: Settings) -> str:
    """A stable key for `gr.BrowserState`, so a returning browser is recognised after a
    restart. Gradio sends it to every page, so it only obscures the stored values; the
    server-side signature (`identity.BrowserIds`) is what makes the id trustworthy."""
    import hashlib

    seed = f"estratega:{settings.data_dir.resolve()}:{settings.collection}"
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32]
