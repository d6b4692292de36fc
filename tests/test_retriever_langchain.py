"""The hybrid retriever as a LangChain BaseRetriever: Documents with metadata, composable in
LCEL, traced as a retriever run."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.documents import Document
from langchain_core.runnables import RunnableLambda

from assistant import Assistant
from assistant.search.langchain_retriever import EstrategaRetriever


def _retriever(assistant: Assistant, **kwargs: Any) -> EstrategaRetriever:
    return EstrategaRetriever(retriever=assistant.open().retriever, **kwargs)


def test_it_is_a_langchain_retriever_returning_documents_with_metadata(
        shared_assistant: Assistant) -> None:
    retriever = _retriever(shared_assistant, k=3)
    docs = retriever.invoke("¿Qué es el DAFO?")
    assert len(docs) == 3 and all(isinstance(d, Document) for d in docs)
    assert docs[0].metadata["source_id"] == "concept:swot:es"  # concepts first, as in the app
    for doc in docs:
        assert {"source_id", "title", "language", "kind", "score"} <= set(doc.metadata)
        assert doc.page_content and doc.metadata["score"] > 0
    scores = [d.metadata["score"] for d in docs]
    assert scores == sorted(scores, reverse=True)


def test_filters_reach_the_hybrid_search(shared_assistant: Assistant) -> None:
    docs = _retriever(shared_assistant, k=4, language="it", kind="article").invoke(
        "marketing operativo e promozione")
    assert docs and all(d.metadata["language"] == "it" and d.metadata["kind"] == "article"
                        for d in docs)


def test_it_composes_in_an_lcel_chain_and_is_traced_as_a_retriever(
        shared_assistant: Assistant) -> None:
    class Recorder(BaseCallbackHandler):
        def __init__(self) -> None:
            self.started: list[str] = []
            self.returned: list[int] = []

        def on_retriever_start(self, serialized: Any, query: str, **kwargs: Any) -> None:
            self.started.append(query)

        def on_retriever_end(self, documents: Any, **kwargs: Any) -> None:
            self.returned.append(len(documents))

    recorder = Recorder()
    sources = RunnableLambda(lambda docs: [d.metadata["source_id"] for d in docs])
    chain = _retriever(shared_assistant, k=2) | sources
    out = chain.batch(["Retour sur investissement", "imbuto di vendita"],
                      config={"callbacks": [recorder]})
    assert out[0][0] == "concept:roi:fr" and out[1][0] == "concept:sales-funnel:it"
    assert sorted(recorder.started) == ["Retour sur investissement", "imbuto di vendita"]
    assert recorder.returned == [2, 2]
