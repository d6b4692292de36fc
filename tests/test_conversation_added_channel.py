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


SWAPS = {
    "en": ({"business": "Pip's Pantry, a deli in Norwich, UK", "offer": "cheese and cold cuts",
            "customers": "locals", "goal": "reach 300 customers a week",
            "horizon_months": "12 months", "budget": "£1,000",
            "channels": "Instagram and Facebook", "excluded_channels": "none"},
           "Drop Facebook, we're on Pinterest now"),
    "es": ({**STUDIO, "channels": "Instagram y Facebook"},
           "Quita Facebook, ahora estamos en Pinterest"),
    "fr": ({"business": "Fleurs de Lys, fleuriste à Dijon", "offer": "bouquets à 30 €",
            "customers": "habitants du centre", "goal": "passer à 200 clients par mois",
            "horizon_months": "12 mois", "budget": "1 500 €",
            "channels": "Instagram et Facebook", "excluded_channels": "aucun"},
           "On arrête Facebook, on passe sur Pinterest"),
    "it": ({"business": "Bottega Verde, erboristeria a Padova", "offer": "tisane e cosmetici",
            "customers": "donne del quartiere", "goal": "arrivare a 250 clienti al mese",
            "horizon_months": "12 mesi", "budget": "1.200 €",
            "channels": "Instagram e Facebook", "excluded_channels": "nessuno"},
           "Togli Facebook, adesso siamo su Pinterest"),
}


@pytest.mark.parametrize("lang", ["en", "es", "fr", "it"])
def test_a_channel_dropped_and_one_taken_up_in_one_message_change_both(a: Assistant,
                                                                      lang: str) -> None:
    answers, text = SWAPS[lang]
    iid = under_way(a, OWNER, lang, answers, None)
    turn = a.conversation.turn(OWNER, text, lang)
    assert turn.kind == "correction"
    channels = read_fact(a, OWNER, iid, "channels")
    assert "Pinterest" in channels and "Instagram" in channels
    assert "Facebook" not in channels
    assert turn.lines[0].text.count("Pinterest") == 1  # one line: now, and what it was
    assert "Facebook" in turn.lines[0].text
