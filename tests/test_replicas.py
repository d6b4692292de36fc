"""Two replicas behind one address: real PostgreSQL, a real `chroma run` server, and each
replica a separate Python process with its own data folder (as two containers would be).

Replicas are driven over stdin/stdout with one JSON command per line, so the test sees exactly
what each process sees: an upload through A is found by B's very next search (BM25 included),
an interview started on A goes on on B, a plan drafted on B is listed on A, users stay apart,
and a replica killed mid-upload leaves nothing that B can find."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant import Assistant
from tests.conftest import ROOT, make_settings
from tests.long_text import varied_paragraphs
from tests.nginx_server import UPSTREAM_HEADER, nginx_binary, running_nginx
from tests.pg_server import PostgresServer, free_port, pg_bin
from tests.test_store_server import _start as start_chroma

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(pg_bin() is None, reason="PostgreSQL binaries not installed "
                       "(make test installs Debian's postgresql)"),
]

WORKER = r'''
import json, sys, traceback
from pathlib import Path
from assistant import Assistant
from assistant.errors import EstrategaError
from tests.conftest import make_settings
from tests.plan_fixtures import ANSWERS

data, port, url = sys.argv[1], int(sys.argv[2]), sys.argv[3]
a = Assistant(make_settings(Path(data), chroma_host="127.0.0.1", chroma_port=port,
                            database_url=url))
a.open()
plans = a.plans

def run(cmd):
    op = cmd["op"]
    if op == "add":
        progress = None
        if cmd.get("report"):
            progress = lambda share, label: print(json.dumps({"progress": share}), flush=True)
        rec = a.add_document(cmd["name"], cmd["text"].encode(), owner=cmd["owner"],
                             progress=progress)
        return rec.source_id
    if op == "remove":
        return a.remove_document(cmd["source_id"], owner=cmd["owner"])
    if op == "search":
        hits = a.search(cmd["query"], k=cmd.get("k", 5), owner=cmd["owner"],
                        mode=cmd.get("mode", "hybrid"))
        return [h.source_id for h in hits]
    if op == "sources":
        return [r.source_id for r in a.sources(owner=cmd["owner"]) if r.kind == "upload"]
    if op == "start":
        return plans.start_interview(cmd["owner"], "es").interview_id
    if op == "answer":
        v = plans.answer(cmd["id"], cmd["text"], cmd["owner"])
        return [v.step, v.slot]
    if op == "get":
        v = plans.get_interview(cmd["id"], cmd["owner"])
        return [v.step, v.slot]
    if op == "draft":
        return plans.draft_plan(dict(ANSWERS), cmd["owner"]).id
    if op == "plans":
        return [r.id for r in plans.list_plans(cmd["owner"])]
    if op == "aligned":
        return a.runtime.sync.aligned
    raise ValueError(op)

print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    cmd = json.loads(line)
    try:
        out = {"ok": run(cmd)}
    except EstrategaError as err:
        out = {"error": err.code}
    except Exception:
        out = {"crash": traceback.format_exc()}
    print(json.dumps(out), flush=True)
'''


class Replica:
    """One app process over the shared PostgreSQL and Chroma server."""

    def __init__(self, data: Path, chroma_port: int, url: str) -> None:
        environ = {k: v for k, v in os.environ.items() if not k.startswith("ESTRATEGA_")}
        self.process = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(data), str(chroma_port), url], cwd=ROOT,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            env={**environ, "PYTHONPATH": str(ROOT)})
        assert self.read() == {"ready": True}

    def read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, "the replica exited"
        return json.loads(line)

    def send(self, **cmd: Any) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(cmd) + "\n")
        self.process.stdin.flush()

    def __call__(self, op: str, **cmd: Any) -> Any:
        self.send(op=op, **cmd)
        out = self.read()
        assert "crash" not in out, out["crash"]
        return out.get("ok", out)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """PostgreSQL, a Chroma server with an empty collection, and replicas A and B."""
    root = tmp_path_factory.mktemp("replicas")
    postgres = PostgresServer().start()
    port = free_port()
    chroma = start_chroma(root / "chroma", port)
    url = postgres.new_database()
    Assistant(make_settings(root / "setup", chroma_host="127.0.0.1", chroma_port=port)
              ).runtime.store.open(create=True)
    replicas: dict[str, Replica] = {}
    try:
        replicas = {name: Replica(root / name, port, url) for name in ("a", "b")}
        yield {"root": root, "port": port, "url": url, **replicas}
    finally:
        for replica in replicas.values():
            replica.stop()
        chroma.terminate()
        chroma.wait(timeout=20)
        postgres.destroy()


BIKES = ("La tienda de bicicletas Radial, en Zaragoza, lanza un club de mantenimiento con "
         "revisiones trimestrales y un descuento para socios del velódromo. ") * 6
FLOWERS = ("Floristería Lola en Triana ofrece una suscripción de ramos para oficinas con entrega "
           "los lunes y una tarjeta de fidelidad para vecinos. ") * 6


def test_an_upload_on_a_is_found_by_bs_next_search_and_its_removal_too(
        shared: dict[str, Any]) -> None:
    a, b = shared["a"], shared["b"]
    assert b("search", query="club de mantenimiento bicicletas", owner="ana") == []
    source = a("add", name="radial.txt", text=BIKES, owner="ana")
    before = b("aligned")
    assert b("search", query="club de mantenimiento bicicletas", owner="ana",
             mode="lexical")[:1] == [source]  # B's BM25 caught up without a restart
    assert b("aligned") == before + 1
    assert b("search", query="club de mantenimiento bicicletas", owner="ana")[:1] == [source]
    assert b("aligned") == before + 1  # nothing changed since: no second catch-up
    assert b("sources", owner="ana") == [source]
    a("remove", source_id=source, owner="ana")
    assert source not in b("search", query="club de mantenimiento bicicletas", owner="ana",
                           mode="lexical")
    assert b("sources", owner="ana") == []


def test_users_stay_apart_across_replicas(shared: dict[str, Any]) -> None:
    a, b = shared["a"], shared["b"]
    source = a("add", name="lola.txt", text=FLOWERS, owner="lola")
    assert b("search", query="suscripción de ramos para oficinas", owner="lola")[:1] == [source]
    assert source not in b("search", query="suscripción de ramos para oficinas", owner="pepe")
    assert b("sources", owner="pepe") == []
    assert b("remove", source_id=source, owner="pepe") == {"error": "document_not_found"}
    interview = a("start", owner="lola")
    assert b("get", id=interview, owner="pepe") == {"error": "interview_not_found"}
    plan = b("draft", owner="lola")
    assert a("plans", owner="pepe") == [] and a("plans", owner="lola")[:1] == [plan]


def test_an_interview_started_on_a_goes_on_on_b_and_back(shared: dict[str, Any]) -> None:
    a, b = shared["a"], shared["b"]
    interview = a("start", owner="ana")
    first = a("get", id=interview, owner="ana")
    assert b("get", id=interview, owner="ana") == first
    after_b = b("answer", id=interview, text="Floristería Lola, tienda de flores en Sevilla",
                owner="ana")
    assert after_b != first
    assert a("get", id=interview, owner="ana") == after_b


def test_a_plan_drafted_on_b_is_listed_on_a(shared: dict[str, Any]) -> None:
    a, b = shared["a"], shared["b"]
    plan = b("draft", owner="marta")
    assert a("plans", owner="marta") == [plan]


def test_killing_a_mid_upload_leaves_nothing_half_indexed_for_b(shared: dict[str, Any]) -> None:
    c = Replica(shared["root"] / "c", shared["port"], shared["url"])
    b = shared["b"]
    text = varied_paragraphs(350, "El taller de cerámica Arcilla en ferias artesanas, párrafo",
                             words=80)  # ~350 passages: under the limit, long to index
    try:
        c.send(op="add", name="arcilla.txt", text=text, owner="ana", report=True)
        share = 0.0
        while not 0.3 < share < 0.9:  # killed inside indexing: chunks stored, not registered
            share = c.read()["progress"]
        c.process.send_signal(signal.SIGKILL)
    finally:
        c.stop()
    for mode in ("hybrid", "dense", "lexical"):
        assert not [s for s in b("search", query="taller de cerámica Arcilla ferias artesanas",
                                 owner="ana", mode=mode) if s.startswith("upload-")]
    assert b("sources", owner="ana") == []
    # B keeps working, and the next upload is whole.
    source = b("add", name="lola.txt", text=FLOWERS, owner="ana")
    assert shared["a"]("search", query="ramos para oficinas", owner="ana")[:1] == [source]


def test_chunks_stored_by_a_replica_that_died_before_registering_them_stay_invisible(
        shared: dict[str, Any]) -> None:
    from assistant.indexing.chunking import split_source
    from assistant.indexing.embeddings import embed
    from assistant.indexing.uploads import new_upload

    text = ("El estudio de yoga Prana en Bilbao organiza retiros de fin de semana con "
            "meditación guiada y cocina vegetariana. ") * 8
    died = Assistant(make_settings(shared["root"] / "died", chroma_host="127.0.0.1",
                                   chroma_port=shared["port"], database_url=shared["url"]))
    runtime = died.runtime
    runtime.store.open()
    source = new_upload("prana.txt", text.encode(), "ana", "es", text).source()
    chunks = split_source(source, 1000, 120)
    runtime.store.add(chunks, embed(runtime.embedding_function, [c.text for c in chunks]))
    runtime.database.bump("index")  # another replica's change makes B re-align meanwhile
    b = shared["b"]
    for mode in ("hybrid", "dense", "lexical"):
        assert source.source_id not in b("search", query="retiros de yoga Prana en Bilbao",
                                         owner="ana", mode=mode)
    assert source.source_id not in b("sources", owner="ana")


IDENTITY = r'''
import sys
from pathlib import Path
from assistant.ui.identity import BrowserIds
ids = BrowserIds(Path(sys.argv[1]))
if sys.argv[2] == "issue":
    owner, token = ids.issue()
    print(owner, token)
else:  # verify with this key, with another key, and a tampered token
    token = sys.argv[3]
    print(ids.verify(token), BrowserIds(Path(sys.argv[4])).verify(token),
          ids.verify(token[:-1] + ("1" if token[-1] == "0" else "0")))
'''


def _identity(*args: str) -> str:
    done = subprocess.run([sys.executable, "-c", IDENTITY, *args], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_browser_id_signed_by_one_process_is_honoured_by_another_sharing_the_key(
        tmp_path: Path) -> None:
    owner, token = _identity(str(tmp_path / "shared"), "issue").split()
    # Same key file (the shared data volume): the same browser. Another key (a replica without
    # the shared volume): a stranger. A tampered token: a stranger.
    assert _identity(str(tmp_path / "shared"), "verify", token, str(tmp_path / "other")
                     ).split() == [owner, "None", "None"]


def test_two_app_replicas_honour_one_browser_and_show_it_the_same_work(
        shared: dict[str, Any], tmp_path: Path) -> None:
    """Real `app.py` processes sharing a data folder (as in deploy/compose.yaml): the identity
    cookie one replica set is honoured by the other, which shows that browser's upload and
    interview; a browser without the cookie sees neither. Runs last: it indexes the knowledge."""
    from gradio_client import Client, handle_file

    from tests.ui_server import running_app

    Assistant(make_settings(shared["root"] / "kb", chroma_host="127.0.0.1",
                            chroma_port=shared["port"], database_url=shared["url"])).ingest()
    env = {"ESTRATEGA_DATABASE_URL": shared["url"], "ESTRATEGA_CHROMA_HOST": "127.0.0.1",
           "ESTRATEGA_CHROMA_PORT": str(shared["port"])}
    data = shared["root"] / "apps"
    document = tmp_path / "notas-quokka.txt"
    document.write_text("La oferta quokka: cada cliente que dice quokka en caja recibe un café. "
                        "La oferta quokka dura todo el año.", encoding="utf-8")
    with running_app(data, **env) as app_a, running_app(data, **env) as app_b:
        on_a = Client(app_a.url, verbose=False)
        token = on_a.cookies["estratega-id"]
        on_a.predict(handle_file(str(document)), "es", api_name="/upload")
        on_a.predict("es", api_name="/start_interview")
        on_b = Client(app_b.url, verbose=False, httpx_kwargs={"cookies": {"estratega-id": token}})
        assert on_b.cookies["estratega-id"] == token
        assert "notas-quokka" in json.dumps(on_b.predict("es", api_name="/sources"),
                                            ensure_ascii=False)
        assert len(on_b.predict("es", api_name="/saved_work").get("choices", [])) == 1
        stranger = Client(app_b.url, verbose=False)
        assert stranger.cookies["estratega-id"] != token
        assert "notas-quokka" not in json.dumps(stranger.predict("es", api_name="/sources"),
                                                ensure_ascii=False)
        assert stranger.predict("es", api_name="/saved_work").get("choices", []) == []


def _http(url: str, method: str, path: str, cookie: str = "", body: bytes | None = None,
          source: str = "127.0.0.1", headers: dict[str, str] | None = None
          ) -> tuple[int, dict[str, str]]:
    """One request from the loopback address `source`: status and (lower-case) headers."""
    import http.client
    from urllib.parse import urlparse

    parts = urlparse(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60,
                                      source_address=(source, 0))
    sent = dict(headers or {})
    if cookie:
        sent["Cookie"] = cookie
    if body is not None:
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        conn.request(method, path, body=body, headers=sent)
        response = conn.getresponse()
        response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}
    finally:
        conn.close()


def _login(url: str, user: str, password: str, source: str, forwarded: str = "") -> int:
    from urllib.parse import urlencode

    body = urlencode({"username": user, "password": password}).encode()
    return _http(url, "POST", "/login", body=body, source=source,
                 headers={"X-Forwarded-For": forwarded} if forwarded else None)[0]


@pytest.mark.skipif(nginx_binary() is None, reason="nginx not installed (make nginx)")
def test_the_deploy_nginx_keeps_a_browser_on_one_replica_and_moves_it_when_that_one_stops(
        shared: dict[str, Any], tmp_path: Path) -> None:
    """deploy/nginx.conf itself (addresses rewritten to loopback) in front of two real `app.py`
    replicas with login on: a browser id always reaches the same replica, both replicas serve
    browsers, a stopped replica's browsers go on on the other one with the same id and can log
    in there, and the login throttle sees the client's address that nginx forwards (the
    replicas trust it as a proxy), not one a client writes in X-Forwarded-For."""
    from tests.ui_server import running_app

    Assistant(make_settings(shared["root"] / "kb", chroma_host="127.0.0.1",
                            chroma_port=shared["port"], database_url=shared["url"])).ingest()
    env = {"ESTRATEGA_DATABASE_URL": shared["url"], "ESTRATEGA_CHROMA_HOST": "127.0.0.1",
           "ESTRATEGA_CHROMA_PORT": str(shared["port"]), "ESTRATEGA_AUTH": "ana:pw-ana-7",
           "ESTRATEGA_TRUSTED_PROXIES": "127.0.0.1"}
    data = shared["root"] / "proxied"
    with running_app(data, **env) as app_a, running_app(data, **env) as app_b:
        ports = [int(app.url.rstrip("/").rsplit(":", 1)[1]) for app in (app_a, app_b)]
        with running_nginx(tmp_path / "nginx", ports) as url:
            browsers: list[tuple[str, str]] = []
            for _ in range(12):
                status, headers = _http(url, "GET", "/")
                assert status == 200
                cookie = headers["set-cookie"].split(";")[0]
                assert cookie.startswith("estratega-id=")
                served = {_http(url, "GET", "/", cookie)[1][UPSTREAM_HEADER.lower()]
                          for _ in range(4)}
                assert len(served) == 1, served  # one browser, one replica
                browsers.append((cookie, served.pop()))
            assert {upstream for _, upstream in browsers} == {f"127.0.0.1:{p}" for p in ports}
            cookie, upstream = browsers[0]
            stopped = (app_a, app_b)[ports.index(int(upstream.rsplit(":", 1)[1]))]
            stopped.process.terminate()
            stopped.process.wait(timeout=60)
            status, headers = _http(url, "GET", "/", cookie)
            assert status == 200
            assert headers[UPSTREAM_HEADER.lower()].split(", ")[-1] != upstream
            assert "set-cookie" not in headers  # the same browser id, honoured by the other
            assert _login(url, "ana", "pw-ana-7", "127.0.0.2") == 200
            statuses = [_login(url, f"guess{n}", "x", "127.0.0.3", f"203.0.113.{n + 1}")
                        for n in range(24)]
            assert 429 in statuses and statuses.index(429) <= 20, statuses
            assert _login(url, "ana", "pw-ana-7", "127.0.0.4") == 200  # another address
