"""#22: a channel added by its name alone at the summary ("Y TikTok también", "Anche TikTok")
changes what the interview reads as its channels, the fact the echo named as changed: the
channels set on the "I understood" line are the ones read, not the answer they were set over."""

from __future__ import annotations

import pytest

from assistant import Assistant
from tests.conftest import make_settings
from tests.interviews import read_fact, under_way

pytestmark = pytest.mark.heavy  # the embedding model

OWNER = "user:added-channel"
STUDIO = {"business": "Estudio Luna, estudio de pilates en Bilbao, España",
          "offer": "clases de pilates a 70 € al mes", "customers": "mujeres de 30 a 55 años",
          "goal": "llegar a 150 alumnas", "horizon_months": "12 meses", "budget": "900 €",
          "channels": "Instagram y WhatsApp", "excluded_channels": "ninguno"}


@pytest.fixture(scope="module")
def a(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant(make_settings(tmp_path_factory.mktemp("added-channel")))


def test_a_channel_added_by_its_name_is_read_as_a_channel(a: Assistant) -> None:
    iid = under_way(a, OWNER, "es", STUDIO, None)
    turn = a.conversation.turn(OWNER, "Y TikTok también", "es")
    assert "TikTok" in turn.lines[0].text  # the echo says it was added
    assert "TikTok" in read_fact(a, OWNER, iid, "channels")
    assert "Instagram" in read_fact(a, OWNER, iid, "channels")
