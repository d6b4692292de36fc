"""The web app as a new user meets it, at a desktop (1366×900) and a phone (390×844) size:
what a person sees (visible text, boxes, no sideways scrolling), not only the DOM."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.ui_server import (
    BROWSER_MARKS,
    SCREENSHOTS,
    TIMEOUT_MS,
    RunningApp,
    launch_chromium,
    running_app,
)

pytestmark = BROWSER_MARKS
sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
TAB_NAMES = {"en": ["Chat", "Marketing plan", "Concepts", "Knowledge"],
             "es": ["Chat", "Plan de marketing", "Conceptos", "Conocimiento"]}

# Words of the plan's table cells that the browser laid out on more than one line.
BROKEN_WORDS = """() => { const broken = [];
  for (const cell of document.querySelectorAll('#plan-body th, #plan-body td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.matchAll(/[\\p{L}\\p{N}]{4,}/gu)) {
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      } } }
  return broken; }"""
NARROWEST_CELL = """() => Math.min(...[...document.querySelectorAll('#plan-body td')]
  .filter(td => td.innerText.trim()).map(td => td.getBoundingClientRect().width))"""


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """One app for the module (it ingests on its empty data folder first)."""
    with running_app(tmp_path_factory.mktemp("layout") / "data") as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


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
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()
    answer = page.locator("#chatbot .bot-row").filter(has_text=footer)
    expect(answer.last).to_be_visible()
    return answer.last


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
            footer = page.locator("footer").inner_text()
            assert all(part.strip() for part in footer.split("·")), repr(footer)  # no stray dot
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
