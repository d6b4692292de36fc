"""Long documents for tests that need indexing to take a while: real words of the built-in
articles in a seeded random order, so the text is as varied as prose (a phrase repeated over
and over is refused as repetitive, assistant/indexing/upload_limits.py)."""

from __future__ import annotations

import random
import re
from pathlib import Path

ARTICLES = Path(__file__).resolve().parent.parent / "knowledge" / "articles"


def varied_paragraphs(count: int, lead: str, seed: int = 7, words: int = 50) -> str:
    """`count` paragraphs, each "`lead` <i>:" then `words` random words and a full stop.

    >>> text = varied_paragraphs(3, "Párrafo")
    >>> text.count("Párrafo"), text.startswith("Párrafo 0:")
    (3, True)
    """
    vocabulary = sorted({w for p in ARTICLES.glob("*.md")
                         for w in re.findall(r"[^\W\d_]{3,}", p.read_text("utf-8"))})
    rng = random.Random(seed)
    return "\n\n".join(f"{lead} {i}: " + " ".join(rng.choice(vocabulary) for _ in range(words))
                       + "." for i in range(count))
