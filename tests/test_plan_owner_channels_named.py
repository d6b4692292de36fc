"""Every channel the owner named is planned under its own name (issue #21, item 4): the
workshop's "clubs de ciclismo del barrio" was missing from the channels that work (the SWOT
listed the ones the playbook knows), and a channel named inside a sentence ("y también los
clubs...", "a través de...") kept the sentence's words as its name."""

from __future__ import annotations

import pytest

from assistant.planning.plan import build_plan, read_answers
from tests.plan_fixtures import PLAYBOOK, PROMPTS
from tests.test_plan_owner_reasons import WORKSHOP

LITTLE_TIME = {"es": "trabajo solo, 3 horas por semana", "en": "I work alone, 3 hours a week",
               "it": "lavoro da solo, 3 ore a settimana"}
IN_A_SENTENCE = {
    "es": ("uso Instagram y WhatsApp, y también los clubs de ciclismo del barrio",
           ["Instagram", "WhatsApp", "clubs de ciclismo del barrio"]),
    "en": ("mainly Instagram and WhatsApp, also through the neighbourhood cycling clubs",
           ["Instagram", "WhatsApp", "neighbourhood cycling clubs"]),
    "fr": ("surtout Instagram et WhatsApp, et aussi via les clubs de vélo du quartier",
           ["Instagram", "WhatsApp", "clubs de vélo du quartier"]),
    "it": ("Instagram, WhatsApp e anche tramite i club di ciclismo del quartiere",
           ["Instagram", "WhatsApp", "club di ciclismo del quartiere"]),
}


def plan_of(lang: str, **update: str):
    answers = {**WORKSHOP.get(lang, WORKSHOP["en"]), "language": lang, **update}
    inp = read_answers(answers, PLAYBOOK, PROMPTS)
    return inp.understood, build_plan(inp, PLAYBOOK, PROMPTS)


def tactic_text(plan) -> str:
    return " ".join(f"{t.name} {' '.join(t.actions)}" for t in plan.tactics).lower()


@pytest.mark.parametrize("lang", ["es", "en", "fr", "it"])
def test_a_channel_named_in_a_sentence_keeps_its_own_name(lang: str) -> None:
    said, names = IN_A_SENTENCE[lang]
    understood, plan = plan_of(lang, channels=said)
    assert [c.name for c in understood.channels] == names
    for name in names:
        assert name.lower() in tactic_text(plan)


@pytest.mark.parametrize("lang", ["es", "en", "it"])
def test_with_little_time_every_channel_is_still_planned_by_name(lang: str) -> None:
    understood, plan = plan_of(lang, resources=LITTLE_TIME[lang])
    assert len(understood.channels) == 3
    for channel in understood.channels:
        assert channel.name.lower() in tactic_text(plan)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_swot_names_every_channel_that_works(lang: str) -> None:
    understood, plan = plan_of(lang)
    strengths = " ".join(plan.diagnosis.swot.strengths).lower()
    for channel in understood.channels:
        assert channel.name.lower() in strengths
