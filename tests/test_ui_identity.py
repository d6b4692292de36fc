"""Browser ids are signed by the server; a forged or edited id is never accepted."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from assistant.ui.identity import KEY_FILE, BrowserIds, owner_id


def test_a_signed_id_is_recognised_after_a_restart(tmp_path: Path) -> None:
    owner, token = BrowserIds(tmp_path).issue()
    assert BrowserIds(tmp_path).verify(token) == owner  # same key file, new process
    assert (tmp_path / KEY_FILE).stat().st_mode & 0o077 == 0


def test_forged_or_edited_ids_are_refused(tmp_path: Path) -> None:
    ids = BrowserIds(tmp_path)
    owner, token = ids.issue()
    other_owner, _ = ids.issue()
    signature = token.split(".")[1]
    for forged in (owner, f"{other_owner}.{signature}", f"{owner}.{'0' * 64}",
                   f"user:ana.{signature}", "", None, 42, f"{token}.x"):
        assert ids.verify(forged) is None
    assert BrowserIds(tmp_path / "elsewhere").verify(token) is None  # another server's key


def test_owner_comes_from_the_login_never_from_session_state() -> None:
    logged_in = SimpleNamespace(username="ana", session_hash="s1")
    anonymous = SimpleNamespace(username=None, session_hash="s2")
    assert owner_id("browser:abc", logged_in) == "user:ana"
    # Without a verified request, state and session hash count for nothing: a fresh stranger.
    for claimed in ("browser:abc", "user:ana", ""):
        who = owner_id(claimed, anonymous)
        assert who.startswith("anon:") and who != owner_id(claimed, anonymous)
