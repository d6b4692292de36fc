"""Conversation memory: the last N turns per conversation id, never shared between ids."""

from __future__ import annotations

import threading
from collections import OrderedDict, deque
from dataclasses import dataclass


@dataclass(frozen=True)
class Turn:
    """One exchange, with the standalone question it was resolved to."""

    question: str
    standalone: str
    answer: str
    language: str


class ConversationMemory:
    """Bounded per conversation (last `turns`), and bounded in conversations (least recent go)."""

    def __init__(self, turns: int = 6, conversations: int = 2000) -> None:
        self.turns = turns
        self.conversations = conversations
        self._store: OrderedDict[str, deque[Turn]] = OrderedDict()
        self._lock = threading.Lock()

    def history(self, conversation_id: str | None) -> list[Turn]:
        """The remembered turns, oldest first (empty for None or an unknown id)."""
        if not conversation_id:
            return []
        with self._lock:
            turns = self._store.get(conversation_id)
            return list(turns) if turns else []

    def append(self, conversation_id: str | None, turn: Turn) -> None:
        """Remember a turn (nothing is kept without a conversation id)."""
        if not conversation_id:
            return
        with self._lock:
            turns = self._store.setdefault(conversation_id, deque(maxlen=self.turns))
            turns.append(turn)
            self._store.move_to_end(conversation_id)
            while len(self._store) > self.conversations:
                self._store.popitem(last=False)
