"""The PDF export in each language: it opens, starts with a title page naming the business,
puts the summary first, carries every section, the charts and page numbers, embeds its fonts
and keeps accents, €, £, ¿ and «»; the DOCX carries the same charts."""

from __future__ import annotations

import io
import re

import docx
import pytest
from pypdf import PdfReader

from assistant.planning.plan import export_plan
from assistant.planning.plan.charts import chart_images
from assistant.planning.plan.model import SECTIONS
from tests.plan_fixtures import PROMPTS
from tests.plan_languages import CASES, plan_in, say_for

# Out of the fast tier: it renders every chart and a PDF per language (matplotlib, fpdf2),
# seconds each; `make test` runs it.
pytestmark = pytest.mark.slow

LANGS = tuple(CASES)
# Text from each case's answers that must come through whole (accents, currency, punctuation).
SPECIAL = {"es": ["«El Ñandú»", "Cádiz", "¿Por qué no vuelven?", "6.000 €"],
           "fr": ["«Chez Léa»", "Pâtisserie", "Nîmes", "crêpes"],
           "it": ["«Più Caffè»", "Forlì", "5.000 €"],
           "en": ["Café Olé", "£5,000", "«homemade»"]}


# Spanish runs in the fast tier; the other three (a few seconds each) with the slow tests.
LANG_PARAMS = [pytest.param(lang, marks=() if lang == "es" else pytest.mark.slow)
               for lang in LANGS]


@pytest.fixture(scope="module")
def exported():
    """Each language's plan, its charts (drawn once) and its PDF, made when first asked."""
    cache: dict[str, tuple] = {}

    def get(lang: str) -> tuple:
        if lang not in cache:
            plan = plan_in(lang)
            charts = chart_images(plan, say_for(plan))
            data = export_plan(plan, "pdf", PROMPTS, charts=charts)
            cache[lang] = (plan, charts, data, PdfReader(io.BytesIO(data)))
        return cache[lang]

    return get


def flat(text: str) -> str:
    """Extracted text with line breaks and runs of spaces as one space."""
    return re.sub(r"\s+", " ", text).strip()


def page_texts(reader: PdfReader) -> list[str]:
    return [flat(page.extract_text()) for page in reader.pages]


@pytest.mark.parametrize("lang", LANG_PARAMS)
def test_pdf_opens_with_a_title_page_naming_the_business_then_the_summary(exported, lang):
    plan, _, data, reader = exported(lang)
    assert data.startswith(b"%PDF-")
    pages = page_texts(reader)
    assert len(pages) >= 4
    assert plan.business in pages[0] and plan.title in pages[0]
    say = say_for(plan)
    assert say("headings.summary") not in pages[0]
    assert pages[1].startswith(say("headings.summary"))  # the summary opens the plan
    assert flat(plan.summary)[:80] in pages[1]
    assert reader.metadata.title == plan.title


@pytest.mark.parametrize("lang", LANG_PARAMS)
def test_pdf_has_every_section_and_the_charts_heading_in_the_plans_language(exported, lang):
    plan, _, _, reader = exported(lang)
    text = " ".join(page_texts(reader))
    say = say_for(plan)
    for section in SECTIONS:
        assert say(f"headings.{section}") in text, section
    assert say("charts.heading") in text
    for phrase in SPECIAL[lang]:
        assert phrase in text, phrase
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert say("headings.summary") in outline and say("headings.sources") in outline


@pytest.mark.parametrize("lang", LANG_PARAMS)
def test_pdf_carries_one_picture_per_chart_with_its_alternative_text(exported, lang):
    plan, charts, _, reader = exported(lang)
    images = [image for page in reader.pages for image in page.images]
    assert len(images) == len(charts) == 5
    assert all(image.image.width >= 1000 for image in images)  # print resolution
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    assert alt_texts(tree) == [chart.alt for chart in charts]
    assert charts[0].alt == say_for(plan)("charts.alt", title=charts[0].title)


def alt_texts(node) -> list[str]:
    """The /Alt texts of a PDF structure tree, in document order."""
    node = node.get_object()
    found = []
    if isinstance(node, dict):
        if "/Alt" in node:
            found.append(str(node["/Alt"]))
        kids = node.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            found += alt_texts(kid)
    return found


@pytest.mark.parametrize("lang", LANG_PARAMS)
def test_pdf_numbers_its_pages_and_embeds_its_fonts(exported, lang):
    plan, _, _, reader = exported(lang)
    pages = page_texts(reader)
    total = len(pages)
    say = say_for(plan)
    for number in range(2, total + 1):
        assert say("pdf.page", page=number, pages=total) in pages[number - 1]
    assert say("pdf.page", page=1, pages=total) not in pages[0]  # not on the title page
    fonts = reader.pages[1]["/Resources"]["/Font"]
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        assert "DejaVu" in font["/BaseFont"] and "/FontFile2" in descriptor


def test_long_tables_repeat_their_header_and_keep_each_row_on_one_page():
    plan = plan_in("es").model_copy(update={"horizon_months": 36})
    plan = plan.model_copy(update={"calendar": [
        plan.calendar[0].model_copy(update={"label": f"Periodo {n:02d}", "start_month": n,
                                            "end_month": n, "milestones": [f"Hito {n:02d}"]})
        for n in range(1, 37)]})
    reader = PdfReader(io.BytesIO(export_plan(plan, "pdf", PROMPTS, charts=[])))
    say = say_for(plan)
    head = " ".join([say("columns.period"), say("columns.active"), say("columns.milestones")])
    pages = page_texts(reader)
    holding = [i for i, text in enumerate(pages) if re.search(r"Periodo \d\d", text)]
    assert len(holding) >= 2  # the table runs over a page break
    for i in holding:
        assert head in pages[i]
    for n in range(1, 37):  # a row's cells are never parted by a page break
        assert sum(f"Periodo {n:02d}" in text and f"Hito {n:02d}" in text
                   for text in pages) == 1


def test_docx_carries_the_same_charts_with_their_alternative_text(exported):
    plan, charts, _, _ = exported("es")
    document = docx.Document(io.BytesIO(export_plan(plan, "docx", PROMPTS, charts=charts)))
    shapes = document.inline_shapes
    assert len(shapes) == len(charts) == 5
    assert [shape._inline.docPr.get("descr") for shape in shapes] == [c.alt for c in charts]
    blobs = [part.blob for part in document.part.package.iter_parts()
             if part.content_type == "image/png"]
    assert sorted(blobs) == sorted(c.data for c in charts)  # the very same pictures
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    say = say_for(plan)
    assert headings.index(say("charts.heading")) == headings.index(say("headings.summary")) + 1


def test_markdown_stays_without_pictures(exported):
    plan = exported("es")[0]
    text = export_plan(plan, "md", PROMPTS).decode("utf-8")
    assert say_for(plan)("charts.heading") not in text and "![" not in text
