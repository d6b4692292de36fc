"""One business per language for the chart and PDF tests, with the characters a font must carry:
accents, €, £, ¿ and «»; each with a start month, seasons and a margin, so every chart is drawn."""

from __future__ import annotations

from typing import Any

from assistant.planning.plan import Plan, build_plan, read_answers
from tests.plan_fixtures import PLAYBOOK, PROMPTS

CASES: dict[str, dict[str, Any]] = {
    "es": {
        "business": "Librería «El Ñandú», libros y café en Cádiz",
        "offer": "libros nuevos y de segunda mano, café desde 1,50 € y talleres de lectura",
        "customers": "familias del barrio y estudiantes que buscan un sitio tranquilo",
        "competitors": "las grandes cadenas y la venta en línea; ¿quién más recomienda libros?",
        "situation": "¿Por qué no vuelven? Vendemos unos 2.000 € al mes y casi nadie repite",
        "goal": "conseguir 80 clientes nuevos",
        "horizon_months": 12, "budget": {"amount": 6000, "currency": "EUR"},
        "channels": ["Instagram", "la tienda"], "excluded_channels": ["TikTok"],
        "constraints": "una persona, unas 5 horas a la semana",
        "start": "marzo de 2027", "average_sale": "30 €", "margin": "40 %",
        "seasonality": "cerramos en agosto; diciembre es el mes fuerte; enero flojo",
    },
    "fr": {
        "business": "Pâtisserie «Chez Léa», gâteaux et crêpes à Nîmes",
        "offer": "gâteaux de fête sur commande dès 25 € et crêpes à emporter",
        "customers": "familles du quartier et entreprises qui fêtent un départ",
        "competitors": "deux boulangeries et les grandes surfaces; nous faisons tout maison",
        "situation": "une page Facebook peu suivie et un bouche-à-oreille qui marche",
        "goal": "gagner 50 nouveaux clients",
        "horizon_months": 12, "budget": {"amount": 4000, "currency": "EUR"},
        "channels": ["Instagram", "bouche-à-oreille"], "excluded_channels": ["TikTok"],
        "constraints": "deux personnes, 3 heures par semaine",
        "start": "septembre 2027", "average_sale": "35 €", "margin": "60 %",
        "seasonality": "fermé en août; décembre très chargé; janvier calme",
    },
    "it": {
        "business": "Gelateria «Più Caffè», gelati artigianali a Forlì",
        "offer": "gelato artigianale, caffè e torte gelato su ordinazione da 20 €",
        "customers": "famiglie e studenti del centro, turisti d'estate",
        "competitors": "due bar con gelato industriale; noi produciamo ogni mattina",
        "situation": "un profilo Instagram con 500 follower e molti clienti abituali",
        "goal": "ottenere 100 nuovi clienti",
        "horizon_months": 12, "budget": {"amount": 5000, "currency": "EUR"},
        "channels": ["Instagram", "passaparola"], "excluded_channels": ["TikTok"],
        "constraints": "due persone, 4 ore a settimana",
        "start": "marzo 2027", "average_sale": "12 €", "margin": "65 %",
        "seasonality": "chiuso a gennaio; luglio e agosto sono i mesi di punta; novembre calmo",
    },
    "en": {
        "business": "Café Olé, a coffee shop in Brighton",
        "offer": "speciality coffee from £3 and «homemade» cakes",
        "customers": "office workers nearby and students",
        "competitors": "two chains on the same street; we roast our own beans",
        "situation": "an Instagram account with 300 followers, busy mornings, empty afternoons",
        "goal": "win 70 new customers",
        "horizon_months": 12, "budget": {"amount": 5000, "currency": "GBP"},
        "channels": ["Instagram", "word of mouth"], "excluded_channels": ["TikTok"],
        "constraints": "two people, 4 hours a week",
        "start": "April 2027", "average_sale": "£8", "margin": "70%",
        "seasonality": "closed in August; December is our busiest month; February is quiet",
    },
}


def plan_in(lang: str) -> Plan:
    """The case's plan, drafted by the deterministic builder (no embedding model)."""
    inp = read_answers({"language": lang, **CASES[lang]}, PLAYBOOK, PROMPTS)
    return build_plan(inp, PLAYBOOK, PROMPTS, lambda kind, ident, language: f"{kind}:{ident}")


def say_for(plan: Plan):  # noqa: ANN201
    """The plan's phrase lookup, as the exports use it."""
    return lambda key, **v: PROMPTS.phrase("plan", plan.language, key, **v)
