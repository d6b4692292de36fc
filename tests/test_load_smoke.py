"""A short run of the load script: 5 simultaneous API users, no errors and no cross-talk."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.ui_server import RunningApp, running_app

pytestmark = pytest.mark.slow
pytest.importorskip("gradio_client")


@pytest.fixture(scope="module")
def app(fresh_data: Callable[[str], Path]) -> Iterator[RunningApp]:
    with running_app(fresh_data("load")) as running:
        yield running


def test_five_simultaneous_users_get_only_their_own_answers(app: RunningApp) -> None:
    from benchmarks.load import run, summary

    report = run([app.url], users=5, duration=12, max_actions=40, pids=[app.process.pid])
    print(summary(report))
    assert report.errors == []
    assert report.crosstalk == []
    own = report.latencies.get("chat_own_doc", [])
    assert len(report.latencies["upload"]) == 5 and len(own) >= 5  # it really ran
    assert report.memory, "the app's memory was never sampled"


def test_the_load_script_refuses_anything_but_loopback() -> None:
    from benchmarks.load import run

    with pytest.raises(SystemExit, match="non-loopback"):
        run(["http://example.com:7860/"], users=1, duration=1, max_actions=1, pids=[None])
