"""chitieu.analysis.extract.localities: the ward named in a clause of the real report."""

from __future__ import annotations

import pytest

from chitieu import config
from chitieu.analysis.extract.localities import locality_of
from chitieu.data.localities import read_localities


@pytest.fixture(scope="module")
def places():
    return read_localities(config.DATA_DIR)


class TestLocalityOf:
    @pytest.mark.parametrize(
        ("passage", "expected"),
        [
            ("Trồng rau an toàn 0,6ha tại phường Hương Chũ", "Hương Chữ"),  # a spelling of the report
            ("Sản xuất cam, quýt, bưởi VietGap: 2,5ha tại xã Hương Bình", "Hương Bình"),
            ("cụm công nghiệp Bình Thành (quy mô 32ha)", "Bình Thành"),
            ("trong đó Tứ Hạ 28 tuyến", "Tứ Hạ"),
            ("đã hỗ trợ 03 máy thu gom rơm rạ sau thu hoạch tại Hương Chũ, Hương Văn", ""),  # two: the town
            ("Tỷ lệ người dân tham gia BHYT đạt trên 96%", ""),
        ],
    )
    def test_real_passages(self, places, report_line, passage, expected):
        report_line(passage)
        assert locality_of(places, passage) == expected

    def test_a_village_is_not_a_ward(self, places, report_line):
        passage = "Nghề nón lá Hương Cần: có khoảng 35 hộ"
        report_line(passage)
        assert locality_of(places, passage) == ""
