"""Do the concept cards carry the same facts in their four languages (#23, item 5)? For each
card, the numbers (thousands separators and decimal marks folded: "€6,000" = "6.000 euro"),
the named metrics (ROAS, CAC, KPI...) and whether a formula is given ("="), compared with the
English card; prints every card and language that differs. Asserts nothing: a worked example
localised on purpose (a different persona's age) shows up too, and is judged by a reader.

Run: .venv/bin/python benchmarks/card_parity.py [--knowledge DIR]"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NUMBER = re.compile(r"\d+(?:[.,\s\u202f\u00a0]\d{3})*(?:[.,]\d+)?")
METRICS = ("ROAS", "ROI", "CAC", "CLV", "LTV", "KPI", "CTR", "CPC", "CPA", "CPL", "NPS", "SEO",
           "SEM")


def facts(text: str) -> tuple[frozenset[str], frozenset[str], bool]:
    """(numbers as digits alone, named metrics, gives a formula) of one card's explanation.

    >>> numbers, metrics, formula = facts("CAC = spend / customers: €6,000 and 40 give €150.")
    >>> sorted(numbers), sorted(metrics), formula
    (['150', '40', '6000'], ['CAC'], True)
    """
    numbers = frozenset(re.sub(r"\D", "", m) for m in NUMBER.findall(text))
    metrics = frozenset(m for m in METRICS if re.search(rf"\b{m}\b", text))
    return numbers, metrics, "=" in text


def differences(folder: Path) -> list[str]:
    """One line per card and language whose facts differ from the English card's."""
    out = []
    for path in sorted(folder.glob("*.json")):
        card = json.loads(path.read_text(encoding="utf-8"))
        read = {lang: facts(v["explanation"]) for lang, v in card["locales"].items()}
        numbers, metrics, formula = read["en"]
        for lang, (n, m, f) in read.items():
            if (n, m, f) != read["en"]:
                out.append(f"{card['id']:24} {lang}: numbers only in en {sorted(numbers - n)}, "
                           f"only in {lang} {sorted(n - numbers)}; metrics differing "
                           f"{sorted(metrics ^ m)}; formula en {formula} {lang} {f}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--knowledge", type=Path, default=ROOT / "knowledge")
    args = parser.parse_args()
    lines = differences(args.knowledge / "concepts")
    print("\n".join(lines))
    cards = len(list((args.knowledge / "concepts").glob("*.json")))
    print(f"{len({line.split()[0] for line in lines})} of {cards} cards differ from English "
          f"in {len(lines)} card-languages")


if __name__ == "__main__":
    main()
