"""chitieu.analysis.extract.periods: mentions, and the period each number of a real passage takes."""

from __future__ import annotations

import pytest

from chitieu.analysis.extract.candidates import build_candidates
from chitieu.analysis.extract.periods import ReportYears, mentions_in, term_years
from chitieu.data.localities import make_localities

YEARS_2023 = ReportYears(2023, 2020, 2025)


def periods(line: str, years: ReportYears = YEARS_2023) -> dict[str, str]:
    """number as written → period of its first occurrence, for the statistics of one line read alone."""
    out: dict[str, str] = {}
    for c in build_candidates(line, years, make_localities([]), None):
        out.setdefault(c.number_text, c.period)
    return out


class TestMentionsIn:
    def test_year_range_and_part_of_a_year(self):
        found = mentions_in("năm 2022: 65, giai đoạn 2021-2023 đạt 5, 5 tháng đầu năm 2023: 26", YEARS_2023)
        assert [m.period for m in found] == ["2022", "2021-2023", "2023-01/2023-05"]

    def test_dates_months_and_since(self):
        assert [m.period for m in mentions_in("Đến ngày 01/4/2023, đàn trâu", YEARS_2023)] == ["2023-04"]
        assert [m.period for m in mentions_in("từ tháng 7/2020: 71", YEARS_2023)] == ["2020-07/2020-12"]
        text = "Từ tháng 8/2020 đến tháng 6/2023: xoá tên 11 đồng chí"
        assert [m.period for m in mentions_in(text, YEARS_2023)] == ["2020-08/2023-06"]
        text = "Từ năm 2020 - đến tháng 6 năm 2023, giảm 306 hộ nghèo"
        assert [m.period for m in mentions_in(text, YEARS_2023)] == ["2020-01/2023-06"]

    def test_comparisons_and_price_bases_are_not_periods(self):
        assert mentions_in("gấp 1,2 lần so với năm 2020", YEARS_2023) == []
        assert mentions_in("(giá so sánh 2020)", YEARS_2023) == []
        assert mentions_in("quyết định ngày 09/5/2022 của UBND tỉnh", YEARS_2023) == []

    def test_đến_nay_is_the_report_s_year(self):
        assert [m.period for m in mentions_in("Đến nay, có 20 HTX", YEARS_2023)] == ["2023"]
        assert [m.period for m in mentions_in("Đến nay, có 20 HTX", ReportYears(2024))] == ["2024"]
        assert [m.period for m in mentions_in("Từ đầu nhiệm kỳ đến nay: kiểm tra", YEARS_2023)] == ["2020-2023"]

    def test_term_years(self):
        assert term_years("Đảng bộ thị xã lần thứ XIV, nhiệm kỳ 2020 - 2025") == (2020, 2025)
        assert term_years("Báo cáo năm 2024") is None


class TestPeriodOfRealPassages:
    def test_year_vs_range_vs_part_of_year(self, report_line):
        line = report_line("⁴ Từ tháng 7/2020: 71, năm 2021: 81, năm 2022: 65, 5 tháng đầu năm 2023: 30")
        got = periods(line)
        assert got["71"] == "2020-07/2020-12"  # từ tháng 7/2020: 71
        assert got["81"] == "2021"  # năm 2021: 81
        assert got["65"] == "2022"  # năm 2022: 65
        assert got["30"] == "2023-01/2023-05"  # 5 tháng đầu năm 2023: 30
        assert got["2.795"] == "2023"  # hiện nay

    def test_range_then_estimate_year_then_yearly_average(self, report_line):
        line = report_line("(3) Tổng vốn đầu tư toàn xã hội giai đoạn 2021-2023 khoảng 5.400 tỷ đồng")
        got = periods(line)
        assert got["5.400"] == "2021-2023"
        assert got["1.700"] == "2023"
        assert got["8,3"] == "2021-2023"  # tăng trưởng bình quân …/năm: the range, not 2023

    def test_comparison_year_is_skipped_for_the_sentence_s_year(self, report_line):
        line = report_line("gấp 1,2 lần so với năm 2020")
        assert periods(line)["1,2"] == "2022"

    def test_đến_nay_follows_the_report_s_year(self, report_line):
        line = report_line("Đến nay, có 20 HTX")
        assert periods(line)["20"] == "2023"
        assert periods(line, ReportYears(2024, 2020, 2025))["20"] == "2024"

    def test_as_of_month(self, report_line):
        line = report_line("Đến ngày 01/4/2023, đàn trâu có 810 con")
        assert periods(line)["810"] == "2023-04"

    def test_name_of_a_later_term_is_not_the_period(self, report_line):
        line = report_line("Đã phê duyệt quy hoạch nhiệm kỳ 2025-2030: 780 trường hợp")
        assert periods(line)["780"] != "2025-2030"

    @pytest.mark.parametrize("as_of", [2023, 2024])
    def test_a_resolution_s_term_is_the_period_of_what_it_set(self, report_line, as_of):
        line = report_line("nhiệm kỳ 2020 - 2025 đã đề ra 14 chỉ tiêu chủ yếu")
        assert periods(line, ReportYears(as_of, 2020, 2025))["14"] == "2020-2025"
