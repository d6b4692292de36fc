"""Where PlanService keeps interviews and plans: the shared database (`assistant.storage`),
SQLite by default or PostgreSQL. Kept as the import path the planning code uses."""

from ..storage.database import Database, PlanRecord

__all__ = ["Database", "PlanRecord"]
