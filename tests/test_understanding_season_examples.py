"""What a clause says of its months, read by example whatever month it names (#21, "busy means
two things"): "en enero muchos autónomos cambian de gestoría" is a gestoría's buying month, yet
it lay nearest "en enero no viene casi nadie" and the plan called January a slump (hand test,
8 Dec); members leaving is a slump, not a month customers buy."""

from __future__ import annotations

import pytest

from tests.plan_cases import real_understander

BASE = {"business": "Asesoría Ebro, gestoría en Zaragoza", "offer": "iguala mensual de 80 €",
        "goal": "más clientes con iguala"}


@pytest.fixture(scope="module")
def understander():  # the real model: marks the tests heavy (tests/conftest.py)
    return real_understander()


@pytest.mark.parametrize(("lang", "text", "decide", "quiet"), [
    ("es", "en enero muchos autónomos cambian de gestoría", [1], []),
    ("it", "a gennaio molti professionisti cambiano commercialista", [1], []),
    ("en", "in January a lot of freelancers switch accountants", [1], []),
    ("es", "en agosto muchos socios se dan de baja", [], [8]),
    ("en", "in January lots of members cancel", [], [1])])
def test_switching_provider_is_a_decision_and_leaving_a_slump(understander, lang: str, text: str,
                                                              decide: list, quiet: list) -> None:
    u = understander.understand({**BASE, "seasonality": text}, lang)
    assert (u.decision_months, u.quiet_months) == (decide, quiet)
