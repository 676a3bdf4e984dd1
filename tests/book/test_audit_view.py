"""The audit in the book: labels and tables, the ⚠ marker, and the findings the templates render (every data
text escaped, one entry per finding with its checks under it, anchors ``finding-<id>`` and ``check-<id>``,
headings in order, links to the pages of the chapter registry and into the report's text)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from audit_cases import make_ds

from chitieu.analysis import audit
from chitieu.book import audit_view
from chitieu.book.registry import Chapter, Registry, load_registry
from chitieu.book.reporttext import report_links
from chitieu.config import PROJ_ROOT as ROOT
from chitieu.data.checks import Check, Finding


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(ROOT)


@pytest.fixture(scope="module")
def results(ds):
    return audit.evaluate_all(ds, audit.load_checks(ds))


@pytest.fixture(scope="module")
def findings(ds, results):
    return audit.group_findings(results, audit.load_findings(ds, audit.load_checks(ds)))


# ------------------------------------------------------------------------------- the real book
class TestRealFindings:
    def test_markers_link_to_checks_in_words(self, results, registry):
        failed = audit.failed_obs_ids(results)
        marker = audit_view.marker_html("party_admissions.2020-07_2023-05.b", failed, registry)
        assert 'href="13_kiem_tra_so_lieu.html#check-xd_ket_nap_hai_cho"' in marker and "⚠" in marker
        assert ">xem phép kiểm tra</a>" in marker and ">xd_ket_nap_hai_cho<" not in marker
        assert audit_view.marker_html("party_members_total.2023", failed, registry) == ""

    def test_chapter_links(self, ds, registry):
        pages = audit_view.chapter_pages(ds, ["schools_national_standard_rate.2022"], registry)
        assert [p.name for p in pages] == ["01_chi_tieu_chu_yeu", "06_giao_duc"]
        assert set(ds.indicators["chapter"].unique()) <= set(registry.topic_pages())

    def test_finding_html_escapes_and_anchors(self, ds, results, registry):
        res = next(r for r in results if r.check_id == "xd_ket_nap_hai_cho")
        page = audit_view.finding_html(ds, res, registry)
        assert 'id="check-xd_ket_nap_hai_cho"' in page and "11_xay_dung_dang.html" in page
        assert "<script" not in page

    def test_links_carry_the_chapters_own_titles(self, ds, results, registry):
        res = next(r for r in results if r.check_id == "xd_ket_nap_hai_cho")
        chapter = registry.named("11_xay_dung_dang")
        assert f'<a href="{chapter.page}">{chapter.title}</a>' in audit_view.finding_html(ds, res, registry)

    def test_one_entry_per_finding_with_its_checks_under_it(self, ds, findings, registry):
        page = audit_view.findings_html(ds, findings, "fail", registry)
        groups = re.findall(r'<section class="chitieu-finding-group" id="finding-([a-z0-9_]+)">', page)
        assert groups == [f.finding_id for f in findings if f.status == "fail" and f.grouped]
        schools = next(f for f in findings if f.finding_id == "truong_chuan_2022")
        block = page.split('id="finding-truong_chuan_2022"', 1)[1].split('<section class="chitieu-finding-group"')[0]
        assert re.findall(r'<h4 id="check-([a-z0-9_]+)"', block) == [r.check_id for r in schools.results]
        assert '<h3 class="ct-head">' in page and schools.title in page

    def test_titles_not_ids_and_headings_in_order(self, ds, findings, registry):
        for status in audit.STATUS_ORDER:
            page = audit_view.findings_html(ds, findings, status, registry)
            levels = [int(n) for n in re.findall(r"<h([1-6])", page)]
            # Entries are h3 under the chapter's h2 sections, checks of a finding h4: never a skipped level.
            assert all(level in (3, 4) for level in levels)
            assert all(b - a <= 1 for a, b in zip([2, *levels], levels)), status
            for title in re.findall(r'<h[34][^>]*class="ct-head">(.*?)</h[34]>', page):
                assert not re.search(r"\b[a-z]{2}_[a-z0-9_]+\b", re.sub(r"<[^>]+>", "", title)), title

    def test_overview_links_to_the_entries(self, ds, findings, registry):
        statuses = ("fail", "implausible", "reading")
        table = audit_view.overview_html(findings, statuses)
        page = "".join(audit_view.findings_html(ds, findings, s, registry) for s in statuses)
        hrefs = re.findall(r'<td><a href="#([a-z0-9_-]+)">', table)
        assert len(hrefs) == sum(f.status in statuses for f in findings)
        for href in hrefs:
            assert f'id="{href}"' in page, href

    def test_quotes_link_to_their_place_in_the_report(self, ds, results, registry):
        links = report_links(ds, registry)
        res = next(r for r in results if r.check_id == "gd_so_truong_2022_hai_cho")
        page = audit_view.finding_html(ds, res, registry, links=links)
        hrefs = re.findall(r'<div class="ct-ref"><a href="([^"]+)">', page)
        assert len(hrefs) == len(res.obs_ids) and all(
            re.fullmatch(r"(1[6-9]|20)_van_ban_[a-z_]+\.html#so-\d+-\d+", h) for h in hrefs
        )

    def test_the_two_audit_pages_share_the_findings_out(self, results, findings, registry):
        shown = audit_view.findings_on_page(findings, audit_view.ATTENTION_STATUSES)
        rest = audit_view.findings_on_page(findings, audit_view.APPENDIX_STATUSES)
        assert len(shown) + len(rest) == len(findings) and not {id(f) for f in shown} & {id(f) for f in rest}
        assert {f.status for f in shown} == {"fail", "implausible", "reading"}
        assert {f.status for f in rest} == {"rounding", "pass", "unverifiable"}
        assert len(audit_view.results_of(shown)) + len(audit_view.results_of(rest)) == len(results)
        assert audit_view.statuses_in_words(audit_view.APPENDIX_STATUSES) == (
            "khớp khi làm tròn, khớp, không kiểm chứng được"
        )
        # A check is linked on the page its finding is shown on, whatever its own verdict.
        status_of = audit.finding_status_by_check(results)
        for finding in findings:
            page = audit_view.audit_page(finding.status, registry).page
            for res in finding.results:
                assert audit_view.finding_href(res.check_id, registry, status_of[res.check_id]).startswith(page + "#")
        mixed = next(f for f in shown if any(r.status == "pass" for r in f.results))
        agreeing = next(r for r in mixed.results if r.status == "pass")
        assert status_of[agreeing.check_id] == mixed.status != "pass"

    def test_summary_counts_findings_and_checks(self, results, findings):
        table = audit_view.summary_table(results, findings)
        assert list(table.columns) == list(audit_view.SUMMARY_COLUMNS)
        assert table["findings"].map(int).sum() == len(findings) < table["count"].map(int).sum() == len(results)


# ------------------------------------------------------------------ templates, SYNTHETIC data
def _chapter(name: str, title: str, topic: str | None = None, role: str | None = None) -> Chapter:
    return Chapter(name, Path(f"notebooks/{name}.md"), title, None, 1, "all", topic, role)


PAGES = Registry(
    (
        _chapter("90_chinh", "Các chỉ tiêu", role="key_indicators"),
        _chapter("91_kinh_te", "Kinh tế <thử> & “số”", topic="kinh_te"),
        _chapter("98_kiem_tra", "Kiểm tra", role="audit"),
        _chapter("99_kiem_tra_khop", "Các phép khớp", role="audit_appendix"),
    )
)
HOSTILE = '<script>alert("x")</script> & <b>co</b>'


@pytest.fixture
def hostile():
    """A part larger than its whole (a fail) whose every text is markup."""
    ds = make_ds([("whole", "1", "count", "exact"), ("part", "2", "count", "exact")])
    ds.observations.loc["part", "source_quote"] = HOSTILE
    ds.indicators.loc["ind_part", "name_vi"] = "<i>Chỉ tiêu</i>"
    check = Check("c_1", "part_of", ((1, "part"), (1, "whole")), {}, HOSTILE, "P1:B.II:fn2", "<img src=x>", 2)
    return ds, audit.evaluate_check(ds, check)


def _group(res, finding_id="", title="", cause=""):
    res.check = Check(**{**res.check.__dict__, "finding_id": finding_id})
    found = {finding_id: Finding(finding_id, title, cause, 2)} if finding_id else {}
    return audit.group_findings([res], found)


class TestTemplates:
    def test_every_data_text_is_escaped(self, hostile):
        ds, res = hostile
        assert res.status == "fail"
        grouped = _group(res, "f_1", HOSTILE, HOSTILE)
        for page in (audit_view.finding_html(ds, res, PAGES), audit_view.findings_html(ds, grouped, "fail", PAGES)):
            assert "<script" not in page and "<b>" not in page and "<img" not in page and "<i>" not in page
            assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;co&lt;/b&gt;" in page
        finding = audit_view.finding_html(ds, res, PAGES)
        assert "<blockquote>“&lt;img src=x&gt;”</blockquote>" in finding
        assert '<div class="ct-label">&lt;i&gt;Chỉ tiêu&lt;/i&gt; (2022)</div>' in finding

    def test_anchor_status_title_and_source(self, hostile):
        ds, res = hostile
        finding = audit_view.finding_html(ds, res, PAGES)
        assert finding.startswith('<section class="chitieu-finding"><h3 id="check-c_1" class="ct-head">')
        assert '<span class="ct-status-fail">✘ Không khớp</span> · ' in finding
        assert "nơi nêu: Phần thứ nhất, mục B.II, chú thích 2; mã trong audit.csv: <code>c_1</code>" in finding

    def test_links_go_to_the_registrys_pages(self, hostile):
        ds, res = hostile
        finding = audit_view.finding_html(ds, res, PAGES)
        used = re.search(r'<p class="ct-used">(.*?) <small>', finding)[1]
        assert (
            used == 'Số liệu này được dùng trong chương: <a href="91_kinh_te.html">Kinh tế &lt;thử&gt; &amp; “số”</a>.'
        )
        failed = audit.failed_obs_ids([res, res])
        marker = audit_view.marker_html("part", failed, PAGES)
        assert marker == (
            '<span class="chitieu-audit-flag">⚠ Không khớp khi kiểm tra: '
            '<a href="98_kiem_tra.html#check-c_1">xem phép kiểm tra</a></span>'
        )
        assert audit_view.finding_href("c_1") == "#check-c_1"
        assert audit_view.finding_href("c_1", PAGES) == "98_kiem_tra.html#check-c_1"

    def test_a_check_is_linked_on_the_page_of_its_findings_verdict(self):
        for status in ("fail", "implausible", "reading"):
            assert audit_view.finding_href("c_1", PAGES, status) == "98_kiem_tra.html#check-c_1"
        for status in ("rounding", "pass", "unverifiable"):
            assert audit_view.finding_href("c_1", PAGES, status) == "99_kiem_tra_khop.html#check-c_1"
        assert audit_view.page_link_html(PAGES.named("99_kiem_tra_khop")) == (
            '<a href="99_kiem_tra_khop.html">chương 1, Các phép khớp</a>'
        )

    def test_a_check_without_figures_links_to_the_key_indicators(self, hostile):
        ds, _ = hostile
        check = Check("q", "qualitative", (), {}, "Nhận định", "P1:B.II", "trích dẫn", 2)
        finding = audit_view.finding_html(ds, audit.evaluate_check(ds, check), PAGES)
        assert '<a href="90_chinh.html">Các chỉ tiêu</a>. <small>' in finding

    def test_cards_only_when_detailed(self, hostile):
        ds, res = hostile
        assert finding_cards(audit_view.finding_html(ds, res, PAGES)) == 3  # part, whole, the sentence checked
        assert finding_cards(audit_view.finding_html(ds, res, PAGES, detailed=False)) == 0

    def test_findings_of_a_status(self, hostile):
        ds, res = hostile
        alone = _group(res)
        assert audit_view.findings_html(ds, alone, "pass", PAGES) == "<p>Không có phát hiện nào ở nhóm này.</p>"
        collapsed = audit_view.findings_html(ds, alone + alone, "fail", PAGES, collapsed=True)
        assert collapsed.startswith(
            '<details class="chitieu-details"><summary>✘ Không khớp: xem 2 phát hiện</summary><section'
        )
        assert collapsed.endswith("</details>") and collapsed.count('<section class="chitieu-finding">') == 2
        assert "<details" not in audit_view.findings_html(ds, alone, "fail", PAGES)

    def test_a_grouped_finding_shows_its_cause_and_its_checks_as_h4(self, hostile):
        ds, res = hostile
        page = audit_view.findings_html(
            ds, _group(res, "f_1", "Một tổng nhỏ hơn phần", "Một nguyên nhân"), "fail", PAGES
        )
        assert '<section class="chitieu-finding-group" id="finding-f_1"><h3 class="ct-head">' in page
        assert "<strong>Nguyên nhân chung:</strong> Một nguyên nhân" in page and '<h4 id="check-c_1"' in page


def finding_cards(page: str) -> int:
    return len(re.findall(r'<div class="ct-card[ "]', page))


# ------------------------------------------------------------------------------ labels, tables
class TestLabels:
    def test_icon_and_word(self):
        assert audit_view.status_label("fail") == "✘ Không khớp"
        assert audit_view.status_label("implausible") == "◇ Khó tin nhưng có thể"
        assert audit_view.status_label("reading") == "✎ Vấn đề câu chữ, cách hiểu"
        assert list(audit_view.STATUS_LABELS) == list(audit.STATUS_ORDER) == list(audit_view.STATUS_COLOURS)
        assert list(audit_view.KIND_COLUMNS)[2:] == list(audit.STATUS_ORDER)

    def test_summary_and_kind_tables(self, results):
        summary = audit_view.summary_table(results)
        counts = audit.status_counts(results)
        assert list(summary["status"]) == [audit_view.status_label(s) for s in audit.STATUS_ORDER]
        assert list(summary["count"]) == [str(counts[s]) for s in audit.STATUS_ORDER]
        kinds = audit_view.kind_table(results)
        assert kinds["n"].map(int).sum() == len(results)

    def test_fraction_text(self, ds, results):
        example = audit.result_by_id(results, "gd_ty_le_2023_muc_chi_tieu")
        num, den = example.check.obs_ids[1:]
        values = ds.observations.loc[[num, den], "value"]
        assert audit_view.fraction_text(ds, example) == f"{values.iloc[0]:.0f}/{values.iloc[1]:.0f}"
        with pytest.raises(ValueError):
            audit_view.fraction_text(ds, audit.result_by_id(results, "xd_ket_nap_hai_cho"))
