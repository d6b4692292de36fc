"""Issue #23 item 1: among several uploads, a question that describes its document ("the
language school review", "il sondaggio del forno") reads the one whose opening line (its title
as written, in any language) that description fits, not the one nearest the question's topic."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant import Assistant
from tests.conftest import ROOT, make_settings

DOCS = ("informe_club_grano.md", "bilan_campagnes_lingua_viva.md",
        "report_semestre_ceramiche_lunetta.md", "dev2_bilan_campagne_rentree_escalade.md",
        "dev5_pawsome_grooming_survey.md", "dev2_indagine_clienti_forno.md")


@pytest.fixture(scope="module")
def six_uploads(ingested_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    data = tmp_path_factory.mktemp("six-uploads") / "data"
    shutil.copytree(ingested_dir, data)
    assistant = Assistant(make_settings(data))
    for name in DOCS:
        assistant.add_document(name, (ROOT / "tests" / "eval" / "docs" / name).read_bytes(),
                               owner="u1")
    return assistant


@pytest.mark.parametrize(("question", "lang", "expected"), [
    ("In the language school's review, what share of students signed up again?", "en",
     "bilan_campagnes_lingua_viva.md"),
    ("How much of the site's turnover came from email in the half-year report?", "en",
     "report_semestre_ceramiche_lunetta.md"),
    ("Dans le rapport sur le club de fidélité, combien de socios sont actifs ?", "fr",
     "informe_club_grano.md"),
])
def test_the_document_the_question_describes_is_read(six_uploads: Assistant, question: str,
                                                     lang: str, expected: str) -> None:
    retriever = six_uploads.runtime.chain.retriever
    titles = {s.source_id: s.title for s in six_uploads.sources("u1")}
    assert titles[retriever.rank_documents(question, lang, "u1")[0]] == expected


def test_unsure_which_document_is_meant_the_answer_asks_with_their_titles(
        six_uploads: Assistant) -> None:
    # "the document I uploaded", of six, fits three nearly alike: a guess would answer from a
    # document the user may not mean; the titles are offered instead (#23 design rule).
    answer = six_uploads.ask("In the document I uploaded, what went wrong?", owner="u1")
    assert not answer.citations
    offered = [name for name in DOCS if f"«{name}»" in answer.text]
    assert len(offered) >= 2
    assert answer.text.startswith("You have uploaded several documents")


def test_a_document_named_by_its_file_name_is_never_asked_about(six_uploads: Assistant) -> None:
    answer = six_uploads.ask("In the Pawsome grooming survey I uploaded, what went wrong?",
                             owner="u1")
    assert answer.citations
    assert answer.citations[0].title == "dev5_pawsome_grooming_survey.md"
