"""What the accessibility and language browser tests look at: axe-core run inside the page,
the visible strings that are Gradio's English defaults or raw keys, and a plan reached by the
interview as a person does it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from assistant.prompts import PromptLibrary
from tests.ui_server import ROOT

# The Makefile's `axe` target unpacks the pinned axe-core here (`make test` runs it).
_VERSION = re.search(r"^AXE_VERSION := (\S+)$", (ROOT / "Makefile").read_text("utf-8"), re.M)
AXE = ROOT / ".cache" / f"axe-core-{_VERSION.group(1) if _VERSION else '?'}" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """async (tags) => { const result = await axe.run(document,
  {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' :: '
      + (n.failureSummary || '').split('\\n').slice(1, 2).join(''))})); }"""


def axe_violations(page: Any) -> list[dict]:
    """axe-core's WCAG 2.2 A/AA violations on the page as it is now."""
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE, AXE_TAGS)


def severe(violations: list[dict]) -> list[dict]:
    """The critical and serious ones."""
    return [v for v in violations if v["impact"] in ("critical", "serious")]


def gradio_english() -> set[str]:
    """Gradio's own English interface strings, read from the installed Gradio's bundle."""
    import gradio

    assets = Path(gradio.__file__).parent / "templates" / "frontend" / "assets"
    strings: set[str] = {"Error", "Warning", "Info", "Copy", "Copied!", "Clear", "Loading...",
                         "processing", "Use via API", "Settings", "Built with Gradio"}
    for bundle in assets.glob("core-*.js"):
        text = bundle.read_text("utf-8", errors="replace")
        end = text.find(",ut={ar:")
        start = text.rfind("=`English`", 0, end)
        if start < 0 or end < 0:
            continue
        strings |= {v for _, v in re.findall(r"([\w\"]+):`([^`]*)`", text[start:end])
                    if "{" not in v}
    return strings


# Each visible text node, and the placeholder / aria-label / title / alt of visible elements.
VISIBLE_STRINGS = """async () => {
  // After two frames: the page script translates Gradio's words on the next animation frame
  // (page_script.py), so a status word set a moment ago is read as a person sees it.
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const out = [];
  // What users and documents wrote is content, not interface: source titles, passages.
  const CONTENT = 'script, style, #sources-table tbody, .cite-passage, #concept-passages';
  const seen = (el) => { if (!el) return false;
    const s = getComputedStyle(el); const r = el.getBoundingClientRect();
    return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0
      && parseFloat(s.fontSize || '1') > 0; };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent.replace(/\\s+/g, ' ').trim();
    if (text && seen(n.parentElement) && !n.parentElement.closest(CONTENT))
      out.push(text); }
  for (const el of document.querySelectorAll('[placeholder], [aria-label], [title], [alt]')) {
    if (!seen(el) && !el.matches('[aria-label]')) continue;
    if (el.closest('[hidden], [aria-hidden=true]') || !seen(el.closest('.block') || el)) continue;
    for (const a of ['placeholder', 'aria-label', 'title', 'alt']) {
      const v = (el.getAttribute(a) || '').trim(); if (v) out.push(v); } }
  return out; }"""
RAW_KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
# Words a Spanish or Italian screen rightly shares with Gradio's English.
SHARED = {"English", "Español", "Français", "Italiano", "Chat", "KPI", "Estratega", "Target",
          "Markdown", "Word", "JSON", "App", "Login",
          "Radio", "Brush", "Slider", "Dropdown", "Label", "Plot", "Audio", "Code", "Image"}


def untranslated(page: Any, english: set[str], own_english: set[str]) -> list[str]:
    """Visible strings of the page that are Gradio's English defaults, the app's own English
    phrases (on a screen in another language) or raw phrase keys ("common.complete")."""
    found = []
    wanted = {s.casefold() for s in english | own_english if s not in SHARED}
    for text in page.evaluate(VISIBLE_STRINGS):
        parts = [text, *re.split(r"\s*[-–·]\s*", text)]
        if any(p.casefold() in wanted for p in parts if p) or RAW_KEY.match(text):
            found.append(text)
    return sorted(set(found))


def own_english(lang: str) -> set[str]:
    """The app's UI phrases whose English differs from `lang`'s (as they would be shown)."""
    def flat(value: Any) -> list[str]:
        if isinstance(value, dict):
            return [s for v in value.values() for s in flat(v)]
        if isinstance(value, list):
            return [s for v in value for s in flat(v)]
        return [value] if isinstance(value, str) and "{" not in value else []
    english = set(flat(phrases("ui", "en")))
    other = set(flat(phrases("ui", lang)))
    return {s for s in english - other if len(s) > 3}


VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
QUESTIONS = {"it": "Che cos'è l'analisi SWOT?", "es": "¿Qué es un análisis DAFO?",
             "en": "What is a SWOT analysis?"}
ANSWERS = {
    "it": {"business": "Forno Sole, un panificio di famiglia a Bologna",
           "offer": "Pane a lievito madre e dolci, circa 4 euro a pagnotta",
           "customers": "Famiglie e impiegati del quartiere",
           "goal": "Conquistare 150 nuovi clienti abituali", "horizon_months": "6 mesi",
           "budget": "3000 euro", "channels": "Instagram e la vetrina del negozio"},
    "es": {"business": "Panadería Sol, una panadería familiar en Sevilla",
           "offer": "Pan de masa madre y bollería, unos 4 euros la hogaza",
           "customers": "Familias y oficinistas del barrio",
           "goal": "Conseguir 150 clientes habituales nuevos", "horizon_months": "6 meses",
           "budget": "3000 euros", "channels": "Instagram y el escaparate de la tienda"},
    "en": {"business": "Panaderia Sol, a family bakery in Seville",
           "offer": "Sourdough bread and pastries, about 4 euros a loaf",
           "customers": "Families and office workers living in the neighbourhood",
           "goal": "Win 150 new regular customers", "horizon_months": "6 months",
           "budget": "3000 euros", "channels": "Instagram and the shop window"},
}
TABS = ("chat", "interview", "concepts", "knowledge")


def phrases(kind: str, lang: str) -> dict:
    """A phrase file of a language pack (prompts/packs/<lang>/i18n/<kind>.json)."""
    return PromptLibrary(ROOT / "prompts").phrases(kind, lang)


def open_tab(page: Any, lang: str, name: str) -> None:
    """Select a tab by its name in `lang`, as a person does."""
    page.get_by_role("tab", name=phrases("ui", lang)["tabs"][name], exact=True).click()
    page.wait_for_timeout(300)


def ask(page: Any, lang: str, question: str) -> None:
    """Send a chat question and wait for the composed answer."""
    rows = page.locator("#chatbot .bot-row")
    before = rows.count()
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()
    footer = phrases("ui", lang)["chat"]["answered_by_grounded"][:12]
    page.locator("#chatbot .bot-row").filter(has_text=footer).nth(0).wait_for()
    page.wait_for_function("n => document.querySelectorAll('#chatbot .bot-row').length > n",
                           arg=before)
    page.wait_for_timeout(500)


def interview_step(page: Any, lang: str) -> bool:
    """Answer (or skip) the question on screen; False once the summary shows."""
    if page.locator("#iv-summary").is_visible():
        return False
    progress = page.locator("#iv-progress")
    before = progress.inner_text()
    asked = page.locator("#iv-question").inner_text()
    questions = phrases("interview", lang)["questions"]
    slot = next((k for k, q in questions.items() if q[:40] in asked), "")
    if slot in ANSWERS[lang]:
        page.locator("#iv-answer textarea").fill(ANSWERS[lang][slot])
        page.locator("#iv-answer textarea").press("Enter")
    else:
        page.locator("#iv-skip").click()
    page.wait_for_function(
        """(before) => { const s = document.querySelector('#iv-summary');
          if (s && s.offsetParent) return true;
          const t = document.querySelector('#iv-progress')?.innerText || '';
          return t && t !== before && !/processing|queue|\\d\\.\\ds/.test(t); }""", arg=before)
    page.wait_for_timeout(200)
    return True


# Nothing is being updated: no status tracker showing (Gradio dims a pending output).
SETTLED = """() => ![...document.querySelectorAll('[data-testid=status-tracker]')]
  .some(e => !e.classList.contains('hide') && e.getBoundingClientRect().width > 0)"""


def audit_here(page: Any, english: set[str], own: set[str]) -> dict:
    """axe-core's findings and the untranslated strings, at both sizes, once settled."""
    out = {}
    for size, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        page.wait_for_timeout(400)
        page.wait_for_function(SETTLED)
        page.wait_for_timeout(300)
        found = axe_violations(page)
        out[size] = {"violations": found, "severe": severe(found),
                     "untranslated": untranslated(page, english, own)}
    page.set_viewport_size(VIEWPORTS["desktop"])
    return out


def tour(browser: Any, url: str, lang: str, timeout_ms: int = 60_000) -> dict:
    """A session in `lang`: an answer, an interview step, a plan, a concept; every tab audited
    at both sizes after each; the plan page's height at both sizes."""
    english = gradio_english()
    own = own_english(lang) if lang != "en" else set()
    context = browser.new_context(locale={"it": "it-IT", "es": "es-ES"}.get(lang, "en-US"),
                                  viewport=VIEWPORTS["desktop"])
    context.set_default_timeout(timeout_ms)
    page = context.new_page()
    seen: dict = {"audits": {}}
    try:
        page.goto(url)
        page.locator("#send").filter(has_text=phrases("ui", lang)["chat"]["send"]).wait_for()
        page.wait_for_timeout(800)
        ask(page, lang, QUESTIONS[lang])
        seen["audits"]["answer/chat"] = audit_here(page, english, own)
        open_tab(page, lang, "interview")
        page.locator("#new-interview").click()
        page.locator("#iv-question").filter(has_text=re.compile(r"\w")).wait_for()
        interview_step(page, lang)
        seen["audits"]["step/interview"] = audit_here(page, english, own)
        for _ in range(30):
            if not interview_step(page, lang):
                break
        page.locator("#iv-confirm").click()
        business = ANSWERS[lang]["business"].split(",")[0]
        page.locator("#plan-body").filter(has_text=business).wait_for()
        page.wait_for_timeout(800)
        for tab in TABS:
            open_tab(page, lang, tab)
            if tab == "concepts":
                page.locator("#concept-term textarea").fill("SWOT")
                page.locator("#concept-lookup").click()
                page.locator("#concept-card").filter(has_text="SWOT").wait_for()
            seen["audits"][f"plan/{tab}"] = audit_here(page, english, own)
            if tab == "interview":
                for size, viewport in VIEWPORTS.items():
                    page.set_viewport_size(viewport)
                    page.wait_for_timeout(500)
                    seen[f"height/{size}"] = page.evaluate(
                        "document.documentElement.scrollHeight")
                    seen[f"shot/{size}"] = page.screenshot(full_page=True)
                page.set_viewport_size(VIEWPORTS["desktop"])
    finally:
        context.close()
    return seen


def summary(seen: dict) -> str:
    """Counts per stage/tab and size: all violations, severe ones (with their rule ids)."""
    lines = []
    for where, sizes in seen["audits"].items():
        for size, found in sizes.items():
            ids = sorted({v["id"] for v in found["severe"]})
            lines.append(f"{where:<20} {size:<8} violations {len(found['violations']):>2}"
                         f"  critical/serious {len(found['severe']):>2} {ids}"
                         f"  untranslated {found['untranslated']}")
    return "\n".join(lines)
