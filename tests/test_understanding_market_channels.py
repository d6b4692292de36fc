"""A producer's markets and the shops that stock it are channels with a family (issue #21, item
4): "i mercati contadini" and "les marchés" are events the plan can work on, "les épiceries fines"
resell; read from example phrasings per family, not from a list of names."""

from __future__ import annotations

import pytest

from tests.plan_cases import real_understander


@pytest.fixture(scope="module")
def understander():  # noqa: ANN201
    return real_understander()


@pytest.mark.parametrize(("lang", "channels", "expected"), [
    ("it", "i mercati contadini, le botteghe e il nostro sito",
     {"mercati contadini": "events", "sito": "own_site"}),
    ("fr", "les marchés et les épiceries fines",
     {"marchés": "events", "épiceries fines": "reseller"}),
    ("en", "farmers' markets and Instagram", {"farmers' markets": "events"}),
])
def test_markets_are_events_and_shops_that_stock_resell(lang: str, channels: str,
                                                        expected: dict[str, str],
                                                        understander) -> None:  # noqa: ANN001
    read = understander.understand({"business": "x", "offer": "x", "channels": channels}, lang)
    families = {c.name: c.family for c in read.channels}
    assert {name: families.get(name) for name in expected} == expected


# Businesses that send customers are partners (hand test, surf school, 7 Dec): "los hoteles"
# was a channel of no family, planned as "keep going with hoteles"; its relative clause ("que
# nos venden clases") was read as a second channel.
@pytest.mark.parametrize(("lang", "channels", "expected"), [
    ("es", "Instagram, Google y los hoteles, que nos venden cursillos", {"hoteles": "partners"}),
    ("fr", "les campings et Instagram", {"campings": "partners"}),
    ("it", "Instagram e le agenzie turistiche", {"agenzie turistiche": "partners"}),
    ("en", "the B&Bs in the village, which send us walkers", {"B&Bs in the village": "partners"}),
])
def test_businesses_that_send_customers_are_partners_and_a_relative_clause_no_channel(
        lang: str, channels: str, expected: dict[str, str], understander) -> None:  # noqa: ANN001
    read = understander.understand({"business": "x", "offer": "x", "channels": channels}, lang)
    families = {c.name: c.family for c in read.channels}
    assert {name: families.get(name) for name in expected} == expected
    assert not any(name.split()[0] in ("que", "which") for name in families)
