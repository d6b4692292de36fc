"""A goal's deadline in the owner's words is the objective's deadline, and no part of what it
counts (#21, "the owner's goals are replaced"): "Llegar a 200 alumnos para el curso que empieza
en septiembre" became "60 alumnos para el curso que empieza en septiembre más" due in December;
"Arrivare a 130 abbonati entro giugno" counted "abbonati entro giugno" (hand tests, 7 Dec)."""

from __future__ import annotations

import pytest

from assistant.planning.plan import build_plan, read_answers
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
