"""Language detection for short and accentless questions."""

from __future__ import annotations

import pytest

from assistant.errors import UnknownLanguage
from assistant.language import LanguageDetector, check_language


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    """One detector for every case (its model is read once)."""
    return LanguageDetector()


@pytest.mark.parametrize("text, lang", [
    ("que es el roi", "es"), ("como calcular el presupuesto", "es"), ("hola", "es"),
    ("c'est quoi le marketing operationnel", "fr"), ("et le budget ?", "fr"),
    ("cos e il marketing tattico", "it"), ("ciao", "it"), ("e il budget?", "it"),
    ("what is a sales funnel", "en"), ("how do I compute ROI", "en"),
])
def test_short_and_accentless_questions(detector: LanguageDetector, text: str,
                                        lang: str) -> None:
    assert detector.detect(text) == lang


def test_conversation_language_breaks_ties(detector: LanguageDetector) -> None:
    assert detector.detect("ROI", hint="it") == "it"
    assert detector.detect("marketing mix", hint="fr") in ("fr", "en")


def test_unknown_language_code_is_rejected() -> None:
    with pytest.raises(UnknownLanguage):
        check_language("de")
    assert check_language(" ES ") == "es"
