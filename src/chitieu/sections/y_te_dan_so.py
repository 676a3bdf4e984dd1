"""Chapter 7 (Y tế và dân số): health insurance against its 2025 target, the health network, population.

Every figure of the health section (P1:B.III.6) is stated "đến nay", i.e. as of mid-2023; the only target
is the health-insurance coverage of Part Two (P2:II.2, "phấn đấu tỷ lệ tham gia BHYT toàn dân trên 98%").
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from chitieu import chapter, charts
from chitieu.fmt import format_target, format_value, natural_decimals
from chitieu.vnnum import format_vn
from chitieu.formulas import share
from chitieu.load import Dataset
from chitieu.sections.giao_duc import no_data_sentence, stated, with_labels, status_word
from chitieu.status import assess

CHAPTER = "y_te_dan_so"

NETWORK_IDS = [
    "hospital_beds_per_10000",
    "health_stations_with_doctor",
    "health_stations_total",
    "communes_health_standard_rate",
]
POPULATION_IDS = ["natural_population_growth_rate", "third_child_birth_rate", "child_malnutrition_rate"]


SHORT_LABELS = {"health_insurance_coverage_rate": "Tham gia bảo hiểm y tế"}
POPULATION_LABELS = {
    "natural_population_growth_rate": "Phát triển dân số tự nhiên",
    "third_child_birth_rate": "Sinh con thứ 3 trở lên",
    "child_malnutrition_rate": "Trẻ dưới 5 tuổi suy dinh dưỡng",
}


def target_rows(ds: Dataset, indicator_ids: list[str], report_year: int) -> pd.DataFrame:
    """The latest figure of each indicator with its (latest) target and the computed status.

    Like :func:`chitieu.keyindicators.key_indicators` but for any indicator with a row in ``targets.csv``
    (indicators without a figure for the year are left out). The status follows :mod:`chitieu.status`:
    e.g. "trên 96%" against "trên 98%" falls short by 2 points, 2/98 ≈ 2% of the bound, so "gần đạt".

    Columns: the enriched observation columns plus ``target_kind, target_low, target_high, target_year,
    target_text_vi, status, status_label, gap`` (``gap``: distance to the binding bound, in the unit).
    """
    frame = chapter.latest_many(ds, indicator_ids, report_year)
    if frame.empty:
        return frame.assign(target_text_vi=pd.Series(dtype=str), status_label=pd.Series(dtype=str))
    rows = []
    for r in frame.to_dict("records"):
        targets = ds.targets[ds.targets["indicator_id"] == r["indicator_id"]].sort_values("target_year")
        if targets.empty:
            continue
        t = targets.iloc[-1]
        low = None if pd.isna(t["low"]) else float(t["low"])
        high = None if pd.isna(t["high"]) else float(t["high"])
        hib = ds.indicators.loc[r["indicator_id"], "higher_is_better"]
        result = assess(float(r["value"]), r["qualifier"], t["kind"], low, high, None if pd.isna(hib) else hib)
        rows.append(
            r
            | {
                "target_kind": t["kind"],
                "target_low": low,
                "target_high": high,
                "target_year": int(t["target_year"]),
                "target_text_vi": format_target(t["kind"], low, high, r["unit"]),
                "status_code": result.code,
                "status_label": result.label,
                "gap": None if result.bound is None else abs(result.bound - float(r["value"])),
            }
        )
    return pd.DataFrame(rows)


def target_bullet_chart(rows: pd.DataFrame, width: int = 360) -> alt.LayerChart:
    """Value against target for each row of :func:`target_rows`: grey band = the zone that meets the target,
    diamond = the stated value, coloured by the computed status (legend: icon + word).

    Points rather than bars, so that the axis may start near the figures (``⌊min − 5⌋`` to the nearest 5)
    and a gap of a few points stays visible; estimates are lighter. One shared axis: use it for indicators
    of one unit (here: percent, axis end 100).
    """
    data = rows.copy()
    top = float(data[["value", "target_low", "target_high"]].max(axis=1).max())
    axis_max = 100.0 if data["unit"].eq("percent").all() else top * 1.1
    lows = pd.concat([data["value"], data["target_low"].dropna(), data["target_high"].dropna()])
    axis_min = max(0.0, (float(lows.min()) - 5.0) // 5.0 * 5.0)
    data["band_low"] = data["target_low"].fillna(axis_min)
    data["band_high"] = data["target_high"].fillna(axis_max)
    data["estimate"] = data["status"].map({"actual": "Thực hiện", "estimate": "Ước tính"})
    data["name_vi"] = data["indicator_id"].map(SHORT_LABELS).fillna(data["name_vi"])
    data = data[
        ["name_vi", "value", "band_low", "band_high", "estimate", "status_label", "value_text_vi", "period_vi",
         "obs_status_vi", "source_ref_vi", "target_text_vi"]
    ]
    labels = [f"{icon} {word}" for icon, word in charts._labels()]
    scale = alt.Scale(domain=[axis_min, axis_max], nice=False, zero=False)
    base = alt.Chart(data).encode(y=alt.Y("name_vi:N", title=None, axis=alt.Axis(labelLimit=200, labelFontSize=12)))
    band = base.mark_bar(color="#d9d9d9", height=30).encode(
        x=alt.X("band_low:Q", scale=scale, title="%", axis=alt.Axis(format=",~f", tickCount=5)),
        x2="band_high:Q",
        tooltip=[alt.Tooltip("target_text_vi:N", title="Mục tiêu đề ra")],
    )
    point = base.mark_point(shape="diamond", size=220, filled=True, stroke="#333333", strokeWidth=1).encode(
        x=alt.X("value:Q", scale=scale),
        color=alt.Color(
            "status_label:N",
            title="Trạng thái (tính theo quy tắc)",
            scale=alt.Scale(domain=labels, range=list(charts.STATUS_COLOURS.values())),
            legend=alt.Legend(orient="bottom", direction="vertical", titleLimit=320, labelLimit=320),
        ),
        opacity=alt.Opacity(
            "estimate:N",
            title="Số liệu",
            scale=alt.Scale(domain=["Thực hiện", "Ước tính"], range=[1.0, charts.ESTIMATE_OPACITY]),
            legend=alt.Legend(orient="bottom", direction="vertical"),
        ),
        tooltip=charts.tooltip_fields() + [alt.Tooltip("target_text_vi:N", title="Mục tiêu đề ra")],
    )
    value_label = base.mark_text(dy=-20, fontSize=12).encode(x=alt.X("value:Q", scale=scale), text="value_text_vi:N")
    target_label = base.mark_text(dy=24, fontSize=11, color="#555555").encode(
        x=alt.X("band_low:Q", scale=scale), text=alt.Text("target_text_vi:N")
    )
    return (band + point + value_label + target_label).properties(width=width, height=alt.Step(80))


def stations_with_doctor_share(ds: Dataset, report_year: int) -> float | None:
    """Share of ward/commune health stations with a doctor: ``with_doctor / total × 100``.

    P1:B.III.6: "09/09 trạm y tế phường, xã có bác sỹ" → 100%. None when a figure is missing.
    """
    a, b = stated(ds, "health_stations_with_doctor", report_year), stated(ds, "health_stations_total", report_year)
    if a is None or b is None:
        return None
    return share(float(a["value"]), float(b["value"]))


def population_chart(rows: pd.DataFrame) -> alt.Chart:
    """Horizontal bars of :func:`population_rows` (percent, largest first)."""
    return with_labels(charts.bar_chart(rows, label="label_vi", width=300))


def population_rows(ds: Dataset, report_year: int) -> pd.DataFrame:
    """The population and child-nutrition rates of P1:B.III.6 (all percent), largest first."""
    frame = chapter.latest_many(ds, POPULATION_IDS, report_year)
    if frame.empty:
        return frame.assign(label_vi=pd.Series(dtype=str))
    return frame.assign(label_vi=frame["indicator_id"].map(POPULATION_LABELS)).sort_values(
        "value", ascending=False, kind="stable"
    )


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
            f"của sách (thiếu không quá 5%) chỉ tiêu này {status_word(r['status_code'])}. Vì báo cáo viết "
            "\"trên\", con số thật có thể cao hơn một chút và khoảng cách có thể hẹp hơn."
        )
    else:
        out["summary"] = (
            f"Các số liệu y tế của báo cáo đều tính đến giữa năm 2023, nên đến năm {y} chương này chưa có con số nào."
        )
        out["bhyt"] = no_data_sentence(y, "tỷ lệ tham gia bảo hiểm y tế")

    net = network_rows(ds, y).set_index("indicator_id") if not network_rows(ds, y).empty else None
    pct = stations_with_doctor_share(ds, y)
    if net is not None and pct is not None and len(net) == len(NETWORK_IDS):
        out["network"] = (
            f"Đến nay thị xã đạt {net.loc['hospital_beds_per_10000', 'value_text_vi']}; "
            f"{net.loc['health_stations_with_doctor', 'value_text_vi']}/{net.loc['health_stations_total', 'value_text_vi']} "
            f"trạm y tế phường, xã có bác sỹ (tức {format_value(pct, 'percent')}) và "
            f"{net.loc['communes_health_standard_rate', 'value_text_vi']} phường, xã đạt chuẩn Bộ tiêu chí quốc gia về y tế."
        )
    else:
        out["network"] = no_data_sentence(y, "các số liệu về mạng lưới y tế")

    pop = chapter.latest_many(ds, POPULATION_IDS, y)
    if len(pop) == len(POPULATION_IDS):
        p = pop.set_index("indicator_id")
        out["population"] = (
            f"Tỷ lệ phát triển dân số tự nhiên là {p.loc['natural_population_growth_rate', 'value_text_vi']}; "
            f"tỷ lệ sinh con thứ 3 trở lên \"còn\" {p.loc['third_child_birth_rate', 'value_text_vi']} và tỷ lệ trẻ em "
            f"dưới 5 tuổi suy dinh dưỡng \"còn\" {p.loc['child_malnutrition_rate', 'value_text_vi']}."
        )
    else:
        out["population"] = no_data_sentence(y, "các tỷ lệ về dân số và dinh dưỡng trẻ em")
    return out


def figure_ids(ds: Dataset, report_year: int) -> list[str]:
    """Every observation of the chapter up to ``report_year`` (all are cited in the prose or tables)."""
    obs = chapter.chapter_observations(ds, CHAPTER, report_year)
    return [] if obs.empty else list(obs["obs_id"])
