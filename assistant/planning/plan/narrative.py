"""Optional: a chat model rewrites the narrative sections. Its output must pass the plan model
and the validator; otherwise the deterministic draft stays."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import ValidationError

from ...prompts import PromptLibrary
from .model import NARRATIVE_SECTIONS, Plan
from .validator import validate_plan

LANGUAGE_NAMES = {"es": "Spanish", "fr": "French", "it": "Italian", "en": "English"}


def rewrite_sections(plan: Plan, answers: dict[str, Any], chat_model: Any,
                     prompts: PromptLibrary,
                     sections: tuple[str, ...] = NARRATIVE_SECTIONS) -> Plan | None:
    """The plan with its narrative sections rewritten by the model, or None when the model
    fails, answers badly, or breaks the plan (the caller keeps the draft)."""
    current = {name: plan.model_dump()[name] for name in sections}
    prompt = prompts.render(
        "plan/narrative", language_name=LANGUAGE_NAMES[plan.language],
        excluded=", ".join(plan.excluded_channels),
        answers=json.dumps(answers, ensure_ascii=False, indent=1),
        sections=json.dumps(current, ensure_ascii=False, indent=1),
        keys=", ".join(sections),
    )
    try:
        reply = chat_model.invoke(prompt)
        text = getattr(reply, "content", reply)
        data = _json_object(str(text))
        update = {name: data[name] for name in sections}
        candidate = Plan.model_validate({**plan.model_dump(), **update, "narrative_by": "model"})
    except (ValidationError, ValueError, KeyError, TypeError):
        return None
    except Exception:  # noqa: BLE001 - any backend failure keeps the deterministic draft
        return None
    if validate_plan(candidate) or _mentions_excluded(candidate, plan.excluded_channels):
        return None
    return candidate


def _json_object(text: str) -> dict[str, Any]:
    match = re.search(r"\{.*\}", text, re.S)
    if not match:
        raise ValueError("no JSON object in the reply")
    data = json.loads(match.group(0))
    if not isinstance(data, dict):
        raise ValueError("the reply is not a JSON object")
    return data


def _mentions_excluded(plan: Plan, excluded: list[str]) -> bool:
    text = plan.summary.lower()
    return any(channel.replace("_", " ") in text for channel in excluded)
