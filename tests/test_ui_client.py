"""The app's API endpoints through `gradio_client`: ask, concept, upload, sources, remove."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui_server import RunningApp, running_app

pytestmark = pytest.mark.slow
gradio_client = pytest.importorskip("gradio_client")


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    with running_app(tmp_path_factory.mktemp("api") / "data") as running:
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
    """Source titles under the last answer (messages after the last question)."""
    last_question = max(i for i, m in enumerate(chat) if m["role"] == "user")
    return [(m.get("metadata") or {}).get("title", "") for m in chat[last_question + 1 :]]


def test_ask_returns_a_cited_answer_in_the_questions_language(client) -> None:  # noqa: ANN001
    chat, question = client.predict("¿Qué es el CAC?", "browser:api-a", "es", api_name="/ask")
    said = texts(chat)
    assert question == ""
    assert said[0] == "¿Qué es el CAC?"
    assert "[1]" in said[1] and "Respondido por" in said[1]
    assert titles(chat)[1].startswith("[1] ")


def test_ask_with_an_empty_question_is_a_readable_error(client) -> None:  # noqa: ANN001
    with pytest.raises(Exception, match="Escribe|pregunta|Please type") as err:
        client.predict("   ", "browser:api-a", "es", api_name="/ask")
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
    _, status = client.predict(gradio_client.handle_file(str(doc)), "browser:api-a", "en",
                               api_name="/upload")
    assert "quokka-pricing.txt" in status

    mine = client.predict("browser:api-a", "en", api_name="/sources")
    theirs = client.predict("browser:api-b", "en", api_name="/sources")
    assert "quokka-pricing.txt" in str(mine[0]) and "quokka-pricing.txt" not in str(theirs[0])

    chat, _ = client.predict("What is the Quokka pricing promise?", "browser:api-a", "en",
                             api_name="/ask")
    assert any("quokka-pricing.txt" in t for t in titles(chat))
    stranger = gradio_client.Client(client.src, verbose=False)  # another session
    chat, _ = stranger.predict("What is the Quokka pricing promise?", "browser:api-b", "en",
                               api_name="/ask")
    assert not any("quokka-pricing.txt" in t for t in titles(chat))

    source_id = mine[2]["value"] if isinstance(mine[2], dict) else mine[2]
    assert client.predict(source_id, "browser:api-a", "en", api_name="/remove_document")
    after = client.predict("browser:api-a", "en", api_name="/sources")
    assert "quokka-pricing.txt" not in str(after[0])
