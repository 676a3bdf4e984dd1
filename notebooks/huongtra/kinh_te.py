"""Chapter 2 (Kinh tế): growth, structure, industry and crafts, services, agriculture, forestry, co-operatives.

Every function reads the figures of ``data/`` as of a report year and returns either rows (for charts and
tables) or a :class:`Text`: a Vietnamese sentence built from the figures, with the ids of the
observations it cites. When a figure is not known yet in the report year, the sentence says so instead
of printing an empty value, so that a chapter runs for any report year.

The helpers the chapters share (:class:`chitieu.book.chapter.Text`, :func:`chitieu.book.chapter.obs_as_of`,
:func:`chitieu.book.charts.chart_or_note` …) live in the package's shared modules.
"""

from __future__ import annotations

import pandas as pd

from chitieu.analysis import formulas, progress
from chitieu.book import chapter
from chitieu.book.chapter import (
    EMPTY,
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
from huongtra.han_che_nhiem_vu import format_ratio

# ---------------------------------------------------------------------------------------------------
# Formulas of the chapter
# ---------------------------------------------------------------------------------------------------


def report_written_year(ds: Dataset) -> int:
    """The year the report was written (``date_iso`` of the raw source's metadata): plans stated in it
    are known from that year on."""
    from chitieu.data.load import report_source

    return int(str(report_source(ds).meta["date_iso"])[:4])


def implied_previous(current: float, growth: float) -> float:
    """The previous year's level implied by this year's level and its growth: ``current / (1 + g/100)``.

    Reproduces the base of "năm 2023 giá trị sản xuất … dự ước đạt 7.943 tỷ đồng, tăng 13,5% so năm 2022"
    (P1:B.II:(1)): 2022 ≈ 6.998 tỷ đồng.
    """
    if growth <= -100:
        raise ValueError("growth of -100% or less has no previous level")
    return current / (1 + growth / 100)


# ---------------------------------------------------------------------------------------------------
# Growth and income
# ---------------------------------------------------------------------------------------------------

SECTOR_GROWTH = {
    "gdp_growth_avg": "Toàn nền kinh tế",
    "industry_growth_avg": "Công nghiệp – tiểu thủ công nghiệp",
    "services_growth_avg": "Dịch vụ",
    "agriculture_growth_avg": "Nông nghiệp",
}


def sector_growth(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Average yearly growth of the economy and of each sector (latest stated), with short labels."""
    return chapter.latest_labelled(ds, SECTOR_GROWTH, report_year, column="label", largest_first=False)


def growth_text(ds: Dataset, report_year: int) -> Text:
    """Average growth against the 14–15% target, the pace the last years need, and the production value."""
    row = chapter.latest(ds, "gdp_growth_avg", report_year)
    if row is None:
        return no_data("tốc độ tăng trưởng kinh tế bình quân của nhiệm kỳ", report_year)
    t = target_of(ds, "gdp_growth_avg")
    text = f"Tốc độ tăng trưởng kinh tế bình quân giai đoạn {row['period_vi']} {verb(row)} {row['value_text_vi']}/năm"
    ids = [row["obs_id"]]
    if t is not None:
        low = None if pd.isna(t["low"]) else float(t["low"])
        high = None if pd.isna(t["high"]) else float(t["high"])
        text += (
            f", {compare_to_target(row['value'], low, high, target_text(ds, 'gdp_growth_avg') + '/năm')} "
            "mà Nghị quyết đề ra."
        )
        total = int(t["target_year"]) - int(row["start_year"]) + 1
        done = int(row["end_year"]) - int(row["start_year"]) + 1
        if low is not None and row["value"] < low and total > done:
            # The pace still needed is chapter 12's (chitieu.analysis.progress): one definition in the book.
            pace = progress.assess_rate(
                float(row["value"]), progress.Target(t["kind"], low, high), True, years_done=done, years_total=total
            )
            text += (
                f" Muốn cả giai đoạn {int(row['start_year'])}–{int(t['target_year'])} đạt bình quân "
                f"{format_value(pace.bound, 'percent')}/năm, {total - done} năm còn lại phải tăng khoảng "
                f"{format_percent(pace.required)}/năm"
            )
            if high is not None and high != low:
                need_high = progress.remaining_rate_for_average(float(row["value"]), done, high, total)
                text += f" (và khoảng {format_percent(need_high)}/năm nếu nhắm tới mức {format_value(high, 'percent')})"
            text += (
                f", tức là phải nhanh hơn nhịp đã đạt: tỷ số giữa nhịp đã đạt và nhịp cần là "
                f"{format_ratio(pace.ratio)}, {progress.category_label(pace.code).split(' ', 1)[1].lower()} "
                "(cùng cách đánh giá với chương về hạn chế và nhiệm vụ)."
            )
    else:
        text += "."
    value = chapter.latest(ds, "production_value", report_year)
    growth = chapter.latest(ds, "production_value_growth", report_year)
    if value is not None:
        text += (
            f" Năm {value['period_vi']}, giá trị sản xuất (giá so sánh 2020) {verb(value, 'đạt', 'dự ước đạt')} "
            f"{value['value_text_vi']}"
        )
        ids.append(value["obs_id"])
        if growth is not None and growth["period"] == value["period"]:
            base = implied_previous(value["value"], growth["value"])
            text += (
                f", tăng {growth['value_text_vi']} so với năm trước; tính ngược lại, giá trị sản xuất năm "
                f"{int(value['end_year']) - 1} vào khoảng {format_value(round(base), 'billion_vnd', 0)}"
            )
            ids.append(growth["obs_id"])
        text += "."
    return Text(text, tuple(ids))


def sector_growth_text(ds: Dataset, report_year: int) -> Text:
    """Which sectors grow faster or slower than the economy as a whole."""
    frame = sector_growth(ds, report_year)
    if frame.empty:
        return no_data("tốc độ tăng của từng ngành", report_year)
    by_id = frame.set_index("indicator_id")
    parts = [
        f"{SECTOR_GROWTH[i].lower()} {by_id.loc[i, 'value_text_vi']}/năm"
        for i in SECTOR_GROWTH
        if i in by_id.index and i != "gdp_growth_avg"
    ]
    text = f"Theo ngành, giá trị sản xuất tăng bình quân: {join_vi(parts)}."
    if {"gdp_growth_avg", "agriculture_growth_avg"} <= set(by_id.index):
        faster = [
            SECTOR_GROWTH[i].lower()
            for i in ("industry_growth_avg", "services_growth_avg")
            if i in by_id.index and by_id.loc[i, "value"] > by_id.loc["gdp_growth_avg", "value"]
        ]
        if faster:
            text += (
                f" {join_vi(faster).capitalize()} tăng nhanh hơn mức chung "
                f"{by_id.loc['gdp_growth_avg', 'value_text_vi']}/năm"
            )
            text += (
                ", còn nông nghiệp tăng chậm hơn nhiều: vì vậy tỷ trọng nông nghiệp trong nền kinh tế "
                "tiếp tục thu hẹp, đúng hướng chuyển dịch mà Nghị quyết mong muốn."
                if by_id.loc["agriculture_growth_avg", "value"] < by_id.loc["gdp_growth_avg", "value"]
                else "."
            )
    return Text(text, tuple(frame["obs_id"]))


def income_text(ds: Dataset, report_year: int) -> Text:
    """Income per head: the latest figure, the ratio to 2020, the target and the pace needed to reach it."""
    row = chapter.latest(ds, "income_per_capita", report_year)
    if row is None:
        return no_data("thu nhập bình quân đầu người", report_year)
    ids = []
    first = chapter.series(ds, "income_per_capita", report_year)
    parts = []
    for r in first.itertuples():
        parts.append(f"năm {r.period_vi} {'ước đạt' if r.status == 'estimate' else 'đạt'} {r.value_text_vi}")
        ids.append(r.obs_id)
    text = "Thu nhập bình quân đầu người " + "; ".join(parts)
    ratio = chapter.latest(ds, "income_per_capita_ratio_2020", report_year)
    if ratio is not None:
        text += f" (năm {ratio['period_vi']} gấp {ratio['value_text_vi']} so với năm 2020)"
        ids.append(ratio["obs_id"])
    text += "."
    if len(first) >= 2:
        a, b = first.iloc[-2], first.iloc[-1]
        g = formulas.growth_rate(a["value"], b["value"])
        text += (
            f" Từ năm {a['period_vi']} sang năm {b['period_vi']}, thu nhập tăng khoảng {format_percent(g)}"
            + (
                f" (vì năm {a['period_vi']} được ghi là “{a['value_text_vi']}”, đây là mức tăng tối đa)"
                if a["qualifier"] == "more_than"
                else ""
            )
            + "."
        )
    t = target_of(ds, "income_per_capita")
    if t is not None and not pd.isna(t["low"]):
        low = float(t["low"])
        years_left = int(t["target_year"]) - int(row["end_year"])
        text += f" Nghị quyết đặt mục tiêu {target_text(ds, 'income_per_capita')} vào năm {int(t['target_year'])}"
        if row["value"] >= low:
            text += ", và mức hiện nay đã chạm cận dưới của mục tiêu."
        elif years_left > 0:
            need = formulas.required_annual_growth(row["value"], low, years_left)
            text += (
                f": từ mức {row['value_text_vi']} của năm {row['period_vi']}, thu nhập cần tăng khoảng "
                f"{format_percent(need)}/năm "
                f"trong {years_left} năm còn lại để đạt {format_value(low, 'million_vnd')}"
            )
            if not pd.isna(t["high"]) and float(t["high"]) != low:
                need_high = formulas.required_annual_growth(row["value"], float(t["high"]), years_left)
                text += (
                    f", và khoảng {format_percent(need_high)}/năm để đạt "
                    f"{format_value(float(t['high']), 'million_vnd')}"
                )
            text += ". Báo cáo tự đánh giá chỉ tiêu này chưa đạt."
    return Text(text, tuple(ids))


# ---------------------------------------------------------------------------------------------------
# Structure
# ---------------------------------------------------------------------------------------------------

SECTORS = {"industry": "Công nghiệp", "services": "Dịch vụ", "agriculture": "Nông nghiệp"}


def economic_structure(ds: Dataset, report_year: int) -> pd.DataFrame:
    """The sector shares (industry, services, agriculture, in the report's order) as of ``report_year``.

    Reproduces "tỷ trọng Công nghiệp-Dịch vụ-Nông nghiệp đến cuối năm 2023 lần lượt là 55% - 37,5% - 7,5%"
    (P1:B.III.1). Empty when the report gives no shares for the year.
    """
    ids = [f"economic_structure_share__sector__{s}" for s in SECTORS]
    frame = chapter.latest_many(ds, ids, report_year)
    if frame.empty:
        return frame.assign(label=pd.Series(dtype=str))
    frame = frame.set_index("indicator_id", drop=False).loc[[i for i in ids if i in set(frame["indicator_id"])]]
    return frame.assign(label=frame["member"].map(SECTORS)).reset_index(drop=True)


def structure_text(ds: Dataset, report_year: int) -> Text:
    """The shares in words and their sum."""
    frame = economic_structure(ds, report_year)
    if frame.empty:
        return no_data("cơ cấu kinh tế theo ngành", report_year)
    parts = [f"{r.label.lower()} {r.value_text_vi}" for r in frame.itertuples()]
    total = parts_total(frame)
    text = (
        f"Đến cuối năm {frame['period_vi'].iloc[0]}, cơ cấu kinh tế gồm {join_vi(parts)} "
        f"(cộng lại {format_value(total, 'percent')})."
    )
    return Text(text, tuple(frame["obs_id"]))


# ---------------------------------------------------------------------------------------------------
# Industry, clusters, crafts
# ---------------------------------------------------------------------------------------------------

CLUSTER_LABELS = {
    "industrial_cluster_planned_area__cluster__binh_thanh": "Bình Thành (đã có quy hoạch chi tiết)",
    "industrial_cluster_planned_area__cluster__huong_van_1": "Hương Văn 1 (đề xuất mới)",
    "industrial_cluster_planned_area__cluster__huong_van_2": "Hương Văn 2 (đề xuất mới)",
    "industrial_cluster_planned_area__cluster__huong_xuan": "Hương Xuân (đề xuất mới)",
    "industrial_cluster_planned_area__cluster__huong_vaan": "Hương Vân (đề xuất mới)",
}


def industrial_clusters(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Area of each industrial cluster: the one with a detailed plan and those proposed (plans).

    The proposals ("Hương Văn 1 (35ha), Hương Văn 2 (24,3ha), Hương Xuân (58ha) và Hương Vân (75ha)",
    P2:III.1) are plans for 2025, shown from the year the report was written on.
    """
    obs = ds.observations[ds.observations["indicator_id"].isin(list(CLUSTER_LABELS))]
    known = obs[
        (obs["end_year"] <= report_year) | ((obs["status"] == "plan") & (report_year >= report_written_year(ds)))
    ]
    frame = rows_as_of(ds, list(known["obs_id"]), 9999)
    if frame.empty:
        return frame
    frame["label"] = frame["indicator_id"].map(CLUSTER_LABELS)
    return frame.sort_values("value", ascending=False, kind="stable")


def industry_text(ds: Dataset, report_year: int) -> Text:
    """Industrial growth, investment projects supported and the industrial clusters."""
    row = chapter.latest(ds, "industry_growth_avg", report_year)
    out = (
        Text(
            f"Giá trị sản xuất công nghiệp – tiểu thủ công nghiệp giai đoạn {row['period_vi']} tăng bình quân "
            f"{row['value_text_vi']}/năm, nhanh nhất trong các ngành.",
            (row["obs_id"],),
        )
        if row is not None
        else no_data("tốc độ tăng của công nghiệp – tiểu thủ công nghiệp", report_year)
    )
    projects = chapter.breakdown(ds, "investment_projects_supported", report_year)
    if not projects.empty:
        by = projects.set_index("member")
        total = parts_total(projects)
        out += Text(
            f"Thị xã đã hỗ trợ {format_vn(total)} dự án vào địa bàn trong giai đoạn {projects['period_vi'].iloc[0]}: "
            f"{format_vn(by.loc['new', 'value'])} dự án đầu tư mới và {format_vn(by.loc['expansion', 'value'])} "
            "dự án mở rộng sản xuất.",
            tuple(projects["obs_id"]),
        )
    clusters = industrial_clusters(ds, report_year)
    actual = clusters[clusters["status"] != "plan"] if not clusters.empty else clusters
    plans = clusters[clusters["status"] == "plan"] if not clusters.empty else clusters
    if not actual.empty:
        r = actual.iloc[0]
        out += Text(
            f"Cụm công nghiệp Bình Thành ({r['value_text_vi']}) đã có quy hoạch chi tiết 1/500.", (r["obs_id"],)
        )
    if not plans.empty:
        out += Text(
            f"Phần định hướng đến năm 2025 đề xuất thêm {format_vn(len(plans))} cụm mới có ghi diện tích, cộng lại "
            f"{format_value(parts_total(plans), 'ha')}; tuy vậy danh sách này không khớp với danh sách ở phần kết quả "
            "(ở đó chỉ nêu chung cụm Hương Văn và có thêm cụm Tứ Hạ 2), nên diện tích chỉ mang tính định hướng.",
            tuple(plans["obs_id"]),
        )
    return out


CRAFT_LABELS = {
    "bun_van_cu_households.2023.huong_toan": "Bún Vân Cù (làng nghề)",
    "craft_households__craft__duong_son_rice_wine.2023": "Rượu Dương Sơn",
    "craft_households__craft__huong_can_conical_hat.2023.huong_toan": "Nón lá Hương Cần",
    "craft_households__craft__banh_goi.2023.huong_toan": "Bánh gói Hương Cần",
    "craft_households__craft__an_thuan_banh_com.2023.huong_toan": "Bánh cốm An Thuận",
}


def craft_households(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Households working in each traditional craft (P1:B.III.1.1, footnotes 6 and 7), largest first."""
    frame = rows_as_of(ds, list(CRAFT_LABELS), report_year, CRAFT_LABELS)
    return frame.sort_values("value", ascending=False, kind="stable")


def craft_text(ds: Dataset, report_year: int) -> Text:
    """The recognised craft village, its mechanisation and output, and the small crafts."""
    village = obs_as_of(ds, "recognized_craft_villages.2021-2023", report_year)
    homes = obs_as_of(ds, "bun_van_cu_households.2023.huong_toan", report_year)
    machines = obs_as_of(ds, "bun_van_cu_households_modern_machinery.2023.huong_toan", report_year)
    low = obs_as_of(ds, "bun_output_per_household.2023.huong_toan", report_year)
    high = obs_as_of(ds, "bun_output_per_household.2023.huong_toan.b", report_year)
    if village is None and homes is None:
        return no_data("làng nghề và ngành nghề truyền thống", report_year)
    text, ids = "", []
    if village is not None:
        text += (
            f"Trong giai đoạn {village['period_vi']}, tỉnh đã công nhận {format_vn(village['value'])} làng nghề "
            "truyền thống: bún Vân Cù (xã Hương Toàn)."
        )
        ids.append(village["obs_id"])
    if homes is not None:
        text += f" Làng nghề hiện có {homes['value_text_vi']} sản xuất"
        ids.append(homes["obs_id"])
        if machines is not None:
            share = formulas.share(machines["value"], homes["value"])
            text += (
                f", trong đó {machines['value_text_vi']} (khoảng {format_percent(share)}) đã đầu tư dây chuyền làm bún "
                "liên hoàn, khép kín"
            )
            ids.append(machines["obs_id"])
        if low is not None and high is not None:
            text += f"; mỗi hộ làm ra bình quân {format_vn(low['value'])}–{format_value(high['value'], 'kg_per_day')}"
            ids += [low["obs_id"], high["obs_id"]]
        text += "."
    text += " Các nghề khác vẫn ở quy mô hộ gia đình và nhỏ hơn nhiều"
    com = obs_as_of(ds, "craft_households__craft__an_thuan_banh_com.2023.huong_toan", report_year)
    if com is not None:
        text += f"; nghề bánh cốm An Thuận chỉ còn {com['value_text_vi']} làm thủ công theo mùa vụ, có nguy cơ mai một"
        ids.append(com["obs_id"])
    text += "."
    return Text(text.strip(), tuple(ids))


# ---------------------------------------------------------------------------------------------------
# Services
# ---------------------------------------------------------------------------------------------------


def services_text(ds: Dataset, report_year: int) -> Text:
    """Services growth, exports (and their fall), new household businesses."""
    out = EMPTY
    row = chapter.latest(ds, "services_growth_avg", report_year)
    if row is not None:
        out += Text(
            f"Giá trị dịch vụ giai đoạn {row['period_vi']} tăng bình quân {row['value_text_vi']}/năm.", (row["obs_id"],)
        )
    exports = chapter.series(ds, "export_value", report_year)
    if not exports.empty:
        parts = [
            f"năm {r.period_vi} {'ước đạt' if r.status == 'estimate' else 'đạt'} {r.value_text_vi}"
            for r in exports.itertuples()
        ]
        text = f"Kim ngạch xuất khẩu hàng hóa {join_vi(parts)}"
        if len(exports) >= 2:
            g = formulas.growth_rate(exports["value"].iloc[-2], exports["value"].iloc[-1])
            word = "giảm" if g < 0 else "tăng"
            text += (
                f": {word} khoảng {format_percent(abs(g))} trong một năm. Báo cáo không giải thích mức "
                f"{word} này; có thể con số năm sau chỉ tính một phần năm, nên cần đọc thận trọng."
            )
        else:
            text += "."
        out += Text(text, tuple(exports["obs_id"]))
    biz = chapter.latest(ds, "new_business_households", report_year)
    if biz is not None:
        out += Text(
            f"Trong giai đoạn {biz['period_vi']} có {biz['value_text_vi'].replace('trên', 'hơn')} đăng ký kinh "
            "doanh mới.",
            (biz["obs_id"],),
        )
    return out if out.text else no_data("ngành dịch vụ", report_year)


# ---------------------------------------------------------------------------------------------------
# Agriculture, fisheries, forestry
# ---------------------------------------------------------------------------------------------------

FISHERY = {"capture": "Khai thác", "aquaculture": "Nuôi trồng"}


def fishery_parts(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Fishery output split into capture and aquaculture ("khai thác đạt 46 tấn, nuôi trồng 245 tấn",
    P1:B.III.1.3), capture first."""
    frame = chapter.breakdown(ds, "fishery_output", report_year, "source", labels=FISHERY)
    if frame.empty:
        return frame
    frame = frame.assign(_o=frame["member"].map({"capture": 0, "aquaculture": 1}))
    return frame.sort_values("_o").drop(columns="_o").reset_index(drop=True)


MODEL_LABELS = {
    "farming_model_area__model__vietgap_rice": "Lúa VietGAP (HTX Đông Toàn)",
    "farming_model_area__model__vtna2_rice_linkage": "Liên kết giống lúa VTNA2",
    "farming_model_area__model__organic_dt39_rice": "Lúa hữu cơ DT39",
    "farming_model_area__model__melaleuca": "Tràm gió",
    "farming_model_area__model__water_saving_irrigation": "Tưới tiết kiệm cho cây ăn quả",
    "farming_model_area__model__black_glutinous_rice": "Nếp than (Bình Thành)",
    "farming_model_area__model__vietgap_citrus": "Cam, quýt, bưởi VietGAP (Hương Bình)",
    "farming_model_area__model__bo_chinh_ginseng": "Sâm Bồ Chính",
    "farming_model_area__model__st25_rice_linkage": "Liên kết giống lúa ST25",
    "farming_model_area__model__safe_vegetables": "Rau an toàn (Hương Chữ)",
}


def farming_models(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Area of each production and market-linkage model (footnote ³ of P1:B.III.1.3), largest first.

    Some models are stated for one ward or commune; each model appears once.
    """
    obs = ds.observations[ds.observations["indicator_id"].isin(list(MODEL_LABELS))]
    frame = rows_as_of(ds, list(obs["obs_id"]), report_year)
    if frame.empty:
        return frame
    frame["label"] = frame["indicator_id"].map(MODEL_LABELS)
    return frame.sort_values("value", ascending=False, kind="stable")


def agriculture_text(ds: Dataset, report_year: int) -> Text:
    """Agricultural growth, high-quality rice, mechanisation."""
    out = EMPTY
    row = chapter.latest(ds, "agriculture_growth_avg", report_year)
    if row is not None:
        out += Text(
            f"Giá trị sản xuất nông nghiệp giai đoạn {row['period_vi']} chỉ tăng bình quân "
            f"{row['value_text_vi']}/năm: nông nghiệp không còn là động lực tăng trưởng, mà chuyển sang "
            "nâng chất lượng và giá trị hàng hóa.",
            (row["obs_id"],),
        )
    rice = chapter.latest(ds, "hq_rice_area", report_year)
    if rice is not None:
        seasons = chapter.breakdown(ds, "hq_rice_area", report_year, "season")
        seasons = seasons[seasons["period"] == rice["period"]]
        text = f"Năm {rice['period_vi']}, lúa chất lượng cao được gieo trồng trên {rice['value_text_vi']}"
        ids = [rice["obs_id"]]
        if not seasons.empty:
            by = seasons.set_index("member")
            text += (
                f" (vụ Đông Xuân {by.loc['winter_spring', 'value_text_vi']}, vụ Hè Thu "
                f"{by.loc['summer_autumn', 'value_text_vi']})"
            )
            ids += list(seasons["obs_id"])
        grain = chapter.latest(ds, "grain_output", report_year)
        hq = chapter.latest(ds, "hq_rice_output", report_year)
        if grain is not None and hq is not None and grain["period"] == hq["period"]:
            share = formulas.share(hq["value"], grain["value"])
            text += (
                f"; sản lượng lúa chất lượng cao {hq['value_text_vi']}, tức hơn {format_percent(share)} sản lượng "
                f"lương thực có hạt ({grain['value_text_vi']})"
            )
            ids += [hq["obs_id"], grain["obs_id"]]
        out += Text(text + ".", tuple(ids))
    land = chapter.latest(ds, "land_preparation_mechanization_rate", report_year)
    harvest = chapter.latest(ds, "rice_machine_harvest_rate", report_year)
    if land is not None and harvest is not None:
        out += Text(
            f"Cơ giới hóa gần như trọn vẹn: khâu làm đất {land['value_text_vi']}, thu hoạch lúa bằng máy "
            f"{harvest['value_text_vi']} diện tích (báo cáo nêu hai lần, cùng con số).",
            (land["obs_id"], harvest["obs_id"], land["obs_id"] + ".b", harvest["obs_id"] + ".b")
            if f"{land['obs_id']}.b" in ds.observations.index and f"{harvest['obs_id']}.b" in ds.observations.index
            else (land["obs_id"], harvest["obs_id"]),
        )
    return out if out.text else no_data("sản xuất nông nghiệp", report_year)


def models_text(ds: Dataset, report_year: int) -> Text:
    """The largest and smallest production models, and their total area."""
    frame = farming_models(ds, report_year)
    if frame.empty:
        return no_data("các mô hình sản xuất, liên kết tiêu thụ nông sản", report_year)
    top, bottom = frame.iloc[0], frame.iloc[-1]
    text = (
        f"Báo cáo nêu {format_vn(len(frame))} mô hình sản xuất và liên kết tiêu thụ, cộng lại khoảng "
        f"{format_value(parts_total(frame), 'ha', 1)}: lớn nhất là mô hình {top['label']} ({top['value_text_vi']}), "
        f"nhỏ nhất là {bottom['label']} ({bottom['value_text_vi']}). So với diện tích lúa chất lượng cao, các mô hình "
        "này còn nhỏ, phần lớn mới ở mức thí điểm."
    )
    return Text(text, tuple(frame["obs_id"]))


LIVESTOCK = {"buffalo": "Trâu", "cattle": "Bò", "poultry": "Gia cầm"}


def livestock_table(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Herd sizes (buffalo, cattle, poultry) as display strings, for :func:`chitieu.book.tables.show_table`."""
    frame = chapter.breakdown(ds, "livestock_head", report_year, "kind")
    if frame.empty:
        return pd.DataFrame(columns=["obs_id", "kind", "value", "period", "source"])
    return pd.DataFrame(
        {
            "obs_id": frame["obs_id"],
            "kind": frame["member"].map(LIVESTOCK),
            "value": frame["value_text_vi"] + " con",
            "period": frame["period_vi"],
            "source": frame["source_ref_vi"],
        }
    )


LIVESTOCK_COLUMNS = {"kind": "Vật nuôi", "value": "Số lượng", "period": "Thời điểm", "source": "Nguồn"}


def fishery_text(ds: Dataset, report_year: int) -> Text:
    """Fish cages and fishery output, capture vs aquaculture."""
    out = EMPTY
    cages = chapter.latest(ds, "fish_cages", report_year)
    if cages is not None:
        out += Text(f"Thị xã hiện có {format_vn(cages['value'])} lồng nuôi cá nước ngọt.", (cages["obs_id"],))
    total = chapter.latest(ds, "fishery_output", report_year)
    parts = fishery_parts(ds, report_year)
    if total is not None:
        text = (
            f"Sản lượng thủy sản khai thác và nuôi trồng năm {total['period_vi']} "
            f"{verb(total, 'đạt', 'ước đạt')} {total['value_text_vi']}"
        )
        ids = [total["obs_id"]]
        if not parts.empty:
            by = parts.set_index("member")
            share = formulas.share(by.loc["aquaculture", "value"], parts_total(parts))
            text += (
                f": nuôi trồng {by.loc['aquaculture', 'value_text_vi']}, khai thác "
                f"{by.loc['capture', 'value_text_vi']}. Nuôi trồng chiếm khoảng {format_percent(share)}, cho thấy "
                "sinh kế "
                "trên sông, hồ đã chuyển từ đánh bắt sang nuôi lồng"
            )
            ids += list(parts["obs_id"])
        out += Text(text + ".", tuple(ids))
    return out if out.text else no_data("thủy sản", report_year)


def forestry_text(ds: Dataset, report_year: int) -> Text:
    """Forest planting, certified large-timber forest, timber harvest, rubber and fruit trees."""
    out = EMPTY
    planted = chapter.latest(ds, "forest_planted_area", report_year)
    if planted is not None:
        out += Text(
            f"Giai đoạn {planted['period_vi']} đã trồng {planted['value_text_vi']} rừng tập trung.",
            (planted["obs_id"],),
        )
    cert = chapter.latest(ds, "sustainable_large_timber_forest_area", report_year)
    if cert is not None:
        out += Text(
            f"Rừng trồng gỗ lớn có chứng chỉ quản lý rừng bền vững đạt {cert['value_text_vi']}.", (cert["obs_id"],)
        )
    timber = chapter.latest(ds, "timber_harvest_annual", report_year)
    if timber is not None:
        out += Text(
            f"Mỗi năm khai thác {timber['value_text_vi'].replace('m³/năm', 'm³')} gỗ rừng trồng (số ước tính).",
            (timber["obs_id"],),
        )
    rubber = chapter.latest(ds, "rubber_area", report_year)
    fruit = chapter.latest(ds, "fruit_tree_area", report_year)
    citrus = chapter.latest(ds, "citrus_area", report_year)
    if rubber is not None and fruit is not None:
        text = f"Cây lâu năm: cao su {rubber['value_text_vi']}, cây ăn quả {fruit['value_text_vi']}"
        ids = [rubber["obs_id"], fruit["obs_id"]]
        if citrus is not None:
            text += (
                f", trong đó cây có múi {citrus['value_text_vi']} (khoảng "
                f"{format_percent(formulas.share(citrus['value'], fruit['value']), 0)} diện tích cây ăn quả)"
            )
            ids.append(citrus["obs_id"])
        out += Text(text + ".", tuple(ids))
    return out if out.text else no_data("lâm nghiệp và cây lâu năm", report_year)


# ---------------------------------------------------------------------------------------------------
# Co-operatives
# ---------------------------------------------------------------------------------------------------

COOP_LABELS = {
    "traditional_agriculture": "Nông nghiệp truyền thống",
    "organic_agriculture": "Nông nghiệp hữu cơ",
    "sustainable_forestry": "Lâm nghiệp bền vững",
    "handicraft": "Tiểu thủ công nghiệp",
    "transport": "Vận tải",
    "livestock": "Chăn nuôi (Hương Xuân)",
    "agri_production_business_services": "SX – KD – DV nông nghiệp (Bình Thành)",
}


def cooperatives(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Co-operatives by type (footnote ¹ of P1:B.III.1.4), largest first."""
    return chapter.breakdown(ds, "cooperatives", report_year, "type", labels=COOP_LABELS)


def cooperatives_text(ds: Dataset, report_year: int) -> Text:
    """Number of co-operatives, the change since the start of the term, the parts' sum."""
    total = chapter.latest(ds, "cooperatives", report_year)
    if total is None:
        return no_data("hợp tác xã", report_year)
    text = f"Đến năm {total['period_vi']}, thị xã có {format_vn(total['value'])} hợp tác xã"
    ids = [total["obs_id"]]
    inc = chapter.latest(ds, "cooperatives_increase", report_year)
    if inc is not None:
        text += f", tăng {format_vn(inc['value'])} hợp tác xã so với đầu nhiệm kỳ"
        ids.append(inc["obs_id"])
    parts = cooperatives(ds, report_year)
    if not parts.empty:
        biggest = parts.iloc[0]
        text += (
            f"; hợp tác xã nông nghiệp truyền thống chiếm đa số ({format_vn(biggest['value'])} hợp tác xã). "
            f"Cộng các loại hình được {format_vn(parts_total(parts))}, khớp với tổng số"
        )
        ids += list(parts["obs_id"])
    text += (
        ". Tuy nhiên báo cáo cũng cho biết các HTX Lâm nghiệp bền vững Hồng Tiên và Hương Vân, HTX Hữu cơ Thanh Trà "
        "và HTX vận tải Hương Chũ đang làm thủ tục giải thể; con số tổng dường như vẫn tính cả các hợp tác xã này."
    )
    return Text(text, tuple(ids))


# ---------------------------------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------------------------------


def summary_text(ds: Dataset, report_year: int) -> Text:
    """The chapter's opening sentence: growth, income and structure as of ``report_year``, each against
    its target when the report gives one."""
    bits, ids = [], []
    g = chapter.latest(ds, "gdp_growth_avg", report_year)
    if g is not None:
        bits.append(
            f"kinh tế tăng bình quân {g['value_text_vi']}/năm giai đoạn {g['period_vi']} "
            f"(Nghị quyết đề ra {target_text(ds, 'gdp_growth_avg')}/năm)"
        )
        ids.append(g["obs_id"])
    inc = chapter.latest(ds, "income_per_capita", report_year)
    if inc is not None:
        bits.append(
            f"thu nhập bình quân đầu người năm {inc['period_vi']} {verb(inc)} {inc['value_text_vi']} "
            f"(mục tiêu năm 2025: {target_text(ds, 'income_per_capita')})"
        )
        ids.append(inc["obs_id"])
    frame = economic_structure(ds, report_year)
    if not frame.empty:
        ind = frame.set_index("member")
        bits.append(
            f"công nghiệp chiếm {ind.loc['industry', 'value_text_vi']} và nông nghiệp chỉ còn "
            f"{ind.loc['agriculture', 'value_text_vi']} cơ cấu kinh tế"
        )
        ids += list(frame["obs_id"])
    return chapter.summary_sentence(bits, ids, report_year, "tổng hợp về kinh tế của nhiệm kỳ", sep=",")
