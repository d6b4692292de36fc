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


def make_service(tmp_path: Path) -> PlanService:
    """A PlanService on a fresh SQLite file in tmp_path."""
    return PlanService(Database(tmp_path / "estratega.sqlite3"), PROMPTS, PLAYBOOK,
                       explain=lambda cid, lang: f"[{cid}:{lang}] explanation",
                       clock=Clock())


# The seven businesses of issue #10, written the way their owners wrote (plan-fit evidence).
def _case(ident: str, lang: str, answers_: dict[str, Any], **labels: Any) -> dict[str, Any]:
    return {"id": ident, "lang": lang, "answers": {"language": lang, **answers_},
            "labels": labels}


SEVEN: list[dict[str, Any]] = [
    _case("seven-it-bakery", "it", {
        "business": "Panificio Bellini, forno artigianale a Lucca dal 1968",
        "offer": "pane a lievitazione naturale, focacce, pasticceria secca e torte su ordinazione",
        "customers": "famiglie del quartiere, anziani che vengono ogni mattina e gli impiegati "
                     "degli uffici in via Roma a pranzo",
        "competitors": "il supermercato Esselunga a 300 metri e un bar che vende cornetti "
                       "surgelati; noi facciamo tutto a mano ogni notte",
        "situation": "la mattina lavoriamo bene ma il pomeriggio è vuoto",
        "goal": "più clienti nuovi dagli uffici e dalle famiglie giovani",
        "horizon_months": 12, "budget": {"amount": 3000, "currency": "EUR"},
        "channels": ["vetrina", "passaparola"], "excluded_channels": ["TikTok"]},
        business_type="bakery", goals=[{"goal": "acquisition"}], channels=["in_store", "referral"],
        excluded=["tiktok"], busy_months=[12], quiet_months=[8], start_month=2,
        hours_per_week=4, team_size=3, average_sale=7, margin=0.6),
    _case("seven-fr-saas", "fr", {
        "business": "Clarifisc, logiciel SaaS de préparation des liasses fiscales pour cabinets "
                    "d'expertise comptable",
        "offer": "abonnement à 89 € par mois et par utilisateur, essai gratuit de 14 jours",
        "customers": "cabinets comptables de 3 à 30 personnes en France",
        "competitors": "les modules des gros éditeurs comptables, chers et lourds; nous "
                       "sommes deux fois plus rapides à prendre en main",
        "situation": "35 cabinets clients après trois ans, surtout par bouche-à-oreille",
        "goal": "passer de 35 à 60 cabinets clients",
        "horizon_months": 12, "budget": {"amount": 6000, "currency": "EUR"},
        "channels": ["webinaires", "LinkedIn"],
        "excluded_channels": ["Facebook", "Instagram"]},
        business_type="saas", goals=[{"goal": "acquisition", "current": 35, "target": 60}],
        channels=["webinars", "linkedin"], excluded=["facebook", "instagram", "meta_ads"],
        current_customers=35, busy_months=[1, 2, 3, 4, 5], quiet_months=[7, 8],
        start_month=9, hours_per_week=10, team_size=4, average_sale=1068, margin=0.85),
    _case("seven-es-gym", "es", {
        "business": "Gimnasio Fuerza Norte, gimnasio de barrio en Valladolid",
        "offer": "cuota mensual de 39 €, clases dirigidas y sala de musculación",
        "customers": "adultos de 25 a 55 años que viven o trabajan a menos de 10 minutos",
        "competitors": "dos cadenas low cost en el centro",
        "situation": "tenemos 300 socios y en verano se dan de baja muchos",
        "goal": "llegar a 450 socios y reducir las bajas de verano a la mitad",
        "horizon_months": 12, "budget": {"amount": 8000, "currency": "EUR"},
        "channels": ["Instagram", "boca a boca"], "excluded_channels": []},
        business_type="fitness",
        goals=[{"goal": "acquisition", "current": 300, "target": 450},
               {"goal": "loyalty", "change": -50, "unit": "percent"}],
        channels=["instagram", "referral"], current_customers=300, busy_months=[1, 9],
        quiet_months=[7, 8], start_month=3, hours_per_week=6, team_size=4, average_sale=39,
        margin=0.7),
    _case("seven-it-agriturismo", "it", {
        "business": "Agriturismo Il Poggio, sei camere tra Montalcino e Pienza",
        "offer": "camere con colazione, corsi di cucina toscana e degustazioni di vino",
        "customers": "coppie straniere (tedesche, olandesi, americane) e famiglie italiane "
                     "nel weekend",
        "competitors": "altri agriturismi della Val d'Orcia su Booking",
        "situation": "pieni da maggio a ottobre; marzo, aprile e novembre quasi vuoti",
        "goal": "riempire marzo, aprile e novembre con prenotazioni dirette",
        "horizon_months": 12, "budget": {"amount": 5000, "currency": "EUR"},
        "channels": ["sito web", "newsletter"], "excluded_channels": []},
        business_type="hospitality", goals=[{"goal": "acquisition"}],
        channels=["website", "email"], busy_months=[5, 6, 7, 8, 9, 10],
        quiet_months=[3, 4, 11], start_month=1, hours_per_week=5, team_size=2,
        average_sale=480, margin=0.5),
    _case("seven-es-dental", "es", {
        "business": "Clínica Dental Sonríe, en Murcia",
        "offer": "odontología general, implantes y ortodoncia invisible",
        "customers": "familias y adultos de 30 a 65 años de Murcia",
        "competitors": "franquicias dentales con publicidad agresiva",
        "situation": "unos 1.200 pacientes activos; la mayoría llega por recomendación",
        "goal": "conseguir más pacientes nuevos",
        "horizon_months": 12, "budget": {"amount": 12000, "currency": "EUR"},
        "channels": ["Google", "recomendaciones"], "excluded_channels": []},
        business_type="health_clinic", goals=[{"goal": "acquisition"}],
        channels=["google_business", "referral"], current_customers=1200,
        regulated="health", start_month=4, hours_per_week=6, team_size=8, average_sale=350,
        margin=0.5),
    _case("seven-en-photographer", "en", {
        "business": "Maya Hart Photography, wedding photographer in Bath",
        "offer": "wedding packages from £1,400 for a half day to £2,600 for the full day",
        "customers": "couples getting married in Somerset and the Cotswolds",
        "competitors": "about twenty local wedding photographers; my style is documentary "
                       "and relaxed",
        "situation": "I shoot about 18 weddings a year, fully booked May to September",
        "goal": "book 25 weddings for next season",
        "horizon_months": 12, "budget": {"amount": 2500, "currency": "GBP"},
        "channels": ["Instagram", "venue recommendations"], "excluded_channels": ["TikTok"]},
        business_type="creative_freelancer", goals=[{"goal": "acquisition", "current": 18,
                                                     "target": 25}],
        channels=["instagram", "partnerships"], excluded=["tiktok"], current_customers=18,
        busy_months=[5, 6, 7, 8, 9], quiet_months=[1, 2, 11], start_month=10,
        hours_per_week=4, team_size=1, average_sale=2000, margin=0.7),
    _case("seven-es-ceramics", "es", {
        "business": "Barro y Luna, tienda online de cerámica hecha a mano",
        "offer": "tazas, platos y jarrones de gres hechos a mano, de 18 a 90 €",
        "customers": "mujeres de 28 a 50 años que cuidan la decoración y buscan regalos",
        "competitors": "tiendas de decoración en cadena y otras ceramistas en Etsy",
        "situation": "vendo sobre todo por Instagram (4.000 seguidores) y en ferias",
        "goal": "vender más en mi web y depender menos de las ferias",
        "horizon_months": 12, "budget": {"amount": 1500, "currency": "EUR"},
        "channels": ["Instagram"], "excluded_channels": ["Facebook"],
        "constraints": "trabajo sola y tengo unas 3 horas a la semana para marketing"},
        business_type="ecommerce", goals=[{"goal": "acquisition"}], channels=["instagram"],
        excluded=["facebook", "meta_ads"], busy_months=[11, 12], quiet_months=[1, 2],
        start_month=9, hours_per_week=3, team_size=1, average_sale=35, margin=0.6),
]


def case_understanding(case: dict[str, Any], playbook: Any) -> Any:
    """The Understanding a case's labels describe (what the understanding step should read)."""
    from assistant.planning.understanding.model import GoalUnderstood, Understanding

    labels = case["labels"]
    goals = []
    for g in labels.get("goals") or []:
        change, unit = g.get("change"), g.get("unit")
        current, target = g.get("current"), g.get("target")
        if g["goal"] == "loyalty" and current and target is not None and target < current:
            change, unit = -round(100 * (current - target) / current), "percent"
        goals.append(GoalUnderstood(goal_id=g["goal"], text=case["answers"].get("goal", ""),
                                    current=current, target=target, change=change, unit=unit))
    return Understanding(
        business_type=labels["business_type"], goals=goals,
        channel_ids=[c for c in labels.get("channels") or [] if c in playbook.channels],
        excluded_ids=[c for c in labels.get("excluded") or [] if c in playbook.channels],
        current_customers=labels.get("current_customers"),
        average_sale=labels.get("average_sale"), gross_margin=labels.get("margin"),
        # "busy" in the older labels may be months customers buy (decision_months, #21): only
        # the months at capacity keep work light
        busy_months=[m for m in labels.get("busy_months") or []
                     if m not in (labels.get("decision_months") or [])],
        decision_months=labels.get("decision_months") or [],
        quiet_months=labels.get("quiet_months") or [],
        closed_months=labels.get("closed_months") or [],
        start_year=2026, start_month=labels.get("start_month") or 1,
        hours_per_week=labels.get("hours_per_week"), team_size=labels.get("team_size"),
        regulated=labels.get("regulated"))


def case_input(case: dict[str, Any], playbook: Any, prompts: Any) -> Any:
    """The PlanInput of a case: through read_answers when its answers parse, otherwise (free
    text the current parser refuses) the same fields filled plainly, the labels giving types."""
    from assistant.errors import PlanInputError
    from assistant.planning.interview.parsing import first_number
    from assistant.planning.plan import PlanInput, read_answers
    from assistant.prompts import PromptError

    answers_ = case["answers"]
    labels = case["labels"]
    try:
        inp = read_answers(answers_, playbook, prompts)
    except (PlanInputError, PromptError):
        budget = answers_.get("budget")
        if isinstance(budget, dict):
            amount, currency = float(budget["amount"]), budget.get("currency", "EUR")
        else:
            amount = first_number(str(budget or "")) or 3000
            currency = "GBP" if "£" in str(budget) else "USD" if "$" in str(budget) else "EUR"
        horizon = answers_.get("horizon_months")
        months = horizon if isinstance(horizon, int) else 12
        text = lambda key: answers_.get(key) if isinstance(answers_.get(key), str) else ""  # noqa: E731
        goals = labels.get("goals") or [{"goal": "acquisition"}]
        inp = PlanInput(language=case["lang"], business=text("business") or "-",
                        offer=text("offer") or "-", customers=text("customers") or "-",
                        competitors=text("competitors"), situation=text("situation"),
                        goal=text("goal") or goals[0]["goal"], goal_id=goals[0]["goal"],
                        business_type=labels["business_type"], horizon_months=months,
                        budget_cents=round(amount * 100), currency=currency,
                        constraints=text("constraints"))
    return inp.model_copy(update={"business_type": labels["business_type"],
                                  "goal_id": (labels.get("goals") or [{"goal": inp.goal_id}])[0]
                                  ["goal"]})
