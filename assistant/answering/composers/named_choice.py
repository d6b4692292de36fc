"""Which sentences of a source the user named may answer: those nearly as close to what is
asked as the best one, and the sentences right after the best one when they stay on it (the
best sentence often announces what its neighbours say: "operational marketing acts on the web
and on traditional channels." is completed by the next sentences, which name them)."""

from __future__ import annotations

from collections.abc import Callable

from .base import ComposeInput
from .scoring import Candidate

FOLLOWING = 2  # how many sentences after the best one may complete it


def named_candidates(item: ComposeInput, scored: list[Candidate], rest: list[int],
                     floor: Callable[[Candidate], float], margin: float,
                     neighbour_margin: float) -> list[int] | None:
    """The indices of the named source's sentences that may be quoted, or None when the source
    does not say (none of its sentences reaches its floor)."""
    named = [i for i in rest if scored[i].passage.hit.source_id in item.named]
    if not any(scored[i].score >= floor(scored[i]) for i in named):
        return None
    top = max(named, key=lambda i: scored[i].score)
    best = scored[top].score
    near = [i for i in named if scored[i].score >= best - margin]
    after = [i for i in named if i not in near
             and scored[i].passage is scored[top].passage
             and 0 < scored[i].order - scored[top].order <= FOLLOWING
             and scored[i].score >= best - neighbour_margin]
    return near + after
