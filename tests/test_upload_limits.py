"""The work one upload may cause is bounded: repetitive text, passages per document, documents
and passages per user, indexing time; one user's indexing never holds up another's."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.errors import UploadRejected
from assistant.messages import describe
from tests.conftest import ROOT, make_settings

ARTICLE = (ROOT / "knowledge/articles/es-marketing-operativo.md").read_text("utf-8")  # ~17 chunks
SHORT = ("La Bottega di Marta vende ceramiche fatte a mano a Bologna. Il budget di marketing "
         "per il 2027 è di 6.000 euro, soprattutto per Instagram e per i mercatini.")


def limited(data_dir: Path, **limits: float) -> Assistant:
    return Assistant(make_settings(data_dir, **limits))


def rejected(assistant: Assistant, name: str, text: str, owner: str = "ana") -> UploadRejected:
    with pytest.raises(UploadRejected) as info:
        assistant.add_document(name, text.encode("utf-8"), owner=owner)
    return info.value


def upload_ids(assistant: Assistant) -> set[str]:
    return {r.source_id for r in assistant.sources() if r.kind == "upload"}


def test_a_file_of_one_repeated_phrase_is_refused_before_it_is_indexed(
        assistant: Assistant) -> None:
    """A 19.9 MB file of one phrase once became 22,705 chunks; 400 KB shows the same."""
    before = assistant.runtime.store.count()
    phrase = "Oferta especial: compra hoy y ahorra en tu próxima visita a la tienda. "
    for text in (phrase * 5600, (phrase + "\n") * 5600):
        err = rejected(assistant, "oferta.txt", text)
        assert err.params["reason"] == "repetitive"
    assert assistant.runtime.store.count() == before and not upload_ids(assistant)
    assert not list(assistant.settings.uploads_dir.glob("*.json"))
    message = describe(err, "es", assistant.runtime.prompts)
    assert "oferta.txt" in message and "repite" in message
    # The same phrase as 5,600 paragraphs collapses to one: one passage, not thousands.
    record = assistant.add_document("oferta.md", ((phrase + "\n\n") * 5600).encode(), "ana")
    assert record.chunks == 1


def test_repeated_paragraphs_are_kept_once(assistant: Assistant) -> None:
    footer = "Confidencial. Prohibida su distribución sin permiso de la dirección."
    text = "\n\n".join(p for part in ARTICLE.split("\n\n")[:6] for p in (part, footer))
    record = assistant.add_document("informe.md", text.encode("utf-8"), owner="ana")
    stored = [r.text for r in assistant.runtime.store.records(
        where={"source_id": record.source_id})]
    assert sum(chunk.count("Confidencial.") for chunk in stored) == 1


def test_a_document_over_the_passage_limit_is_refused_with_the_limit(data_dir: Path) -> None:
    assistant = limited(data_dir, upload_max_chunks=5)
    err = rejected(assistant, "largo.md", ARTICLE)
    assert err.params["reason"] == "too_many_chunks" and err.params["limit"] == 5
    assert "5 pasajes" in describe(err, "es", assistant.runtime.prompts)
    assert not upload_ids(assistant)
    err = rejected(assistant, "enorme.md", ARTICLE * 40)  # refused before it is split
    assert err.params["reason"] == "too_many_chunks"


def test_documents_and_passages_per_user_are_limited(data_dir: Path) -> None:
    assistant = limited(data_dir, upload_max_documents=2, upload_max_user_chunks=20)
    assistant.add_document("uno.txt", SHORT.encode(), owner="ana")
    assistant.add_document("dos.txt", (SHORT + " Due.").encode(), owner="ana")
    err = rejected(assistant, "tres.txt", SHORT + " Tre.")
    assert err.params["reason"] == "too_many_documents"
    assert "2 documenti" in describe(err, "it", assistant.runtime.prompts)
    assistant.add_document("dos.txt", (SHORT + " Due.").encode(), owner="ana")  # same file again
    assistant.add_document("corto.md", ARTICLE[:3000].encode(), owner="luc")  # another user
    err = rejected(assistant, "articulo.md", ARTICLE, owner="luc")  # ~4 + ~17 passages > 20
    assert err.params["reason"] == "user_chunks" and err.params["limit"] == 20


def test_indexing_past_its_time_budget_stores_nothing(data_dir: Path) -> None:
    assistant = limited(data_dir, upload_index_seconds=1e-9)
    before = assistant.runtime.store.count()
    err = rejected(assistant, "articulo.md", ARTICLE)
    assert err.params["reason"] == "too_slow"
    assert assistant.runtime.store.count() == before and not upload_ids(assistant)
    assert not list(assistant.settings.uploads_dir.glob("*.json"))  # not restored on restart


def test_one_users_indexing_does_not_hold_up_anothers(assistant: Assistant) -> None:
    """Ana's upload is held mid-indexing: her second upload is refused at once with a reason,
    Luc's goes through meanwhile."""
    assistant.open()
    started, release = threading.Event(), threading.Event()
    done: list[object] = []

    def slow(share: float, _label: str) -> None:
        started.set()
        release.wait(60)

    worker = threading.Thread(target=lambda: done.append(assistant.add_document(
        "articulo.md", ARTICLE.encode(), owner="ana", progress=slow)))
    worker.start()
    try:
        assert started.wait(60)
        err = rejected(assistant, "bottega.txt", SHORT, owner="ana")
        assert err.params["reason"] == "busy"
        assert "attendez" in describe(err, "fr", assistant.runtime.prompts)
        assert assistant.add_document("bottega.txt", SHORT.encode(), owner="luc").owner == "luc"
    finally:
        release.set()
        worker.join(120)
    assert done and assistant.add_document("bottega.txt", SHORT.encode(), owner="ana")


def test_uploads_of_several_users_are_indexed_at_once_in_the_app(data_dir: Path) -> None:
    from assistant.ui import build_app

    app = build_app(limited(data_dir, upload_concurrency=3))
    upload = next(fn for fn in app.fns.values() if fn.api_name == "upload")
    assert upload.concurrency_limit == 3
