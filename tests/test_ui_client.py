"""The app's API endpoints through `gradio_client`: ask, concept, upload, sources, remove, and
that a client can never reach another client's documents or interviews."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.ui_server import RunningApp, running_app

pytestmark = pytest.mark.slow
gradio_client = pytest.importorskip("gradio_client")


@pytest.fixture(scope="module")
def app(fresh_data: Callable[[str], Path]) -> Iterator[RunningApp]:
    with running_app(fresh_data("api")) as running:
        yield running


@pytest.fixture(scope="module")
def client(app: RunningApp) -> object:
    return gradio_client.Client(app.url, verbose=False)


def texts(chat: list[dict]) -> list[str]:
    """The text of each chat message (Gradio 6 gives content as a list of parts)."""
    out = []
    for message in chat:
        content = message["content"]
        if isinstance(content, list):
            content = "".join(part.get("text", "") for part in content)
        out.append(content)
    return out


def titles(chat: list[dict]) -> list[str]:
    """Source titles under the last answer (messages after the last question): each source is
    a disclosure whose button names it (assistant/ui/citations.py)."""
    import html
    import re

    last_question = max(i for i, m in enumerate(chat) if m["role"] == "user")
    found = [re.search(r'class="cite-title">([^<]*)<', m)
             for m in texts(chat[last_question + 1 :])]
    return [html.unescape(f.group(1)) if f else "" for f in found]


def test_ask_returns_a_cited_answer_in_the_questions_language(client) -> None:  # noqa: ANN001
    chat, question = client.predict("¿Qué es el CAC?", "es", api_name="/ask")
    said = texts(chat)
    assert question == ""
    assert said[0] == "¿Qué es el CAC?"
    assert "[1]" in said[1] and "Respondido por" in said[1]
    assert titles(chat)[1].startswith("[1] ")


def test_ask_with_an_empty_question_is_a_readable_error(client) -> None:  # noqa: ANN001
    with pytest.raises(Exception, match="Escribe|pregunta|Please type") as err:
        client.predict("   ", "es", api_name="/ask")
    assert "Traceback" not in str(err.value)


def test_concept_lookup_tolerates_missing_accents(client) -> None:  # noqa: ANN001
    result = client.predict("analisis dafo", "it", "en", api_name="/concept")
    card = result[0]
    assert "Analisi SWOT" in card
    assert any("SWOT analysis" in part for part in result if isinstance(part, str))


def test_upload_is_private_citable_and_removable(client, tmp_path: Path) -> None:  # noqa: ANN001
    doc = tmp_path / "quokka-pricing.txt"
    doc.write_text("Quokka pricing: our cafe charges a flat 3 euro for any coffee, every day, "
                   "to keep the Quokka pricing promise simple for students.", encoding="utf-8")
    _, status = client.predict(gradio_client.handle_file(str(doc)), "en", api_name="/upload")
    assert "quokka-pricing.txt" in status

    stranger = gradio_client.Client(client.src, verbose=False)  # another session
    mine = client.predict("en", api_name="/sources")
    theirs = stranger.predict("en", api_name="/sources")
    assert "quokka-pricing.txt" in str(mine[0]) and "quokka-pricing.txt" not in str(theirs[0])

    chat, _ = client.predict("What is the Quokka pricing promise?", "en", api_name="/ask")
    assert any("quokka-pricing.txt" in t for t in titles(chat))
    chat, _ = stranger.predict("What is the Quokka pricing promise?", "en", api_name="/ask")
    assert not any("quokka-pricing.txt" in t for t in titles(chat))

    source_id = mine[2]["value"] if isinstance(mine[2], dict) else mine[2]
    assert client.predict(source_id, "en", api_name="/remove_document")
    after = client.predict("en", api_name="/sources")
    assert "quokka-pricing.txt" not in str(after[0])


def test_no_endpoint_takes_an_owner_from_the_caller(client) -> None:  # noqa: ANN001
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert {"/ask", "/upload", "/sources", "/remove_document", "/start_interview",
            "/open_saved", "/saved_work"} <= set(endpoints)
    for name, info in endpoints.items():
        params = {p["parameter_name"] for p in info["parameters"]}
        assert not params & {"owner", "stored_owner", "token", "who"}, (name, params)


def test_a_second_client_cannot_see_or_remove_the_firsts_upload_or_interview(
        app: RunningApp, tmp_path: Path) -> None:
    first = gradio_client.Client(app.url, verbose=False)
    second = gradio_client.Client(app.url, verbose=False)
    doc = tmp_path / "wombat-secret.txt"
    doc.write_text("Wombat discount: members of the Wombat club get 40 percent off every "
                   "Tuesday, a secret promotion for loyal customers only.", encoding="utf-8")
    first.predict(gradio_client.handle_file(str(doc)), "en", api_name="/upload")
    listing = first.predict("en", api_name="/sources")
    source_id = listing[2]["value"] if isinstance(listing[2], dict) else listing[2]
    assert source_id and "wombat-secret.txt" in str(listing[0])
    first.predict("en", api_name="/start_interview")
    first.predict("Wombat Bakery, a family bakery in Lyon", "en", api_name="/answer")
    saved = first.predict("en", api_name="/saved_work")["choices"]
    interview = next(value for _, value in saved if value.startswith("interview:"))

    assert "wombat" not in str(second.predict("en", api_name="/sources")[0]).lower()
    assert second.predict("en", api_name="/saved_work")["choices"] == []
    chat, _ = second.predict("What is the Wombat discount?", "en", api_name="/ask")
    assert not any("wombat-secret" in t for t in titles(chat))
    with pytest.raises(Exception, match="no document") as err:
        second.predict(source_id, "en", api_name="/remove_document")
    assert "Traceback" not in str(err.value)
    with pytest.raises(Exception) as err:  # knowing the id is not enough to open it
        second.predict(interview, "en", api_name="/open_saved")
    assert "Wombat" not in str(err.value) and "Traceback" not in str(err.value)

    # The first client still has both, untouched.
    assert "wombat-secret.txt" in str(first.predict("en", api_name="/sources")[0])
    reopened = first.predict(interview, "en", api_name="/open_saved")
    assert "Question 2 of" in reopened[0]


def test_api_parameters_and_outputs_have_meaningful_names(client) -> None:  # noqa: ANN001
    """gradio_client users see names such as `question` or `card`, never `value_34`."""
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    for name, info in endpoints.items():
        for part in (*info["parameters"], *info["returns"]):
            label = str(part.get("parameter_name") or part.get("label") or "")
            assert not re.fullmatch(r"(value|param|parameter)_\d+", label), (name, part)
