"""What a plan request already says, taken as the interview's first answers ("necesito un plan
para mi taller de bicis en Sevilla, se llama Rueda Libre": the business and its name), and the
request's category joined to a business answer that gives only a name ("FitLab" after "un piano
per la mia palestra a Bari")."""

from __future__ import annotations

from typing import Any

from ..planning.understanding.places import read_countries
from ..planning.understanding.profile import (
    name_after_cue,
    read_label,
    read_name,
    says_its_kind,
)
from ..text import normalize_term, words
from .extract import budget_phrase, business_phrase, goal_phrase, name_after


def prefill(text: str, lang: str, understander: Any) -> list[tuple[str, str]]:
    """(slot, answer) pairs the request states: its business, its goal, its budget."""
    found: list[tuple[str, str]] = []
    business = business_phrase(text)
    name = (name_after_cue(text, lang, understander.profile_data)
            if business and understander is not None else None)
    if business and not name:  # "… à Toulouse, Les Tréteaux du Canal": no cue, a name
        name = name_after(text, business)
        if name and understander is not None and read_countries(name, understander.profile_data):
            name = None  # "…para mi gimnasio, Madrid" is a place
    if business and name and name.casefold() not in business.casefold():
        business = f"{name}, {business}"  # "… my bike workshop. It's called Rueda Libre."
    if business:
        found.append(("business", business))
    goal = goal_phrase(text)
    if goal and (understander is None or any(
            understander.goal_classifier.keyword_hits(goal).values())):
        found.append(("goal", goal))
    budget = budget_phrase(text)
    if budget:
        found.append(("budget", budget))
    return found


def with_category(plans: Any, iid: str, owner: str, text: str, lang: str) -> str:
    """The business answer with the request's category ("FitLab" + "palestra a Bari") as its
    second clause, read first as the label, unless the answer says what the business is, with
    a lead ("c'est un pressing") or in words of its own ("Mani Amiche, assistenza domiciliare
    per anziani a Torino" after "la mia agenzia" was labelled "agenzia"; hand test, 7 Dec)."""
    hints = [d["text"] for d in plans.chat_lines(iid, owner) if d.get("kind") == "hint"]
    if not hints or normalize_term(hints[-1]) in normalize_term(text):
        return text
    understander = plans.understander
    if understander is not None and (says_its_kind(text, lang, understander.profile_data)
                                     or own_label(text, lang, understander.profile_data)):
        return text
    head, comma, rest = text.partition(",")
    return f"{head}, {hints[-1]}" + (f",{rest}" if comma else "")


def another_business(under_way: str, text: str) -> str | None:
    """The business a plan request names when it shares no word with the one under way
    ("una escuela de surf en Mar del Plata" while a theatre troupe's interview is open); None
    when it names none or the same one ("ma troupe de théâtre" again resumes it)."""
    named = business_phrase(text)
    if not named or not under_way:
        return None
    return named if not _content(named) & _content(under_way) else None


def _content(phrase: str) -> set[str]:
    return {w for w in words(normalize_term(phrase)) if len(w) > 3}


def own_label(business: str, lang: str, data: dict[str, Any]) -> bool:
    """Whether the answer names its kind in the clause right after the name, in two words or
    more (one word may be no kind: "FitLab, aperta dal 2019" reads "aperta"; a later clause
    tells what it does: "Pressing du Cours, on est trois, on fait nettoyage à sec, retouches
    et blanchisserie" is still the request's "pressing")."""
    name = read_name(business, lang, data)
    label = read_label(business, name, lang, data)
    after = [c for c in business.split(",") if c.strip() and not (name and name in c)]
    return len(label.split()) >= 2 and bool(after) and label in after[0]

