"""Plans for any business, built from the owner's words (issue #21): the name alone in the title,
the owner's label, each goal in the owner's metric, every working channel planned by its name,
break-even from the owner's figures, costs per currency, what each budget line buys, seasons as
the owner lives them, the marketing mix beyond promotion, no other trade's words."""

from __future__ import annotations

import re

import pytest

from assistant.planning.plan import build_plan, read_answers
from assistant.planning.plan.audit import plan_text
from assistant.planning.plan.owner import default_open_data
from assistant.planning.understanding.model import BusinessProfile
from tests.open_cases import check_plan, draft_open, load_open
from tests.plan_cases import real_understander
from tests.plan_fixtures import PLAYBOOK, PROMPTS

COWORKING = {
    "language": "en",
    "business": "It's called The Mill Yard Works, a coworking space in Ancoats, Manchester",
    "offer": "hot desks at £180 a month, fixed desks at £250, day passes at £20",
    "customers": "freelancers and remote workers in central Manchester",
    "competitors": "WeWork and Spaces in the city centre; we have a community",
    "situation": "occupancy is 55 %, about 33 desks taken",
    "goal": "go from 55 % to 85 % desk occupancy",
    "horizon_months": "12 months", "budget": "£6,000", "start": "June",
    "channels": "Google, our Meetup events and referrals from members",
    "excluded_channels": "no TikTok", "resources": "two of us; 6 hours a week",
    "average_sale": "£180 a month per desk", "margin": "about 60%"}
YERBA = {
    "language": "es", "business": "Mate Pampa, tienda online de yerba mate en Córdoba, Argentina",
    "offer": "yerba mate orgánica en paquetes de 1 kg", "customers": "gente de todo el país",
    "situation": "hacemos unos 180 pedidos por mes",
    "goal": "duplicar los pedidos, de 180 a 360 por mes", "horizon_months": "12 meses",
    "budget": "1.500.000 ARS", "start": "en junio",
    "channels": "Mercado Libre, Instagram y la tienda propia en Tiendanube",
    "resources": "somos dos socios, 8 horas por semana", "average_sale": "$18.000 por pedido",
    "margin": "35 %"}


def drafted(answers: dict, **update: object):
    """A plan from raw answers (keywords only), the understanding changed by `update`."""
    inp = read_answers(answers, PLAYBOOK, PROMPTS)
    understood = inp.understood.model_copy(update=update) if update else inp.understood
    return build_plan(inp, PLAYBOOK, PROMPTS, understood=understood), understood


def tactic_words(plan) -> str:
    return " ".join(f"{t.name} {' '.join(t.actions)}" for t in plan.tactics)


def test_the_title_is_the_name_alone_and_the_label_is_kept():
    plan, _ = drafted(COWORKING)
    assert plan.title == "Marketing plan for The Mill Yard Works"
    assert "coworking space" in plan.summary


def test_a_weak_fit_borrows_no_other_trades_words_or_tactics():
    weak = BusinessProfile(label="coworking space", name="The Mill Yard Works",
                           confidence={"type": 0.3})  # as the embedding model scores it
    plan, understood = drafted(COWORKING, profile=weak, business_type="restaurant")
    assert understood.profile.confidence["type"] < default_open_data()["fit_threshold"]
    assert not plan.sources  # the nearest type's guide is not cited
    text = plan_text(plan, PROMPTS).lower()
    assert not re.search(r"\b(food|meals?|menu|dishes|bread|patients)\b", text)
    assert not {t.template for t in plan.tactics} & set(default_open_data()["trade_tactics"])


def test_the_goal_is_an_objective_in_the_owners_metric_with_a_warning_not_a_cap():
    plan, _ = drafted(COWORKING)
    first = plan.strategy.objectives[0]
    assert "desk occupancy" in first.text and "55 %" in first.text and "85 %" in first.text
    assert first.target_value == 85 and first.unit == "%"
    assert "Ambitious target" in first.text and "55 % more in 12 months" in first.text


def test_every_working_channel_is_planned_by_its_name():
    plan, _ = drafted(YERBA)
    words = tactic_words(plan)
    for name in ("Mercado Libre", "Instagram", "Tiendanube"):
        assert name in words
    listing = next(t for t in plan.tactics if "Mercado Libre" in t.name)
    assert listing.mix == "place" and "reputación" in " ".join(listing.actions)
    assert listing.why  # an owner's channel says why it is there


def test_break_even_and_the_most_a_customer_may_cost_come_from_sale_and_margin():
    plan, _ = drafted(COWORKING)
    assert plan.funnel.break_even_customers is not None
    text = plan_text(plan, PROMPTS)
    assert f"{plan.funnel.break_even_customers} customers are needed" in text
    assert "should cost no more than" in text


def test_costs_are_assumed_per_currency_not_euros_relabelled():
    pesos, _ = drafted(YERBA)
    euros, _ = drafted({**YERBA, "budget": "3.000 €"})
    factor = default_open_data()["cost_per_eur"]["ARS"]
    assert pesos.currency == "ARS" and euros.currency == "EUR"
    assert pesos.funnel.cost_per_lead_cents == pytest.approx(
        euros.funnel.cost_per_lead_cents * factor, rel=0.01)


def test_every_budget_line_says_what_the_money_buys():
    plan, _ = drafted(COWORKING)
    kinds = [PROMPTS.phrase("plan", "en", f"open.buys.{k}")
             for k in ("media", "production", "tools", "paid_help", "incentives")]
    assert all(any(k == t.buys for k in kinds) for t in plan.tactics)
    text = plan_text(plan, PROMPTS)
    for t in plan.tactics:
        assert f"{t.id} · {t.name} — {t.buys}" in text


@pytest.mark.parametrize("lang", ["es", "fr", "it", "en"])
def test_a_loyalty_programmes_money_buys_rewards_not_production(lang: str) -> None:
    """Every line of a bookshop's budget read "production (photos, material, samples)", the
    loyalty programme's too (hand test, 7 Dec): what a tactic's money buys is the tactic's
    when it has its own (rewards), its channel's otherwise."""
    goal = {"es": "fidelizar a nuestros clientes", "fr": "fidéliser nos clients",
            "it": "fidelizzare i clienti", "en": "keep our members coming back"}[lang]
    plan, _ = drafted({**COWORKING, "language": lang, "goal": goal, "channels": ""})
    loyal = [t for t in plan.tactics if t.template in ("loyalty_program", "referral_program")]
    assert loyal, [t.template for t in plan.tactics]
    assert {t.buys for t in loyal} == {PROMPTS.phrase("plan", lang, "open.buys.incentives")}


def test_the_mix_the_model_calls_for_with_its_reason():
    profile = BusinessProfile(label="brasserie artisanale", name="La Brasserie du Garon",
                              buyers=["businesses"], places=["resellers", "premises"],
                              payment="recurring", reach="international",
                              countries=["FR", "BE"])
    plan, _ = drafted({**COWORKING, "language": "fr", "resources": "3 associés, 10 h/semaine",
                       "budget": "8 000 €"}, profile=profile)
    mixes = {t.template: t for t in plan.tactics if t.template.startswith("mix:")}
    assert {"mix:membership", "mix:resellers", "mix:wholesale", "mix:export"} & set(mixes)
    assert all(t.mix in ("product", "price", "place", "process") and t.why
               for t in mixes.values())
    export, _ = drafted({**COWORKING, "language": "fr", "resources": "10 h/semaine",
                         "budget": "8 000 €", "goal": "trouver un importateur en Allemagne"},
                        profile=profile.model_copy(update={"payment": "one_off",
                                                           "places": []}))
    pilot = next(t for t in export.tactics if t.template == "mix:export")
    assert "douane" in " ".join(pilot.actions)  # its legal check


def test_acquisition_is_pushed_before_and_during_the_months_customers_decide():
    plan, understood = drafted(COWORKING, decision_months=[9, 1], busy_months=[])
    events = next(t for t in plan.tactics if "Meetup" in f"{t.name} {t.actions}")
    months = {plan.facts.calendar_month(m)[0] for m in events.active_months}
    assert months <= {7, 8, 9, 11, 12, 1} and {9, 1} <= months


def test_nothing_runs_when_closed_and_only_light_work_at_capacity():
    plan, _ = drafted(COWORKING, closed_months=[8], busy_months=[12])
    for t in plan.tactics:
        spent = [m for m, c in zip(t.active_months, t.monthly_cents, strict=False) if c]
        assert all(plan.facts.calendar_month(m)[0] != 8 for m in spent)
        if t.template.startswith(("family:", "mix:")) and t.effort != "light":
            assert all(plan.facts.calendar_month(m)[0] != 12 for m in t.active_months)


def test_with_little_time_the_working_channels_are_still_named():
    plan, _ = drafted({**YERBA, "resources": "2 horas por semana"})
    assert len([t for t in plan.tactics if t.template != "compliance_review"]) <= 2
    words = tactic_words(plan)
    assert all(name in words for name in ("Mercado Libre", "Instagram", "Tiendanube"))


@pytest.fixture(scope="module")
def understander():
    return real_understander()


KNOWN = {"ob-es-02": "currency: '$… pesos' in Argentina is read as USD (issue #22 reads "
                     "currency from the place)",
         "ob-fr-02": "closed months ('fermée en août') are read by issue #22",
         "ob-fr-03": "closed months ('rien en décembre') are read by issue #22",
         "ob-it-03": "closed months ('siamo chiusi') are read by issue #22"}


@pytest.mark.heavy
@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in load_open("dev")
                                  if c["lang"] in ("en", "it")])
def test_open_businesses_pass_the_owners_checks_end_to_end(understander, case):
    done = draft_open(case, understander)
    failed = [k for k, ok in done.checks.items() if ok is False]
    allowed = {"no_push_when_closed", "currency", "goal1_target", "mix_beyond_promotion"} \
        if case["id"] in KNOWN or case["id"] in ("ob-it-04", "ob-en-02") else set()
    assert set(failed) <= allowed, failed
    assert check_plan(done.plan, case["labels"], case["answers"]) == done.checks


def test_a_from_to_goal_in_the_owners_metric_targets_the_gap_as_more_of_it():
    """'de 60 a 100 services por mes': the objective is 40 *more* services a month, never '40
    services por mes' (which reads as a fall from 60)."""
    workshop = {**YERBA, "business": "Rueda Libre, taller de bicicletas en Rosario, Argentina",
                "goal": "Pasar de 60 a 100 services por mes", "situation": "",
                "channels": "Instagram y Google Maps"}
    plan, understood = drafted(workshop)
    objective = plan.strategy.objectives[0]
    assert objective.kpi_name == "services por mes"
    row = f"{objective.target_value:g} {objective.unit}"
    assert row == "40 services por mes más", row


BIKE_TOURS = {
    "language": "it",
    "business": "Si chiama Ruota Libera, siamo a Bologna: ripariamo biciclette e noleggiamo "
                "bici ai turisti per tour guidati sui colli",
    "offer": "tour guidati in bici sui colli a 55 euro a persona",
    "customers": "turisti stranieri che prenotano i tour durante la vacanza, e i ciclisti "
                 "della città per le riparazioni",
    "goal": "Passare da 25 a 45 tour a settimana entro giugno 2027 e portare le recensioni "
            "Google da 4,3 a 4,7",
    "horizon_months": "12 mesi", "budget": "3.000 euro",
    "channels": "GetYourGuide, Google Maps e passaparola",
    "resources": "siamo in due, 5 ore a settimana"}


@pytest.mark.heavy
def test_a_second_goal_beside_a_rate_is_its_own_objective(understander):
    """'da 25 a 45 tour a settimana … e le recensioni da 4,3 a 4,7': the rating was dropped
    (a goal per period was never split); a clause without figures still joins the rate."""
    goals = understander.stated_goals(BIKE_TOURS["goal"], "it", None, "")
    assert [(g.metric, g.current, g.target) for g in goals] == [
        ("tour", 25, 45), ("recensioni Google", 4.3, 4.7)]
    assert goals[0].due_month == 6 and goals[0].period
    one = understander.stated_goals("riempire la sala dal lunedì al giovedì e arrivare a 40 "
                                    "coperti a sera", "it", None, "")
    assert len(one) == 1


@pytest.mark.heavy
@pytest.mark.parametrize(("lang", "goal", "rate"), [
    ("es", "pasar de 40 a 70 pacientes nuevos al mes y que más pacientes acepten la ortodoncia",
     "pacientes nuevos al mes"),
    ("en", "go from 40 to 70 new patients a month and get more patients to accept braces",
     "new patients a month")])
def test_a_rate_goal_counts_what_its_figures_count(understander, lang, goal, rate):
    """"pasar de 40 a 70 pacientes nuevos al mes y que más pacientes acepten la ortodoncia"
    counted "pacientes nuevos al mes y que más pacientes acepten la ortodoncia" (hand test,
    7 Dec): the goal keeps the owner's whole words, what it counts is read in the clause with
    the figures."""
    goals = understander.stated_goals(goal, lang, None, "")
    assert goals[0].metric == rate and (goals[0].current, goals[0].target) == (40, 70)
    assert goals[0].text == goal


@pytest.mark.heavy
def test_visitors_from_abroad_get_the_travellers_place_not_an_export_pilot(understander):
    """Foreign tourists come to the business: where travellers book is the place decision;
    customs, excise and importers are for selling goods abroad (a wine estate's importer)."""
    inp = read_answers(BIKE_TOURS, PLAYBOOK, PROMPTS, understander)
    assert inp.understood.profile.reach == "visitors"
    plan = build_plan(inp, PLAYBOOK, PROMPTS)
    templates = {t.template for t in plan.tactics}
    assert "mix:visitors" in templates and "mix:export" not in templates
    assert not re.search(r"dogana|accise|importatori", plan_text(plan, PROMPTS))
    estate = {"language": "fr", "business": "Domaine des Cèdres, domaine viticole en Provence",
              "offer": "vins rouges et rosés", "goal": "trouver 5 cavistes de plus",
              "customers": "cavistes en France et un importateur au Danemark, nous exportons "
                           "aussi en Suisse", "horizon_months": "12 mois", "budget": "8 000 €",
              "channels": "salons professionnels"}
    assert read_answers(estate, PLAYBOOK, PROMPTS, understander).understood.profile.reach \
        == "international"


TATTOO = {"language": "es",
          "business": "Tinta Norte, estudio de tatuajes en la colonia Roma, Ciudad de México",
          "offer": "Tatuajes pequeños desde 1.500 pesos, piezas grandes a 4.000 pesos",
          "customers": "Jóvenes de 20 a 35 años de la Roma y la Condesa, muchos turistas "
                       "extranjeros",
          "goal": "Pasar de 60 a 90 citas al mes", "horizon_months": "12 meses",
          "budget": "30.000 pesos", "channels": "Instagram, Google y Booksy"}


@pytest.mark.heavy
def test_a_neighbourhood_named_like_a_foreign_city_is_no_market_abroad(understander):
    """A tattoo studio in the colonia Roma of Mexico City, with foreign tourists, was given an
    export pilot ("vendes fuera de tu país": Mexico and Italy, by "Roma"; hand test, 7 Dec).
    The address's last place is the business's country; the neighbourhood said again in the
    customers is that address; tourists are visitors."""
    inp = read_answers(TATTOO, PLAYBOOK, PROMPTS, understander)
    assert inp.understood.profile.countries == ["MX"]
    assert inp.understood.profile.reach == "visitors"
    templates = {t.template for t in build_plan(inp, PLAYBOOK, PROMPTS).tactics}
    assert "mix:export" not in templates and "mix:visitors" in templates


CARE = {"language": "it",
        "business": "Si chiama Mani Amiche, assistenza domiciliare per anziani a Torino",
        "offer": "badanti a ore da 18 € l'ora, pacchetti mensili da 1.200 €",
        "customers": "figli di anziani non autosufficienti", "situation": "seguiamo 45 famiglie",
        "goal": "Arrivare a 70 famiglie seguite entro un anno", "horizon_months": "12 mesi",
        "budget": "6.000 euro", "channels": "passaparola, Facebook"}


@pytest.mark.heavy
def test_a_goal_counts_no_length_of_time_and_a_membership_speaks_no_gym(understander):
    """A home-care agency's goal "Arrivare a 70 famiglie seguite entro un anno" counted
    "famiglie seguite entro un anno" (in the KPI, the target, the measurement: "25 famiglie
    seguite entro un anno in più"), and its monthly packages got a gym's membership actions
    ("un pass giornaliero", "chi non si vede da 3 settimane"; hand test, 7 Dec)."""
    inp = read_answers(CARE, PLAYBOOK, PROMPTS, understander)
    assert inp.understood.goals[0].metric == "famiglie seguite"
    plan = build_plan(inp, PLAYBOOK, PROMPTS)
    text = plan_text(plan, PROMPTS)
    assert "entro un anno in più" not in text
    membership = next(t for t in plan.tactics if t.template == "mix:membership")
    assert not re.search(r"pass giornaliero|non si vede", " ".join(membership.actions))


TROUPE = {
    "language": "fr",
    "business": "Les Tréteaux du Canal, une troupe de théâtre amateur associative à Toulouse",
    "offer": "cours de théâtre pour adultes et ados, adhésion de 220 € par an",
    "customers": "des adultes du quartier des Minimes et leurs ados",
    "goal": "Passer de 80 à 150 adhérents", "horizon_months": "12 mois", "budget": "1 500 €",
    "seasonality": "Les inscriptions se font en septembre, rien en juillet-août",
    "channels": "Facebook, les affiches, le forum des associations",
    "resources": "Deux bénévoles, 4 heures par semaine"}


@pytest.mark.heavy
def test_posters_are_printed_matter_not_a_newspaper(understander):
    """'les affiches' (the playbook's print channel) was given the press family, and the print
    tactic ended with 'Envoyez à affiches une histoire avec chiffres et photos'."""
    inp = read_answers(TROUPE, PLAYBOOK, PROMPTS, understander)
    posters = next(c for c in inp.understood.channels if c.name == "affiches")
    assert posters.family != "press"
    text = plan_text(build_plan(inp, PLAYBOOK, PROMPTS), PROMPTS)
    assert "affiches" in text and "Envoyez à affiches" not in text
    assert inp.understood.decision_months == [9] and inp.understood.busy_months == []


def test_a_monthly_fee_counts_the_months_a_customer_stays_in_the_break_even():
    """"£180 a month per desk" is worth the months a member stays, never one month's fee: the
    owner's stay when they say it, else a stated assumption they can change."""
    plan, _ = drafted(COWORKING, stay_months=10)
    assert plan.funnel.margin_per_customer_cents == 180 * 60 * 10  # £180 x 60 % x 10 months
    assert "a customer who stays about 10 months leaves about £1,080" in plan_text(plan, PROMPTS)
    assumed, understood = drafted(COWORKING)
    months = default_open_data()["assumed_stay_months"]
    assert understood.sale_period == "month" and understood.stay_months is None
    assert assumed.funnel.margin_per_customer_cents == 180 * 60 * months
    assert "(an assumption: change it" in plan_text(assumed, PROMPTS)


def test_no_push_for_new_customers_after_the_owners_deadline():
    """"From 60 to 90 subscribers by June" in a twelve-month plan: the work that wins
    subscribers runs until June, not into the autumn; the plan's money is spent by then."""
    pottery = {
        "language": "en", "business": "Clay Corner, a pottery studio in Bristol",
        "offer": "wheel-throwing classes on a £95 monthly membership",
        "customers": "adults who want a hands-on hobby near home",
        "situation": "we have 60 members; they find us on Instagram and by word of mouth",
        "goal": "go from 60 to 90 members by June", "horizon_months": "12 months",
        "budget": "£3,000", "start": "January", "channels": "Instagram and word of mouth",
        "excluded_channels": "no Facebook", "resources": "two of us; 3 hours a week",
        "average_sale": "£95 a month", "margin": "50 %"}
    plan, understood = drafted(pottery)
    assert understood.goals[0].due_month == 6 and plan.horizon_months == 12
    june = next(m for m in range(1, 13) if plan.facts.calendar_month(m)[0] == 6)
    winning = [t for t in plan.tactics if {"reach", "leads", "acquire"} & set(t.stages)]
    assert winning
    assert all(max(t.active_months) <= june for t in winning)
    assert all(sum(t.monthly_cents) == t.budget_cents for t in plan.tactics)


def test_work_that_wins_customers_reaches_the_months_they_book():
    """A kayak operator whose customers book in the southern spring (September to November)
    starting in April: no acquisition work stays in April and May only, half a year early."""
    kayak = {
        "language": "en", "business": "Tui Paddle, sea kayak tours in Abel Tasman, New Zealand",
        "offer": "guided kayak day tours", "customers": "backpackers and families on holiday",
        "situation": "we run about 1,500 tours a year; people find us on TripAdvisor and Google",
        "goal": "grow from 1,500 to 1,900 tours a year", "horizon_months": "12 months",
        "seasonality": "summer is flat out; we close in winter; most people book in spring",
        "budget": "NZ$ 15,000", "start": "April", "channels": "TripAdvisor and Google",
        "resources": "I spend 4 hours a week on marketing"}
    plan, understood = drafted(kayak)
    assert understood.decision_months == [9, 10, 11]
    booking = {m for m in range(1, 13) if plan.facts.calendar_month(m)[0] in (7, 8, 9, 10, 11)}
    winning = [t for t in plan.tactics if {"reach", "leads", "acquire"} & set(t.stages)]
    assert winning and all(set(t.active_months) & booking for t in winning)


def test_threats_and_risks_are_this_business_s_own_not_shared_boilerplate():
    """Two businesses with competitors, ads and little time share no threat or risk word for
    word: each names its own competitors, platforms and hours."""
    bakery = {**COWORKING, "business": "It's called Crumb, a bakery in Leeds",
              "offer": "sourdough and pastries", "competitors": "the supermarkets' bakeries",
              "channels": "Google Ads and Instagram", "resources": "just me; 3 hours a week",
              "goal": "win 200 new customers", "average_sale": "£6", "margin": "65 %"}
    one, _ = drafted({**COWORKING, "channels": "Google Ads and referrals"})
    other, _ = drafted(bakery)
    lines = lambda p: {*p.diagnosis.swot.threats, *(r.risk for r in p.risks)}  # noqa: E731
    assert lines(one) and lines(other)
    assert not lines(one) & lines(other), lines(one) & lines(other)
    assert any("WeWork" in r.risk for r in one.risks)
    assert any("3 hours a week" in r.risk for r in other.risks)


def test_competitors_the_owner_did_not_name_leave_no_stock_threat():
    """No competitors named: the plan says nothing of them rather than the line every such
    plan would carry."""
    one, _ = drafted({**COWORKING, "competitors": ""})
    other, _ = drafted({**YERBA, "competitors": ""})
    assert not set(one.diagnosis.swot.threats) & set(other.diagnosis.swot.threats)
    assert not any("compet" in t.lower() for t in one.diagnosis.swot.threats)


def test_the_second_segment_names_the_owners_own_channels():
    """'Customers like your best ones, through the channels that already work' read the same in
    every plan: it names this owner's channels."""
    weak = BusinessProfile(label="coworking space", name="The Mill Yard Works",
                           confidence={"type": 0.3})
    plan, _ = drafted(COWORKING, profile=weak, business_type="restaurant")
    second = " ".join(s.description for s in plan.strategy.segments[1:])
    assert "Meetup" in second and "referrals" in second


def test_no_weakness_the_owner_never_said():
    """'Without systematic measurement so far…' was in every plan whatever the owner said; the
    weaknesses are the owner's budget, hours, team and constraints."""
    plan, _ = drafted(COWORKING)
    weaknesses = " ".join(plan.diagnosis.swot.weaknesses).lower()
    assert "measurement" not in weaknesses and "6 hours" in weaknesses


@pytest.mark.heavy
def test_the_months_customers_decide_lead_the_calendar_and_the_positioning_says_why(
        understander):
    """A troupe whose members enrol in September: the calendar read 'quiet months: acquisition
    push' in July and August and said nothing of September; the positioning was the name and
    the label, while the owner had said why people come."""
    answers = {**TROUPE, "customers": "des adultes du quartier des Minimes et leurs ados ; ils "
                                      "viennent pour l'ambiance et le metteur en scène"}
    plan = build_plan(read_answers(answers, PLAYBOOK, PROMPTS, understander), PLAYBOOK, PROMPTS)
    marks = {p.label: " ".join(p.milestones) for p in plan.calendar}
    september = next(label for label in marks if label.startswith("septembre"))
    assert "Vos clients décident maintenant (septembre)" in marks[september]
    before = [label for label, text in marks.items() if "Préparer septembre" in text]
    assert [label.split()[0] for label in before] == ["juillet", "août"]
    assert not any("Mois creux" in text for text in marks.values())
    assert "« ils viennent pour l'ambiance et le metteur en scène »" in plan.strategy.positioning


@pytest.mark.heavy
def test_a_goal_in_sponsors_gets_the_work_that_finds_them(understander):
    """'trouver 3 mécènes' was served by the Facebook posts and read as 'ask at each first
    purchase': the goal counts sponsors, so a tactic asks for them and the reading counts them."""
    answers = {**TROUPE, "goal": "Passer de 80 à 150 adhérents et trouver 3 mécènes"}
    inp = read_answers(answers, PLAYBOOK, PROMPTS, understander)
    assert [g.family for g in inp.understood.goals] == ["members", "donors"]
    plan = build_plan(inp, PLAYBOOK, PROMPTS)
    donors = next(t for t in plan.tactics if t.template == "mix:donors")
    assert donors.objective_ids == ["O2"] and donors.kpi_name == "mécènes"
    assert "dossier de mécénat" in " ".join(donors.actions)
    reading = {k.objective_id: k.how_to_read for k in plan.measurement.kpis}
    assert "mécènes ou donateurs" in reading["O2"] and "premier achat" in reading["O1"]


@pytest.mark.heavy
@pytest.mark.parametrize(("lang", "goal", "family"), [
    ("es", "conseguir 5 empresas patrocinadoras", "donors"),
    ("it", "trovare 10 nuovi donatori", "donors"),
    ("en", "get 15 local businesses to sponsor our season", "donors"),
    ("es", "llegar a 300 socios", "members"),
    ("fr", "passer de 80 à 150 adhérents", "members"),
    ("fr", "passer de 30 à 50 bars clients", "customers"),
    ("it", "passare da 25 a 45 tour a settimana", None),
])
def test_what_a_goal_counts_is_read_from_examples(understander, lang: str, goal: str,
                                                 family: str | None) -> None:
    assert understander.metric_reader.family(goal) == family


SURF = {"language": "es", "business": "Olas del Sur, escuela de surf en Mar del Plata, Argentina",
        "offer": "clases grupales a 25.000 pesos y packs de 5 clases a 100.000",
        "customers": "turistas en verano y chicos de la ciudad el resto del año",
        "goal": "pasar de 120 a 200 alumnos por temporada y conseguir 2 sponsors de marcas de "
                "surf", "horizon_months": "12 meses", "budget": "2.000.000 de pesos",
        "channels": "Instagram y el boca a boca",
        "constraints": "somos 3 instructores, 4 horas por semana para marketing"}


@pytest.mark.heavy
def test_sponsors_beside_students_get_their_own_work_and_count_nowhere_else(understander):
    """A surf school's second goal, 2 sponsors: the packages decision took the one mix slot (no
    tactic asked for sponsors) and the Instagram posts counted 'sponsors de marcas de surf'."""
    plan = build_plan(read_answers(SURF, PLAYBOOK, PROMPTS, understander), PLAYBOOK, PROMPTS)
    donors = next(t for t in plan.tactics if t.template == "mix:donors")
    assert donors.objective_ids == ["O2"]
    others = [t for t in plan.tactics if t is not donors]
    assert others and all("sponsors" not in t.kpi_name for t in others)
