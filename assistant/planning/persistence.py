"""SQLite storage for interviews and plans, keyed by owner (a user session).

Every write is one transaction: an interview is saved after each answer, a plan is present and
complete or absent. WAL mode lets a reader and a writer work at the same time."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DataDirNotWritable, InterviewNotFound, PlanNotFound
from .interview.state import InterviewState

SCHEMA = """
CREATE TABLE IF NOT EXISTS interviews (
    id TEXT PRIMARY KEY, owner TEXT NOT NULL, lang TEXT NOT NULL, status TEXT NOT NULL,
    state TEXT NOT NULL, created_at REAL NOT NULL, updated_at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS interviews_owner ON interviews(owner, updated_at);
CREATE TABLE IF NOT EXISTS plans (
    id TEXT PRIMARY KEY, owner TEXT NOT NULL, interview_id TEXT, lang TEXT NOT NULL,
    title TEXT NOT NULL, answers TEXT NOT NULL, plan TEXT NOT NULL,
    created_at REAL NOT NULL, updated_at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS plans_owner ON plans(owner, updated_at);
"""


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


class Database:
    """Interviews and plans in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._ready = False

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            if not self._ready:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        except (OSError, sqlite3.OperationalError) as exc:
            raise DataDirNotWritable(str(exc), where=str(self.path.parent)) from exc
        try:
            if not self._ready:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.executescript(SCHEMA)
                self._ready = True
            conn.execute("PRAGMA synchronous=NORMAL")
            yield conn
        except sqlite3.OperationalError as exc:
            if "readonly" in str(exc) or "disk" in str(exc):
                raise DataDirNotWritable(str(exc), where=str(self.path.parent)) from exc
            raise
        finally:
            conn.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    # -- interviews -------------------------------------------------------------------------
    def save_interview(self, state: InterviewState) -> None:
        """Insert or replace one interview, atomically."""
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO interviews (id, owner, lang, status, state, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET lang=excluded.lang,"
                " status=excluded.status, state=excluded.state, updated_at=excluded.updated_at",
                (state.id, state.owner, state.lang, state.status,
                 json.dumps(state.to_json(), ensure_ascii=False), state.created_at,
                 state.updated_at),
            )

    def load_interview(self, interview_id: str, owner: str) -> InterviewState:
        """One interview of this owner; InterviewNotFound otherwise (also for other owners)."""
        with self._connect() as conn:
            row = conn.execute("SELECT state FROM interviews WHERE id=? AND owner=?",
                               (interview_id, owner)).fetchone()
        if row is None:
            raise InterviewNotFound(interview_id=interview_id)
        return InterviewState.from_json(json.loads(row[0]))

    def list_interviews(self, owner: str) -> list[InterviewState]:
        """This owner's interviews, most recently updated first."""
        with self._connect() as conn:
            rows = conn.execute("SELECT state FROM interviews WHERE owner=? "
                                "ORDER BY updated_at DESC", (owner,)).fetchall()
        return [InterviewState.from_json(json.loads(r[0])) for r in rows]

    # -- plans ------------------------------------------------------------------------------
    def save_plan(self, record: PlanRecord, interview: InterviewState | None = None) -> None:
        """Insert or replace a plan (and link its interview) in one transaction."""
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO plans (id, owner, interview_id, lang, title, answers, plan,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET lang=excluded.lang, title=excluded.title,"
                " answers=excluded.answers, plan=excluded.plan, updated_at=excluded.updated_at",
                (record.id, record.owner, record.interview_id, record.lang, record.title,
                 json.dumps(record.answers, ensure_ascii=False),
                 json.dumps(record.plan, ensure_ascii=False), record.created_at,
                 record.updated_at),
            )
            if interview is not None:
                conn.execute("UPDATE interviews SET status=?, state=?, updated_at=? WHERE id=?",
                             (interview.status, json.dumps(interview.to_json(),
                                                           ensure_ascii=False),
                              interview.updated_at, interview.id))

    def load_plan(self, plan_id: str, owner: str) -> PlanRecord:
        """One plan of this owner; PlanNotFound otherwise."""
        with self._connect() as conn:
            row = conn.execute("SELECT * FROM plans WHERE id=? AND owner=?",
                               (plan_id, owner)).fetchone()
        if row is None:
            raise PlanNotFound(plan_id=plan_id)
        return _record(row)

    def list_plans(self, owner: str) -> list[PlanRecord]:
        """This owner's plans, most recently updated first."""
        with self._connect() as conn:
            rows = conn.execute("SELECT * FROM plans WHERE owner=? ORDER BY updated_at DESC",
                                (owner,)).fetchall()
        return [_record(r) for r in rows]


def _record(row: tuple) -> PlanRecord:
    pid, owner, interview_id, lang, title, answers, plan, created, updated = row
    return PlanRecord(pid, owner, interview_id, lang, title, json.loads(answers),
                      json.loads(plan), created, updated)
