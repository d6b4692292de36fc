"""A read-only data directory and a full disk: a clear error, nothing already stored is damaged.

Uses real mounts (a read-only bind mount, a small tmpfs); skipped where mounting is not allowed."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.errors import DataDirNotWritable, EstrategaError
from assistant.messages import describe
from tests.conftest import make_settings
from tests.long_text import varied_paragraphs

TEXT = ("El restaurante Sol de Mayo, en Valencia, quiere llenar las mesas de los martes con "
        "un menú degustación y una campaña de reseñas en Google. ").encode() * 5


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def mounts() -> Iterator[list[Path]]:
    mounted: list[Path] = []
    yield mounted
    for path in reversed(mounted):
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def _snapshot(assistant: Assistant) -> tuple[int, int, list[str]]:
    hits = assistant.search("¿Qué es el marketing operativo?", k=3)
    return assistant.runtime.store.count(), len(assistant.sources()), [h.chunk_id for h in hits]


@pytest.mark.slow
def test_read_only_data_dir_gives_a_clear_error_and_keeps_data(
        data_dir: Path, tmp_path: Path, mounts: list[Path]) -> None:
    before = _snapshot(Assistant(make_settings(data_dir)))
    readonly = tmp_path / "ro"
    readonly.mkdir()
    if not _mount("--bind", "-o", "ro", str(data_dir), str(readonly)):
        pytest.skip("bind mounts are not permitted here")
    mounts.append(readonly)
    assistant = Assistant(make_settings(readonly))
    with pytest.raises(EstrategaError) as upload:
        assistant.add_document("sol.txt", TEXT, owner="u1")
    assert isinstance(upload.value, DataDirNotWritable)
    assert "solo lectura" in describe(upload.value, "es", assistant.runtime.prompts)
    with pytest.raises(DataDirNotWritable):
        assistant.plans.start_interview(owner="u1", lang="es")
    subprocess.run(["umount", str(readonly)], check=True)
    mounts.clear()
    assert _snapshot(Assistant(make_settings(data_dir))) == before


@pytest.mark.slow
def test_full_disk_gives_a_clear_error_and_keeps_data(
        data_dir: Path, tmp_path: Path, mounts: list[Path]) -> None:
    small = tmp_path / "small"
    small.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=24m", "tmpfs", str(small)):
        pytest.skip("tmpfs mounts are not permitted here")
    mounts.append(small)
    target = small / "data"
    shutil.copytree(data_dir, target)
    assistant = Assistant(make_settings(target))
    before = _snapshot(assistant)
    interview = assistant.plans.start_interview(owner="u1", lang="es")
    filler = small / f"filler-{uuid.uuid4().hex}"
    with open(filler, "wb", buffering=0) as handle:  # to the last byte; nothing left to flush
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    big = varied_paragraphs(300, "Sol de Mayo").encode()  # prose, not one phrase repeated
    with pytest.raises(DataDirNotWritable):
        assistant.add_document("sol.txt", big, owner="u1")
    with pytest.raises(DataDirNotWritable):
        for _ in range(50):
            assistant.plans.answer(interview.interview_id, "Sol de Mayo, restaurante en Valencia",
                             owner="u1")
    filler.unlink()
    reopened = Assistant(make_settings(target))
    assert _snapshot(reopened)[:2] == before[:2]
    assert reopened.plans.get_interview(interview.interview_id, owner="u1").step >= 1
    assert reopened.add_document("sol.txt", TEXT, owner="u1").chunks >= 1
