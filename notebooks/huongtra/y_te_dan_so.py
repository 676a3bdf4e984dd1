"""Chapter 7 (Y tế và dân số): health insurance against its 2025 target, the health network, population.

Every figure of the health section (P1:B.III.6) is stated "đến nay", i.e. as of mid-2023; the only target
is the health-insurance coverage of Part Two (P2:II.2, "phấn đấu tỷ lệ tham gia BHYT toàn dân trên 98%").
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from chitieu.analysis.formulas import share
from chitieu.analysis.status import NEAR_TOLERANCE, status_word
from chitieu.book import chapter, charts
from chitieu.book.chapter import AT_REPORT_DATE, no_data
from chitieu.book.fmt import format_value, natural_decimals
from chitieu.book.keyindicators import target_rows
from chitieu.data.load import Dataset
from chitieu.data.vnnum import format_vn

CHAPTER = "y_te_dan_so"

NETWORK_IDS = [
    "hospital_beds_per_10000",
    "health_stations_with_doctor",
    "health_stations_total",
    "communes_health_standard_rate",
]


SHORT_LABELS = {"health_insurance_coverage_rate": "Tham gia bảo hiểm y tế"}
"""Short axis labels for :func:`chitieu.book.charts.target_bullet_chart`."""
POPULATION_LABELS = {
    "natural_population_growth_rate": "Phát triển dân số tự nhiên",
    "third_child_birth_rate": "Sinh con thứ 3 trở lên",
    "child_malnutrition_rate": "Trẻ dưới 5 tuổi suy dinh dưỡng",
}


def stations_with_doctor_share(ds: Dataset, report_year: int) -> float | None:
    """Share of ward/commune health stations with a doctor: ``with_doctor / total × 100``.

    P1:B.III.6: "09/09 trạm y tế phường, xã có bác sỹ" → 100%. None when a figure is missing.
    """
    a, b = (
        chapter.latest(ds, "health_stations_with_doctor", report_year),
        chapter.latest(ds, "health_stations_total", report_year),
    )
    if a is None or b is None:
        return None
    return share(float(a["value"]), float(b["value"]))


def population_chart(rows: pd.DataFrame) -> alt.Chart:
    """Horizontal bars of :func:`population_rows` (percent, largest first)."""
    return charts.with_value_labels(charts.bar_chart(rows, label="label_vi", width=300))


def population_rows(ds: Dataset, report_year: int) -> pd.DataFrame:
    """The population and child-nutrition rates of P1:B.III.6 (all percent), largest first."""
    return chapter.latest_labelled(ds, POPULATION_LABELS, report_year)


def network_rows(ds: Dataset, report_year: int) -> pd.DataFrame:
    """The health-network figures (beds, stations with a doctor, national health criteria) for a table."""
    return chapter.latest_many(ds, NETWORK_IDS, report_year)


def texts(ds: Dataset, report_year: int) -> dict[str, str]:
    """Every computed sentence of the chapter, as Vietnamese text (for glue)."""
    y = report_year
    out = {"year": str(y)}
    bhyt = target_rows(ds, ["health_insurance_coverage_rate"], y)
    if not bhyt.empty:
        r = bhyt.iloc[0]
        out["summary"] = (
            f"Đến giữa năm {r['period']}, tỷ lệ người dân tham gia bảo hiểm y tế đạt {r['value_text_vi']}, "
            f"chưa tới mục tiêu {r['target_text_vi']} mà báo cáo đặt ra cho năm {r['target_year']}."
            if r["status_code"] != "met"
            else f"Đến giữa năm {r['period']}, tỷ lệ người dân tham gia bảo hiểm y tế đạt {r['value_text_vi']}, "
            f"đã đạt mục tiêu {r['target_text_vi']} của năm {r['target_year']}."
        )
        out["bhyt"] = (
            f"Báo cáo ghi tỷ lệ tham gia bảo hiểm y tế {r['value_text_vi']}; phần nhiệm vụ đến năm "
            f"{r['target_year']} phấn đấu {r['target_text_vi']}. Theo con số được nêu, khoảng cách là "
            f"{format_vn(r['gap'], natural_decimals(r['gap']))} điểm phần trăm, tức khoảng "
            f"{format_value(r['gap'] / r['target_low'] * 100, 'percent', 1)} so với mức mục tiêu, nên theo quy tắc "
            f"của sách (thiếu không quá {format_value(NEAR_TOLERANCE * 100, 'percent', 0)}) chỉ tiêu này "
            f"{status_word(r['status_code'])}. Vì báo cáo viết "
            '"trên", con số thật có thể cao hơn một chút và khoảng cách có thể hẹp hơn.'
        )
    else:
        out["summary"] = (
            f"Các số liệu y tế của báo cáo đều tính đến giữa năm 2023, nên đến năm {y} chương này chưa có con số nào."
        )
        out["bhyt"] = no_data("tỷ lệ tham gia bảo hiểm y tế", y, AT_REPORT_DATE).text

    net = network_rows(ds, y).set_index("indicator_id") if not network_rows(ds, y).empty else None
    pct = stations_with_doctor_share(ds, y)
    if net is not None and pct is not None and len(net) == len(NETWORK_IDS):
        out["network"] = (
            f"Đến nay thị xã đạt {net.loc['hospital_beds_per_10000', 'value_text_vi']}; "
            f"{net.loc['health_stations_with_doctor', 'value_text_vi']}/"
            f"{net.loc['health_stations_total', 'value_text_vi']} "
            f"trạm y tế phường, xã có bác sỹ (tức {format_value(pct, 'percent')}) và "
            f"{net.loc['communes_health_standard_rate', 'value_text_vi']} phường, xã đạt chuẩn Bộ tiêu chí quốc gia "
            "về y tế."
        )
    else:
        out["network"] = no_data("các số liệu về mạng lưới y tế", y, AT_REPORT_DATE).text

    pop = chapter.latest_many(ds, list(POPULATION_LABELS), y)
    if len(pop) == len(POPULATION_LABELS):
        p = pop.set_index("indicator_id")
        out["population"] = (
            f"Tỷ lệ phát triển dân số tự nhiên là {p.loc['natural_population_growth_rate', 'value_text_vi']}; "
            f'tỷ lệ sinh con thứ 3 trở lên "còn" {p.loc["third_child_birth_rate", "value_text_vi"]} và tỷ lệ trẻ em '
            f'dưới 5 tuổi suy dinh dưỡng "còn" {p.loc["child_malnutrition_rate", "value_text_vi"]}.'
        )
    else:
        out["population"] = no_data("các tỷ lệ về dân số và dinh dưỡng trẻ em", y, AT_REPORT_DATE).text
    return out
