"""Chapter 9 (Khoa học – công nghệ, chuyển đổi số, quản lý nhà nước).

The report's science-and-technology item (P1:B.III.9) lists pilot models without counting them; its
digital-government paragraph gives five rates (four of them 100%), and the state-management item
(P1:B.III.11) gives no figure at all. The only numbers about technology in production are the
mechanisation rates, which belong to the economy chapter but are repeated in P1:B.III.9.
"""

from __future__ import annotations

import pandas as pd

from chitieu.book import chapter
from chitieu.book.chapter import AT_REPORT_DATE, no_data
from chitieu.book.fmt import format_value, lower_first
from chitieu.data.load import Dataset
from chitieu.data.vnnum import format_vn

CHAPTER = "khcn_qlnn"

DIGITAL_LABELS = {
    "electronic_documents_rate": "Văn bản lưu trữ, trao đổi điện tử (trừ văn bản mật)",
    "online_procedures_level34_rate": "Thủ tục hành chính đủ điều kiện mức độ 3, 4",
    "digital_public_service_process_rate": "Quy trình, kết quả dịch vụ công trên môi trường số",
    "digitized_admin_dossiers_rate": "Hồ sơ thủ tục hành chính được số hóa",
    "admin_satisfaction_index": "Người dân, doanh nghiệp hài lòng",
}
# Figures of the economy chapter that the report repeats in its technology item (P1:B.III.9).
MECHANISATION_IDS = ["land_preparation_mechanization_rate", "rice_machine_harvest_rate"]


def digital_rows(ds: Dataset, report_year: int) -> pd.DataFrame:
    """The digital-government rates of P1:B.III.9, largest first, with a short label."""
    return chapter.latest_labelled(ds, DIGITAL_LABELS, report_year)


def count_at_full(rows: pd.DataFrame) -> int:
    """How many of the rates are stated as exactly 100% (``value == 100`` and qualifier ``exact``)."""
    if rows.empty:
        return 0
    return int(((rows["value"] == 100) & (rows["qualifier"] == "exact")).sum())


def mechanisation_rows(ds: Dataset, report_year: int) -> pd.DataFrame:
    """The mechanisation rates as the technology item P1:B.III.9 states them (its own quotes).

    The economy chapter holds the same rates from P1:B.III.1.3; here the statements of P1:B.III.9 are
    picked so that the chapter cites the passage it discusses.
    """
    obs = ds.observations[
        ds.observations["indicator_id"].isin(MECHANISATION_IDS)
        & (ds.observations["source_ref"] == "P1:B.III.9")
        & (ds.observations["end_year"] <= report_year)
    ]
    return chapter.enrich(ds, obs)


def texts(ds: Dataset, report_year: int) -> dict[str, str]:
    """Every computed sentence of the chapter, as Vietnamese text (for glue)."""
    y = report_year
    out = {"year": str(y)}
    rows = digital_rows(ds, y)
    if not rows.empty:
        r = rows.set_index("indicator_id")
        full = count_at_full(rows)
        at_full = rows[(rows["value"] == 100) & (rows["qualifier"] == "exact")]
        names = [lower_first(DIGITAL_LABELS[i]) for i in at_full["indicator_id"]]
        out["digital"] = (
            f"Trong {format_vn(len(rows))} tỷ lệ về chính quyền điện tử mà báo cáo nêu, {format_vn(full)} tỷ lệ ở mức "
            f"{format_value(100.0, 'percent')}: {'; '.join(names)}."
            + (
                f" Chỉ số hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính đạt "
                f"{r.loc['admin_satisfaction_index', 'value_text_vi']}."
                if "admin_satisfaction_index" in r.index
                else ""
            )
        )
        out["summary"] = (
            f"Đến giữa năm {rows['period'].iloc[0]}, {format_vn(full)} trên {format_vn(len(rows))} tỷ lệ về chính "
            "quyền "
            f"điện tử mà báo cáo nêu ở mức {format_value(100.0, 'percent')}, và mức hài lòng của người dân, doanh "
            "nghiệp với việc giải quyết thủ "
            f"tục hành chính {r.loc['admin_satisfaction_index', 'value_text_vi']}. Ngoài các tỷ lệ này, phần khoa "
            "học – công nghệ và quản lý nhà nước của báo cáo hầu như chỉ có nhận định, không có số đo."
        )
    else:
        out["digital"] = no_data("các tỷ lệ về chính quyền điện tử", y, AT_REPORT_DATE).text
        out["summary"] = (
            f"Các con số của lĩnh vực này đều tính đến giữa năm 2023, nên đến năm {y} chương chưa có số liệu; "
            "phần khoa học – công nghệ và quản lý nhà nước của báo cáo chủ yếu là nhận định."
        )
    mech = mechanisation_rows(ds, y)
    if len(mech) == len(MECHANISATION_IDS):
        m = mech.set_index("indicator_id")
        out["mechanisation"] = (
            f"Những con số duy nhất về ứng dụng kỹ thuật trong sản xuất là mức cơ giới hóa: tỷ lệ cơ giới hóa làm đất "
            f"{m.loc['land_preparation_mechanization_rate', 'value_text_vi']} và thu hoạch lúa "
            f"{m.loc['rice_machine_harvest_rate', 'value_text_vi']} (các tỷ lệ này được phân tích ở chương Kinh tế)."
        )
    else:
        out["mechanisation"] = no_data("tỷ lệ cơ giới hóa trong sản xuất nông nghiệp", y, AT_REPORT_DATE).text
    wards = chapter.latest(ds, "wards_communes_total", y)
    out["wards"] = (
        f"Sau khi một số phường, xã được sáp nhập vào thành phố Huế, thị xã còn {format_vn(wards['value'])} phường, "
        "xã; "
        "báo cáo không nêu số cán bộ, công chức hay biên chế của các đơn vị này."
        if wards is not None
        else no_data("số phường, xã hiện nay", y, AT_REPORT_DATE).text
    )
    return out


def figure_ids(ds: Dataset, report_year: int) -> list[str]:
    """Every observation the chapter cites: its own indicators plus the mechanisation rates of P1:B.III.9."""
    return chapter.used_ids(chapter.figure_ids(ds, CHAPTER, report_year), mechanisation_rows(ds, report_year))
