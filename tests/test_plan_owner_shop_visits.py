"""Visiting shops is selling to them, not a shop of one's own (issue #21, read of a dev3 plan):
a cheese producer whose channel is "shop visits with samples" got "the physical shop" as a
working channel, and a loyalty card run on it ("the tenth purchase free")."""

from __future__ import annotations

import pytest

from assistant.planning.plan import build_plan, read_answers
from tests.plan_cases import real_understander
from tests.plan_fixtures import PLAYBOOK, PROMPTS


def answers(lang: str, business: str, channels: str) -> dict[str, str]:
    """A producer's answers, the parts these tests do not look at filled in."""
    return {"language": lang, "business": business, "offer": business, "customers": business,
            "goal": "40", "horizon_months": "12", "budget": "4000 €", "channels": channels,
            "resources": "4", "start": "03/2027"}


@pytest.fixture(scope="module")
def understander():  # noqa: ANN201
    return real_understander()


@pytest.mark.parametrize("case", [
    answers("en", "Hollow Oak Dairy, farmhouse cheddar in Somerset", "shop visits with samples"),
    answers("es", "Quesería Los Arribes, quesería en Salamanca", "visitas a tiendas con muestras"),
    answers("it", "Caseificio Val Taleggio, caseificio a Bergamo", "visite ai negozi con assaggi"),
], ids=["en", "es", "it"])
def test_visiting_shops_is_direct_selling(case, understander) -> None:  # noqa: ANN001
    inp = read_answers(case, PLAYBOOK, PROMPTS, understander)
    assert inp.understood.channel_ids == ["direct_sales"]
    plan = build_plan(inp, PLAYBOOK, PROMPTS)
    assert all(t.channel != "in_store" for t in plan.tactics)
