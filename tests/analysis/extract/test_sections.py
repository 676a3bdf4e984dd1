"""chitieu.analysis.extract.sections: source_ref of every line, against the curated rows of the real report."""

from __future__ import annotations

import csv

from chitieu import config
from chitieu.analysis.extract.sections import line_places, markers_in


class TestMarkersIn:
    def test_units_are_not_markers_words_ending_in_m_are(self):
        assert markers_in("vận động nhân dân hiến 17.316m² đất") == []
        assert markers_in("khai thác gỗ hàng năm ước khoảng 60.000m³. Công tác") == []
        text = "kế hoạch kiểm tra, giám sát hàng năm¹; chú trọng"
        assert markers_in(text) == [(1, text.index("¹"))]
        text = "đạt 13,7%/năm², năm 2023"
        assert markers_in(text) == [(2, text.index("²"))]

    def test_a_footnote_s_own_number_is_not_a_marker(self):
        assert markers_in("¹ Chỉ tiêu 3, 6,7,11") == []


class TestLinePlaces:
    def test_small_outline(self):
        lines = [
            "PHẦN THỨ NHẤT TÌNH HÌNH",
            "B. KẾT QUẢ ĐẠT ĐƯỢC",
            "III. Kết quả thực hiện từng lĩnh vực",
            "1.3. Sản xuất nông nghiệp",
            "Giá trị tăng 2,9%/năm³.",
            "III. Hoạt động của Mặt trận Tổ quốc và các đoàn thể",
            "Văn bản",
            "B. KHUYẾT ĐIỂM, HẠN CHẾ",
            "I. Khuyết điểm",
            "³ Ghi chú",
            "PHẦN THỨ HAI NHỮNG NHIỆM VỤ",
            "Dự báo",
        ]
        refs = [p.ref for p in line_places(lines)]
        assert refs[4] == "P1:B.III.1.3"
        assert refs[6] == "P1:B.III-MT"
        assert refs[8] == "P1:B2.I"
        assert refs[9] == "P1:B.III.1.3:fn3"  # the marker ³ is in section 1.3, above
        assert refs[11] == "P2:intro"

    def test_real_report_against_the_curated_refs(self, report):
        """Every curated ref whose quote lies on one line is that line's ref, but for the few rows the curators
        referred to the enclosing item (documented in the report)."""
        lines = report.split("\n")
        places = line_places(lines)
        with open(config.DATA_DIR / "observations.csv", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        same = differ = 0
        for row in rows:
            refs = {places[i].ref for i, line in enumerate(lines) if row["source_quote"] in line}
            if row["source_ref"] in refs:
                same += 1
            else:
                differ += 1
        assert differ == 0, f"{differ} of {same + differ} curated refs differ"

    def test_footnote_anchor_is_the_line_with_its_marker(self, report):
        lines = report.split("\n")
        places = line_places(lines)
        footnote = next(i for i, line in enumerate(lines) if line.startswith("¹ Hàng năm kết nạp từ 65 - 80"))
        assert places[footnote].is_footnote
        assert "243 đảng viên mới¹" in lines[places[footnote].anchor - 1]
        assert places[footnote].ref == "P1:B.II:(12):fn1"
