"""Measures the web app: start-up to first response, chat time-to-first-token in a real
browser (grounded composer), and the app's memory after a short tour.

Run: .venv/bin/python benchmarks/app_startup.py   (needs /usr/bin/chromium and playwright)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from tests.ui_server import CHROMIUM, CHROMIUM_ARGS, rss_mb, running_app  # noqa: E402

QUESTIONS = ["What is a SWOT analysis?", "¿Cómo fijo un presupuesto de marketing?",
             "Quels KPI suivre pour une PME ?", "Cos'è il marketing mix?"]
# Times, in the page, from the click on Send to the first answer text and to the finished answer.
TIMER = """() => { const root = document.querySelector('#chatbot'); const t = {};
  window.__t = t; const before = root.querySelectorAll('.bot-row').length;
  document.querySelector('#send').addEventListener('click', () => { t.sent = performance.now(); },
    {once: true});
  new MutationObserver((_, obs) => { const rows = root.querySelectorAll('.bot-row');
    if (rows.length > before && rows[rows.length - 1].innerText.trim().length > 0 && !t.first)
      t.first = performance.now();
    if (t.first && /Answered by/.test(rows[rows.length - 1].innerText)) {
      t.done = performance.now(); obs.disconnect(); } })
  .observe(root, {subtree: true, childList: true, characterData: true}); }"""


def main() -> None:
    """Print the three figures."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        with running_app(data) as first:
            print(f"first start (ingests the knowledge): {first.startup_seconds:6.2f} s")
        with running_app(data) as app, sync_playwright() as pw:
            print(f"start-up to first response:          {app.startup_seconds:6.2f} s")
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(locale="en-US")
            page.goto(app.url)
            expect(page.locator("#send")).to_have_text("Send", timeout=30_000)
            firsts, totals = [], []
            for question in QUESTIONS:
                page.evaluate(TIMER)
                page.locator("#question textarea").fill(question)
                page.locator("#send").click()
                page.wait_for_function("window.__t.done", timeout=60_000)
                t = page.evaluate("window.__t")
                firsts.append(t["first"] - t["sent"])
                totals.append(t["done"] - t["sent"])
            print(f"chat time to first token (browser):  {statistics.median(firsts):6.0f} ms "
                  f"median of {len(firsts)} (min {min(firsts):.0f}, max {max(firsts):.0f})")
            print(f"chat time to complete answer:        {statistics.median(totals):6.0f} ms "
                  "median")
            _tour(page, Path(tmp))
            print(f"app memory (RSS) after the tour:     {rss_mb(app.process.pid):6.0f} MiB")
            browser.close()


def _tour(page, tmp: Path) -> None:  # noqa: ANN001
    """Concepts, an upload and a question about it: the rest of the tour."""
    page.get_by_role("tab", name="Concepts").click()
    page.locator("#concept-term textarea").fill("analisis dafo")
    page.locator("#concept-lookup").click()
    expect(page.locator("#concept-card")).to_contain_text("SWOT", timeout=30_000)
    page.get_by_role("tab", name="Knowledge").click()
    doc = tmp / "tour-notes.md"
    doc.write_text("# Tour notes\n\nOur tour notes say the spring campaign targets students.",
                   encoding="utf-8")
    started = time.perf_counter()
    page.locator("#upload input[type=file]").set_input_files(str(doc))
    expect(page.locator("#upload-status")).to_contain_text("tour-notes.md", timeout=60_000)
    print(f"upload of a small document:          {time.perf_counter() - started:6.2f} s")
    page.get_by_role("tab", name="Chat").click()
    page.locator("#question textarea").fill("What do the tour notes say about the campaign?")
    page.locator("#send").click()
    expect(page.locator("#chatbot .thought .title").filter(has_text="tour-notes.md").first
           ).to_be_visible(timeout=60_000)


if __name__ == "__main__":
    main()
