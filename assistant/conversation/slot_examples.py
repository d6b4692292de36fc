"""Each interview question's example answers, in the four languages: the "Example: …" line the
question shows, and more answers as owners write them (packs/<lang>/lexicon/slot_answers.json).
The intent recognizer compares a message with them (which question it answers)."""

from __future__ import annotations

from ..lexicon import lexicon
from ..settings import LANGUAGES

SLOT_ANSWERS = "slot_answers"


def slot_examples(prompts: object) -> dict[str, list[str]]:
    """Each slot's example answer in the four languages ("Esempio: …" without its label)."""
    from ..planning.interview.slots import BY_KEY

    out: dict[str, list[str]] = {}
    for key in BY_KEY:
        for lang in LANGUAGES:
            try:
                example = prompts.phrase("interview", lang, f"examples.{key}")  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001 - a slot without an example has none
                continue
            out.setdefault(key, []).append(str(example).split(":", 1)[-1].strip())
    for lang in LANGUAGES:  # more answers per slot, as owners write them (data)
        for key, texts in lexicon(SLOT_ANSWERS)[lang].items():
            out.setdefault(key, []).extend(texts)
    return out
