"""The app's own script in the page's head: what Gradio's components do not say to assistive
technology or in the interface language.

- Gradio's own strings (the upload box, its buttons' names) in the page's language: each known
  wording, in any of the four languages, is replaced by the page language's
  (`prompts/packs/<lang>/i18n/ui.json`, `gradio.*`); the page's `lang` follows the UI language.
- A validation message under a field is announced (`role=alert`) and tied to its field
  (`aria-invalid`, `aria-describedby`).
- Live regions: the interview's question, the concept card, the plan's "ready" line.
- The cited passages' disclosure buttons (citations.TOGGLE_SCRIPT).
"""

from __future__ import annotations

import json

from ..prompts import PromptLibrary
from ..settings import LANGUAGES
from .citations import TOGGLE_SCRIPT

LIVE = ("#iv-question", "#concept-card", "#plan-ready", "#upload-status")

_SCRIPT = r"""<script>
(() => {
  const TEXTS = __TEXTS__;  // key -> {lang: text}
  const LIVE = __LIVE__;
  const lookup = () => {  // any known wording -> the page language's
    const lang = (document.documentElement.lang || 'en').slice(0, 2);
    const map = new Map();
    for (const byLang of Object.values(TEXTS)) {
      const target = byLang[lang] || byLang.en;
      for (const text of Object.values(byLang)) map.set(text.trim(), target);
    }
    return map;
  };
  let words = lookup();
  const translate = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.nodeValue.trim();
      if (text && words.has(text) && words.get(text) !== text
          && !n.parentElement.closest('#chatbot .message-content, #plan-body, script, style'))
        n.nodeValue = n.nodeValue.replace(text, words.get(text));
    }
    for (const el of root.querySelectorAll('[aria-label], [title], [placeholder]'))
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = (el.getAttribute(a) || '').trim();
        if (v && words.has(v) && words.get(v) !== v) el.setAttribute(a, words.get(v));
      }
  };
  const wire = () => {
    for (const field of document.querySelectorAll('textarea, input')) {
      const block = field.closest('.block');
      const message = block && block.querySelector('div.validation-error');
      if (message && field.classList.contains('validation-error')) {
        if (!message.id) message.id = (block.id || 'field') + '-problem';
        message.setAttribute('role', 'alert');
        field.setAttribute('aria-invalid', 'true');
        field.setAttribute('aria-describedby', message.id);
      } else if (field.getAttribute('aria-invalid') === 'true') {
        field.removeAttribute('aria-invalid');
        field.removeAttribute('aria-describedby');
      }
    }
    // The chat's sanitiser drops aria-* from messages: each source button gets its state and
    // the passage it controls here (citations.py).
    for (const button of document.querySelectorAll('button.cite-toggle:not([aria-expanded])')) {
      const passage = button.parentElement.querySelector('.cite-passage');
      button.setAttribute('aria-expanded', passage && passage.classList.contains('cite-open')
        ? 'true' : 'false');
      if (passage && passage.id) button.setAttribute('aria-controls', passage.id);
    }
    for (const drop of document.querySelectorAll('.upload-container')) {  // its name = its words
      const words = drop.innerText.replace(/\s+/g, ' ').trim();
      if (words && drop.getAttribute('aria-label') !== words)
        drop.setAttribute('aria-label', words);
    }
    // Plan sections: open on a wide screen; on a phone only the first (the summary), until
    // the user opens or closes one (then it stays as they left it).
    const wide = window.matchMedia('(min-width: 701px)').matches;
    document.querySelectorAll('details.plan-section').forEach((section, i) => {
      if (section.dataset.user) return;
      const open = wide || i === 0;
      if (section.open !== open) { section.dataset.auto = '1'; section.open = open; }
    });
    for (const selector of LIVE) {
      const el = document.querySelector(selector);
      if (el && !el.hasAttribute('aria-live')) el.setAttribute('aria-live', 'polite');
    }
  };
  let queued = false;
  const update = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; translate(document.body); wire(); });
  };
  document.addEventListener('click', (event) => {  // a section the user opened or closed
    const summary = event.target.closest && event.target.closest('details.plan-section > summary');
    if (summary) summary.parentElement.dataset.user = '1';
  });
  window.matchMedia('(min-width: 701px)').addEventListener('change', () => update());
  const start = () => {
    new MutationObserver(update).observe(document.body, {subtree: true, childList: true,
      characterData: true, attributes: true, attributeFilter: ['class', 'aria-label']});
    new MutationObserver(() => { words = lookup(); update(); })
      .observe(document.documentElement, {attributes: true, attributeFilter: ['lang']});
    update();
  };
  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);
})();
</script>"""


def gradio_texts(prompts: PromptLibrary) -> dict[str, dict[str, str]]:
    """Gradio's own strings the app shows, by key, in each language (`gradio.*`)."""
    texts: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        for key, text in prompts.phrases("ui", lang).get("gradio", {}).items():
            texts.setdefault(key, {})[lang] = text
    return texts


def page_script(prompts: PromptLibrary) -> str:
    """The `<script>` blocks for the page's head."""
    script = (_SCRIPT.replace("__TEXTS__", json.dumps(gradio_texts(prompts), ensure_ascii=True))
              .replace("__LIVE__", json.dumps(list(LIVE))))
    return script + TOGGLE_SCRIPT
