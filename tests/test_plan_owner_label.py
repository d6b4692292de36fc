"""The plan speaks of the owner's business in the owner's words, with no other trade's rules
(issue #21, items 1-2; the rubric's "another trade's words"): "Tengo un taller de bicicletas"
became "formación y academia", "Ho un'officina di biciclette a Rosario, in Argentina" became
"in Argentina", "J'ai un camion de toilettage..., il s'appelle Filou Mobile" became "il", and
the dog-grooming van, nearest to a clinic, got a health-advertising compliance step."""

from __future__ import annotations

import pytest

from assistant.planning.plan import build_plan, read_answers
from assistant.planning.understanding.profile import load_profile_data, read_label, read_name
from assistant.settings import PROJECT_ROOT
from tests.plan_fixtures import PLAYBOOK, PROMPTS
from tests.test_plan_owner_reasons import WORKSHOP, weak_fit_plan

GROOMER = {"language": "fr", "business": "J'ai un camion de toilettage pour chiens à Nantes, il "
           "s'appelle Filou Mobile", "offer": "un toilettage complet à 55 €",
           "customers": "des propriétaires de chiens du quartier",
           "goal": "passer de 80 à 120 toilettages par mois", "horizon_months": "12 mois",
           "budget": "2 400 €", "channels": "le bouche-à-oreille et Facebook"}


@pytest.mark.parametrize(("answers", "label"), [
    (WORKSHOP["es"], "taller de bicicletas"), (WORKSHOP["en"], "bike repair workshop"),
    (WORKSHOP["it"], "officina di biciclette"), (GROOMER, "camion de toilettage pour chiens")])
def test_the_owners_label_is_kept_in_the_plan(answers, label):
    inp = read_answers(answers, PLAYBOOK, PROMPTS)
    assert inp.understood.profile.label == label
    plan = build_plan(inp, PLAYBOOK, PROMPTS)
    assert label in plan.summary


def test_a_type_that_does_not_fit_lends_no_regulation():
    inp = read_answers(GROOMER, PLAYBOOK, PROMPTS)
    understood = inp.understood.model_copy(update={
        "business_type": "health_clinic", "regulated": "health", "regulated_by_type": True,
        "profile": inp.understood.profile.model_copy(update={"confidence": {"type": 0.3}})})
    plan = build_plan(inp, PLAYBOOK, PROMPTS, understood=understood)
    assert not plan.facts.regulated
    assert all(t.template != "compliance_review" for t in plan.tactics)


def test_the_owners_own_words_on_rules_still_count():
    inp = read_answers({**GROOMER, "constraints": "publicité soumise à la réglementation "
                        "sanitaire"}, PLAYBOOK, PROMPTS)
    understood = inp.understood.model_copy(update={
        "profile": inp.understood.profile.model_copy(update={"confidence": {"type": 0.3}})})
    assert understood.regulated == "health" and not understood.regulated_by_type
    plan = build_plan(inp, PLAYBOOK, PROMPTS, understood=understood)  # kept with a weak fit
    assert plan.facts.regulated == "health"


def test_weak_fit_plan_of_the_workshop_names_the_workshop():
    assert "taller de bicicletas" in weak_fit_plan("es").summary


@pytest.mark.parametrize(("lang", "business", "label"), [
    ("fr", "Il s'appelle Pressing du Cours, on est trois, c'est un pressing à Nantes", "pressing"),
    ("fr", "Pressing du Cours, on est trois, nettoyage à sec et retouches",
     "nettoyage à sec et retouches"),
    ("es", "Se llama Lavandería Sol, somos tres, una lavandería en Sevilla", "lavandería"),
    ("it", "Si chiama Forno Bianchi, siamo in quattro, un forno a Lucca", "forno"),
    ("en", "It's called Mill Yard, we're two people, a coworking space in Leeds",
     "coworking space"),
    ("en", "It's called Mill Yard, there are 4 of us, 60 desks, coworking in Leeds",
     "coworking")])
def test_a_statement_about_the_team_is_not_the_kind_of_business(lang, business, label):
    """ "Il s'appelle Pressing du Cours, on est trois, ..." made the plan speak of "on est
    trois" as the kind of business (a hand test of the chat, 7 Dec)."""
    data = load_profile_data(PROJECT_ROOT / "knowledge" / "understanding" / "profile.json")
    assert read_label(business, read_name(business, lang, data), lang, data) == label


@pytest.mark.parametrize(("lang", "business", "name", "label"), [
    ("fr", "Ça s'appelle Roue Libre Annecy : on loue des vélos électriques, près du lac",
     "Roue Libre Annecy", ""),
    ("fr", "Roue Libre Annecy, atelier de réparation de vélos près du lac", "Roue Libre Annecy",
     "atelier de réparation de vélos"),
    ("es", "Se llama La Huerta: somos una frutería ecológica cerca del mercado", "La Huerta",
     "frutería ecológica"),
    ("it", "Si chiama Vela Blu: scuola di vela vicino al porto di Cagliari", "Vela Blu",
     "scuola di vela"),
    ("en", "It's called Mill Yard: a coworking space next to the station", "Mill Yard",
     "coworking space")])
def test_a_name_before_a_colon_and_a_place_near_something(lang, business, name, label):
    """ "Ça s'appelle Roue Libre Annecy : on répare des vélos…, près du lac" (a hand test of the
    chat, 8 Dec) titled the plan "Plan marketing de Ça s'appelle Roue Libre Annecy" and called
    the business "près du lac": the name ran to the colon, and "near the lake" was no place."""
    data = load_profile_data(PROJECT_ROOT / "knowledge" / "understanding" / "profile.json")
    assert read_name(business, lang, data) == name
    assert read_label(business, name, lang, data) == label
