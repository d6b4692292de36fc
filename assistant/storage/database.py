"""`Database`: interviews, plans and change counters, keyed by owner, on SQLite or PostgreSQL.

Every write is one transaction: an interview is saved after each answer, a plan is present and
complete or absent. The schema is brought up to date by Alembic at the first connection, under a
lock (SQLite's write lock, a PostgreSQL advisory lock) so that replicas starting together do not
race."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from ..errors import DataDirNotWritable, InterviewNotFound, PlanNotFound
from .engine import IMMEDIATE, make_engine, redact, sqlite_folder, translated
from .schema import changes, interviews, plans

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
MIGRATION_LOCK = 0x45535452  # "ESTR": the advisory lock id replicas take to migrate


class StoredInterview(Protocol):
    """What the database reads of an interview it saves (planning's `InterviewState`, which
    this layer does not import: the planning layer hands in how to read one back)."""

    id: str
    owner: str
    lang: str
    status: str
    created_at: float
    updated_at: float

    def to_json(self) -> dict[str, Any]: ...


Interview = TypeVar("Interview", bound=StoredInterview)


@dataclass
class PlanRecord:
    """A saved plan as stored: its JSON and the answers it was drafted from."""

    id: str
    owner: str
    interview_id: str | None
    lang: str
    title: str
    answers: dict[str, Any]
    plan: dict[str, Any]
    created_at: float
    updated_at: float


class Database(Generic[Interview]):
    """Interviews, plans and counters in one database: a SQLite file (a `Path`) or any URL.
    `read_interview` rebuilds an interview from its saved JSON (`planning.persistence` passes
    `InterviewState.from_json`; without it, interviews cannot be read back)."""

    def __init__(self, target: Path | str,
                 read_interview: Callable[[dict[str, Any]], Interview] | None = None) -> None:
        self.read_interview = read_interview
        text = str(target)
        self.url = text if "://" in text else f"sqlite:///{Path(target)}"
        self.where = redact(self.url)
        self._engine: sa.Engine | None = None
        self._ready = False
        self._lock = threading.Lock()

    @property
    def backend(self) -> str:
        """"sqlite" or "postgresql"."""
        return self.engine.dialect.name

    @property
    def engine(self) -> sa.Engine:
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    self._engine = make_engine(self.url)
        return self._engine

    def close(self) -> None:
        """Close pooled connections (a test, or before a fork)."""
        if self._engine is not None:
            self._engine.dispose()

    def migrate(self) -> None:
        """Create or upgrade the tables (once per process; also called by the first query)."""
        if self._ready:
            return
        from alembic import command
        from alembic.config import Config

        folder = sqlite_folder(self.url)
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise DataDirNotWritable(str(err), where=str(folder)) from err
        with self._lock, translated(self.url):
            if self._ready:
                return
            engine = self._engine or make_engine(self.url)
            self._engine = engine
            with engine.connect() as conn:
                conn = conn.execution_options(**{IMMEDIATE: True})
                with conn.begin():
                    if engine.dialect.name == "postgresql":
                        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(MIGRATION_LOCK)))
                    config = Config()
                    config.set_main_option("script_location", str(MIGRATIONS))
                    config.attributes["connection"] = conn
                    command.upgrade(config, "head")
            self._ready = True

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        self.migrate()
        with translated(self.url), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        self.migrate()
        with translated(self.url), self.engine.connect() as conn:
            with conn.execution_options(**{IMMEDIATE: True}).begin():
                yield conn

    def _upsert(self, table: sa.Table, values: dict[str, Any], update: list[str]) -> Any:
        """INSERT … ON CONFLICT (primary key) DO UPDATE, in this backend's dialect."""
        insert = postgresql.insert if self.backend == "postgresql" else sqlite.insert
        statement = insert(table).values(**values)
        keys = [c.name for c in table.primary_key.columns]
        return statement.on_conflict_do_update(
            index_elements=keys, set_={name: statement.excluded[name] for name in update})

    # -- interviews -------------------------------------------------------------------------
    def save_interview(self, state: Interview) -> None:
        """Insert or replace one interview, atomically."""
        with self._write() as conn:
            conn.execute(self._upsert(interviews, {
                "id": state.id, "owner": state.owner, "lang": state.lang,
                "status": state.status, "state": _dumps(state.to_json()),
                "created_at": state.created_at, "updated_at": state.updated_at,
            }, ["lang", "status", "state", "updated_at"]))

    def load_interview(self, interview_id: str, owner: str) -> Interview:
        """One interview of this owner; InterviewNotFound otherwise (also for other owners)."""
        with self._read() as conn:
            row = conn.execute(sa.select(interviews.c.state).where(
                interviews.c.id == interview_id, interviews.c.owner == owner)).first()
        if row is None:
            raise InterviewNotFound(interview_id=interview_id)
        return self._interview(row[0])

    def list_interviews(self, owner: str) -> list[Interview]:
        """This owner's interviews, most recently updated first."""
        with self._read() as conn:
            rows = conn.execute(sa.select(interviews.c.state).where(
                interviews.c.owner == owner).order_by(interviews.c.updated_at.desc())).all()
        return [self._interview(r[0]) for r in rows]

    def _interview(self, saved: str) -> Interview:
        if self.read_interview is None:
            raise TypeError("this Database was opened without read_interview")
        return self.read_interview(json.loads(saved))

    # -- plans ------------------------------------------------------------------------------
    def save_plan(self, record: PlanRecord, interview: Interview | None = None) -> None:
        """Insert or replace a plan (and link its interview) in one transaction."""
        with self._write() as conn:
            conn.execute(self._upsert(plans, {
                "id": record.id, "owner": record.owner, "interview_id": record.interview_id,
                "lang": record.lang, "title": record.title, "answers": _dumps(record.answers),
                "plan": _dumps(record.plan), "created_at": record.created_at,
                "updated_at": record.updated_at,
            }, ["lang", "title", "answers", "plan", "updated_at"]))
            if interview is not None:
                conn.execute(sa.update(interviews).where(interviews.c.id == interview.id).values(
                    status=interview.status, state=_dumps(interview.to_json()),
                    updated_at=interview.updated_at))

    def load_plan(self, plan_id: str, owner: str) -> PlanRecord:
        """One plan of this owner; PlanNotFound otherwise."""
        with self._read() as conn:
            row = conn.execute(sa.select(plans).where(
                plans.c.id == plan_id, plans.c.owner == owner)).first()
        if row is None:
            raise PlanNotFound(plan_id=plan_id)
        return _record(row)

    def list_plans(self, owner: str) -> list[PlanRecord]:
        """This owner's plans, most recently updated first."""
        with self._read() as conn:
            rows = conn.execute(sa.select(plans).where(plans.c.owner == owner)
                                .order_by(plans.c.updated_at.desc())).all()
        return [_record(r) for r in rows]

    # -- change counters --------------------------------------------------------------------
    def counter(self, name: str) -> int:
        """The current value of a change counter (0 before its first bump)."""
        with self._read() as conn:
            value = conn.execute(sa.select(changes.c.value).where(changes.c.name == name)
                                 ).scalar()
        return int(value or 0)

    def bump(self, name: str) -> int:
        """Add one to a change counter, atomically across processes; the new value."""
        insert = postgresql.insert if self.backend == "postgresql" else sqlite.insert
        statement = insert(changes).values(name=name, value=1)
        statement = statement.on_conflict_do_update(
            index_elements=["name"], set_={"value": changes.c.value + 1}
        ).returning(changes.c.value)
        with self._write() as conn:
            return int(conn.execute(statement).scalar_one())


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _record(row: sa.Row) -> PlanRecord:
    pid, owner, interview_id, lang, title, answers, plan, created, updated = row
    return PlanRecord(pid, owner, interview_id, lang, title, json.loads(answers),
                      json.loads(plan), created, updated)
