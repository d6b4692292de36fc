"""knowledge/playbook/open.json: what the plan needs for a business outside the playbook's types
(the fit threshold of the nearest type, cost factors per currency, the families' actions), and
whether the nearest type fits well enough to lend its trade's words."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from ..understanding.model import Understanding


@cache
def open_data(folder: Path) -> dict[str, Any]:
    """knowledge/playbook/open.json (cached)."""
    return json.loads((folder / "open.json").read_text(encoding="utf-8"))


def default_open_data() -> dict[str, Any]:
    """The shipped open.json."""
    from ...settings import PROJECT_ROOT

    return open_data(PROJECT_ROOT / "knowledge" / "playbook")


def type_fits(understood: Understanding | None, data: dict[str, Any]) -> bool:
    """Whether the nearest playbook type fits well enough to lend its trade's words; a profile
    without a type score (older callers, a type the owner chose) fits."""
    if understood is None or "type" not in understood.profile.confidence \
            or "business_type" in understood.corrected:
        return True
    return understood.profile.confidence["type"] >= data["fit_threshold"]
