"""Chapter 6 (Giáo dục và đào tạo): schools by level, national-standard schools (key indicator 5).

The report gives the national-standard figure twice with different numbers for 2022: "28/38 trường,
đạt 73,68%" in the key-indicator list (P1:B.II:(5)) and "27/38 trường … 71,05%" in the education
section (P1:B.III.5). The functions here put both side by side and recompute each share, so the chapter
can explain which one holds together.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from chitieu.analysis.formulas import count_needed, share
from chitieu.analysis.status import REPORT_STATUS_VI, status_word
from chitieu.book import chapter, charts
from chitieu.book.chapter import AT_REPORT_DATE, estimate_note, no_data
from chitieu.book.fmt import WHOLE_AREA_VI, format_period, format_source_ref, format_value
from chitieu.data.load import Dataset
from chitieu.data.vnnum import format_vn

CHAPTER = "giao_duc"

# ---------------------------------------------------------------------------------------------------------
# Schools
# ---------------------------------------------------------------------------------------------------------

LEVEL_ORDER = ["preschool", "primary", "primary_lower_secondary", "lower_secondary", "upper_secondary"]


def schools_by_level(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Schools per level (footnote ⁵ of P1:B.III.5: "03 trường THPT, 11 trường mầm non, 15 trường tiểu
    học, 08 trường THCS và 01 trường TH&THCS"), largest first; empty before the year it is dated."""
    return chapter.breakdown(ds, "schools_total", report_year, "level", labels=LEVEL_LABELS, column="label_vi")


def levels_chart(levels: pd.DataFrame) -> alt.Chart:
    """Horizontal bars of :func:`schools_by_level`, labelled with the level's name."""
    return charts.with_value_labels(charts.bar_chart(levels, label="label_vi", width=380))


def levels_sum(levels: pd.DataFrame) -> float:
    """Sum of the schools of every level: ``Σ schools_total__level__*``.

    With the report's footnote ⁵: 3 + 11 + 15 + 8 + 1 = 38, the "38 trường học" of P1:B.III.5.
    """
    return float(levels["value"].sum())


LABEL_KEY = "Mục B.II – chỉ tiêu chủ yếu"
LABEL_EDU = "Mục B.III.5 – lĩnh vực giáo dục"


def section_label(source_ref: str) -> str:
    """Which part of the report a national-standard statement comes from, in words."""
    if source_ref.startswith("P1:B.III.5"):
        return LABEL_EDU
    if source_ref.startswith("P1:B.II:"):
        return LABEL_KEY
    return format_source_ref(source_ref, short=True)


def standard_statements(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Every statement of "x/38 trường đạt chuẩn quốc gia, đạt y%" up to ``report_year``, recomputed.

    For each rate observation (``schools_national_standard_rate``) the count and the total quoted in the
    same sentence are found (same period and quote), and the share is recomputed:
    ``share = count / total × 100``, rounded to the decimals the report writes. ``matches`` says whether
    the stated rate equals the recomputed one at that precision (P1:B.II:(5) "28/38 trường, đạt 73,68%"
    matches; P1:B.III.5 "31/38 trường đạt 81,06%" does not, 31/38 = 81,58%).

    Columns: ``obs_id, count_obs_id, total_obs_id, period, status, source_ref, source, count, total,
    rate, decimals, recomputed, matches`` plus display texts ``fraction_vi, rate_vi, recomputed_vi,
    verdict_vi, period_vi, status_vi``.
    """
    obs = ds.observations[ds.observations["end_year"] <= report_year]
    parts = ("schools_national_standard_rate", "schools_national_standard", "schools_total")
    obs = obs[obs["indicator_id"].isin(parts)]
    # The first statement of each quantity in each sentence (file order), looked up per rate statement.
    first: dict[tuple[str, str, str], object] = {}
    for r in obs.itertuples():
        first.setdefault((r.indicator_id, r.period, r.source_quote), r)
    rows = []
    for r in obs[obs["indicator_id"] == "schools_national_standard_rate"].itertuples():
        count = first.get(("schools_national_standard", r.period, r.source_quote))
        total = first.get(("schools_total", r.period, r.source_quote))
        if count is None or total is None:
            continue
        n, t = float(count.value), float(total.value)
        recomputed = share(n, t)
        decimals = int(r.decimals)
        matches = round(recomputed, decimals) == round(float(r.value), decimals)
        rows.append(
            {
                "obs_id": r.obs_id,
                "count_obs_id": count.obs_id,
                "total_obs_id": total.obs_id,
                "period": r.period,
                "status": r.status,
                "source_ref": r.source_ref,
                "source": section_label(r.source_ref),
                "count": n,
                "total": t,
                "rate": float(r.value),
                "decimals": decimals,
                "recomputed": recomputed,
                "matches": matches,
                "fraction_vi": f"{format_vn(n)}/{format_vn(t)}",
                "rate_vi": format_value(float(r.value), "percent", decimals),
                "recomputed_vi": format_value(recomputed, "percent", 2),
                "verdict_vi": "✔ khớp" if matches else "✘ không khớp",
                "period_vi": format_period(r.period),
                "status_vi": "ước tính" if r.status == "estimate" else "thực hiện",
            }
        )
    return pd.DataFrame(rows)


STATEMENT_COLUMNS = {
    "period_vi": "Năm",
    "source": "Nơi nêu trong báo cáo",
    "fraction_vi": "Số trường đạt chuẩn",
    "rate_vi": "Tỷ lệ báo cáo ghi",
    "recomputed_vi": "Tỷ lệ tính lại",
    "verdict_vi": "Đối chiếu",
    "status_vi": "Số liệu",
}


def standard_count_statements(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Every statement of the number of national-standard schools up to ``report_year`` (both sections),
    enriched, with a ``source`` column naming the part of the report."""
    obs = ds.observations[
        (ds.observations["end_year"] <= report_year) & (ds.observations["indicator_id"] == "schools_national_standard")
    ]
    out = chapter.enrich(ds, obs)
    if out.empty:
        return out.assign(source=pd.Series(dtype=str))
    return out.assign(source=out["source_ref"].map(section_label)).sort_values(["period", "source"], kind="stable")


def statements_chart(frame: pd.DataFrame) -> alt.Chart:
    """Grouped bars: schools meeting the national standard per year, one bar per part of the report.

    Estimates are lighter with a dashed outline, as in :mod:`chitieu.book.charts`.
    """
    data = frame.assign(
        estimate=frame["status"].map({"actual": "Thực hiện", "estimate": "Ước tính", "plan": "Kế hoạch"})
    )[["period_vi", "source", "value", "estimate", "name_vi", "value_text_vi", "obs_status_vi", "source_ref_vi"]]
    sources = list(dict.fromkeys(data["source"]))
    base = alt.Chart(data).encode(
        x=alt.X("period_vi:N", title=None, axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("source:N", sort=sources),
    )
    bars = base.mark_bar(strokeWidth=1.5).encode(
        y=alt.Y("value:Q", title="trường", axis=alt.Axis(format=",~f", tickCount=5)),
        color=alt.Color(
            "source:N",
            title="Nơi nêu",
            sort=sources,
            scale=alt.Scale(range=charts.PALETTE[:2]),
            legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=320),
        ),
        opacity=alt.Opacity(
            "estimate:N",
            title="Số liệu",
            scale=alt.Scale(domain=charts.ESTIMATE_DOMAIN, range=[1.0, charts.ESTIMATE_OPACITY, 0.25]),
            legend=alt.Legend(orient="bottom", direction="vertical"),
        ),
        strokeDash=alt.StrokeDash(
            "estimate:N", scale=alt.Scale(domain=charts.ESTIMATE_DOMAIN, range=[[1, 0], [4, 2], [2, 2]]), legend=None
        ),
        stroke=alt.value("#333333"),
        tooltip=[alt.Tooltip("source:N", title="Nơi nêu")] + charts.tooltip_fields(),
    )
    labels = base.mark_text(dy=-6, fontSize=11).encode(y="value:Q", text="value_text_vi:N")
    return (bars + labels).properties(width=300, height=220)


def implied_start_of_term(count: float, increase: float) -> float:
    """Schools meeting the standard at the start of the term: ``count − increase``.

    P1:B.III.5: "Năm 2022, có 27/38 trường … (tăng 05 trường so với đầu nhiệm kỳ)" gives 27 − 5 = 22, and
    "31/38 trường … (tăng 09 trường so với đầu nhiệm kỳ)" gives 31 − 9 = 22 again.
    """
    return count - increase


def start_of_term_checks(ds: Dataset, report_year: int) -> pd.DataFrame:
    """The start-of-term count implied by each "tăng … so với đầu nhiệm kỳ" statement, per source.

    For each increase observation (period ``2020-YYYY``) and each count of year ``YYYY``, the implied
    start ``count − increase`` (:func:`implied_start_of_term`). Columns: ``period, count_obs_id,
    increase_obs_id, source, count, increase, start``.
    """
    obs = ds.observations[ds.observations["end_year"] <= report_year]
    incs = obs[obs["indicator_id"] == "schools_national_standard_increase"]
    counts_by_period: dict[str, list] = {}
    for c in obs[obs["indicator_id"] == "schools_national_standard"].itertuples():
        counts_by_period.setdefault(c.period, []).append(c)
    rows = []
    for inc in incs.itertuples():
        for c in counts_by_period.get(str(inc.end_year), []):
            rows.append(
                {
                    "period": c.period,
                    "count_obs_id": c.obs_id,
                    "increase_obs_id": inc.obs_id,
                    "source": section_label(c.source_ref),
                    "count": float(c.value),
                    "increase": float(inc.value),
                    "start": implied_start_of_term(float(c.value), float(inc.value)),
                }
            )
    return pd.DataFrame(rows)


def investment_share(ds: Dataset, report_year: int) -> float | None:
    """Share of the town's schools that received buildings in 2020–2023: ``schools_invested / schools_total × 100``.

    P1:B.III.5: "… 05 khu hiệu bộ và 74 phòng học cho 15 trường học" out of "38 trường học": 39,5%.
    None when either figure is missing for the year.
    """
    inv, tot = chapter.latest(ds, "schools_invested", report_year), chapter.latest(ds, "schools_total", report_year)
    if inv is None or tot is None:
        return None
    return share(float(inv["value"]), float(tot["value"]))


QUALITY_IDS = [
    "preschool_care_rate",
    "preschool_5yo_completion_rate",
    "ethnic_minority_preschool_vietnamese_rate",
    "primary_completion_rate",
    "lower_secondary_graduation_rate",
    "primary_schools_full_day_rate",
]

INVESTMENT_IDS = ["school_investment", "school_admin_blocks_built", "classrooms_built", "schools_invested"]


def quality_rows(ds: Dataset, report_year: int) -> pd.DataFrame:
    """The quality rates of footnote ⁴ of P1:B.III.5 (all "100%…"), in the report's order."""
    return chapter.latest_many(ds, QUALITY_IDS, report_year)


def texts(ds: Dataset, report_year: int, key_row: pd.Series) -> dict[str, str]:
    """Every computed sentence and number of the chapter, as Vietnamese text (for glue).

    ``key_row`` is the row of key indicator 5 from :func:`chitieu.book.keyindicators.key_indicators`.
    """
    y = report_year
    out: dict[str, str] = {"year": str(y), "key_no": str(int(key_row["resolution_no"]))}
    total = chapter.latest(ds, "schools_total", y)
    count = chapter.latest(ds, "schools_national_standard", y)
    levels = schools_by_level(ds, y)

    # Summary and key indicator 5.
    if count is not None and total is not None and pd.notna(key_row["value"]):
        est = key_row["obs_status"] == "estimate"
        when = f"đến cuối năm {count['period']}" if est else f"năm {count['period']}"
        out["summary"] = (
            f"Theo báo cáo, {when} thị xã có {format_vn(count['value'])}/{format_vn(total['value'])} trường đạt "
            f"chuẩn quốc gia, tức {key_row['value_text_vi']}" + (" (số ước tính)" if est else "") + ". "
            f"Nghị quyết đặt mục tiêu {key_row['target_text_vi']} vào năm {int(key_row['target_year'])}; "
            f"theo quy tắc của sách, chỉ tiêu này hiện {status_word(key_row['status'])}, "
            f"và báo cáo cũng tự đánh giá là {_report_word(key_row['report_status'])}."
        )
    else:
        out["summary"] = f"Chưa có số liệu về trường đạt chuẩn quốc gia đến năm {y}."

    # Network of schools.
    if not levels.empty and total is not None:
        s = levels_sum(levels)
        agree = "khớp với" if s == float(total["value"]) else "khác với"
        parts = [f"{format_vn(r.value)} {_level_word(r.member)}" for r in levels.itertuples()]
        out["network"] = (
            f"{WHOLE_AREA_VI} có {format_vn(total['value'])} trường học, gồm {', '.join(parts[:-1])} và {parts[-1]}; "
            f"cộng theo cấp học được {format_vn(s)} trường, {agree} tổng báo cáo nêu."
        )
    elif total is not None:
        out["network"] = (
            f"Năm {y}, báo cáo chỉ nêu tổng số {format_vn(total['value'])} trường học; cơ cấu theo cấp học "
            "được nêu cho thời điểm giữa năm 2023."
        )
    else:
        out["network"] = no_data("mạng lưới trường học", y, AT_REPORT_DATE).text
    clc = chapter.latest(ds, "community_learning_centres", y)
    out["clc"] = (
        f"Ngoài các trường, thị xã có {format_vn(clc['value'])} trung tâm học tập cộng đồng, bằng đúng số "
        "phường, xã của thị xã."
        if clc is not None and _wards(ds, y) == float(clc["value"])
        else (
            f"Ngoài các trường, thị xã có {format_vn(clc['value'])} trung tâm học tập cộng đồng."
            if clc is not None
            else ""
        )
    )

    # Two statements of national-standard schools.
    st = standard_statements(ds, y)
    first = st[st["source"] == LABEL_KEY] if not st.empty else st
    second = st[st["source"] == LABEL_EDU] if not st.empty else st
    out["statements"] = _statements_sentence(first, second)
    starts = start_of_term_checks(ds, y)
    sec = starts[starts["source"] == LABEL_EDU] if not starts.empty else starts
    pri = starts[starts["source"] == LABEL_KEY] if not starts.empty else starts
    if not sec.empty:
        consistent = sec["start"].nunique() == 1
        base = format_vn(sec["start"].iloc[0])
        pieces = [f"{format_vn(r.count)} − {format_vn(r.increase)} = {format_vn(r.start)}" for r in sec.itertuples()]
        out["start"] = (
            f"Mục giáo dục còn cho biết số trường tăng thêm so với đầu nhiệm kỳ. Lấy số trường đạt chuẩn trừ "
            f"đi số tăng thêm: {' và '.join(pieces)}. "
            + (
                f"Như vậy đầu nhiệm kỳ thị xã có {base} trường đạt chuẩn"
                + (", và các con số của mục giáo dục ăn khớp với nhau." if len(sec) > 1 else ".")
                if consistent
                else "Các phép trừ không cho cùng một kết quả."
            )
        )
        if not pri.empty:
            r = pri.iloc[0]
            out["start"] += (
                f" Nếu lấy con số {format_vn(r['count'])} của phần chỉ tiêu chủ yếu thì phép trừ cho "
                f"{format_vn(r['start'])}, không khớp; vì vậy nhiều khả năng con số đúng của năm "
                f"{r['period']} là {format_vn(sec[sec['period'] == r['period']]['count'].iloc[0])} trường."
                if (sec["period"] == r["period"]).any() and r["start"] != sec["start"].iloc[0]
                else ""
            )
    else:
        out["start"] = ""

    # The pace needed to reach the target.
    if count is not None and total is not None and pd.notna(key_row["target_low"]):
        need = count_needed(float(total["value"]), float(key_row["target_low"]))
        more = need - int(count["value"])
        years_left = int(key_row["target_year"]) - int(count["end_year"])
        out["need"] = (
            f"Để đạt mức {key_row['target_text_vi']} trên tổng số {format_vn(total['value'])} trường, cần ít nhất "
            f"{format_vn(need)} trường đạt chuẩn (tỷ lệ "
            f"{format_value(share(need, float(total['value'])), 'percent', 1)}). "
        )
        if more > 0 and years_left > 0:
            out["need"] += (
                f"Từ con số {format_vn(count['value'])} trường{estimate_note(count)} năm {count['period']}, thị xã "
                f"còn phải đưa thêm {format_vn(more)} trường đạt chuẩn trong {format_vn(years_left)} năm còn lại "
                f"của nhiệm kỳ, bình quân {format_vn(more / years_left, 1 if more % years_left else 0)} trường mỗi năm."
            )
        elif more <= 0:
            out["need"] += "Con số hiện có đã đủ mức này."
        if not sec.empty:
            last = sec.iloc[-1]
            span = int(last["period"]) - 2020
            out["need"] += (
                f" Để so sánh: từ đầu nhiệm kỳ đến năm {last['period']}, theo mục giáo dục, thị xã tăng "
                f"{format_vn(last['increase'])} trường trong {format_vn(span)} năm, bình quân "
                f"{format_vn(last['increase'] / span, 1 if last['increase'] % span else 0)} trường mỗi năm."
            )
    else:
        out["need"] = ""

    # Investment.
    inv_rows = chapter.latest_many(ds, INVESTMENT_IDS, y)
    if len(inv_rows) == len(INVESTMENT_IDS):
        v = inv_rows.set_index("indicator_id")
        pct = investment_share(ds, y)
        out["investment"] = (
            f"Giai đoạn {v.loc['school_investment', 'period_vi']}, thị xã bố trí "
            f"{v.loc['school_investment', 'value_text_vi']} "
            f"để xây {format_vn(v.loc['school_admin_blocks_built', 'value'])} khu hiệu bộ và "
            f"{format_vn(v.loc['classrooms_built', 'value'])} phòng học cho "
            f"{format_vn(v.loc['schools_invested', 'value'])} "
            f"trường, tức khoảng {format_value(pct, 'percent', 1)} số trường của thị xã."
            if pct is not None
            else ""
        )
    else:
        out["investment"] = no_data("số vốn và công trình đầu tư cho trường học", y, "cho cả giai đoạn 2020–2023").text

    # Quality.
    q = quality_rows(ds, y)
    if not q.empty:
        all_full = bool((q["value"] == 100).all())
        out["quality"] = (
            f"Chú thích ⁴ của mục giáo dục nêu {format_vn(len(q))} chỉ số chất lượng, "
            + ("tất cả đều ở mức 100%" if all_full else "với các mức trong bảng dưới đây")
            + ": từ trẻ mầm non được chăm sóc theo chương trình đến học sinh tốt nghiệp THCS."
        )
    else:
        out["quality"] = no_data("các chỉ số chất lượng giáo dục", y, AT_REPORT_DATE).text
    return out


def _report_word(code: str) -> str:
    return REPORT_STATUS_VI.get(code, REPORT_STATUS_VI["unknown"])


_LEVEL_WORDS = {
    "preschool": "trường mầm non",
    "primary": "trường tiểu học",
    "lower_secondary": "trường THCS",
    "primary_lower_secondary": "trường liên cấp TH&THCS",
    "upper_secondary": "trường THPT",
}

LEVEL_LABELS = {
    "preschool": "Mầm non",
    "primary": "Tiểu học",
    "lower_secondary": "Trung học cơ sở",
    "primary_lower_secondary": "Liên cấp TH & THCS",
    "upper_secondary": "Trung học phổ thông",
}


def _level_word(member: str) -> str:
    return _LEVEL_WORDS.get(member, member)


def _wards(ds: Dataset, report_year: int) -> float | None:
    row = chapter.latest(ds, "wards_communes_total", report_year)
    return None if row is None else float(row["value"])


def _statements_sentence(first: pd.DataFrame, second: pd.DataFrame) -> str:
    if first.empty and second.empty:
        return ""
    bits = []
    for label, frame in (("phần chỉ tiêu chủ yếu (mục B.II)", first), ("mục giáo dục (B.III.5)", second)):
        if frame.empty:
            continue
        items = [
            f"{r.fraction_vi} trường, {r.rate_vi} năm {r.period_vi}" + (" (ước tính)" if r.status == "estimate" else "")
            for r in frame.itertuples()
        ]
        bits.append(f"{label} ghi {' và '.join(items)}")
    text = "Báo cáo nêu số trường đạt chuẩn ở cả phần chỉ tiêu chủ yếu lẫn mục giáo dục: " + "; ".join(bits) + "."
    both = first.merge(second, on="period", suffixes=("_a", "_b"))
    differ = both[both["count_a"] != both["count_b"]]
    if not differ.empty:
        r = differ.iloc[0]
        text += (
            f" Hai chỗ lệch nhau ở năm {r['period_vi_a']}: {format_vn(r['count_a'])} so với "
            f"{format_vn(r['count_b'])} trường. Dữ liệu giữ cả hai; các biểu đồ và đánh giá chỉ tiêu dùng con số "
            "nêu trước (phần chỉ tiêu chủ yếu)."
        )
    bad = pd.concat([first, second])
    bad = bad[~bad["matches"]]
    for r in bad.itertuples():
        text += (
            f" Riêng tỷ lệ {r.rate_vi} của {'mục giáo dục' if r.source == LABEL_EDU else 'phần chỉ tiêu chủ yếu'} "
            f"không khớp với phép chia: "
            f"{r.fraction_vi} = {r.recomputed_vi}, nhiều khả năng là lỗi đánh máy."
        )
    return text
