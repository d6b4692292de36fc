"""Every concept card carries the same facts in its four languages: a card with a formula has
the same formulas, the same figures in its worked example and the same metric names (ROAS,
CAC...) in Spanish, French, Italian and English."""

from __future__ import annotations

import json
import re

import pytest

from assistant.settings import PROJECT_ROOT

CONCEPTS = sorted((PROJECT_ROOT / "knowledge" / "concepts").glob("*.json"))
METRICS = re.compile(r"\b(ROAS|ROI|ROMI|CAC|CLV|LTV|CPC|CPA|CTR)\b")


def _locales(path):
    return json.loads(path.read_text(encoding="utf-8"))["locales"]


def _figures(text: str) -> list[str]:
    """Numbers with thousands separators folded ("1.000", "1 000", "1,000" -> "1000")."""
    text = re.sub(r"(?<=\d)[.,\u202f\u00a0 ](?=\d{3}\b)", "", text)
    return sorted(set(re.findall(r"\d+(?:[.,]\d+)?", text.replace(",", "."))))


def _with_formula(path) -> bool:
    return any("=" in loc["explanation"] for loc in _locales(path).values())


@pytest.mark.parametrize("path", [p for p in CONCEPTS if _with_formula(p)], ids=lambda p: p.stem)
def test_formula_cards_carry_the_same_facts_in_every_language(path):
    locales = _locales(path)
    figures = {lang: _figures(loc["explanation"]) for lang, loc in locales.items()}
    formulas = {lang: loc["explanation"].count("=") for lang, loc in locales.items()}
    metrics = {lang: sorted(set(METRICS.findall(loc["explanation"])))
               for lang, loc in locales.items()}
    assert len({tuple(v) for v in figures.values()}) == 1, figures
    assert len(set(formulas.values())) == 1, formulas
    assert len({tuple(v) for v in metrics.values()}) == 1, metrics
