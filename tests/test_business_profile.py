"""The business described by how it sells, read from the owner's words (issue #21): the name
alone, the label verbatim, the countries, every working channel by name with a family, each goal
in its own metric; with the embedding model, buyers, places, payment and reach by example."""

from __future__ import annotations

import pytest

from assistant.planning.understanding import default_understander
from assistant.planning.understanding.metrics import level_today, metric_of, split_owner_goals
from assistant.planning.understanding.places import read_countries
from assistant.planning.understanding.profile import read_label, read_name
from tests.plan_cases import real_understander
from tests.plan_fixtures import PLAYBOOK

UNDERSTANDER = default_understander(PLAYBOOK)  # keywords only: no embedding model
DATA = UNDERSTANDER.profile_data


@pytest.mark.parametrize(("lang", "business", "name", "label"), [
    ("en", "It's called The Mill Yard Works, a coworking space in Ancoats, Manchester with 60 "
     "desks", "The Mill Yard Works", "coworking space"),
    ("it", "Si chiama Parla Italiano Online, una scuola di italiano online per stranieri",
     "Parla Italiano Online", "scuola di italiano online per stranieri"),
    ("es", "Se llama Autoescuela Turia, somos una autoescuela en Valencia con dos coches",
     "Autoescuela Turia", "autoescuela"),
    ("fr", "Nous sommes une école de musique à Nantes, elle s'appelle Do Ré Mi Nantes",
     "Do Ré Mi Nantes", "école de musique"),
    ("fr", "La Brasserie du Garon, brasserie artisanale (bière) à Brignais, près de Lyon",
     "La Brasserie du Garon", "brasserie artisanale (bière)"),
    ("en", "It's called Core & Calm, a Pilates studio in Cape Town, South Africa",
     "Core & Calm", "Pilates studio"),
    ("es", "Se llama Bloque Norte, un box de CrossFit en Rosario", "Bloque Norte",
     "box de CrossFit"),
])
def test_the_name_is_the_name_and_the_label_is_the_owners(lang, business, name, label):
    assert read_name(business, lang, DATA) == name
    assert read_label(business, read_name(business, lang, DATA), lang, DATA) == label


def test_a_description_without_a_name_gives_no_name():
    assert read_name("somos una autoescuela en Valencia", "es", DATA) is None


def test_countries_by_name_and_city_in_the_order_said():
    assert read_countries("tienda online en Córdoba, Argentina", DATA) == ["AR"]
    assert read_countries("students from the United States, Germany and Manchester", DATA) == [
        "US", "DE", "GB"]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "Mercado Libre (70 %), Instagram y la tienda propia en Tiendanube",
     [("Mercado Libre", "marketplace"), ("Instagram", "social"),
      ("tienda propia en Tiendanube", "own_site")]),
    ("fr", "les visites aux bars avec des échantillons, Untappd et la fête de la bière de Lyon",
     [("visites aux bars avec des échantillons", "direct_sales"), ("Untappd", "review"),
      ("fête de la bière de Lyon", "events")]),
    ("it", "Matrimonio.com, i wedding planner e Instagram",
     [("Matrimonio.com", "booking"), ("wedding planner", "partners"), ("Instagram", "social")]),
    ("en", "Nextdoor, Facebook groups of the local neighbourhoods and word of mouth",
     [("Nextdoor", "community"), ("Facebook groups of the local neighbourhoods", "community"),
      ("word of mouth", "word_of_mouth")]),
])
def test_every_working_channel_is_kept_by_its_name_with_a_family(lang, text, expected):
    channels = UNDERSTANDER.owner_channels.read(text, lang, [])
    assert [(c.name, c.family) for c in channels] == expected


def test_a_share_of_sales_is_kept_and_a_playbook_id_only_when_it_really_matches():
    shop, social = UNDERSTANDER.owner_channels.read("Mercado Libre 70 %, Instagram", "es", [])
    assert shop.share == 0.7 and shop.family == "marketplace"
    assert social.channel_id == "instagram"
    groups = UNDERSTANDER.owner_channels.read("gruppo Facebook dei genitori", "it", [])[0]
    assert groups.family == "community" and groups.channel_id is None  # not the page


@pytest.mark.parametrize(("lang", "goal", "metrics"), [
    ("fr", "15 nouveaux bars clients, plus de monde à la taproom le week-end et passer la note "
     "Google de 4,1 à 4,6", ["nouveaux bars clients", "monde à la taproom le week-end",
                             "note Google"]),
    ("es", "llegar a 400 socios y bajar las bajas del verano a la mitad",
     ["socios", "bajas del verano a la mitad"]),
    ("en", "go from 55 % to 85 % desk occupancy", ["desk occupancy"]),
    ("it", "trovare un importatore negli Stati Uniti e arrivare a 60 ristoranti clienti",
     ["importatore negli Stati Uniti", "ristoranti clienti"]),
    ("es", "duplicar los pedidos, de 180 a 360 por mes", ["pedidos"]),
])
def test_every_goal_keeps_its_own_metric(lang, goal, metrics):
    clauses = split_owner_goals(goal, lang, DATA)
    assert [metric_of(c, lang, DATA) for c in clauses] == metrics


def test_a_goal_that_adds_starts_from_todays_level():
    assert level_today("nouveaux bars clients", "nous livrons 25 bars; note 4,1", DATA) == 25
    assert level_today("desk occupancy", "about 33 members", DATA) is None


def test_goals_read_through_the_understander_carry_metric_and_levels():
    understood = UNDERSTANDER.understand({
        "language": "fr", "business": "La Brasserie du Garon, brasserie artisanale",
        "offer": "fûts", "customers": "bars", "situation": "nous livrons 25 bars",
        "goal": "15 nouveaux bars clients et passer la note Google de 4,1 à 4,6",
        "channels": "Untappd"}, "fr")
    bars, rating = understood.goals
    assert (bars.metric, bars.current, bars.target) == ("nouveaux bars clients", 25, 40)
    assert (rating.metric, rating.current, rating.target) == ("note Google", 4.1, 4.6)
    assert understood.profile.name == "La Brasserie du Garon"
    assert [c.name for c in understood.channels] == ["Untappd"]


@pytest.fixture(scope="module")
def understander():
    return real_understander()


@pytest.mark.heavy
@pytest.mark.parametrize(("lang", "answers", "attribute", "value"), [
    ("en", {"business": "Riverside Food Bank, a charity in Hull",
            "customers": "local donors, church groups and companies"}, "buyers", ["donors"]),
    ("fr", {"business": "Le Bocal Solidaire, association d'aide alimentaire à Lille",
            "customers": "donateurs particuliers et entreprises mécènes"}, "buyers", ["donors"]),
    ("es", {"business": "Tostadores del Quindío, tostador de café",
            "customers": "cafeterías de especialidad y hoteles boutique"}, "buyers",
     ["businesses"]),
    ("it", {"business": "Frantoio Ruggeri, frantoio in Puglia",
            "customers": "ristoranti in Italia e un distributore in Svizzera e negli Stati Uniti"},
     "reach", "international"),
    ("fr", {"business": "Do Ré Mi Nantes, école de musique", "offer": "forfait annuel de 620 €",
            "current_customers": "140 élèves"}, "payment", "recurring"),
])
def test_how_it_sells_is_read_by_example_in_each_language(understander, lang, answers,
                                                          attribute, value):
    filled = {"offer": "", "customers": "", "situation": "", "goal": "", **answers}
    profile = understander.profiles.read(filled, lang, [])
    assert getattr(profile, attribute) == value
    assert profile.confidence[attribute] >= understander.profile_data["thresholds"][attribute]


@pytest.mark.heavy
@pytest.mark.parametrize(("lang", "amount"), [("fr", "25 €"), ("es", "30 €"),
                                              ("it", "40 €"), ("en", "£35")])
def test_a_bare_amount_says_nothing_of_how_the_business_sells(understander, lang, amount):
    """The average sale "25 €" read a bookshop as paid by subscription ("Structurer l'offre
    d'abonnement", hand test 7 Dec): a bare amount lay nearest "30 € al mes"."""
    answers = {"business": "La Petite Librairie, librairie indépendante à Lyon",
               "offer": "livres neufs et conseils", "average_sale": amount,
               "customers": "", "situation": "", "goal": ""}
    assert understander.profiles.read(answers, lang, []).payment != "recurring"
