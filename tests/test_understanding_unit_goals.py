"""A goal written as a sign and a rate in the owner's unit ("+40 services/month", "+30
servicios/mes") is a growth goal from today's level in that unit, per that period (issue #21):
not a launch, not "+" as the thing counted, not a count over the plan."""

from __future__ import annotations

import pytest

from tests.plan_cases import real_understander


@pytest.fixture(scope="module")
def understander():  # noqa: ANN201
    return real_understander()


@pytest.mark.parametrize(("lang", "goal", "situation", "unit", "today", "period"), [
    ("en", "+40 services/month", "we do about 110 services a month", "services", 110, "month"),
    ("es", "+30 servicios/mes", "hacemos unos 60 servicios por mes", "servicios", 60, "month"),
    ("fr", "+25 couverts/semaine", "on sert environ 180 couverts par semaine", "couverts", 180,
     "week"),
])
def test_a_signed_rate_in_the_owners_unit_grows_from_todays_level(
        lang: str, goal: str, situation: str, unit: str, today: int, period: str,
        understander) -> None:  # noqa: ANN001
    read = understander.understand({"business": "x", "offer": "x", "goal": goal,
                                    "situation": situation}, lang).goals[0]
    assert read.goal_id == "acquisition"
    assert read.metric and read.metric.startswith(unit)
    assert (read.current, read.period) == (today, period)
    assert read.target == today + read.change
