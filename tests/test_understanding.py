"""The understanding step on owners' own words, with the real multilingual embedding model."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.planning.interview.parsing import ParseProblem, parse_budget, parse_horizon
from assistant.planning.plan import load_playbook
from assistant.planning.understanding import Understander, load_understanding_data
from assistant.settings import PROJECT_ROOT
from tests.shared_embed import shared_embed

PLAYBOOK = load_playbook(PROJECT_ROOT / "knowledge" / "playbook")
DATA = load_understanding_data(PROJECT_ROOT / "knowledge" / "understanding")


@pytest.fixture(scope="module")
def understander() -> Understander:
    return Understander(PLAYBOOK, DATA, shared_embed, today=lambda: date(2026, 5, 14))


def read(understander: Understander, lang: str = "es", **answers: object):
    return understander.understand({"language": lang, **answers}, lang)


@pytest.mark.parametrize(("lang", "business", "offer", "expected"), [
    ("it", "Panificio Santa Lucia, forno artigianale a Bari", "pane, focacce e dolci", "bakery"),
    ("fr", "Planidom, éditeur B2B", "un logiciel SaaS de planning vendu par abonnement aux "
     "structures d'aide à domicile", "saas"),
    ("es", "Gimnasio Norte en Bilbao", "cuotas mensuales y clases dirigidas", "fitness"),
    ("it", "Agriturismo Poggio ai Lecci in Val d'Orcia", "camere con piscina, olio e vino",
     "hospitality"),
    ("en", "Hannah Cole Photography", "wedding photography packages across the Cotswolds",
     "creative_freelancer"),
    ("es", "Clínica dental Sonríe", "implantes y ortodoncia invisible", "health_clinic"),
])
def test_business_types_are_read_in_the_owners_language(understander, lang, business, offer,
                                                        expected):
    assert read(understander, lang, business=business, offer=offer).business_type == expected


def test_two_goals_in_one_answer_with_their_numbers(understander):
    u = read(understander, business="CrossFit Turia", offer="cuotas",
             goal="llegar a 450 socios y reducir las bajas de verano a la mitad",
             current_customers="300 socios")
    assert [g.goal_id for g in u.goals] == ["acquisition", "loyalty"]
    first, second = u.goals
    assert (first.current, first.target, first.change) == (300, 450, 150)
    assert (second.change, second.unit) == (-50, "percent")
    assert first.text.startswith("llegar a 450") and second.text.endswith("a la mitad")


def test_a_goal_the_keywords_used_to_refuse_is_understood(understander):
    assert understander.clear_goal("conseguir más pacientes nuevos")
    assert read(understander, goal="conseguir más pacientes nuevos").goals[0].goal_id \
        == "acquisition"


def test_excluding_facebook_and_instagram_also_excludes_meta_ads(understander):
    u = read(understander, channels="LinkedIn y webinars",
             excluded_channels="nada de Facebook ni Instagram")
    assert {"facebook", "instagram", "meta_ads"} <= set(u.excluded_ids)
    assert u.channel_ids == ["linkedin", "webinars"]


def test_months_ranges_and_seasons_in_four_languages(understander):
    u = read(understander, "fr", seasonality="juillet-août complet, juin et septembre à moitié "
             "vides", start="à partir de novembre")
    assert (u.busy_months, u.quiet_months, u.start_month, u.start_year) == \
        ([7, 8], [6, 9], 11, 2026)
    u = read(understander, "en", seasonality="Christmas is mad, summer is slow")
    assert (u.busy_months, u.quiet_months) == ([12], [6, 7, 8])
    u = read(understander, "it", seasonality="da maggio a ottobre pieno, marzo e novembre vuoti")
    assert (u.busy_months, u.quiet_months) == ([5, 6, 7, 8, 9, 10], [3, 11])


def test_start_defaults_to_next_month(understander):
    u = read(understander)
    assert (u.start_year, u.start_month) == (2026, 6)


@pytest.mark.parametrize(("text", "team", "hours"), [
    ("trabajo sola, unas 3 horas a la semana", 1, 3),
    ("somos dos, un par de horas a la semana", 2, 2),
    ("me and 2 part-timers, I can do 3 hrs a week", 3, 3),
    ("siamo in 4, uno fa il marketing 20 ore a settimana", 4, 20),
])
def test_team_and_hours(understander, text, team, hours):
    u = read(understander, resources=text)
    assert (u.team_size, u.hours_per_week) == (team, hours)


def test_regulated_sectors_are_named(understander):
    assert read(understander, constraints="publicidad sanitaria con autorización").regulated \
        == "health"
    assert read(understander, "fr", constraints="loi Evin pour le cidre").regulated == "alcohol"


def test_owner_corrections_win_and_are_recorded(understander):
    u = understander.understand({"business": "Bottega del pane", "goal": "più clienti",
                                 "understood": {"business_type": "retail",
                                                "goals": [{"goal_id": "loyalty"}]}}, "it")
    assert u.business_type == "retail" and [g.goal_id for g in u.goals] == ["loyalty"]
    assert u.corrected == ["business_type", "goals"]


def test_weeks_are_not_months_and_bitcoin_is_not_a_budget():
    with pytest.raises(ParseProblem) as weeks:
        parse_horizon("2 semanas")
    assert weeks.value.code == "horizon_weeks"
    with pytest.raises(ParseProblem) as btc:
        parse_budget("300 BTC")
    assert btc.value.code == "budget_currency"


def test_a_second_goal_about_taking_up_an_offer_is_kept_apart(understander):
    u = read(understander, business="Clínica Veterinaria Los Olivos", offer="plan de salud anual",
             goal="pasar de 900 a 1.100 clientes activos y que más clientes contraten el plan "
                  "de salud anual")
    assert [g.goal_id for g in u.goals] == ["acquisition", "conversion"]
    assert (u.goals[0].current, u.goals[0].target, u.goals[0].change) == (900, 1100, 200)
    assert u.goals[1].text == "que más clientes contraten el plan de salud anual"


@pytest.mark.parametrize(("lang", "business", "channels", "google_business"), [
    ("es", "Clínica Veterinaria Los Olivos en Getafe", "Google e Instagram", True),
    ("it", "Pizzeria Da Gennaro a Bologna", "Google e il passaparola", True),
    ("fr", "Planidom, logiciel SaaS B2B", "Google et LinkedIn", False),  # not a local business
    ("en", "Smith & Sons Plumbing in Leeds", "Google Ads and word of mouth", False),
])
def test_google_alone_is_the_business_profile_of_a_local_business(understander, lang, business,
                                                                  channels, google_business):
    u = read(understander, lang, business=business, channels=channels)
    assert ("google_business" in u.channel_ids) is google_business


@pytest.mark.parametrize(("lang", "goal", "period", "change"), [
    ("it", "arrivare a 40 coperti a sera, ora ne facciamo circa 25", "evening", 15),
    ("en", "get to 30 new patients a month, we get 18 now", "month", 12),
    ("fr", "passer de 10 à 16 inscriptions par semaine", "week", 6),
    ("es", "pasar de 300 a 450 socios", None, 150),
])
def test_a_rate_goal_keeps_its_period(understander, lang, goal, period, change):
    g = read(understander, lang, business="x", goal=goal).goals[0]
    assert (g.period, g.change) == (period, change)


@pytest.mark.parametrize(("lang", "seasons", "closed", "quiet"), [
    ("it", "ad agosto chiudiamo tre settimane; gennaio è fiacco", [8], [1]),
    ("fr", "en août on ferme 3 semaines, février est calme", [8], [2]),
    ("es", "agosto cerramos dos semanas y enero está muerto", [8], [1]),
    ("it", "dicembre e gennaio fermo", [], [1, 12]),  # "fermo" is slow, not shut
    ("it", "a dicembre non ci fermiamo mai tra panettoni e torte", [], None),
])
def test_closed_months_are_kept_apart_from_quiet_ones(understander, lang, seasons, closed, quiet):
    u = read(understander, lang, business="x", seasonality=seasons)
    assert u.closed_months == closed and quiet in (None, u.quiet_months)


def test_a_french_fromagerie_with_a_weekly_goal_an_apprentice_and_a_second_goal(understander):
    u = read(understander, "fr", business="La Cave à Fromages de Julie, fromagerie à Annecy",
             offer="fromages de Savoie, plateaux pour apéros",
             goal="passer de 120 à 150 clients par semaine et vendre plus de plateaux pour "
                  "les fêtes", resources="je suis seule avec une apprentie, 3 heures par semaine")
    assert u.business_type == "retail" and u.team_size == 2
    assert [(g.goal_id, g.period, g.change) for g in u.goals] == [
        ("acquisition", "week", 30), ("conversion", None, None)]
