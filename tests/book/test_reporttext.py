"""The report's own text in the book (:mod:`chitieu.book.reporttext`): every quoted number has exactly one
anchor, every figure of the data links to an anchor whose text is its number as written, no link dangles,
the text is kept (footnotes, markers, headings in order), and the page split fits the registry."""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest

from chitieu.analysis import audit
from chitieu.analysis.coverage import STATISTIC, run_coverage
from chitieu.book import reporttext
from chitieu.book.context import ChapterContext
from chitieu.book.registry import Chapter, Registry, load_registry
from chitieu.book.reporttext import ReportPagesError, report_links, split_pages, text_places
from chitieu.config import PROJ_ROOT as ROOT
from chitieu.data.vnnum import find_numbers


class _Ids(HTMLParser):
    """Every element id, the text inside each number anchor, and every href, of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.number_text: dict[str, str] = {}
        self._in_number: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if "href" in a:
            self.hrefs.append(a["href"])
        if tag == "a" and a.get("class") == "ct-v":
            self._in_number = a["href"].lstrip("#")
            self.number_text[self._in_number] = ""

    def handle_endtag(self, tag):
        if tag == "a":
            self._in_number = None

    def handle_data(self, data):
        if self._in_number:
            self.number_text[self._in_number] += data


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(ROOT)


@pytest.fixture(scope="module")
def pages(ds, registry) -> dict[str, _Ids]:
    """Every report page rendered as the book shows it, parsed."""
    context = ChapterContext("report", ds)
    out = {}
    for chapter in registry.all_with_role(reporttext.ROLE):
        parser = _Ids()
        parser.feed(reporttext.page_html(reporttext.report_page(context, chapter.name)))
        out[chapter.page] = parser
    return out


@pytest.fixture(scope="module")
def links(ds, registry):
    return report_links(ds, registry)


class TestAnchors:
    def test_every_quoted_number_has_exactly_one_anchor(self, ds, pages):
        anchors = [i for page in pages.values() for i in page.ids if i.startswith("so-")]
        assert len(anchors) == len(set(anchors)), "an anchor repeated"
        # The quoted numbers: every statistic the coverage count matches, plus any number a row claims.
        report = run_coverage(ds.data_dir)
        tp = text_places(reporttext.report_text(ds))
        rows = reporttext.observation_rows(ds.observations) + reporttext.target_rows(ds.targets)
        quoted = {(line, start) for row in rows for line, start, _ in tp.claims(row)}
        matched = {
            (n.line, n.start)
            for n in report.numbers
            if n.kind == STATISTIC and (n.line, n.start) not in {(u.line, u.start) for u in report.unmatched}
        }
        assert matched <= quoted
        assert {f"so-{line}-{start}" for line, start in quoted} <= set(anchors)
        # A statistic left out has an anchor too (its reason is shown), and nothing else does.
        left_out = {f"so-{u.line}-{u.start}" for u in report.unmatched}
        assert set(anchors) == {f"so-{line}-{start}" for line, start in quoted} | left_out

    def test_every_figure_links_to_an_anchor_holding_its_number_as_written(self, ds, pages, links):
        for oid, row in ds.observations.iterrows():
            href = links.obs_href(oid)
            assert href, oid
            page, anchor = href.split("#")
            text = pages[page].number_text.get(anchor)
            assert text is not None, (oid, href)
            # The number as written: a number of the row's quote, with the row's value and decimals.
            written = [n for n in find_numbers(row["source_quote"]) if n.text == text]
            assert written and written[0].value == Decimal(row["value_text"]), (oid, text)

    def test_every_target_links_to_one_of_its_bounds(self, ds, pages, links):
        for t in ds.targets.itertuples():
            page, anchor = links.target_href(t.indicator_id, t.source_ref).split("#")
            text = pages[page].number_text[anchor]
            bounds = {Decimal(str(v)).normalize() for v in (t.low, t.high) if v == v}
            assert find_numbers(text)[0].value.normalize() in bounds

    def test_no_link_dangles(self, registry, pages):
        audit_page = registry.with_role("audit").page
        ids_by_page = {page: set(parsed.ids) for page, parsed in pages.items()}
        chapter_pages = {c.page for c in registry}
        for page, parsed in pages.items():
            for href in parsed.hrefs:
                target, _, fragment = href.partition("#")
                if not target:
                    assert fragment in ids_by_page[page], (page, href)
                elif target in ids_by_page:
                    assert fragment in ids_by_page[target], (page, href)
                else:
                    assert target in chapter_pages, (page, href)
                    if target == audit_page and fragment:
                        assert re.fullmatch(r"check-[a-z0-9_]+", fragment), href

    def test_the_audit_links_name_checks_that_exist(self, ds, pages):
        known = {f"check-{c.check_id}" for c in audit.load_checks(ds)}
        for parsed in pages.values():
            for href in parsed.hrefs:
                if "#check-" in href:
                    assert href.split("#")[1] in known, href

    def test_a_failing_figure_carries_the_chapters_marker(self, pages):
        html = "".join(" ".join(p.hrefs) for p in pages.values())
        assert "13_kiem_tra_so_lieu.html#check-xd_ket_nap_hai_cho" in html


class TestText:
    def test_every_line_is_on_one_page_once(self, ds, registry, pages):
        tp = text_places(reporttext.report_text(ds))
        lines = [i for parsed in pages.values() for i in parsed.ids if i.startswith("dong-")]
        expected = {f"dong-{n}" for n, line in enumerate(tp.lines, start=1) if line.strip()}
        assert len(lines) == len(set(lines)) and set(lines) == expected

    def test_footnotes_stand_where_they_are_and_link_both_ways(self, ds, registry):
        context = ChapterContext("report", ds)
        first, second = registry.all_with_role(reporttext.ROLE)[:2]
        html = reporttext.page_html(reporttext.report_page(context, first.name))
        tp = text_places(reporttext.report_text(ds))

        def note_of(prefix: str) -> tuple[int, int]:
            marker = next(i for i, line in enumerate(tp.lines, 1) if line.startswith(prefix))
            return marker, next(i for i, p in enumerate(tp.places, 1) if p.is_footnote and p.anchor == marker)

        # (2) "…trên 49 triệu đồng³": the marker links to footnote ³ on the same page, which links back.
        marker, note = note_of("(2) Thu nhập bình quân")
        assert f'<a class="ct-fnref" href="#dong-{note}">³</a>' in html
        assert f'<p id="dong-{note}" class="ct-footnote"><a class="ct-fnref" href="#dong-{marker}">³</a>' in html
        # (12) "Kết nạp được 243 đảng viên mới¹": the printed page break put footnote ¹ after the next heading,
        # on the book's next page; the links cross the pages both ways.
        marker, note = note_of("(12) Kết nạp được 243")
        assert f'<a class="ct-fnref" href="{second.page}#dong-{note}">¹</a>' in html
        following = reporttext.page_html(reporttext.report_page(context, second.name))
        assert f'<p id="dong-{note}" class="ct-footnote"><a class="ct-fnref" href="{first.page}#dong-{marker}">' in (
            following
        )

    def test_the_text_is_kept_verbatim(self, ds, pages, registry):
        context = ChapterContext("report", ds)
        tp = text_places(reporttext.report_text(ds))
        html = "".join(
            reporttext.page_html(reporttext.report_page(context, c.name))
            for c in registry.all_with_role(reporttext.ROLE)
        )
        plain = re.sub(r'<span class="ct-pop".*?</span></span>', "</span>", html)  # the popovers are not the text
        plain = re.sub(r'<span class="ct-sr">.*?</span>', "", plain).replace("⚠", "")
        plain = re.sub(r"<[^>]+>", "", plain)
        import html as html_lib

        plain = html_lib.unescape(plain)
        for line in tp.lines:
            if line.strip():
                assert line.replace("*", "").strip() in plain, line[:60]

    def test_headings_never_skip_a_level(self, ds, registry):
        context = ChapterContext("report", ds)
        for chapter in registry.all_with_role(reporttext.ROLE):
            html = reporttext.page_html(reporttext.report_page(context, chapter.name))
            levels = [int(n) for n in re.findall(r'<h([2-6]) id="dong-', html)]
            assert levels and levels[0] == 2, chapter.name
            assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), chapter.name

    def test_the_popover_says_what_the_figure_is(self, ds, registry):
        context = ChapterContext("report", ds)
        html = "".join(
            reporttext.page_html(reporttext.report_page(context, c.name))
            for c in registry.all_with_role(reporttext.ROLE)
        )
        pop = html.split('<span class="ct-n" id="so-', 1)[1].split('<span class="ct-n', 1)[0]
        assert "<code>" in pop and "Số liệu" in pop and "Chương:" in pop
        # A statistic the data leave out says why, in Vietnamese.
        assert "Số này không lấy vào dữ liệu: nhãn thời gian" in html
        # ... and only in Vietnamese: the analyst's English note stays in data/coverage_skipped.csv.
        assert 'lang="en"' not in html and "Số này không lấy vào dữ liệu: ." not in html

    def test_every_reason_the_data_give_has_its_vietnamese_words(self, ds):
        import csv

        from chitieu.book.reporttext.views import skip_reason

        with open(ds.data_dir / "coverage_skipped.csv", encoding="utf-8", newline="") as handle:
            reasons = {row["reason"] for row in csv.DictReader(handle)}
        assert reasons and not [r for r in reasons if not skip_reason(r)[0]]


class TestSplit:
    def _registry(self, *starts) -> Registry:
        from pathlib import Path

        chapters = [
            Chapter(f"9{i}_p", Path(f"notebooks/9{i}_p.md"), "T", "P", i, "all", None, "report_text", s)
            for i, s in enumerate(starts)
        ]
        return Registry(tuple(chapters))

    def test_pages_cover_the_text_in_order(self, ds):
        tp = text_places(reporttext.report_text(ds))
        pages = split_pages(self._registry(None, "P1:B.III", "P2:intro"), tp.places)
        assert pages[0].first == 1 and pages[-1].last == len(tp.lines)
        assert all(a.last + 1 == b.first for a, b in zip(pages, pages[1:]))
        assert tp.lines[pages[1].first - 1].startswith("III. Kết quả thực hiện từng lĩnh vực")

    @pytest.mark.parametrize(
        "starts, message",
        [
            (("P1:B.III", "P2:intro"), "first report page"),
            ((None, None), "needs `starts_at`"),
            ((None, "P9:Z"), "names no heading"),
            ((None, "P2:intro", "P1:B.III"), "comes before"),
        ],
    )
    def test_a_split_that_does_not_fit_is_refused_naming_the_file(self, ds, starts, message):
        tp = text_places(reporttext.report_text(ds))
        with pytest.raises(ReportPagesError, match=message):
            split_pages(self._registry(*starts), tp.places)

    def test_the_real_split_keeps_each_page_light(self, ds, registry):
        # The weight budget is measured on the built site (make weight); the text and its popovers of each page
        # stay well under it here, so the theme and the notebook's own markup fit beside them.
        context = ChapterContext("report", ds)
        for chapter in registry.all_with_role(reporttext.ROLE):
            html = reporttext.page_html(reporttext.report_page(context, chapter.name))
            assert len(html.encode()) < 300 * 1024, chapter.name


class TestCharts:
    def test_a_charts_marks_link_to_the_number_in_the_report(self, ds, pages):
        from chitieu.book import chapter, charts

        frame = chapter.series(ds, "budget_revenue_area", 2023)
        spec = charts.series_chart(frame).to_dict()
        assert spec["encoding"]["href"] == {"field": "report_href", "type": "nominal"}
        values = next(iter(spec["datasets"].values()))
        for row in values:
            page, anchor = row["report_href"].split("#")
            assert anchor in pages[page].number_text, row["report_href"]
