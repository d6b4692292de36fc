"""The knowledge files: articles with front matter, at least 40 concepts in four languages."""

from __future__ import annotations

from pathlib import Path

from assistant.indexing.chunking import split_source
from assistant.indexing.knowledge import load_knowledge, parse_front_matter
from assistant.settings import LANGUAGES
from assistant.text import normalize_term
from tests.conftest import ROOT


def test_five_articles_with_front_matter_and_no_web_boilerplate() -> None:
    kb = load_knowledge(ROOT / "knowledge")
    assert not kb.problems
    assert {a.language for a in kb.articles} == {"es", "fr", "it"}
    assert len(kb.articles) == 5
    for article in kb.articles:
        for junk in ("Deja un comentario", "fbpx", "Shopping Cart", "Visited", "Plan du site",
                     "Share this post", "Contattami"):
            assert junk not in article.text, (article.source_id, junk)


def test_concepts_cover_the_curriculum_in_four_languages() -> None:
    kb = load_knowledge(ROOT / "knowledge")
    ids = {c.id for c in kb.concepts}
    assert len(ids) >= 40
    for needed in ("strategic-marketing", "operational-marketing", "swot", "segmentation",
                   "positioning", "marketing-mix", "sales-funnel", "kpi", "roi", "cac", "clv",
                   "lead-generation", "smart-objectives", "marketing-plan", "conversion-rate"):
        assert needed in ids
    article_ids = {a.source_id for a in kb.articles}
    for concept in kb.concepts:
        assert set(concept.related) <= ids, concept.id
        assert set(concept.articles) <= article_ids, concept.id
        for lang in LANGUAGES:
            loc = concept.locales[lang]
            assert loc.aliases, (concept.id, lang)
            assert loc.explanation.count(".") >= 3, (concept.id, lang)


def test_no_alias_belongs_to_two_concepts() -> None:
    owners: dict[str, str] = {}
    for concept in load_knowledge(ROOT / "knowledge").concepts:
        for lang in LANGUAGES:
            loc = concept.locales[lang]
            for term in {normalize_term(t) for t in (loc.name, *loc.aliases)}:
                assert owners.setdefault(term, concept.id) == concept.id, term


def test_bad_files_are_skipped_with_a_reason_and_the_rest_load(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "concepts").mkdir()
    (tmp_path / "articles" / "good.md").write_text(
        "---\nsource_id: good\ntitle: Good\nlanguage: es\n---\n## Título\n\nTexto del artículo.\n"
    )
    (tmp_path / "articles" / "nofm.md").write_text("no front matter here")
    latin1 = "---\ntitle: caf\xe9\n---\n".encode("latin-1")
    (tmp_path / "articles" / "latin1.md").write_bytes(latin1)
    (tmp_path / "concepts" / "broken.json").write_text("{not json")
    kb = load_knowledge(tmp_path)
    assert [a.source_id for a in kb.articles] == ["good"]
    reasons = {Path(p.params["path"]).name: p.params["reason"] for p in kb.problems}
    assert "front matter" in reasons["nofm.md"]
    assert "UTF-8" in reasons["latin1.md"]
    assert "JSON" in reasons["broken.json"]


def test_chunks_follow_headings_and_ids_are_stable() -> None:
    text = "---\nsource_id: s\ntitle: T\nlanguage: fr\n---\n"
    meta, body = parse_front_matter(text + "## Un\n\nPremier paragraphe.\n\n## Deux\n\nSecond.")
    from assistant.documents import Source

    source = Source(meta["source_id"], meta["title"], "article", meta["language"], body)
    chunks = split_source(source, size=300, overlap=0)
    assert [c.text.splitlines()[0] for c in chunks] == ["Un", "Deux"]
    assert [c.id for c in chunks] == [c.id for c in split_source(source, 300, 0)]
    assert all(c.metadata()["language"] == "fr" and c.metadata()["kind"] == "article"
               for c in chunks)
