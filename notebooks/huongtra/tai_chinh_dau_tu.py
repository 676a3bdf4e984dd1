"""Chapter 3 (Tài chính – ngân sách – đầu tư): budget revenue, land-use revenue, social and public investment.

Sentences are built from the figures as of a report year (helpers in :mod:`chitieu.book.chapter`); a figure
not yet known says so.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from chitieu.analysis import formulas
from chitieu.book import chapter, charts
from chitieu.book.chapter import (
    Text,
    compare_to_target,
    no_data,
    obs_as_of,
    parts_total,
    rows_as_of,
    target_of,
    target_text,
    verb,
)
from chitieu.book.fmt import format_percent, format_value, join_vi
from chitieu.data.load import Dataset
from chitieu.data.vnnum import format_vn

# ---------------------------------------------------------------------------------------------------
# Formulas
# ---------------------------------------------------------------------------------------------------


def earlier_years(total: float, last: float) -> float:
    """What a period total leaves for the years before its last one: ``total − last``.

    Reproduces the remainder behind "Tổng vốn đầu tư toàn xã hội giai đoạn 2021-2023 khoảng 5.400 tỷ đồng, ước
    thực hiện năm 2023 khoảng 1.700 tỷ đồng" (P1:B.II:(3)): about 3.700 tỷ đồng for 2021 and 2022 together.
    """
    return total - last


def total_at_constant_growth(last: float, growth: float, years: int) -> float:
    """Sum of ``years`` yearly values ending at ``last`` and growing ``growth`` % a year.

    ``S = last × Σ_{k=0}^{years−1} (1 + g/100)^(−k)``

    Checks "… khoảng 1.700 tỷ đồng, tăng bình quân 8,3%/năm" against the stated total of about 5.400 tỷ đồng
    (P1:B.III.2): growing 8,3% a year to 1.700 in 2023, the three years 2021–2023 would sum to about 4.720.
    """
    if years < 1:
        raise ValueError("at least one year")
    return sum(last * (1 + growth / 100) ** (-k) for k in range(years))


# ---------------------------------------------------------------------------------------------------
# Social investment
# ---------------------------------------------------------------------------------------------------


def investment_text(ds: Dataset, report_year: int) -> Text:
    """Total social investment, its growth against the 8–10% target, and whether the figures agree."""
    total = chapter.latest(ds, "social_investment_total", report_year)
    growth = chapter.latest(ds, "social_investment_growth_avg", report_year)
    series = chapter.series(ds, "social_investment_total", report_year)
    last = series.iloc[-1] if not series.empty else None
    if total is None and growth is None:
        return no_data("vốn đầu tư toàn xã hội", report_year)
    text, ids = "Tổng vốn đầu tư toàn xã hội", []
    if total is not None:
        text += f" giai đoạn {total['period_vi']} đạt {total['value_text_vi']}"
        ids.append(total["obs_id"])
    if last is not None and total is not None and last["obs_id"] != total["obs_id"]:
        text += f", riêng năm {last['period_vi']} {verb(last, 'đạt', 'ước')} {last['value_text_vi']}"
        ids.append(last["obs_id"])
    if growth is not None:
        t = target_of(ds, "social_investment_growth_avg")
        text += f"; tốc độ tăng bình quân {growth['value_text_vi']}/năm"
        ids.append(growth["obs_id"])
        if t is not None:
            low = None if pd.isna(t["low"]) else float(t["low"])
            high = None if pd.isna(t["high"]) else float(t["high"])
            wanted = target_text(ds, "social_investment_growth_avg") + "/năm"
            text += f", {compare_to_target(growth['value'], low, high, wanted)} Nghị quyết đề ra"
    text += "."
    if total is not None and last is not None and growth is not None and last["obs_id"] != total["obs_id"]:
        years = int(total["end_year"]) - int(total["start_year"]) + 1
        rest = earlier_years(total["value"], last["value"])
        at_growth = total_at_constant_growth(last["value"], growth["value"], years)
        text += (
            f" Các con số này khó khớp với nhau: tổng {total['value_text_vi'].replace('khoảng ', '')} trừ đi năm "
            f"{last['period_vi']} còn khoảng {format_value(rest, 'billion_vnd', 0)} cho {years - 1} năm trước, tức "
            "bình quân "
            f"{format_value(rest / (years - 1), 'billion_vnd', 0)} mỗi năm, cao hơn năm {last['period_vi']}; nếu "
            "vốn thật sự "
            f"tăng {growth['value_text_vi']}/năm đến mức của năm {last['period_vi']} thì cả giai đoạn chỉ vào khoảng "
            f"{format_value(round(at_growth, -1), 'billion_vnd', 0)}. Báo cáo không nói tốc độ tăng được tính trên "
            "cơ sở nào."
        )
    twice = [
        i
        for i in (f"{x}.b" for x in ids)
        if i in ds.observations.index and ds.observations.loc[i, "end_year"] <= report_year
    ]
    if twice:
        text += " Các con số này được nhắc lại, không đổi, ở mục Đầu tư xây dựng kết cấu hạ tầng."
    return Text(text, tuple(ids + twice))


# ---------------------------------------------------------------------------------------------------
# Budget revenue
# ---------------------------------------------------------------------------------------------------

REVENUE_LABELS = {
    "budget_revenue_area": "Thu ngân sách trên địa bàn",
    "budget_revenue_town": "Trong đó: thị xã thu",
}


def revenue_frame(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Budget revenue per year: collected in the town and the part the town collects (first statements).

    Reproduces "Năm 2021 ngân sách thu trên địa bàn 500 tỷ đồng … Năm 2022, thu ngân sách trên địa bàn 541 tỷ
    đồng, trong đó thị xã thu 206,472 tỷ đồng … Năm 2023 dự kiến thị xã thu 215 tỷ đồng" (P1:B.III.1.5; the same
    figures are first stated in P1:B.II:(4)).
    """
    frames = [chapter.series(ds, iid, report_year).assign(label=label) for iid, label in REVENUE_LABELS.items()]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return chapter.series(ds, "budget_revenue_area", report_year).assign(label=pd.Series(dtype=str))
    return pd.concat(frames, ignore_index=True)


def revenue_chart(frame: pd.DataFrame, width: int = 360) -> alt.Chart:
    """Grouped columns: each year, revenue collected in the town beside the part the town collects.

    Estimates are lighter with a dashed outline, as in :mod:`chitieu.book.charts`.
    """
    data = frame.assign(
        estimate=frame["status"].map({"actual": "Thực hiện", "estimate": "Ước tính", "plan": "Kế hoạch"})
    )[["period_vi", "label", "value", "estimate", "name_vi", "value_text_vi", "obs_status_vi", "source_ref_vi"]]
    order = list(REVENUE_LABELS.values())
    return (
        alt.Chart(data)
        .mark_bar(strokeWidth=1.5, stroke="#333333")
        .encode(
            x=alt.X("period_vi:N", title=None, axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("label:N", sort=order),
            y=alt.Y("value:Q", title="tỷ đồng", axis=alt.Axis(format=",~f", tickCount=5)),
            color=alt.Color(
                "label:N",
                title=None,
                sort=order,
                scale=alt.Scale(domain=order, range=charts.PALETTE[:2]),
                legend=alt.Legend(labelLimit=320, columns=1),
            ),
            opacity=alt.Opacity(
                "estimate:N",
                title="Số liệu",
                scale=alt.Scale(domain=charts.ESTIMATE_DOMAIN, range=[1.0, charts.ESTIMATE_OPACITY, 0.25]),
            ),
            strokeDash=alt.StrokeDash(
                "estimate:N",
                legend=None,
                scale=alt.Scale(domain=charts.ESTIMATE_DOMAIN, range=[[1, 0], [4, 2], [2, 2]]),
            ),
            tooltip=charts.tooltip_fields(),
        )
        .properties(width=width, height=220)
    )


def revenue_text(ds: Dataset, report_year: int) -> Text:
    """Revenue by year, its average growth against the 13–15% target, the growth the last years need."""
    frame = revenue_frame(ds, report_year)
    growth = chapter.latest(ds, "budget_revenue_growth_avg", report_year)
    if frame.empty and growth is None:
        return no_data("thu ngân sách", report_year)
    ids: list[str] = []
    text = ""
    area = frame[frame["indicator_id"] == "budget_revenue_area"]
    town = frame[frame["indicator_id"] == "budget_revenue_town"]
    if not area.empty:
        parts = [f"năm {r.period_vi} là {r.value_text_vi}" for r in area.itertuples()]
        text += f"Thu ngân sách nhà nước trên địa bàn {join_vi(parts)}."
        ids += list(area["obs_id"])
    if not town.empty:
        parts = [
            f"năm {r.period_vi} {'ước' if r.status == 'estimate' else 'là'} {r.value_text_vi}"
            for r in town.itertuples()
        ]
        text += f" Phần do thị xã thu: {join_vi(parts)}."
        ids += list(town["obs_id"])
    if growth is not None:
        t = target_of(ds, "budget_revenue_growth_avg")
        text += f" Thu ngân sách tăng bình quân {growth['value_text_vi']}/năm trong giai đoạn {growth['period_vi']}"
        ids.append(growth["obs_id"])
        if t is not None:
            low = float(t["low"])
            high = None if pd.isna(t["high"]) else float(t["high"])
            target = target_text(ds, "budget_revenue_growth_avg") + "/năm"
            text += f", {compare_to_target(growth['value'], low, high, target)} Nghị quyết đề ra"
            total = int(t["target_year"]) - int(growth["start_year"]) + 1
            done = int(growth["end_year"]) - int(growth["start_year"]) + 1
            if growth["value"] < low and total > done:
                need = formulas.remaining_growth_needed(growth["value"], done, low, total)
                text += (
                    f". Để cả nhiệm kỳ đạt bình quân {format_value(low, 'percent')}/năm, {total - done} năm cuối phải "
                    f"tăng khoảng {format_percent(need)}/năm, gấp khoảng "
                    f"{format_vn(formulas.ratio(need, growth['value']), 1)} "
                    "lần nhịp đã đạt"
                )
        text += "."
        second = f"{growth['obs_id']}.b"
        if second in ds.observations.index and ds.observations.loc[second, "end_year"] <= report_year:
            text += (
                " Cùng con số này được nêu hai lần với ý nghĩa khác nhau: ở phần chỉ tiêu chủ yếu là kết quả, còn "
                "ở mục tài chính – ngân sách là số ước thực hiện của dự toán thu không tính tiền sử dụng đất."
            )
            ids.append(second)
    return Text(text.strip(), tuple(ids))


# ---------------------------------------------------------------------------------------------------
# Land-use revenue
# ---------------------------------------------------------------------------------------------------


def land_use_series(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Land-use revenue per year (first statements, in time order)."""
    return chapter.series(ds, "land_use_revenue", report_year)


def land_use_chart(frame: pd.DataFrame, target: float | None, width: int = 300) -> alt.LayerChart | alt.Chart:
    """Yearly land-use revenue as columns, with the resolution's yearly floor as a dashed rule."""
    bars = charts.series_chart(frame, width=width)
    if target is None:
        return bars
    rule_data = pd.DataFrame(
        {"target": [target], "text": [f"Mức Nghị quyết:|trên {format_value(target, 'billion_vnd')}|mỗi năm"]}
    )
    rule = (
        alt.Chart(rule_data).mark_rule(color=charts.PALETTE[3], strokeDash=[6, 3], strokeWidth=2).encode(y="target:Q")
    )
    label = (
        alt.Chart(rule_data)
        .mark_text(align="left", baseline="middle", lineBreak="|", color=charts.PALETTE[3], fontSize=11)
        .encode(y="target:Q", x=alt.value(width + 6), text="text:N")
    )
    return alt.layer(bars, rule, label)


def land_use_text(ds: Dataset, report_year: int) -> Text:
    """Land-use revenue per year against the yearly floor, the period total and the sum of its parts."""
    frame = land_use_series(ds, report_year)
    if frame.empty:
        return no_data("thu tiền sử dụng đất", report_year)
    ids = list(frame["obs_id"])
    parts = [
        f"năm {r.period_vi} {'ước' if r.status == 'estimate' else 'là'} {r.value_text_vi}" for r in frame.itertuples()
    ]
    text = f"Thu tiền sử dụng đất {join_vi(parts)}."
    moved = chapter.series(ds, "land_use_revenue_transferred_hue", report_year)
    if not moved.empty:
        text += (
            f" Số của năm {moved['period_vi'].iloc[0]} chưa tính {moved['value_text_vi'].iloc[0]} đã chuyển cho các "
            "xã, phường sáp nhập vào thành phố Huế, nên năm này là năm thu cao nhất từ trước đến nay."
        )
        ids.append(moved["obs_id"].iloc[0])
    t = target_of(ds, "land_use_revenue")
    if t is not None and not pd.isna(t["low"]):
        low = float(t["low"])
        below = frame[frame["value"] <= low]
        fell = len(frame) >= 2 and frame["value"].iloc[1:].max() < frame["value"].iloc[0] / 2
        text += f" Nghị quyết yêu cầu mỗi năm thu trên {format_value(low, 'billion_vnd')}: " + (
            ("năm nào cũng vượt mức này" + (", kể cả sau khi số thu giảm mạnh từ năm thứ hai." if fell else "."))
            if below.empty
            else f"có {format_vn(len(below))} năm chưa vượt mức này."
        )
    area = chapter.series(ds, "budget_revenue_area", report_year)
    if (
        len(frame) >= 2
        and frame["value"].iloc[-1] < frame["value"].iloc[0]
        and len(area) >= 2
        and area["value"].iloc[-1] > area["value"].iloc[0]
    ):
        text += (
            " Phần hạn chế của báo cáo nói thu ngân sách “tăng đột biến vào năm 2021 và có xu hướng giảm dần ở năm "
            "2022, 2023”; nhưng theo chính các con số của báo cáo, tổng thu trên địa bàn vẫn tăng, chỉ riêng thu "
            "tiền sử dụng đất là giảm."
        )
    total = chapter.latest(ds, "land_use_revenue", report_year)
    if total is not None and total["end_year"] > total["start_year"]:
        same = frame[(frame["start_year"] >= total["start_year"]) & (frame["end_year"] <= total["end_year"])]
        text += f" Báo cáo nêu tổng cả giai đoạn {total['period_vi']} là {total['value_text_vi']}"
        ids.append(total["obs_id"])
        if len(same) == int(total["end_year"]) - int(total["start_year"]) + 1:
            s = parts_total(same)
            text += (
                f", trong khi cộng các năm được {format_value(s, 'billion_vnd', 3)}: tổng đã bị cắt bớt phần lẻ"
                if round(s) != round(total["value"]) or s != total["value"]
                else ", khớp với tổng các năm"
            )
        all_moved = chapter.latest(ds, "land_use_revenue_transferred_hue", report_year)
        if all_moved is not None and all_moved["end_year"] > all_moved["start_year"]:
            text += (
                f" (cũng chưa tính {all_moved['value_text_vi']} chuyển vào thành phố Huế: đây vẫn là khoản đã nêu ở "
                "năm "
                "đầu, không được cộng thêm lần nữa)"
            )
            ids.append(all_moved["obs_id"])
        text += "."
    return Text(text, tuple(ids))


def land_use_floor(ds: Dataset) -> float | None:
    """The yearly land-use revenue floor of the resolution ("trên 80 tỷ đồng", P1:B.III.1.5), or None."""
    t = target_of(ds, "land_use_revenue")
    return None if t is None or pd.isna(t["low"]) else float(t["low"])


# ---------------------------------------------------------------------------------------------------
# Public investment
# ---------------------------------------------------------------------------------------------------

INVESTMENT_ITEMS = {
    "town_key_projects_allocation.2021-2023": "Vốn thị xã bố trí cho các dự án trọng điểm",
    "rural_roads_support_funding.2021-2023": "Vốn ngân sách thị xã, phường, xã hỗ trợ làm đường bê tông ngõ, xóm",
    "public_investment_projects_started.2023": "Công trình, dự án đầu tư công trung hạn đã triển khai thi công",
}

INVESTMENT_COLUMNS = {"label": "Nội dung", "value": "Giá trị", "period": "Kỳ", "status": "Số liệu", "source": "Nguồn"}


def investment_table(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Public investment figures as display strings (for :func:`chitieu.book.tables.show_table`)."""
    frame = rows_as_of(ds, list(INVESTMENT_ITEMS), report_year, INVESTMENT_ITEMS)
    if frame.empty:
        return pd.DataFrame(columns=["obs_id", *INVESTMENT_COLUMNS])
    value = [v + (" công trình, dự án" if u == "count" else "") for v, u in zip(frame["value_text_vi"], frame["unit"])]
    return pd.DataFrame(
        {
            "obs_id": frame["obs_id"],
            "label": frame["label"],
            "value": value,
            "period": frame["period_vi"],
            "status": frame["obs_status_vi"],
            "source": frame["source_ref_vi"],
        }
    )


def public_investment_text(ds: Dataset, report_year: int) -> Text:
    """Public investment: projects under way, key projects' funds, the alley-road programme."""
    started = obs_as_of(ds, "public_investment_projects_started.2023", report_year)
    key = obs_as_of(ds, "town_key_projects_allocation.2021-2023", report_year)
    roads = obs_as_of(ds, "rural_roads_support_funding.2021-2023", report_year)
    km = obs_as_of(ds, "concrete_alley_roads.2021-2023.b", report_year)
    if started is None and key is None:
        return no_data("đầu tư công", report_year)
    text, ids = "", []
    if started is not None:
        text += (
            f"Đến nay có {format_vn(started['value'])} công trình, dự án trong kế hoạch đầu tư công trung hạn "
            "2021 – 2025 của thị xã đã được triển khai thi công."
        )
        ids.append(started["obs_id"])
    if key is not None:
        text += (
            f" Giai đoạn {key['period_vi']}, thị xã bố trí {key['value_text_vi']} cho các dự án trọng điểm (đường ven "
            "sông Bồ, quảng trường và nhà văn hóa trung tâm, chỉnh trang quốc lộ 1A, chợ đầu mối Bình Điền…)."
        )
        ids.append(key["obs_id"])
    if roads is not None:
        text += (
            f" Theo phương châm “Nhà nước và Nhân dân cùng làm”, ngân sách thị xã và các phường, xã bố trí "
            f"{roads['value_text_vi']} để hỗ trợ làm"
        )
        ids.append(roads["obs_id"])
        if km is not None:
            text += (
                f" {km['value_text_vi'].replace('trên', 'hơn')} đường bê tông ngõ, xóm, tức khoảng "
                f"{format_value(roads['value'] / km['value'] * 1000, 'million_vnd', 0)} ngân sách cho mỗi km "
                "(phần còn lại do người dân đóng góp)"
            )
            ids.append(km["obs_id"])
        else:
            text += " đường bê tông ngõ, xóm"
        text += "."
    return Text(text.strip(), tuple(ids))


# ---------------------------------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------------------------------


def summary_text(ds: Dataset, report_year: int) -> Text:
    """Opening sentence: social investment and budget revenue growth against their targets."""
    bits, ids = [], []
    inv = chapter.latest(ds, "social_investment_growth_avg", report_year)
    if inv is not None:
        t = target_of(ds, "social_investment_growth_avg")
        where = (
            ""
            if t is None
            else ", "
            + compare_to_target(
                inv["value"],
                None if pd.isna(t["low"]) else float(t["low"]),
                None if pd.isna(t["high"]) else float(t["high"]),
                target_text(ds, "social_investment_growth_avg") + "/năm",
            )
            + " Nghị quyết đề ra"
        )
        bits.append(f"vốn đầu tư toàn xã hội tăng bình quân {inv['value_text_vi']}/năm{where}")
        ids.append(inv["obs_id"])
    rev = chapter.latest(ds, "budget_revenue_growth_avg", report_year)
    if rev is not None:
        t = target_of(ds, "budget_revenue_growth_avg")
        where = (
            ""
            if t is None
            else ", "
            + compare_to_target(
                rev["value"],
                None if pd.isna(t["low"]) else float(t["low"]),
                None if pd.isna(t["high"]) else float(t["high"]),
                target_text(ds, "budget_revenue_growth_avg") + "/năm",
            )
        )
        bits.append(f"thu ngân sách tăng bình quân {rev['value_text_vi']}/năm{where}")
        ids.append(rev["obs_id"])
    land = land_use_series(ds, report_year)
    floor = land_use_floor(ds)
    if not land.empty and floor is not None:
        bits.append(
            f"thu tiền sử dụng đất năm nào cũng vượt mức trên {format_value(floor, 'billion_vnd')}"
            if (land["value"] > floor).all()
            else "thu tiền sử dụng đất có năm chưa đạt mức Nghị quyết"
        )
        ids += list(land["obs_id"])
    return chapter.summary_sentence(bits, ids, report_year, "tổng hợp về tài chính và đầu tư")
