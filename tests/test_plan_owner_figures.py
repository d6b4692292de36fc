"""The average sale and margin an owner states inside another answer (issue #21, item 5): "un
service cuesta 25.000 pesos y me deja un 40 %" in the offer answer gave no break-even at all.
Read by example utterances over the shipped model, they now give the customers needed to
recover the budget and the most a customer may cost, in the owner's currency."""

from __future__ import annotations

import pytest

from assistant.planning.plan import build_plan, read_answers
from assistant.planning.plan.audit import plan_text
from assistant.planning.plan.formatting import format_number
from assistant.planning.plan.open_data import default_open_data, type_fits
from tests.plan_cases import real_understander
from tests.plan_fixtures import PLAYBOOK, PROMPTS
from tests.test_plan_owner_reasons import WORKSHOP

pytestmark = pytest.mark.heavy
FRENCH = {"language": "fr", "business": "Toilettage Mobile Filou, un camion de toilettage pour "
          "chiens à Nantes", "offer": "un toilettage complet coûte 55 € et il me reste environ "
          "50 %", "customers": "des propriétaires de chiens du quartier",
          "goal": "passer de 80 à 120 toilettages par mois", "horizon_months": "12 mois",
          "budget": "2 200 € sur l'année", "channels": "Instagram et le bouche-à-oreille"}


@pytest.fixture(scope="module")
def understander():
    return real_understander()


@pytest.mark.parametrize(("answers", "currency", "sale", "margin"), [
    (WORKSHOP["es"], "ARS", 25000, 0.4), (WORKSHOP["en"], "ARS", 25000, 0.4),
    (WORKSHOP["it"], "ARS", 25000, 0.4), (FRENCH, "EUR", 55, 0.5)])
def test_sale_and_margin_in_the_offer_give_the_break_even(understander, answers, currency,
                                                          sale, margin):
    inp = read_answers(answers, PLAYBOOK, PROMPTS, understander)
    assert (inp.understood.average_sale, inp.understood.gross_margin) == (sale, margin)
    plan = build_plan(inp, PLAYBOOK, PROMPTS)
    per_customer = plan.funnel.margin_per_customer_cents
    assert per_customer >= round(sale * margin * 100)  # times the purchases a year of a type
    if not type_fits(inp.understood, default_open_data()):  # no type's repeat rate borrowed
        assert per_customer == round(sale * margin * 100)
    assert plan.funnel.break_even_customers == -(-inp.budget_cents // per_customer)
    assert plan.currency == currency
    text = plan_text(plan, PROMPTS)
    assert str(plan.funnel.break_even_customers) in text


@pytest.mark.parametrize(("lang", "offer", "sale", "margin"), [
    ("fr", "Réparations et révisions (révision complète 65 €, en moyenne 80 € par réparation) et "
     "location de VAE à 45 € la journée. La marge est d'environ 50 % sur l'atelier.", 80, 0.5),
    ("es", "Reparaciones (una revisión completa 60 €, de media 75 € por reparación) y alquiler "
     "de bicis a 40 € el día. El margen es de un 45 % en el taller.", 75, 0.45),
    ("it", "Riparazioni (tagliando completo 60 €, in media 70 € a riparazione) e noleggio di "
     "e-bike a 40 € al giorno. Il margine è circa il 50 % sull'officina.", 70, 0.5)])
def test_an_average_among_prices_and_a_margin_on_one_line(understander, lang, offer, sale,
                                                          margin):
    """A bike workshop's offer (hand test of the chat, 8 Dec) names three prices and, in a
    bracket, the average repair; the margin is said "sur l'atelier". Neither was read (0.50 and
    0.59 against thresholds of 0.50 and 0.60), so the plan had no break-even."""
    u = understander.understand({"business": "Roue Libre, atelier de vélos", "offer": offer,
                                 "goal": "plus de réparations"}, lang)
    assert (u.average_sale, u.gross_margin) == (sale, margin)


@pytest.mark.parametrize(("lang", "offer"), [
    ("fr", "bières en fûts pour les bars, 40 % chez 35 cavistes"),
    ("es", "yerba orgánica; el 70 % de las ventas viene de Mercado Libre"),
    ("en", "escape games for 2 to 6 players, 20 % off on weekdays"),
])
def test_a_share_or_a_discount_is_not_a_margin(understander, lang, offer):
    got = understander.understand({"business": "x", "offer": offer}, lang)
    assert got.gross_margin is None


def test_an_answer_of_its_own_wins(understander):
    answers = {**WORKSHOP["es"], "average_sale": "30.000 pesos", "margin": "35 %"}
    got = understander.understand(answers, "es")
    assert (got.average_sale, got.gross_margin) == (30000, 0.35)


@pytest.mark.parametrize(("text", "months"), [
    ("tenemos 300 socios; se quedan unos 14 meses de media", 14),
    ("les adhérents restent environ deux ans", 24),
    ("abbiamo 40 clienti, che restano in media 9 mesi", 9),
    ("our subscribers stay about 18 months", 18),
    ("abrimos hace 6 años en el centro", None),
    ("the beginners' course lasts 3 months", None),
])
def test_how_long_customers_stay_is_read_not_how_long_the_business_has_been_open(
        understander, text, months):
    assert understander.figures.read("stay", [text]) == months


SWIM = {"language": "es", "business": "Delfines, una escuela de natación infantil en Rosario",
        "offer": "clases de natación para niños de 3 a 10 años con cuota de 30.000 pesos al mes",
        "customers": "familias con hijos pequeños de la zona norte de Rosario",
        "situation": "tenemos 150 alumnos; los chicos siguen con nosotros unos 10 meses",
        "goal": "llegar a 200 alumnos", "horizon_months": "12 meses",
        "budget": "2.000.000 pesos", "channels": "Instagram y el boca a boca",
        "average_sale": "30.000 pesos al mes", "margin": "40 %"}


def test_a_monthly_fee_paid_for_months_is_a_recurring_payment(understander):
    """A fee paid every month by customers who stay months is recurring even when no clause
    reads as a membership: the plan takes a decision on the offer (packs, renewals)."""
    inp = read_answers(SWIM, PLAYBOOK, PROMPTS, understander)
    understood = inp.understood
    assert (understood.sale_period, understood.stay_months) == ("month", 10)
    assert understood.profile.payment == "recurring"
    plan = build_plan(inp, PLAYBOOK, PROMPTS)
    assert any(t.mix in ("product", "price") for t in plan.tactics)


@pytest.mark.parametrize("lang", ["es", "fr", "it", "en"])
def test_a_margin_counted_over_several_purchases_says_so(understander, lang):
    """"Con una venta media de 1.500 MXN y un margen del 50 %, cada cliente deja unos 1.500 MXN"
    (hand test, 7 Dec): the type's purchases a year doubled the margin and the sentence hid it.
    The purchases the break-even counts are said, as an assumption to change."""
    answers = {"language": lang, "business": "Clínica Dental Sonríe, clínica dental en "
               "Guadalajara, México", "offer": "limpiezas y ortodoncia",
               "customers": "familias de la colonia", "channels": "WhatsApp",
               "goal": "pasar de 40 a 70 pacientes nuevos al mes", "horizon_months": "12",
               "budget": "60.000 pesos", "average_sale": "1.500 pesos", "margin": "50 %"}
    plan = build_plan(read_answers(answers, PLAYBOOK, PROMPTS, understander), PLAYBOOK, PROMPTS)
    funnel = plan.funnel
    times = funnel.margin_per_customer_cents / (1500 * 0.5 * 100)
    assert times > 1  # the guide's clinic: a patient comes back during the plan
    text = plan_text(plan, PROMPTS)
    template = PROMPTS.phrases("plan", lang)["open"]["break_even_repeat"]
    between = template.split("{purchases}")[1].split("{per_customer}")[0]
    assert f"{format_number(round(times), lang)}{between}" in text, text[-900:]
