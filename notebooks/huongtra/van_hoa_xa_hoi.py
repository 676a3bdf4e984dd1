"""Chapter 8 (Văn hóa, thể thao; an sinh xã hội, lao động – việc làm, giảm nghèo).

Key indicators 6 (trained labour, P1:B.II:(6)) and 7 (multidimensional poverty, P1:B.II:(7), target
"2-2,2%" by 2025), plus the culture, sport, media, welfare and jobs figures of P1:B.III.7 and P1:B.III.8.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from chitieu.analysis.formulas import average
from chitieu.analysis.status import status_word
from chitieu.book import chapter, charts
from chitieu.book.chapter import AT_REPORT_DATE, no_data
from chitieu.book.fmt import WHOLE_AREA_VI, format_value
from chitieu.data.load import Dataset
from chitieu.data.vnnum import format_vn

CHAPTER = "van_hoa_xa_hoi"

CULTURE_LABELS = {
    "cultural_households_rate": "Hộ gia đình",
    "cultural_villages_rate": "Thôn, tổ dân phố",
    "cultural_agencies_rate": "Cơ quan, đơn vị, trường học, trạm y tế",
}
MEDAL_LABELS = {"gold": "Huy chương vàng", "silver": "Huy chương bạc", "bronze": "Huy chương đồng"}
MEDIA_IDS = [
    "local_tv_pages",
    "trt_news_items",
    "trt_programmes",
    "broadcast_news_items",
    "broadcast_articles_reports",
]


def culture_rows(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Shares meeting the "cultural" standard (footnote ² of P1:B.III.7), largest first, with a short label."""
    return chapter.latest_labelled(ds, CULTURE_LABELS, report_year)


def medal_rows(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Medals at the provincial sports games (footnote ¹ of P1:B.III.7), with a short label."""
    return chapter.breakdown(
        ds, "provincial_sports_medals", report_year, "type", labels=MEDAL_LABELS, column="label_vi"
    )


def medals_chart(rows: pd.DataFrame) -> alt.Chart:
    """Horizontal bars of :func:`medal_rows`, most medals first."""
    return charts.with_value_labels(charts.bar_chart(rows, label="label_vi", width=340))


def medals_total(rows: pd.DataFrame) -> int:
    """Total medals: ``gold + silver + bronze``. The report gives only the parts: 9 + 12 + 9 = 30."""
    return int(rows["value"].sum())


def stated_average_holds(total: float, years: int, stated_average: float) -> bool:
    """Whether a stated yearly average is the period total over the years, rounded to a whole number.

    ``round(total / years) == stated_average``. P1:B.III.8: "tạo việc làm cho 2.800 lao động, bình quân
    933 lao động/năm" (2.800 / 3 = 933,3) and "274 lao động …, bình quân 91 người/năm" (274 / 3 = 91,3).
    """
    return round(average(total, years)) == round(stated_average)


def period_years(period: str) -> int:
    """Number of calendar years a ``YYYY-YYYY`` period covers, both ends included (2021-2023 → 3)."""
    start, end = period.split("-")
    return int(end) - int(start) + 1


def implied_start_rate(end_rate: float, reduction_points: float) -> float:
    """The poverty rate a reduction started from: ``end_rate + reduction``.

    Footnote ⁴ of P1:B.III.8: "Từ năm 2020 - đến tháng 6 năm 2023, giảm 306 hộ nghèo, tỷ lệ giảm 2,76%".
    With the end-2022 rate 2,21% this gives 4,97%; with the end-2023 estimate 1,81%, 4,57%. The report
    gives no 2020 rate, so neither can be checked.
    """
    return end_rate + reduction_points


def poverty_series(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Poverty rate per year up to ``report_year`` (first statement when the report says it twice)."""
    return chapter.series(ds, "poverty_rate", report_year)


def poverty_chart(series: pd.DataFrame) -> alt.LayerChart:
    """Columns of :func:`poverty_series`, one per year-end, with the rate on each."""
    return charts.with_value_labels(charts.series_chart(series), horizontal=False)


def media_rows(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Local news and broadcasting output of 2021–2023 (P1:B.III.7), in the report's order."""
    return chapter.latest_many(ds, MEDIA_IDS, report_year)


def jobs_rows(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Every statement of jobs and overseas work (totals and yearly averages), for the table."""
    obs = chapter.chapter_observations(ds, CHAPTER, report_year)
    ids = ["jobs_created_total", "jobs_created", "overseas_workers_total", "overseas_workers"]
    return obs[obs["indicator_id"].isin(ids)] if not obs.empty else obs


def texts(ds: Dataset, report_year: int, key: pd.DataFrame) -> dict[str, str]:
    """Every computed sentence and number of the chapter, as Vietnamese text (for glue).

    ``key`` is :func:`chitieu.book.keyindicators.key_indicators` output (rows 6 and 7 are used).
    """
    y = report_year
    k6 = key[key["resolution_no"] == 6].iloc[0]
    k7 = key[key["resolution_no"] == 7].iloc[0]
    out = {"year": str(y), "k6_no": str(int(k6["resolution_no"])), "k7_no": str(int(k7["resolution_no"]))}

    # Poverty (key 7).
    pov = poverty_series(ds, y)
    if pd.notna(k7["value"]):
        est = k7["obs_status"] == "estimate"
        out["poverty"] = (
            f"Tỷ lệ hộ nghèo theo chuẩn đa chiều {'dự ước ' if est else ''}đến cuối năm {k7['period']} "
            f"{'còn' if est else 'là'} {k7['value_text_vi']}" + (" (số ước tính)" if est else "") + "; "
            f"Nghị quyết đặt mục tiêu giảm còn {k7['target_text_vi']} vào năm {int(k7['target_year'])}. "
            f"Theo quy tắc của sách, chỉ tiêu này {status_word(k7['status'])}"
            + (
                f", và báo cáo cũng tự đánh giá là {status_word(k7['report_status'])}."
                if k7["report_status"] == k7["status"]
                else f"; báo cáo, dựa trên số dự ước năm 2023, tự đánh giá là {status_word(k7['report_status'])}."
                if k7["report_status"] in ("met", "nearly_met", "not_met")
                else "."
            )
        )
        if len(pov) >= 2:
            a, b = pov.iloc[-2], pov.iloc[-1]
            diff = float(b["value"]) - float(a["value"])
            out["poverty"] += (
                f" So với cuối năm {a['period']} ({a['value_text_vi']}), tỷ lệ "
                f"{'giảm' if diff < 0 else 'tăng'} {format_vn(abs(diff), 2)} điểm phần trăm."
            )
        if k7["status"] == "nearly_met":
            out["poverty"] += (
                f" Mục tiêu là một khoảng: chỉ cần xuống tới cận trên của khoảng "
                f"({format_value(float(k7['target_high']), 'percent')}) là đạt; con số năm {k7['period']} còn cao hơn "
                "mức đó một chút."
            )
    else:
        out["poverty"] = f"Chưa có số liệu tỷ lệ hộ nghèo đến năm {y}."
    red = chapter.latest(ds, "poor_households_reduction", y)
    pts = chapter.latest(ds, "poverty_rate_reduction", y)
    if red is not None and pts is not None and not pov.empty:
        starts = [
            f"{format_value(implied_start_rate(float(r.value), float(pts['value'])), 'percent', 2)} (nếu tính từ mức "
            f"{r.value_text_vi} cuối năm {r.period_vi}{', ước tính' if r.status == 'estimate' else ''})"
            for r in pov.itertuples()
        ]
        out["reduction"] = (
            f"Chú thích ⁴ của mục an sinh xã hội cho biết từ năm 2020 đến tháng 6 năm 2023 thị xã giảm "
            f'{format_vn(red["value"])} hộ nghèo, "tỷ lệ giảm {format_vn(pts["value"], int(pts["decimals"]))}%". '
            "Báo cáo không nêu tỷ lệ hộ nghèo năm 2020 và điểm cuối (tháng 6 năm 2023) không trùng với mốc nào "
            "của chuỗi số, nên không kiểm tra được: cộng ngược lại, tỷ lệ đầu kỳ sẽ là " + " hoặc ".join(starts) + "."
        )
    else:
        out["reduction"] = ""

    # Trained labour (key 6).
    if pd.notna(k6["value"]):
        est = k6["obs_status"] == "estimate"
        out["labour"] = (
            f"Tỷ lệ lao động qua đào tạo {'dự ước ' if est else ''}đến cuối năm {k6['period']} là "
            f"{k6['value_text_vi']}" + (" (số ước tính)" if est else "") + ". Báo cáo không ghi mức chỉ tiêu "
            "bằng con số cho chỉ tiêu này, nên sách không tính được trạng thái"
            + (", dù báo cáo tự xếp nó vào nhóm đạt." if k6["report_status"] == "met" else ".")
        )
    else:
        out["labour"] = (
            f"Báo cáo chỉ nêu tỷ lệ lao động qua đào tạo dự ước đến cuối năm 2023, nên đến năm {y} chưa có số liệu."
        )

    # Jobs.
    jt, ja = chapter.latest(ds, "jobs_created_total", y), chapter.latest(ds, "jobs_created", y)
    ot, oa = chapter.latest(ds, "overseas_workers_total", y), chapter.latest(ds, "overseas_workers", y)
    if all(r is not None for r in (jt, ja, ot, oa)):
        n = period_years(jt["period"])
        ok = stated_average_holds(float(jt["value"]), n, float(ja["value"])) and stated_average_holds(
            float(ot["value"]), period_years(ot["period"]), float(oa["value"])
        )
        out["jobs"] = (
            f"Giai đoạn {jt['period_vi']}, thị xã tạo việc làm cho {jt['value_text_vi']}, bình quân "
            f"{ja['value_text_vi']}, và tạo điều kiện cho {ot['value_text_vi']} ra nước ngoài làm việc theo hợp "
            f"đồng, bình quân {oa['value_text_vi']}. "
            + (
                f"Chia tổng cho {format_vn(n)} năm được "
                f"{format_vn(average(float(jt['value']), n), 1)} và {format_vn(average(float(ot['value']), n), 1)} "
                "người mỗi năm: các số bình quân báo cáo nêu là số tổng chia đều, làm tròn đến số nguyên."
                if ok
                else "Các số bình quân không khớp với số tổng chia cho số năm."
            )
            + " Phần chỉ tiêu chủ yếu và mục an sinh xã hội nêu các số bình quân này giống hệt nhau."
        )
    else:
        out["jobs"] = no_data("số lao động được tạo việc làm", y, "cho cả giai đoạn 2021–2023").text

    # Culture and sport.
    cult = culture_rows(ds, y)
    if not cult.empty:
        c = cult.set_index("indicator_id")
        out["culture"] = (
            f"Đến cuối năm 2023, {c.loc['cultural_households_rate', 'value_text_vi']} hộ gia đình, "
            f"{c.loc['cultural_villages_rate', 'value_text_vi']} thôn, tổ dân phố và "
            f"{c.loc['cultural_agencies_rate', 'value_text_vi']} cơ quan, đơn vị, trường học, trạm y tế đạt chuẩn "
            "văn hóa."
        )
    else:
        out["culture"] = no_data("các tỷ lệ đạt chuẩn văn hóa", y, "cho cuối năm 2023").text
    med = medal_rows(ds, y)
    if not med.empty:
        m = med.set_index("member")
        out["medals"] = (
            f"Tại Đại hội Thể dục thể thao cấp tỉnh, thị xã đạt {format_vn(m.loc['gold', 'value'])} huy chương vàng, "
            f"{format_vn(m.loc['silver', 'value'])} huy chương bạc và {format_vn(m.loc['bronze', 'value'])} huy chương "
            f"đồng, cộng lại {format_vn(medals_total(med))} huy chương (báo cáo không nêu con số tổng này)."
        )
    else:
        out["medals"] = no_data("thành tích thể thao", y, "cho cả giai đoạn 2021–2023").text
    media = media_rows(ds, y)
    if len(media) == len(MEDIA_IDS):
        v = media.set_index("indicator_id")["value"]
        out["media"] = (
            f"Về thông tin, trong giai đoạn thị xã làm {format_vn(v['local_tv_pages'])} trang truyền hình địa phương, "
            f"{format_vn(v['trt_news_items'])} tin và {format_vn(v['trt_programmes'])} chương trình phát trên đài TRT; "
            f"hệ thống truyền thanh, truyền hình phát {format_vn(v['broadcast_news_items'])} tin và "
            f"{format_vn(v['broadcast_articles_reports'])} bài viết, phóng sự."
        )
    else:
        out["media"] = ""

    # Welfare.
    rc, hm = chapter.latest(ds, "revolution_contributors_allowance", y), chapter.latest(ds, "heroic_mothers_living", y)
    out["welfare"] = (
        f"{WHOLE_AREA_VI} có {rc['value_text_vi']} có công với cách mạng đang hưởng trợ cấp hằng tháng và "
        f"{format_vn(hm['value'])} bà Mẹ Việt Nam Anh hùng còn sống."
        if rc is not None and hm is not None
        else no_data("số người có công đang hưởng trợ cấp", y, AT_REPORT_DATE).text
    )

    # Summary.
    bits = []
    if pd.notna(k7["value"]):
        bits.append(
            f"tỷ lệ hộ nghèo {'dự ước ' if k7['obs_status'] == 'estimate' else ''}còn {k7['value_text_vi']} "
            f"(mục tiêu {k7['target_text_vi']}: {status_word(k7['status'])})"
        )
    if pd.notna(k6["value"]):
        bits.append(
            f"tỷ lệ lao động qua đào tạo {'dự ước ' if k6['obs_status'] == 'estimate' else ''}{k6['value_text_vi']}"
        )
    if jt is not None:
        bits.append(f"{jt['value_text_vi']} có việc làm mới trong giai đoạn {jt['period_vi']}")
    out["summary"] = (
        f"Đến năm {y}, " + ", ".join(bits) + "." if bits else f"Chưa có số liệu của lĩnh vực này đến năm {y}."
    )
    out["summary"] = out["summary"][0].upper() + out["summary"][1:]
    return out
