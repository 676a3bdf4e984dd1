"""The data contract: columns, enumerations and the fixed list of units.

One place defines what a valid row is; the validator (:mod:`chitieu.data.validate`), the docs and the tests
all read it from here.
"""

from __future__ import annotations

UNITS: dict[str, str] = {
    # unit id: Vietnamese label shown to readers
    "percent": "%",
    "percentage_point": "điểm %",
    "percent_of_plan": "% kế hoạch",
    "ratio": "lần",
    "billion_vnd": "tỷ đồng",
    "million_vnd": "triệu đồng",
    "thousand_vnd": "nghìn đồng",
    "vnd": "đồng",
    "count": "",
    "persons": "người",
    "households": "hộ",
    "party_members": "đảng viên",
    "ha": "ha",
    "m2": "m²",
    "km": "km",
    "m": "m",
    "tonnes": "tấn",
    "kg": "kg",
    "litres": "lít",
    "kg_per_day": "kg/ngày",
    "litres_per_day": "lít/ngày",
    "pieces_per_day": "cái/ngày",
    "persons_per_year": "người/năm",
    "tonnes_per_ha": "tấn/ha",
    "quintals_per_ha": "tạ/ha",
    "beds": "giường",
    "beds_per_10000_population": "giường/vạn dân",
    "m3_per_year": "m³/năm",
    "workdays": "ngày công",
    "person_times": "lượt",
}

CHAPTERS: dict[str, str] = {
    "tong_quan": "Tổng quan",
    "kinh_te": "Kinh tế",
    "tai_chinh_dau_tu": "Tài chính – ngân sách – đầu tư",
    "do_thi_nong_thon": "Đô thị, nông thôn mới và hạ tầng",
    "moi_truong": "Tài nguyên và môi trường",
    "giao_duc": "Giáo dục và đào tạo",
    "y_te_dan_so": "Y tế và dân số",
    "van_hoa_xa_hoi": "Văn hóa, thể thao và an sinh xã hội",
    "khcn_qlnn": "Khoa học – công nghệ, chuyển đổi số, quản lý nhà nước",
    "quoc_phong_an_ninh": "Quốc phòng, an ninh",
    "xay_dung_dang": "Xây dựng Đảng và hệ thống chính trị",
}

QUALIFIERS: dict[str, str] = {
    "exact": "",
    "approx": "khoảng",
    "more_than": "trên",
    "at_least": "ít nhất",
    "at_most": "nhiều nhất",
    "nearly": "gần",
    "less_than": "dưới",
}

STATUSES: dict[str, str] = {
    "actual": "thực hiện",
    "estimate": "ước tính",
    "plan": "kế hoạch",
}

TARGET_KINDS = ("at_least", "at_most", "between", "equals")

LOCALITIES: dict[str, str] = {
    # canonical name: kind (phường/xã)
    "Tứ Hạ": "phường",
    "Hương Văn": "phường",
    "Hương Vân": "phường",
    "Hương Xuân": "phường",
    "Hương Chữ": "phường",
    "Hương Toàn": "xã",
    "Hương Bình": "xã",
    "Bình Tiến": "xã",
    "Bình Thành": "xã",
}

INDICATOR_COLUMNS = (
    "indicator_id",
    "chapter",
    "name_vi",
    "name_en",
    "unit",
    "higher_is_better",
    "resolution_no",
    "description_vi",
)
TARGET_COLUMNS = (
    "indicator_id",
    "target_year",
    "kind",
    "low",
    "high",
    "source_ref",
    "source_quote",
)
OBSERVATION_COLUMNS = (
    "obs_id",
    "indicator_id",
    "period",
    "value",
    "qualifier",
    "status",
    "locality",
    "source_ref",
    "source_quote",
)

REPORT_ASSESSMENT_COLUMNS = ("resolution_no", "report_status", "source_ref", "source_quote")
REPORT_STATUSES = ("met", "nearly_met", "not_met")

# Years a period may name: the term is 2020-2025; earlier baselines and later plans stay in this window.
MIN_YEAR = 2000
MAX_YEAR = 2035

# A rate, share or growth in `percent` lies in [-100, 100] (a rate of 250% is a typing error);
# "đạt 120% kế hoạch" is `percent_of_plan`, which has no upper bound.
MAX_PERCENT = 100.0
NON_NEGATIVE_UNITS = frozenset(set(UNITS) - {"percent", "percentage_point"})
