"""HTML and JavaScript typed by users, in documents or in plan fields are shown as text and never
run in a real browser: no dialog, no injected element, no flag set by a script."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.ui_server import (
    BROWSER_MARKS,
    TIMEOUT_MS,
    RunningApp,
    running_app,
)

pytestmark = BROWSER_MARKS
sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>window.__pwned='script'</script>"
# Counts what an injection would leave behind: a node carrying an event handler, a script
# element outside Gradio's own, or a flag set by the payloads.
INJECTED = """() => ({
  handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
  scripts: [...document.querySelectorAll('body script')]
    .filter(s => s.textContent.includes('__pwned')).length,
  images: document.querySelectorAll('img[src="x"]').length,
  pwned: window.__pwned || null,
})"""


@pytest.fixture(scope="module")
def app(fresh_data: Callable[[str], Path]) -> Iterator[RunningApp]:
    with running_app(fresh_data("hostile")) as running:
        yield running


@pytest.fixture
def page(app: RunningApp, chromium) -> Iterator[object]:  # noqa: ANN001
    """An English page that records every dialog and any call to alert()."""
    context = chromium.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    try:
        context.set_default_timeout(TIMEOUT_MS)
        context.add_init_script("window.alert = (m) => { window.__pwned = 'alert:' + m; };")
        page = context.new_page()
        page.dialogs = []
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message),
                                          dialog.dismiss()))
        page.goto(app.url)
        expect(page.get_by_role("tab", name="Chat")).to_be_visible()
        yield page
        page.wait_for_timeout(500)  # time for a late onerror to fire
        assert page.dialogs == []
        assert page.evaluate(INJECTED) == {"handlers": 0, "scripts": 0, "images": 0,
                                           "pwned": None}
    finally:
        context.close()


def test_html_in_a_business_name_stays_text_through_the_interview_and_plan(page) -> None:  # noqa: ANN001
    page.get_by_role("tab", name="Marketing plan").click()
    page.locator("#new-interview").click()
    progress = page.locator("#iv-progress")
    expect(progress).to_contain_text("Question 1 of")

    def reply(text: str, then: str) -> None:
        page.locator("#iv-answer textarea").fill(text)
        page.locator("#iv-next").click()
        expect(progress).to_contain_text(then)

    reply(f"{IMG} Bakery {SCRIPT}, a bakery in Seville", "Question 2 of")
    reply("Sourdough bread <b onclick=alert(2)>and pastries</b>, 4 euros a loaf", "Question 3 of")
    reply("Families and office workers in the neighbourhood", "Question 4 of")
    for then in ("Question 5 of", "Question 6 of"):
        page.locator("#iv-skip").click()
        expect(progress).to_contain_text(then)
    page.locator(".iv-option").first.click()
    expect(progress).to_contain_text("Question 7 of")
    page.locator(".iv-option").filter(has_text="6 months").click()
    expect(progress).to_contain_text("Question 8 of")  # busy and quiet months
    page.locator("#iv-skip").click()
    expect(progress).to_contain_text("Question 9 of")
    reply("3000 euros", "Question 10 of")
    for then in ("Question 11 of", "Question 12 of", "Question 13 of"):
        page.locator("#iv-skip").click()
        expect(progress).to_contain_text(then)
    page.locator("#iv-skip").click()
    expect(page.locator("#iv-summary")).to_contain_text(IMG)
    page.locator("#iv-confirm").click()
    plan = page.locator("#plan-body")
    # The name is cut where the interview's parser ends it; what is kept is shown as typed.
    expect(plan).to_contain_text("Marketing plan for <img src=x onerror=alert",
                                 timeout=TIMEOUT_MS)
    expect(plan).to_contain_text("<b onclick=alert(2)>and pastries</b>")
    page.locator("#plan-edit").click()  # the summary section's form, opened on request
    page.locator("#pf-value textarea").fill(f"Our story {IMG} {SCRIPT}")
    page.locator("#plan-save-section").click()
    expect(plan).to_contain_text(f"Our story {IMG} {SCRIPT}")

    page.reload()  # the plan's title, with its markup, in the saved-work list
    page.get_by_role("tab", name="Marketing plan").click()
    expect(page.locator("#saved-work input")).to_have_value(
        re.compile(re.escape("<img src=x onerror=alert")))


def test_html_in_questions_terms_and_documents_stays_text(page, tmp_path: Path) -> None:  # noqa: ANN001
    page.locator("#question textarea").fill(f"What is a SWOT analysis {IMG} {SCRIPT}?")
    page.locator("#send").click()
    chat = page.locator("#chatbot")
    expect(chat.locator(".bot-row").filter(has_text="Answered by")).to_have_count(1)
    expect(chat.locator(".user-row")).to_contain_text(IMG)

    page.get_by_role("tab", name="Concepts").click()  # an unknown term comes back in a toast
    page.locator("#concept-term textarea").fill(f"{IMG}{SCRIPT}")
    page.locator("#concept-lookup").click()
    toast = page.locator(".toast-body").filter(has_text="No concept matches")
    expect(toast.first).to_contain_text(IMG)

    doc = tmp_path / "<img src=x onerror=alert(5)>.md"
    doc.write_text(f"# Ocelot offer {IMG}\n\nThe Ocelot offer gives new customers of our shop "
                   f"a free tote bag with their first order, all year. {SCRIPT}\n",
                   encoding="utf-8")
    page.get_by_role("tab", name="Knowledge").click()
    page.locator("#upload input[type=file]").set_input_files(str(doc))
    expect(page.locator("#upload-status")).to_contain_text("alert(5)", timeout=60_000)
    expect(page.locator("#sources-table")).to_contain_text("onerror=alert(5)")
