"""Questions about the user's own documents when they have several (#12): the document that
matches the question as a whole is chosen first, then its sentences; headings are never quoted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.answering.composers.grounded import GroundedConfig
from assistant.answering.composers.sentences import usable
from assistant.answering.questions import without_document_cues
from tests.conftest import ROOT, make_settings

DOCS = ("informe_club_grano.md", "bilan_campagnes_lingua_viva.md",
        "report_semestre_ceramiche_lunetta.md")


@pytest.fixture(scope="module")
def three_uploads(ingested_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    data = tmp_path_factory.mktemp("uploads") / "data"
    shutil.copytree(ingested_dir, data)
    assistant = Assistant(make_settings(data))
    for name in DOCS:
        path = ROOT / "tests" / "eval" / "docs" / name
        assistant.add_document(name, path.read_bytes(), owner="u1")
    return assistant


def test_italian_question_reads_the_italian_report_not_the_french_one_with_similar_words(
        three_uploads: Assistant) -> None:
    # The French review counts "inscriptions" (students), closer on average to "iscritti" than
    # the Italian report, whose email list has 6.300 subscribers: the question's language decides.
    answer = three_uploads.ask("Nel report che ho caricato, quanti iscritti ha la lista email?",
                               owner="u1")
    assert answer.citations
    assert answer.citations[0].title == "report_semestre_ceramiche_lunetta.md"
    assert "6.300" in answer.text


def test_english_question_about_a_spanish_report_ranks_that_report_first(
        three_uploads: Assistant) -> None:
    retriever = three_uploads.runtime.chain.retriever
    order = retriever.rank_documents("How many members joined the café loyalty club?", "en",
                                     "u1")
    titles = {s.source_id: s.title for s in three_uploads.sources("u1")}
    assert titles[order[0]] == "informe_club_grano.md"


def test_a_document_in_another_language_still_gives_several_sentences(
        three_uploads: Assistant) -> None:
    answer = three_uploads.ask("Was the loyalty programme in my document profitable?",
                               owner="u1")
    assert answer.text.count("«") >= 3  # the floor is relative to the best sentence
    assert "228" in answer.text


def test_a_title_line_ending_in_a_quoted_name_is_not_a_sentence() -> None:
    config = GroundedConfig()
    limits = (config.min_sentence_chars, config.min_sentence_words)
    assert not usable("Informe anual 2024 — Programa de fidelización «Club Grano»", *limits)
    assert usable("Los socios nos dijeron que el club «les hace volver más a menudo.»", *limits)
    assert usable("Anuncios en Google Ads para búsquedas urgentes (indicador: clientes nuevos; "
                  "esfuerzo: alto)", *limits)


def test_the_words_pointing_at_the_document_are_not_matched_with_its_sentences() -> None:
    assert "report" not in without_document_cues("What did churn do in the report I uploaded?")
    assert without_document_cues("¿Qué es el DAFO?") == "¿Qué es el DAFO?"
