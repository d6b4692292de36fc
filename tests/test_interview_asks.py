"""#22 items 1-5 through the conversation object, with the shipped embedding model: the interview
asks with choices when unsure (the goal's metric, the currency of a bare amount), a message that
answers another question is stored there, examples and error messages are in the place's
currency, the type question offers the nearest presets and the owner's own words, and the
summary numbers only the owner's facts."""

from __future__ import annotations

from typing import Any

import pytest
from babel.numbers import format_decimal

from assistant import Assistant
from tests.conftest import make_settings
from tests.interviews import read_fact, under_way

pytestmark = pytest.mark.heavy  # the embedding model

OWNER = "user:asks"
ROSARIO = {"business": "Bicicletería Rueda, taller de bicicletas en Rosario",
           "offer": "reparaciones y repuestos", "customers": "ciclistas de la ciudad",
           "goal": "llegar a 200 reparaciones al mes", "horizon_months": "12 meses"}
TORONTO = {"business": "Maple Fix, a bike repair shop in Toronto", "offer": "repairs and parts",
           "customers": "city cyclists", "goal": "get to 200 repairs a month",
           "horizon_months": "12 months"}


@pytest.fixture(scope="module")
def a(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant(make_settings(tmp_path_factory.mktemp("asks")))


def interview(a: Assistant, lang: str, answers: dict[str, str], pending: str | None) -> str:
    """An interview under way with these answers, asking `pending` (None: the summary)."""
    return under_way(a, OWNER, lang, answers, pending)


def fact(a: Assistant, iid: str, field: str) -> Any:
    return read_fact(a, OWNER, iid, field)


def answers(a: Assistant, iid: str) -> dict[str, Any]:
    return a.plans.database.load_interview(iid, OWNER).answers


@pytest.mark.parametrize(("lang", "place", "text", "shown", "not_shown"), [
    ("es", ROSARIO, "mucho", "ARS", "€"),
    ("en", TORONTO, "a lot", "CA$", "£"),
])
def test_the_budget_error_message_shows_the_places_currency(
        a: Assistant, lang: str, place: dict[str, str], text: str, shown: str,
        not_shown: str) -> None:
    interview(a, lang, place, "budget")
    turn = a.conversation.turn(OWNER, text, lang)
    problem = turn.lines[0].text
    assert shown in problem and not_shown not in problem
    assert turn.lines[-1].kind == "question" and turn.lines[-1].at == "budget"


MONTEVIDEO = {"business": "Heladería Sur, an ice cream shop in Montevideo",
              "offer": "ice cream and cakes", "customers": "families and tourists",
              "goal": "get to 300 regular customers", "horizon_months": "12 months"}


@pytest.mark.parametrize(("lang", "place", "amount", "reply", "currency"), [
    ("es", ROSARIO, "1.500.000", "2", "USD"),
    ("es", ROSARIO, "1.500.000", "en pesos", "ARS"),
    ("en", MONTEVIDEO, "150000", "1", "UYU"),
])
def test_an_amount_without_currency_where_owners_price_in_dollars_too_is_asked(
        a: Assistant, lang: str, place: dict[str, str], amount: str, reply: str,
        currency: str) -> None:
    iid = interview(a, lang, place, "budget")
    turn = a.conversation.turn(OWNER, amount, lang)
    question = turn.lines[-1]
    assert question.at == "budget" and "budget" not in answers(a, iid)
    values = [value for _, value in question.options]
    assert any(v.endswith(" USD") for v in values) and any(v.endswith(" " + place_code(place))
                                                           for v in values)
    turn = a.conversation.turn(OWNER, reply, lang)
    assert turn.kind == "answer"
    assert answers(a, iid)["budget"] == {"amount": int(amount.replace(".", "")),
                                         "currency": currency}
    assert turn.lines[-1].at != "budget"


def place_code(place: dict[str, str]) -> str:
    return "ARS" if "Rosario" in place["business"] else "UYU"


def test_an_amount_with_its_currency_is_not_asked_about(a: Assistant) -> None:
    iid = interview(a, "es", ROSARIO, "budget")
    a.conversation.turn(OWNER, "1.500.000 pesos", "es")
    assert answers(a, iid)["budget"] == {"amount": 1500000, "currency": "ARS"}


@pytest.mark.parametrize(("lang", "place", "goal", "reply", "metric"), [
    ("es", {k: ROSARIO[k] for k in ("business", "offer", "customers")}, "llegar a 120 al mes",
     "pedidos o ventas", "pedidos o ventas"),
    ("fr", {"business": "Atelier Vélo, réparation de vélos à Lyon", "offer": "réparations",
            "customers": "cyclistes du quartier"}, "atteindre 500 par mois", "nos réparations",
     "réparations"),
    ("fr", {"business": "Pressing du Cours, pressing à Nantes", "offer": "nettoyage à sec",
            "customers": "hôtels et entreprises"}, "passer de 2 à 6 d'ici décembre", "des contrats",
     "contrats"),
])
def test_a_goal_whose_number_counts_nothing_named_asks_what_it_counts(
        a: Assistant, lang: str, place: dict[str, str], goal: str, reply: str,
        metric: str) -> None:
    iid = interview(a, lang, place, "goal")
    turn = a.conversation.turn(OWNER, goal, lang)
    question = turn.lines[-1]
    assert question.at == "goal" and len(question.options) >= 5
    turn = a.conversation.turn(OWNER, reply, lang)
    assert turn.kind == "answer" and turn.lines[-1].at != "goal"
    assert fact(a, iid, "goal_metric") == metric
    assert any(metric in line.text for line in turn.lines)


def test_a_goal_that_names_what_it_counts_is_not_asked_about(a: Assistant) -> None:
    interview(a, "es", {k: ROSARIO[k] for k in ("business", "offer", "customers")}, "goal")
    turn = a.conversation.turn(OWNER, "llegar a 200 reparaciones al mes", "es")
    assert turn.lines[-1].at != "goal"


def test_assistant_chat_numbers_the_choices_of_an_unsure_question(a: Assistant) -> None:
    from assistant.conversation.render import Renderer

    interview(a, "es", ROSARIO, "budget")
    a.conversation.turn(OWNER, "1.500.000", "es")
    view = a.conversation.active(OWNER)
    text = Renderer(a.prompts, terminal=True).question(view).text
    assert "1. 1.500.000 ARS" in text and "2. 1.500.000 US$" in text


FLORIST = {"business": "Fiori di Lucia, negozio di fiori a Bologna",
           "offer": "mazzi da 25 €, composizioni per matrimoni",
           "customers": "privati del quartiere e coppie che si sposano",
           "goal": "arrivare a 300 clienti abituali", "horizon_months": "12 mesi"}
COWORKING = {"business": "The Mill Yard Works, a coworking space in Leeds",
             "offer": "hot desks at £180 a month", "customers": "freelancers and small teams",
             "goal": "get to 40 members", "horizon_months": "12 months"}


@pytest.mark.parametrize(("lang", "place", "pending", "text", "amount"), [
    ("it", FLORIST, "seasonality", "circa 5000 euro per tutto l'anno", 5000),
    ("it", FLORIST, "seasonality", "8.000 €", 8000),
    ("en", COWORKING, "seasonality", "we can spend about £3,000", 3000),
    ("en", COWORKING, "resources", "£3,000", 3000),
])
def test_a_budget_typed_at_another_question_is_stored_as_the_budget_and_said(
        a: Assistant, lang: str, place: dict[str, str], pending: str, text: str,
        amount: int) -> None:
    iid = interview(a, lang, place, pending)
    turn = a.conversation.turn(OWNER, text, lang)
    stored = answers(a, iid)
    assert pending not in stored and stored["budget"]["amount"] == amount
    label = a.prompts.phrase("conversation", lang, "fields.budget")
    echo = turn.lines[0].text
    assert label.casefold() in echo.casefold() and format_decimal(amount, locale=lang) in echo
    assert turn.lines[-1].kind == "question" and turn.lines[-1].at == pending


def test_a_seasons_answer_stays_the_seasons_answer(a: Assistant) -> None:
    iid = interview(a, "en", COWORKING, "seasonality")
    a.conversation.turn(OWNER, "busy in September, quiet in August", "en")
    assert "budget" not in answers(a, iid) and "seasonality" in answers(a, iid)


@pytest.mark.parametrize(("lang", "place", "goal", "label"), [
    # near two presets at once (bakery 0.73, restaurant close behind): which one is asked
    ("es", {"business": "Pan y Café, panadería y cafetería en Madrid",
            "offer": "pan, bollería, desayunos y almuerzos", "customers": "vecinos del barrio",
            "horizon_months": "12 meses"}, "llegar a 200 clientes habituales",
     "panadería y cafetería"),
])
def test_an_unsure_kind_of_business_offers_the_nearest_presets_and_the_owners_words(
        a: Assistant, lang: str, place: dict[str, str], goal: str, label: str) -> None:
    iid = interview(a, lang, place, "goal")
    turn = a.conversation.turn(OWNER, goal, lang)
    question = turn.lines[-1]
    values = [value for _, value in question.options]
    keep = next(lab for lab, value in question.options if value == "keep")
    assert label in keep and label in question.text
    presets = [v for v in values if v in a.plans.playbook.business_types]
    assert len(presets) >= 2
    turn = a.conversation.turn(OWNER, keep, lang)
    assert turn.kind == "answer"
    assert keep not in [lab for lab, _ in turn.lines[-1].options]  # the pending question again
    assert fact(a, iid, "business_label") == label
    iid = interview(a, lang, place, "goal")
    a.conversation.turn(OWNER, goal, lang)
    a.conversation.turn(OWNER, "1", lang)
    state = a.plans.database.load_interview(iid, OWNER)
    assert a.plans.interviewer.understood(state).business_type == presets[0]


@pytest.mark.parametrize(("lang", "place", "goal", "label"), [
    ("en", {"business": "The Mill Yard Works, a coworking space in Leeds",
            "offer": "hot desks and meeting rooms", "customers": "freelancers and small teams",
            "horizon_months": "12 months"}, "get to 40 members", "coworking space"),
    ("es", {"business": "Guau Guau, peluquería canina en Madrid", "offer": "baños y cortes",
            "customers": "dueños de perros del barrio", "horizon_months": "12 meses"},
     "llegar a 200 clientes habituales", "peluquería canina"),
])
def test_a_kind_no_preset_is_near_keeps_the_owners_words_unasked(
        a: Assistant, lang: str, place: dict[str, str], goal: str, label: str) -> None:
    """A coworking space was offered "home services / retail", a dog groomer "bakery / clinic":
    choices that would push it into another trade's plan. No preset is near (similarity under
    ASK_TYPE_FROM): the owner's words stand and the interview goes on."""
    iid = interview(a, lang, place, "goal")
    turn = a.conversation.turn(OWNER, goal, lang)
    question = turn.lines[-1]
    assert question.kind == "question" and question.at != "goal"
    assert not [v for _, v in question.options if v in a.plans.playbook.business_types]
    assert fact(a, iid, "business_label") == label


@pytest.mark.parametrize(("lang", "place", "label", "channel"), [
    ("es", {"business": "Rueda Libre, taller de reparación de bicicletas en Valencia",
            "offer": "reparaciones, puesta a punto y repuestos",
            "customers": "ciclistas urbanos", "goal": "llegar a 150 reparaciones al mes",
            "horizon_months": "12 meses", "budget": "3000 €",
            "channels": "Instagram y clubs de ciclismo"}, "taller de reparación de bicicletas",
     "clubs de ciclismo"),
    ("en", {"business": "Spoke & Chain, a bike repair workshop in Bristol",
            "offer": "repairs, servicing and parts", "customers": "commuters",
            "goal": "get to 150 repairs a month", "horizon_months": "12 months",
            "budget": "£3,000", "channels": "Instagram and cycling clubs"},
     "bike repair workshop", "cycling clubs"),
])
def test_the_understood_line_says_the_owners_label_and_channels(
        a: Assistant, lang: str, place: dict[str, str], label: str, channel: str) -> None:
    interview(a, lang, place, "excluded_channels")
    turn = a.conversation.turn(OWNER, "ninguno" if lang == "es" else "none", lang)
    line = next(ln.text for ln in turn.lines if ln.kind == "understood")
    preset = a.plans.playbook.business_types["home_services"].names[lang]
    assert label in line and channel in line and preset not in line


@pytest.mark.parametrize(("lang", "place", "said", "not_said"), [
    ("en", {"business": "Lockbox Bristol, an escape room in Bristol",
            "offer": "£28 per person and team-building packages",
            "customers": "groups of friends and companies",
            "goal": "go from 30% to 60% occupancy Monday to Thursday",
            "horizon_months": "12 months", "budget": "£6,000", "channels": "Google"},
     "occupancy", "new customer acquisition"),
    ("es", {"business": "Tienda Mate, tienda online de yerba mate en Córdoba",
            "offer": "yerba y mates", "customers": "gente joven de todo el país",
            "goal": "duplicar los pedidos, de 180 a 360 al mes", "horizon_months": "12 meses",
            "budget": "1.500.000 ARS", "channels": "Mercado Libre"},
     "pedidos", "captación de nuevos clientes"),
])
def test_the_understood_line_says_the_goal_in_the_owners_metric(
        a: Assistant, lang: str, place: dict[str, str], said: str, not_said: str) -> None:
    """"Fill the weekday slots: from 30% to 60% occupancy" was echoed as "goals: new
    customer acquisition (+30%)" (hand test of the chat, 7 Dec)."""
    interview(a, lang, place, "excluded_channels")
    turn = a.conversation.turn(OWNER, "ninguno" if lang == "es" else "none", lang)
    line = " ".join(ln.text for ln in turn.lines)  # "understood", or a note before a question
    assert said in line and not_said not in line.lower()


@pytest.mark.parametrize(("lang", "place", "language"), [
    ("it", {**FLORIST, "budget": "5000 €", "channels": "Instagram"}, "Italiano"),
    ("en", {**COWORKING, "budget": "£3,000", "channels": "Instagram"}, "English"),
])
def test_the_summary_numbers_only_the_owners_facts_and_the_language_apart(
        a: Assistant, lang: str, place: dict[str, str], language: str) -> None:
    iid = interview(a, lang, place, None)
    summary = a.conversation.renderer.summary(a.plans.summary(iid, OWNER)).text
    numbered = [line for line in summary.splitlines() if line[:1].isdigit()]
    assert len(numbered) == len(place)  # the seven answers given, nothing empty, no language
    assert not any(language in line for line in numbered) and language in summary
    assert numbered[2].startswith("3. ") and place["customers"] in numbered[2]
    turn = a.conversation.turn(OWNER, "3", lang)
    assert turn.lines[-1].at == "customers"


# Businesses near two presets at once, so the kind of business is asked (one no preset is
# near is not asked: test_a_kind_no_preset_is_near_keeps_the_owners_words_unasked).
WORKSHOPS = {
    "es": ({"business": "Pan y Café, panadería y cafetería en Madrid",
            "offer": "pan, bollería, desayunos y almuerzos", "customers": "vecinos del barrio",
            "competitors": "las cadenas del centro", "situation": "solo boca a boca"},
           "llegar a 200 clientes habituales", "12 meses", "panadería y cafetería"),
    "en": ({"business": "Nook, a café and gift shop in York",
            "offer": "coffee, cakes and local gifts", "customers": "tourists and locals",
            "competitors": "chains", "situation": "word of mouth only"},
           "get to 200 customers a week", "12 months", "café and gift shop"),
}


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_horizon_typed_at_the_kind_of_business_question_is_the_horizon(
        a: Assistant, lang: str) -> None:
    """The kind of business, asked when unsure, stands in the horizon question's place: the
    owner who types "12 months" there answered the horizon; their business is not "12 months"
    (it was: "He entendido: 12 meses", the horizon still asked)."""
    place, goal, horizon, label = WORKSHOPS[lang]
    iid = interview(a, lang, place, "goal")
    asked = a.conversation.turn(OWNER, goal, lang).lines[-1]
    assert asked.at == "horizon_months" and "keep" in [v for _, v in asked.options]
    turn = a.conversation.turn(OWNER, horizon, lang)
    assert answers(a, iid)["horizon_months"] == 12 and turn.lines[-1].at != "horizon_months"
    assert fact(a, iid, "business_label") == label


@pytest.mark.parametrize(("lang", "words"), [("es", "una escuela de ciclismo"),
                                             ("en", "a cycling school")])
def test_the_owners_words_at_the_kind_of_business_question_are_its_label(
        a: Assistant, lang: str, words: str) -> None:
    place, goal, _, _ = WORKSHOPS[lang]
    iid = interview(a, lang, place, "goal")
    a.conversation.turn(OWNER, goal, lang)
    a.conversation.turn(OWNER, words, lang)
    assert "horizon_months" not in answers(a, iid)  # "una" is no horizon of one month
    assert fact(a, iid, "business_label") == words


@pytest.mark.parametrize(("lang", "place", "constraints"), [
    ("it", {"business": "Respiro Yoga, studio di yoga a Torino, siamo in due insegnanti",
            "offer": "lezioni a 15 €", "customers": "donne che lavorano in zona",
            "goal": "arrivare a 130 abbonati", "horizon_months": "12 mesi",
            "budget": "2.500 €", "channels": "Instagram", "excluded_channels": "volantini"},
     "Io, 4 ore a settimana"),
    ("fr", {"business": "Pressing du Cours, pressing à Nantes, on est trois",
            "offer": "nettoyage à sec", "customers": "hôtels et entreprises",
            "goal": "passer de 2 à 6 contrats", "horizon_months": "12 mois",
            "budget": "3 000 €", "channels": "Google", "excluded_channels": "Facebook"},
     "Moi, 3 heures par semaine"),
    ("fr", {"business": "Les Tréteaux du Canal, troupe de théâtre amateur à Toulouse",
            "offer": "cours de théâtre, adhésion de 220 € par an", "customers": "adultes",
            "goal": "passer de 80 à 150 adhérents", "horizon_months": "12 mois",
            "budget": "1 500 €", "channels": "Facebook", "excluded_channels": "aucun"},
     "Deux bénévoles, 4 heures par semaine"),
])
def test_hours_told_in_the_constraints_keep_the_team_and_skip_the_resources_question(
        a: Assistant, lang: str, place: dict[str, str], constraints: str) -> None:
    """"Io, 4 ore a settimana" at the constraints question lost "siamo in due" from the
    business answer, so the team was unknown and the next question asked the hours again
    (hand test of the chat, 7 Dec)."""
    iid = interview(a, lang, place, "constraints")
    a.conversation.turn(OWNER, constraints, lang)
    assert a.plans.get_interview(iid, OWNER).slot != "resources"
    understood = a.plans.understood(iid, OWNER)
    assert understood is not None and understood.team_size and understood.team_size > 1


@pytest.mark.parametrize(("lang", "place", "goal", "reply"), [
    ("fr", {"business": "Pressing du Cours, pressing à Nantes", "offer": "nettoyage à sec",
            "customers": "hôtels et entreprises"}, "passer de 2 à 6 d'ici décembre", "12 mois"),
    ("es", {k: ROSARIO[k] for k in ("business", "offer", "customers")}, "llegar a 120 al mes",
     "12 meses"),
])
def test_a_duration_at_the_metric_question_is_the_horizon_told_ahead(
        a: Assistant, lang: str, place: dict[str, str], goal: str, reply: str) -> None:
    """"12 mois" typed at "what does your goal count?" became "l'objectif compte : 12 mois"
    (hand test of the chat, 7 Dec)."""
    iid = interview(a, lang, place, "goal")
    turn = a.conversation.turn(OWNER, goal, lang)
    assert turn.lines[-1].at == "goal"  # what it counts is asked
    turn = a.conversation.turn(OWNER, reply, lang)
    assert answers(a, iid)["horizon_months"] == 12
    assert "12" not in str(fact(a, iid, "goal_metric") or "")
    assert a.plans.get_interview(iid, OWNER).slot not in ("goal", "horizon_months")


def test_the_understood_line_writes_large_numbers_as_the_language_does(a: Assistant) -> None:
    """"+1.5e+06" for a goal of a million and a half more (the line used Python's "g")."""
    place = {**{k: ROSARIO[k] for k in ("business", "offer", "customers")},
             "goal": "pasar de 1.500.000 a 3.000.000 de pesos de facturación",
             "horizon_months": "12 meses", "budget": "1.500.000 ARS", "channels": "Instagram"}
    interview(a, "es", place, "excluded_channels")
    turn = a.conversation.turn(OWNER, "ninguno", "es")
    line = " ".join(ln.text for ln in turn.lines)
    assert "e+06" not in line and "1.500.000" in line
