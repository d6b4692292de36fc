"""A goal's deadline in the owner's words is the objective's deadline, and no part of what it
counts (#21, "the owner's goals are replaced"): "Llegar a 200 alumnos para el curso que empieza
en septiembre" became "60 alumnos para el curso que empieza en septiembre más" due in December;
"Arrivare a 130 abbonati entro giugno" counted "abbonati entro giugno" (hand tests, 7 Dec)."""

from __future__ import annotations

import datetime

import pytest

from assistant.planning.plan import build_plan, read_answers
from assistant.planning.understanding.data import load_understanding_data
from assistant.planning.understanding.understander import Understander
from assistant.settings import PROJECT_ROOT
from tests.plan_fixtures import PLAYBOOK, PROMPTS

ACADEMY = {"language": "es", "business": "Speak Up Zaragoza, academia de inglés en Zaragoza",
           "offer": "clases en grupos reducidos, 65 € al mes",
           "customers": "padres con hijos de 8 a 16 años y adultos",
           "situation": "Ahora tenemos 140 alumnos",
           "goal": "Llegar a 200 alumnos para el curso que empieza en septiembre",
           "horizon_months": "12 meses", "budget": "4.000 €", "channels": "Facebook y Google",
           "start": "enero 2027"}
YOGA = {"language": "it", "business": "Respiro Yoga, studio di yoga a Torino",
        "offer": "lezioni di gruppo a 15 € e abbonamento mensile a 75 €",
        "customers": "donne tra i 30 e i 50 anni che lavorano in zona",
        "situation": "Abbiamo 85 iscritti con abbonamento",
        "goal": "Arrivare a 130 abbonati entro giugno", "horizon_months": "12 mesi",
        "budget": "2.500 €", "channels": "Instagram e passaparola", "start": "gennaio 2027"}
BARS = {"language": "fr", "business": "Brasserie du Mont, brasserie artisanale près de Lyon",
        "offer": "fûts pour les bars et bouteilles", "customers": "bars de Lyon",
        "goal": "passer de 25 à 40 bars clients d'ici octobre", "horizon_months": "12 mois",
        "budget": "5 000 €", "channels": "visites aux bars", "start": "janvier 2027"}


@pytest.mark.parametrize(("answers", "month", "metric", "not_in_metric"), [
    (ACADEMY, 9, "alumnos", "curso"), (YOGA, 6, "abbonati", "giugno"),
    (BARS, 10, "bars", "octobre")])
def test_the_owners_deadline_is_the_objectives_and_not_what_it_counts(
        answers, month, metric, not_in_metric):
    inp = read_answers(answers, PLAYBOOK, PROMPTS)
    goal = inp.understood.goals[0]
    assert goal.due_month == month
    assert metric in goal.metric and not_in_metric not in goal.metric
    plan = build_plan(inp, PLAYBOOK, PROMPTS)
    objective = plan.strategy.objectives[0]
    assert plan.facts.calendar_month(objective.deadline_month)[0] == month
    assert not_in_metric not in objective.kpi_name


def test_a_goal_with_no_deadline_keeps_the_horizon():
    inp = read_answers({**YOGA, "goal": "Arrivare a 130 abbonati"}, PLAYBOOK, PROMPTS)
    assert inp.understood.goals[0].due_month is None
    plan = build_plan(inp, PLAYBOOK, PROMPTS)
    assert plan.strategy.objectives[0].deadline_month == plan.horizon_months


# Months listed and a horizon that ends before them (hand test, surf school, 7 Dec): "en los
# cursos de septiembre y octubre" counted "alumnos y octubre", and six months from January
# ended in June, three months before the courses the goal is about.
SURF = {"language": "es", "business": "Ola Norte, escuela de surf en Somo",
        "offer": "clases de surf en grupo a 35 €", "customers": "familias que veranean",
        "goal": "Queremos pasar de 40 a 90 alumnos en los cursos de septiembre y octubre",
        "horizon_months": "6 meses", "budget": "3.000 €", "channels": "Instagram"}


def test_listed_months_are_cut_whole_and_an_unsaid_start_ends_the_plan_in_the_goals_month():
    december = Understander(PLAYBOOK, load_understanding_data(PROJECT_ROOT / "knowledge" /
                                                              "understanding"),
                            today=lambda: datetime.date(2026, 12, 7))  # default start: January
    inp = read_answers(SURF, PLAYBOOK, PROMPTS, december)
    assert (inp.understood.start_year, inp.understood.start_month) == (2027, 4)
    goal = inp.understood.goals[0]
    assert goal.metric == "alumnos" and goal.due_month == 9
    plan = build_plan(inp, PLAYBOOK, PROMPTS)
    objective = plan.strategy.objectives[0]
    assert objective.deadline_month == plan.horizon_months == 6
    assert plan.facts.calendar_month(objective.deadline_month)[0] == 9


def test_a_start_the_owner_said_is_kept_even_when_the_goals_month_falls_outside():
    inp = read_answers({**SURF, "start": "enero 2027"}, PLAYBOOK, PROMPTS)
    assert (inp.understood.start_year, inp.understood.start_month) == (2027, 1)


def test_a_calendar_cell_with_two_milestones_uses_the_languages_separator():
    """French puts a space before its semicolon ("…pas de campagne lourde ; Échéance O1"): the
    calendar joined milestones with "; " in every language (read by hand, 7 Dec)."""
    from assistant.planning.plan.tables import calendar

    plan = build_plan(read_answers(BARS, PLAYBOOK, PROMPTS), PLAYBOOK, PROMPTS)
    first = plan.calendar[0].model_copy(update={"milestones": ["Haute saison", "Échéance O1"]})
    plan = plan.model_copy(update={"calendar": [first, *plan.calendar[1:]]})
    say = lambda key, **v: PROMPTS.phrase("plan", "fr", key, **v)  # noqa: E731
    assert calendar(plan, say)[1][0][2] == "Haute saison ; Échéance O1"
