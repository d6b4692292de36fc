"""Search: finding the passages that answer a query, in any of the four languages.

Dense vectors fused with a cross-language BM25 over cognate 4-grams (`lexical.py`,
`cognates.py`) by weighted reciprocal rank (`retrieval.py`), concepts resolved by name, alias or
typo (`concepts.py`), and the recall metrics the benchmarks print (`evaluation.py`)."""
