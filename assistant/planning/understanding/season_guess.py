"""What a clause says of its months when no season word is in it: the nearest example clause of
knowledge/understanding/season_examples.json (busy, at capacity, deciding, quiet), by the shipped
embedder, at a threshold and a margin; below them, nothing (the cue words still decide first)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ...example_bank import Embed, ExampleBank
from ...settings import LANGUAGES, PROJECT_ROOT

FILE = PROJECT_ROOT / "knowledge" / "understanding" / "season_examples.json"
VERDICTS = {"busy": ("decision_months", "capacity_months"), "capacity": ("capacity_months",),
            "decision": ("decision_months",), "quiet": ("quiet_months",)}


def load_season_examples(path: Path = FILE) -> dict[str, Any]:
    """The example clauses per season and language, with the threshold and margin."""
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass
class SeasonGuesser:
    """Reads a clause's season from examples; callable as `guess(clause)`."""

    data: dict[str, Any]
    embed: Embed
    _bank: ExampleBank | None = field(default=None, repr=False)

    def bank(self) -> ExampleBank:
        """Every example of every season and language, embedded once on first use."""
        if self._bank is None:
            self._bank = ExampleBank(self.embed, [
                (label, without_months(text)) for label, by_lang in self.data["examples"].items()
                for texts in by_lang.values() for text in texts])
        return self._bank

    def __call__(self, clause: str) -> tuple[str, ...] | None:
        """The seasons the clause gives its months, or None when no example is near enough."""
        if not clause.strip():
            return None
        bank = self.bank()
        near = sorted(bank.best(bank.vectors([without_months(clause)])).items(),
                      key=lambda kv: -kv[1])
        (label, best), second = near[0], (near[1][1] if len(near) > 1 else 0.0)
        if best < self.data["threshold"] or best - second < self.data["margin"]:
            return None
        return VERDICTS[str(label)]


def without_months(text: str) -> str:
    """The clause without its month names: what it says of them, not which they are ("en enero
    muchos autónomos cambian de gestoría" lay nearest "en enero no viene casi nadie")."""
    return " ".join(_MONTHS().sub(" ", text).split())


@cache
def _MONTHS() -> re.Pattern[str]:  # noqa: N802 - a constant built once
    from babel.dates import get_month_names

    names = {name for lang in LANGUAGES for name in get_month_names("wide", locale=lang).values()}
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
