"""Issue #12's cases, through the facade on the real knowledge base: answers that answer, in the
user's language, with citations numbered 1..n."""

from __future__ import annotations

import re

from assistant import Assistant
from assistant.answering.answers import Answer
from tests.conftest import ROOT, make_settings
from tests.test_grounded import assert_citations_valid


def _numbers(answer: Answer) -> list[int]:
    seen: list[int] = []
    for marker in re.findall(r"\[(\d+)\]", answer.text):
        if int(marker) not in seen:
            seen.append(int(marker))
    return seen


def test_italian_swot_question_leads_with_the_italian_swot_card(
        shared_assistant: Assistant) -> None:
    answer = shared_assistant.ask("Che cos'è l'analisi SWOT?")
    assert answer.citations[0].source_id == "concept:swot:it"
    assert "PESTEL" not in answer.text.split("\n")[0]


def test_tactical_marketing_without_accents_leads_with_the_tactics_card(
        shared_assistant: Assistant) -> None:
    answer = shared_assistant.ask("Explícame qué es el marketing tactico y para que sirve")
    assert answer.citations[0].source_id == "concept:marketing-tactics:es"
    assert answer.text.startswith("**Tácticas de marketing.**")


def test_html_around_a_question_is_stripped_not_declined(shared_assistant: Assistant) -> None:
    answer = shared_assistant.ask("<b>Qu'est-ce que le SWOT ?</b>")
    assert answer.language == "fr"
    assert answer.citations and answer.citations[0].source_id == "concept:swot:fr"


def test_french_difference_question_is_answered_mostly_in_french(
        shared_assistant: Assistant) -> None:
    answer = shared_assistant.ask(
        "Quelle est la différence entre marketing stratégique et marketing opérationnel ?")
    assert answer.citations[0].language == "fr"
    foreign = [c for c in answer.citations if c.language != "fr"]
    assert len(foreign) <= len(answer.citations) // 2


def test_citation_markers_are_numbered_one_to_n(shared_assistant: Assistant) -> None:
    for question in ("Quels sont les défis du marketing opérationnel ?",
                     "¿Cuál es la diferencia entre marketing estratégico y operativo?"):
        answer = shared_assistant.ask(question)
        assert _numbers(answer) == list(range(1, len(answer.citations) + 1))
        assert [c.marker for c in answer.citations] == _numbers(answer)
        assert not re.search(r"«[^»]*:» \[", answer.text)  # no heading-like quote


def test_a_concept_lead_quotes_only_text_that_stands_in_its_card(
        shared_assistant: Assistant) -> None:
    """Card sentences that are not neighbours are joined by an omission sign, not glued into a
    quote the card does not contain."""
    texts: list[str] = []
    for question in ("¿El posicionamiento de marca y el posicionamiento SEO son lo mismo?",
                     "If I spend €6,000 in a quarter and win 40 new customers, what is my CAC?",
                     "What does SMART stand for in SMART objectives?"):
        answer = shared_assistant.ask(question)
        assert answer.text.startswith("**"), answer.text
        assert_citations_valid(answer)
        texts.append(answer.text)
    assert any("[…]" in text for text in texts), texts


def test_quantity_question_quotes_the_sentence_with_the_numbers(
        shared_assistant: Assistant) -> None:
    answer = shared_assistant.ask(
        "If I spend €6,000 in a quarter and win 40 new customers, what is my CAC?")
    assert "€6,000" in answer.text and answer.citations[0].language == "en"


def test_bakery_follow_up_on_budget_is_resolved_against_the_topic(
        shared_assistant: Assistant) -> None:
    first = shared_assistant.ask("Come posso trovare nuovi clienti per il mio panificio?",
                                 conversation_id="bakery")
    assert any(c.kind == "playbook" and c.source_id.endswith(":it") for c in first.citations)
    answer = shared_assistant.ask("e quanto dovrei spendere?", conversation_id="bakery")
    assert answer.language == "it"
    assert any(c.source_id == "concept:marketing-budget:it" for c in answer.citations)
    assert "non ha bisogno di un budget" not in answer.text


def test_upload_quantity_question_quotes_the_figures(data_dir, tmp_path) -> None:
    assistant = Assistant(make_settings(data_dir))
    report = ROOT / "tests" / "eval" / "docs" / "informe_club_grano.md"
    assistant.add_document(report.name, report.read_bytes(), owner="u1")
    answer = assistant.ask("Según el informe que he subido, ¿cuánto bajó la tasa de abandono "
                           "de los socios?", owner="u1")
    assert answer.citations and answer.citations[0].kind == "upload"
    assert "47" in answer.text and "29" in answer.text


def test_model_answer_without_markers_still_lists_the_passages_it_was_given(
        data_dir, scripted_model) -> None:
    model = scripted_model.with_replies("El DAFO cruza fortalezas, debilidades, oportunidades "
                                        "y amenazas de la empresa.")
    answer = Assistant(make_settings(data_dir), chat_model=model).ask("¿Qué es el DAFO?")
    assert answer.citations and all(c.consulted for c in answer.citations)
    assert [c.marker for c in answer.citations] == list(range(1, len(answer.citations) + 1))


def test_model_answer_in_the_wrong_language_is_retried_once_then_noticed(
        data_dir, scripted_model) -> None:
    english = "SWOT analysis lists the strengths and weaknesses of the company and the threats."
    spanish = "El DAFO cruza las fortalezas y debilidades internas con el entorno [1]."
    model = scripted_model.with_replies(english, spanish)
    answer = Assistant(make_settings(data_dir), chat_model=model).ask("¿Qué es el DAFO?")
    assert answer.text == spanish and not answer.notice and len(model.received) == 2
    assert "Spanish" in model.received[1][-1].content  # the firmer instruction
    stubborn = scripted_model.with_replies(english, english)
    answer = Assistant(make_settings(data_dir), chat_model=stubborn).ask("¿Qué es el DAFO?")
    assert answer.notice and "español" in answer.notice and len(stubborn.received) == 2


def test_follow_up_on_the_same_card_answers_its_own_words_without_repeating(
        shared_assistant: Assistant) -> None:
    first = shared_assistant.ask("¿Qué es el ROI?", conversation_id="roi")
    answer = shared_assistant.ask("vale, ¿y por qué se calcula sobre el margen y no sobre las "
                                  "ventas?", conversation_id="roi")
    assert answer.citations[0].source_id == "concept:roi:es"
    assert "margen" in answer.text.split("[1]")[0]
    assert first.text.split("[1]")[0] != answer.text.split("[1]")[0]


def test_follow_up_naming_another_business_quotes_that_business_tactics(
        shared_assistant: Assistant) -> None:
    shared_assistant.ask("How do I find new customers for my bakery?", conversation_id="resto")
    answer = shared_assistant.ask("and for a restaurant?", conversation_id="resto")
    assert answer.citations[0].source_id == "playbook:restaurant:en"
    assert "What to do in marketing when" not in answer.text  # the guide's intro says nothing
    assert "«" in answer.text


def test_list_question_quotes_the_sentence_that_names_the_stages(
        shared_assistant: Assistant) -> None:
    answer = shared_assistant.ask("Quali sono le fasi dell'inbound marketing?")
    assert "quattro fasi" in answer.text


def test_a_target_or_a_proposal_is_told_apart_from_a_result() -> None:
    from assistant.answering.statements import states_a_plan

    assert states_a_plan("Pour la rentrée 2024, nous voulions augmenter les inscriptions.")
    assert not states_a_plan("Nous avons enregistré 181 nouvelles inscriptions.")


def test_follow_up_is_resolved_against_the_latest_turn_about_a_concept(
        shared_assistant: Assistant) -> None:
    """A turn in between that names no concept does not make the conversation lose its topic."""
    shared_assistant.ask("¿Qué es un buyer persona?", conversation_id="persona")
    shared_assistant.ask("Tengo una tienda de bicis en Valencia.", conversation_id="persona")
    answer = shared_assistant.ask("¿y cuántos perfiles debería tener?", conversation_id="persona")
    assert answer.citations[0].source_id == "concept:buyer-persona:es"
    assert "dos o tres perfiles" in answer.text
