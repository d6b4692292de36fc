"""#22: an edited target is one plan. A plan's first objective is edited in the plan tab's form,
as a user does, at desktop (1366x900) and then at phone size (390x844): every place the page
shows the target (the objective, the funnel, the calendar's milestone, the measurement plan, the
ROI line, the monthly review) and the Markdown and JSON exports read the new number, never the
old one. One app, one plan (drafted through the chat endpoint with the browser's own cookie, so
the browser owns it), both sizes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant.prompts import PromptLibrary
from tests.ui_server import BROWSER_MARKS, ROOT, TIMEOUT_MS, RunningApp, running_app

pytestmark = BROWSER_MARKS
sync_api = pytest.importorskip("playwright.sync_api")
gradio_client = pytest.importorskip("gradio_client")
expect = sync_api.expect
expect.set_options(timeout=TIMEOUT_MS)

SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
START = "I need a marketing plan for my bakery"
ANSWERS = {"business": "Panaderia Sol, a family bakery in Seville",
           "offer": "Sourdough bread and pastries, about 4 euros a loaf",
           "customers": "Families and office workers living in the neighbourhood",
           "goal": "Win 150 new regular customers", "horizon_months": "6 months",
           "budget": "3000 euros", "channels": "Instagram and the shop window"}
QUESTIONS = PromptLibrary(ROOT / "prompts").phrases("interview", "en")["questions"]
# Where the plan shows its first objective's target, "{n}" the number (plan.en.json's phrases).
PLACES = [r"reach {n} by the end", r"Your goal needs {n} new customers",
          r"O1 deadline: {n} new regular customers", r"{n} new regular customers by the end",
          r"With {n} new regular customers", r"against the target \({n}\)"]


@pytest.fixture(scope="module")
def app(fresh_data: Callable[[str], Path]) -> Iterator[RunningApp]:
    with running_app(fresh_data("target")) as running:
        yield running


def texts(chat: list[dict]) -> list[str]:
    return [str(m["content"] if not isinstance(m["content"], list) else
                "".join(p.get("text", "") for p in m["content"])) for m in chat]


def draft_in_chat(url: str, cookie: str) -> None:
    """The whole interview through the chat endpoint, as the browser holding `cookie`."""
    client = gradio_client.Client(url, verbose=False, headers={"Cookie": cookie})
    said = texts(client.predict(START, "en", api_name="/ask")[0])
    for _ in range(25):
        last = said[-1]
        if "Here is what you told me" in last:
            said = texts(client.predict("ok", "en", api_name="/ask")[0])
            break
        slot = next((k for k, q in QUESTIONS.items() if q in last), None)
        said = texts(client.predict(ANSWERS.get(slot or "", "skip"), "en", api_name="/ask")[0])
    assert "Your plan is ready" in said[-1], said[-3:]


def read_everywhere(page, n: int, old: int) -> None:  # noqa: ANN001
    """The new number in every place the page shows the target, the old one in none."""
    body = page.locator("#plan-body")
    expect(body).to_contain_text(f"reach {n} by the end", timeout=TIMEOUT_MS)
    text = body.text_content() or ""  # folded sections (phone) included
    missing = [p for p in PLACES if not re.search(p.format(n=n), text)]
    assert not missing, missing
    assert not re.search(rf"(?<![\d,.]){old}(?![\d,.])", text)


def edit_target(page, n: int) -> None:  # noqa: ANN001
    """Through the Strategy section's form, as a user does."""
    target = page.locator("#pf-objectives-0-target_value input")
    # Known issue (see the closing note): a tab select sent before the plan showed may land
    # after the section was picked and put the box back to "Summary" (a redraw of the plan
    # already shown keeps the pick); a user sees it and picks again, so does the test.
    for _ in range(3):
        page.locator("#plan-section input").click()
        page.get_by_role("option", name="Strategy", exact=True).click()
        try:
            expect(page.locator("#plan-section input")).to_have_value("Strategy",
                                                                      timeout=5_000)
            page.wait_for_timeout(300)
            page.locator("#plan-edit").click()
            expect(target).to_be_visible(timeout=10_000)
            break
        except AssertionError:
            continue
    expect(page.locator("#plan-save-section")).to_be_visible()
    expect(target).to_be_visible()
    target.fill(str(n))
    page.locator("#plan-save-section").click()
    expect(page.locator("#plan-save-section")).to_have_count(0)  # saved, the form closed


def test_an_edited_target_reads_the_same_everywhere_at_both_sizes(app: RunningApp,
                                                                    chromium) -> None:  # noqa: ANN001
    context = chromium.new_context(locale="en-US", viewport=SIZES["desktop"],
                                   accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto(app.url)
    expect(page.get_by_role("tab", name="Chat")).to_be_visible()
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in context.cookies())
    draft_in_chat(app.url, cookie)
    page.reload()
    page.get_by_role("tab", name="Marketing plan").click()
    expect(page.locator("#saved-work input")).to_have_value(re.compile("Panaderia Sol"))
    page.locator("#resume").click()
    expect(page.locator("#plan-body")).to_contain_text("reach 150 by the end")

    old = 150
    for size, n in (("desktop", 120), ("phone", 135)):
        page.set_viewport_size(SIZES[size])
        edit_target(page, n)
        read_everywhere(page, n, old)
        old = n
    with page.expect_download() as md:
        page.locator("#plan-download-md").click()
    markdown = Path(md.value.path()).read_text(encoding="utf-8")
    assert all(re.search(p.format(n=135), markdown) for p in PLACES)
    assert not re.search(r"(?<![\d,.])(150|120)(?![\d,.])", markdown)
    with page.expect_download() as js:
        page.locator("#plan-download-json").click()
    saved = json.loads(Path(js.value.path()).read_text(encoding="utf-8"))
    assert saved["strategy"]["objectives"][0]["target_value"] == 135
    assert "reach 135 by the end" in saved["strategy"]["objectives"][0]["text"]
    context.close()
