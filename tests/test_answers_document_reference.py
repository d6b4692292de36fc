"""Issue #23 item 1: a question that refers to the user's own document in words nobody listed
("the file I sent you", "el archivo que te mandé") is read from that document; the reference is
learned from example phrases per language, and a question merely mentioning a file is none."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant import Assistant
from tests.conftest import ROOT, make_settings


@pytest.fixture(scope="module")
def one_upload(ingested_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    data = tmp_path_factory.mktemp("one-upload") / "data"
    shutil.copytree(ingested_dir, data)
    assistant = Assistant(make_settings(data))
    name = "report_semestre_ceramiche_lunetta.md"
    assistant.add_document(name, (ROOT / "tests" / "eval" / "docs" / name).read_bytes(),
                           owner="u1")
    return assistant


@pytest.mark.parametrize(("question", "figure"), [
    ("In the spreadsheet I gave you, what share of carts get abandoned?", "71%"),
    ("Nel PDF che ti ho girato, quanti resi abbiamo avuto?", "2,4%"),
    ("Dans le fichier que je t'ai envoyé, combien d'inscrits compte la newsletter ?", "6.300"),
])
def test_a_reference_in_new_words_is_read_from_the_upload(one_upload: Assistant, question: str,
                                                          figure: str) -> None:
    answer = one_upload.ask(question, owner="u1")
    assert answer.citations, question
    assert answer.citations[0].title == "report_semestre_ceramiche_lunetta.md"
    assert figure in answer.text


def test_references_in_four_languages_and_mentions_that_are_none(
        shared_assistant: Assistant) -> None:
    reader = shared_assistant.runtime.chain.parts.documents
    assert reader is not None
    for question in ("Dans le tableur que je t'ai donné, quel est le chiffre de mars ?",
                     "En el archivo que te mandé ayer, ¿cuántos clientes hay?",
                     "Nel PDF che ti ho girato, qual è il fatturato?",
                     "What was the main complaint in the survey I sent you?"):
        assert reader.reference(question), question
    for question in ("How do I send a file to my customers?",
                     "Que dit l'article espagnol sur la logistique ?",
                     "¿Cómo consigo más clientes para mi tienda?"):
        assert not reader.reference(question), question
