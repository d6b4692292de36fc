"""The executive summary names the first three things to do, each once, compliance first."""

from __future__ import annotations

from pathlib import Path

from assistant.planning.plan.selection import COMPLIANCE
from tests.plan_fixtures import answers, make_service


def test_a_regulated_business_with_little_time_lists_each_first_action_once(
        tmp_path: Path) -> None:
    plan = make_service(tmp_path).draft_plan(answers(
        business="Clínica dental Sonrisa, en Bilbao, dos dentistas",
        offer="limpiezas, ortodoncia invisible y blanqueamientos",
        customers="familias y jóvenes profesionales del barrio",
        goal="conseguir más pacientes nuevos",
        channels="Google y el boca a boca", excluded_channels="nada de TikTok",
        constraints="la publicidad sanitaria está regulada",
        resources="2 horas a la semana, lo hago yo sola"), "owner")
    names = [t.name for t in plan.tactics]
    assert plan.tactics[0].template == COMPLIANCE and len(plan.tactics) <= 3
    for name in names[:3]:
        assert plan.summary.count(name) == 1, (name, plan.summary)
