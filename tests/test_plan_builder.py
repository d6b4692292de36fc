"""The deterministic builder and the validator, on the sample and on generated answers."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.errors import PlanInputError
from assistant.planning.plan import build_plan, read_answers, validate_plan
from assistant.planning.plan.schedule import allocate
from assistant.settings import LANGUAGES
from tests.plan_fixtures import PLAYBOOK, PROMPTS, answers

CHANNEL_WORDS = ["Instagram", "Facebook", "TikTok", "LinkedIn", "email", "newsletter", "SEO",
                 "Google Ads", "redes sociales", "publicidad", "eventos", "folletos", "web",
                 "WhatsApp", "boca a boca", "prensa", "marketplaces", "la tienda", "podcast"]
GOALS = ["awareness", "acquisition", "conversion", "loyalty", "launch", "repositioning",
         "conseguir 40 clientes nuevos", "fidéliser nos clients", "lancio del nuovo menù",
         "be better known in Leeds", "vender más online"]
BUSINESSES = ["Floristería Lola, tienda de flores en Sevilla",
              "Studio Rossi, commercialista a Bologna",
              "Atelier Margaux, boutique en ligne de céramique", "Trattoria da Nello, Firenze",
              "Datapipe Ltd, B2B logistics software in Manchester"]


def plan_for(data):
    return build_plan(read_answers(data, PLAYBOOK, PROMPTS), PLAYBOOK, PROMPTS)


def test_sample_plan_is_specific_and_coherent():
    plan = plan_for(answers())
    assert validate_plan(plan) == []
    assert plan.title == "Plan de marketing de Floristería Lola"
    assert "8.000 €" in plan.summary and "12 meses" in plan.summary
    assert plan.strategy.objectives[0].target_value == 60  # the user's own number
    assert "Floristería Lola" in plan.strategy.positioning
    assert "entregamos en 2 horas" in plan.strategy.positioning
    assert sum(line.amount_cents for line in plan.budget.lines) == 800_000
    assert all(t.channel not in ("tiktok", "print") for t in plan.tactics)
    # the offer is quoted whole where it belongs, not pasted into the tactics' sentences
    assert any("«ramos de temporada desde 25 € y suscripción mensual de flores para oficinas»"
               in s for s in plan.diagnosis.swot.strengths)
    assert not any("ramos de temporada" in a for t in plan.tactics for a in t.actions)
    assert len(plan.calendar) == 12
    assert "8.000 €" in plan.measurement.roi_formula


def test_tactics_prefer_channels_the_user_already_uses():
    plan = plan_for(answers(goal="awareness", channels=["Instagram"]))
    assert "instagram" in [t.channel for t in plan.tactics]


def test_every_channel_that_works_is_used_even_one_unfit_for_the_type():
    # Flyers are on the software type's never-list; the owner says they work, next to referrals.
    plan = plan_for(answers(business="Bitwise, software gestionale per studi dentistici",
                            channels=["folletos", "boca a boca"], excluded_channels=[],
                            goal="acquisition"))
    assert {"print", "referral"} <= {t.channel for t in plan.tactics}, plan.tactics
    assert validate_plan(plan) == []


def test_long_horizon_gets_a_quarterly_calendar():
    plan = plan_for(answers(horizon_months="dos años"))
    labels = [p.label for p in plan.calendar]
    assert len(labels) == 8 and not any(label.startswith("T") for label in labels)  # not "T1"
    assert all(re.search(r"20\d\d$", label) for label in labels)  # real months, with the year
    assert plan.calendar[-1].end_month == 24


def test_excluding_every_channel_still_gives_a_valid_plan():
    everything = sorted(PLAYBOOK.channels)
    plan = plan_for(answers(excluded_channels=everything, channels=[]))
    assert validate_plan(plan) == []
    assert all(t.channel is None for t in plan.tactics)


def test_missing_and_invalid_answers_are_all_named():
    data = answers(budget={"amount": -5, "currency": "EUR"}, horizon_months="pronto")
    del data["offer"]
    with pytest.raises(PlanInputError) as error:
        read_answers(data, PLAYBOOK, PROMPTS)
    problems = error.value.params["problems"]
    assert len(problems) == 3
    assert any("offer (Oferta)" in p for p in problems)
    assert any(p.startswith("budget") for p in problems)
    assert any(p.startswith("horizon_months") for p in problems)


def test_validator_reports_each_kind_of_problem():
    plan = plan_for(answers())
    t0 = plan.tactics[0]
    broken = plan.model_copy(update={
        "tactics": [t0.model_copy(update={"objective_ids": [], "end_month": 40,
                                          "channel": "tiktok"}), *plan.tactics[1:]],
        "excluded_channels": ["tiktok"],
        "budget": plan.budget.model_copy(update={"total_cents": 1}),
    })
    codes = {f.code for f in validate_plan(broken)}
    assert {"tactic_without_objective", "tactic_outside_horizon", "excluded_channel",
            "budget_mismatch"} <= codes
    first = plan.strategy.objectives[0]
    second = first.model_copy(update={"id": "O2"})  # the sample now has one goal: one objective
    strategy = plan.strategy.model_copy(update={"objectives": [first, second]})
    lonely = plan.model_copy(update={"strategy": strategy,
                                     "tactics": [t.model_copy(update={"objective_ids": ["O1"]})
                                                 for t in plan.tactics]})
    assert {f.code for f in validate_plan(lonely)} == {"objective_without_tactic"}


@given(st.integers(min_value=1, max_value=10**9), st.lists(
    st.floats(min_value=0.01, max_value=100), min_size=1, max_size=10))
def test_allocation_always_sums_exactly(total, weights):
    parts = allocate(total, weights)
    assert sum(parts) == total and all(p >= 0 for p in parts)


answer_sets = st.fixed_dictionaries({
    "language": st.sampled_from(LANGUAGES),
    "business": st.sampled_from(BUSINESSES),
    "offer": st.sampled_from(["menú del día a 15 €", "annual maintenance plan at £99",
                              "pièces uniques de 20 à 120 €", "consulenza fiscale per PMI"]),
    "customers": st.sampled_from(["familias del barrio con niños pequeños",
                                  "small manufacturers with 10-50 staff",
                                  "touristes et Lyonnais de 25 à 50 ans"]),
    "competitors": st.sampled_from(["", "grandes cadenas; nosotros atendemos en persona"]),
    "situation": st.sampled_from(["", "Instagram con 300 seguidores y nada más"]),
    "goal": st.sampled_from(GOALS),
    "horizon_months": st.integers(min_value=1, max_value=36),
    "budget": st.fixed_dictionaries({
        "amount": st.one_of(st.integers(min_value=1, max_value=2_000_000),
                            st.decimals(min_value="0.01", max_value="99999.99", places=2)
                            .map(float)),
        "currency": st.sampled_from(["EUR", "USD", "GBP"])}),
    "channels": st.lists(st.sampled_from(CHANNEL_WORDS), max_size=5),
    "excluded_channels": st.lists(st.sampled_from(CHANNEL_WORDS), max_size=6),
    "constraints": st.sampled_from(["", "una sola persona, 2 horas a la semana"]),
})


# max_examples comes from the profile (tests/conftest.py): 150 in `make test`, 25 in `make check`.
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer_sets)
def test_any_valid_answers_give_a_plan_without_findings(data):
    inp = read_answers(data, PLAYBOOK, PROMPTS)
    plan = build_plan(inp, PLAYBOOK, PROMPTS)
    assert validate_plan(plan) == []
    assert sum(line.amount_cents for line in plan.budget.lines) == inp.budget_cents
    assert plan.budget.total_cents == round(float(data["budget"]["amount"]) * 100)
    assert all(t.channel is None or t.channel not in inp.excluded_ids for t in plan.tactics)
    assert all(1 <= t.start_month <= t.end_month <= data["horizon_months"]
               for t in plan.tactics)
    assert all(1 <= o.deadline_month <= data["horizon_months"]
               for o in plan.strategy.objectives)
    assert all(t.objective_ids for t in plan.tactics)
    assert plan.language == data["language"]
