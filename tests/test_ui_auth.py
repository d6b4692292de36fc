"""With ESTRATEGA_AUTH set: nothing but the login page without a login, and each logged-in user
sees only their own interviews, plans and uploads."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.ui_server import CHROMIUM, RunningApp, running_app

pytestmark = pytest.mark.slow
gradio_client = pytest.importorskip("gradio_client")

ANA, LUC = ("ana", "pw-ana-7"), ("luc", "pw-luc-9")
PROTECTED = [
    ("GET", "/config"), ("GET", "/gradio_api/info"), ("GET", "/gradio_api/openapi.json"),
    ("POST", "/gradio_api/upload"), ("GET", "/gradio_api/upload_progress?upload_id=x"),
    ("GET", "/gradio_api/file=/etc/hostname"), ("POST", "/gradio_api/queue/join"),
    ("GET", "/gradio_api/queue/data?session_hash=x"), ("POST", "/gradio_api/call/ask"),
    ("POST", "/gradio_api/run/ask"), ("POST", "/gradio_api/run/sources"),
    ("GET", "/gradio_api/heartbeat/x"), ("POST", "/gradio_api/cancel"), ("GET", "/monitoring"),
    ("GET", "/gradio_api/proxy=http://127.0.0.1/"), ("GET", "/anything/else"),
]


@pytest.fixture(scope="module")
def app(fresh_data: Callable[[str], Path]) -> Iterator[RunningApp]:
    data = fresh_data("auth")
    with running_app(data, ESTRATEGA_AUTH=f"{ANA[0]}:{ANA[1]},{LUC[0]}:{LUC[1]}") as running:
        yield running


def http(app: RunningApp, method: str, path: str) -> tuple[int, bytes]:
    """Status and the first bytes of a plain request without any cookie."""
    body = json.dumps({"data": ["en"], "fn_index": 0, "session_hash": "x",
                       "event_id": "x"}).encode() if method == "POST" else None
    request = urllib.request.Request(app.url.rstrip("/") + path, data=body, method=method,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, response.read(4000)
    except urllib.error.HTTPError as err:
        return err.code, err.read(4000)


@pytest.mark.parametrize(("method", "path"), PROTECTED)
def test_every_route_but_the_login_page_needs_a_login(app: RunningApp, method: str,
                                                      path: str) -> None:
    status, _ = http(app, method, path)
    assert status == 401, f"{method} {path} answered {status} without a login"


def test_the_login_page_shows_no_part_of_the_app(app: RunningApp) -> None:
    status, page = http(app, "GET", "/")
    assert status == 200
    text = page.decode("utf-8", "replace")
    for secret in ("estratega-owner", "tab-chat", "Marketing plan", "/ask"):
        assert secret not in text


def test_gradio_client_without_credentials_is_refused(app: RunningApp) -> None:
    with pytest.raises(Exception):  # noqa: B017 - any refusal, as long as nothing is served
        client = gradio_client.Client(app.url, verbose=False)
        client.predict("en", api_name="/sources")
    with pytest.raises(Exception):  # noqa: B017
        gradio_client.Client(app.url, auth=("ana", "wrong"), verbose=False)


def test_logged_in_users_never_see_each_others_work(app: RunningApp, tmp_path: Path) -> None:
    ana = gradio_client.Client(app.url, auth=ANA, verbose=False)
    luc = gradio_client.Client(app.url, auth=LUC, verbose=False)
    doc = tmp_path / "capybara-notes.txt"
    doc.write_text("Capybara pricing: our bakery charges a flat 2 euro for any croissant, every "
                   "day, to keep the Capybara pricing promise simple for students.",
                   encoding="utf-8")
    ana.predict(gradio_client.handle_file(str(doc)), "en", api_name="/upload")
    ana.predict("en", api_name="/start_interview")
    ana.predict("Capybara Bakery, a bakery in Porto", "en", api_name="/answer")
    ana_saved = ana.predict("en", api_name="/saved_work")["choices"]
    assert ana_saved and "capybara-notes.txt" in str(ana.predict("en", api_name="/sources")[0])
    chat, _ = ana.predict("What is the Capybara pricing promise?", "en", api_name="/ask")
    assert "capybara-notes.txt" in json.dumps(chat)  # ana's answer cites her document

    assert luc.predict("en", api_name="/saved_work")["choices"] == []
    assert "capybara" not in str(luc.predict("en", api_name="/sources")[0]).lower()
    chat, _ = luc.predict("What is the Capybara pricing promise?", "en", api_name="/ask")
    assert "capybara-notes" not in json.dumps(chat)
    with pytest.raises(Exception) as err:
        luc.predict(ana_saved[0][1], "en", api_name="/open_saved")
    assert "Capybara" not in str(err.value)

    # The same user from a second client (another browser) finds their own work again.
    ana_again = gradio_client.Client(app.url, auth=ANA, verbose=False)
    assert ana_again.predict("en", api_name="/saved_work")["choices"] == ana_saved
    assert "capybara-notes.txt" in str(ana_again.predict("en", api_name="/sources")[0])


def test_a_logged_in_user_replaying_anothers_session_hash_gets_nothing(app: RunningApp,
                                                                       tmp_path: Path) -> None:
    ana = gradio_client.Client(app.url, auth=ANA, verbose=False)
    doc = tmp_path / "okapi-notes.txt"
    doc.write_text("Okapi loyalty card: every tenth okapi coffee is free for regulars, "
                   "the okapi promise.", encoding="utf-8")
    ana.predict(gradio_client.handle_file(str(doc)), "en", api_name="/upload")
    ana.predict("What is the okapi loyalty card?", "en", api_name="/ask")

    luc = gradio_client.Client(app.url, auth=LUC, verbose=False)
    luc.session_hash = ana.session_hash  # his own login, her session hash
    for args, api in ((("What did I ask before?", "en"), "/ask"), (("en",), "/saved_work"),
                      (("en",), "/sources")):
        try:
            got = json.dumps(luc.predict(*args, api_name=api))
        except Exception as err:  # noqa: BLE001 - refused is fine, served is not
            got = str(err)
        assert "okapi" not in got.lower(), (api, got[:300])
    chat, _ = ana.predict("And who gets it?", "en", api_name="/ask")
    assert "What is the okapi loyalty card?" in json.dumps(chat)
    assert "What did I ask before?" not in json.dumps(chat)


def login(app: RunningApp, user: str, password: str) -> tuple[int, dict, Any]:
    """Status, JSON body and headers of one login attempt (a French browser)."""
    body = urllib.parse.urlencode({"username": user, "password": password}).encode()
    request = urllib.request.Request(app.url.rstrip("/") + "/login", data=body, method="POST",
                                     headers={"Accept-Language": "fr-FR,fr;q=0.8"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, json.loads(response.read()), response.headers
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"{}"), err.headers


def test_password_guessing_is_throttled_with_a_clear_message(app: RunningApp) -> None:
    for _ in range(5):  # ESTRATEGA_LOGIN_MAX_FAILURES defaults to 5
        assert login(app, "eve", "guess")[0] == 400
    status, body, headers = login(app, "eve", "guess")
    assert status == 429 and "Attendez" in body["detail"] and int(headers["Retry-After"]) > 0
    assert login(app, LUC[0], LUC[1])[0] == 200  # other users are not locked out


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"Debian chromium not found at {CHROMIUM}")
def test_the_browser_gets_the_app_only_after_logging_in(app: RunningApp,
                                                      chromium) -> None:  # noqa: ANN001
    sync_api = pytest.importorskip("playwright.sync_api")
    context = chromium.new_context(locale="en-US")
    try:
        page = context.new_page()
        page.goto(app.url)
        sync_api.expect(page.locator("input[type=password]")).to_be_visible(timeout=30_000)
        assert page.locator("#tab-chat").count() == 0
        page.locator("input[type=text]").first.fill(LUC[0])
        page.locator("input[type=password]").fill(LUC[1])
        page.keyboard.press("Enter")
        sync_api.expect(page.get_by_role("tab", name="Knowledge")).to_be_visible(timeout=30_000)
        page.get_by_role("tab", name="Knowledge").click()
        table = page.locator("#sources-table")
        sync_api.expect(table).to_contain_text("SWOT", timeout=30_000)
        sync_api.expect(table).not_to_contain_text("capybara")
    finally:
        context.close()


def test_a_forged_forwarded_address_does_not_escape_the_address_limit(app: RunningApp) -> None:
    """No proxy is trusted by default (ESTRATEGA_TRUSTED_PROXIES): X-Forwarded-For from a
    loopback client is not its address. Last in this module: it locks out 127.0.0.1."""
    statuses = []
    for n in range(30):  # a new name and a new "address" per guess
        body = urllib.parse.urlencode({"username": f"guess{n}", "password": "x"}).encode()
        request = urllib.request.Request(
            app.url.rstrip("/") + "/login", data=body, method="POST",
            headers={"X-Forwarded-For": f"203.0.113.{n + 1}"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                statuses.append(response.status)
        except urllib.error.HTTPError as err:
            statuses.append(err.code)
    assert 429 in statuses, statuses
    assert statuses.index(429) <= 20  # 4 x ESTRATEGA_LOGIN_MAX_FAILURES from one address
