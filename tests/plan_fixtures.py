"""Shared helpers for the interview and plan tests: real prompts, playbook, a temp database."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from assistant.planning.persistence import Database
from assistant.planning.plan import load_playbook
from assistant.planning.service import PlanService
from assistant.prompts import PromptLibrary
from assistant.settings import PROJECT_ROOT

PROMPTS = PromptLibrary(PROJECT_ROOT / "prompts")
PLAYBOOK = load_playbook(PROJECT_ROOT / "knowledge" / "playbook")

ANSWERS: dict[str, Any] = {
    "language": "es",
    "business": "Floristería Lola, tienda de flores y plantas en Triana, Sevilla",
    "offer": "ramos de temporada desde 25 € y suscripción mensual de flores para oficinas",
    "customers": "vecinos de 30 a 55 años que regalan flores y oficinas pequeñas del barrio",
    "competitors": "dos floristerías del centro y los supermercados; entregamos en 2 horas",
    "situation": "Instagram con 800 seguidores; repartimos folletos una vez sin resultados",
    "goal": "conseguir 60 clientes nuevos para la suscripción de oficinas",
    "horizon_months": 12,
    "budget": {"amount": 8000, "currency": "EUR"},
    "channels": ["Instagram", "WhatsApp", "la tienda"],
    "excluded_channels": ["TikTok", "folletos"],
    "constraints": "solo dos personas, unas 4 horas a la semana para marketing",
}


def answers(**changes: Any) -> dict[str, Any]:
    """A copy of the sample answers with some values changed."""
    out = copy.deepcopy(ANSWERS)
    out.update(changes)
    return out


class Clock:
    """A clock that advances one second per call (ordering without sleeping)."""

    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        self.now += 1
        return self.now


def make_service(tmp_path: Path, chat_model: Any = None) -> PlanService:
    """A PlanService on a fresh SQLite file in tmp_path."""
    return PlanService(Database(tmp_path / "estratega.sqlite3"), PROMPTS, PLAYBOOK,
                       explain=lambda cid, lang: f"[{cid}:{lang}] explanation",
                       chat_model=chat_model, clock=Clock())
