"""The conversation: each chat message routed to the guided interview or to the answer chain.

`intents.py` tells a plan request, an answer and a question apart; `extract.py` reads what a plan
request already says; `corrections.py` finds a correction told in words; `render.py` says the
interview's views as chat messages (`lines.py`); `router.py` (`ChatInterview`) decides and saves.
The web chat and `assistant chat` both use it through `Assistant.conversation` (built by
`runtime.build_conversation`)."""

from __future__ import annotations

from .intents import IntentRecognizer
from .lines import Line
from .render import Renderer
from .router import ChatInterview, Turn
from .slot_examples import slot_examples

__all__ = ["ChatInterview", "IntentRecognizer", "Line", "Renderer", "Turn", "slot_examples"]
