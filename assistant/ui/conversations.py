"""Chat history kept on the server, keyed by who is asking and which session they ask from.

Gradio keeps `gr.State` under the session hash, which the client chooses: state kept there is
handed to whoever presents the hash. Here the key is (owner, session), the owner decided by the
server, so a replayed hash finds an empty conversation of the replayer's own. Bounded: the least
recently used conversations are forgotten, and each keeps only its last messages.
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

Message = dict[str, Any]


@dataclass
class Conversation:
    """One on-screen conversation: the id its memory is kept under, and its messages."""

    conversation_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    messages: list[Message] = field(default_factory=list)


class Conversations:
    """Thread-safe, bounded store of conversations by (owner, session).

    >>> store = Conversations(max_conversations=2, max_messages=2)
    >>> store.save("user:ana", "s1", [{"n": 1}, {"n": 2}, {"n": 3}])
    True
    >>> store.get("user:ana", "s1").messages, store.get("user:luc", "s1").messages
    ([{'n': 2}, {'n': 3}], [])
    >>> store.get("user:ana", "s1").conversation_id != store.get("user:luc", "s1").conversation_id
    True
    """

    def __init__(self, max_conversations: int = 1000, max_messages: int = 80) -> None:
        self.max_conversations = max_conversations
        self.max_messages = max_messages
        self._items: OrderedDict[tuple[str, str], Conversation] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, owner: str, session: str) -> Conversation:
        """A copy of the owner's conversation in this session (a new, empty one if none)."""
        with self._lock:
            found = self._touch(owner, session)
            return Conversation(found.conversation_id, list(found.messages))

    def resume(self, owner: str, session: str) -> Conversation:
        """Like `get`, but a session the store has not seen yet (a reload, a new tab) continues
        the owner's most recent conversation, so a reload shows the conversation again.

        >>> store = Conversations()
        >>> store.save("user:ana", "s1", [{"n": 1}])
        True
        >>> store.resume("user:ana", "s2").messages, store.resume("user:luc", "s3").messages
        ([{'n': 1}], [])
        >>> store.restart("user:ana", "s2")
        >>> store.resume("user:ana", "s4").messages  # after "New conversation": the new one
        []
        """
        with self._lock:
            if (owner, session) not in self._items:
                latest = next((c for (who, _), c in reversed(self._items.items())
                               if who == owner), None)
                if latest is not None:
                    self._items[(owner, session)] = Conversation(latest.conversation_id,
                                                                 list(latest.messages))
            found = self._touch(owner, session)
            return Conversation(found.conversation_id, list(found.messages))

    def save(self, owner: str, session: str, messages: list[Message],
             conversation_id: str | None = None) -> bool:
        """Replace the conversation's messages (only the last `max_messages` are kept). With
        `conversation_id`, only while that conversation is still the session's: an answer that
        ends after "New conversation" is not written into the new one.

        >>> store = Conversations()
        >>> old = store.get("user:ana", "s1").conversation_id
        >>> store.restart("user:ana", "s1")
        >>> store.save("user:ana", "s1", [{"n": 1}], old), store.get("user:ana", "s1").messages
        (False, [])
        """
        with self._lock:
            found = self._touch(owner, session)
            if conversation_id is not None and found.conversation_id != conversation_id:
                return False
            found.messages = list(messages[-self.max_messages:])
            return True

    def is_current(self, owner: str, session: str, conversation_id: str) -> bool:
        """Whether `conversation_id` is still the session's conversation (no restart since)."""
        with self._lock:
            found = self._items.get((owner, session))
            return found is not None and found.conversation_id == conversation_id

    def restart(self, owner: str, session: str) -> None:
        """Forget the conversation: the next question starts a new one."""
        with self._lock:
            self._items[(owner, session)] = Conversation()
            self._items.move_to_end((owner, session))  # the owner's most recent one now
            self._trim()

    def __len__(self) -> int:
        return len(self._items)

    def _touch(self, owner: str, session: str) -> Conversation:
        key = (owner, session)
        if key not in self._items:
            self._items[key] = Conversation()
            self._trim()
        self._items.move_to_end(key)
        return self._items[key]

    def _trim(self) -> None:
        while len(self._items) > self.max_conversations:
            self._items.popitem(last=False)
