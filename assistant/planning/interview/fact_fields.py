"""Which fact a correction changes, when no cue word says it: first what its value parses as
(an amount of money, a percentage, hours, a period of months, month names, a channel, a count,
or words alone), which leaves a few facts it could be; then the message compared with example
phrasings of each of those facts (packs/<lang>/lexicon/fact_examples.json) over the shipped
embedder, the semantic-router way. Below the threshold the reading is unsure: nothing is
guessed and the facts it could change are offered as choices.

A month or a number denied beside one asserted ("I meant June, not July", "150 a month, not
120") needs no examples: the fact that holds the denied value is the one that changes
(replaced.py).

>>> FieldGuesser(load_understanding_data(FOLDER)).value_kind("we can stretch to £3,000", "en")
'money'
>>> FieldGuesser(load_understanding_data(FOLDER)).value_kind("Mi basta un piano su sei mesi", "it")
'period'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from ...example_bank import Embed, ExampleBank
from ...lexicon import lexicon
from ...packs import alternation
from ...settings import PROJECT_ROOT
from ...text import fold
from ..understanding.currency import local_money
from ..understanding.data import UnderstandingData, load_understanding_data
from ..understanding.denied import denied_at, denied_span
from ..understanding.facts import (
    amount,
    first_count,
    hours_mark,
    hours_per_week,
    margin,
    team_size,
)
from ..understanding.months import mentions, month_names
from .fact import Fact
from .more_count import more_goal
from .parsing import (
    MONTH_WORDS,
    NUMBER_WORDS,
    YEAR_WORDS,
    ParseProblem,
    currency_in,
    parse_budget,
    parse_horizon,
)
from .replaced import replaced_months, replaced_number
from .said import asserted, capitalised, channel_clauses, phrase

FOLDER = PROJECT_ROOT / "knowledge" / "understanding"
EXAMPLES = "fact_examples"
# The facts a value of each kind can be (the rest of the message says which).
FIELDS_BY_KIND: dict[str, tuple[str, ...]] = {
    "money": ("budget", "average_sale"),
    "percent": ("margin",),
    "hours": ("hours_per_week",),
    "period": ("horizon_months",),
    "months": ("decision_months", "capacity_months", "quiet_months", "closed_months",
               "start_month"),
    "channel": ("channels", "excluded"),
    "count": ("team_size", "current_customers", "goal_target"),
    "words": ("business_label", "goal_metric"),
}
THOUSANDS = re.compile(r"\d(?:[.,]\d+)?\s*k\b")  # "3k", "2,5k": an amount of money
THRESHOLD = 0.42  # best example similarity under which the field is asked, not guessed
LEAD = 0.08  # and the lead over the next field it needs
OVERRULE = 0.15  # the lead a guess needs to overrule the field cue words point to


@dataclass
class Guess:
    """The facts read (empty when unsure) and the fields the message could change."""

    facts: list[Fact]
    fields: tuple[str, ...]
    sure: bool
    exact: bool = False  # read by a reader of that value alone (a period, a denied month)
    kind: str = "words"  # what the value parsed as
    lead: float = 0.0  # the best field's similarity over the next one's
    scores: dict[str, float] = field(default_factory=dict)  # each field's best similarity
    clauses: int = 1  # read clause by clause when more than one names channels


@dataclass
class FieldGuesser:
    """Tells which fact a message changes from its value and example phrasings."""

    data: UnderstandingData
    embed: Embed | None = None
    _bank: ExampleBank | None = field(default=None, repr=False)

    @cached_property
    def examples(self) -> dict[str, dict[str, list[str]]]:
        """lang -> field -> example phrasings."""
        return lexicon(EXAMPLES)

    def bank(self) -> ExampleBank:
        """Every field's phrasings in every language, labelled (language, field); those of
        the month facts also with their months blanked, as a message's are (`unnamed`)."""
        if self._bank is None:
            months = FIELDS_BY_KIND["months"]
            items = [((lang, f), e) for lang, fields in self.examples.items()
                     for f, said in fields.items() for e in said]
            items += [(label, self.unnamed(e, label[0])) for label, e in items
                      if label[1] in months]
            self._bank = ExampleBank(self.embed, items)  # type: ignore[arg-type]
        return self._bank

    def scores(self, text: str, lang: str, fields: tuple[str, ...],
               unnamed: bool = False) -> list[tuple[str, float]]:
        """The fields by their best example similarity (the message's language), best first;
        `unnamed`: the message with its months blanked is compared too, and the nearer of
        the two counts ("Partiamo a marzo" by its verb as well as by its month)."""
        if self.embed is None:
            return [(f, 0.0) for f in fields]
        bank = self.bank()
        texts = [text, self.unnamed(text, lang)] if unnamed else [text]
        best = dict.fromkeys(fields, 0.0)
        for sims in bank.similarities(bank.vectors(texts)):
            for (owner_lang, owner), sim in zip(bank.labels, sims,  # type: ignore[misc]
                                                strict=True):
                if owner_lang == lang and owner in best:
                    best[owner] = max(best[owner], float(sim))
        return sorted(best.items(), key=lambda kv: kv[1], reverse=True)

    # -- what the value is -----------------------------------------------------------------
    def value_kind(self, text: str, lang: str, local: str | None = None) -> str:
        """What the message's value parses as (the first kind that fits)."""
        return self.marked_kinds(text, lang, local)[0]

    def marked_kinds(self, text: str, lang: str, local: str | None = None) -> list[str]:
        """Every kind of value the message holds by its own mark (a currency, "%", hours,
        month names, a period), in the order value_kind tries them; then the unmarked kind
        it falls back on (a channel, a count, words)."""
        folded = fold(text)
        marks = {
            "money": bool(re.search(r"\d", text)) and bool(
                re.search(r"[$€£]", text) or currency_in(text, local) or THOUSANDS.search(folded)),
            "percent": bool(re.search(rf"\d\s*%|\b(?:{alternation('percent_words')})", folded)),
            "hours": bool(hours_mark().search(folded)),
            "months": bool(self.explicit_months(text, lang)),
            "period": self._period(text) is not None,
        }
        kinds = [kind for kind, marked in marks.items() if marked]
        if capitalised(text):
            return [*kinds, "channel"]
        if first_count(text) is not None or team_size(text, self.data) is not None:
            return [*kinds, "count"]
        return [*kinds, "words"]

    def focus(self, text: str, lang: str, kind: str, local: str | None = None) -> str:
        """The clause that holds the value of `kind` when the message marks values of other
        kinds too ("30 € a box and a 35 % margin": "30 € a box"), so that the wording
        compared is about that value alone."""
        if len(self.marked_kinds(text, lang, local)) < 3:
            return text
        clauses = re.split(rf",|;|\s(?:{alternation('and')})\s", text)
        return next((c for c in clauses if c.strip()
                     and self.marked_kinds(c, lang, local)[0] == kind), text)

    def unnamed(self, text: str, lang: str) -> str:
        """The message with the months it names blanked: every month fact has examples naming
        months, so the wording alone tells them apart ("Partiamo a marzo" is nearer "a marzo
        siamo sommersi" by the month than "partiamo a settembre" by the verb)."""
        if len(fold(text)) != len(text):
            return text
        low = fold(text)
        for at, to, _ in reversed(mentions(text, self.data, lang, denied=True)):
            start, end = denied_span(low, at, to)  # "no julio" goes whole
            text = f"{text[:start]} {text[end:]}"
        return text

    def explicit_months(self, text: str, lang: str | None = None) -> list[tuple[int, bool]]:
        """(month, denied) for each month named by its name ("not January": denied), in
        order; season words ("l'été") are left out when a month is named."""
        folded = fold(text)
        names = month_names()
        out: list[tuple[int, bool]] = []
        for start, end, months in mentions(text, self.data, lang, denied=True):
            if not any(w in names for w in re.findall(r"[a-z]+", folded[start:end])):
                continue
            denied = denied_at(folded, start, end)
            out += [(m, denied) for m in months if all(m != o for o, _ in out)]
        return out

    def _period(self, text: str) -> int | None:
        """A number of months or years ("sei mesi", "a year"), without month names."""
        words = "|".join(sorted(map(re.escape, MONTH_WORDS | YEAR_WORDS), key=len, reverse=True))
        folded = fold(text)
        match = re.search(rf"(\S+)\s+(?:{words})\b", folded)
        if not match or not (match.group(1).isdigit() or match.group(1) in NUMBER_WORDS):
            return None
        if not match.group(1).isdigit() and re.search(r"\d", folded[:match.start()]):
            return None  # "200 grooms a month", "350 clienti in un mese": a rate, no period
        try:
            return parse_horizon(match.group(0))
        except ParseProblem:
            return None

    # -- the guess ---------------------------------------------------------------------------
    def guess(self, text: str, lang: str, local: str | None = None,
              held: dict[str, Any] | None = None) -> Guess:
        """The fact the message changes and its value, or the fields it could change."""
        kind = self.value_kind(text, lang, local)
        clauses = channel_clauses(text) if kind == "channel" else []
        if len(clauses) > 1:  # "drop Facebook, we're on Pinterest now": clause by clause
            each = [g for c in clauses for g in [self.guess(c, lang, local, held)]
                    if g.sure and g.facts]  # an unsure clause is left to the cue words
            if each:
                facts = [f for g in each for f in g.facts]
                return Guess(facts, tuple(dict.fromkeys(f.field for f in facts)), True,
                             kind=kind, lead=min(g.lead for g in each), clauses=len(clauses))
        fields = FIELDS_BY_KIND[kind]
        replaced = None
        if kind == "months":
            replaced = replaced_months(self.explicit_months(text, lang), fields, held or {})
        elif kind == "count":  # "10 more" adds to the goal's level today (not people)
            more = None if team_size(text, self.data) is not None else more_goal(
                asserted(text), held or {})
            replaced = more or replaced_number(text, fields, held or {})
        elif kind == "money":
            replaced = replaced_number(text, fields, held or {})
        if replaced:  # a denied value says which fact is meant
            return Guess([replaced], (replaced.field,), True, exact=True, kind=kind)
        text = self.focus(text, lang, kind, local)
        ranked = self.scores(text, lang, fields, unnamed=kind == "months")
        lead = 1.0 if len(fields) == 1 else ranked[0][1] - ranked[1][1]
        sure = len(fields) == 1 or (ranked[0][1] >= THRESHOLD and lead >= LEAD)
        if kind == "count" and _far(first_count(asserted(text)), held or {}, fields):
            # "make that 2,000" for a goal of 50: no count it could be; asked, the budget offered
            return Guess([], (*(f for f, _ in ranked), "budget"), False, kind=kind, lead=lead,
                         scores=dict(ranked))
        if not sure:
            return Guess([], tuple(f for f, _ in ranked), False, kind=kind, lead=lead,
                         scores=dict(ranked))
        fact = self.read_value(ranked[0][0], text, lang, local)
        return Guess([fact] if fact else [], (ranked[0][0],), fact is not None,
                     exact=kind == "period", kind=kind, lead=lead, scores=dict(ranked))

    def read_value(self, name: str, text: str, lang: str, local: str | None) -> Fact | None:
        """The new value of `name` in the message, read as its answer would be."""
        said = asserted(text)
        if name == "budget":
            try:
                money = parse_budget(re.sub(r"^\D*?(?=[$£€\d])", "", local_money(said, local)),
                                     default_currency=local or "EUR")
            except (ParseProblem, ValueError):
                return None
            return Fact("budget", money["amount"])
        if name in ("average_sale", "current_customers", "goal_target", "team_size"):
            value = {"average_sale": amount, "team_size": lambda t: team_size(t, self.data)
                     }.get(name, first_count)(said)
            return Fact(name, value) if value is not None else None
        if name == "margin":
            value = margin(said)
        elif name == "hours_per_week":
            value = hours_per_week(said, self.data)
        elif name == "horizon_months":
            value = self._period(said)
        elif name in FIELDS_BY_KIND["months"]:
            months = [m for m, no in self.explicit_months(said, lang) if not no]
            value = (months[0] if name == "start_month" else months) if months else None
        elif name in ("channels", "excluded"):
            return self._channels(name, text)
        else:
            value = phrase(said)
        return Fact(name, value) if value not in (None, "", []) else None

    def _channels(self, name: str, text: str) -> Fact | None:
        """The channels named by their names ("Mercado Libre", "WhatsApp")."""
        names = capitalised(text)
        return Fact(name, names, "add") if names else None


FAR = 10  # a count this many times above or below the value it replaces is no correction of it
LARGE = 100  # a count below this may well be ten times another (a team of 1 grown to 12)


def _far(new: Any, held: dict[str, Any], fields: tuple[str, ...]) -> bool:
    """Whether a large count is out of all proportion to every count it could replace.

    >>> _far(2000, {"goal_target": 50, "team_size": 1}, ("team_size", "goal_target"))
    True
    >>> _far(60, {"goal_target": 50}, ("goal_target",)), _far(12, {"team_size": 1}, ("team_size",))
    (False, False)
    """
    olds = [v for f in fields for v in [held.get(f)] if isinstance(v, int | float) and v > 0]
    if not isinstance(new, int | float) or new < LARGE or not olds:
        return False
    return not any(1 / FAR <= new / old <= FAR for old in olds)


@cache
def default_guesser(embed: Embed | None = None) -> FieldGuesser:
    """A guesser on the shipped data, one per embedder (its examples embedded once)."""
    return FieldGuesser(load_understanding_data(FOLDER), embed)
