"""What one upload may cost under the upload limits (assistant/indexing/upload_limits.py): the
worst accepted document (varied prose up to the passage limit) and the refused ones (one phrase
repeated over 19.9 MB, a document past the limit), each with its seconds and passages, on a
copy of the data folder. The issue's case: a 19.9 MB repeated phrase became 22,705 passages
and 22 minutes of one core.

    ESTRATEGA_EMBEDDING_THREADS=1 .venv/bin/python benchmarks/upload_cost.py [--set dev|blind]

`--set blind` reads the documents to try from tests/eval/upload_cost/ (any .txt/.md there)
instead of the generated ones.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import Assistant  # noqa: E402
from assistant.errors import UploadRejected  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from tests.long_text import varied_paragraphs  # noqa: E402

PHRASE = "Oferta especial: compra hoy y ahorra en tu próxima visita a la tienda. "


def documents(settings: Settings, which: str) -> list[tuple[str, bytes]]:
    """(name, bytes) of the uploads to time."""
    if which == "blind":
        folder = ROOT / "tests" / "eval" / "upload_cost"
        return [(p.name, p.read_bytes()) for p in sorted(folder.glob("*")) if p.is_file()]
    limit = settings.upload_max_chunks
    return [
        ("worst-accepted.md", _fit(limit).encode()),
        ("repeated-phrase-19.9MB.txt", (PHRASE * int(19.9 * 2**20 / len(PHRASE.encode()))
                                        ).encode()[: int(19.9 * 2**20)]),
        ("repeated-phrase-0.6MB.txt", (PHRASE * int(0.6 * 2**20 / len(PHRASE.encode()))
                                       ).encode()),
        ("one-passage-too-many.md", _fit(limit + 1).encode()),
    ]


def _fit(paragraphs: int) -> str:
    """Varied prose of ~750-character paragraphs: one passage each (checked when printed)."""
    return varied_paragraphs(paragraphs, "Informe, párrafo", words=80)


def main() -> None:
    """Print seconds and passages for each upload, accepted or refused."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", choices=["dev", "blind"], default="dev")
    parser.add_argument("--data", type=Path, default=ROOT / "data",
                        help="an ingested data folder to copy (default: ./data)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        if args.data.exists():
            shutil.copytree(args.data, data)
        assistant = Assistant(Settings(data_dir=data))
        if not assistant.is_ingested():
            assistant.ingest()
        settings = assistant.settings
        assistant.open()
        print(f"limits: {settings.upload_max_chunks} passages/document, "
              f"{settings.upload_max_documents} documents and {settings.upload_max_user_chunks} "
              f"passages/user, {settings.upload_index_seconds:g} s/document")
        for name, data_bytes in documents(settings, args.set):
            started = time.perf_counter()
            try:
                record = assistant.add_document(name, data_bytes, owner=f"bench:{name}")
                outcome = f"accepted, {record.chunks} passages"
            except UploadRejected as err:
                outcome = f"refused ({err.params.get('reason')})"
            seconds = time.perf_counter() - started
            print(f"{name:<30} {len(data_bytes) / 2**20:6.2f} MB  {seconds:7.2f} s  {outcome}")


if __name__ == "__main__":
    main()
