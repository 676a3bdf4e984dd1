"""Chapter 11 on the real data: admissions statements, discipline breakdowns, labels, missing years."""

import pytest

from huongtra import xay_dung_dang as xd


def test_two_statements_of_admissions_each_add_up(ds):
    st = xd.admissions_statements(ds, 2023)
    assert sorted(st["value"]) == [243, 247]
    assert all(st["consistent"])
    by_total = dict(zip(st["value"], st["parts_sum"]))
    assert by_total == {243: 71 + 81 + 65 + 26, 247: 71 + 81 + 65 + 30}


def test_admissions_sentence_says_the_report_differs(ds):
    text = xd.admissions_sentence(ds, 2023)
    assert "243" in text and "247" in text and "khác nhau" in text


def test_admissions_2022_has_no_total_but_sums_the_periods(ds):
    assert xd.admissions_statements(ds, 2022).empty
    assert "217" in xd.admissions_sentence(ds, 2022)  # 71 + 81 + 65


def test_admissions_range_sentence(ds):
    # The project's reading: "từ 65 - 80" is a floor, more is better; 81 meets it (as the report says).
    text = xd.admissions_range_sentence(ds, 2023)
    assert "65 là mức phải đạt, kết nạp nhiều hơn là tốt hơn" in text
    assert "năm 2021 kết nạp 81, đạt, vượt cả mức trên của khoảng" in text
    assert "năm 2022 kết nạp 65, đạt, đúng bằng mức phải đạt" in text


@pytest.mark.parametrize("dimension", ["level", "form", "content", "sector"])
def test_each_discipline_breakdown_sums_to_99(ds, dimension):
    assert xd.breakdown_sum(ds, "discipline_members", dimension, 2023) == 99


def test_discipline_check_and_shares(ds):
    check = xd.discipline_check(ds, 2023)
    assert len(check) == 4 and check["equal"].all()
    forms = xd.breakdown(ds, "discipline_members", 2023, "form")
    assert list(forms["short_vi"]) == ["Khiển trách", "Cảnh cáo", "Khai trừ", "Cách chức"]
    assert xd.top_share_text(forms, 99) == "khiển trách (79, 79,8%)"


def test_discipline_missing_in_2022(ds):
    assert xd.discipline_check(ds, 2022).empty
    assert xd.breakdown(ds, "discipline_members", 2022, "level").empty


def test_short_labels():
    assert xd.short_label("Số đảng viên bị thi hành kỷ luật – cấp thi hành: Thị ủy") == "Thị ủy"
    assert xd.short_label("Số tổ chức đảng được kiểm tra – do đảng ủy cơ sở thực hiện") == "Đảng ủy cơ sở"
    assert xd.short_label("Số trường hợp quy hoạch cấp ủy cơ sở nhiệm kỳ 2025-2030") == "Cấp ủy cơ sở"


def test_cadre_planning_parts_sum_to_total(ds):
    parts = xd.breakdown(ds, "cadre_planning_approved", 2023)
    assert parts["value"].sum() == xd.value_of(ds, "cadre_planning_approved", 2023) == 780
