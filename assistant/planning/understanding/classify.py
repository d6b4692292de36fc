"""Which class (business type, goal) a text points to: the cosine similarity to prototype
descriptions written in four languages, embedded once, plus keyword evidence.

Keywords are sharp but brittle (a word missing is a miss); prototypes generalise to wordings
nobody listed but are blurred by the rest of a long answer. Each class's score is the best
prototype similarity plus KEYWORD_WEIGHT per distinct keyword found (measured on the dev set
by benchmarks/understanding.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ...example_bank import Embed, ExampleBank, unit
from ...text import fold

__all__ = ["Embed", "PrototypeClassifier", "ranked", "unit"]
KEYWORD_WEIGHT = 0.12
KEYWORD_CAP = 3


@dataclass
class PrototypeClassifier:
    """Scores texts against the prototypes of one kind (business_types or goals)."""

    prototypes: dict[str, dict[str, list[str]]]  # class -> lang -> texts
    cues: dict[str, object]  # class -> compiled pattern
    embed: Embed | None = None
    _bank: ExampleBank | None = field(default=None, repr=False)

    def bank(self) -> ExampleBank:
        """The prototypes, embedded once on first use."""
        if self._bank is None:
            self._bank = ExampleBank(self.embed, [  # type: ignore[arg-type]
                (ident, text) for ident, by_lang in self.prototypes.items()
                for items in by_lang.values() for text in items])
        return self._bank

    def scores(self, text: str, vector: np.ndarray | None = None) -> dict[str, float]:
        """Score per class (similarity + keyword evidence)."""
        folded = fold(text)
        out = {ident: 0.0 for ident in self.prototypes}
        if self.embed is not None:
            vector = vector if vector is not None else self.embed([text])[0]
            for owner, sim in self.bank().best(unit(vector[None, :])).items():
                out[owner] = max(out[owner], sim)  # type: ignore[index]
        for ident, regex in self.cues.items():
            hits = {m.group(0) for m in regex.finditer(folded)}  # type: ignore[attr-defined]
            out[ident] = out.get(ident, 0.0) + KEYWORD_WEIGHT * min(len(hits), KEYWORD_CAP)
        return out

    def keyword_hits(self, text: str) -> dict[str, int]:
        """Distinct keywords per class."""
        folded = fold(text)
        return {ident: len({m.group(0) for m in regex.finditer(folded)})  # type: ignore[attr-defined]
                for ident, regex in self.cues.items()}


def ranked(scores: dict[str, float]) -> list[tuple[str, float]]:
    """Classes by score, best first."""
    return sorted(scores.items(), key=lambda kv: kv[1], reverse=True)

