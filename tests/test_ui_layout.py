"""The web app as a new user meets it, at a desktop (1366×900) and a phone (390×844) size:
what a person sees (visible text, boxes, no sideways scrolling), not only the DOM."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant.planning.plan.formatting import format_money
from assistant.prompts import PromptLibrary
from tests.ui_server import (
    BROWSER_MARKS,
    ROOT,
    SCREENSHOTS,
    TIMEOUT_MS,
    RunningApp,
    running_app,
)

pytestmark = BROWSER_MARKS
sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect
expect.set_options(timeout=TIMEOUT_MS)  # two shared cores: a first answer can take seconds

VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
TAB_NAMES = {"en": ["Chat", "Marketing plan", "Concepts", "Knowledge"],
             "es": ["Chat", "Plan de marketing", "Conceptos", "Conocimiento"]}

# Words of the plan's table cells that the browser laid out on more than one line.
BROKEN_WORDS = """(cells) => { const broken = [];
  for (const cell of document.querySelectorAll(cells)) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.matchAll(/[\\p{L}\\p{N}]{4,}/gu)) {
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      } } }
  return broken; }"""
PLAN_CELLS = "#plan-body th, #plan-body td"
NARROWEST_CELL = """() => [...document.querySelectorAll('#plan-body td')]
  .filter(td => td.innerText.trim()).map(td => [Math.round(td.getBoundingClientRect().width),
    Math.round(td.closest('table').getBoundingClientRect().width), td.innerText.slice(0, 30)])
  .sort((a, b) => a[0] - b[0])[0]"""


@pytest.fixture(scope="module")
def app(fresh_data: Callable[[str], Path]) -> Iterator[RunningApp]:
    """One app for the module (it ingests on its empty data folder first)."""
    with running_app(fresh_data("layout")) as running:
        yield running


@pytest.fixture(scope="module")
def browser(chromium):  # noqa: ANN001, ANN201 - the session's Chromium (tests/conftest.py)
    return chromium


def open_page(browser, app: RunningApp, size: str, locale: str = "en-US") -> object:  # noqa: ANN001
    """A fresh browser profile at one viewport size, on the app, in `locale`."""
    context = browser.new_context(locale=locale, viewport=VIEWPORTS[size], accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto(app.url)
    expect(page.locator("#send")).to_have_text(
        {"en": "Send", "es": "Enviar", "fr": "Envoyer", "it": "Invia"}[locale[:2]])
    return page


def shot(page, name: str) -> None:  # noqa: ANN001
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def no_sideways_scroll(page) -> None:  # noqa: ANN001
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"page is {width} px wide"


def ask(page, question: str, footer: str = "Answered by") -> object:  # noqa: ANN001
    """Send a question and wait for one more answer than before: an earlier answer being
    visible is not this one (CI once pressed "New chat" while this one still streamed)."""
    answers = page.locator("#chatbot .bot-row").filter(has_text=footer)
    before = answers.count()
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()
    expect(answers).to_have_count(before + 1, timeout=TIMEOUT_MS)
    return answers.last


def test_the_app_says_where_it_is_running(app: RunningApp) -> None:
    # The line follows launch(), which already answers: give the print a moment to land.
    for _ in range(50):
        if f"Estratega is running at {app.url}" in app.log.read_text(encoding="utf-8"):
            return
        time.sleep(0.1)
    raise AssertionError(app.log.read_text(encoding="utf-8")[-2000:])


@pytest.mark.parametrize("size", VIEWPORTS)
def test_all_four_tabs_are_one_tap_away_and_nothing_scrolls_sideways(browser, app,  # noqa: ANN001
                                                                     size: str) -> None:
    for locale in ("en-US", "es-ES"):
        page = open_page(browser, app, size, locale)
        try:
            title = page.locator("#brand h1")
            expect(title).to_have_text("Estratega")
            line = float(page.evaluate(
                "parseFloat(getComputedStyle(document.querySelector('#brand h1')).lineHeight)"))
            assert title.bounding_box()["height"] < 1.5 * line, "the title wraps"
            for name in TAB_NAMES[locale[:2]]:
                tab = page.get_by_role("tab", name=name)
                expect(tab).to_be_visible()
                box = tab.bounding_box()
                assert box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORTS[size]["width"]
                tab.click()
                expect(tab).to_have_attribute("aria-selected", "true")
            expect(page.locator(".overflow-menu button")).to_be_hidden()
            no_sideways_scroll(page)
            page.get_by_role("tab", name="Chat").click()
            field = page.locator("#question textarea").bounding_box()
            assert field["width"] > 0.6 * VIEWPORTS[size]["width"] - 140, field
            # No Gradio footer ("Use via API · Settings", in English whatever the UI language).
            expect(page.locator("footer")).to_have_count(0)
            send = page.locator("#send")  # a primary button looks enabled: solid, light text
            colors = send.evaluate("b => [getComputedStyle(b).backgroundColor, "
                                   "getComputedStyle(b).color]")
            assert _luminance(colors[0]) < 0.35 and _luminance(colors[1]) > 0.8, colors
            ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)"
                                ".filter(id => id)")
            assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
            shot(page, f"layout-tabs-{locale[:2]}-{size}")
        finally:
            page.context.close()


def _luminance(css: str) -> float:
    r, g, b = (int(v) / 255 for v in re.findall(r"\d+", css)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("size", VIEWPORTS)
def test_a_bad_message_is_explained_beside_the_input_and_nothing_is_lost(browser, app,  # noqa: ANN001
                                                                         size: str) -> None:
    page = open_page(browser, app, "desktop" if size == "desktop" else "phone", "fr-FR")
    try:
        answer = ask(page, "Qu'est-ce que le ROI ?", footer="Réponse rédigée par")
        expect(answer).to_contain_text("ROI")
        box = page.locator("#question textarea")
        long = "marketing " * 520
        box.fill(long)
        page.locator("#send").click()
        problem = page.locator("#question").get_by_text(re.compile("trop long"))
        expect(problem).to_be_visible()
        below = problem.bounding_box()
        field = box.bounding_box()
        assert abs(below["y"] - field["y"]) < 160, (below, field)  # next to the input
        expect(box).to_have_value(long)  # what was typed is still there
        expect(page.locator("#chatbot .bot-row").filter(has_text="ROI").first).to_be_visible()
        expect(page.locator(".toast-body")).to_have_count(0)  # no badge over the chat
        shot(page, f"layout-chat-error-{size}")

        box.fill("   ")
        page.locator("#send").click()
        expect(page.locator("#question").get_by_text(re.compile("question"))).to_be_visible()
        expect(page.locator("#chatbot .bot-row").filter(has_text="ROI").first).to_be_visible()
        box.fill("Qu'est-ce que le CAC ?")  # the next good question clears the message
        page.locator("#send").click()
        expect(page.locator("#chatbot .bot-row").filter(has_text="CAC").first).to_be_visible()
        expect(page.locator("#question").get_by_text(re.compile("trop long"))).to_have_count(0)
        no_sideways_scroll(page)
    finally:
        page.context.close()


@pytest.mark.parametrize("size", VIEWPORTS)
def test_a_reload_shows_the_conversation_again(browser, app, size: str) -> None:  # noqa: ANN001
    """The history is the server's (conversations.py, by owner); a reload is a new session of
    the same owner and continues its most recent conversation. Another browser sees none."""
    page = open_page(browser, app, size)
    try:
        ask(page, "What is a KPI?")
        page.reload()
        expect(page.locator("#send")).to_have_text("Send")
        expect(page.locator("#chatbot .user-row").filter(has_text="What is a KPI?")
               ).to_be_visible(timeout=5_000)
        expect(page.locator("#chatbot .bot-row").filter(has_text="Answered by").first
               ).to_be_visible()
        shot(page, f"layout-chat-after-reload-{size}")
        ask(page, "And what is a CAC?")  # the conversation goes on after the reload
        expect(page.locator("#chatbot .user-row")).to_have_count(2)
        page.locator("#new-chat").click()  # a new conversation stays new after a reload
        expect(page.locator("#chatbot .bot-row")).to_have_count(0)
        page.reload()
        expect(page.locator("#send")).to_have_text("Send")
        page.wait_for_timeout(1500)  # the load events have run (the chat would be filled)
        expect(page.locator("#chatbot .user-row")).to_have_count(0)
    finally:
        page.context.close()
    stranger = open_page(browser, app, size)
    try:
        stranger.wait_for_timeout(1500)
        expect(stranger.locator("#chatbot .user-row")).to_have_count(0)
    finally:
        stranger.context.close()


# -- language slips: each seen in the language a person reads ---------------------------------
def toast_title(page, level: str) -> str:  # noqa: ANN001
    """The title a person sees on the newest toast of `level` (Gradio's own word is hidden)."""
    title = page.locator(f".toast-body.{level} .toast-title").last
    expect(title).to_be_visible()
    assert title.evaluate("e => getComputedStyle(e).fontSize") == "0px"
    return title.evaluate("e => getComputedStyle(e, '::before').content").strip('"')


@pytest.mark.parametrize("size", VIEWPORTS)
def test_footers_follow_the_answer_and_titles_the_ui_language(browser, app,  # noqa: ANN001
                                                              size: str) -> None:
    page = open_page(browser, app, size, "it-IT")
    try:
        answer = ask(page, "Che cos'è il ROI?", footer="Risposta del compositore")
        expect(answer).not_to_contain_text("di il")
        shot(page, f"layout-footer-it-{size}")
    finally:
        page.context.close()
    page = open_page(browser, app, size, "fr-FR")
    try:  # a Spanish question with no answer in the sources, in a French UI
        refusal = ask(page, "¿Cuál es la capital de Australia y cuántos habitantes tiene?",
                      footer="Respondido por")
        expect(refusal).not_to_contain_text("Réponse rédigée")
        shot(page, f"layout-refusal-es-under-fr-{size}")
        page.get_by_role("tab", name="Concepts").click()  # a miss: a hint, no empty columns
        page.locator("#concept-term textarea").fill("xqzwv")
        page.locator("#concept-lookup").click()
        expect(page.locator("#concept-card")).to_contain_text("Essayez")
        assert toast_title(page, "warning") == "Attention"
        page.wait_for_timeout(400)  # the toast's fade-in, for a readable screenshot
        page.screenshot(path=str(SCREENSHOTS / f"layout-toast-fr-{size}.png"))
        expect(page.locator("#concept-translations")).to_be_hidden()
        shot(page, f"layout-concept-miss-fr-{size}")
        page.locator("#concept-term textarea").fill("marketing viral")  # near ones suggested
        page.locator("#concept-lookup").click()
        expect(page.locator("#concept-card")).to_contain_text("marketing viral")
        links = page.locator(".concept-link:visible")
        expect(links.first).to_be_visible()
        assert links.count() >= 2 and re.search(r"marketing", " ".join(
            links.all_inner_texts()), re.I), links.all_inner_texts()
        expect(page.locator(".block.links-label")).to_contain_text("Vouliez-vous dire")
        expect(page.locator("#concept-translations")).to_be_hidden()
        no_sideways_scroll(page)
        shot(page, f"layout-concept-suggestions-fr-{size}")
    finally:
        page.context.close()


@pytest.mark.parametrize("size", VIEWPORTS)
def test_spanish_knowledge_tab_speaks_tu_and_counts_yours(browser, app, size: str,  # noqa: ANN001
                                                          tmp_path) -> None:  # noqa: ANN001
    page = open_page(browser, app, size, "es-ES")
    try:
        page.get_by_role("tab", name="Conocimiento").click()
        upload = page.locator("#upload")
        expect(upload).to_contain_text("Suelta el archivo aquí")
        expect(upload).to_contain_text("Haz clic para subirlo")
        expect(upload).not_to_contain_text(re.compile("Coloque|Haga clic"))
        summary = page.locator("#sources-summary")
        expect(summary).to_contain_text("tuyas: 0")
        doc = tmp_path / "oferta-ocelote.md"
        doc.write_text("# Oferta Ocelote\n\nLa oferta Ocelote regala una bolsa de tela a los "
                       "clientes nuevos de la tienda con su primer pedido.\n", encoding="utf-8")
        page.locator("#upload input[type=file]").set_input_files(str(doc))
        expect(summary).to_contain_text("tuyas: 1", timeout=90_000)
        expect(summary).not_to_contain_text("1 tuyas")
        no_sideways_scroll(page)
        shot(page, f"layout-knowledge-es-{size}")
    finally:
        page.context.close()


# The upload box's label and the icon of its drop area, as boxes.
UPLOAD_BOXES = """() => { const root = document.querySelector('#upload');
  const labelled = root.querySelector('[data-testid=block-label]');
  const label = labelled.getBoundingClientRect();
  const icons = [...root.querySelectorAll('svg')].filter(s => !labelled.contains(s))
    .map(s => s.getBoundingClientRect())
    .filter(r => r.width > 0 && r.top >= label.top - 1);
  return {label: [label.left, label.top, label.right, label.bottom],
          icons: icons.map(r => [r.left, r.top, r.right, r.bottom]),
          html: root.outerHTML.slice(0, 3000)}; }"""


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("size", VIEWPORTS)
def test_knowledge_sources_keep_whole_words_and_the_upload_label_clears_its_icon(
        browser, app, size: str) -> None:  # noqa: ANN001
    for locale, tab, word in (("es-ES", "Conocimiento", "Idioma"), ("en-US", "Knowledge", "SWOT")):
        page = open_page(browser, app, size, locale)
        try:
            page.get_by_role("tab", name=tab).click()
            table = page.locator("#sources-table")
            expect(table).to_contain_text("SWOT")
            expect(table.locator("td").first).to_be_visible()
            # No "Idio/ma", "espa/ñol": every word of every cell and column name on one line.
            assert page.evaluate(BROKEN_WORDS, "#sources-table th, #sources-table td") == []
            visible = table.inner_text()
            assert word in visible, visible[:300]  # the column names are seen (cards: ::before)
            no_sideways_scroll(page)
            box = table.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORTS[size]["width"], box
            if size == "phone":  # each row a card: the column name beside each value
                label = table.locator("td").nth(1).evaluate(
                    "td => getComputedStyle(td, '::before').content").strip('"').rstrip(": ")
                assert label in {"Idioma", "Language"}, label
                height = page.evaluate("document.documentElement.scrollHeight")
                assert height < 4 * VIEWPORTS[size]["height"], height  # the list scrolls in its box
            boxes = page.evaluate(UPLOAD_BOXES)
            assert boxes["icons"], boxes["html"]
            for icon in boxes["icons"]:
                assert not _overlap(boxes["label"], icon), (boxes["label"], icon)
            shot(page, f"layout-knowledge-sources-{locale[:2]}-{size}")
        finally:
            page.context.close()


# -- the interview by keyboard, then the plan at both sizes ---------------------------------
QUESTIONS = PromptLibrary(ROOT / "prompts").phrases("interview", "en")["questions"]
ANSWERS = {
    "business": "Panaderia Sol, a family bakery in Seville",
    "offer": "Sourdough bread and pastries, about 4 euros a loaf",
    "customers": "Families and office workers living in the neighbourhood",
    "goal": "Win 150 new regular customers",
    "horizon_months": "6 months",
    "budget": "3000 euros",
    "channels": "Instagram and the shop window",
}


def focus_by_keyboard(page, selector: str, presses: int = 120) -> None:  # noqa: ANN001
    """Press Tab until the focus is inside `selector` (the way a keyboard user gets there)."""
    for _ in range(presses):
        if page.evaluate("s => !!document.activeElement?.closest(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def slot_of(question: str) -> str:
    return next((key for key, text in QUESTIONS.items() if text[:40] in question), "")


@pytest.fixture(scope="module")
def planned(browser, app: RunningApp) -> Iterator[dict]:  # noqa: ANN001
    """An interview done with the keyboard only, at desktop size; what was seen on the way."""
    page = open_page(browser, app, "desktop")
    seen: dict = {"page": page}
    focus_by_keyboard(page, "#tab-interview-button")
    page.keyboard.press("Enter")
    focus_by_keyboard(page, "#new-interview")
    page.keyboard.press("Enter")
    progress = page.locator("#iv-progress")
    expect(progress).to_contain_text("Question")
    for _ in range(len(QUESTIONS) + 4):
        # the step before has finished (Gradio's "processing" overlay gone, buttons enabled)
        page.wait_for_function("() => !(document.querySelector('#iv-question')?.innerText || '')"
                               ".includes('processing')")
        if page.locator("#iv-summary").is_visible():
            break
        before = progress.inner_text()
        slot = slot_of(page.locator("#iv-question").inner_text())
        if slot in ANSWERS:
            focus_by_keyboard(page, "#iv-answer")
            expect(page.locator("#iv-answer textarea")).to_have_value("")
            page.keyboard.press("Control+A")
            page.keyboard.type(ANSWERS[slot])
            page.keyboard.press("Enter")
        else:
            focus_by_keyboard(page, "#iv-skip")
            page.keyboard.press("Enter")
        expect(progress.or_(page.locator("#iv-summary"))).not_to_have_text(before)
        page.wait_for_timeout(150)
    expect(page.locator("#iv-summary")).to_contain_text("Panaderia Sol")
    seen["first_edit_value"] = page.locator("#iv-edit-value textarea, #iv-edit-value input"
                                            ).first.input_value()
    seen["first_summary_value"] = page.locator("#iv-summary li").first.inner_text()
    seen["understood"] = page.locator("#iv-summary").inner_text()
    shot(page, "layout-summary-desktop")
    # What was understood is corrected by choosing: another business type, then back, and a
    # second goal; the "I understood" line follows each choice.
    summary = page.locator("#iv-summary")
    for business in ("restaurant or café", "bakery"):
        choose(page, "#iv-u-type", business)
        page.locator("#iv-u-apply").click()
        expect(summary).to_contain_text(re.compile(f"I understood: .*{business}", re.S))
    choose(page, "#iv-u-goals", "customer loyalty and retention")
    page.locator("#iv-u-apply").click()
    expect(summary).to_contain_text(re.compile("I understood: .*loyalty", re.S | re.I))
    expect(page.locator("#iv-u-goals")).to_contain_text("customer loyalty and retention")
    seen["corrected"] = summary.inner_text()
    shot(page, "layout-summary-corrected-desktop")
    page.set_viewport_size(VIEWPORTS["phone"])  # the same choosers on a phone
    choose(page, "#iv-u-excluded", "TikTok")
    page.locator("#iv-u-apply").click()
    expect(summary).to_contain_text(re.compile("ruled out: .*TikTok", re.S))
    no_sideways_scroll(page)
    seen["phone_chooser_width"] = page.locator("#iv-u-excluded").bounding_box()["width"]
    page.locator("#iv-understood").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "layout-summary-corrected-phone.png"))
    page.set_viewport_size(VIEWPORTS["desktop"])
    focus_by_keyboard(page, "#iv-confirm")
    page.keyboard.press("Enter")
    expect(page.locator("#plan-body")).to_contain_text("Panaderia Sol", timeout=60_000)
    yield seen
    page.context.close()


def choose(page, chooser: str, option: str) -> None:  # noqa: ANN001
    """Pick one option in a Gradio dropdown (single or multiple choice), as a person does."""
    page.locator(f"{chooser} input").click()
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")


def test_the_interview_can_be_done_with_the_keyboard_alone(planned) -> None:  # noqa: ANN001
    page = planned["page"]
    expect(page.locator("#plan-body h1, #plan-body h2").first).to_be_visible()
    # The summary's editor starts with the value of the answer it offers to change.
    assert planned["first_edit_value"].strip(), planned
    assert planned["first_edit_value"].strip()[:10] in planned["first_summary_value"], planned
    # The summary says what was understood (business type, goals...) before drafting.
    assert re.search(r"I understood: .*bakery", planned["understood"], re.I | re.S), planned
    # Corrected by choosing, at both sizes; on a phone each chooser takes the screen's width.
    assert "loyalty" in planned["corrected"], planned
    assert planned["phone_chooser_width"] > 0.8 * (VIEWPORTS["phone"]["width"] - 60), planned
    # The saved list shows the new plan without a reload.
    expect(page.locator("#saved-work input")).to_have_value(re.compile("Panaderia Sol"))
    # Plan sources are titles, never internal ids like "(lead-generation)".
    assert not re.search(r"\([a-z]+(-[a-z]+)+\)", page.locator("#plan-body").inner_text())


@pytest.mark.parametrize("size", VIEWPORTS)
def test_plan_tables_read_well_on_desktop_and_phone(planned, size: str) -> None:  # noqa: ANN001
    page = planned["page"]
    page.set_viewport_size(VIEWPORTS[size])
    page.wait_for_timeout(400)
    body = page.locator("#plan-body")
    # On a phone the sections start folded (the summary open): open them all, as a reader
    # going through the tables does.
    closed = body.locator("details.plan-section:not([open]) > summary")
    for _ in range(20):
        if not closed.count():
            break
        closed.first.click()
    expect(body.locator("table").first).to_be_visible()
    no_sideways_scroll(page)
    assert page.evaluate(BROKEN_WORDS, PLAN_CELLS) == []  # no "Obiet tivo", "P r o s p e…"
    # The section form stays closed until asked for: the page is the plan and its tools.
    expect(page.locator("#plan-save-section")).to_have_count(0)
    height = page.evaluate("document.documentElement.scrollHeight")
    plan_height = body.bounding_box()["height"]
    print(f"{size}: page {height} px tall, plan text {plan_height:.0f} px")
    assert height < plan_height + 1600, (height, plan_height)
    if size == "phone":
        # Rows are cards: every cell as wide as the card, its column name shown above it.
        shot(page, f"layout-plan-{size}")
        cell, table, text = page.evaluate(NARROWEST_CELL)
        assert cell > 0.8 * table, (cell, table, text)
        label = body.locator("td").first.evaluate(
            "td => getComputedStyle(td, '::before').content")
        assert label.strip('"'), label
        tables = body.locator("table")
        for i in range(tables.count()):
            box = tables.nth(i).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORTS["phone"]["width"]
    shot(page, f"layout-plan-{size}")
    page.set_viewport_size(VIEWPORTS["desktop"])


@pytest.mark.parametrize("size", VIEWPORTS)
def test_a_plan_section_is_edited_in_a_form_checked_beside_each_field(planned,  # noqa: ANN001
                                                                      size: str) -> None:
    page = planned["page"]
    page.set_viewport_size(VIEWPORTS[size])
    collapsed = page.evaluate("document.documentElement.scrollHeight")
    page.locator("#plan-section input").click()
    page.get_by_role("option", name=re.compile("Tactic", re.I)).first.click()
    expect(page.locator("#pf-0-budget_cents")).to_have_count(0)  # closed until asked for
    page.locator("#plan-edit").click()
    budget = page.locator("#pf-0-budget_cents input")
    expect(budget).to_be_visible()
    opened = page.evaluate("document.documentElement.scrollHeight")
    print(f"{size}: page {collapsed} px tall with the form closed, {opened} px with Tactics open")
    euros = float(budget.input_value())
    assert 0 < euros <= 3000, euros  # currency units, not cents
    expect(page.locator("#pf-0-budget_cents")).to_contain_text("EUR")
    expect(page.locator("#pf-0-start_month")).to_contain_text("month 1 to")
    name = page.locator("#pf-0-name textarea, #pf-0-name input").first
    assert name.input_value()
    budget.fill(str(euros + 3000))  # more than the whole plan's budget: refused beside it
    page.locator("#plan-save-section").click()
    problem = page.locator("#pf-0-budget_cents").get_by_text(re.compile("more than the plan"))
    expect(problem).to_be_visible()
    expect(budget).to_have_value(re.compile(str(int(euros + 3000))))  # the typed value stays
    no_sideways_scroll(page)
    shot(page, f"layout-plan-form-error-{size}")
    page.locator("#pf-0-budget_cents").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / f"layout-plan-form-error-{size}-field.png"))

    # A budget the reserve can pay for is saved: the budget table and month split follow.
    new_budget = euros + 10
    budget.fill(f"{new_budget:.2f}")
    new_name = f"Neighbourhood tastings {size}"
    name.fill(new_name)
    page.locator("#plan-save-section").click()
    body = page.locator("#plan-body")
    expect(body).to_contain_text(new_name)
    expect(page.locator("#plan-save-section")).to_have_count(0)  # the form closed again
    row = body.locator("tr").filter(has_text=new_name).filter(has_text="%")
    expect(row.first).to_contain_text(format_money(round(new_budget * 100), "EUR", "en"))
    # Its title is in the UI's language (Gradio shows "Info" whatever title it is given).
    toast = page.locator(".toast-body.info").filter(has_text="Section saved.")
    expect(toast.first).to_be_visible()
    title = toast.first.locator(".toast-title")
    assert title.evaluate("e => getComputedStyle(e, '::before').content") == '"Done"'
    assert title.evaluate("e => getComputedStyle(e).fontSize") == "0px"  # "Info" not shown
    page.wait_for_timeout(400)  # the toast's fade-in; the screenshot shows what is in view
    page.screenshot(path=str(SCREENSHOTS / f"layout-plan-saved-{size}.png"))
    close = page.locator(".toast-close").first
    if close.is_visible():  # a slow screenshot can outlast the toast
        close.click()
    page.set_viewport_size(VIEWPORTS["desktop"])


# The saved item's text, the field's label and the dropdown's arrow, as boxes.
SAVED_BOXES = """() => { const root = document.querySelector('#saved-work');
  const input = root.querySelector('input'); const box = input.getBoundingClientRect();
  const arrow = [...root.querySelectorAll('svg')].map(s => s.getBoundingClientRect())
    .filter(r => r.width > 0).sort((a, b) => b.right - a.right)[0];
  const label = root.querySelector('label span, [data-testid=block-info]').getBoundingClientRect();
  return {textRight: box.right - parseFloat(getComputedStyle(input).paddingRight),
          textLeft: box.left, arrowLeft: arrow.left, arrowTop: arrow.top, arrowBottom: arrow.bottom,
          labelRight: label.right, labelBottom: label.bottom, labelTop: label.top}; }"""


@pytest.mark.parametrize("size", VIEWPORTS)
def test_the_saved_item_never_runs_under_its_dropdown_arrow(planned, size: str) -> None:  # noqa: ANN001
    page = planned["page"]
    page.set_viewport_size(VIEWPORTS[size])
    page.locator("#saved-work").scroll_into_view_if_needed()
    expect(page.locator("#saved-work input")).to_have_value(re.compile("Panaderia Sol"))
    boxes = page.evaluate(SAVED_BOXES)
    assert boxes["textRight"] <= boxes["arrowLeft"], boxes  # the text stops before the arrow
    assert boxes["labelBottom"] <= boxes["arrowTop"] or boxes["labelRight"] <= boxes["arrowLeft"], \
        boxes  # the label is above the arrow or beside it, never on it
    page.locator("#saved-work").screenshot(path=str(SCREENSHOTS / f"layout-saved-item-{size}.png"))
    page.set_viewport_size(VIEWPORTS["desktop"])


def test_a_saved_plan_reopens_with_one_press_after_a_reload(planned) -> None:  # noqa: ANN001
    page = planned["page"]
    page.reload()
    expect(page.locator("#send")).to_have_text("Send")
    page.get_by_role("tab", name="Marketing plan").click()
    expect(page.locator("#saved-work input")).to_have_value(re.compile("Panaderia Sol"))
    page.locator("#resume").click()
    expect(page.locator("#plan-body")).to_contain_text("Panaderia Sol")
