"""Shared state in one SQL database: SQLite in the data folder by default, PostgreSQL when
`ESTRATEGA_DATABASE_URL` names one (several app replicas then share interviews, plans and the
index change counter).

`schema.py` declares the tables once; Alembic migrations (`migrations/`) create or upgrade them
at the first connection, for either backend. `engine.py` builds the engine and turns driver
errors into domain errors; `database.py` is the API the rest of the code uses."""

from .database import Database, PlanRecord
from .engine import database_url, redact

__all__ = ["Database", "PlanRecord", "database_url", "redact"]
