"""`Understander`: the owner's answers -> `Understanding`, with the owner's corrections last."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from ..playbook import Playbook
from .advice import AdviceCards, load_advice_data
from .channels import ChannelReader, as_text, bare_google
from .classify import Embed, PrototypeClassifier, ranked
from .currency import local_currency
from .data import UnderstandingData, load_understanding_data
from .deadline import deadline_of, start_for_deadline, without_period
from .facts import (
    amount,
    first_count,
    hours_per_week,
    margin,
    regulated,
    sale_period,
    start_month,
    team_size,
)
from .goal_metric import MetricReader, load_metric_data
from .goals import read_numbers, split_goals
from .hemisphere import for_place
from .metrics import level_today, metric_of, split_owner_goals, states_figures
from .model import GoalUnderstood, Understanding
from .months import seasons as read_seasons
from .offer_figures import FigureReader, load_figures
from .owner_channels import OwnerChannels, load_channel_data
from .profile import ProfileReader, load_profile_data
from .season_guess import SeasonGuesser, load_season_examples

__all__ = ["Understander", "default_understander", "load_understanding_data"]
CORRECTABLE = ("business_type", "goals", "channel_ids", "excluded_ids", "current_customers",
               "average_sale", "gross_margin", "busy_months", "quiet_months", "closed_months",
               "start_month", "start_year", "hours_per_week", "team_size", "regulated",
               "decision_months", "currency", "profile")
ALIASES = {"channels": "channel_ids", "excluded": "excluded_ids", "margin": "gross_margin"}


@dataclass
class Understander:
    """Reads answers with the embedding model (optional: keywords alone without it)."""

    playbook: Playbook
    data: UnderstandingData
    embed: Embed | None = None
    today: Callable[[], date] = date.today
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @cached_property
    def businesses(self) -> PrototypeClassifier:
        """The business-type classifier (prototypes embedded on first use)."""
        known = set(self.playbook.business_types)
        protos = {k: v for k, v in self.data.prototypes["business_types"].items()
                  if k in known or not known}
        cues = {k: v for k, v in self.data.cue_patterns("business_types").items() if k in protos}
        return PrototypeClassifier(protos, cues, self.embed)

    @cached_property
    def goal_classifier(self) -> PrototypeClassifier:
        """The goal classifier."""
        return PrototypeClassifier(self.data.prototypes["goals"],
                                   self.data.cue_patterns("goals"), self.embed)

    @cached_property
    def channels(self) -> ChannelReader:
        """Channel names -> ids, from the playbook and knowledge/understanding/channels.json."""
        return ChannelReader.build(self.playbook, self.data.channel_aliases,
                                   self.data.not_excluded_by)

    @cached_property
    def profile_data(self) -> dict[str, Any]:
        """knowledge/understanding/profile.json, next to the other understanding files."""
        return load_profile_data(self.data.folder / "profile.json")

    @cached_property
    def profiles(self) -> ProfileReader:
        """How the business sells, by example utterances."""
        return ProfileReader(self.profile_data, self.embed)

    @cached_property
    def advice(self) -> AdviceCards:
        """The concept cards that fit the business a how-to question describes."""
        return AdviceCards(self.profiles, self.businesses, self.goal_classifier,
                           load_advice_data(self.data.folder / "advice.json"))

    @cached_property
    def owner_channels(self) -> OwnerChannels:
        """The owner's channels by name and family."""
        return OwnerChannels(load_channel_data(self.data.folder / "owner_channels.json"),
                             self.channels, self.embed)

    @cached_property
    def figures(self) -> FigureReader:
        """The average sale and margin stated inside another answer, by example utterances."""
        return FigureReader(load_figures(self.data.folder / "figures.json"), self.embed)

    def understand(self, answers: dict[str, Any], lang: str) -> Understanding:
        """What the answers say; `answers["understood"]` (owner corrections) wins."""
        text = lambda key: as_text(answers.get(key))  # noqa: E731
        business_text = f"{text('business')}. {text('offer')}"
        ranking = ranked(self.businesses.scores(business_text))
        business_type = ranking[0][0] if ranking else "professional_services"
        current = first_count(text("current_customers")) if text("current_customers") else None
        working, excluded = self.channels.read(text("channels"), text("excluded_channels"))
        if business_type in self.data.google_means_business and bare_google(text("channels")) \
                and "google_business" not in working + excluded:
            working.append("google_business")
        owned = self.owner_channels.read(text("channels"), lang, excluded)
        profile = self.profiles.read({k: text(k) for k in (
            "business", "offer", "customers", "situation", "goal", "competitors",
            "average_sale", "current_customers")}, lang, owned)
        seasons = text("seasonality") or text("situation")
        season = read_seasons(seasons, for_place(self.data, profile.countries,
                                                 self.profile_data), lang, self.season_guess)
        busy, quiet = season["capacity_months"], season["quiet_months"]
        closed = [m for m in season["closed_months"] if m not in busy]
        year, month = start_month(text("start"), self.today(), self.data, lang)
        resources = f"{text('resources')}. {text('constraints')}".strip(". ")
        goals = self.stated_goals(text("goal"), lang, current,
                                  f"{text('current_customers')}. {text('situation')}")
        if not text("start") and goals:  # "para los cursos de septiembre", six months
            horizon = answers.get("horizon_months")
            year, month = start_for_deadline(year, month, goals[0].due_month,
                                             horizon if isinstance(horizon, int) else None)
        if self.embed is not None and ranking:  # a similarity: keywords alone have no scale
            profile.confidence["type"] = round(ranking[0][1], 3)
        understood = Understanding(
            profile=profile, channels=owned,
            business_type=business_type,
            business_confidence=round(_margin(ranking), 3),
            business_alternatives=[k for k, _ in ranking[1:3]],
            goals=goals, channel_ids=working, excluded_ids=excluded,
            current_customers=current,
            average_sale=amount(text("average_sale")) if text("average_sale")
            else self.figures.read("sale", [text("offer")]),
            gross_margin=margin(text("margin")) if text("margin")
            else self.figures.read("margin", [text("offer"), text("situation")]),
            sale_period=sale_period(text("average_sale") or text("offer")),
            stay_months=self.figures.read("stay", [text(k) for k in (
                "situation", "current_customers", "customers", "offer")]),
            busy_months=busy, quiet_months=quiet, closed_months=closed, start_year=year,
            decision_months=season["decision_months"],
            currency=(answers.get("budget") or {}).get("currency") if isinstance(
                answers.get("budget"), dict) else local_currency(answers),
            start_month=month,
            hours_per_week=hours_per_week(resources, self.data) if resources else None,
            team_size=(team_size(resources, self.data) if resources else None)
            or team_size(business_text, self.data),  # "Io, 4 ore" keeps "siamo in due"
            regulated=regulated(f"{text('constraints')} {text('resources')}",
                                business_type, self.data),
            regulated_by_type=not regulated(f"{text('constraints')} {text('resources')}", "",
                                            self.data),
        )
        if understood.profile.payment is None and understood.sale_period == "month" \
                and understood.stay_months:  # a monthly fee paid for months: recurring
            understood.profile.payment = "recurring"
        return self.corrected(understood, answers.get("understood"))

    def stated_goals(self, text: str, lang: str, current: int | None,
                     context: str) -> list[GoalUnderstood]:
        """Every goal of the goal answer, each in the owner's metric; a ";" parts goals for
        good (a goal added later, "...; y también 30 mayoristas", is never one with the
        first, even when that one is a rate)."""
        parts = [p.strip() for p in text.split(";") if p.strip()] or [text]
        return [goal for part in parts for goal in self.owner_metrics(
            self.goals(part, current, context), part, lang, current, context)]

    def goals(self, text: str, current_customers: int | None = None,
              context: str = "") -> list[GoalUnderstood]:
        """The goals one answer holds, primary first (none for an empty answer); `context`
        holds the owner's numbers of today."""
        if not text.strip():
            return []
        found = split_goals(text, self.goal_classifier, self.data)
        goals = [read_numbers(gid, clause, self.data, current_customers, context)
                 for gid, clause, _ in found]
        for goal, (_, _, score) in zip(goals, found, strict=True):
            goal.confidence = round(min(1.0, score), 3)
        return goals

    def owner_metrics(self, goals: list[GoalUnderstood], text: str, lang: str,
                      current_customers: int | None, context: str) -> list[GoalUnderstood]:
        """The goals with the owner's metric each; when the answer states more goals than were
        told apart (three of one kind, "15 new bars, more taproom visits, rating 4.1 -> 4.6"),
        one goal per clause, each with its own numbers."""
        clauses = split_owner_goals(text, lang, self.profile_data) if text.strip() else []
        # A rate stays whole ("riempire la sala … e arrivare a 40 coperti a sera" is one goal)
        # unless two clauses state figures of their own ("da 25 a 45 tour a settimana e le
        # recensioni da 4,3 a 4,7": the rating is a second goal, never dropped).
        whole = any(g.period for g in goals) and sum(map(states_figures, clauses)) < 2
        if len(clauses) > len(goals) and not whole:
            scored = [(clause, ranked(self.goal_classifier.scores(clause))[0])
                      for clause in clauses]
            goals = [read_numbers(gid, clause, self.data, current_customers, context)
                     for clause, (gid, _) in scored]
            for goal, (_, (_, score)) in zip(goals, scored, strict=True):
                goal.confidence = round(min(1.0, score), 3)
        for goal in goals:
            goal.due_month, counted = deadline_of(goal.text, self.data, lang)  # "entro giugno"
            counted = without_period(counted)  # "entro un anno" counts nothing
            goal.metric = metric_of(self._figured(counted, lang), lang,
                                    self.profile_data) or None
            goal.family = self.metric_reader.family(goal.metric or goal.text)
            if goal.metric and goal.current is None and goal.change and goal.target is None \
                    and goal.unit in (None, "customers"):
                today = level_today(goal.metric, context, self.profile_data)
                if today is not None:
                    goal.current, goal.target = today, today + goal.change
        return goals

    def _figured(self, text: str, lang: str) -> str:
        """The one clause of a goal that states its figures, when it has several clauses (what
        the goal counts is read there: "de 40 a 70 pacientes nuevos al mes y que más pacientes
        acepten la ortodoncia" counts "pacientes nuevos al mes"); else the whole text."""
        clauses = split_owner_goals(text, lang, self.profile_data)
        figured = [c for c in clauses if states_figures(c)]
        return figured[0] if len(clauses) > 1 and len(figured) == 1 else text

    @cached_property
    def season_guess(self) -> SeasonGuesser | None:
        """A season clause with no season word, read by example (None without a model)."""
        return SeasonGuesser(load_season_examples(), self.embed) if self.embed else None

    @cached_property
    def metric_reader(self) -> MetricReader:
        """What a goal counts (goal_metrics.json), over the same embedder."""
        return MetricReader(load_metric_data(), self.embed)

    def clear_goal(self, text: str) -> bool:
        """Whether a goal answer can be read (a goal keyword, or a close prototype)."""
        if any(self.goal_classifier.keyword_hits(text).values()):
            return True
        return self.embed is not None and ranked(self.goal_classifier.scores(text))[0][1] >= 0.5

    def business_type(self, text: str) -> tuple[str, float]:
        """The best business type for a description, and its score."""
        best = ranked(self.businesses.scores(text))[0]
        return best[0], best[1]

    def corrected(self, understood: Understanding, overrides: Any) -> Understanding:
        """`understood` with the owner's corrections applied and recorded in `corrected`."""
        if not isinstance(overrides, dict):
            return understood
        changes: dict[str, Any] = {}
        for key, value in overrides.items():
            name = ALIASES.get(key, key)
            if name not in CORRECTABLE or value is None:
                continue
            if name == "goals":
                value = [g if isinstance(g, dict) else {"goal_id": str(g), "text": str(g)}
                         for g in value]
                value = [GoalUnderstood(**{"text": g.get("goal_id", ""), **g}) for g in value
                         if g.get("goal_id") in self.goal_classifier.prototypes]
            if name == "business_type" and value not in self.playbook.business_types:
                continue
            if name == "profile":  # the owner's label or name: the rest stays as read
                value = {**understood.profile.model_dump(), **dict(value)}
            changes[name] = value
        if not changes:
            return understood
        data = understood.model_dump()
        data.update(changes)
        data["corrected"] = sorted(set(understood.corrected) | set(changes))
        return Understanding.model_validate(data)


def default_understander(playbook: Playbook) -> Understander:
    """An understander on the shipped data, reading keywords only (no embedding model)."""
    from ...settings import PROJECT_ROOT

    return Understander(playbook, load_understanding_data(
        PROJECT_ROOT / "knowledge" / "understanding"))


def _margin(ranking: list[tuple[str, float]]) -> float:
    """Confidence: how far the best class is ahead of the next (0..1)."""
    if len(ranking) < 2:
        return 1.0
    return max(0.0, min(1.0, (ranking[0][1] - ranking[1][1]) * 5))
