"""Answering: a question (with its conversation) becomes a cited answer in the user's language.

The LCEL chain (`chain.py`) resolves the question, retrieves passages and hands them to a composer
(`composers/`: the built-in grounded composer, or any chat model), keeps per-conversation memory
(`memory.py`) and numbers the citations (`citations.py`, `answers.py`)."""
