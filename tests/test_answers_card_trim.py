"""Issue #23 item 3: a concept card trimmed for the answer keeps the sentence that answers what
was asked (the example for the user's kind of business, the network for a business selling to
businesses); "[…]" only removes what does not bear on it."""

from __future__ import annotations

from assistant import Assistant


def test_example_asked_of_a_named_card_quotes_the_example_for_that_business(
        shared_assistant: Assistant) -> None:
    answer = shared_assistant.ask(
        "Dans la fiche sur le SWOT, quel exemple donnez-vous pour une boulangerie ?")
    assert answer.citations[0].source_id == "concept:swot:fr"
    assert "Une boulangerie de quartier peut ainsi noter comme force" in answer.text


def test_italian_example_for_a_workshop_is_kept_in_the_trimmed_card(
        shared_assistant: Assistant) -> None:
    answer = shared_assistant.ask("Nella scheda SWOT, che esempio fate per un'officina?")
    assert "Un'officina meccanica potrebbe indicare come forza" in answer.text


def test_business_to_business_network_question_keeps_the_linkedin_sentence(
        shared_assistant: Assistant) -> None:
    answer = shared_assistant.ask(
        "Nous vendons des logiciels aux cabinets comptables : quel réseau social choisir ?")
    assert "sera plus efficace sur LinkedIn" in answer.text
