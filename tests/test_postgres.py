"""The shared database on both backends: the same persistence tests on SQLite and on a real
PostgreSQL (a throwaway cluster), migrations, the change counter, and the faults (server down
at start or mid-session, a wrong password, a malformed URL)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from assistant.errors import (
    DatabaseUnavailable,
    DatabaseUrlInvalid,
    InterviewNotFound,
    PlanNotFound,
)
from assistant.messages import describe
from assistant.planning.interview.state import InterviewState
from assistant.planning.persistence import Database, PlanRecord
from assistant.planning.service import PlanService
from assistant.storage import database_url
from tests.conftest import ROOT
from tests.pg_server import PASSWORD, PostgresServer, free_port, pg_bin
from tests.plan_fixtures import ANSWERS, PLAYBOOK, PROMPTS, Clock

# A test that starts a PostgreSQL cluster (about 15 s on a busy machine) is `slow`: out of the
# fast tier (`make check`), which needs no database server; `make test` runs it.
needs_pg = pytest.mark.skipif(pg_bin() is None, reason="PostgreSQL binaries not installed "
                              "(make test installs Debian's postgresql)")


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    """One PostgreSQL server for this module's tests (each test gets its own database)."""
    if pg_bin() is None:
        pytest.skip("PostgreSQL binaries not installed (make test installs Debian's postgresql)")
    server = PostgresServer().start()
    yield server
    server.destroy()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=[needs_pg, pytest.mark.slow])])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty database on each backend."""
    if request.param == "sqlite":
        database = Database(tmp_path / "estratega.sqlite3")
    else:
        server = request.getfixturevalue("postgres")
        database = Database(database_url(server.new_database(), None))
    yield database
    database.close()


def _interview(ident: str, owner: str, at: float, lang: str = "es") -> InterviewState:
    return InterviewState(id=ident, owner=owner, lang=lang, created_at=at, updated_at=at)


def _plan(ident: str, owner: str, at: float, title: str = "Plan") -> PlanRecord:
    return PlanRecord(ident, owner, None, "es", title, {"business": "Floristería Lola"},
                      {"title": title, "sections": {"ñ": "€"}}, at, at)


def test_interviews_round_trip_per_owner_newest_first(db: Database) -> None:
    db.save_interview(_interview("a", "ana", 10))
    db.save_interview(_interview("b", "ana", 20, lang="fr"))
    db.save_interview(_interview("c", "bea", 30))
    assert [s.id for s in db.list_interviews("ana")] == ["b", "a"]
    assert db.load_interview("b", "ana").lang == "fr"
    with pytest.raises(InterviewNotFound):
        db.load_interview("c", "ana")  # another owner's interview does not exist for ana


def test_saving_an_interview_again_replaces_it(db: Database) -> None:
    state = _interview("a", "ana", 10)
    db.save_interview(state)
    state.lang, state.updated_at = "it", 50
    db.save_interview(state)
    [saved] = db.list_interviews("ana")
    assert saved.lang == "it" and saved.updated_at == 50 and saved.created_at == 10


def test_plans_round_trip_with_unicode_and_link_their_interview(db: Database) -> None:
    interview = _interview("i1", "ana", 10)
    db.save_interview(interview)
    interview.updated_at = 99
    db.save_plan(_plan("p1", "ana", 11, "Plan Floristería"), interview)
    db.save_plan(_plan("p2", "ana", 12))
    record = db.load_plan("p1", "ana")
    assert record.title == "Plan Floristería" and record.plan["sections"] == {"ñ": "€"}
    assert [r.id for r in db.list_plans("ana")] == ["p2", "p1"]
    assert db.load_interview("i1", "ana").updated_at == 99
    assert db.list_plans("bea") == []
    with pytest.raises(PlanNotFound):
        db.load_plan("p1", "bea")


def test_a_failed_plan_save_leaves_neither_plan_nor_interview_change(db: Database) -> None:
    interview = _interview("i1", "ana", 10)
    db.save_interview(interview)
    interview.updated_at = 99
    bad = _plan("p1", "ana", 11)
    bad.answers = {"x": object()}  # not JSON: fails inside the transaction
    with pytest.raises(TypeError):
        db.save_plan(bad, interview)
    assert db.list_plans("ana") == [] and db.load_interview("i1", "ana").updated_at == 10


def test_the_change_counter_counts_every_bump_from_many_threads(db: Database) -> None:
    assert db.counter("index") == 0
    other = Database(db.url)  # a second pool, as another replica would have

    def bump(database: Database) -> None:
        for _ in range(15):
            database.bump("index")

    threads = [threading.Thread(target=bump, args=(d,)) for d in (db, other) * 3]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert db.counter("index") == other.counter("index") == 90
    other.close()


def test_replicas_migrating_at_once_end_with_one_schema(db: Database) -> None:
    databases = [Database(db.url) for _ in range(4)]
    errors: list[BaseException] = []

    def migrate(database: Database) -> None:
        try:
            database.migrate()
        except BaseException as err:  # noqa: BLE001 - collected for the assertion
            errors.append(err)

    threads = [threading.Thread(target=migrate, args=(d,)) for d in databases]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with db.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == "0001"
    for database in databases:
        database.close()


def test_plan_service_works_the_same_on_both_backends(db: Database) -> None:
    service = PlanService(db, PROMPTS, PLAYBOOK, clock=Clock())
    view = service.start_interview("ana", "es")
    resumed = service.get_interview(view.interview_id, "ana")
    assert resumed.interview_id == view.interview_id and resumed.step == view.step
    plan = service.draft_plan(ANSWERS, "ana")
    assert [r.title for r in service.list_plans("ana")] == [plan.title]
    assert service.list_plans("bea") == []


def test_sqlite_keeps_wal_and_adopts_a_file_from_before_migrations(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    import sqlite3

    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE interviews (id TEXT PRIMARY KEY, owner TEXT NOT NULL, lang TEXT NOT NULL,"
        " status TEXT NOT NULL, state TEXT NOT NULL, created_at REAL NOT NULL,"
        " updated_at REAL NOT NULL);"
        "CREATE TABLE plans (id TEXT PRIMARY KEY, owner TEXT NOT NULL, interview_id TEXT,"
        " lang TEXT NOT NULL, title TEXT NOT NULL, answers TEXT NOT NULL, plan TEXT NOT NULL,"
        " created_at REAL NOT NULL, updated_at REAL NOT NULL);"
        "INSERT INTO plans VALUES ('p0','ana',NULL,'es','Antiguo','{}','{}',1,1);")
    conn.close()
    db = Database(path)
    assert [r.title for r in db.list_plans("ana")] == ["Antiguo"]
    db.bump("index")
    with db.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


# -- faults ------------------------------------------------------------------------------------
def test_an_unreachable_server_is_a_clear_error_without_the_password() -> None:
    db = Database(database_url(f"postgresql://app:{PASSWORD}@127.0.0.1:{free_port()}/x", None))
    with pytest.raises(DatabaseUnavailable) as caught:
        db.list_plans("ana")
    for lang, words in (("es", "base de datos"), ("fr", "base de données"), ("en", "database")):
        message = describe(caught.value, lang, PROMPTS)
        assert words in message and "127.0.0.1" in message and PASSWORD not in message
    assert PASSWORD not in str(caught.value) and PASSWORD not in repr(caught.value.params)


@needs_pg
@pytest.mark.slow
def test_a_wrong_password_is_refused_without_showing_it(postgres: PostgresServer) -> None:
    wrong = "not-the-Pa55word"
    db = Database(database_url(postgres.url(password=wrong), None))
    with pytest.raises(DatabaseUnavailable) as caught:
        db.list_interviews("ana")
    message = describe(caught.value, "it", PROMPTS)
    assert "password authentication failed" in message
    assert wrong not in message and wrong not in str(caught.value)


@pytest.mark.parametrize("url", ["postgresql://app:pw@host:notaport/db",
                                 "nosuchdb://app:pw@host/db", "app:pw@host/db"])
def test_a_malformed_url_names_the_problem_without_the_password(url: str) -> None:
    with pytest.raises(DatabaseUrlInvalid) as caught:
        Database(database_url(url, None)).list_plans("ana")
    message = describe(caught.value, "fr", PROMPTS)
    assert "adresse de la base de données" in message and ":pw@" not in message


@needs_pg
@pytest.mark.slow
def test_server_lost_mid_session_then_back_loses_no_answer(tmp_path: Path) -> None:
    server = PostgresServer().start()
    try:
        db = Database(database_url(server.new_database(), None))
        service = PlanService(db, PROMPTS, PLAYBOOK, clock=Clock())
        view = service.start_interview("ana", "es")
        saved = service.get_interview(view.interview_id, "ana")
        server.stop()
        with pytest.raises(DatabaseUnavailable) as caught:
            service.answer(view.interview_id, "Floristería Lola, Sevilla", "ana")
        assert "base de datos" in describe(caught.value, "es", PROMPTS)
        server.start()  # same Database object: the pool reconnects by itself
        again = service.get_interview(view.interview_id, "ana")
        assert (again.step, again.slot) == (saved.step, saved.slot)  # nothing half-written
        after = service.answer(view.interview_id, "Floristería Lola, Sevilla", "ana")
        assert after.step >= saved.step
    finally:
        server.destroy()


@pytest.mark.slow
def test_the_cli_exits_non_zero_with_a_message_when_the_database_is_down(tmp_path: Path) -> None:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("ESTRATEGA_")}
    env.update(ESTRATEGA_DATA_DIR=str(tmp_path), PYTHONPATH=str(ROOT),
               ESTRATEGA_DATABASE_URL=f"postgresql://app:{PASSWORD}@127.0.0.1:{free_port()}/x")
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(ANSWERS), encoding="utf-8")
    cli = Path(sys.executable).with_name("assistant")
    done = subprocess.run([str(cli), "plan", "--answers", str(answers), "--out",
                           str(tmp_path / "plan.md")], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode != 0
    assert "base de datos" in done.stderr  # the answers are in Spanish
    assert not (tmp_path / "plan.md").exists()
    assert PASSWORD not in done.stderr + done.stdout


def test_the_deployment_sets_only_real_settings_and_proxies_to_its_replicas() -> None:
    import re

    import yaml

    from assistant.settings import Settings

    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    fields = {f"ESTRATEGA_{name.upper()}" for name in Settings.model_fields}
    for name in ("app1", "app2", "init"):
        env = services[name]["environment"]
        assert set(env) <= fields, set(env) - fields
        assert env["ESTRATEGA_CHROMA_HOST"] in services
        assert "@postgres:5432/" in env["ESTRATEGA_DATABASE_URL"]
    nginx = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    upstreams = re.findall(r"server (\w+):7860", nginx)
    assert upstreams == ["app1", "app2"] and all(u in services for u in upstreams)


@pytest.mark.slow
def test_the_app_exits_non_zero_with_a_message_when_the_database_is_down(
        tmp_path: Path) -> None:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("ESTRATEGA_")}
    env.update(ESTRATEGA_DATA_DIR=str(tmp_path), ESTRATEGA_PORT=str(free_port()),
               ESTRATEGA_DATABASE_URL=f"postgresql://app:{PASSWORD}@127.0.0.1:{free_port()}/x")
    done = subprocess.run([sys.executable, str(ROOT / "app.py")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "Estratega: Cannot reach the database" in done.stderr
    assert PASSWORD not in done.stderr + done.stdout and "Traceback" not in done.stderr
