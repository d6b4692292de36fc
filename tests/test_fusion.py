"""Fast unit tests of the hybrid fusion over a real Chroma in a temp dir, with the deterministic
hashed embedding model of tests/fakes.py instead of the real one."""

from __future__ import annotations

from pathlib import Path

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings

from assistant.documents import Chunk
from assistant.indexing.store import ChunkStore
from assistant.search.concepts import ConceptIndex
from assistant.search.lexical import LexicalIndex
from assistant.search.retrieval import HybridRetriever
from tests.fakes import HashEmbeddings, embed_texts, hashed_vector

TEXTS = {
    "es-1": ("es", "article", "", "El presupuesto de marketing operativo se renueva cada año."),
    "fr-1": ("fr", "article", "", "La segmentation du marché divise les clients en groupes."),
    "it-1": ("it", "article", "", "Il posizionamento del marchio guida ogni decisione tattica."),
    "en-1": ("en", "article", "", "Email newsletters keep past customers coming back."),
    "es-up": ("es", "upload", "ana", "La tienda de bicicletas de Ana invierte en Instagram."),
}


def _chunk(cid: str, lang: str, kind: str, owner: str, text: str) -> Chunk:
    return Chunk(source_id=cid, title=cid, kind=kind, language=lang, position=0, text=text,
                 revision="r1", owner=owner)


@pytest.fixture
def retriever(tmp_path: Path) -> HybridRetriever:
    client = chromadb.PersistentClient(path=str(tmp_path / "chroma"),
                                       settings=ChromaSettings(anonymized_telemetry=False))
    store = ChunkStore(client, "unit", HashEmbeddings(), str(tmp_path)).open(create=True)
    chunks = [_chunk(cid, *fields) for cid, fields in TEXTS.items()]
    store.add(chunks, embed_texts([c.text for c in chunks]))
    lexical = LexicalIndex()
    for c in chunks:
        lexical.add(c.id, c.text, {"language": c.language, "kind": c.kind,
                                   "source_id": c.source_id, "owner": c.owner})
    return HybridRetriever(store, lexical, hashed_vector, ConceptIndex([]))


def test_both_rankers_agreeing_put_the_passage_first(retriever: HybridRetriever) -> None:
    hits = retriever.search("presupuesto de marketing operativo", 3, query_language="es")
    assert hits[0].source_id == "es-1"
    assert set(hits[0].ranks) == {"dense", "lexical"}


def test_lexical_cognates_find_a_passage_in_another_language(
        retriever: HybridRetriever) -> None:
    # Hashed vectors share no axis across languages; only the cognate BM25 can bridge them.
    hits = retriever.search("segmentazione del mercato", 3, query_language="it",
                            mode="lexical")
    assert hits and hits[0].source_id == "fr-1"


def test_filters_hide_other_owners_uploads_and_other_languages(
        retriever: HybridRetriever) -> None:
    assert "es-up" not in {h.source_id for h in retriever.search("tienda de bicicletas", 5,
                                                                  owner="bob")}
    assert retriever.search("tienda de bicicletas", 5, owner="ana")[0].source_id == "es-up"
    only_fr = retriever.search("marketing", 5, language="fr")
    assert only_fr and {h.language for h in only_fr} == {"fr"}


def test_scores_are_ordered_and_deterministic(retriever: HybridRetriever) -> None:
    first = retriever.search("clientes marketing marchio", 5)
    again = retriever.search("clientes marketing marchio", 5)
    assert [h.chunk_id for h in first] == [h.chunk_id for h in again]
    assert [h.score for h in first] == sorted((h.score for h in first), reverse=True)
