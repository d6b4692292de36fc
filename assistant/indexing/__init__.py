"""Indexing: what the knowledge base is made of and how it gets into the store.

Loads the built-in articles, concept cards and playbook (`knowledge.py`), cuts them into chunks
(`chunking.py`), embeds them with a backend chosen by name (`embeddings.py`), and keeps the Chroma
collection (`store.py`), its source registry (`registry.py`) and the lexical index in step through
crash-safe ingestion (`ingest.py`). Users' own documents are checked and added per owner
(`uploads.py`, `library.py`)."""
