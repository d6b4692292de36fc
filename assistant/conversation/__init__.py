"""The conversation: each chat message routed to the guided interview or to the answer chain.

`intents.py` tells a plan request, an answer and a question apart; `extract.py` reads what a plan
request already says; `corrections.py` finds a correction told in words; `render.py` says the
interview's views as chat messages (`lines.py`); `router.py` (`ChatInterview`) decides and saves.
The web chat and `assistant chat` both use it through `Assistant.conversation`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .intents import IntentRecognizer, slot_examples
from .lines import Line
from .render import Renderer
from .router import ChatInterview, Turn

if TYPE_CHECKING:
    from ..runtime import Runtime

__all__ = ["ChatInterview", "IntentRecognizer", "Line", "Turn", "build_conversation"]
CONFIDENT = 0.8  # the language detector's score above which a message's language is trusted
AHEAD = 0.5  # ...or by which it leads the next language in a request of 6 words or more
# ("Mi serve un piano di marketing per il mio negozio di fiori a Bologna": it 0.80, es 0.10)


def build_conversation(runtime: Runtime) -> ChatInterview:
    """The conversation over the runtime's parts (embeddings, plans, concepts, detector)."""
    titles = {a.source_id: a.title for a in runtime.knowledge.articles}
    concepts = runtime.concepts

    def card(concept_id: str, lang: str) -> object | None:
        return concepts.card(concept_id, lang) if concept_id in concepts.concepts else None

    def detect(text: str) -> str | None:
        scores = runtime.detector.scores(text)
        ranked = sorted(scores.values(), reverse=True)
        best = max(scores, key=scores.__getitem__)
        n = len(text.split())
        sure = ranked[0] >= CONFIDENT or (n >= 6 and ranked[0] - ranked[1] >= AHEAD)
        return best if sure and n >= 3 else None

    intents = IntentRecognizer(runtime.vectors.sentences, slot_examples(runtime.prompts))
    renderer = Renderer(runtime.prompts, card, titles.get)
    return ChatInterview(runtime.plans, intents, renderer, detect)
