"""Ingestion: idempotent, incremental per file, removals, orphans after a crash."""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant import Assistant
from assistant.indexing.chunking import split_source
from assistant.indexing.ingest import DENSE_ONLY_KINDS
from tests.conftest import ROOT, make_settings


def _kb_copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", target)
    return target


def test_ingest_twice_changes_nothing(assistant: Assistant) -> None:
    before = {r.id for r in assistant.runtime.store.records(include_documents=False)}
    report = assistant.ingest()
    assert report.added == report.updated == report.removed == []
    assert report.chunks_added == report.chunks_removed == 0
    assert {r.id for r in assistant.runtime.store.records(include_documents=False)} == before


def test_changing_one_file_reindexes_only_it_and_removed_files_disappear(
        data_dir: Path, tmp_path: Path) -> None:
    knowledge = _kb_copy(tmp_path)
    assistant = Assistant(make_settings(data_dir, knowledge_dir=knowledge))
    article = knowledge / "articles" / "fr-strategique-operationnel.md"
    article.write_text(article.read_text("utf-8") + "\n\nUn paragraphe ajouté.\n", "utf-8")
    (knowledge / "articles" / "it-marketing-operativo.md").unlink()
    report = assistant.ingest()
    assert report.updated == ["fr-strategique-operationnel"]
    assert report.removed == ["it-marketing-operativo"]
    assert report.added == []
    sources = {r.source_id for r in assistant.sources()}
    assert "it-marketing-operativo" not in sources
    assert not list(assistant.runtime.store.records(where={"source_id": "it-marketing-operativo"}))
    assert "it-marketing-operativo" not in {
        f[1]["source_id"] for f in assistant.runtime.lexical._docs.values()
    }


def test_orphan_chunks_of_an_interrupted_ingest_are_removed(assistant: Assistant) -> None:
    source = next(s for s in assistant.runtime.knowledge.sources() if s.kind == "article")
    from dataclasses import replace

    half = replace(source, text=source.text + "\n\nTexto nuevo que nunca se registró.")
    chunks = split_source(half)
    from assistant.indexing.embeddings import embed

    # Chunks stored, registry never updated: what a crash in the middle leaves behind.
    rt = assistant.runtime
    rt.store.add(chunks, embed(rt.embedding_function, [c.text for c in chunks]))
    assert assistant.runtime.ingestor.reconcile() == len(chunks)
    ids = {r.id for r in assistant.runtime.store.records(include_documents=False)}
    assert not ids & {c.id for c in chunks}
    assert assistant.runtime.lexical.ids == _searchable_by_words(assistant)


def test_a_lexical_index_of_an_older_format_is_rebuilt_from_the_store(data_dir: Path) -> None:
    import json

    first = Assistant(make_settings(data_dir))
    path = first.runtime.lexical_path
    path.write_text(json.dumps({"version": 1, "stem": 6, "docs": {}}), encoding="utf-8")
    again = Assistant(make_settings(data_dir))
    hits = again.search("Quali decisioni prende il marketing strategico?", k=5, mode="lexical")
    assert hits
    assert again.runtime.lexical.ids == _searchable_by_words(again)
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 2


def test_search_before_ingest_tells_the_user_to_ingest(tmp_path: Path) -> None:
    from assistant.errors import StoreMissing

    assistant = Assistant(make_settings(tmp_path / "empty"))
    try:
        assistant.search("hola")
    except StoreMissing:
        pass
    else:
        raise AssertionError("expected StoreMissing")
    assert not assistant.is_ingested()


def test_collection_reopens_with_its_registered_embedding_function(data_dir: Path) -> None:
    import chromadb

    import assistant.indexing.embeddings  # noqa: F401 - registers the embedding function

    client = chromadb.PersistentClient(path=str(data_dir / "chroma"))
    collection = client.get_collection("estratega")  # no embedding function passed
    got = collection.query(query_texts=["¿Qué es el DAFO?"], n_results=1)
    assert got["metadatas"][0][0]["source_id"].startswith("concept:swot")


def test_corrupt_store_tells_the_user_to_rebuild(data_dir: Path) -> None:
    import subprocess
    import sys

    (data_dir / "chroma" / "chroma.sqlite3").write_bytes(b"this is not a database" * 100)
    env = {**__import__("os").environ, "ESTRATEGA_DATA_DIR": str(data_dir)}
    result = subprocess.run([sys.executable, "-m", "assistant", "search", "ROI"], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "--rebuild" in result.stderr and "Traceback" not in result.stderr
    rebuilt = subprocess.run([sys.executable, "-m", "assistant", "ingest", "--rebuild"],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert list(data_dir.glob("chroma.damaged-*"))  # the damaged store is kept, not deleted


def _searchable_by_words(assistant: Assistant) -> set[str]:
    """The stored chunks BM25 must hold: all but the dense-only kinds (the playbook guides)."""
    return {r.id for r in assistant.runtime.store.records(include_documents=False)
            if r.metadata.get("kind") not in DENSE_ONLY_KINDS}
