"""Shared fixtures: an ingested knowledge base in a temp dir, a scripted fake chat model, a real
loopback server speaking the OpenAI protocol, and no network beyond loopback."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage

from assistant import Assistant
from assistant.settings import PROJECT_ROOT, Settings
from tests.llama_server import MODEL_PATH, LlamaServer
from tests.openai_server import OpenAIServer

ROOT = PROJECT_ROOT


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests may talk to loopback only."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and not (host.startswith("127.") or host in ("localhost", "::1")
                                          or host.startswith("/")):
            raise OSError(f"network blocked in tests: {host}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


# Property tests: `make test` tries 150 answer sets, the fast tier (`make check`, which picks
# the profile with HYPOTHESIS_PROFILE=fast) 25.
hypothesis_settings.register_profile("full", max_examples=150)
hypothesis_settings.register_profile("fast", max_examples=25)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "full"))

# Fixtures that load the real embedding model or index the knowledge base: tests using them
# are marked `heavy` and left out of the fast tier (`make check`). `understander` is the
# understanding step over the real model (tests/plan_cases.py: 2 s to load it, then every
# example set embedded once).
HEAVY_FIXTURES = frozenset({"ingested_dir", "data_dir", "assistant", "shared_assistant",
                            "understander"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests that need the real model and store, so `-m "not heavy"` is fast."""
    for item in items:
        if HEAVY_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.heavy)


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    """Settings isolated from the developer's environment and .env."""
    values: dict[str, Any] = {"knowledge_dir": ROOT / "knowledge", "prompts_dir": ROOT / "prompts",
                              **overrides}
    return Settings(_env_file=None, data_dir=data_dir, **values)


@pytest.fixture(scope="session")
def ingested_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real knowledge base ingested once per test session (copied by `assistant`)."""
    data = tmp_path_factory.mktemp("kb")
    Assistant(make_settings(data)).ingest()
    return data


@pytest.fixture(scope="session")
def fresh_data(ingested_dir: Path, tmp_path_factory: pytest.TempPathFactory
               ) -> Callable[[str], Path]:
    """Make a private copy of the ingested data dir for an app under test (it then starts
    without indexing the knowledge base again)."""

    def copy(name: str) -> Path:
        target = tmp_path_factory.mktemp(name) / "data"
        shutil.copytree(ingested_dir, target)
        return target

    return copy


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Debian Chromium for all browser tests (each test opens its own context)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    from tests.ui_server import launch_chromium

    with sync_api.sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def data_dir(ingested_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the ingested data dir that a test may change."""
    target = tmp_path / "data"
    shutil.copytree(ingested_dir, target)
    return target


@pytest.fixture
def assistant(data_dir: Path) -> Assistant:
    """A grounded (no model) assistant over a private copy of the real knowledge base."""
    return Assistant(make_settings(data_dir))


@pytest.fixture(scope="session")
def shared_assistant(ingested_dir: Path) -> Assistant:
    """A read-only assistant shared by tests that do not write."""
    return Assistant(make_settings(ingested_dir))


class ScriptedChatModel(GenericFakeChatModel):
    """Replies with the scripted texts in order and records every prompt it was sent."""

    received: list[list[BaseMessage]] = []

    @classmethod
    def with_replies(cls, *replies: str) -> ScriptedChatModel:
        model = cls(messages=iter([AIMessage(r) for r in replies]))
        model.received = []
        return model

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> Any:
        self.received.append(list(messages))
        return super()._generate(messages, *args, **kwargs)  # streaming goes through here too


@pytest.fixture
def scripted_model() -> type[ScriptedChatModel]:
    """The scripted fake chat model class (build one with `.with_replies(...)`)."""
    return ScriptedChatModel


@pytest.fixture
def openai_server() -> Iterator[OpenAIServer]:
    """A real HTTP server on loopback that speaks the chat-completions protocol."""
    server = OpenAIServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def llama_server() -> Iterator[LlamaServer]:
    """A real llama.cpp server (SmolLM2-135M, `make models`) on loopback, one thread."""
    if not MODEL_PATH.is_file():
        message = f"{MODEL_PATH.name} is missing: run `make models`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    server = LlamaServer(threads=Settings(_env_file=None).local_threads)
    server.start()
    yield server
    server.stop()
