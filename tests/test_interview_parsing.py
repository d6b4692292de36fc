"""Horizons, budgets, lists and vague answers, in the four languages."""

import pytest

from assistant.planning.interview.parsing import (
    ParseProblem,
    is_vague,
    parse_budget,
    parse_horizon,
    parse_list,
)


@pytest.mark.parametrize(("text", "months"), [
    ("un año", 12), ("18 mois", 18), ("due anni", 24), ("6 months", 6), ("1 anno e mezzo", 18),
    ("un año y medio", 18), ("medio año", 6), ("tres meses", 3), ("un semestre", 6),
    ("two years", 24), ("9", 9), (12, 12),
])
def test_horizon_phrases_in_every_language_become_months(text, months):
    assert parse_horizon(text) == months


@pytest.mark.parametrize("text", ["pronto", "", "0 meses", "50 months", "-3", 4.5])
def test_unusable_horizons_are_refused(text):
    with pytest.raises(ParseProblem):
        parse_horizon(text)


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("8.000 €", 8000, "EUR"), ("5k EUR", 5000, "EUR"), ("3000 dollars", 3000, "USD"),
    ("£4,000", 4000, "GBP"), ("1.500,50 €", 1500.5, "EUR"), ("2 mil euros", 2000, "EUR"),
    ({"amount": 8000, "currency": "EUR"}, 8000, "EUR"),
])
def test_budgets_are_read_with_their_currency(text, amount, currency):
    assert parse_budget(text) == {"amount": amount, "currency": currency}


@pytest.mark.parametrize("value", ["nada", "0 €", "-50 EUR", {"amount": -1, "currency": "EUR"},
                                   {"amount": 100, "currency": "XYZ"}, {"amount": "lots"}])
def test_budget_must_be_a_positive_amount_in_a_known_currency(value):
    with pytest.raises(ParseProblem):
        parse_budget(value)


def test_channel_lists_split_on_commas_and_conjunctions():
    assert parse_list("Instagram, email y la tienda") == ["Instagram", "email", "la tienda"]
    assert parse_list("Instagram et e-mailing") == ["Instagram", "e-mailing"]
    assert parse_list("ninguno") == []


@pytest.mark.parametrize("text", ["no sé", "boh", "je sais pas", "idk", "tienda"])
def test_vague_answers_are_detected(text):
    assert is_vague(text, 2)


def test_a_real_answer_is_not_vague():
    assert not is_vague("Floristería Lola, tienda de flores en Sevilla", 2)


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("S/ 9.000 al año", 9000, "PEN"),
    ("Bs. 12.000", 12000, "BOB"),
    ("NZ$ 15,000 a year", 15000, "NZD"),
    ("R$ 20.000 por ano", 20000, "BRL"),
    ("60 000 rands", 60000, "ZAR"),
])
def test_latin_american_and_southern_currency_marks_are_read(text, amount, currency):
    """Soles, bolivianos, reais, rand and New Zealand dollars are read from their signs and
    codes, not taken for euros."""
    assert parse_budget(text, "EUR") == {"amount": amount, "currency": currency}


@pytest.mark.parametrize(("business", "currency"), [
    ("Tostaduría Yungas, tostamos café en La Paz, Bolivia", "BOB"),
    ("Un estudio de yoga en Miraflores, Lima", "PEN"),
    ("It's called Core & Calm, a Pilates studio in Cape Town", "ZAR"),
    ("Sea kayak tours in Abel Tasman, New Zealand", "NZD"),
])
def test_the_place_gives_the_currency_south_of_the_equator(business, currency):
    """An amount written without a sign is in the currency of where the business is."""
    from assistant.planning.understanding.currency import local_currency

    assert local_currency({"business": business}) == currency


def test_a_sign_that_starts_with_a_letter_is_read_at_a_word_start():
    """"pesos/mes" holds "s/" but is no amount in soles."""
    assert parse_budget("300.000 pesos/mes", "ARS")["currency"] == "ARS"
