"""With the shared database out of reach, questions, answers and concepts keep working; only
saving and loading say they cannot, in one sentence in the user's language that names no
driver, user, host, port or database (those go to the log)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from assistant import Assistant
from assistant.errors import DatabaseUnavailable
from assistant.ui.context import UiContext
from assistant.ui.i18n import UiText
from tests.conftest import make_settings
from tests.pg_server import PostgresServer, pg_bin


@pytest.fixture
def offline(data_dir: Path) -> Iterator[tuple[Assistant, list[str]]]:
    """An app's assistant whose real PostgreSQL server stopped after it had started; the
    details a message must not show (driver, user, host, port, database)."""
    if pg_bin() is None:
        pytest.skip("PostgreSQL binaries not installed (make test installs Debian's postgresql)")
    server = PostgresServer().start()
    try:
        url = server.new_database()
        assistant = Assistant(make_settings(data_dir, database_url=url))
        assistant.open()
        assistant.concept("SWOT")  # warm: the concept index is built while the server is up
        server.stop()
        parts = urlparse(url)
        yield assistant, ["postgres", "psycopg", str(parts.username), str(parts.hostname),
                          str(parts.port), parts.path.strip("/"), "connection"]
    finally:
        server.destroy()


def test_questions_and_concepts_need_no_database(offline: tuple[Assistant, list[str]]) -> None:
    assistant, _ = offline
    turn = assistant.conversation.turn("browser:ana", "What is a SWOT analysis?", "en")
    assert turn.ask == "What is a SWOT analysis?"
    answer = assistant.ask(turn.ask, owner="browser:ana")
    assert answer.citations and "SWOT" in answer.text
    assert assistant.concept("SWOT", lang="es").explanation


def test_saving_says_it_cannot_in_one_sentence_without_details(
        offline: tuple[Assistant, list[str]], caplog: pytest.LogCaptureFixture) -> None:
    assistant, details = offline
    with pytest.raises(DatabaseUnavailable) as info:
        assistant.conversation.turn("browser:ana", "Quiero un plan de marketing", "es")
    ctx = UiContext(assistant, UiText(assistant.runtime.prompts), None, None)  # type: ignore
    with caplog.at_level(logging.WARNING, logger="estratega.ui"):
        shown = {lang: ctx.message(info.value, lang) for lang in ("es", "fr", "it", "en")}
    for lang, message in shown.items():
        assert not any(word in message.lower() for word in details), (lang, message)
        assert message.count(". ") == 0, (lang, message)  # one sentence
    assert "guardar" in shown["es"] and "enregistr" in shown["fr"]
    assert details[4] in caplog.text and details[5] in caplog.text  # for the operator
