"""Tests of chitieu.analysis.coverage: classification of the report's numbers, matching, the unmatched file, the CLI."""

from __future__ import annotations

import csv
import hashlib
import json
from decimal import Decimal
from pathlib import Path

import pytest

from chitieu import config
from chitieu.analysis.coverage import (
    CLASSES,
    REPORT_FILE,
    SKIPPED_FILE,
    UNEXPLAINED,
    UNMATCHED_COLUMNS,
    UNMATCHED_FILE,
    ClassifiedNumber,
    CoverageReport,
    QuoteSpan,
    UnmatchedStatistic,
    _as_decimal,
    build_report,
    claimed_numbers,
    classify_line,
    classify_numbers,
    context_of,
    format_summary,
    is_matched,
    place_names,
    quote_spans,
    read_skipped,
    run_coverage,
    skip_keys,
    write_unmatched,
)
from chitieu.cli import main as cli_main
from chitieu.data.errors import DataValidationError
from chitieu.data.vnnum import parse_vn_number

PLACES = place_names(config.DATA_DIR)
"""The spellings of the wards and communes of ``data/localities.csv`` (the place-with-a-number rule uses them)."""


def kinds(text: str) -> list[tuple[str, str]]:
    """``(number_text, class)`` of every number of ``text``."""
    return [(n.text, n.kind) for n in classify_numbers(text, PLACES)]


def kind_of(text: str, number_text: str, occurrence: int = 0) -> str:
    """Class of the ``occurrence``-th number written ``number_text`` in ``text``."""
    hits = [n.kind for n in classify_numbers(text, PLACES) if n.text == number_text]
    assert len(hits) > occurrence, f"{number_text!r} not found {occurrence + 1} times in {text!r}"
    return hits[occurrence]


# --------------------------------------------------------------------------------------------------
# Classification, on passages of the report (verbatim unless marked)
# --------------------------------------------------------------------------------------------------


class TestClassifyNumbers:
    def test_positions_are_one_based_lines_and_offsets_in_the_line(self):
        text = "dòng một\nđạt 7.943 tỷ đồng"
        [n] = classify_numbers(text)
        assert (n.line, n.start, n.end, n.text, n.value) == (2, 4, 9, "7.943", Decimal("7943"))
        assert text.split("\n")[1][n.start : n.end] == "7.943"

    def test_every_number_of_find_numbers_is_classified_once(self):
        text = "Năm 2020: 155 quân, năm 2021: 162 quân\n(1) Tốc độ tăng 13,7%/năm²"
        numbers = classify_numbers(text)
        assert [n.text for n in numbers] == ["2020", "155", "2021", "162", "1", "13,7"]
        assert all(n.kind in CLASSES for n in numbers)

    def test_superscript_footnote_markers_are_not_numbers(self):
        assert kinds("đạt 13,7%/năm², năm 2023") == [("13,7", "statistic"), ("2023", "year")]
        assert kinds("¹ Sau khi 06 phường, xã sáp nhập") == [("06", "statistic")]

    def test_empty_text(self):
        assert classify_numbers("") == []
        assert classify_numbers("không có số nào\n\n") == []

    # ---- dates -------------------------------------------------------------------------------------
    @pytest.mark.parametrize(
        "text, parts",
        [
            ("ngày 27/4/2021 của Ủy ban Thường vụ Quốc hội", ["27", "4", "2021"]),
            ("Đến ngày 01/4/2023, đàn trâu có 810 con", ["01", "4", "2023"]),
            ("Quyết định số 1105/QĐ-UBND, ngày 09/5/2022 của UBND tỉnh", ["09", "5", "2022"]),
            ("ngày 3/4/2023", ["3", "4", "2023"]),
            ("từ tháng 7/2020: 71", ["7", "2020"]),
            ("Từ tháng 8/2020 đến tháng 6/2023: xoá tên 11 đồng chí", ["8", "2020", "6", "2023"]),
        ],
    )
    def test_dates_all_parts(self, text, parts):
        dates = [n.text for n in classify_numbers(text) if n.kind == "date"]
        assert dates == parts

    def test_month_without_year_and_part_of_year(self):
        assert kind_of("Từ năm 2020 - đến tháng 6 năm 2023, giảm 306 hộ nghèo", "6") == "date"
        assert kinds("5 tháng đầu năm 2023: 26") == [("5", "date"), ("2023", "year"), ("26", "statistic")]

    # ---- document numbers --------------------------------------------------------------------------
    @pytest.mark.parametrize(
        "text, numbers",
        [
            ("Nghị quyết số 1264/NQ-UBTVQH14, ngày", ["1264", "14"]),
            ("Theo Nghị quyết số 05/2019/NQ-HĐND, ngày", ["05", "2019"]),
            ("Quyết định số 1105/QĐ-UBND", ["1105"]),
            ("Quyết định số 241/QĐ-TTg", ["241"]),
            ("thực hiện Nghị quyết 54-NQ/TW của Bộ Chính trị", ["54"]),
            ("² Nghị quyết 09-NQ/TU của Thị ủy khóa XIV", ["09"]),
            ("Quy định 11-QĐi/TW", ["11"]),
            ("Kết luận 01-KL/TW", ["01"]),
            ("theo Quyết định 217, 218, Quy định số 124-QĐ/TW", ["217", "218", "124"]),
            ("theo Chỉ thị 05 của Ban Thường vụ", ["05"]),  # synthetic: "Chỉ thị 05" as in the brief
        ],
    )
    def test_document_numbers(self, text, numbers):
        docs = [n.text for n in classify_numbers(text) if n.kind == "document_number"]
        assert docs == numbers

    def test_document_number_with_its_date(self):
        text = "Quy định số 124-QĐ/TW, ngày 02/02/2018 của Ban Bí thư"
        assert kinds(text) == [("124", "document_number"), ("02", "date"), ("02", "date"), ("2018", "date")]

    # ---- years -------------------------------------------------------------------------------------
    @pytest.mark.parametrize(
        "text",
        [
            "năm 2022",
            "Năm 2021 ngân sách thu",
            "giai đoạn 2021-2023",
            "nhiệm kỳ 2020 - 2025",
            "(giá so sánh 2020)",
            "Lịch sử Đảng bộ thị xã Hương Trà giai đoạn 1930-1975",
            "kế hoạch khuyến công 2021-2025",
            "vụ Hè Thu 2023",
            "Phường Hương Vãn (2020), Tứ Hạ (2022)",
            "quy hoạch giai đoạn 2020-2025, 2021-2026",
            "giảm dần ở năm 2022, 2023.",
        ],
    )
    def test_years(self, text):
        assert {k for _, k in kinds(text)} == {"year"}

    def test_year_then_statistic(self):
        assert kinds("năm 2021: 81") == [("2021", "year"), ("81", "statistic")]
        assert kinds("Năm 2020: 155 quân") == [("2020", "year"), ("155", "statistic")]

    def test_a_four_digit_quantity_is_not_a_year(self):
        # 2.795 is a grouped number, not the year 2795; 1.500 pieces is no year either.
        assert kinds("tổng số đảng viên toàn Đảng bộ hiện nay là 2.795 đ/c") == [("2.795", "statistic")]
        assert kinds("sản lượng bình quân 800-1.500 cái/ngày") == [("800", "statistic"), ("1.500", "statistic")]

    # ---- list numbering ----------------------------------------------------------------------------
    @pytest.mark.parametrize(
        "text, number",
        [
            ("1. Công tác phòng, chống dịch bệnh", "1"),
            ("1.1. Phát triển công nghiệp - tiểu thủ công nghiệp, làng nghề", "1"),
            ("3.2. Thực hiện các Chương trình mục tiêu quốc gia", "3"),
            ("7. *Đẩy mạnh phát triển văn hóa - thông tin, thể dục, thể thao*", "7"),
            ("(12) Kết nạp được 243 đảng viên mới¹", "12"),
        ],
    )
    def test_line_initial_numbering(self, text, number):
        assert classify_numbers(text)[0].text == number
        assert classify_numbers(text)[0].kind == "list_numbering"

    def test_numbering_does_not_swallow_the_statistics_after_it(self):
        assert kinds("(12) Kết nạp được 243 đảng viên mới¹, trong đó có 11 học sinh.") == [
            ("12", "list_numbering"),
            ("243", "statistic"),
            ("11", "statistic"),
        ]

    def test_lists_of_indicator_numbers(self):
        text = "¹ Chỉ tiêu 3, 6,7,11,12,13,14; 02 chỉ tiêu gần đạt: chỉ tiêu 9,10."
        found = kinds(text)
        assert ("02", "statistic") in found
        assert all(k == "list_numbering" for t, k in found if t != "02")
        assert {t for t, _ in found} >= {"3", "6,7", "9,10"}

    def test_a_number_after_chi_tieu_with_a_percent_is_a_statistic(self):
        # synthetic: "đạt chỉ tiêu 80%" states a quantity
        assert kinds("đạt chỉ tiêu 80%") == [("80", "statistic")]

    def test_a_number_in_the_middle_of_a_line_is_not_numbering(self):
        assert kinds("có 20 HTX¹, tăng 02 HTX so với đầu nhiệm kỳ.") == [("20", "statistic"), ("02", "statistic")]

    # ---- names and ordinals ------------------------------------------------------------------------
    @pytest.mark.parametrize(
        "text, number",
        [
            ("⁶ Tiểu học số 2 Hương Toàn", "2"),
            ("THCS Lê Thuyết và Trường TH số 1 Hương Toàn.", "1"),
            ("thực hiện Đề án 06, dự án cấp, quản lý căn cước công dân", "06"),
            ("chỉnh trang QL1A từ Tứ Hạ - Hương Chữ", "1"),
            ("nút giao Quốc lộ 1A và đường phía tây Huế", "1"),
            ("kiểm soát hiệu quả dịch Covid -19, không để dịch", "19"),
            ("công tác phòng, chống dịch bệnh Covid-19 được triển khai", "19"),
            ("các cụm công nghiệp Hương Xuân, Hương Văn, Hương Vân, Tứ Hạ 2.", "2"),
            ("cụm công nghiệp Tứ Hạ (giai đoạn 3) trình cấp có thẩm quyền", "3"),
            ("Trung tâm Y tế thị xã được xếp loại Bệnh viện hạng 2.", "2"),
            ("tỷ lệ sinh con thứ 3 trở lên còn 16,0%", "3"),
            ("hoạt động của Ban Chỉ đạo 35 của Thị ủy", "35"),
            ("(có phụ lục 02 kèm theo)", "02"),
            ("giống lúa ST25: 01ha", "25"),
        ],
    )
    def test_names_and_ordinals(self, text, number):
        assert kind_of(text, number) == "name_or_ordinal"

    def test_plan_scale_both_parts(self):
        assert kinds("Đã hoàn thành quy hoạch chi tiết 1/500 cụm công nghiệp Bình Thành (quy mô 32ha).") == [
            ("1", "name_or_ordinal"),
            ("500", "name_or_ordinal"),
            ("32", "statistic"),
        ]

    def test_service_levels_and_plenums(self):
        assert kinds("đủ điều kiện mức độ 3, 4; 100% quy trình") == [
            ("3", "name_or_ordinal"),
            ("4", "name_or_ordinal"),
            ("100", "statistic"),
        ]
        assert [k for _, k in kinds("Các Nghị quyết hội nghị Trung ương 4, 5, 6 (khóa XIII)")] == [
            "name_or_ordinal"
        ] * 3

    def test_standard_name_is_not_a_year(self):
        assert kinds("theo tiêu chuẩn 9001-2015 tại các cơ quan") == [
            ("9001", "name_or_ordinal"),
            ("2015", "name_or_ordinal"),
        ]

    def test_place_name_number_versus_count_after_a_place(self):
        # "Tứ Hạ 28 tuyến" and "xã Hương Toàn 03;" are counts, "Hương Văn 1 (35ha)" is a cluster's name.
        assert kind_of("trong đó Tứ Hạ 28 tuyến, Hương Văn 01 tuyến", "28") == "statistic"
        assert kind_of("trong đó Tứ Hạ 28 tuyến, Hương Văn 01 tuyến", "01") == "statistic"
        assert kind_of("Mặt trận-Đoàn thể 01, xã Hương Toàn 03; các Chi bộ", "03") == "statistic"
        assert kinds("Hương Văn 1 (35ha), Hương Văn 2 (24,3ha)") == [
            ("1", "name_or_ordinal"),
            ("35", "statistic"),
            ("2", "name_or_ordinal"),
            ("24,3", "statistic"),
        ]

    # ---- statistics --------------------------------------------------------------------------------
    def test_fraction_gives_two_statistics(self):
        assert kinds("năm 2022 là 28/38 trường, đạt 73,68%") == [
            ("2022", "year"),
            ("28", "statistic"),
            ("38", "statistic"),
            ("73,68", "statistic"),
        ]
        assert kinds("đạt 60% (03/05 phường)") == [("60", "statistic"), ("03", "statistic"), ("05", "statistic")]

    def test_ranges_give_two_statistics(self):
        assert kinds("² Kế hoạch đề ra 14-15%.") == [("14", "statistic"), ("15", "statistic")]
        found = classify_numbers("sản lượng bình quân mỗi hộ sản xuất 200-300kg/ngày")
        assert [(n.text, n.kind, n.value) for n in found] == [
            ("200", "statistic", Decimal("200")),
            ("300", "statistic", Decimal("300")),
        ]

    def test_units_glued_to_numbers(self):
        [a] = classify_numbers("Giai đoạn 2021-2023 đã trồng gần 2.333ha rừng tập trung;")[2:]
        assert (a.text, a.kind, a.value) == ("2.333", "statistic", Decimal("2333"))
        [b] = classify_numbers("Trồng cây Tràm gió: 17,33ha (Hương Chũ, Hương Xuân, Hương Văn)")
        assert (b.text, b.kind, b.value) == ("17,33", "statistic", Decimal("17.33"))
        assert kinds("sản lượng khai thác gỗ rừng trồng hàng năm ước khoảng 60.000m³") == [("60.000", "statistic")]

    def test_when_unsure_a_number_is_a_statistic(self):
        # The rules are conservative: these stay statistics, to be matched or explained in coverage_skipped.csv.
        assert kind_of("Sau gần 3 năm thực hiện Nghị quyết", "3") == "statistic"
        assert kind_of("đạt 16 giường bệnh/1 vạn dân", "1") == "statistic"
        assert kind_of("cao tốc Cam Lộ - La Sơn, đường dây 500kv...", "500") == "statistic"


class TestClassifyLine:
    def test_line_number_is_kept(self):
        [n] = classify_line("có 38 trường học", 204)
        assert (n.line, n.text, n.kind, n.note) == (204, "38", "statistic", "")

    def test_the_deciding_rule_is_recorded(self):
        [n] = classify_line("năm 2022", 1)
        assert n.kind == "year" and n.note


# --------------------------------------------------------------------------------------------------
# Matching (synthetic lines)
# --------------------------------------------------------------------------------------------------


def number(line: int, text: str, line_text: str, kind: str = "statistic") -> ClassifiedNumber:
    """The first number written ``text`` in ``line_text``, as a ClassifiedNumber of line ``line``."""
    start = line_text.index(text)
    return ClassifiedNumber(line, start, start + len(text), text, parse_vn_number(text), kind)


class TestQuoteSpans:
    def test_all_occurrences_on_all_lines(self):
        lines = ["thu 541 tỷ đồng", "x", "thu 541 tỷ đồng, lại thu 541 tỷ đồng"]
        spans = quote_spans(lines, [("541 tỷ đồng", (Decimal("541"),))])
        assert sorted(spans) == [1, 3]
        assert [(s.start, s.end) for s in spans[3]] == [(4, 15), (25, 36)]

    def test_rows_sharing_a_quote_are_merged(self):
        spans = quote_spans(["là 28/38 trường"], [("28/38 trường", (Decimal(28),)), ("28/38 trường", (Decimal(38),))])
        # claimed: the offsets, in the line, of "28" and "38"
        assert spans[1] == [QuoteSpan(1, 3, 15, frozenset({(3, 5), (6, 8)}))]

    def test_empty_quote_and_absent_quote_give_nothing(self):
        assert quote_spans(["abc"], [("", ()), ("zzz", (Decimal(1),))]) == {}


class TestClaimedNumbers:
    def test_a_value_claims_the_numbers_equal_to_it(self):
        assert claimed_numbers("đạt 100% (04/04 xã)", [Decimal(4)]) == {(10, 12), (13, 15)}
        assert claimed_numbers("đạt 100% (04/04 xã)", [Decimal(100)]) == {(4, 7)}
        assert claimed_numbers("đạt 100%", [Decimal(7)]) == frozenset()

    def test_written_decimals_decide_between_equal_numbers(self):
        quote = "tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng còn 5,0%"
        five = (quote.index("5 tuổi"), quote.index("5 tuổi") + 1)
        five_point_zero = (quote.index("5,0"), quote.index("5,0") + 3)
        assert claimed_numbers(quote, [Decimal("5.0")]) == {five_point_zero}
        assert claimed_numbers(quote, [Decimal("5")]) == {five}
        # no number written with the value's decimals: every equal number is claimed
        assert claimed_numbers(quote, [Decimal("5.00")]) == {five, five_point_zero}


class TestAsDecimal:
    def test_machine_text_keeps_its_decimals(self):
        assert _as_decimal("5.0").as_tuple().exponent == -1
        assert _as_decimal("206.472") == Decimal("206.472")

    def test_float_bounds(self):
        assert _as_decimal(2.0).as_tuple() == Decimal(2).as_tuple()
        assert _as_decimal(2.2) == Decimal("2.2")

    @pytest.mark.parametrize("missing", [None, "", float("nan")])
    def test_missing(self, missing):
        assert _as_decimal(missing) is None


class TestIsMatched:
    line = "năm 2022 là 28/38 trường, đạt 73,68%"

    def spans(self, quote: str, *values: str) -> dict[int, list[QuoteSpan]]:
        return quote_spans([self.line], [(quote, tuple(Decimal(v) for v in values))])

    def test_quote_covering_the_number_with_its_value(self):
        spans = self.spans("28/38 trường", "28", "38")
        assert is_matched(number(1, "28", self.line), spans)
        assert is_matched(number(1, "38", self.line), spans)

    def test_value_must_equal_the_number(self):
        spans = self.spans("28/38 trường", "28")
        assert not is_matched(number(1, "38", self.line), spans)

    def test_quote_must_cover_the_number(self):
        spans = self.spans("đạt 73,68%", "28")
        assert not is_matched(number(1, "28", self.line), spans)
        # a quote that cuts the number does not cover it
        assert not is_matched(number(1, "73,68", self.line), self.spans("đạt 73,6", "73.6"))

    def test_quote_must_be_on_the_same_line(self):
        spans = quote_spans(["x", self.line], [("28/38 trường", (Decimal(28),))])
        assert not is_matched(number(1, "28", self.line), spans)
        assert is_matched(number(2, "28", self.line), spans)

    def test_value_read_the_vietnamese_way(self):
        line = "thị xã thu 206,472 tỷ đồng; đàn bò 1.554 con"
        spans = quote_spans(
            [line], [("thu 206,472 tỷ đồng", (Decimal("206.472"),)), ("đàn bò 1.554 con", (Decimal("1554"),))]
        )
        assert is_matched(number(1, "206,472", line), spans)
        assert is_matched(number(1, "1.554", line), spans)


class TestSkipKeys:
    def test_exact_entries(self):
        keys = skip_keys([(10, "3", "elapsed time"), (164, "500", "voltage")])
        assert keys == {(10, "3"): "elapsed time", (164, "500"): "voltage"}

    def test_an_entry_covers_the_numbers_written_inside_it(self):
        keys = skip_keys([(196, "3/4/2023", "date")])
        assert {(196, "3"), (196, "4"), (196, "2023"), (196, "3/4/2023")} <= set(keys)

    def test_first_reason_wins(self):
        assert skip_keys([(1, "5", "a"), (1, "5", "b")]) == {(1, "5"): "a"}


class TestContextOf:
    def test_thirty_characters_each_side(self):
        line = "a" * 40 + "123" + "b" * 40
        assert context_of(line, 40, 43) == "a" * 30 + "123" + "b" * 30

    def test_at_line_edges(self):
        assert context_of("  đạt 56%  ", 6, 8) == "đạt 56%"


# --------------------------------------------------------------------------------------------------
# Report on a synthetic text
# --------------------------------------------------------------------------------------------------

# synthetic: a three-line text in the report's style, not the real report
SYNTHETIC_TEXT = (
    "(1) Năm 2022 có 28/38 trường đạt chuẩn, thu 541 tỷ đồng.\n"
    "² Kế hoạch đề ra 14-15%; Sau gần 3 năm; Covid-19.\n"
    "Đến ngày 01/4/2023, đàn bò 1.554 con, đàn trâu 810 con."
)


class TestBuildReport:
    def report(self, skipped=()):
        quoted = [
            ("28/38 trường", (Decimal(28),)),
            ("28/38 trường", (Decimal(38),)),
            ("thu 541 tỷ đồng", (Decimal(541),)),
            ("Kế hoạch đề ra 14-15%", (Decimal(14), Decimal(15))),
            ("đàn bò 1.554 con", (Decimal(1554),)),
        ]
        return build_report(SYNTHETIC_TEXT, quoted, list(skipped))

    def test_counts(self):
        r = self.report()
        assert r.counts == {
            "statistic": 8,
            "date": 3,
            "document_number": 0,
            "year": 1,
            "list_numbering": 1,
            "name_or_ordinal": 1,
        }
        assert (r.statistics, r.matched, r.explained, r.unexplained) == (8, 6, 0, 2)
        assert r.percent_matched == pytest.approx(75.0)
        assert not r.passed

    def test_unmatched_in_text_order_with_reason(self):
        r = self.report([(2, "3", "not a quantity of the town: elapsed time")])
        assert [(u.line, u.number_text, u.reason) for u in r.unmatched] == [
            (2, "3", "not a quantity of the town: elapsed time"),
            (3, "810", UNEXPLAINED),
        ]
        assert (r.explained, r.unexplained) == (1, 1)
        assert r.unmatched[1].context == "3, đàn bò 1.554 con, đàn trâu 810 con."  # 30 characters before 810

    def test_stale_skip_entries_are_reported(self):
        r = self.report([(2, "3", "x"), (2, "999", "y"), (3, "5/6/2031", "z"), (3, "01/4/2023", "date")])
        assert r.unknown_skips == [(2, "999"), (3, "5/6/2031")]

    def test_passes_when_everything_is_matched_or_explained(self):
        r = self.report([(2, "3", "elapsed time"), (3, "810", "a hypothetical reason")])
        assert r.unexplained == 0
        assert not r.passed  # 6/8 = 75% < 95%
        quoted = [("trâu 810 con", (Decimal(810),)), ("gần 3 năm", (Decimal(3),))]
        r2 = build_report("đàn trâu 810 con\nSau gần 3 năm", quoted, [])
        assert (r2.matched, r2.statistics, r2.passed) == (2, 2, True)

    def test_no_statistic_is_full_coverage(self):
        r = build_report("năm 2022\n1. Mục", [], [])
        assert r.statistics == 0 and r.percent_matched == 100.0 and r.passed


class TestCoverageReport:
    def test_threshold_is_95_percent_inclusive(self):
        assert CoverageReport([], {}, 100, 95, 5, 0).passed
        assert not CoverageReport([], {}, 100, 94, 6, 0).passed
        assert not CoverageReport([], {}, 100, 99, 0, 1).passed


# --------------------------------------------------------------------------------------------------
# Files and the CLI, on a synthetic data folder
# --------------------------------------------------------------------------------------------------


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A synthetic data folder: SYNTHETIC_TEXT as the raw report, two indicators, a few rows."""
    data = tmp_path / "data"
    raw = data / "raw"
    raw.mkdir(parents=True)
    raw_file = raw / REPORT_FILE
    raw_file.write_text(SYNTHETIC_TEXT, encoding="utf-8")
    meta = {"file": REPORT_FILE, "title": "synthetic", "sha256": hashlib.sha256(raw_file.read_bytes()).hexdigest()}
    (raw / REPORT_FILE.replace(".txt", ".meta.json")).write_text(json.dumps(meta), encoding="utf-8")
    write_csv(
        data / "indicators.csv",
        [
            "indicator_id",
            "chapter",
            "name_vi",
            "name_en",
            "unit",
            "higher_is_better",
            "resolution_no",
            "description_vi",
        ],
        [
            ["schools", "giao_duc", "Số trường đạt chuẩn", "Schools", "count", "true", "", "Số trường."],
            ["schools_total", "giao_duc", "Tổng số trường", "Schools, total", "count", "", "", "Số trường."],
            ["growth", "kinh_te", "Tăng trưởng", "Growth", "percent", "true", "", "Tăng trưởng."],
        ],
    )
    write_csv(
        data / "observations.csv",
        [
            "obs_id",
            "indicator_id",
            "period",
            "value",
            "qualifier",
            "status",
            "locality",
            "source_ref",
            "source_quote",
            "note",
        ],
        [
            ["schools.2022", "schools", "2022", "28", "exact", "actual", "", "P1:B.II:(1)", "28/38 trường", ""],
            [
                "schools_total.2022",
                "schools_total",
                "2022",
                "38",
                "exact",
                "actual",
                "",
                "P1:B.II:(1)",
                "28/38 trường",
                "",
            ],
        ],
    )
    write_csv(
        data / "targets.csv",
        ["indicator_id", "target_year", "kind", "low", "high", "source_ref", "source_quote"],
        [
            ["growth", "2025", "between", "14", "15", "P1:B.II:fn2", "Kế hoạch đề ra 14-15%"],
            ["schools", "2025", "at_least", "541", "", "P1:B.II:(1)", "thu 541 tỷ đồng"],
        ],
    )
    write_csv(data / "report_assessment.csv", ["resolution_no", "report_status", "source_ref", "source_quote"], [])
    return data


class TestReadSkipped:
    def test_absent_file_is_no_entry(self, tmp_path):
        assert read_skipped(tmp_path / SKIPPED_FILE) == []

    def test_rows(self, tmp_path):
        path = tmp_path / SKIPPED_FILE
        write_csv(path, ["line", "number_text", "reason"], [["10", "3", "elapsed, not a quantity"]])
        assert read_skipped(path) == [(10, "3", "elapsed, not a quantity")]

    @pytest.mark.parametrize("row", [["x", "3", "r"], ["0", "3", "r"], ["10", "", "r"], ["10", "3", ""]])
    def test_bad_rows_are_refused(self, tmp_path, row):
        path = tmp_path / SKIPPED_FILE
        write_csv(path, ["line", "number_text", "reason"], [row])
        with pytest.raises(DataValidationError):
            read_skipped(path)

    def test_wrong_columns_are_refused(self, tmp_path):
        path = tmp_path / SKIPPED_FILE
        write_csv(path, ["line", "number"], [["10", "3"]])
        with pytest.raises(DataValidationError):
            read_skipped(path)


class TestRunCoverage:
    def test_observations_and_targets_match(self, data_dir):
        r = run_coverage(data_dir)
        matched = {(n.line, n.text) for n in r.numbers if n.kind == "statistic"} - {
            (u.line, u.number_text) for u in r.unmatched
        }
        assert matched == {(1, "28"), (1, "38"), (1, "541"), (2, "14"), (2, "15")}
        assert [(u.line, u.number_text) for u in r.unmatched] == [(2, "3"), (3, "1.554"), (3, "810")]
        assert r.unexplained == 3

    def test_skipped_file_explains(self, data_dir):
        write_csv(
            data_dir / SKIPPED_FILE,
            ["line", "number_text", "reason"],
            [["2", "3", "not a quantity of the town: elapsed time"], ["3", "810", "synthetic reason"]],
        )
        r = run_coverage(data_dir)
        assert [(u.number_text, u.reason) for u in r.unmatched] == [
            ("3", "not a quantity of the town: elapsed time"),
            ("1.554", UNEXPLAINED),
            ("810", "synthetic reason"),
        ]
        assert (r.explained, r.unexplained) == (2, 1)

    def test_invalid_data_is_refused(self, data_dir):
        (data_dir / "observations.csv").write_text("obs_id\n", encoding="utf-8")
        with pytest.raises(DataValidationError):
            run_coverage(data_dir)


class TestWriteUnmatched:
    def test_columns_order_and_no_temp_file_left(self, tmp_path):
        report = CoverageReport(
            [],
            {},
            3,
            1,
            1,
            1,
            unmatched=[
                UnmatchedStatistic(9, 5, "810", "trâu 810 con", UNEXPLAINED),
                UnmatchedStatistic(2, 7, "3", "gần 3 năm, x", "elapsed time"),
            ],
        )
        path = tmp_path / UNMATCHED_FILE
        write_unmatched(report, path)
        text = path.read_text(encoding="utf-8")
        assert text == (
            f'line,number_text,context,reason\n2,3,"gần 3 năm, x",elapsed time\n9,810,trâu 810 con,{UNEXPLAINED}\n'
        )
        assert list(tmp_path.iterdir()) == [path]

    def test_overwrites_and_is_deterministic(self, tmp_path):
        path = tmp_path / UNMATCHED_FILE
        path.write_text("old", encoding="utf-8")
        report = CoverageReport([], {}, 0, 0, 0, 0)
        write_unmatched(report, path)
        first = path.read_bytes()
        write_unmatched(report, path)
        assert path.read_bytes() == first == b"line,number_text,context,reason\n"
        assert tuple(first.decode().strip().split(",")) == UNMATCHED_COLUMNS


class TestFormatSummary:
    def test_labels_and_percent(self):
        r = build_report(SYNTHETIC_TEXT, [("28/38 trường", (Decimal(28), Decimal(38)))], [])
        text = format_summary(r, Path("data/coverage_unmatched.csv"))
        assert "Khớp: 2/8 số liệu thống kê (25,0%)" in text
        for kind in CLASSES:
            assert f"({kind}):" in text
        assert "(unmatched, unexplained): 6" in text
        assert "data/coverage_unmatched.csv" in text


class TestCliCoverage:
    def test_fails_below_target_and_writes_file(self, data_dir, capsys):
        assert cli_main(["--data-dir", str(data_dir), "coverage"]) == 1
        out, err = capsys.readouterr()
        assert "Khớp: 5/8 số liệu thống kê" in out
        assert "Chưa đạt" in err
        rows = list(csv.DictReader((data_dir / UNMATCHED_FILE).open(encoding="utf-8")))
        assert [(r["line"], r["number_text"], r["reason"]) for r in rows] == [
            ("2", "3", UNEXPLAINED),
            ("3", "1.554", UNEXPLAINED),
            ("3", "810", UNEXPLAINED),
        ]

    def test_passes_when_target_met(self, data_dir, capsys):
        # Every unmatched statistic explained, but only 5/8 = 62.5% matched: still a failure...
        write_csv(
            data_dir / SKIPPED_FILE,
            ["line", "number_text", "reason"],
            [["2", "3", "elapsed time"], ["3", "1.554", "r"], ["3", "810", "r"]],
        )
        assert cli_main(["--data-dir", str(data_dir), "coverage"]) == 1
        # ...until the three are quoted by observations: 8/8 matched.
        with (data_dir / "observations.csv").open("a", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(
                [
                    "schools.2023-04.cattle",
                    "schools",
                    "2023-04",
                    "1554",
                    "exact",
                    "actual",
                    "",
                    "P1:B.III.1.3",
                    "đàn bò 1.554 con",
                    "",
                ]
            )
            writer.writerow(
                [
                    "schools.2023-04.buffalo",
                    "schools",
                    "2023-04",
                    "810",
                    "exact",
                    "actual",
                    "",
                    "P1:B.III.1.3",
                    "đàn trâu 810 con",
                    "",
                ]
            )
            writer.writerow(
                ["schools.2023.years", "schools", "2023", "3", "approx", "actual", "", "P1:A", "gần 3 năm", ""]
            )
        capsys.readouterr()
        assert cli_main(["--data-dir", str(data_dir), "coverage"]) == 0
        assert "Khớp: 8/8 số liệu thống kê (100,0%)" in capsys.readouterr().out

    def test_invalid_data_returns_1(self, data_dir, capsys):
        (data_dir / "targets.csv").write_text("nonsense\n", encoding="utf-8")
        assert cli_main(["--data-dir", str(data_dir), "coverage"]) == 1
        assert "Invalid data" in capsys.readouterr().err
        assert not (data_dir / UNMATCHED_FILE).exists()


# --------------------------------------------------------------------------------------------------
# The real data
# --------------------------------------------------------------------------------------------------


class TestRealData:
    @pytest.fixture(scope="class")
    @classmethod
    def report(cls):
        return run_coverage(config.DATA_DIR)

    def test_every_key_indicator_statistic_is_matched(self, report):
        """Section B.II (raw lines 54–101): the 14 key indicators, their footnotes and targets."""
        in_section = [n for n in report.numbers if 54 <= n.line <= 101 and n.kind == "statistic"]
        assert len(in_section) > 50
        missing = [(u.line, u.number_text, u.context) for u in report.unmatched if 54 <= u.line <= 101]
        assert missing == []

    def test_every_number_of_the_report_is_classified(self, report):
        raw = (config.RAW_DIR / REPORT_FILE).read_text(encoding="utf-8")
        assert len(report.numbers) == len(classify_numbers(raw)) > 700
        assert sum(report.counts.values()) == len(report.numbers)
