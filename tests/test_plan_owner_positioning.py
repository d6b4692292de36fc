"""The positioning keeps what the owner offers and for whom, in their words, not the prices and
margins of the same answer (issue #21): "« traductions juridiques ... pour les entreprises,
environ 1 200 € par dossier avec 35 % de marge »" told the owner's customers its margin."""

from __future__ import annotations

import pytest

from assistant.planning.plan import build_plan, read_answers
from assistant.planning.plan.offer_words import offer_without_figures, whole_clauses
from tests.plan_cases import real_understander
from tests.plan_fixtures import PLAYBOOK, PROMPTS


def answers(lang: str, business: str, offer: str, budget: str) -> dict[str, str]:
    """An owner's answers, the parts these tests do not look at filled in."""
    return {"language": lang, "business": business, "offer": offer, "customers": offer,
            "goal": "40", "horizon_months": "12", "budget": budget, "channels": "LinkedIn",
            "resources": "4", "start": "03/2027"}


AGENCY = answers("fr", "Mot Juste, agence de traduction à Lyon",
                 "traductions juridiques et techniques pour les entreprises, environ 1 200 € par "
                 "dossier avec 35 % de marge", "6 000 €")
DAIRY = answers("es", "Quesería Los Arribes, quesería en Salamanca",
                "quesos curados de oveja que vendemos a tiendas gourmet; la rueda sale a 38 € al "
                "por mayor", "6.000 €")
WALL = answers("en", "Summit Wall, a climbing gym in Sheffield",
               "bouldering and roped climbing, kids' clubs, and memberships at £45 a month on "
               "which we keep 55 %", "£7,000")


@pytest.fixture(scope="module")
def understander():  # noqa: ANN201
    return real_understander()


@pytest.mark.parametrize(("case", "kept", "left_out"), [
    (AGENCY, "traductions juridiques et techniques pour les entreprises", ("1 200", "35 %")),
    (DAIRY, "quesos curados de oveja que vendemos a tiendas gourmet", ("38 €",)),
    (WALL, "bouldering and roped climbing, kids' clubs", ("£45", "55 %")),
])
def test_the_positioning_quotes_the_offer_without_its_figures(case, kept, left_out,
                                                              understander) -> None:  # noqa: ANN001
    plan = build_plan(read_answers(case, PLAYBOOK, PROMPTS, understander), PLAYBOOK, PROMPTS)
    assert kept in plan.strategy.positioning
    assert not any(figure in plan.strategy.positioning for figure in left_out)


@pytest.mark.parametrize(("offer", "expected"), [
    ("hot desks at £180 a month, fixed desks at £250", ""),
    ("mudanzas dentro de Bogotá, embalaje incluido; una mudanza cuesta 1.200.000 pesos",
     "mudanzas dentro de Bogotá, embalaje incluido"),
    ("visite e vaccini per cani e gatti, e un pacchetto da 150 € con un margine del 40 %",
     "visite e vaccini per cani e gatti"),
    ("olio in latte da 5 litri per ristoranti", "olio in latte da 5 litri per ristoranti"),
    # what is sold has the price: a side line alone is no positioning («y alquiler de tablas»)
    ("Clases de surf en grupo a 35 € y particulares a 60 €, y alquiler de tablas", ""),
])
def test_only_clauses_with_a_price_or_a_percentage_are_left_out(offer: str,
                                                                expected: str) -> None:
    assert offer_without_figures(offer) == expected


def test_a_quote_with_a_clause_left_out_is_whole_clauses_not_a_cut_phrase() -> None:
    answer = "shoot per ristoranti e brand food, £900 a giornata, anche video brevi"
    assert whole_clauses("shoot per ristoranti e brand food, anche video brevi", answer)
    assert not whole_clauses("shoot per ristoranti e brand", answer)
    assert not whole_clauses("anche video brevi, shoot per ristoranti e brand food", answer)


def test_what_sets_the_business_apart_after_but_is_its_positioning(understander) -> None:  # noqa: ANN001
    """Hand test, 7 Dec: "There are three salons nearby and a couple of other vans, but I'm the
    only one who does evenings" gave a positioning without the evenings."""
    case = {**answers("en", "Suds on Wheels, mobile dog grooming in Bristol",
                      "full grooms at £55", "£1,500"),
            "customers": "busy professionals with dogs, but also a few retired couples",
            "competitors": "three salons nearby and two other vans, but I'm the only one who "
                           "does evenings"}
    plan = build_plan(read_answers(case, PLAYBOOK, PROMPTS, understander), PLAYBOOK, PROMPTS)
    assert "I'm the only one who does evenings" in plan.strategy.positioning
    assert "a few retired couples" not in plan.strategy.positioning  # no reason to choose
