"""The average sale and the margin when the owner states them inside another answer ("un
service cuesta 25.000 pesos y me deja un 40 %"), and how long a customer stays paying ("ils
restent environ 10 mois", "clients who stay about 4 years"), read clause by clause by example
utterances
(knowledge/understanding/figures.json) over the shipped embedding model: a clause counts when
its best example is of the figure (not a budget, a turnover, a discount, a share of sales) and
at or above the figure's threshold (a stay is not a course's length or the years the business
has been open). Without the model nothing is read: the interview asks."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ...example_bank import Embed, ExampleBank
from ...lexicon import lexicon
from ...packs import alternation
from ...text import fold
from .numbers import Quantity, quantities
from .profile import _clauses

UNITS = {"sale": (None, "currency"), "margin": ("percent",)}
_AVERAGE = re.compile(rf"(?<!\w)(?:{alternation('average_words')})(?!\w)")
MONTHS_IN = {"month": 1, "year": 12}  # period_words kinds a stay is counted in


@cache
def load_figures(path: Path) -> dict[str, Any]:
    """knowledge/understanding/figures.json (cached)."""
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass
class FigureReader:
    """Finds the price of one sale and the margin in free answers."""

    data: dict[str, Any]
    embed: Embed | None = None
    _banks: dict[str, ExampleBank] = field(default_factory=dict, repr=False)

    def bank(self, figure: str) -> ExampleBank:
        """The examples of a figure (label True) and of its look-alikes (False)."""
        if figure not in self._banks:
            self._banks[figure] = ExampleBank(self.embed, [  # type: ignore[arg-type]
                (kind == figure, text) for kind in (figure, f"not_{figure}")
                for texts in self.data["examples"][kind].values() for text in texts])
        return self._banks[figure]

    def read(self, figure: str, texts: list[str]) -> float | None:
        """The figure's value ("sale": an amount; "margin": a fraction; "stay": months) from
        the first clause that states it, or None."""
        if self.embed is None:
            return None
        found = [(clause, q) for text in texts for clause in map(_unbracketed, _clauses(text))
                 for q in _stated(clause, figure)]
        if not found:
            return None
        if figure == "sale":  # "en moyenne 80 € par réparation" among three prices: the average
            found.sort(key=lambda pair: not _AVERAGE.search(fold(pair[0])))
        bank = self.bank(figure)
        sims = bank.similarities(bank.vectors([c for c, _ in found]))
        mine, other = bank.of(True), bank.of(False)
        for (_, quantity), column in zip(found, sims, strict=True):
            best = float(column[mine].max())
            if best >= self.data["thresholds"][figure] and best > float(column[other].max()):
                value = quantity.value
                if figure == "margin":
                    return round(value / 100, 4) if 0 < value <= 100 else None
                return value if value > 0 else None
        return None


def _unbracketed(clause: str) -> str:
    """A clause without the bracket a cut left open ("en moyenne 80 € par réparation)" is
    scored as what it says; the numbers' places stay)."""
    return clause.replace("(", " ").replace(")", " ")


@cache
def _period_words() -> dict[str, int]:
    """Folded month and year words of every language -> months they count."""
    return {fold(w): months for items in lexicon("period_words").values()
            for kind, months in MONTHS_IN.items() for w in items[kind]}


def durations(clause: str) -> list[Quantity]:
    """The clause's durations in months: "8 meses" 8, "4 years" 48, "deux ans" 24.

    >>> [q.value for q in durations("we have 45 clients who stay about 4 years")]
    [48.0]
    >>> [q.value for q in durations("se quedan unos 8 meses de media")]
    [8.0]
    """
    low, words = fold(clause), _period_words()
    out = []
    for q in quantities(clause):
        after = re.match(r"\s*([a-z]+)", low[q.end:])
        if q.unit is None and after and after.group(1) in words:
            out.append(Quantity(q.value * words[after.group(1)], q.start, q.end, "months"))
    return out


def _stated(clause: str, figure: str) -> list[Any]:
    """The clause's candidate figure: its first percentage (margin); its first duration
    (stay, in months); its first amount with a currency, else its largest plain number (sale:
    "20 prácticas por 650 €" is 650)."""
    if figure == "stay":
        return durations(clause)[:1]
    found = [q for q in quantities(clause, words=False) if q.unit in UNITS[figure]]
    if figure == "margin" or not found:
        return found[:1]
    money = [q for q in found if q.unit == "currency"]
    return money[:1] or [max(found, key=lambda q: q.value)]
