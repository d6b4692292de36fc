"""Season words name the months of the business's hemisphere, and months written out beside a
season word win over it (issue #21, item 6: a bike workshop in Rosario said "primavera")."""

from __future__ import annotations

import pytest

from assistant.planning.understanding import default_understander
from tests.plan_fixtures import PLAYBOOK

UNDERSTANDER = default_understander(PLAYBOOK)


def seasons_of(lang: str, business: str, seasonality: str) -> tuple[list[int], list[int]]:
    """The months customers decide and the months at capacity, as the understander reads them."""
    got = UNDERSTANDER.understand({"business": business, "offer": "service",
                                   "seasonality": seasonality}, lang)
    return sorted(got.decision_months), sorted(got.busy_months)


@pytest.mark.parametrize(("lang", "business", "seasonality", "months"), [
    ("es", "Tengo un taller de bicicletas en Rosario, Argentina",
     "la temporada fuerte es la primavera", [9, 10, 11]),
    ("es", "Una heladería en Montevideo", "en verano trabajamos a tope", [1, 2, 12]),
    ("en", "A surf school in Cape Town, South Africa", "we are busiest in summer", [1, 2, 12]),
    ("fr", "Une école de voile à Auckland, Nouvelle-Zélande", "on est complets en été",
     [1, 2, 12]),
    ("it", "Una scuola di sci a Bariloche, Argentina", "in inverno siamo pieni", [6, 7, 8]),
    # a country in the name is no place: this gelateria is in Argentina, not in Italy
    ("it", "Gelateria Italia, gelateria a Buenos Aires", "d'estate siamo pieni", [1, 2, 12]),
])
def test_season_words_follow_the_southern_hemisphere(lang: str, business: str,
                                                     seasonality: str, months: list[int]) -> None:
    decision, busy = seasons_of(lang, business, seasonality)
    assert busy == months
    assert set(decision) <= set(months)


@pytest.mark.parametrize(("lang", "business", "seasonality", "months"), [
    ("es", "Una heladería en Sevilla", "en verano trabajamos a tope", [6, 7, 8]),
    ("en", "A surf school in Bristol", "we are busiest in summer", [6, 7, 8]),
])
def test_the_north_keeps_its_seasons(lang: str, business: str, seasonality: str,
                                     months: list[int]) -> None:
    assert seasons_of(lang, business, seasonality)[1] == months


@pytest.mark.parametrize(("lang", "business", "seasonality"), [
    ("es", "Tengo un taller de bicicletas en Rosario, se llama Rueda Libre",
     "en primavera, de septiembre a noviembre, no damos abasto"),
    ("es", "Un taller de bicicletas en Valencia", "en otoño, de septiembre a noviembre"),
    ("en", "A bike repair shop in Leeds", "in autumn, from September to November, we are full"),
    ("fr", "Un atelier de vélos à Lyon", "au printemps, de septembre à novembre, on est débordés"),
])
def test_months_written_out_win_over_a_season_word(lang: str, business: str,
                                                   seasonality: str) -> None:
    decision, capacity = seasons_of(lang, business, seasonality)
    # months with no word of what they are ("en otoño, de septiembre a noviembre") are when
    # customers buy, not "full"; a word of capacity makes them full
    assert sorted({*decision, *capacity}) == [9, 10, 11]


def test_a_season_and_another_month_both_count() -> None:
    assert seasons_of("en", "A bike repair shop in Leeds",
                      "we are full in summer and in December")[1] == [6, 7, 8, 12]


def test_a_festivity_beside_a_range_keeps_its_month() -> None:
    assert seasons_of("fr", "Une boutique en ligne de thé à Lille",
                      "Black Friday et Noël = 35% du CA, juillet-août calmes")[1] == [11, 12]


def test_flat_out_in_summer_is_full_not_slow() -> None:
    """"Flat out" holds "flat" (a slow month elsewhere): the longer phrase says what the months
    are, so a kayak operator in New Zealand is full in December to February."""
    got = UNDERSTANDER.understand({"business": "Sea kayak tours in Abel Tasman, New Zealand",
                                   "offer": "tours", "seasonality": "summer is flat out"}, "en")
    assert sorted(got.busy_months) == [1, 2, 12] and got.quiet_months == []


def test_customers_may_sign_up_in_a_month_that_is_quiet_for_the_regulars() -> None:
    """Members go away over the southern summer and new ones sign up in January: January is
    both quiet and a month customers decide, so the plan pushes acquisition then."""
    got = UNDERSTANDER.understand({
        "business": "A Pilates studio in Cape Town, South Africa", "offer": "classes",
        "seasonality": "over the summer holidays many members go away; January is when people "
                       "sign up"}, "en")
    assert sorted(got.quiet_months) == [1, 2, 12] and got.decision_months == [1]


@pytest.mark.parametrize(("lang", "seasonality", "capacity", "quiet", "decision"), [
    ("en", "we are full in July and quiet in November", [7], [11], []),
    ("es", "en julio estamos a tope y en noviembre está flojo", [7], [11], []),
    ("en", "SXSW in March and ACL in October are huge", [3, 10], [], [3, 10]),
    ("fr", "on est complets en août et c'est calme en novembre", [8], [11], []),
])
def test_each_side_of_and_keeps_what_it_says_of_its_months(lang, seasonality, capacity, quiet,
                                                          decision) -> None:
    """"Full in July and quiet in November": November is not full; a month said beside
    another season's word keeps its own."""
    got = UNDERSTANDER.understand({"business": "A shop in Leeds", "offer": "goods",
                                   "seasonality": seasonality}, lang)
    assert (got.busy_months, got.quiet_months, got.decision_months) == (capacity, quiet,
                                                                        decision)
