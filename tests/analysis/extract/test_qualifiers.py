"""chitieu.analysis.extract.qualifiers on passages of the real report."""

from __future__ import annotations

import pytest

from chitieu.analysis.extract.qualifiers import qualifier_of


def split_at(line: str, number: str, occurrence: int = 0) -> tuple[str, str]:
    """The text of ``line`` before and after the ``occurrence``-th ``number``."""
    start = -1
    for _ in range(occurrence + 1):
        start = line.index(number, start + 1)
    return line[:start], line[start + len(number) :]


class TestQualifierOf:
    @pytest.mark.parametrize(
        ("passage", "number", "expected"),
        [
            ("Tổng vốn đầu tư toàn xã hội giai đoạn 2021-2023 khoảng 5.400 tỷ đồng", "5.400", "approx"),
            ("Thu nhập bình quân đầu người năm 2022 đạt trên 49 triệu đồng", "49", "more_than"),
            ("Giai đoạn 2021-2023 đã trồng gần 2.333ha rừng tập trung", "2.333", "nearly"),
            ("Trong giai đoạn 2021-2023, đã có hơn 600 hộ đăng ký kinh doanh mới", "600", "more_than"),
            ("(9) Tỷ lệ thu gom rác thải sinh hoạt >93%", "93", "more_than"),
            ("duy trì độ che phủ rừng trên >56%", "56", "more_than"),
            ("Nghề nón lá Hương Cần: có khoảng 35 hộ", "35", "approx"),
            ("Thu ngân sách nhà nước trên địa bàn năm 2022 là 541 tỷ đồng", "541", "exact"),
        ],
    )
    def test_word_before_the_number(self, report_line, passage, number, expected):
        line = report_line(passage)
        before, after = split_at(passage, number)
        assert qualifier_of(before, after) == expected
        assert passage in line

    def test_trên_far_from_the_number_says_nothing(self, report_line):
        passage = "Thu ngân sách nhà nước trên địa bàn năm 2022 là 541 tỷ đồng"
        report_line(passage)
        before, after = split_at(passage, "541")
        assert "trên" in before and qualifier_of(before, after) == "exact"

    def test_a_range_gives_its_two_bounds(self, report_line):
        passage = "Hàng năm kết nạp từ 65 - 80 đảng viên"
        report_line(passage)
        assert qualifier_of(*split_at(passage, "65")) == "at_least"
        assert qualifier_of(*split_at(passage, "80")) == "at_most"
        glued = "sản lượng bình quân mỗi hộ sản xuất 200-300kg/ngày"
        report_line(glued)
        assert [qualifier_of(*split_at(glued, n)) for n in ("200", "300")] == ["at_least", "at_most"]

    def test_a_list_with_a_unit_after_each_number_is_no_range(self, report_line):
        passage = "lần lượt là 55% - 37,5% - 7,5%"
        report_line(passage)
        assert [qualifier_of(*split_at(passage, n)) for n in ("55", "37,5", "7,5")] == ["exact"] * 3

    def test_less_than_and_at_least(self):
        assert qualifier_of("tỷ lệ hộ nghèo dưới ", "%") == "less_than"
        assert qualifier_of("có từ ", " con trở lên") == "at_least"
        assert qualifier_of("từ nguồn vốn ", " tỷ đồng") == "exact"
