"""#22 fault c: every fact the owner gave stays in the "I understood" line until they change it,
through several corrections in a row; a fact typed back with the line's own label ("équipe :
2", "equipo: 3") is a correction of that fact, not a message nobody understood."""

from __future__ import annotations

import pytest

from assistant import Assistant
from tests.conftest import make_settings
from tests.interviews import read_fact, under_way

OWNER = "user:summary-keeps"
SHOPS = {
    "fr": {"business": "Atelier Copeaux, stages de menuiserie à Nantes",
           "offer": "stage d'une journée à 90 €", "customers": "adultes curieux",
           "goal": "atteindre 70 stagiaires par mois", "horizon_months": "12 mois",
           "seasonality": "décembre fort, août calme", "budget": "2 000 €",
           "channels": "Instagram et Google Maps", "excluded_channels": "aucun",
           "constraints": "je suis seul, 4 heures par semaine"},
    "es": {"business": "Huerta Viva, cajas de verdura a domicilio en Valencia, España",
           "offer": "caja semanal a 25 €", "customers": "familias jóvenes",
           "goal": "llegar a 200 suscriptores", "horizon_months": "12 meses",
           "seasonality": "primavera fuerte, agosto flojo", "budget": "1.500 €",
           "channels": "Instagram y WhatsApp", "excluded_channels": "ninguno",
           "constraints": "trabajo sola, 5 horas por semana"},
}
IN_A_ROW = {
    "fr": ("équipe : 2", "team_size", 2, "équipe : 2",
           ["En fait c'est plutôt 3 000 €", "On ferme en janvier, pas en février",
            "objectifs : fidéliser", "C'est plutôt une école de menuiserie",
            "On démarrerait plutôt en septembre", "Un stage rapporte 110 € en moyenne"]),
    "es": ("equipo: 3", "team_size", 3, "equipo: 3",
           ["Al final son 2.500 €", "Lo flojo del año es enero, no agosto",
            "objetivos: fidelizar", "Es una cooperativa de agricultores",
            "Empezamos en marzo", "Cada caja deja unos 30 € de media"]),
}


@pytest.fixture(scope="module")
def a(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant(make_settings(tmp_path_factory.mktemp("summary-keeps")))


@pytest.mark.heavy
@pytest.mark.parametrize("lang", ["fr", "es"])
def test_a_fact_typed_with_the_lines_own_label_changes_it_and_stays(a: Assistant,
                                                                    lang: str) -> None:
    first, field, value, shown, later = IN_A_ROW[lang]
    iid = under_way(a, OWNER, lang, SHOPS[lang], None)
    turn = a.conversation.turn(OWNER, first, lang)
    assert turn.kind == "correction"
    assert read_fact(a, OWNER, iid, field) == value
    for text in later:
        a.conversation.turn(OWNER, text, lang)
        state = a.plans.database.load_interview(iid, OWNER)
        assert shown in a.plans.interviewer.understood_line(state), text
        assert read_fact(a, OWNER, iid, field) == value, text
