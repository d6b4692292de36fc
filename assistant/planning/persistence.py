"""Where PlanService keeps interviews and plans: the shared database (`assistant.storage`),
SQLite by default or PostgreSQL, reading interviews back as `InterviewState`."""

from __future__ import annotations

from pathlib import Path

from ..storage.database import Database as SharedDatabase
from ..storage.database import PlanRecord
from .interview.state import InterviewState


class Database(SharedDatabase[InterviewState]):
    """The shared database, its interviews read back as `InterviewState` (storage sits below
    planning, so it is handed the reader rather than importing it)."""

    def __init__(self, target: Path | str) -> None:
        super().__init__(target, InterviewState.from_json)


__all__ = ["Database", "PlanRecord"]
