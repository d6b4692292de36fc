"""What a goal counts (customers, orders, bookings, members, occupancy, rating, revenue): the
goal's metric phrase compared with example phrases per language (knowledge/understanding/
goal_metrics.json) over the shipped embedder, the semantic-router way. Below the threshold, and
with no example word in the owner's words, the reading is unsure and the interview asks.

>>> reader = MetricReader(load_metric_data())
>>> reader.ranked("200 reparaciones al mes", "es")[0][0]
'orders'
>>> reader.sure("llegar a 200 reparaciones al mes", "es"), reader.sure("duplicar", "es")
(True, False)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...example_bank import Embed, ExampleBank
from ...lexicon import lexicon
from ...settings import PROJECT_ROOT
from ...text import fold

FILE = PROJECT_ROOT / "knowledge" / "understanding" / "goal_metrics.json"


def load_metric_data(path: Path = FILE) -> dict[str, Any]:
    """The metrics' names, examples and threshold."""
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass
class MetricReader:
    """Scores a goal's words against each metric's examples."""

    data: dict[str, Any]
    embed: Embed | None = None
    _bank: ExampleBank | None = field(default=None, repr=False)

    @property
    def metrics(self) -> dict[str, dict[str, Any]]:
        """metric id -> lang -> {name, examples}."""
        return self.data["metrics"]

    def bank(self) -> ExampleBank:
        """Every metric's examples in every language, embedded once on first use."""
        if self._bank is None:
            self._bank = ExampleBank(self.embed, [  # type: ignore[arg-type]
                (m, e) for m, by_lang in self.metrics.items() for entry in by_lang.values()
                for e in entry["examples"]])
        return self._bank

    def words(self, text: str) -> dict[str, bool]:
        """Per metric, whether one of its example words is in the text (any language)."""
        low = f" {' '.join(re.findall(r'[a-z0-9%]+', fold(text)))} "
        out = {}
        for metric, by_lang in self.metrics.items():
            heads = {fold(e).split()[0] for entry in by_lang.values() for e in entry["examples"]}
            out[metric] = any(re.search(rf" {re.escape(h)}", low) for h in heads if len(h) > 3)
        return out

    def ranked(self, text: str, lang: str) -> list[tuple[str, float]]:
        """Metrics by score, best first: the best example similarity, 1.0 for a word found."""
        scores = {m: 1.0 if hit else 0.0 for m, hit in self.words(text).items()}
        if self.embed is not None and text.strip():
            bank = self.bank()
            for owner, sim in bank.best(bank.vectors([text])).items():
                scores[owner] = max(scores[owner], sim)  # type: ignore[index]
        return sorted(scores.items(), key=lambda kv: kv[1], reverse=True)

    def content(self, text: str) -> str:
        """The phrase less numbers and the words of time and filler ("al mes", "double it")."""
        ignore = {fold(w) for words in self.data["ignore"].values() for w in words}
        ignore |= {w for lang in lexicon("period_words").values() for words in lang.values()
                   for w in words} | _month_names()
        return " ".join(w for w in re.findall(r"[a-z]+", fold(text))
                        if w not in ignore and len(w) > 1)

    def sure(self, text: str, lang: str) -> bool:
        """Whether the words say what the goal counts: a thing named, close to a metric's
        examples (or the owner's own thing, above the threshold)."""
        thing = self.content(text)
        if not thing:
            return False
        return self.ranked(thing, lang)[0][1] >= self.data["threshold"]

    def family(self, text: str) -> str | None:
        """What the goal counts, when that is clear: the one metric whose example word is in
        it; among several, the one its words lie nearest; with none, the nearest metric at
        `family_threshold` or more ("empresas patrocinadoras" is donors, "tour" is none)."""
        thing = self.content(text)
        if not thing:
            return None
        hits = [m for m, hit in self.words(thing).items() if hit]
        if len(hits) == 1:
            return hits[0]
        if self.embed is None:
            return None
        bank = self.bank()
        near = bank.best(bank.vectors([thing]))
        if hits:
            return max(hits, key=lambda m: near.get(m, 0.0))
        best = max(near, key=near.get) if near else None  # type: ignore[arg-type]
        return str(best) if best and near[best] >= self.data["family_threshold"] else None

    def choices(self, text: str, lang: str) -> list[str]:
        """The metrics' names in `lang`, nearest first."""
        return [self.metrics[m][lang]["name"] for m, _ in self.ranked(text, lang)]


def _month_names() -> set[str]:
    """Month names, folded, in the four languages ("get to 300 by December")."""
    from babel.dates import get_month_names

    from ...settings import LANGUAGES

    return {fold(n) for lang in LANGUAGES for n in get_month_names("wide", locale=lang).values()}
