"""How a business sells (`BusinessProfile`), read from the owner's answers: the owner's label and
name as written, and who buys, where, how they pay and how far the market reaches, by example
utterances per language (knowledge/understanding/profile.json) over the shipped embedding model,
with a threshold per attribute; below it the attribute is left unknown (confidence 0)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from ...example_bank import Embed, ExampleBank, unit
from .model import BusinessProfile, ChannelUnderstood
from .numbers import quantities
from .places import located

MAX_NAME_WORDS = 6
MAX_LABEL_WORDS = 8
CLAUSE = re.compile(r"[,;.:!?]\s+|\s+[—–-]\s+|\s+(?:y|e|et|and|o|ou|or)\s+")
# channel families that say where customers buy
PLACE_OF_FAMILY = {"marketplace": "marketplace", "booking": "booking_platform",
                   "reseller": "resellers", "partners": "partners", "own_site": "own_site",
                   "direct_sales": "customer_site"}
NEAR = 0.04  # a second value within this of the best is kept too (buyers, places)


@cache
def load_profile_data(path: Path) -> dict[str, Any]:
    """knowledge/understanding/profile.json (cached)."""
    return json.loads(path.read_text(encoding="utf-8"))


def _cues(words: list[str]) -> list[str]:
    return sorted(words, key=len, reverse=True)


def read_name(business: str, lang: str, data: dict[str, Any]) -> str | None:
    """The business's name alone: what follows "it's called" up to the clause's end, else the
    head of the answer before its first comma when it reads as a name (capitalised, short)."""
    named = name_after_cue(business, lang, data)
    if named:
        return named
    head = re.split(r"[,;(]|\.\s|\s[—–-]\s|:", business, maxsplit=1)[0].strip().rstrip(".")
    words = head.split()
    if 0 < len(words) <= MAX_NAME_WORDS and words[0][:1].isupper() and not _leads(head, lang,
                                                                                    data):
        return head
    return None


def name_after_cue(text: str, lang: str, data: dict[str, Any]) -> str | None:
    """The name that follows "it's called" / "se llama" / "si chiama" in `text`, up to the
    clause's end; None when no such cue is there (any sentence of a message: "Necesito un plan
    para mi taller en Rosario. Se llama Rueda Libre." -> "Rueda Libre")."""
    folded = text.lower()
    for cue in _cues(data["name_cues"].get(lang, []) + data["name_cues"].get("en", [])):
        at = folded.find(cue.lower())
        if at >= 0:
            rest = text[at + len(cue):].strip(" :\"'«»“”")
            name = re.split(r"[,;(:]|\.\s|\s[—–-]\s", rest, maxsplit=1)[0].strip(" .\"'«»“”")
            if 0 < len(name.split()) <= MAX_NAME_WORDS:
                return name
    return None


def _leads(text: str, lang: str, data: dict[str, Any]) -> bool:
    """Whether a clause opens with a label's lead ("somos una", "we are a")."""
    low = text.lower()
    return any(low.startswith(lead.lower() + " ") for lead in data["label_leads"].get(lang, [])
               if len(lead) > 3)


def read_label(business: str, name: str | None, lang: str, data: dict[str, Any]) -> str:
    """The owner's words for the kind of business, verbatim: the first clause that is not the
    name, a place, a statement about the business ("on est trois", "we've been open since
    2015": a subject and its verb, statement_leads) or a bare count ("tres", "60 desks"); its
    lead ("somos una", "c'est un", "a") and its place ("en Valencia") cut off."""
    for led, clause in _label_clauses(business, name, lang, data):
        if not clause or (not led and _states(clause, lang, data)):
            continue
        label = _label_of(clause, lang, data, led)
        if label:
            return label
    return ""


def says_its_kind(business: str, lang: str, data: dict[str, Any]) -> bool:
    """Whether an answer introduces what the business is ("..., c'est un pressing", "somos
    una lavandería"), not only its name and facts about it."""
    name = read_name(business, lang, data)
    return any(led and _label_of(clause, lang, data, led) for led, clause in _label_clauses(
        business, name, lang, data))


def _label_clauses(business: str, name: str | None, lang: str,
                   data: dict[str, Any]) -> list[tuple[bool, str]]:
    """The answer's clauses without the name, each with whether a label lead opened it."""
    text = business
    for cue in _cues(data["name_cues"].get(lang, []) + data["name_cues"].get("en", [])):
        text = re.sub(re.escape(cue) + r"\s+" + (re.escape(name) if name else r"\S+"), " ",
                      text, flags=re.IGNORECASE)
    if name:
        text = text.replace(name, " ")
    return [_led(" ".join(c.split()), lang, data)
            for c in re.split(r"[,;:]|\.\s|\s[—–-]\s", text)]


def _led(clause: str, lang: str, data: dict[str, Any]) -> tuple[bool, str]:
    """The clause without its label lead, and whether it had one."""
    for lead in _cues(data["label_leads"].get(lang, [])):
        if clause.lower().startswith(lead.lower() + ("" if lead.endswith("'") else " ")):
            return True, clause[len(lead):].strip()
    return False, clause


def _states(clause: str, lang: str, data: dict[str, Any]) -> bool:
    """Whether a clause is a statement about the business ("on est trois", "we're two
    people", "siamo in quattro"): it opens with a subject and its verb, per language."""
    low = clause.lower() + " "
    return any(low.startswith(lead) for lead in data["statement_leads"].get(lang, []))


def _label_of(clause: str, lang: str, data: dict[str, Any], led: bool = False) -> str:
    """The clause's label with its place cut off; "" for a place ("in Argentina"), what a
    name cue left ("il"), a bare count ("tres", "60 desks") or a long clause. A capital is a
    name's unless a label's lead opened the clause ("a Pilates studio", "un box de CrossFit")."""
    low = f"{clause} "
    if any(f" {low.lower()}".startswith(end) for end in data["label_ends"].get(lang, [])) \
            or not re.search(r"\w{3}", clause):
        return ""
    cut = min((at for end in data["label_ends"].get(lang, []) if
               (at := _place_at(low, end)) > 0), default=len(clause))
    label = clause[:cut].strip(" .")
    words = label.split()
    if len(words) <= 2 and quantities(label):
        return ""
    return label if label and len(words) <= MAX_LABEL_WORDS and (
        label[:1].islower() or led) else ""


def _place_at(low: str, end: str) -> int:
    """Where `end` ("in", "a Cagliari") starts a place in the clause, -1 when it does not: a
    one-letter preposition only before a name ("barche a vela" is the business)."""
    return min((i for i in range(1, len(low)) if low.startswith(end, i) and (
        len(end.strip()) > 1 or low[i + len(end):i + len(end) + 1].isupper())), default=-1)


SAME = 1e-4  # one example in two values' lists, embedded twice: the same likeness

@dataclass
class ProfileReader:
    """Scores answer clauses against the example utterances of each attribute value."""

    data: dict[str, Any]
    embed: Embed | None = None
    _banks: dict[str, ExampleBank] = field(default_factory=dict, repr=False)

    def bank(self, attribute: str) -> ExampleBank:
        """The example utterances of every value of one attribute, embedded once."""
        if attribute not in self._banks:
            self._banks[attribute] = ExampleBank(self.embed, [  # type: ignore[arg-type]
                (value, text) for value, by_lang in self.data["examples"][attribute].items()
                for texts in by_lang.values() for text in texts])
        return self._banks[attribute]

    def scores(self, attribute: str, vectors: np.ndarray) -> dict[str, float]:
        """Best similarity per value over the given clause vectors (never below 0)."""
        return {value: max(0.0, sim) for value, sim in self.bank(attribute).best(vectors).items()}

    def _finer(self, attribute: str, scores: dict[str, float]) -> dict[str, str]:
        """Values that refine another ("visitors": customers from abroad who come to the
        business, a kind of "international"; refines, in profile.json). The broad reading is
        the parent's alone; when it wins, the finer value is named instead if it is as close
        (an example both share: "turistas extranjeros", the more precise reading) and at least
        its own threshold (value_thresholds): a faint likeness ("the diary is
        full", "des vacanciers") moves nothing. Returns {parent: the value that stands for
        it}; `scores` loses the finer values."""
        out: dict[str, str] = {}
        surer = self.data.get("value_thresholds", {}).get(attribute, {})
        for value, parent in self.data.get("refines", {}).get(attribute, {}).items():
            if value not in scores:
                continue
            fine = scores.pop(value)  # the broad reading stays the parent's own
            if fine + SAME >= scores.get(parent, 0.0) and fine >= surer.get(value, 0.0):
                out[parent] = value  # named only when sure: it picks a tactic
        return out

    def read_question(self, question: str, lang: str) -> BusinessProfile:
        """How the business a question describes sells ("I'm a plumber in Leeds, how do I get
        more calls?"). An interview feeds each attribute from its own answer (buyers from
        "customers", payment from "offer"); a question is one text, so every attribute reads
        all of its clauses, and no name is read (its first clause is no business name)."""
        fields = ("business", "customers", "offer", "situation", "goal")
        profile = self.read({key: question for key in fields}, lang, [],
                            self.data.get("question_thresholds"))
        profile.name, profile.label = None, ""
        profile.confidence.update({"name": 0.0, "label": 0.0})
        return profile

    def read(self, answers: dict[str, str], lang: str, channels: list[ChannelUnderstood],
             thresholds: dict[str, float] | None = None) -> BusinessProfile:
        """The profile of one business (`thresholds`: per attribute, else the interview's)."""
        business = answers.get("business", "")
        name = read_name(business, lang, self.data)
        label = read_label(business, name, lang, self.data)
        others = " ".join(answers.get(k, "") for k in ("customers", "situation", "offer", "goal",
                                                       "competitors"))
        # a name is no place ("Gelateria Italia, gelateria a Buenos Aires" is in Argentina),
        # unless no other place is said ("una heladería en Montevideo" read as its name)
        countries = (located(business.replace(name, " "), others, self.data) if name else []
                     ) or located(business, others, self.data)
        profile = BusinessProfile(label=label, name=name, countries=countries,
                                  confidence={"label": float(bool(label)),
                                              "name": float(bool(name))})
        places = [PLACE_OF_FAMILY[c.family] for c in channels if c.family in PLACE_OF_FAMILY]
        if self.embed is None:
            profile.places = list(dict.fromkeys(places))
            return profile
        sources = {"buyers": ("customers", "goal", "offer"),
                   "places": ("business", "offer", "situation", "customers"),
                   "payment": ("offer", "average_sale", "current_customers", "situation"),
                   "reach": ("customers", "business", "situation")}
        clauses = {key: [c for k in keys for c in _clauses(answers.get(k, ""))]
                   for key, keys in sources.items()}
        flat = list(dict.fromkeys(c for items in clauses.values() for c in items))
        if not flat:
            return profile
        vectors = dict(zip(flat, unit(self.embed(flat)), strict=True))
        for attribute, items in clauses.items():
            if not items:
                continue
            scores = self.scores(attribute, np.stack([vectors[c] for c in items]))
            finer = self._finer(attribute, scores)
            best = max(scores.values())
            threshold = (thresholds or self.data["thresholds"])[attribute]
            profile.confidence[attribute] = round(best, 3)
            if attribute in ("buyers", "places"):
                chosen = [v for v, s in sorted(scores.items(), key=lambda kv: -kv[1])
                          if s >= threshold and s >= best - NEAR]
                setattr(profile, attribute, chosen)
            elif best >= threshold:
                value = max(scores, key=scores.get)
                own = self.data.get("value_thresholds", {}).get(attribute, {})
                if best >= own.get(value, threshold):  # a value that decides a tactic: surer
                    setattr(profile, attribute, finer.get(value, value))
        profile.places = list(dict.fromkeys([*profile.places, *places]))
        if len(set(countries)) >= 2 or (countries and profile.reach == "international"):
            profile.reach = "international" if len(set(countries)) >= 2 else profile.reach
        return profile


def _clauses(text: str) -> list[str]:
    """An answer cut into clauses of two words or more, one of them a word of letters (a bare
    amount, "25 €", says nothing of how the business sells: it lay nearest "30 € al mes")."""
    return [c.strip() for c in CLAUSE.split(text or "")
            if len(c.split()) >= 2 and re.search(r"[^\W\d_]{2}", c)]


def currency_of(countries: list[str], data: dict[str, Any]) -> str | None:
    """The currency of the first named country with one of its own."""
    return next((data["currencies"][c] for c in countries if c in data["currencies"]), None)
