"""Which facts a message states, and their new values: the reading behind a correction typed at
any point of the interview ("somos 2", "mesi forti: febbraio, maggio e dicembre", "le budget est
de 8 000 €", "also Mercado Libre").

Each fact is found by its words (packs/<lang>/lexicon/fact_cues.json, per language) and read by the
understander's own readers (team, hours, months, amounts), so a correction is read like an
answer. What the cue words read is checked against the value and the wording (fact_fields.py,
merged in correcting.py): a message no cue word fits is read there. Whether a message *is* a
correction is decided elsewhere (conversation/intents.py); this module only says what it would
change.

>>> reader = FactReader()
>>> [(f.field, f.value) for f in reader.read("Somos solo 2", "es")]
[('team_size', 2)]
>>> [(f.field, f.value) for f in reader.read("No, we're not a café! We're a coworking space", "en")]
[('business_label', 'coworking space')]
>>> [(f.field, f.value) for f in reader.read("No, somos una escuela de cerámica", "es")]
[('business_label', 'escuela de cerámica')]
>>> [(f.field, f.value) for f in reader.read("Le budget est de 8 000 €", "fr")]
[('budget', 8000), ('currency', 'EUR')]
>>> [(f.field, f.value) for f in reader.read("No, make it 6 months rather than a year", "en")]
[('horizon_months', 6)]
>>> reader.read("passer de 8 à 20 inscrits par mois", "fr")  # a rate, no horizon
[]
>>> [(f.field, f.value) for f in reader.read("Aggiungi anche Facebook ai canali", "it")]
[('channels', ['Facebook'])]
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from ...lexicon import lexicon
from ...packs import alternation
from ...settings import LANGUAGES, PROJECT_ROOT
from ...text import folded_map
from ..understanding.currency import local_money
from ..understanding.data import UnderstandingData, load_understanding_data
from ..understanding.facts import (
    amount,
    first_count,
    hours_mark,
    hours_per_week,
    margin,
    team_size,
)
from ..understanding.months import SEASONS, months_in, seasons
from .channel_facts import channel_facts
from .echoed import echoed
from .fact import Fact
from .parsing import PER_MONTH, ParseProblem, currency_in, parse_budget, parse_horizon

CUES = "fact_cues"
END = re.compile(rf"[,.;:!?()«»\"“”]|\s(?:{alternation('clause_ends')})\s")
# The fields a pending question sets itself: a message about them is its answer.
SLOT_FIELDS: dict[str, tuple[str, ...]] = {
    "business": ("business_label", "name"), "seasonality": SEASONS,
    "budget": ("budget", "currency"), "channels": ("channels",),
    "excluded_channels": ("excluded",), "resources": ("team_size", "hours_per_week"),
    "constraints": ("team_size", "hours_per_week"), "goal": ("goal_metric", "goal_target"),
    "start": ("start_month",), "average_sale": ("average_sale",), "margin": ("margin",),
    "current_customers": ("current_customers",), "situation": SEASONS,
    "horizon_months": ("horizon_months",),
}


def _cue_regex(cues: list[str]) -> re.Pattern[str]:
    parts = sorted((c.replace(" ", r"\s+") for c in cues), key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(parts) + r")(?![a-z0-9])")


class FactReader:
    """Reads the facts a message states, in any of the four languages."""

    def __init__(self, data: UnderstandingData | None = None, channels: Any = None) -> None:
        self.data = data or load_understanding_data(PROJECT_ROOT / "knowledge" / "understanding")
        self.channels = channels  # a ChannelReader: channel names the owner may type

    @cached_property
    def cues(self) -> dict[str, re.Pattern[str]]:
        """Per kind of cue, one pattern over the four languages."""
        table = lexicon(CUES)
        kinds = {k for lang in LANGUAGES for k in table[lang]}
        return {k: _cue_regex([c for lang in LANGUAGES for c in table[lang].get(k, [])])
                for k in kinds}

    def has(self, kind: str, text: str) -> re.Match[str] | None:
        """The first cue of `kind` in the text (folded)."""
        return self.cues[kind].search(folded_map(text)[0])

    def opens_as_correction(self, text: str) -> bool:
        """Whether the message opens the way corrections do ("No, …", "actually", "aspetta")."""
        head = " ".join(folded_map(text)[0].split()[:4])
        match = self.cues["opening"].search(head)
        return bool(match and match.start() == 0)

    def read(self, text: str, lang: str, local_currency: str | None = None) -> list[Fact]:
        """Every fact the message states, most specific first."""
        folded, _ = folded_map(text)
        counted = self._after("counts", text)  # "lo que contamos son bicis reparadas, no…"
        if counted:
            return [Fact("goal_metric", counted)]
        facts: list[Fact] = echoed(text, lang, self.data)  # "équipe : 2", the line's own label
        if facts:
            return facts
        label = self._label(text)
        if label:
            facts.append(Fact("business_label", label))
        name = self._after("name", text)
        if name and not label:
            facts.append(Fact("name", name))
        numbered = self._numbers(text, folded, local_currency)
        facts += numbered
        if not any(f.field in ("current_customers", "goal_target") for f in numbered):
            # beside a label, only the clauses without it ("…workshop, and I work alone"):
            # "somos una tienda" is no team of one
            rest = ", ".join(c for c in re.split(r"[,;]\s*", text) if label not in c) \
                if label else text
            people = self._team(rest, folded_map(rest)[0]) if rest.strip() else None
            if people is not None:
                facts.append(Fact("team_size", people))
        horizon = None if numbered or label else self._horizon(text, lang)
        if horizon is not None:
            facts.append(Fact("horizon_months", horizon))
        elif not numbered and not self.cues["start"].search(folded):
            found = seasons(text, self.data, lang)
            decided = _with_verdict(text, self.data, lang)
            facts += [Fact(key, months) for key, months in found.items()
                      if months and key in decided]
        elif self.cues["start"].search(folded):
            months = months_in(text, self.data, lang)
            if months:
                facts.append(Fact("start_month", months[0]))
        if not any(f.field in ("budget", "average_sale") for f in facts):
            code = self._currency(text, local_currency)
            if code:
                facts.append(Fact("currency", code))
        facts += channel_facts(text, folded, self.cues, self.channels)
        return facts

    # -- one kind of fact each ----------------------------------------------------------------
    def _after(self, kind: str, text: str, regex: re.Pattern[str] | None = None) -> str | None:
        """The owner's words after a cue of `kind`, up to the end of the clause."""
        folded, where = folded_map(text)
        match = (regex or self.cues[kind]).search(folded)
        if not match or match.end() >= len(where):
            return None
        rest = text[where[match.end()]:]
        rest = re.sub(rf"^\s*(?:[:=]|(?:{alternation('copulas', longest_first=True)})(?!\w))?\s*",
                      "", rest, flags=re.I)  # "es" is a word, never the start of "escuela"
        stop = END.search(f"{rest} ")
        phrase = (rest[:stop.start()] if stop else rest).strip(" '\"«»“”")
        return phrase if 0 < len(phrase.split()) <= 8 else None

    def _label(self, text: str) -> str | None:
        """What the business is, after "somos una", "we're a", "c'est une" (never denied)."""
        folded, where = folded_map(text)
        for match in self.cues["identity"].finditer(folded):
            before = folded[max(0, match.start() - 12):match.start()]
            if re.search(rf"(?<![a-z])({alternation('denied_before')}) $", before):
                continue  # "no somos un café": denied ("No, somos…" is not: a comma between)
            phrase = self._after("identity", text[where[match.start()]:])
            if phrase and not re.match(r"\d", phrase):
                articles = alternation("indefinite_articles")
                return re.sub(rf"^(?:{articles})\s+", "", phrase, flags=re.I)
        label = self._after("label", text)
        return label if label and re.match(rf"^\s*({alternation('type_labels')})", folded) else None

    def _team(self, text: str, folded: str) -> int | None:
        """People in the team, when the message is about them."""
        data = self.data
        about = any(re.search(rf"\b{r}", folded) for r in data.words["team_counts"]) \
            or data.word_pattern("solo").search(folded) or data.word_pattern("persons").search(
                folded)
        return team_size(text, data) if about else None

    def _numbers(self, text: str, folded: str, local: str | None) -> list[Fact]:
        """Budget, average sale, margin, goal target, customers today: a cue and its number."""
        negations = alternation("clause_negations")
        clauses = [c for c in re.split(rf",\s|;|\s(?:{negations})\s", text) if c.strip()]

        def clause(regex: re.Pattern[str]) -> str:
            """The clause the cue is in ("Perdón, el margen ronda el 35 %": the second)."""
            return next((c for c in clauses if regex.search(folded_map(c)[0])),
                        clauses[0] if clauses else text)

        out: list[Fact] = []
        if self.cues["average_sale"].search(folded):  # "$70 a visit and a 45% margin": both
            value = amount(clause(self.cues["average_sale"]))
            out += [Fact("average_sale", value)] if value is not None else []
        if self.cues["margin"].search(folded):
            value = margin(clause(self.cues["margin"]))
            out += [Fact("margin", value)] if value is not None else []
        if out:
            return out
        if self.cues["budget"].search(folded) and re.search(r"\d", text):
            first = clause(self.cues["budget"])
            try:
                budget = parse_budget(re.sub(r"^\D*?(?=[$£€\d])", "", local_money(first, local)),
                                      default_currency=local or "EUR")
            except (ParseProblem, ValueError):
                budget = None
            if budget:
                out.append(Fact("budget", budget["amount"]))
                code = currency_in(first, local)
                if code:
                    out.append(Fact("currency", code))
                return out
        if self.cues["goal"].search(folded):
            value = first_count(self._after("goal", text) or clause(self.cues["goal"]))
            if value is not None:
                return [Fact("goal_target", value)]
        hours = hours_mark()
        if hours.search(folded):
            value = hours_per_week(clause(hours), self.data)
            if value is not None:
                return [Fact("hours_per_week", value)]
        if self.cues["current_customers"].search(folded) and not self.data.word_pattern(
                "persons").search(folded):
            first = clause(self.cues["current_customers"])
            value = first_count(first)
            if value is not None and not re.search(r"\d\s*(?:%|€|\$|£)", first):
                return [Fact("current_customers", value)]
        return out

    def _horizon(self, text: str, lang: str) -> int | None:
        """The plan's horizon in months ("el plazo es de 6 meses, no un año", "make it 6 months
        rather than a year"): the first clause with a horizon cue, cut where what it replaces
        begins; never when the message names months (then it is about seasons)."""
        if months_in(text, self.data, lang):
            return None
        for clause in re.split(r"[,;:!?]", text):
            folded, where = folded_map(clause)
            if not self.cues["horizon"].search(folded) or re.match(
                    rf"^\s*(?:{alternation('denial_starts')})\b", folded) or PER_MONTH.search(
                    folded):  # "20 inscrits par mois": a rate, no horizon
                continue
            instead = self.cues["instead"].search(folded, 1)
            if instead:
                clause = clause[:where[instead.start()]]
            try:
                return parse_horizon(clause)
            except ParseProblem:
                continue
        return None

    def _currency(self, text: str, local: str | None) -> str | None:
        """A currency the message names on its own ("en pesos argentinos, no en dólares")."""
        if not self.cues["currency"].search(folded_map(text)[0]) or re.search(r"\d", text):
            return None
        for clause in re.split(r"[,;]", text):
            if re.match(rf"^\s*(?:{alternation('denial_starts')})\b", clause.strip(), re.I):
                continue
            code = currency_in(clause, local)
            if code:
                return code
        return None


def _with_verdict(text: str, data: UnderstandingData, lang: str) -> set[str]:
    """The season fields a message gives a verdict for (a month named alone sets none)."""
    strict = seasons(f"{text}.", data, lang)
    loose = {k for k, v in strict.items() if v}
    if loose and loose <= {"decision_months", "capacity_months"}:  # the months' default
        words = data.word_pattern("busy")
        plain = re.sub(r"\d", "", text)
        if not (words.search(_fold(plain)) or data.word_pattern("decision").search(_fold(plain))
                or data.word_pattern("capacity").search(_fold(plain))):
            return set()
    return loose


def _fold(text: str) -> str:
    return folded_map(text)[0]
