"""chitieu.analysis.extract.statuses on passages of the real report."""

from __future__ import annotations

import pytest

from chitieu.analysis.extract.statuses import status_of


class TestStatusOf:
    @pytest.mark.parametrize(
        ("passage", "number", "year", "expected"),
        [
            ("năm 2023 ước đạt 51 triệu đồng", "51", 2023, "estimate"),
            ("năm 2023 giá trị sản xuất (giá so sánh 2020) dự ước đạt 7.943 tỷ đồng", "7.943", 2023, "estimate"),
            ("ước thực hiện năm 2023 khoảng 1.700 tỷ đồng", "1.700", 2023, "estimate"),
            ("dự kiến đến cuối năm 2023 có thêm 01 phường đạt chuẩn", "01", 2023, "estimate"),
            ("Thu nhập bình quân đầu người năm 2022 đạt trên 49 triệu đồng", "49", 2022, "actual"),
            ("có 07/14 chỉ tiêu đạt kế hoạch đề ra", "07", 2023, "actual"),
            ("Phê duyệt 08 kế hoạch bảo vệ môi trường", "08", 2023, "actual"),
            ("đã đề ra 14 chỉ tiêu chủ yếu", "14", 2020, "plan"),
        ],
    )
    def test_words_before_the_number(self, report_line, passage, number, year, expected):
        report_line(passage)
        assert status_of([passage[: passage.index(number)]], year, 2023) == expected

    def test_ước_in_nước_is_not_an_estimate(self, report_line):
        passage = "Thu ngân sách nhà nước trên địa bàn năm 2022 là 541 tỷ đồng"
        report_line(passage)
        assert status_of([passage], 2022, 2023) == "actual"

    def test_dự_kiến_is_an_estimate_this_year_and_a_plan_after_it(self):
        assert status_of(["dự kiến có thêm "], 2023, 2023) == "estimate"
        assert status_of(["dự kiến có thêm "], 2025, 2023) == "plan"

    def test_a_plan(self, report_line):
        for passage in ("phấn đấu tỷ lệ tham gia BHYT toàn dân trên 98%", "Kế hoạch đề ra 14-15%"):
            report_line(passage)
            assert status_of([passage], 2023, 2023) == "plan"
        assert status_of(["đã đề ra "], 2020, 2023) == "plan"

    def test_a_future_period_or_a_plans_part_is_a_plan(self):
        assert status_of(["có "], 2025, 2023) == "plan"
        assert status_of(["Hương Văn 1 ("], 2025, 2023, plans_part=True) == "plan"
        assert status_of(["ước đạt "], 2025, 2023, plans_part=True) == "estimate"
