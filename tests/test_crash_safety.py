"""A process killed (SIGKILL) in the middle of indexing an upload leaves all of it or none."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant import Assistant
from tests.conftest import ROOT, make_settings

SCRIPT = """
import sys
from assistant import Assistant
from tests.conftest import make_settings
from pathlib import Path
from tests.long_text import varied_paragraphs
a = Assistant(make_settings(Path(sys.argv[1]), upload_max_chunks=5000,
                            upload_index_seconds=3600))
text = varied_paragraphs(1200, "La tienda de bicicletas de Ana, párrafo", words=45)
a.add_document("grande.txt", text.encode(), owner="u1",
               progress=lambda share, label: print(f"progress {share:.3f}", flush=True))
print("done", flush=True)
"""


def _spawn(script: str, data: Path) -> subprocess.Popen[str]:
    """Run a script in a child Python that the test can SIGKILL."""
    return subprocess.Popen([sys.executable, "-c", script, str(data)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.slow
def test_sigkill_during_upload_indexing_leaves_whole_document_or_none(data_dir: Path) -> None:
    proc = _spawn(SCRIPT, data_dir)
    assert proc.stdout is not None
    # Kill once the child reports that embedding has started but not finished: the kill lands
    # inside indexing, never before or after it.
    share = 0.0
    while not 0.3 < share < 0.9:
        line = proc.stdout.readline().split()
        assert line and line[0] == "progress", "the child ended before it was killed"
        share = float(line[1])
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assistant = Assistant(make_settings(data_dir))
    assistant.search("bicicletas de Ana", k=1)  # opening reconciles and restores
    registered = {r.source_id: r for r in assistant.sources() if r.kind == "upload"}
    stored: dict[str, int] = {}
    store = assistant.runtime.store
    for record in store.records(include_documents=False, where={"kind": "upload"}):
        sid = str(record.metadata["source_id"])
        stored[sid] = stored.get(sid, 0) + 1
    assert set(stored) == set(registered)
    for sid, record in registered.items():
        assert stored[sid] == record.chunks
    indexed = {f[1]["source_id"] for f in assistant.runtime.lexical._docs.values()
               if f[1].get("kind") == "upload"}
    assert indexed == set(registered)


INTERVIEW_SCRIPT = """
import sys
from pathlib import Path
from tests.plan_fixtures import make_service
from tests.test_interview_machine import TEXT_ANSWERS
service = make_service(Path(sys.argv[1]))
while True:
    view = service.start_interview("owner", "es")
    while view.slot is not None:  # whatever question is pending
        view = service.answer(view.interview_id, TEXT_ANSWERS[view.slot], "owner")
        print("saved", view.interview_id, view.step, flush=True)
    view = service.confirm(view.interview_id, "owner")
    print("plan", view.plan_id, flush=True)
"""


@pytest.mark.slow
def test_sigkill_during_interviews_and_plan_drafts_loses_nothing_saved(tmp_path: Path) -> None:
    from tests.plan_fixtures import make_service

    proc = _spawn(INTERVIEW_SCRIPT, tmp_path)
    assert proc.stdout is not None
    lines: list[str] = []
    while sum(line.startswith("plan") for line in lines) < 3:
        line = proc.stdout.readline()
        assert line, f"the child stopped before drafting 3 plans (exit {proc.wait()})"
        lines.append(line)
    time.sleep(0.37)  # somewhere in the middle of the next interview or draft
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    lines += proc.stdout.read().splitlines()
    service = make_service(tmp_path)
    last_saved: dict[str, int] = {}
    for line in lines:
        if line.startswith("saved"):
            _, interview_id, step = line.split()
            last_saved[interview_id] = int(step)
    for interview_id, step in last_saved.items():
        assert service.get_interview(interview_id, "owner").step >= step
    plans = service.list_plans("owner")
    assert len(plans) >= 3
    for record in plans:
        plan = service.get_plan(record.id, "owner")
        assert service.findings(plan) == []
