"""Chapter 5 (Tài nguyên và môi trường): waste collection, clean water, forest cover, land administration,
environmental permits.

Sentences are built from the figures as of a report year (helpers in :mod:`chitieu.book.chapter`).
"""

from __future__ import annotations

import pandas as pd

from chitieu.analysis.status import REPORT_STATUS_VI, status_word
from chitieu.book import chapter
from chitieu.book.chapter import Text, no_data, obs_as_of, rows_as_of, target_of, target_text
from chitieu.book.fmt import WHOLE_AREA_VI, join_vi, lower_first
from chitieu.book.keyindicators import chapter_key_indicators
from chitieu.data.load import Dataset
from chitieu.data.vnnum import format_vn

WASTE_LABELS = {"urban": "Khu vực đô thị", "rural": "Khu vực nông thôn"}


def waste_areas(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Waste collection and treatment rate by area, the town as a whole first (footnote ³ of P1:B.III.4).

    Reproduces "tỷ lệ thu gom, xử lý rác thải trên địa bàn thị xã đạt trên 93%³" with "Trong đó, đô thị đạt
    97%, nông thôn đạt 89%".
    """
    whole = chapter.latest_many(ds, ["waste_collection_rate"], report_year)
    parts = chapter.breakdown(ds, "waste_collection_rate", report_year, "area")
    frame = pd.concat([whole, parts], ignore_index=True) if not parts.empty else whole
    if frame.empty:
        return frame.assign(label=pd.Series(dtype=str))
    return frame.assign(label=frame["member"].map(WASTE_LABELS).fillna(WHOLE_AREA_VI))


def gap_to_full(value: float) -> float:
    """Percentage points missing to 100%: ``100 − value`` (e.g. clean water 99,9% → 0,1 điểm %)."""
    return 100.0 - value


def waste_text(ds: Dataset, report_year: int) -> Text:
    """Waste collection: town rate, urban vs rural gap, the report's own verdict."""
    frame = waste_areas(ds, report_year)
    if frame.empty:
        return no_data("tỷ lệ thu gom rác thải", report_year)
    by = frame.set_index("label")
    ids = list(frame["obs_id"])
    text = (
        f"Tỷ lệ thu gom rác thải sinh hoạt {lower_first(WHOLE_AREA_VI)} {by.loc[WHOLE_AREA_VI, 'value_text_vi']}"
        if WHOLE_AREA_VI in by.index
        else ""
    )
    if {"Khu vực đô thị", "Khu vực nông thôn"} <= set(by.index):
        u, r = by.loc["Khu vực đô thị"], by.loc["Khu vực nông thôn"]
        text += (
            f": khu vực đô thị {u['value_text_vi']}, nông thôn {r['value_text_vi']}. Khoảng cách "
            f"{format_vn(u['value'] - r['value'])} điểm phần trăm giữa hai khu vực cho thấy phần rác chưa được thu "
            "gom chủ yếu ở khu vực nông thôn"
        )
    text += "."
    second = f"{ids[0]}.b"
    if second in ds.observations.index and obs_as_of(ds, second, report_year) is not None:
        text += " Báo cáo nêu tỷ lệ chung hai lần với cùng con số."
        ids.append(second)
    verdict = report_verdicts(ds, "waste_collection_rate")
    if verdict:
        text += (
            f" Báo cáo tự đánh giá chỉ tiêu này {verdict}, nhưng không "
            "ghi mức chỉ tiêu bằng con số nên không thể tính lại."
        )
    return Text(text, tuple(ids))


def report_verdicts(ds: Dataset, indicator_id: str) -> str:
    """The report's own verdicts on a key indicator, in words (``"gần đạt"``; two different ones joined)."""
    no = ds.indicators.loc[indicator_id, "resolution_no"]
    if pd.isna(no):
        return ""
    rows = ds.report_assessment[ds.report_assessment["resolution_no"] == int(no)]
    words = list(dict.fromkeys(REPORT_STATUS_VI[s] for s in rows["report_status"]))
    if len(words) <= 1:
        return "".join(words)
    return f"“{words[0]}” ở chú thích tổng hợp nhưng “{words[1]}” ở chú thích riêng của chỉ tiêu"


def water_text(ds: Dataset, report_year: int) -> Text:
    """Clean water against the 100% target and the report's two verdicts."""
    row = chapter.latest(ds, "clean_water_rate", report_year)
    if row is None:
        return no_data("tỷ lệ dân số sử dụng nước sạch", report_year)
    t = target_of(ds, "clean_water_rate")
    text = f"Tỷ lệ dân số sử dụng nước sạch đạt {row['value_text_vi']}"
    if t is not None:
        gap = gap_to_full(row["value"]) if float(t["low"]) == 100 else float(t["low"]) - row["value"]
        text += (
            f", chỉ còn thiếu {format_vn(gap, 1)} điểm phần trăm so với mục tiêu {target_text(ds, 'clean_water_rate')} "
            f"vào năm {int(t['target_year'])}"
        )
    text += "."
    verdict = report_verdicts(ds, "clean_water_rate")
    if verdict:
        text += f" Chính báo cáo đánh giá chỉ tiêu này là {verdict}."
    key = chapter_key_indicators(ds, "moi_truong", report_year)
    mine = key[key["indicator_id"] == "clean_water_rate"]
    if not mine.empty:
        text += f" Theo quy tắc của cuốn sách (xem chương 1), kết quả là: {status_word(mine['status'].iloc[0])}."
    return Text(text, (row["obs_id"],))


def forest_text(ds: Dataset, report_year: int) -> Text:
    """Forest cover, stated twice."""
    row = chapter.latest(ds, "forest_cover_rate", report_year)
    if row is None:
        return no_data("tỷ lệ che phủ rừng", report_year)
    ids = [row["obs_id"]]
    text = (
        f"Tỷ lệ che phủ rừng được duy trì ở mức {row['value_text_vi']}: hơn một nửa diện tích tự nhiên của thị xã "
        "có rừng che phủ."
        if row["value"] > 50
        else f"Tỷ lệ che phủ rừng là {row['value_text_vi']}."
    )
    second = obs_as_of(ds, f"{row['obs_id']}.b", report_year) if f"{row['obs_id']}.b" in ds.observations.index else None
    if second is not None:
        text += (
            f" Con số được nêu hai lần, cùng một giá trị; lần thứ hai báo cáo viết “{second['source_quote']}”, thừa "
            "một "
            "dấu so sánh."
        )
        ids.append(second["obs_id"])
    planted = chapter.latest(ds, "forest_planted_area", report_year)
    if planted is not None:
        text += (
            f" Độ che phủ được giữ nhờ trồng lại rừng sau khai thác: giai đoạn {planted['period_vi']} đã trồng "
            f"{planted['value_text_vi']} rừng tập trung (xem chương Kinh tế)."
        )
        ids.append(planted["obs_id"])
    verdict = report_verdicts(ds, "forest_cover_rate")
    if verdict and target_of(ds, "forest_cover_rate") is None:
        text += f" Báo cáo tự đánh giá chỉ tiêu này {verdict}; mức chỉ tiêu không được ghi bằng con số."
    return Text(text, tuple(ids))


LAND_LABELS = {
    "land_certificates_issued.2021-2023": "Giấy chứng nhận cấp mới, cấp đổi",
    "land_use_conversion_cases.2021-2023": "Chuyển mục đích (trường hợp)",
    "land_allocation_cases.2021-2023": "Giao đất (trường hợp)",
    "land_certificates_revoked.2021-2023": "Giấy chứng nhận thu hồi để cấp lại",
    "land_lease_cases.2021-2023": "Cho thuê đất (trường hợp)",
}


LAND_PHRASES = {
    "land_certificates_issued.2021-2023": "cấp mới, cấp đổi {} giấy chứng nhận quyền sử dụng đất",
    "land_use_conversion_cases.2021-2023": "cho {} trường hợp chuyển mục đích sử dụng đất",
    "land_allocation_cases.2021-2023": "giao đất cho {} trường hợp",
    "land_certificates_revoked.2021-2023": "thu hồi {} giấy chứng nhận đã cấp để cấp lại",
    "land_lease_cases.2021-2023": "cho thuê đất {} trường hợp",
}


def land_administration(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Land administration work of the period (footnote ¹ of P1:B.III.4), largest first."""
    return rows_as_of(ds, list(LAND_LABELS), report_year, LAND_LABELS).sort_values(
        "value", ascending=False, kind="stable"
    )


def land_text(ds: Dataset, report_year: int) -> Text:
    """Land certificates, allocations, conversions; the share of certificates revoked for reissue."""
    from chitieu.analysis import formulas

    frame = land_administration(ds, report_year)
    if frame.empty:
        return no_data("quản lý đất đai", report_year)
    by = frame.set_index("obs_id")
    parts = [LAND_PHRASES[r.obs_id].format(format_vn(r.value)) for r in frame.itertuples()]
    text = (
        f"Giai đoạn {frame['period_vi'].iloc[0]}, thị xã đã hoàn thành quy hoạch sử dụng đất 2021 – 2030, đồng thời "
        f"{join_vi(parts)}."
    )
    issued, revoked = "land_certificates_issued.2021-2023", "land_certificates_revoked.2021-2023"
    if issued in by.index and revoked in by.index:
        share = formulas.share(by.loc[revoked, "value"], by.loc[issued, "value"])
        text += (
            f" Số giấy thu hồi để cấp lại cho đúng quy định bằng khoảng {format_vn(share, 1)}% số giấy cấp trong "
            "cùng kỳ, dấu vết của các tồn đọng về đất đai “do lịch sử để lại” mà báo cáo nhắc tới."
        )
    return Text(text, tuple(frame["obs_id"]))


def environment_text(ds: Dataset, report_year: int) -> Text:
    """Environmental protection plans and permits."""
    plans = chapter.latest(ds, "env_protection_plans_approved", report_year)
    permits = chapter.latest(ds, "environmental_permits_approved", report_year)
    if plans is None and permits is None:
        return no_data("kế hoạch bảo vệ môi trường và giấy phép môi trường", report_year)
    bits, ids = [], []
    if plans is not None:
        bits.append(
            f"đã phê duyệt {format_vn(plans['value'])} kế hoạch bảo vệ môi trường trong giai đoạn {plans['period_vi']}"
        )
        ids.append(plans["obs_id"])
    if permits is not None:
        bits.append(
            f"năm {permits['period_vi']} đã cấp {format_vn(permits['value'])} giấy phép môi trường theo Luật Bảo vệ "
            "môi trường năm 2020"
        )
        ids.append(permits["obs_id"])
    return Text(
        f"Về quản lý môi trường, Ủy ban nhân dân thị xã {join_vi(bits)}; báo cáo cho biết không để phát sinh "
        "điểm nóng môi trường.",
        tuple(ids),
    )


def summary_text(ds: Dataset, report_year: int) -> Text:
    """Opening sentence: the three key indicators of the chapter."""
    bits, ids = [], []
    for iid, what in (
        ("waste_collection_rate", "rác thải sinh hoạt được thu gom"),
        ("clean_water_rate", "dân số dùng nước sạch"),
        ("forest_cover_rate", "diện tích có rừng che phủ"),
    ):
        row = chapter.latest(ds, iid, report_year)
        if row is not None:
            bits.append(f"{row['value_text_vi']} {what}")
            ids.append(row["obs_id"])
    return chapter.summary_sentence(bits, ids, report_year, "về các chỉ tiêu môi trường của Nghị quyết")


def targets_sentence(key: pd.DataFrame) -> str:
    """Which of the chapter's key indicators have a target figure in the report (``key``: key-indicator rows)."""
    with_target = key[key["target_kind"].notna()]
    if len(with_target) == len(key):
        return "Mọi chỉ tiêu đều có mức đề ra bằng con số."
    if with_target.empty:
        return "Báo cáo không ghi mức đề ra bằng con số cho chỉ tiêu nào, nên không tính được trạng thái."
    names = join_vi([n.lower() for n in with_target["name_vi"]])
    return (
        f"Chỉ có {names} được báo cáo ghi mức đề ra bằng con số; các chỉ tiêu còn lại không có dải mức nên "
        "không tính được trạng thái."
    )
