"""Retrieval benchmark: quality (dense vs BM25 vs hybrid), ingest throughput, query latency.

Run: .venv/bin/python benchmarks/retrieval.py [--sizes 1000,10000,100000]
Prints figures; asserts nothing. Uses a temporary data directory."""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import Assistant  # noqa: E402
from assistant.documents import Chunk, Hit  # noqa: E402
from assistant.indexing.chunking import sentence_windows  # noqa: E402
from assistant.indexing.embeddings import embed  # noqa: E402
from assistant.search.evaluation import evaluate, load_questions  # noqa: E402
from assistant.search.lexical import LexicalIndex  # noqa: E402
from assistant.search.retrieval import HybridRetriever  # noqa: E402
from assistant.settings import Settings  # noqa: E402

EVAL_SETS = (
    ("development", "questions.jsonl"),  # the set the fusion settings were chosen on
    ("held-out", "heldout.jsonl"),       # written afterwards, blind, never tuned on
)


def quality(assistant: Assistant) -> None:
    for label, name in EVAL_SETS:
        questions = load_questions(ROOT / "tests" / "eval" / name)
        cross = [q for q in questions if q.cross_lingual]
        print(f"\nQuality, {label} set: {len(questions)} questions ({len(cross)} cross-lingual), "
              "articles only, top-10; strict = only the listed passage counts, judged = also "
              "the passages an assessor judged to answer")
        print(f"{'mode':8} {'relevance':9} {'R@1':>6} {'R@5':>6} {'MRR':>6} | {'xR@1':>6} "
              f"{'xR@5':>6} {'xMRR':>6}")
        for mode in ("dense", "lexical", "hybrid"):
            def search(q: str, mode: str = mode) -> list:
                return assistant.search(q, k=10, kind="article", mode=mode)

            for strict in (True, False):
                a, x = evaluate(questions, search, strict), evaluate(cross, search, strict)
                relevance = "strict" if strict else "judged"
                print(f"{mode:8} {relevance:9} {a.recall_at_1:6.2f} {a.recall_at_5:6.2f} "
                      f"{a.mrr:6.2f} | {x.recall_at_1:6.2f} {x.recall_at_5:6.2f} {x.mrr:6.2f}")


def windows_experiment(assistant: Assistant, sizes: list[int], weights: list[float]) -> None:
    """The sentence-window ranker, measured before building it: every article chunk cut into
    ~`size`-character runs of sentences (the chunk's title in front), each embedded on its own;
    a chunk's window score is its best window's similarity, ranked as a third ranker in the RRF
    fusion with `weight` (k as the fusion's). Prints recall and the windows' embedding time."""
    rt = assistant.open()
    records = list(rt.store.records(where={"kind": "article"}))
    started = time.perf_counter()
    embed(rt.embedding_function, [r.text for r in records])
    chunk_seconds = time.perf_counter() - started
    print(f"\nSentence-window ranker (articles; {len(records)} chunks embedded in "
          f"{chunk_seconds:.1f} s); R@5 overall / cross-lingual")
    for size in sizes:
        texts, parents = [], []
        for record in records:
            for window in sentence_windows(record.text, size):
                texts.append(f"{record.metadata.get('title', '')}\n{window}")
                parents.append(record.id)
        started = time.perf_counter()
        vectors = np.vstack([embed(rt.embedding_function, texts[i:i + 64])
                             for i in range(0, len(texts), 64)])
        seconds = time.perf_counter() - started
        print(f"  ~{size} characters: {len(texts)} windows embedded in {seconds:.1f} s")
        for weight in weights:
            search = _window_search(rt, parents, vectors, weight)
            cells = []
            for _, name in EVAL_SETS:
                questions = load_questions(ROOT / "tests" / "eval" / name)
                cross = [q for q in questions if q.cross_lingual]
                cells.append(f"{evaluate(questions, search).recall_at_5:.2f} / "
                             f"{evaluate(cross, search).recall_at_5:.2f}")
            print(f"    weight {weight:.1f}: development {cells[0]}   held-out {cells[1]}")


def _window_search(rt: object, parents: list[str], vectors: np.ndarray,
                   weight: float) -> object:
    """Hybrid search over articles with the windows' best similarity as a third ranker."""
    retriever, cfg = rt.retriever, rt.retriever.config  # type: ignore[attr-defined]

    def search(q: str) -> list[Hit]:
        hits = {h.chunk_id: h for h in retriever.search(q, cfg.candidates, kind="article")}
        best: dict[str, float] = {}
        for parent, sim in zip(parents, vectors @ rt.vectors(q), strict=True):  # type: ignore
            best[parent] = max(best.get(parent, -1.0), float(sim))
        order = sorted(best, key=lambda p: -best[p])[: cfg.candidates]
        for record in rt.store.get([p for p in order if p not in hits]):  # type: ignore
            hits[record.id] = retriever._hit(record, {}, 0.0, None)
        for rank, parent in enumerate(order, 1):
            hits[parent].ranks["window"] = rank
        for hit in hits.values():
            hit.score = sum(w / (cfg.rrf_k + hit.ranks[name]) for name, w in (
                ("dense", cfg.dense_weight), ("lexical", cfg.lexical_weight),
                ("window", weight)) if name in hit.ranks)
        return sorted(hits.values(), key=lambda h: (-h.score, h.chunk_id))[:10]

    return search


def latency(assistant: Assistant, sizes: list[int], data: Path) -> None:
    vocab = [w for c in assistant.runtime.knowledge.concepts for w in
             c.locales["es"].explanation.split()] or ["marketing"]
    rng = random.Random(7)
    queries = [q.question for q in load_questions(ROOT / "tests" / "eval" / "questions.jsonl")]
    qvecs = {q: assistant.runtime.vectors(q) for q in queries}
    print("\nQuery latency, synthetic chunks (random 512-d vectors, random words), ms")
    print(f"{'chunks':>8} {'hybrid p50':>11} {'p95':>7} {'dense p50':>10} {'p95':>7} "
          f"{'numpy p50':>10} {'p95':>7} {'insert/s':>9} {'BM25 build s':>13}")
    for size in sizes:
        settings = Settings(_env_file=None, data_dir=data / f"syn{size}",
                            collection=f"syn{size}")
        syn = Assistant(settings)
        store = syn.runtime.store.open(create=True)
        chunks = [Chunk(f"syn-{i // 20}", "t", "article", rng.choice("esfrit"[::2] + "it"), i,
                        " ".join(rng.choices(vocab, k=60))) for i in range(size)]
        vectors = np.random.default_rng(1).standard_normal((size, 512)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        started = time.perf_counter()
        store.add(chunks, vectors)
        insert_rate = size / (time.perf_counter() - started)
        lexical = LexicalIndex()
        for c in chunks:
            lexical.add(c.id, c.text, {"language": c.language, "kind": c.kind,
                                       "source_id": c.source_id, "owner": ""})
        started = time.perf_counter()
        lexical.search("marketing", 1)  # compiles the BM25 snapshot (once per change)
        compile_s = time.perf_counter() - started
        retriever = HybridRetriever(store, lexical, lambda q: qvecs[q], assistant.runtime.concepts)
        timings: dict[str, list[float]] = {"hybrid": [], "dense": [], "numpy": []}
        for q in queries:
            for mode in ("hybrid", "dense"):
                t = time.perf_counter()
                retriever.search(q, 5, query_language="es", mode=mode)  # type: ignore[arg-type]
                timings[mode].append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            np.argpartition(-(vectors @ qvecs[q]), 5)[:5]
            timings["numpy"].append((time.perf_counter() - t) * 1000)
        cells = []
        for mode in ("hybrid", "dense", "numpy"):
            values = sorted(timings[mode])
            cells += [statistics.median(values), values[int(len(values) * 0.95) - 1]]
        print(f"{size:8d} {cells[0]:11.1f} {cells[1]:7.1f} {cells[2]:10.1f} {cells[3]:7.1f} "
              f"{cells[4]:10.2f} {cells[5]:7.2f} {insert_rate:9.0f} {compile_s:13.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--windows", default="",
                        help="window sizes for the sentence-window experiment, e.g. 200,300")
    parser.add_argument("--window-weights", default="0,0.3,0.5,1")
    parser.add_argument("--data", type=Path, help="reuse this data dir (default: a temp dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        assistant = Assistant(Settings(_env_file=None, data_dir=args.data or data / "kb"))
        report = assistant.ingest()
        print(f"Ingest of knowledge/: {report.chunks_added} chunks in {report.seconds:.1f}s "
              f"= {report.chunks_per_second:.0f} chunks/s (embedding threads: "
              f"{assistant.settings.embedding_threads})")
        quality(assistant)
        if args.windows:
            windows_experiment(assistant, [int(s) for s in args.windows.split(",")],
                               [float(w) for w in args.window_weights.split(",")])
        latency(assistant, [int(s) for s in args.sizes.split(",") if s], data)


if __name__ == "__main__":
    main()
