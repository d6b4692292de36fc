"""A season clause with none of the season words is read from example clauses (knowledge/
understanding/season_examples.json) by the shipped embedder: "d'estate lavoriamo tantissimo,
d'inverno poco" had its summer and its winter both taken for the months customers buy, "run off
our feet" and "barely anyone walks in" said nothing. Below the threshold a clause still says
nothing (a place, a team)."""

from __future__ import annotations

import pytest

from tests.plan_cases import real_understander

pytestmark = pytest.mark.heavy  # the embedding model


@pytest.fixture(scope="module")
def understander():  # noqa: ANN201
    return real_understander()


@pytest.mark.parametrize(("lang", "business", "seasons", "busy", "quiet"), [
    ("it", "Gelateria Roma, gelateria a Bologna", "D'estate lavoriamo tantissimo, d'inverno poco",
     [6, 7, 8], [1, 2, 12]),
    ("en", "Pages, a bookshop in York",
     "In December we're run off our feet; in February barely anyone walks in", [12], [2]),
])
def test_a_season_told_without_season_words_is_read_by_example(understander, lang: str,
                                                               business: str, seasons: str,
                                                               busy: list[int],
                                                               quiet: list[int]) -> None:
    answers = {"language": lang, "business": business, "offer": "-", "customers": "-",
               "goal": "50", "seasonality": seasons}
    understood = understander.understand(answers, lang)
    assert understood.busy_months == busy and understood.quiet_months == quiet


def test_a_clause_that_says_nothing_of_the_year_gives_no_season(understander) -> None:
    guess = understander.season_guess
    assert guess("Siamo a Bologna") is None and guess("Nous avons deux salariés") is None
    assert guess("d'inverno poco") == ("quiet_months",)
