"""The numbers inside owners' goals and resources, as the end-to-end plan-fit measure found them
misread (benchmarks/plan_fit.py): levels versus changes, clock times, separators, word amounts."""

from __future__ import annotations

import pytest

from assistant.planning.understanding import load_understanding_data
from assistant.planning.understanding.facts import hours_per_week, team_size
from assistant.planning.understanding.goals import read_numbers
from assistant.settings import PROJECT_ROOT

DATA = load_understanding_data(PROJECT_ROOT / "knowledge" / "understanding")


def numbers(clause: str, current: int | None = None, context: str = "") -> tuple:
    goal = read_numbers("acquisition", clause, DATA, current, context)
    return goal.current, goal.target, goal.change


def test_thousands_separator_is_a_count_not_a_year():
    assert numbers("go from 900 to 2,000 paying users", 900) == (900, 2000, 1100)


def test_from_these_to_about_reads_both_levels():
    assert numbers("pasar de esas 25 mesas a unas 40") == (25, 40, 15)


def test_a_clock_time_is_not_a_target():
    assert numbers("fill the 7am classes and get to 120 members, I have around 85 now", 85) \
        == (85, 120, 35)
    assert numbers("aumentare le vendite del pomeriggio, dopo le 16 il forno è vuoto") \
        == (None, None, None)


def test_the_same_thing_counted_today_makes_the_goal_a_level():
    assert numbers("book 25 weddings for next season", 18, "about 18 weddings a year") \
        == (18, 25, 7)
    assert numbers("conseguir unos 30 pacientes nuevos al mes", 2600,
                   "unos 2.600 pacientes. ahora nos entran unos 18 pacientes nuevos al mes") \
        == (18, 30, 12)


@pytest.mark.parametrize(("clause", "levels"), [
    ("subir la ocupación de las bicis de alquiler del 60 % al 90 % en verano", (60, 90, 30)),
    ("llegar al 85 % de ocupación, hoy estamos en el 55 %", (55, 85, 30)),
    ("atteindre 85 % d'occupation des bureaux, aujourd'hui 55 %", (55, 85, 30)),
    ("arrivare all'85 % di occupazione, oggi siamo al 55 %", (55, 85, 30)),
    ("passer à 85 % d'occupation", (None, 85, None))])
def test_levels_of_today_and_wanted_in_each_language(clause, levels):
    """Spanish "del 60 % al 90 %" read no level at all, "aujourd'hui 55 %", "oggi siamo al
    55 %" and "hoy estamos en el 55 %" no level of today, and "passer à 85 %" no target (a
    hand test of the plan for a bike workshop, 8 Dec, and its variants in each language)."""
    assert numbers(clause) == levels


def test_new_customers_wanted_stay_a_change_whatever_the_base():
    assert numbers("conseguir 300 clientes nuevos", 200, "tenemos 200 clientes") \
        == (None, None, 300)


def test_a_target_below_the_customer_base_does_not_count_from_it():
    current, target, change = numbers("get to 25 new patients a month", 600,
                                      "about 600 active patients")
    assert (current, target, change) == (None, 25, None)  # 25 a month is a level of its own


@pytest.mark.parametrize(("text", "hours"), [
    ("je m'occupe du marketing une dizaine d'heures par semaine", 10),
    ("siamo in 3 di famiglia, al marketing forse un'ora a settimana", 1),
    ("a dozen hours a week", 12),
    ("2 horas a la semana", 2),
])
def test_hours_written_in_words(text, hours):
    assert hours_per_week(text, DATA) == hours


@pytest.mark.parametrize(("text", "team"), [
    ("sono il maestro e unico istruttore, 2 ore a settimana", 1),
    ("we're 7, one marketer full time", 7),
    ("trabajo sola", 1),
    ("somos dos, mi hermana y yo", 2),
    # volunteers are the team of an association (it asked the hours again after these)
    ("Deux bénévoles, 4 heures par semaine", 2),
    ("tre volontari il sabato", 3),
    ("two volunteers and me", 3),
    # Spanish "son" (are) is no English son: "el plazo son 6 meses" changed the team to 1
    ("el plazo son 6 meses", None),
    ("los precios son altos", None),
    ("I run it with my son", 2),
    ("my son helps on Saturdays", 2),
    # the self-employed as customers are no team of one (a gestoría, hand test, 8 Dec: "trabajas
    # sola/o" before the team was asked); one self-employed owner still is
    ("llevamos la contabilidad de autónomos y pequeñas empresas", None),
    ("soy autónoma", 1),
])
def test_team_size(text, team):
    assert team_size(text, DATA) == team


@pytest.mark.parametrize(("clause", "levels"), [
    ("hacer 300 declaraciones de la renta en la campaña (este año hicimos 210)", (210, 300, 90)),
    ("vendre 500 paniers cette saison (l'an dernier 380)", (380, 500, 120)),
    ("arrivare a 90 matrimoni, l'anno scorso ne abbiamo fatto 60", (60, 90, 30)),
    ("book 40 weddings (we did 28 last year)", (28, 40, 12))])
def test_what_was_done_last_year_is_the_level_of_today(clause, levels):
    """ "(este año hicimos 210)" beside "hacer 300 declaraciones" read +300 declarations, not 210
    -> 300 (a gestoría, hand test, 8 Dec)."""
    assert numbers(clause) == levels


def test_an_elided_article_is_not_what_a_goal_counts():
    """ "arrivare all'85 % di occupazione" counted "all'" (the word before the number)."""
    from assistant.planning.understanding.metrics import metric_of
    from assistant.planning.understanding.profile import load_profile_data

    data = load_profile_data(PROJECT_ROOT / "knowledge" / "understanding" / "profile.json")
    assert metric_of("arrivare all'85 % di occupazione", "it", data) == "occupazione"
    assert metric_of("portare le recensioni dell'hotel da 4,1 a 4,6", "it", data) \
        == "recensioni dell'hotel"
