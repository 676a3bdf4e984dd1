"""chitieu.build.pdf.assemble, .frontmatter and .charts: a built page becomes a chapter of one document — ids
kept apart, links inside the document, charts drawn as SVG with vi-VN numbers, their tables in the appendix,
no dead link — and the cover and contents come from the project's records.

The pages below are SYNTHETIC, shaped like the site's (article, headerlinks, a chart figure).
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from chitieu.book.registry import Chapter, Registry
from chitieu.build.pdf import assemble, charts, frontmatter
from chitieu.build.pdf.source import PdfError

SPEC = {
    "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
    "data": {"values": [{"ward": "A", "value": 1234.5}, {"ward": "B", "value": 987.25}]},
    "mark": "bar",
    "encoding": {
        "x": {"field": "value", "type": "quantitative", "axis": {"format": ",.1f"}},
        "y": {"field": "ward", "type": "nominal"},
    },
}


def _chapter(name, number, title, part="Phần một"):
    return Chapter(name, Path(f"notebooks/{name}.md"), title, part, number, "all", None, None)


REGISTRY = Registry((_chapter("01_mot", 1, "Chương một"), _chapter("02_hai", 2, "Chương hai", "Phần hai")))


def _page(body: str) -> str:
    return (
        '<html><body><div class="sidebar"><a href="02_hai.html">menu</a><button>☰</button></div>'
        f'<article class="bd-article"><section id="chuong-mot"><h1><span class="section-number">1. </span>Chương một'
        f'<a class="headerlink" href="#chuong-mot">#</a></h1>{body}</section></article></body></html>'
    )


def _figure() -> str:
    spec = json.dumps(SPEC).replace("<", "\\u003c")
    return (
        '<figure class="chitieu-figure"><div class="chitieu-chart" id="chitieu-chart-abc" role="img" '
        'aria-label="Biểu đồ thanh: hai phường."></div>'
        f'<script type="application/json" class="chitieu-spec" data-for="chitieu-chart-abc">{spec}</script>'
        "<figcaption><strong>Hình 1.1. Hai phường.</strong> Biểu đồ thanh: hai phường.</figcaption>"
        '<details class="chitieu-details"><summary>Bảng số liệu của biểu đồ</summary>'
        "<table><thead><tr><th>Phường</th></tr></thead><tbody><tr><td>A</td></tr></tbody></table></details></figure>"
    )


def fake_svg(spec: dict) -> str:
    return '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>x</text></svg>'


@pytest.fixture
def built():
    body = (
        '<section id="so-lieu"><h2>Số liệu</h2><p>Xem <a href="#so-lieu">mục này</a>, '
        '<a class="reference internal" href="02_hai.html#so-lieu">chương hai</a>, '
        '<a href="02_hai.html">cả chương</a> và <a href="../data/observations.csv">số liệu</a>.</p>'
        '<p class="chitieu-download">⬇ <a href="../data/chapters/01_mot.csv" download>Tải số liệu</a></p>'
        f"{_figure()}<details><summary>Chi tiết</summary><p>Nội dung ẩn</p></details>"
        "<table><tr><td>party_admissions.2020-07_2023-05</td><td>ngắn</td></tr></table></section>"
    )
    html, tables = assemble.chapter_section(_page(body), REGISTRY.chapters[0], REGISTRY, fake_svg, first_of_part=True)
    return BeautifulSoup(html, "html.parser"), tables


class TestChapterSection:
    def test_only_the_article_is_kept(self, built):
        soup, _ = built
        assert soup.find(class_="sidebar") is None and soup.find("button") is None
        assert soup.find(class_="headerlink") is None and soup.find("script") is None

    def test_ids_are_prefixed_with_the_chapter(self, built):
        soup, _ = built
        assert soup.section["id"] == "01_mot"
        assert soup.find(id="01_mot--so-lieu") is not None and soup.find(id="so-lieu") is None

    def test_links_stay_inside_the_document(self, built):
        soup, _ = built
        hrefs = {a.get_text(): a["href"] for a in soup.find_all("a")}
        assert hrefs["mục này"] == "#01_mot--so-lieu"
        assert hrefs["chương hai"] == "#02_hai--so-lieu"
        assert hrefs["cả chương"] == "#02_hai"
        assert "xref-chapter" in soup.find("a", string="chương hai")["class"]

    def test_site_files_are_named_not_linked(self, built):
        soup, _ = built
        text = soup.get_text()
        assert "số liệu (data/observations.csv)" in text
        assert "Tải số liệu: data/chapters/01_mot.csv" in text
        assert not any("../data" in a["href"] for a in soup.find_all("a"))

    def test_chart_is_an_svg_image_with_its_description(self, built):
        soup, _ = built
        img = soup.find("img", class_="chitieu-chart-print")
        assert img["alt"] == "Biểu đồ thanh: hai phường."
        assert base64.b64decode(img["src"].split(",", 1)[1]).decode() == fake_svg(SPEC)
        assert soup.find("figure")["id"] == "01_mot--chitieu-chart-abc"

    def test_chart_table_goes_to_the_appendix(self, built):
        soup, tables = built
        assert len(tables) == 1 and tables[0].caption == "Hình 1.1. Hai phường."
        assert soup.find("details") is None
        assert soup.find("p", class_="chart-table-ref").a["href"] == f"#{tables[0].table_id}"
        appendix = BeautifulSoup(assemble.appendix_html(tables), "html.parser")
        assert appendix.find(id=tables[0].table_id).find("td").get_text() == "A"
        assert appendix.find("a", string="Xem hình")["href"] == f"#{tables[0].figure_id}"

    def test_other_details_are_printed_open(self, built):
        soup, _ = built
        block = soup.find(class_="details-open")
        assert block.find(class_="details-summary").get_text() == "Chi tiết" and "Nội dung ẩn" in block.get_text()

    def test_long_ids_in_tables_may_break(self, built):
        soup, _ = built
        assert soup.find("span", class_="token").get_text() == "party_admissions.2020-07_2023-05"
        assert soup.find("td", string="ngắn") is not None

    def test_part_caption_opens_the_part(self, built):
        soup, _ = built
        assert soup.find("p", class_="part-caption").get_text() == "Phần một"

    def test_a_page_without_article_is_an_error(self):
        with pytest.raises(PdfError, match="no article"):
            assemble.chapter_section("<html></html>", REGISTRY.chapters[0], REGISTRY, fake_svg, True)

    def test_a_chart_without_spec_is_an_error(self):
        page = _page('<figure class="chitieu-figure"><div class="chitieu-chart"></div></figure>')
        with pytest.raises(PdfError, match="spec"):
            assemble.chapter_section(page, REGISTRY.chapters[0], REGISTRY, fake_svg, True)


def test_dangling_links_are_found():
    assert assemble.dangling_links('<a href="#a">x</a><p id="a"></p><a href="#b">y</a>') == ["b"]


def test_site_path():
    assert assemble.site_path("../data/chapters/01.csv") == "data/chapters/01.csv"
    assert assemble.site_path("../data/a%20b.csv") == "data/a b.csv"


class TestFrontmatter:
    WHO = frontmatter.Identity(
        "Sách thử",
        "Nhóm thử",
        "0.1.0",
        2023,
        "Báo cáo thử",
        "Cơ quan thử",
        "2023",
        "0123456789abcdef+dirty",
        "2026-11-30T10:00:00+07:00",
    )

    def test_contents_number_chapters_and_group_parts(self):
        soup = BeautifulSoup(frontmatter.contents_html(REGISTRY, with_appendix=True), "html.parser")
        items = [li.get_text(" ", strip=True) for li in soup.find_all("li")]
        assert items == [
            "Phần một",
            "1. Chương một",
            "Phần hai",
            "2. Chương hai",
            "Phụ lục",
            frontmatter.APPENDIX_TITLE,
        ]
        assert [a["href"] for a in soup.find_all("a")] == ["#01_mot", "#02_hai", f"#{frontmatter.APPENDIX_ID}"]

    def test_cover_names_the_report_and_the_version(self):
        text = BeautifulSoup(frontmatter.cover_html(self.WHO), "html.parser").get_text(" ")
        for expected in (
            "Sách thử",
            "Báo cáo thử",
            "Cơ quan thử",
            "2023",
            "ngày 30 tháng 11 năm 2026",
            "0123456789ab+",
        ):
            assert expected in text

    def test_head_carries_the_metadata(self):
        head = frontmatter.head_html(self.WHO, "p{}")
        assert "<title>Sách thử: tình hình đến năm 2023</title>" in head
        assert '<meta name="author" content="Nhóm thử">' in head
        assert 'content="2026-11-30T10:00:00+07:00"' in head

    def test_unknown_commit_date(self):
        assert frontmatter.vietnamese_date("unknown") == "không rõ"


class TestCharts:
    def test_spec_script_is_read(self):
        assert charts.read_spec(json.dumps(SPEC)) == SPEC
        with pytest.raises(ValueError):
            charts.read_spec("[1, 2]")

    def test_print_font_leaves_the_spec_untouched(self):
        out = charts.print_spec(SPEC, '"Noto Sans", sans-serif')
        assert out["config"]["font"] == '"Noto Sans", sans-serif' and "config" not in SPEC

    def test_svg_is_vector_with_vietnamese_numbers(self):
        svg = charts.chart_svg(SPEC, "sans-serif")
        assert svg.lstrip().startswith("<svg") and "<image" not in svg
        labels = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
        assert any("," in label for label in labels if re.search(r"\d", label)), labels
        assert not any(re.fullmatch(r"\d+\.\d", label) for label in labels), labels
