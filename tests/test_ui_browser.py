"""The web app in a real Chromium: chat, concepts, uploads, UI language (and the interview)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui_server import (
    BROWSER_MARKS,
    SCREENSHOTS,
    TIMEOUT_MS,
    RunningApp,
    running_app,
)

pytestmark = BROWSER_MARKS
sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

# Records every length the last chat message had, to see the answer grow while it streams.
WATCH_STREAM = """() => { window.__lengths = []; const root = document.querySelector('#chatbot');
  new MutationObserver(() => { const rows = root.querySelectorAll('.bot-row');
    const last = rows[rows.length - 1]; if (last) window.__lengths.push(last.innerText.length); })
  .observe(root, {subtree: true, childList: true, characterData: true}); }"""


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """One app process for the module, first started on an empty data folder (it ingests)."""
    with running_app(tmp_path_factory.mktemp("ui") / "data") as running:
        yield running


@pytest.fixture(scope="module")
def browser(chromium):  # noqa: ANN001, ANN201 - the session's Chromium (tests/conftest.py)
    return chromium


@pytest.fixture
def page(app: RunningApp, browser) -> Iterator[object]:  # noqa: ANN001
    """A fresh browser profile (its own per-browser id) in English, on the app."""
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900},
                                  accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto(app.url)
    expect(page.get_by_role("tab", name="Chat")).to_be_visible()
    yield page
    context.close()


def shot(page, name: str) -> None:  # noqa: ANN001
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def ask(page, question: str) -> object:  # noqa: ANN001
    """Send a question and wait for the composed answer; the last answer's bubble."""
    answered = page.locator("#chatbot .bot-row").filter(has_text=re.compile("Answered by"))
    before = answered.count()  # one more than before: an earlier answer is not this one
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()
    expect(answered).to_have_count(before + 1, timeout=TIMEOUT_MS)
    return answered.last


# True once the interview shows its summary, or a question other than `before`, settled.
NEXT_STEP = """(before) => {
  const summary = document.querySelector('#iv-summary');
  if (summary && summary.offsetParent) return true;
  const text = document.querySelector('#iv-progress')?.innerText || '';
  const step = (text.match(/Question \\d+ of \\d+/) || [''])[0];
  // Gradio's timer ("processing | 0.4s", or just "0.0s") sits over the counter while a step runs
  return step && step !== before && !/processing|queue|\\d\\.\\ds/.test(text);
}"""


def open_tab(page, name: str) -> None:  # noqa: ANN001
    page.get_by_role("tab", name=name).click()


def test_chat_streams_an_answer_with_numbered_sources_that_expand(page) -> None:  # noqa: ANN001
    expect(page.locator("#chatbot")).to_be_attached()  # the tab shows before the chat renders
    page.evaluate(WATCH_STREAM)
    answer = ask(page, "What is a SWOT analysis?")
    expect(answer).to_contain_text("SWOT")
    expect(answer).to_contain_text("[1]")
    lengths = [n for n in page.evaluate("window.__lengths") if n > 0]
    assert len(set(lengths)) >= 2, f"the answer never grew while streaming: {lengths}"

    # Each source is a disclosure button under the answer (assistant/ui/citations.py).
    sources = page.locator("#chatbot .cite")
    first = sources.locator(".cite-toggle").filter(has_text=re.compile(r"^\W*\[1\]"))
    expect(first).to_contain_text("English")  # the passage's language, beside its title
    first.click()
    expect(sources.locator(".cite-passage").first).to_be_visible()
    expect(sources.locator(".cite-passage").first).to_contain_text("Strengths")
    sources.locator(".cite-passage").first.scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # the accordion's opening animation
    shot(page, "chat")

    page.locator("#new-chat").click()
    expect(page.locator("#chatbot .bot-row")).to_have_count(0)


def test_a_thanks_gets_a_word_back_not_a_search(page) -> None:  # noqa: ANN001
    """'Merci !' was answered 'nothing found in the knowledge base' (hand test, 7 Dec)."""
    expect(page.locator("#send")).to_have_text("Send")
    page.locator("#question textarea").fill("Merci beaucoup !")
    page.locator("#send").click()
    reply = page.locator("#chatbot .bot-row").last
    expect(reply).to_contain_text("Avec plaisir")
    expect(reply).not_to_contain_text("Answered by")  # no answer composed from the sources
    expect(page.locator("#chatbot .user-row")).to_have_count(1)


def test_concept_typed_without_accents_shows_card_and_switches_language(page) -> None:  # noqa: ANN001
    open_tab(page, "Concepts")
    page.locator("#concept-term textarea").fill("analisis dafo")
    page.locator("#concept-lookup").click()
    card = page.locator("#concept-card")
    expect(card).to_contain_text("SWOT analysis")
    expect(page.locator("#concept-translations")).to_contain_text("Análisis DAFO")
    expect(page.locator("#concept-passages")).to_contain_text("What the articles say")

    page.locator("#card-lang").get_by_text("Italiano").click()
    expect(card).to_contain_text("Analisi SWOT")
    expect(page.locator("#concept-translations")).to_contain_text("SWOT analysis")

    related = page.locator(".concept-link").filter(has_text="PESTEL")
    related.click()
    expect(card).to_contain_text("PESTEL")
    shot(page, "concepts")


def test_uploaded_document_is_listed_cited_private_and_inert(page, browser, app,  # noqa: ANN001
                                                             tmp_path: Path) -> None:
    doc = tmp_path / "zorblax-loyalty.md"
    doc.write_text(
        "# Zorblax loyalty programme\n\n"
        "The Zorblax loyalty programme rewards repeat customers of our bakery with a free "
        "loaf after every ten purchases, and it raised repeat visits by a third in 2024.\n\n"
        "<img src=x onerror=\"window.__pwned=1\"> <script>window.__pwned=2</script>\n",
        encoding="utf-8")
    open_tab(page, "Knowledge")
    expect(page.locator("#sources-table")).to_contain_text("SWOT")
    page.locator("#upload input[type=file]").set_input_files(str(doc))
    expect(page.locator("#upload-status")).to_contain_text("zorblax-loyalty.md",
                                                           timeout=60_000)
    expect(page.locator("#sources-table")).to_contain_text("zorblax-loyalty.md")
    expect(page.locator("#sources-summary")).to_contain_text("1 of yours")
    page.wait_for_timeout(300)
    shot(page, "knowledge")

    open_tab(page, "Chat")
    answer = ask(page, "How does the Zorblax loyalty programme work?")
    cited = page.locator("#chatbot .cite-toggle").filter(has_text="zorblax-loyalty.md")
    expect(cited).not_to_have_count(0)
    cited.first.click()
    expect(answer).to_contain_text("<script>")  # shown as text…
    assert page.evaluate("window.__pwned") is None  # …never run

    other = browser.new_context(locale="en-US")
    try:
        stranger = other.new_page()
        stranger.goto(app.url)
        stranger.get_by_role("tab", name="Knowledge").click()
        expect(stranger.locator("#sources-table")).to_contain_text("SWOT")
        expect(stranger.locator("#sources-table")).not_to_contain_text("zorblax")
    finally:
        other.close()

    open_tab(page, "Knowledge")
    page.locator("#remove-document").click()
    expect(page.locator("#upload-status")).to_contain_text("Removed")
    expect(page.locator("#sources-table")).not_to_contain_text("zorblax-loyalty.md")


def test_ui_language_follows_the_browser_and_can_be_switched(app, browser) -> None:  # noqa: ANN001
    context = browser.new_context(locale="it-IT", viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(app.url)
        expect(page.locator("#send")).to_have_text("Invia", timeout=TIMEOUT_MS)
        expect(page.get_by_role("tab", name="Concetti")).to_be_visible()

        page.locator("#ui-lang input").click()
        page.get_by_role("option", name="Français").click()
        expect(page.locator("#send")).to_have_text("Envoyer")
        expect(page.get_by_role("tab", name="Connaissances")).to_be_visible()
        expect(page.get_by_role("button", name=re.compile("Qu'est-ce qu'une analyse SWOT"))
               ).to_be_visible()
        shot(page, "chat-fr")

        page.reload()  # the choice is remembered by this browser
        expect(page.locator("#send")).to_have_text("Envoyer", timeout=TIMEOUT_MS)
    finally:
        context.close()


def test_interview_with_back_and_an_edit_drafts_a_plan_to_download(page) -> None:  # noqa: ANN001
    from tests.test_ui_layout import ANSWERS, slot_of

    open_tab(page, "Marketing plan")
    page.locator("#new-interview").click()
    progress = page.locator("#iv-progress")
    expect(progress).to_contain_text("Question 1 of")  # #22: counted from 1
    page.locator("#iv-answer textarea").fill(ANSWERS["business"])
    page.locator("#iv-next").click()
    expect(progress).to_contain_text("Question 2 of")
    page.locator("#iv-back").click()  # back shows the answer given
    expect(progress).to_contain_text("Question 1 of")
    expect(page.locator("#iv-answer textarea")).to_have_value(re.compile("Panaderia Sol"))
    page.locator("#iv-next").click()
    expect(progress).to_contain_text("Question 2 of")
    # the saved-work list follows each step (it said "question 1 of 13" here)
    expect(page.locator("#saved-work input")).to_have_value(re.compile("question 2 of"))
    shot(page, "interview")
    while not page.locator("#iv-summary").is_visible():
        before = re.search(r"Question \d+ of \d+", progress.inner_text()).group(0)
        slot = slot_of(page.locator("#iv-question").inner_text())
        if slot in ANSWERS:
            page.locator("#iv-answer textarea").fill(ANSWERS[slot])
            page.locator("#iv-next").click()
        else:
            page.locator("#iv-skip").click()
        # Under load Gradio's "processing | 0.4s" covers the step counter: wait for the next
        # question (or the summary) itself before reading it.
        page.wait_for_function(NEXT_STEP, arg=before, timeout=TIMEOUT_MS)
    expect(page.locator("#iv-summary")).to_contain_text("Panaderia Sol")

    page.locator("#iv-edit-slot input").click()
    page.get_by_role("option", name=re.compile("budget", re.I)).first.click()
    editor = page.locator("#iv-edit-value textarea, #iv-edit-value input").first
    expect(editor).to_have_value(re.compile("3.?000"))  # it starts with the current value
    editor.fill("5000 EUR")
    page.locator("#iv-change").click()
    expect(page.locator("#iv-summary")).to_contain_text("5")
    page.locator("#iv-confirm").click()
    expect(page.locator("#plan-body")).to_contain_text("Panaderia Sol", timeout=TIMEOUT_MS)
    expect(page.locator("#plan-body")).to_contain_text(re.compile(r"5[,. \u00a0\u202f]?000"))
    charts = page.locator("#plan-charts img")  # drawn on the server, shown after the summary
    expect(charts).to_have_count(4)  # no margin given: budget x2, calendar, funnel
    assert all(charts.nth(i).evaluate("img => img.complete && img.naturalWidth > 1000")
               and charts.nth(i).get_attribute("alt") for i in range(4))
    links = page.locator("#plan-downloads button")  # named by what they are
    expect(links).to_have_count(4)  # md, docx, pdf, json
    expect(links.first).to_contain_text("Markdown")
    with page.expect_download() as download:
        links.first.click()  # the Markdown file comes first
    assert download.value.suggested_filename.endswith(".md")
    assert "Panaderia Sol" in Path(download.value.path()).read_text(encoding="utf-8")
    shot(page, "plan")

    page.reload()  # a returning browser finds its plan again
    open_tab(page, "Marketing plan")
    expect(page.locator("#saved-work input")).to_have_value(re.compile("Panaderia Sol"),
                                                            timeout=TIMEOUT_MS)
    page.locator("#resume").click()
    expect(page.locator("#plan-body")).to_contain_text("Panaderia Sol")
