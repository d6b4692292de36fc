"""`assistant plan` and `assistant interview` through cli.main, on a temporary data dir."""

import io
import json

import docx
import pytest

from assistant import cli
from assistant.cli import plan as cli_plan
from assistant.settings import get_settings
from tests.plan_fixtures import answers


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("ESTRATEGA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ESTRATEGA_CHAT_BACKEND", "grounded")
    get_settings.cache_clear()
    yield tmp_path / "data"
    get_settings.cache_clear()


def write_answers(tmp_path, data):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_plan_command_writes_a_docx(tmp_path):
    out = tmp_path / "out" / "plan.docx"
    code = cli.main(["plan", "--answers", str(write_answers(tmp_path, answers())),
                     "--format", "docx", "--out", str(out)])
    assert code == 0
    assert docx.Document(str(out)).paragraphs[0].text == "Plan de marketing de Floristería Lola"


def test_plan_command_prints_markdown(tmp_path, capsys):
    code = cli.main(["plan", "--answers", str(write_answers(tmp_path, answers(language="it")))])
    assert code == 0
    assert capsys.readouterr().out.startswith("# Piano di marketing di Floristería Lola")


def test_bad_answers_name_each_problem_and_write_nothing(tmp_path, capsys):
    data = answers(budget={"amount": 0, "currency": "EUR"}, horizon_months=99)
    del data["customers"]
    out = tmp_path / "plan.md"
    code = cli.main(["plan", "--answers", str(write_answers(tmp_path, data)), "--out", str(out)])
    assert code == 1
    err = capsys.readouterr().err
    assert "customers" in err and "budget" in err and "horizon_months" in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists() and not list(tmp_path.glob("plan.md*"))


def test_missing_answers_file_is_a_clear_error(tmp_path, capsys):
    assert cli.main(["plan", "--answers", str(tmp_path / "nope.json")]) == 1
    assert "nope.json" in capsys.readouterr().err


def test_interview_runs_from_piped_stdin(tmp_path, capsys):
    lines = ["Floristería Lola, tienda de flores en Triana, Sevilla",
             "ramos de temporada desde 25 euros", "vecinos del barrio que regalan flores",
             "saltar", "saltar", "conseguir clientes nuevos", "6 meses", "saltar", "3000 €",
             "Instagram y WhatsApp", "ninguno", "saltar", "saltar", "ok"]
    out = tmp_path / "plan.md"
    args = cli.build_parser().parse_args(["interview", "--lang", "es", "--out", str(out)])
    from assistant.facade import Assistant

    code = cli_plan.cmd_interview(Assistant(), args, stdin=io.StringIO("\n".join(lines) + "\n"))
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Plan de marketing de Floristería Lola")
    assert "3.000 €" in text
    assert "Pregunta 1 de 13" in capsys.readouterr().out  # #22: the language was given


def test_plan_command_writes_a_pdf_and_refuses_to_print_one(tmp_path, capsys):
    from pypdf import PdfReader

    out = tmp_path / "out" / "plan.pdf"
    code = cli.main(["plan", "--answers", str(write_answers(tmp_path, answers())),
                     "--format", "pdf", "--out", str(out)])
    assert code == 0
    reader = PdfReader(str(out))
    assert "Floristería Lola" in reader.pages[0].extract_text()
    assert sum(len(page.images) for page in reader.pages) == 4  # no margin given: no break-even
    assert cli.main(["plan", "--answers", str(write_answers(tmp_path, answers())),
                     "--format", "pdf"]) == 1
    assert "--out" in capsys.readouterr().err
