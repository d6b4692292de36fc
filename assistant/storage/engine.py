"""The SQLAlchemy engine for a database URL, and driver errors turned into domain errors.

SQLite keeps its embedded guarantees: WAL (a reader and a writer at once), `synchronous=NORMAL`,
and writes that take the write lock when they begin (`BEGIN IMMEDIATE`). PostgreSQL goes
through psycopg 3 with a small pool whose connections are checked before use, so the service
comes back by itself once the server does."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.engine import Engine, make_url

from ..errors import DatabaseUnavailable, DatabaseUrlInvalid, DataDirNotWritable

IMMEDIATE = "estratega_immediate"  # execution option: a SQLite write transaction
CONNECT_TIMEOUT = 5  # seconds: an unreachable server fails fast instead of hanging a request


def database_url(setting: str | None, sqlite_path: Path) -> str:
    """The URL to use: the setting when given, else the SQLite file in the data folder.

    >>> database_url(None, Path("/d/x.sqlite3"))
    'sqlite:////d/x.sqlite3'
    >>> database_url("postgres://u:p@h/db", Path("/d/x.sqlite3"))
    'postgresql+psycopg://u:p@h/db'
    """
    if not setting or not setting.strip():
        return f"sqlite:///{sqlite_path}"
    url = setting.strip()
    if "://" not in url:
        raise DatabaseUrlInvalid("no scheme", where=redact(url))
    for scheme in ("postgres://", "postgresql://"):
        if url.startswith(scheme):
            return "postgresql+psycopg://" + url[len(scheme):]
    return url


def redact(url: str) -> str:
    """The URL with its password hidden, even when it does not parse.

    >>> redact("postgresql+psycopg://app:s3cret@db:5432/estratega")
    'postgresql+psycopg://app:***@db:5432/estratega'
    >>> redact("nonsense://x:y@z")
    'nonsense://x:***@z'
    >>> redact("app:pw@host/db")
    'app:***@host/db'
    """
    try:
        parsed = make_url(url)
        if parsed.password is None:
            return url
        return parsed.render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - unparsable: hide whatever sits between ':' and '@'
        return re.sub(r"^((?:[^:/@]*://)?[^:/@]*:)[^@]*@", r"\1***@", url)


def sqlite_folder(url: str) -> Path | None:
    """The folder of a SQLite file URL (None for other databases or in-memory SQLite)."""
    try:
        parsed = make_url(url)
    except (exc.ArgumentError, ValueError):
        return None  # make_engine says what is wrong with it
    if parsed.get_backend_name() != "sqlite" or not parsed.database \
            or parsed.database == ":memory:":
        return None
    return Path(parsed.database).parent


def make_engine(url: str) -> Engine:
    """An engine for `url` (no connection is made yet); DatabaseUrlInvalid if it cannot be."""
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            # No pool: a connection per operation, as before migrations, so no file stays open
            # between calls (a data folder can be unmounted, copied or made read-only).
            engine = sa.create_engine(parsed, connect_args={"timeout": 10},
                                      poolclass=sa.pool.NullPool)
            _sqlite_behaviour(engine)
        else:
            connect_args = {"connect_timeout": CONNECT_TIMEOUT} \
                if parsed.get_backend_name() == "postgresql" else {}
            engine = sa.create_engine(parsed, pool_pre_ping=True, pool_size=5, max_overflow=5,
                                      pool_timeout=CONNECT_TIMEOUT, connect_args=connect_args)
    except (exc.ArgumentError, exc.NoSuchModuleError, ImportError, ValueError) as err:
        raise DatabaseUrlInvalid(type(err).__name__, where=redact(url)) from None
    return engine


def _sqlite_behaviour(engine: Engine) -> None:
    """WAL, and transactions this module begins itself (the recipe from SQLAlchemy's docs)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:  # noqa: ANN001
        dbapi_connection.isolation_level = None  # no implicit BEGIN from the driver
        cursor = dbapi_connection.cursor()
        _switch_to_wal(cursor)
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        immediate = conn.get_execution_options().get(IMMEDIATE)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _switch_to_wal(cursor: Any, attempts: int = 100) -> None:
    """WAL mode, waiting for a connection that switches it at the same moment: the switch
    takes a lock without SQLite's busy handler, so four replicas opening a new file at once
    saw 'database is locked' at once (1 run in 7 of test_replicas_migrating_at_once)."""
    for attempt in range(attempts):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or attempt == attempts - 1:
                raise
            time.sleep(0.02)


@contextmanager
def translated(url: str) -> Iterator[None]:
    """Driver errors as domain errors: a full or read-only disk, an unreachable server, a
    refused login. The password never appears in the message."""
    try:
        yield
    except exc.DBAPIError as err:
        raise _domain_error(url, err) from None
    except exc.TimeoutError as err:  # the pool waited too long for a free connection
        raise DatabaseUnavailable(str(err), where=redact(url), reason="timeout") from None


def _domain_error(url: str, err: exc.DBAPIError) -> Exception:
    text = str(err.orig) if err.orig is not None else str(err)
    folder = sqlite_folder(url)
    if folder is not None:
        if isinstance(err, exc.OperationalError) and any(
                word in text for word in ("readonly", "disk", "unable to open")):
            return DataDirNotWritable(text, where=str(folder))
        return err
    if isinstance(err, exc.OperationalError | exc.InterfaceError) or err.connection_invalidated:
        return DatabaseUnavailable(text, where=redact(url), reason=_reason(url, text))
    return err


def _reason(url: str, text: str) -> str:
    """The driver's first line, shortened, without the password."""
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    try:
        password = make_url(url).password
    except Exception:  # noqa: BLE001
        password = None
    if password:
        line = line.replace(str(password), "***")
    return line[:200]
