"""A follow-up in the chat, in a real Chromium: "e quanto dovrei spendere?" after a bakery
question is answered about a marketing budget, in Italian, with numbered sources (issue #12)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant.language import LanguageDetector
from tests.ui_server import BROWSER_MARKS, TIMEOUT_MS, RunningApp, running_app

pytestmark = BROWSER_MARKS
sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect
FOOTER = re.compile("Risposta d")  # the Italian answer footer, written once an answer is done


@pytest.fixture(scope="module")
def app(fresh_data: Callable[[str], Path]) -> Iterator[RunningApp]:
    with running_app(fresh_data("followup")) as running:
        yield running


@pytest.fixture
def page(app: RunningApp, chromium) -> Iterator[object]:  # noqa: ANN001
    context = chromium.new_context(locale="it-IT", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto(app.url)
    expect(page.locator("#question textarea")).to_be_visible()
    yield page
    context.close()


def _ask(page, question: str, answers_before: int) -> object:  # noqa: ANN001
    """Send a question in the chat box; the bubble of its finished answer (the first answer of
    a fresh app also waits for the embedding model to load, on two shared cores)."""
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()
    done = page.locator("#chatbot .bot-row").filter(has_text=FOOTER)
    expect(done).to_have_count(answers_before + 1, timeout=4 * TIMEOUT_MS)
    return done.last


def test_follow_up_on_spending_is_answered_about_a_marketing_budget_in_italian(
        page) -> None:  # noqa: ANN001
    first = _ask(page, "Come posso trovare nuovi clienti per il mio panificio?", 0)
    expect(first).to_contain_text("[1]")
    second = _ask(page, "e quanto dovrei spendere?", 1)

    expect(second).to_contain_text("Budget di marketing")  # the budget card leads
    text = second.inner_text()
    assert "non ha bisogno di un budget" not in text  # not the stale strategic-marketing quote
    answer = text.split("Risposta d")[0]
    assert LanguageDetector().detect(answer) == "it", answer
    markers = []
    for marker in re.findall(r"\[(\d+)\]", answer):
        if int(marker) not in markers:
            markers.append(int(marker))
    assert markers and markers == list(range(1, len(markers) + 1)), markers
    sources = second.locator(".cite-toggle")
    expect(sources.first).to_contain_text("[1]")
    assert sources.count() >= len(markers)
