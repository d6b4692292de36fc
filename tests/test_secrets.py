"""API keys never appear in logs, error messages, exports or settings dumps."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import Assistant
from tests.conftest import ROOT, make_settings
from tests.openai_server import OpenAIServer

KEY = "sk-estratega-SECRET-0123456789"


def test_key_is_absent_from_logs_notices_and_settings(
        data_dir: Path, openai_server: OpenAIServer, caplog: pytest.LogCaptureFixture) -> None:
    settings = make_settings(data_dir, chat_backend="openai", openai_api_key=KEY,
                             openai_base_url=openai_server.base_url, max_retries=0)
    assert KEY not in repr(settings) and KEY not in str(settings.model_dump())
    openai_server.fail(401)
    openai_server.fail(500)
    with caplog.at_level(logging.DEBUG):
        first = Assistant(settings).ask("¿Qué es el ROI?")
        second = Assistant(settings).ask("What is a KPI?")
    sent = {k.lower(): v for k, v in openai_server.headers[0].items()}
    assert sent["authorization"] == f"Bearer {KEY}"  # the key was really used
    assert first.notice and second.notice
    for text in (first.notice, second.notice, first.text, caplog.text):
        assert KEY not in text


def test_key_is_absent_from_cli_output_and_collection_config(
        ingested_dir: Path, openai_server: OpenAIServer) -> None:
    openai_server.fail(401)
    env = {**os.environ, "ESTRATEGA_DATA_DIR": str(ingested_dir), "ESTRATEGA_CHAT_BACKEND":
           "openai", "OPENAI_API_KEY": KEY, "ESTRATEGA_OPENAI_BASE_URL": openai_server.base_url,
           "ESTRATEGA_MAX_RETRIES": "0"}
    result = subprocess.run([sys.executable, "-m", "assistant", "ask", "¿Qué es el ROI?",
                             "--json"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0
    assert "API" in result.stdout and KEY not in result.stdout + result.stderr
    from assistant.indexing.embeddings import OpenAICompatibleEmbeddingFunction

    config = OpenAICompatibleEmbeddingFunction("m", "http://127.0.0.1:1", KEY).get_config()
    assert KEY not in str(config)
