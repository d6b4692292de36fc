"""Plan fit: plans obey what the owner said and read as written for this business. Every rule
of the plan rubric is checked as code (assistant/planning/plan/audit.py) over the seven
businesses of issue #10 and the development set tests/eval/businesses_dev.jsonl: end to end, from
the owners' raw answers through the real understanding step and judged against the labels, and
from the labelled understanding (the builder alone)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.planning.plan import build_plan
from assistant.planning.plan.audit import audit, plan_text, truth_audit
from assistant.planning.understanding import Understander
from assistant.planning.understanding.model import GoalUnderstood
from tests.plan_cases import draft_through, load_cases, real_understander
from tests.plan_fixtures import PLAYBOOK, PROMPTS, SEVEN, case_input, case_understanding

DEV = Path(__file__).parent / "eval" / "businesses_dev.jsonl"
CASES = SEVEN + [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()
                 if line.strip()]
BY_ID = {case["id"]: case for case in SEVEN}
# what the end-to-end measure still finds (benchmarks/plan_fit.py); fixed cases leave this list
FAILING: dict[str, str] = {}
END_TO_END = [pytest.param(case, id=case["id"], marks=[pytest.mark.xfail(
    strict=True, reason=FAILING[case["id"]])] if case["id"] in FAILING else [])
              for case in load_cases("dev") + load_cases("seven")]
# answers no plan can be drafted from: the pipeline asks about them, as the interview does
ASKED = {"dev-es-04": "budget", "dev-fr-12": "budget", "dev-it-10": "budget",
         "dev-es-12": "horizon_months", "dev-it-12": "horizon_months",
         "dev-en-12": "horizon_months"}


@pytest.fixture(scope="module")
def understander() -> Understander:
    return real_understander()


@pytest.mark.heavy
@pytest.mark.parametrize("case", END_TO_END)
def test_raw_answers_through_the_understanding_step_give_a_plan_that_obeys_the_owner(
        case, understander):
    done = draft_through(case, understander)
    if case["id"] in ASKED:
        assert done.plan is None
        assert done.asked and all(p.startswith(ASKED[case["id"]]) for p in done.asked)
        return
    assert done.asked == []
    assert done.findings == []
    assert done.plan.language == case["lang"]


def test_the_truth_audit_judges_the_plan_by_the_labels_not_by_what_was_read():
    case = BY_ID["seven-fr-saas"]
    unheard = {**case, "answers": {**case["answers"], "excluded_channels": []}}
    misread = case_understanding(case, PLAYBOOK).model_copy(update={
        "business_type": "retail", "excluded_ids": [], "goals": [],
        "channel_ids": ["facebook", "webinars"]})
    plan = build_plan(case_input(unheard, PLAYBOOK, PROMPTS), PLAYBOOK, PROMPTS,
                      understood=misread)
    assert not any(f.startswith(("business", "excluded", "goal", "target"))
                   for f in audit(plan, PLAYBOOK, PROMPTS, case["answers"]))
    truth = case_understanding(case, PLAYBOOK)
    found = " ".join(truth_audit(plan, truth, PLAYBOOK, PROMPTS, case["answers"]))
    assert "business_misread:retail!=saas" in found
    assert "validator:excluded_channel" in found  # Facebook, which the owner excluded
    assert "goal_missing:acquisition" in found or "target_not_owner_gap" in found


def plan_of(case: dict, **changes: object):
    """The plan of a case, as the builder drafts it from the labelled understanding."""
    understood = case_understanding(case, PLAYBOOK).model_copy(update=changes)
    inp = case_input(case, PLAYBOOK, PROMPTS)
    return build_plan(inp, PLAYBOOK, PROMPTS, understood=understood)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_plan_breaks_no_rule_of_the_rubric(case):
    plan = plan_of(case)
    assert audit(plan, PLAYBOOK, PROMPTS, case["answers"]) == []
    assert plan.language == case["lang"]


def test_the_audit_catches_what_it_checks():
    case = BY_ID["seven-fr-saas"]
    plan = plan_of(case)
    bad = plan.model_copy(update={"summary": plan.summary + " Publicités Meta sur Instagram.",
                                  "tactics": [plan.tactics[0].model_copy(
                                      update={"owner_role": "marketing", "monthly_cents": [1]}),
                                      *plan.tactics[1:]]})
    found = " ".join(audit(bad, PLAYBOOK, PROMPTS, case["answers"]))
    assert "excluded_in_text:instagram" in found
    assert "monthly_budget_does_not_add_up" in found
    solo = plan_of(BY_ID["seven-en-photographer"])
    wrong_role = solo.model_copy(update={"tactics": [solo.tactics[0].model_copy(
        update={"owner_role": "marketing"}), *solo.tactics[1:]]})
    assert "role_beyond_team" in " ".join(audit(wrong_role, PLAYBOOK, PROMPTS, {}))


def test_saas_without_facebook_and_instagram_gets_webinars_first_and_no_meta_ads():
    plan = plan_of(BY_ID["seven-fr-saas"])
    text = plan_text(plan, PROMPTS)
    assert plan.tactics[0].channel == "webinars"
    assert "meta_ads" not in {t.channel for t in plan.tactics}
    assert "Instagram" not in text and "Facebook" not in text and "Meta" not in text
    assert "local_listing" not in {t.template for t in plan.tactics}  # no opening hours
    objective = next(o for o in plan.strategy.objectives if o.kpi == "new_customers")
    assert objective.target_value == 25  # 35 today, 60 wanted


def test_targets_follow_the_budget_within_what_is_plausible():
    case = BY_ID["seven-fr-saas"]
    no_goal = {"goals": []}
    small = plan_of(case, **no_goal).funnel
    big = plan_of({**case, "answers": {**case["answers"], "budget": {
        "amount": 60000, "currency": "EUR"}}}, **no_goal).funnel
    assert small.customers < big.customers <= 35  # never more than today's 35 clients a year
    assert big.cap == 35


def test_gym_gets_the_gap_and_halved_summer_cancellations():
    plan = plan_of(BY_ID["seven-es-gym"])
    kpis = {o.kpi: o.target_value for o in plan.strategy.objectives}
    assert kpis["new_customers"] == 150  # 300 today, 450 wanted
    assert kpis["churn"] == 50
    assert plan.funnel.owner_target == 150


def test_agriturismo_books_direct_in_its_quiet_months_and_never_on_marketplaces():
    plan = plan_of(BY_ID["seven-it-agriturismo"])
    templates = [t.template for t in plan.tactics]
    assert "marketplaces" not in templates and "direct_booking" in templates
    assert plan.tactics[0].channel in ("website", "email")
    pushes = [p.label for p in plan.calendar if any("acquisizione" in m for m in p.milestones)]
    assert {"marzo 2026", "aprile 2026", "novembre 2026"} <= set(pushes)
    assert all(t.effort != "heavy" for t in plan.tactics
               if any(plan.facts.calendar_month(m)[0] in range(5, 11) for m in t.active_months))


def test_dental_clinic_checks_compliance_before_any_ad_and_never_cold_contacts_patients():
    plan = plan_of(BY_ID["seven-es-dental"])
    assert plan.tactics[0].template == "compliance_review" and plan.tactics[0].active_months == [1]
    ads = [t for t in plan.tactics if t.channel in ("google_ads", "meta_ads")]
    assert all(min(t.active_months) >= 2 for t in ads)
    assert "direct_outreach" not in {t.template for t in plan.tactics}


def test_one_person_with_little_time_gets_one_or_two_light_tactics_done_by_herself():
    for ident in ("seven-es-ceramics", "seven-en-photographer"):
        plan = plan_of(BY_ID[ident])
        assert 1 <= len(plan.tactics) <= 2
        assert all(t.effort == "light" and t.owner_role in ("you", "you_with_help")
                   for t in plan.tactics)
    ceramics = plan_of(BY_ID["seven-es-ceramics"])
    assert ceramics.tactics[0].channel == "instagram"
    assert "Responsable de marketing" not in plan_text(ceramics, PROMPTS)


def test_photographer_does_no_heavy_work_in_wedding_season():
    plan = plan_of(BY_ID["seven-en-photographer"], hours_per_week=12)
    busy = set(range(5, 10))
    for tactic in plan.tactics:
        if tactic.effort == "heavy":
            assert not {plan.facts.calendar_month(m)[0] for m in tactic.active_months} & busy


def test_bakery_plan_is_about_a_bakery_in_italian_months():
    plan = plan_of(BY_ID["seven-it-bakery"])
    templates = {t.template for t in plan.tactics}
    assert not templates & {"direct_outreach", "search_ads"}
    assert templates <= set(PLAYBOOK.business_types["bakery"].tactics) | {"referral_program"}
    assert plan.calendar[0].label == "febbraio 2026"
    assert all(t.why for t in plan.tactics)


def test_budget_adds_up_per_tactic_and_month_to_the_cent():
    case = {**BY_ID["seven-es-gym"], "answers": {**BY_ID["seven-es-gym"]["answers"],
                                                   "budget": {"amount": 8000.07,
                                                              "currency": "EUR"}}}
    plan = plan_of(case)
    assert sum(line.amount_cents for line in plan.budget.lines) == 800_007
    assert all(sum(t.monthly_cents) == t.budget_cents for t in plan.tactics)


@pytest.mark.parametrize(("lang", "budget", "months", "total", "said"), [
    ("es", "300 €/mes", 12, 360_000, "3600 € (300 € al mes durante 12 meses)"),
    ("en", "£200 a month", 6, 120_000, "£1,200 (£200 a month for 6 months)"),
    ("it", "500 euro al mese", 12, 600_000, "6000 € (500 € al mese per 12 mesi)"),
    ("fr", "1 500 €/mois", 9, 1_350_000, "13 500 € (1 500 € par mois pendant 9 mois)"),
])
def test_a_monthly_budget_is_spent_every_month_of_the_plan(lang, budget, months, total, said):
    from assistant.planning.plan import read_answers
    from tests.plan_fixtures import answers

    inp = read_answers(answers(language=lang, budget=budget, horizon_months=months),
                       PLAYBOOK, PROMPTS)
    plan = build_plan(inp, PLAYBOOK, PROMPTS)
    assert plan.budget_cents == total
    assert sum(line.amount_cents for line in plan.budget.lines) == total
    assert said in plan.summary.replace(".", "").replace("\u202f", " ").replace("\xa0", " ")
    again = read_answers(inp.answers(), PLAYBOOK, PROMPTS)  # saved and read back: same budget
    assert (again.budget_cents, again.monthly_budget_cents) == (total, inp.monthly_budget_cents)


def test_a_total_budget_is_not_multiplied():
    from assistant.planning.plan import read_answers
    from tests.plan_fixtures import answers

    for budget in ("3000 € en 12 meses", "8.000€ al año", "unos 1.500 € en total"):
        inp = read_answers(answers(budget=budget), PLAYBOOK, PROMPTS)
        assert inp.monthly_budget_cents is None
        assert "al mes" not in build_plan(inp, PLAYBOOK, PROMPTS).summary


READ = Path(__file__).parent / "eval" / "plans_read"


def read_plan(name: str, understander: Understander):
    """A plan drafted from one of the answer files read whole as their owners would."""
    from assistant.planning.plan import read_answers

    answers_ = json.loads((READ / f"{name}.json").read_text(encoding="utf-8"))
    return build_plan(read_answers(answers_, PLAYBOOK, PROMPTS, understander), PLAYBOOK, PROMPTS)


@pytest.mark.heavy
def test_pizzeria_with_200_euro_a_month_spends_it_every_open_month_and_never_on_tiktok(
        understander):
    plan = read_plan("it_pizzeria", understander)
    assert plan.budget_cents == 240_000 and "200 € al mese per 12 mesi" in plan.summary
    spent = {month: sum(c for t in plan.tactics for m, c in zip(t.active_months, t.monthly_cents,
                                                                strict=True) if m == month)
             for month in range(1, 13)}
    shut = [m for m in spent if plan.facts.calendar_month(m)[0] == 8]  # "ad agosto chiudiamo"
    assert plan.facts.closed_months == [8] and all(spent[m] == 0 for m in shut)
    open_spend = [s for m, s in spent.items() if m not in shut]
    assert all(s > 0 for s in open_spend) and max(open_spend) - min(open_spend) <= 100
    assert "tiktok" not in plan_text(plan, PROMPTS).lower()
    assert "nessuna regola" not in plan_text(plan, PROMPTS)  # "no rules" is not a weakness
    assert len(plan.tactics) <= 2  # two hours a week


@pytest.mark.heavy
def test_pizzeria_rate_goal_stays_per_evening_and_its_working_channels_are_both_used(
        understander):
    plan = read_plan("it_pizzeria", understander)
    count = next(o for o in plan.strategy.objectives if o.kpi == "new_customers")
    assert count.period == "evening" and count.target_value == 15
    assert "a sera" in count.text and "da 25 a 40" in count.text
    text = plan_text(plan, PROMPTS)
    assert "contando 26 sere al mese" in text  # the conversion to the plan is said, changeable
    assert plan.funnel.owner_total == 15 * 26 * 11  # eleven open months
    assert {t.channel for t in plan.tactics} == {"instagram", "google_business"}
    august = next(p for p in plan.calendar if plan.facts.calendar_month(p.start_month)[0] == 8)
    assert august.tactic_ids == [] and any("Chiuso" in n for n in august.milestones)


@pytest.mark.heavy
def test_physiotherapist_gets_both_goals_one_compliance_step_and_no_referral_incentive(
        understander):
    plan = read_plan("fr_kine", understander)
    kpis = [o.kpi for o in plan.strategy.objectives]
    assert "new_customers" in kpis and {"repeat_rate", "churn"} & set(kpis)
    assert plan.tactics[0].template == "compliance_review"
    assert plan.summary.count("Vérification réglementaire") == 1
    referral = next(t for t in plan.tactics if t.template == "referral_program")
    assert "sans cadeau" in referral.actions[0] and "Offrez" not in referral.actions[0]
    assert "facebook" not in plan_text(plan, PROMPTS).lower()


@pytest.mark.heavy
def test_accounting_firm_starts_in_may_after_tax_season_with_a_compliance_check(understander):
    plan = read_plan("en_accounting", understander)
    assert plan.calendar[0].label.startswith("May")
    assert plan.facts.busy_months == [1, 2, 3, 4] and plan.facts.regulated
    assert plan.tactics[0].template == "compliance_review"
    assert all(t.effort != "heavy" or not {plan.facts.calendar_month(m)[0]
                                           for m in t.active_months} & {1, 2, 3, 4}
               for t in plan.tactics)
    assert not {"instagram", "tiktok"} & {t.channel for t in plan.tactics}
    assert audit(plan, PLAYBOOK, PROMPTS, {}) == []


def test_the_audit_catches_a_goal_no_fitting_tactic_serves_and_work_in_a_closed_month():
    case = BY_ID["seven-fr-saas"]
    truth = case_understanding(case, PLAYBOOK).model_copy(update={"goals": [
        *case_understanding(case, PLAYBOOK).goals,
        GoalUnderstood(goal_id="repositioning", text="repositionner")]})
    plan = plan_of(case, goals=truth.goals)
    assert "goal_without_tactic" not in " ".join(
        truth_audit(plan, truth, PLAYBOOK, PROMPTS, case["answers"]))
    pinned = plan.model_copy(update={"tactics": [  # the objective pinned on tactics that fit
        t.model_copy(update={"objective_ids": ["O1"]})  # no repositioning: not served
        for t in plan.tactics]})
    found = " ".join(truth_audit(pinned, truth, PLAYBOOK, PROMPTS, case["answers"]))
    assert "goal_without_tactic:repositioning" in found
    shut = plan.tactics[-1].active_months[0]
    closed = plan.model_copy(update={"facts": plan.facts.model_copy(update={
        "closed_months": [plan.facts.calendar_month(shut)[0]]})})
    assert f"closed_month_push:{plan.tactics[-1].id}:{shut}" in " ".join(
        audit(closed, PLAYBOOK, PROMPTS, case["answers"]))


@pytest.mark.parametrize("case", CASES[:7], ids=[c["id"] for c in CASES[:7]])
def test_every_goal_is_moved_by_a_tactic_even_with_two_hours_a_week(case):
    truth = case_understanding(case, PLAYBOOK)
    plan = plan_of(case, hours_per_week=2.0)
    found = truth_audit(plan, truth.model_copy(update={"hours_per_week": 2.0}), PLAYBOOK,
                        PROMPTS, case["answers"])
    assert not [f for f in found if f.startswith(("goal_", "hours", "validator:too_much"))]


def test_a_closed_month_gets_no_tactic_and_no_money_but_the_month_before_may_push():
    case = BY_ID["seven-it-bakery"]
    plan = plan_of(case, closed_months=[8], quiet_months=[])
    august = [m for m in range(1, plan.horizon_months + 1)
              if plan.facts.calendar_month(m)[0] == 8]
    assert august and not any(set(august) & set(t.active_months) for t in plan.tactics)
    assert audit(plan, PLAYBOOK, PROMPTS, case["answers"]) == []


@pytest.mark.heavy
def test_vet_clinic_gets_both_goals_its_google_profile_first_and_instagram_in_3_hours(
        understander):
    plan = read_plan("es_vet", understander)
    kpis = [o.kpi for o in plan.strategy.objectives]
    assert kpis[0] == "new_customers" and plan.strategy.objectives[0].target_value == 200
    assert "conversion_rate" in kpis or "orders" in kpis  # "que más clientes contraten el plan"
    real = [t for t in plan.tactics if t.template != "compliance_review"]
    assert real[0].channel == "google_business" and "instagram" in {t.channel for t in real}
    assert len(real) <= 2 and plan.tactics[0].template == "compliance_review"
    served = {o for t in real for o in t.objective_ids}
    assert served == {o.id for o in plan.strategy.objectives}
