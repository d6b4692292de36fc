"""Where a business is and where it sells, by the places its answers name: countries by
their names and by their main cities and regions (profile.json's countries and cities, folded)."""

from __future__ import annotations

import re
from typing import Any

from ...text import fold


def read_countries(text: str, data: dict[str, Any]) -> list[str]:
    """ISO codes of the countries the text names (by country or main city), in order."""
    return [code for _, code in sorted(_places(text, data))]


def _places(text: str, data: dict[str, Any]) -> list[tuple[int, str]]:
    """(where, code) of the first place of each country the text names (by its name or by one
    of its main cities or regions)."""
    folded = fold(text)
    found = []
    for code, names in data["countries"].items():
        names = [*names, *data["cities"].get(code, [])]
        at = [m.start() for n in names for m in re.finditer(r"(?<!\w)" + re.escape(n)
                                                             + r"(?!\w)", folded)]
        if at:
            found.append((min(at), code))
    return found


def located(business: str, others: str, data: dict[str, Any]) -> list[str]:
    """The business's country, then the countries its other answers name: an address goes
    from the street to the country ("colonia Roma, Ciudad de México" is in Mexico, not in
    Rome), so the business answer's last place is its own; a place of that address said again
    elsewhere is that address ("jóvenes de la Roma y la Condesa"), not a market abroad.

    >>> from assistant.settings import PROJECT_ROOT
    >>> import json
    >>> data = json.loads((PROJECT_ROOT / "knowledge/understanding/profile.json").read_text())
    >>> located("Tinta Norte, estudio en la colonia Roma, Ciudad de México",
    ...         "jóvenes de la Roma y la Condesa", data)
    ['MX']
    >>> located("Bodega Ruiz, vinos en La Rioja, España", "restaurantes de Londres y París", data)
    ['ES', 'GB', 'FR']
    """
    home = [code for _, code in sorted(_places(business, data))][-1:]
    said = fold(business)
    for names in data["cities"].values():
        for name in names:
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", said):
                others = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", fold(others))
    return list(dict.fromkeys([*home, *read_countries(others, data)]))
