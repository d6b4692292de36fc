"""A season answer naming several months with a conjunction keeps every month it names, and a
later clause with its own verdict does not take the earlier months with it (issue #21: "our
busiest months are November and December", "i mesi forti sono ottobre e dicembre")."""

from __future__ import annotations

import pytest

from assistant.planning.understanding.data import load_understanding_data
from assistant.planning.understanding.months import closed_months, seasons
from assistant.settings import PROJECT_ROOT

DATA = load_understanding_data(PROJECT_ROOT / "knowledge" / "understanding")


@pytest.mark.parametrize(("lang", "text", "busy", "quiet"), [
    ("en", "our busiest months are April and May, and December is quiet", [4, 5], [12]),
    ("en", "Our busiest months are November and December; February is slow", [11, 12], [2]),
    ("es", "los meses más fuertes son noviembre y diciembre; en enero baja mucho", [11, 12], [1]),
    ("fr", "nos mois les plus chargés sont novembre et décembre, et janvier est calme",
     [11, 12], [1]),
    ("it", "i mesi migliori sono ottobre e dicembre, e agosto è fiacco", [10, 12], [8]),
    ("es", "nuestros mejores meses son marzo, abril y mayo, y agosto está muerto", [3, 4, 5], [8]),
])
def test_listed_months_keep_their_own_verdict(lang: str, text: str, busy: list[int],
                                              quiet: list[int]) -> None:
    read = seasons(text, DATA, lang)
    assert read["decision_months"] == busy
    assert read["quiet_months"] == quiet


@pytest.mark.parametrize(("lang", "text", "months"), [
    ("en", "our busiest months are November and December, before the Christmas concerts",
     [11, 12]),
    ("fr", "les mois forts sont novembre et décembre, pour Noël", [11, 12]),
])
def test_a_festivity_beside_its_month_counts_it_once(lang: str, text: str,
                                                      months: list[int]) -> None:
    assert seasons(text, DATA, lang)["decision_months"] == months


@pytest.mark.parametrize(("lang", "text", "decision", "capacity"), [
    ("it", "i mesi forti sono novembre e dicembre per i regali; a giugno e luglio c'è il "
     "raccolto e non ho tempo", [11, 12], [6, 7, 11, 12]),
    ("fr", "on vend surtout en novembre et décembre ; en juin et juillet on récolte, pas le "
     "temps", [11, 12], [6, 7]),  # "on vend": buying months only
])
def test_months_with_no_time_are_at_capacity_not_buying_months(
        lang: str, text: str, decision: list[int], capacity: list[int]) -> None:
    read = seasons(text, DATA, lang)
    assert read["decision_months"] == decision
    assert read["capacity_months"] == capacity


@pytest.mark.parametrize(("lang", "text", "months"), [
    ("en", "our busiest months are October and November, before the Christmas gigs", [10, 11]),
    ("it", "i mesi forti sono ottobre e novembre, prima di Natale", [10, 11]),
    ("en", "we are busiest before Christmas", [12]),  # no months written: the festivity counts
])
def test_a_festivity_named_as_a_deadline_after_written_months_adds_no_month(
        lang: str, text: str, months: list[int]) -> None:
    assert seasons(text, DATA, lang)["decision_months"] == months


@pytest.mark.parametrize(("lang", "text", "decision"), [
    ("es", "Las matrículas se hacen en junio y septiembre; en julio y agosto cerramos", [6, 9]),
    ("it", "Settembre e gennaio sono i mesi in cui la gente si iscrive; ad agosto siamo chiusi",
     [1, 9]),
    ("en", "Most enrolments come in January and September", [1, 9]),
])
def test_months_said_without_a_word_of_capacity_are_never_full(lang, text, decision):
    """"Las matrículas se hacen en junio y septiembre" made June and September "temporada alta:
    solo tareas ligeras" in the plan: the months people enrol got the least work (hand test)."""
    found = seasons(text, DATA, lang)
    assert found["decision_months"] == decision and found["capacity_months"] == []


@pytest.mark.parametrize(("lang", "text", "closed"), [
    ("it", "a dicembre non ci fermiamo mai tra panettoni e torte", []),
    ("en", "we never close in December", []),
    ("fr", "on ne ferme jamais en décembre", []),
    ("es", "en diciembre no cerramos nunca", []),
    ("es", "no abrimos en agosto", [8]),
    ("it", "ad agosto chiudiamo", [8]),
])
def test_a_negated_closing_closes_nothing(lang, text, closed):
    """"ci fermiamo" read as closed made "a dicembre non ci fermiamo mai" close December
    (merged with the denied months of s6-22)."""
    assert closed_months(text, DATA, lang) == closed


@pytest.mark.parametrize(("lang", "text", "decision", "quiet"), [
    ("fr", "Les inscriptions se font en septembre, les spectacles sont en juin, rien en "
           "juillet-août", [6, 9], [7, 8]),
    ("es", "nada en agosto", [], [8]),
    ("it", "niente ad agosto, a settembre si riparte", [9], [8]),
    ("en", "nothing in August", [], [8]),
])
def test_nothing_in_a_month_is_no_month_to_buy_in(lang: str, text: str, decision: list[int],
                                                  quiet: list[int]) -> None:
    """'rien en juillet-août' (a theatre troupe's summer) read as the months customers buy most
    (months with no word of what they are are buying months): 'nothing' is said in each
    language (words.json, quiet), as English had."""
    read = seasons(text, DATA, lang)
    assert read["decision_months"] == decision and read["quiet_months"] == quiet


@pytest.mark.parametrize(("lang", "text", "decision"), [
    ("fr", "Inscriptions en septembre", [9]),
    ("it", "le iscrizioni sono a settembre e gennaio", [1, 9]),
    ("es", "las matrículas son en septiembre y enero", [1, 9]),
    ("en", "people enrol in September", [9]),
])
def test_enrolment_months_are_buying_months_not_full_months(lang: str, text: str,
                                                           decision: list[int]) -> None:
    """Enrolment is when customers decide; it said 'busy' (buying and full), so a troupe's
    September read 'high season: no time for marketing' beside 'the window when your
    customers decide'."""
    read = seasons(text, DATA, lang)
    assert read["decision_months"] == decision and read["capacity_months"] == []


@pytest.mark.parametrize(("lang", "text", "decide", "full"), [
    ("en", "We're busiest from May to September; adults sign up mostly in March and April",
     [3, 4], [5, 6, 7, 8, 9]),
    ("fr", "Nos mois les plus chargés sont juillet et août ; les familles réservent en mars",
     [3], [7, 8]),
])
def test_busy_months_beside_buying_months_are_the_work_not_the_decision(
        lang: str, text: str, decide: list[int], full: list[int]) -> None:
    """Hand test, 7 Dec: a sailing school's "lavoriamo soprattutto da maggio a settembre; gli
    adulti si iscrivono a marzo e aprile" had customers deciding from March to September; a busy
    word says both only when nothing else says when customers buy."""
    read = seasons(text, DATA, lang)
    assert read["decision_months"] == decide and read["capacity_months"] == full, read
