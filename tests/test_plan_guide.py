"""The playbook as citable sources: one guide per business type and language."""

from __future__ import annotations

from assistant.planning.plan.guide import playbook_sources
from assistant.settings import LANGUAGES
from tests.plan_fixtures import PLAYBOOK

BUSINESS_TYPES = {"bakery", "restaurant", "retail", "hospitality", "health_clinic", "fitness",
                  "saas", "professional_services", "ecommerce", "creative_freelancer",
                  "education", "home_services"}


def test_playbook_knows_exactly_the_twelve_business_types_in_four_languages():
    assert set(PLAYBOOK.business_types) == BUSINESS_TYPES
    for btype in PLAYBOOK.business_types.values():
        assert set(btype.names) == set(LANGUAGES) == set(btype.positioning)
        for tactic_id, why in btype.tactics.items():
            assert tactic_id in PLAYBOOK.tactics
            assert set(why) == set(LANGUAGES) and all(len(w) > 30 for w in why.values())


def test_every_business_type_has_a_guide_per_language_with_its_own_tactics():
    sources = playbook_sources(PLAYBOOK)
    assert {s.source_id for s in sources} == {f"playbook:{b}:{lang}" for b in BUSINESS_TYPES
                                              for lang in LANGUAGES}
    by_id = {s.source_id: s for s in sources}
    bakery_it = by_id["playbook:bakery:it"]
    assert bakery_it.kind == "playbook" and bakery_it.language == "it"
    assert bakery_it.title.startswith("Panificio") and "tattiche" in bakery_it.title
    assert "assaggi" in bakery_it.text and "{" not in bakery_it.text
    saas_en = by_id["playbook:saas:en"].text
    assert "webinar" in saas_en.lower() and "Google Business Profile" not in saas_en
    assert "Bakery" in by_id["playbook:bakery:en"].title


def test_guides_do_not_recommend_what_the_rubric_rules_out():
    types = PLAYBOOK.business_types
    assert "direct_outreach" not in types["bakery"].tactics
    assert "local_listing" not in types["saas"].tactics
    assert "marketplaces" not in types["hospitality"].tactics
    assert "direct_outreach" not in types["health_clinic"].tactics
