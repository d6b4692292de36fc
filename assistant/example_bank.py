"""Labelled example texts compared with what a user wrote, over the shipped embedding model.

Every reader that decides by example (constraints and question types in a question, what a goal
counts, how a business sells, a price or a margin inside an answer, a channel's family, the
intents of a chat message, instruction-like sentences in an upload) does the same thing: embed
its example phrasings once, on first use, and compare unit vectors. This is that one thing; the
readers keep their own rules on top (thresholds, near misses, cue words, masks).

>>> import numpy as np
>>> embed = lambda texts: np.array([[len(t), 10.0] for t in texts])
>>> bank = ExampleBank(embed, [("short", "ab"), ("long", "abcdefghijklmnopqrst")])
>>> bank.labels
('short', 'long')
>>> label, score = bank.nearest(bank.vectors(["abcdefghijklmnopqrs"])[0])
>>> label, round(score, 3)
('long', 1.0)
>>> {k: round(v, 2) for k, v in bank.best(bank.vectors(["a", "abcdefghijklmnopqrs"])).items()}
{'short': 1.0, 'long': 1.0}
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence

import numpy as np

Embed = Callable[[list[str]], np.ndarray]


def unit(matrix: np.ndarray | Sequence[Sequence[float]]) -> np.ndarray:
    """Rows scaled to length 1 (float32; a zero row stays zero)."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


class ExampleBank:
    """Example texts, each with its label, embedded once on first use."""

    def __init__(self, embed: Embed, rows: Iterable[tuple[Hashable, str]],
                 prepare: Callable[[str], str] | None = None) -> None:
        pairs = list(rows)
        self.embed = embed
        self.labels: tuple[Hashable, ...] = tuple(label for label, _ in pairs)
        self.texts: tuple[str, ...] = tuple(text for _, text in pairs)
        # What the examples and the compared texts both go through before embedding (the
        # question typer masks concept names in both).
        self.prepare = prepare or (lambda text: text)
        self._matrix: np.ndarray | None = None

    @property
    def matrix(self) -> np.ndarray:
        """The examples' unit vectors, one row per example (embedded on first use)."""
        if self._matrix is None:
            self._matrix = unit(self.embed([self.prepare(t) for t in self.texts]))
        return self._matrix

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors of texts to compare, prepared as the examples were."""
        return unit(self.embed([self.prepare(t) for t in texts]))

    def similarities(self, vectors: np.ndarray) -> np.ndarray:
        """Cosine similarity of each given unit vector (rows) to each example (columns)."""
        return np.atleast_2d(vectors) @ self.matrix.T

    def of(self, label: Hashable) -> np.ndarray:
        """A mask of the examples carrying the label (for `similarities` columns)."""
        return np.array([own == label for own in self.labels], dtype=bool)

    def best(self, vectors: np.ndarray) -> dict[Hashable, float]:
        """Per label, its best example's similarity to any of the given vectors."""
        column = self.similarities(vectors).max(axis=0)
        out: dict[Hashable, float] = {}
        for label, sim in zip(self.labels, column, strict=True):
            out[label] = max(out.get(label, float("-inf")), float(sim))
        return out

    def nearest(self, vector: np.ndarray) -> tuple[Hashable, float]:
        """The label of the example nearest one vector, and its similarity."""
        sims = self.similarities(vector)[0]
        i = int(np.argmax(sims))
        return self.labels[i], float(sims[i])
