"""Chat answers through a real llama.cpp server (SmolLM2-135M on loopback) and the embedded
`local` backend. The model is tiny and loops: the tests check outcomes (an answer, valid
citations, the fallback notice), never its wording."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.answering.answers import Answer
from assistant.backends import make_chat_model
from assistant.errors import LocalModelMissing, LocalModelUnloadable, LocalRuntimeMissing
from assistant.messages import describe
from assistant.prompts import PromptLibrary
from assistant.settings import PROJECT_ROOT, Settings
from tests.conftest import make_settings
from tests.llama_server import MODEL_PATH, LlamaServer

pytestmark = pytest.mark.slow

# Two passages keep the prompt (and so each call) short on one thread.
SMALL = {"top_k": 2, "max_retries": 0, "temperature": 0.0}


def _remote(data: Path, server: LlamaServer, **overrides: object) -> Assistant:
    values = {"chat_backend": "openai", "openai_base_url": server.base_url,
              "chat_model": "smollm2", "request_timeout": 60, "max_tokens": 48,
              **SMALL, **overrides}
    return Assistant(make_settings(data, **values))


def _stream(assistant: Assistant, question: str) -> tuple[list, Answer]:
    events = list(assistant.stream(question))
    return events, events[-1].answer


def _sources_are_sound(answer: Answer) -> bool:
    """Sources are listed, and each one the text cites by marker is in the text."""
    cited = [c for c in answer.citations if not c.consulted]
    return bool(answer.citations) and all(c.passage for c in answer.citations) and all(
        f"[{c.marker}]" in answer.text for c in cited)


def test_streams_a_model_answer_within_max_tokens(ingested_dir: Path,
                                                  llama_server: LlamaServer) -> None:
    assistant = _remote(ingested_dir, llama_server, max_tokens=24)
    events, answer = _stream(assistant, "What is operational marketing?")
    deltas = [e for e in events if e.type == "delta"]
    assert len(deltas) > 3  # tokens arrive one by one, not as one block
    assert answer.composer.startswith("smollm2") and not answer.notice
    assert answer.text.strip() and answer.language == "en"
    # 24 tokens cannot make more than 24 words (the server honoured max_tokens)
    assert len(answer.text.split()) <= 24
    assert _sources_are_sound(answer)


def test_timeout_falls_back_to_cited_grounded_answer(ingested_dir: Path,
                                                     llama_server: LlamaServer) -> None:
    # A prompt of two passages takes llama.cpp far longer than 50 ms to read on one thread.
    assistant = _remote(ingested_dir, llama_server, request_timeout=0.05)
    events, answer = _stream(assistant, "¿Qué es el marketing operativo?")
    assert events[0].type == "notice"
    assert "0.05" in answer.notice and answer.language == "es"
    assert answer.composer == "grounded" and answer.citations
    # The server dropped the abandoned request and still answers the next one.
    _, after = _stream(_remote(ingested_dir, llama_server, max_tokens=16),
                       "Qu'est-ce que le marketing opérationnel ?")
    assert after.composer.startswith("smollm2") and after.text


def test_local_backend_runs_the_gguf_in_process(ingested_dir: Path) -> None:
    if not MODEL_PATH.is_file():
        pytest.skip("run `make models`")
    assert Settings(_env_file=None).chat_backend == "grounded"  # never the default
    assistant = Assistant(make_settings(ingested_dir, chat_backend="local",
                                        local_model_path=MODEL_PATH, max_tokens=16, **SMALL))
    server = assistant.runtime.chat_model._local_server
    try:
        _, answer = _stream(assistant, "Che cos'è il marketing operativo?")
        assert answer.composer == f"{MODEL_PATH.name} @ local" and not answer.notice
        assert answer.text.strip() and len(answer.text.split()) <= 16
        assert server.base_url.startswith("http://127.0.0.1:")
    finally:
        server.stop()


def test_local_backend_errors_are_clear_in_the_users_language(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    prompts = PromptLibrary(PROJECT_ROOT / "prompts")
    missing = tmp_path / "nope.gguf"
    with pytest.raises(LocalModelMissing) as err:
        make_chat_model(make_settings(tmp_path, chat_backend="local", local_model_path=missing))
    assert str(missing) in describe(err.value, "fr", prompts)
    assert "ESTRATEGA_LOCAL_MODEL_PATH" in describe(err.value, "es", prompts)
    with pytest.raises(LocalModelMissing):  # the setting left unset
        make_chat_model(make_settings(tmp_path, chat_backend="local"))
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(LocalModelUnloadable) as err:
        make_chat_model(make_settings(tmp_path, chat_backend="local", local_model_path=broken))
    assert "gguf" in describe(err.value, "it", prompts)
    monkeypatch.setitem(sys.modules, "xllamacpp", None)  # the `local` extra not installed
    broken.write_bytes(b"x")
    with pytest.raises(LocalRuntimeMissing) as err:
        make_chat_model(make_settings(tmp_path, chat_backend="local", local_model_path=broken))
    assert "[local]" in describe(err.value, "en", prompts)


def test_plan_draft_through_llama_cpp_json_schema_ends_valid(tmp_path: Path,
                                                             llama_server: LlamaServer) -> None:
    """The tiny model is asked for schema-constrained JSON; whether it manages or is cut at
    the token limit, the plan is valid and any fallback is marked."""
    from assistant.backends import classify_backend_error
    from assistant.planning.drafting import PlanDrafter
    from assistant.planning.plan import validate_plan
    from tests.plan_fixtures import ANSWERS, PLAYBOOK, PROMPTS, make_service

    settings = make_settings(tmp_path, chat_backend="openai", chat_model="smollm2",
                             openai_base_url=llama_server.base_url, max_tokens=48,
                             request_timeout=120, temperature=0.0)
    model = make_chat_model(settings)
    service = make_service(tmp_path)  # the deterministic plan first, without a model
    saved = service.draft_plan(ANSWERS, "ana")
    service.drafter = PlanDrafter(model, PROMPTS, PLAYBOOK, repairs=1, timeout=240,
                                  classify=lambda exc: str(classify_backend_error(
                                      exc, settings).params.get("kind")))
    events: list[tuple[str, str, int]] = []
    plan = service.regenerate_section(saved.id, "diagnosis", "ana",
                                      progress=lambda *e: events.append(e))
    assert not validate_plan(plan) and plan.business == ANSWERS["business"]
    assert events[0] == ("diagnosis", "started", 1)
    if "diagnosis" in plan.model_sections:
        assert events[-1][1] == "done"
    else:  # cut mid-JSON at 48 tokens: repaired once, then the computed diagnosis stays, marked
        assert ("diagnosis", "repair", 2) in events and events[-1][1] == "fallback"
        assert plan.draft_notes and "Diagnóstico" in plan.draft_notes[0]
        assert "HTTP" not in plan.draft_notes[0]  # a draft problem, not a server fault
