"""The print edition itself, built once from the checked-in ``book/`` and read back with Poppler and pypdf: A4,
fonts embedded, every chapter title and every glued number of the key indicators in the text layer (written
the Vietnamese way), contents whose page numbers are where the chapters start, bookmarks that follow the
chapters, links that land, vector charts, no text past the margins, metadata — and the site's link to it.

A few pages are rendered to ``_build/pdf-test/`` (PNG) for a person to look at. Skipped, with the reason,
where WeasyPrint (Debian's Pango) or Poppler cannot run: ``make pdf-tools`` installs them.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from chitieu.book.registry import load_registry
from chitieu.build.pdf import checks, edition, render, source
from chitieu.build.pdf.frontmatter import APPENDIX_TITLE
from chitieu.build.pdf.source import MissingInput
from chitieu.config import PROJ_ROOT as ROOT

pypdf = pytest.importorskip("pypdf", reason="pypdf (tests only, in the lock) reads the PDF's outline and links")

REGISTRY = load_registry(ROOT)
NAMES = [c.name for c in REGISTRY]
YEAR = next(iter(set(source.executed_years(ROOT / "book", NAMES).values())))
LOOK_DIR = ROOT / "_build" / "pdf-test"


def _tools_or_skip() -> None:
    try:
        render.load_weasyprint()
    except MissingInput as exc:
        pytest.skip(f"print edition not built: {exc}")
    missing = checks.missing_tools()
    if missing:
        pytest.skip(f"Poppler's {', '.join(missing)} missing (Debian poppler-utils): run `make pdf-tools`")


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    _tools_or_skip()
    out = tmp_path_factory.mktemp("print") / "pdf"
    built = render.build_pdf(ROOT, YEAR, out_dir=out)
    return out / built.file


@pytest.fixture(scope="module")
def texts(pdf) -> list[str]:
    return checks.page_texts(pdf)


@pytest.fixture(scope="module")
def reader(pdf):
    return pypdf.PdfReader(str(pdf))


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def heading(chapter) -> str:
    return f"{chapter.number}. {chapter.title}" if chapter.number is not None else chapter.title


def contents_pages(texts: list[str]) -> dict[str, int]:
    """Title → page number, as the contents print them (``Title ..... 12``)."""
    entries = {}
    for page in texts[1:4]:
        for title, number in re.findall(r"(?m)^(.+?)\s*\.{4,}\s*(\d+)\s*$", page):
            entries[flat(title)] = int(number)
    return entries


@pytest.fixture(scope="module")
def starts(texts) -> dict[str, int]:
    found = contents_pages(texts)
    return {c.name: found[c.title] for c in REGISTRY if c.title in found}


def dest_page(reader, name: str) -> int:
    return reader.get_destination_page_number(reader.named_destinations[name]) + 1


def links(reader):
    """``(page, annotation)`` for every link annotation."""
    for number, page in enumerate(reader.pages, start=1):
        for annot in page.get("/Annots", []) or []:
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link":
                yield number, annot


class TestPages:
    def test_every_page_is_a4(self, pdf):
        sizes = checks.page_sizes(pdf)
        assert sizes and all(checks.is_a4(size) for size in sizes), sizes[:3]

    def test_every_page_but_the_cover_is_numbered(self, texts):
        total = len(texts)
        for number, text in enumerate(texts[1:], start=2):
            assert f"Trang {number} / {total}" in text, f"page {number} has no 'Trang {number} / {total}'"

    def test_fonts_are_embedded_and_those_of_the_stylesheet(self, pdf):
        css = render.STYLESHEET.read_text(encoding="utf-8")
        allowed = {
            name
            for var in ("--serif", "--sans", "--mono")
            for name in re.findall(r'"([^"]+)"', render.stylesheet_font(css, var))
        }
        found = checks.fonts(pdf)
        assert found
        assert [f.name for f in found if not f.embedded] == []
        assert {f.family for f in found} <= allowed, {f.family for f in found}

    def test_charts_are_vector(self, pdf):
        images = checks.raster_images(pdf)
        assert images == [], f"{len(images)} raster image(s): charts must be drawn as vectors"

    def test_no_text_runs_past_the_margins(self, pdf):
        css = render.STYLESHEET.read_text(encoding="utf-8")
        top, right, bottom, left = (
            float(v) * 72 / 25.4
            for v in re.search(r"@page\s*\{[^}]*?margin:\s*([\d.]+)mm ([\d.]+)mm ([\d.]+)mm ([\d.]+)mm", css).groups()
        )
        outside = []
        for number, ((width, height), words) in enumerate(checks.word_boxes(pdf), start=1):
            for w in words:
                if w.x_min < left - 1 or w.x_max > width - right + 1 or w.y_min < 0 or w.y_max > height:
                    outside.append(f"page {number}: {w.text!r} x {w.x_min:.0f}–{w.x_max:.0f}")
        assert outside == [], outside[:10]

    def test_pages_rendered_for_a_person_to_look_at(self, pdf, texts, starts):
        chart_page = next(
            i for i, t in enumerate(texts, start=1) if "Hình 1.1." in t and i > starts["01_chi_tieu_chu_yeu"] - 1
        )
        audit = starts[REGISTRY.with_role("audit").name]
        pages = sorted(
            {
                1,
                2,
                starts["01_chi_tieu_chu_yeu"],
                chart_page,
                starts["02_kinh_te"] + 6,
                audit,
                audit + 8,
                len(texts) - 2,
            }
        )
        if LOOK_DIR.exists():
            shutil.rmtree(LOOK_DIR)
        written = checks.render_pages(pdf, pages, LOOK_DIR, dpi=70)
        assert all(p.stat().st_size > 5_000 for p in written)


class TestText:
    def test_cover_names_the_report_the_year_and_the_version(self, texts):
        sidecar = json.loads(next((ROOT / "data" / "raw").glob("*.meta.json")).read_text(encoding="utf-8"))
        cover = flat(texts[0])
        assert flat(sidecar["title"]) in cover and flat(sidecar["issuing_body"]) in cover
        assert f"tình hình tính đến năm {YEAR}" in cover and "phiên bản" in cover and "(git)" in cover

    def test_every_chapter_title_is_in_the_text(self, texts):
        whole = flat(" ".join(texts))
        assert [c.name for c in REGISTRY if heading(c) not in whole] == []

    def test_every_glued_number_of_the_key_indicators_is_there(self, texts, starts):
        key = REGISTRY.with_role("key_indicators")
        nb = json.loads((ROOT / "book" / f"{key.name}.ipynb").read_text(encoding="utf-8"))
        glued = {}
        for cell in nb["cells"]:
            for output in cell.get("outputs", []):
                name = output.get("metadata", {}).get("scrapbook", {}).get("name")
                if name:
                    glued[name] = ast.literal_eval(output["data"]["application/papermill.record/text/plain"])
        assert len(glued) >= 5
        order = sorted(starts.values())
        first = starts[key.name]
        last = next(p for p in order if p > first) - 1
        chapter_text = flat(" ".join(texts[first - 1 : last]))
        assert {k: v for k, v in glued.items() if flat(v) not in chapter_text} == {}
        table = next(
            BeautifulSoup("".join(o["data"]["text/html"]), "html.parser").find("table")
            for c in nb["cells"]
            for o in c.get("outputs", [])
            if "chitieu-table" in "".join(o.get("data", {}).get("text/html", ""))
        )
        values = [tr.find_all("td")[2].get_text() for tr in table.find_all("tr")[1:]]
        words = set(chapter_text.split())
        missing = [v for v in values if not set(v.split()) <= words]
        assert values and missing == [], missing
        assert any(re.fullmatch(r"\d+,\d+%?", v.split()[-1]) for v in values), "expected decimal commas"

    def test_numbers_are_written_the_vietnamese_way(self, texts):
        # "13.7" or "13.7%" would be an English decimal; "Hình 2.4" and a reference "mục B.III.1.1" broken
        # after "B.III." are numbers of figures and sections, not quantities.
        words = " ".join(texts).split()
        english = sorted(
            {
                w
                for before, w in zip(["", *words], words)
                if re.fullmatch(r"\d+\.\d{1,2}%?", w) and before not in ("Hình", "Bảng") and not before.endswith(".")
            }
        )
        assert english == [], english[:10]

    def test_running_header_names_the_chapter(self, texts, starts):
        chapter = REGISTRY.named("02_kinh_te")
        for page in (starts[chapter.name], starts[chapter.name] + 1):  # its first and second pages
            assert flat(texts[page - 1].splitlines()[0]) == heading(chapter)

    def test_long_tables_repeat_their_header(self, texts, starts):
        first, after = starts["02_kinh_te"], starts["03_tai_chinh_dau_tu"]
        closing = next(i for i in range(first, after) if "Các số liệu được dùng trong chương" in texts[i - 1])
        pages = range(closing + 1, after)
        assert len(pages) >= 1, "the closing table of chapter 2 should span pages"
        assert [p for p in pages if "Mã số liệu" not in texts[p - 1]] == []


class TestNavigation:
    def test_contents_page_numbers_are_where_chapters_start(self, texts, starts):
        assert sorted(starts) == sorted(NAMES), "every chapter is in the contents"
        for chapter in REGISTRY:
            page = starts[chapter.name]
            assert heading(chapter) in flat(texts[page - 1]), f"{chapter.name} does not start on page {page}"
            before = flat(texts[page - 2].splitlines()[0]) if page > 3 else ""
            assert before != heading(chapter), f"{chapter.name} already runs on page {page - 1}"

    def test_contents_links_land_on_the_printed_pages(self, reader, texts, starts):
        targets = {dest_page(reader, a["/Dest"]) for number, a in links(reader) if number <= 3 and "/Dest" in a}
        assert set(starts.values()) <= targets

    def test_bookmarks_follow_the_chapters(self, reader, starts):
        top = [item for item in reader.outline if not isinstance(item, list)]
        titles = [item.title for item in top]
        assert titles == ["Mục lục", *[heading(c) for c in REGISTRY], APPENDIX_TITLE]
        for item, chapter in zip(top[1:], REGISTRY):
            assert reader.get_destination_page_number(item) + 1 == starts[chapter.name]

    def test_every_internal_link_lands(self, reader):
        found = list(links(reader))
        assert len(found) > 100
        named = reader.named_destinations
        dead = [(n, a.get("/Dest")) for n, a in found if "/Dest" in a and a["/Dest"] not in named]
        external = [(n, a["/A"].get("/URI")) for n, a in found if "/A" in a and "/URI" in a["/A"]]
        assert dead == [] and external == []

    def test_the_audit_links_to_the_chapters(self, reader, starts):
        audit = REGISTRY.with_role("audit").name
        order = sorted(starts.values())
        first = starts[audit]
        last = next((p for p in order if p > first), len(reader.pages) + 1) - 1
        elsewhere = {
            dest_page(reader, a["/Dest"]) for n, a in links(reader) if first <= n <= last and "/Dest" in a
        } - set(range(first, last + 1))
        assert elsewhere, "the audit's 'used in chapter' links should land in other chapters"

    def test_metadata(self, reader):
        conf = edition.book_config(ROOT)
        meta = reader.metadata
        assert meta.title.startswith(conf["title"]) and meta.author == conf["author"]
        assert reader.trailer["/Root"]["/Lang"] == "vi"


def test_record_matches_the_checked_in_chapters(pdf):
    found = edition.read_edition(pdf)
    assert found is not None and found.report_year == YEAR
    assert found.chapters_key == edition.chapters_key(ROOT / "book", NAMES)


def test_the_site_links_the_edition(pdf, tmp_path):
    """The site build's hook, then the site's own Sphinx build: the introduction links the PDF, which is there."""
    root = tmp_path / "root"
    (root / edition.PDF_DIR).mkdir(parents=True)
    shutil.copy2(ROOT / "_config.yml", root / "_config.yml")
    for path in (pdf, pdf.with_suffix(".json")):
        shutil.copy2(path, root / edition.PDF_DIR / path.name)
    stage = tmp_path / "stage"
    source.stage_book(ROOT, stage, REGISTRY, YEAR)
    assert edition.stage_print_edition(root, stage, YEAR, NAMES) is not None
    pages = source.build_pages(stage)
    intro = (pages / f"{REGISTRY.chapters[0].name}.html").read_text(encoding="utf-8")
    assert f'href="../data/{pdf.name}"' in intro and "{{" not in intro
    (pages.parent / "data").mkdir()
    assert edition.collect_site_editions(pages.parent / "data") == [pages.parent / "data" / pdf.name]
    assert (pages / "../data" / pdf.name).read_bytes() == pdf.read_bytes()  # the introduction's link lands
