"""The forms an answer to the pending question takes whatever its words lie near: an amount or
a period that parses as the budget or horizon asked, a name given to the business question."""

from __future__ import annotations

import re
from functools import cache

from ..planning.interview.parsing import ParseProblem, parse_budget, parse_horizon
from ..planning.understanding.profile import load_profile_data
from ..settings import PROJECT_ROOT
from ..text import folded_map


def names_itself(text: str) -> bool:
    """Whether a statement gives a name ("Se llama Asesoría Ebro: llevamos la contabilidad…"):
    the business question asks for it, so it is that question's answer, however near a
    question about accounting its other words lie (hand test, 8 Dec)."""
    return not text.rstrip().endswith("?") and bool(_name_verbs().search(folded_map(text)[0]))


@cache
def _name_verbs() -> re.Pattern[str]:
    """The name cues the business answer is read with (profile.json), folded as the text is."""
    data = load_profile_data(PROJECT_ROOT / "knowledge" / "understanding" / "profile.json")
    cues = sorted({folded_map(c)[0].strip() for cues in data["name_cues"].values()
                   for c in cues}, key=len, reverse=True)
    return re.compile(rf"(?<![a-z])(?:{'|'.join(map(re.escape, cues))})(?![a-z])")


def reads_as(kind: str, text: str) -> bool:
    """Whether the text parses as what a budget or horizon question expects."""
    parse = {"budget": parse_budget, "horizon": parse_horizon}.get(kind)
    if parse is None or not any(ch.isdigit() for ch in text) and kind == "budget":
        return False
    try:
        parse(text.strip(" ¿?!¡."))
    except (ParseProblem, ValueError, TypeError):
        return False
    return True
