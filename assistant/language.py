"""Offline language detection for ES, FR, IT and EN, robust to short and accentless text."""

from __future__ import annotations

from functools import cache

from .errors import UnknownLanguage
from .lexicon import lexicon
from .settings import LANGUAGES
from .text import words

# Words that, in a short question, give the language away (accents folded):
# prompts/packs/<lang>/lexicon/language_markers.json.
MARKERS: dict[str, frozenset[str]] = {
    lang: frozenset(items) for lang, items in lexicon("language_markers").items()
}
MARKER_WEIGHT = 0.35
CONFIDENT = 0.6


@cache
def _identifier():  # noqa: ANN202 - py3langid has no types
    """py3langid's model narrowed to our languages, read once per process (about a second;
    read-only afterwards, so every detector shares it)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


class LanguageDetector:
    """Detects the language of a text; a conversation's language breaks ties."""

    def scores(self, text: str) -> dict[str, float]:
        """Probability-like scores per language (sum to 1)."""
        ranked = dict(_identifier().rank(text))
        scores = {lang: float(ranked.get(lang, 0.0)) for lang in LANGUAGES}
        tokens = words(text)
        # In a one- or two-word text a marker word ("hola", "ciao") outweighs character n-grams.
        weight = 1.0 if len(tokens) <= 2 else MARKER_WEIGHT
        for lang, markers in MARKERS.items():
            hits = sum(1 for token in tokens if token in markers)
            scores[lang] += weight * hits
        total = sum(scores.values()) or 1.0
        return {lang: value / total for lang, value in scores.items()}

    def detect(self, text: str, hint: str | None = None) -> str:
        """The most likely language; with weak evidence, the hint (e.g. the conversation's)."""
        if not words(text):
            return hint if hint in LANGUAGES else "en"
        scores = self.scores(text)
        best = max(scores, key=scores.__getitem__)
        if hint in LANGUAGES and scores[best] < CONFIDENT and best != hint:
            return hint  # type: ignore[return-value]
        return best


def check_language(code: str | None) -> str | None:
    """Validate an explicit language code (None passes through)."""
    if code is None:
        return None
    normalized = code.strip().lower()
    if normalized not in LANGUAGES:
        raise UnknownLanguage(language=code)
    return normalized
