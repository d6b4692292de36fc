"""A goal counted in the owner's own unit stays in that unit, and the funnel's cost per customer
is held against the owner's numbers (issue #21): "de 60 a 100 servicios por mes" or "passer de 180
à 300 couverts par semaine" is not read as new customers (one customer fills the unit several
times), and a plan whose assumed cost per customer is above what a customer brings back in margin
says so."""

from __future__ import annotations

import pytest

from assistant.planning.plan import Plan, build_plan, read_answers
from assistant.planning.plan.audit import plan_text
from assistant.planning.plan.formatting import format_money
from assistant.planning.plan.owner_units import cost_per_customer_cents
from tests.plan_cases import real_understander
from tests.plan_fixtures import PLAYBOOK, PROMPTS


def answers(lang: str, business: str, situation: str, goal: str, sale: str, margin: str,
            **more: str) -> dict[str, str]:
    """An owner's answers with the parts these tests do not look at filled in."""
    return {"language": lang, "business": business, "offer": business, "customers": business,
            "situation": situation, "goal": goal, "horizon_months": "12", "budget": "3000 €",
            "channels": "Google", "resources": "4", "start": "03/2027",
            "average_sale": sale, "margin": margin, **more}


CAR_WASH = answers("es", "BrilloMóvil, lavado de coches a domicilio en Madrid",
                   "hacemos unos 60 servicios por mes", "pasar de 60 a 100 servicios por mes",
                   "35 €", "60 %")
FOOD_TRUCK = answers("fr", "Le Camion Gourmand, food truck de burgers à Nantes",
                     "on sert environ 180 couverts par semaine",
                     "passer de 180 à 300 couverts par semaine", "14 €", "65 %")
LAUNDRY = answers("it", "Lavanderia Stella, tintoria e lavanderia a Torino",
                  "laviamo circa 400 capi a settimana", "passare da 400 a 600 capi a settimana",
                  "25 €", "50 %")
TUNER = answers("en", "Harmony Keys, piano tuning and repair in Bristol",
                "about 45 tunings a month", "from 45 to 70 tunings a month", "£900", "80%",
                budget="£1,500")


@pytest.fixture(scope="module")
def understander():  # noqa: ANN201
    return real_understander()


def draft(case: dict[str, str], understander) -> Plan:  # noqa: ANN001
    return build_plan(read_answers(case, PLAYBOOK, PROMPTS, understander), PLAYBOOK, PROMPTS)


@pytest.mark.parametrize(("case", "unit", "customers"), [
    (CAR_WASH, "servicios por mes", "clientes nuevos al mes"),
    (FOOD_TRUCK, "couverts par semaine", "nouveaux clients par semaine"),
    (LAUNDRY, "capi a settimana", "nuovi clienti a settimana"),
])
def test_a_goal_in_the_owners_unit_is_counted_in_it_not_in_new_customers(
        case: dict[str, str], unit: str, customers: str, understander) -> None:  # noqa: ANN001
    plan = draft(case, understander)
    assert [o.kpi_name for o in plan.strategy.objectives] == [unit]  # no invented leads target
    assert plan.funnel.owner_unit == unit and plan.funnel.leads_needed is None
    text = plan_text(plan, PROMPTS)
    assert customers not in text
    assert unit in " ".join(line for line in text.splitlines() if line.startswith("- "))


@pytest.mark.parametrize("case", [CAR_WASH, FOOD_TRUCK])
def test_a_cost_per_customer_above_the_owners_margin_is_said(case: dict[str, str],
                                                            understander) -> None:  # noqa: ANN001
    plan = draft(case, understander)
    cost = cost_per_customer_cents(plan.funnel)
    assert cost > plan.funnel.margin_per_customer_cents  # 20 € / 30 % against 35 € x 60 %
    money = lambda cents: format_money(cents, plan.currency, plan.language)  # noqa: E731
    line = next(line for line in plan_text(plan, PROMPTS).splitlines() if money(cost) in line)
    assert money(plan.funnel.margin_per_customer_cents) in line


def test_a_cost_per_customer_the_margin_covers_gets_no_warning(understander) -> None:  # noqa: ANN001
    plan = draft(TUNER, understander)
    assert cost_per_customer_cents(plan.funnel) <= plan.funnel.margin_per_customer_cents
    assert format_money(cost_per_customer_cents(plan.funnel), plan.currency, "en") \
        not in plan_text(plan, PROMPTS)


@pytest.mark.parametrize(("case", "counted", "customers"), [
    ({**CAR_WASH, "average_sale": "", "margin": ""}, "480 servicios", "clientes nuevos"),
    ({**TUNER, "average_sale": "", "margin": "", "goal": "from 45 to 70 booked hours a month",
      "situation": "we book about 45 hours a month"}, "300 booked hours", "new customers"),
])
def test_without_sale_and_margin_the_roi_counts_the_owners_unit_over_the_plan(
        case: dict[str, str], counted: str, customers: str, understander) -> None:  # noqa: ANN001
    plan = draft(case, understander)
    roi = plan.measurement.roi_formula
    assert counted in roi and customers not in roi
