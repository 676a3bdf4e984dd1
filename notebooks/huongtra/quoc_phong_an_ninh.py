"""Chapter 10 (Quốc phòng, an ninh): recruits per year, the party's share of the militia, security.

Sources: P1:B.III.10 and its footnotes (¹ recruits per year, ³ citizen ID cards, the second ¹ party
members in the militia and civil guard).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from chitieu.analysis.formulas import growth_rate, share
from chitieu.book import chapter, charts
from chitieu.book.chapter import AT_REPORT_DATE, no_data
from chitieu.book.fmt import format_value
from chitieu.data.load import Dataset
from chitieu.data.vnnum import format_vn

CHAPTER = "quoc_phong_an_ninh"

PARTY_RATE_LABELS = {
    "militia_platoon_leaders_party_member_rate": "Trung đội trưởng (b trưởng)",
    "militia_squad_leaders_party_member_rate": "Tiểu đội trưởng (a trưởng)",
    "village_militia_leaders_party_member_rate": "Thôn đội trưởng, tổ đội trưởng",
    "civil_guard_board_leaders_party_member_rate": "Trưởng, phó ban bảo vệ dân phố",
    "reserve_officers_party_member_rate": "Sĩ quan dự bị",
    "civil_guard_team_leaders_party_member_rate": "Tổ trưởng bảo vệ dân phố",
    "militia_party_member_rate": "Toàn lực lượng dân quân, tự vệ",
}


def recruits(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Young people enlisted each year (footnote ¹ of P1:B.III.10: "Năm 2020: 155 quân, năm 2021: 162
    quân, năm 2022: 101 quân; năm 2023: 99 quân"), in time order up to ``report_year``."""
    return chapter.series(ds, "military_recruits", report_year)


def recruits_total(series: pd.DataFrame) -> int:
    """Total enlisted over the years of ``series``: ``Σ recruits`` (155 + 162 + 101 + 99 = 517)."""
    return int(series["value"].sum())


def party_rate_rows(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Shares of party members in the militia, reserve officers and civil guard (the second footnote ¹
    of P1:B.III.10), largest first, with a short label."""
    return chapter.latest_labelled(ds, PARTY_RATE_LABELS, report_year)


def recruits_chart(series: pd.DataFrame) -> alt.LayerChart:
    """Columns of :func:`recruits`, one per year, with the number on each."""
    return charts.with_value_labels(charts.series_chart(series), horizontal=False)


def implied_base(count: float, rate_percent: float) -> float:
    """The population a count is a share of: ``count / rate × 100``.

    Footnote ³ of P1:B.III.10: "đã cấp CCCD cho 92.136 trường hợp (99,11%)" → 92.136 / 0,9911 ≈ 92.964
    people required to hold a card. Raises ValueError for a zero rate.
    """
    if rate_percent == 0:
        raise ValueError("rate is zero")
    return count / rate_percent * 100.0


def texts(ds: Dataset, report_year: int) -> dict[str, str]:
    """Every computed sentence of the chapter, as Vietnamese text (for glue)."""
    y = report_year
    out = {"year": str(y)}
    rec = recruits(ds, y)
    if not rec.empty:
        first, last = rec.iloc[0], rec.iloc[-1]
        peak = rec.loc[rec["value"].idxmax()]
        out["recruits"] = (
            f"Từ năm {first['period']} đến năm {last['period']}, thị xã giao {format_vn(recruits_total(rec))} thanh "
            "niên "
            f"nhập ngũ, nhiều nhất năm {peak['period']} ({format_vn(peak['value'])} người)"
        )
        if len(rec) >= 2 and last["period"] != peak["period"]:
            change = growth_rate(float(peak["value"]), float(last["value"]))
            out["recruits"] += (
                f"; năm {last['period']} còn {format_vn(last['value'])} người, "
                f"{'giảm' if change < 0 else 'tăng'} {format_value(abs(change), 'percent', 1)} so với năm "
                f"{peak['period']}."
            )
        else:
            out["recruits"] += "."
        out["summary"] = (
            f"Báo cáo nêu số quân giao nhận từng năm: cộng lại {format_vn(recruits_total(rec))} thanh niên nhập ngũ "
            f"trong các năm {first['period']}–{last['period']}."
        )
    else:
        out["recruits"] = f"Chưa có số liệu tuyển quân đến năm {y}."
        out["summary"] = out["recruits"]

    party = party_rate_rows(ds, y)
    if not party.empty:
        top, low = party.iloc[0], party.iloc[-1]
        out["party"] = (
            f"Tỷ lệ đảng viên cao nhất ở {top['label_vi'].lower()} ({top['value_text_vi']}) và thấp nhất ở "
            f"{low['label_vi'].lower()} ({low['value_text_vi']}): đảng viên tập trung ở vị trí chỉ huy."
        )
        out["summary"] += (
            f" Trong lực lượng dân quân, tự vệ, đảng viên chiếm {low['value_text_vi']} toàn lực lượng nhưng "
            f"{top['value_text_vi']} ở vị trí {top['label_vi'].lower()}."
            if low["indicator_id"] == "militia_party_member_rate"
            else ""
        )
    else:
        out["party"] = no_data("tỷ lệ đảng viên trong lực lượng dân quân, tự vệ", y, AT_REPORT_DATE).text
    org = chapter.latest(ds, EXTRA_IDS[0], y)
    out["party_org"] = (
        f"Cùng chú thích đó cho biết {org['value_text_vi']} thôn, tổ dân phố, trường học có tổ chức đảng."
        if org is not None
        else ""
    )

    safe = chapter.latest(ds, "security_safe_units_rate", y)
    out["safe"] = (
        f"Hằng năm trong giai đoạn {safe['period_vi']}, {safe['value_text_vi']} đơn vị, địa bàn đạt tiêu chuẩn "
        "“An toàn về an ninh trật tự”. Báo cáo không nêu tỷ lệ riêng từng năm, số đơn vị được xét, số vụ phạm tội "
        "hay tai nạn giao thông, nên không thể đánh giá xu hướng trật tự, an toàn xã hội bằng số liệu."
        if safe is not None
        else no_data("tỷ lệ đơn vị, địa bàn an toàn về an ninh trật tự", y, "cho cả giai đoạn 2021–2023").text
    )
    cards, rate = chapter.latest(ds, "citizen_id_cards_issued", y), chapter.latest(ds, "citizen_id_cards_rate", y)
    eid = chapter.latest(ds, "electronic_id_accounts", y)
    if cards is not None and rate is not None and eid is not None:
        base = implied_base(float(cards["value"]), float(rate["value"]))
        out["id"] = (
            f"Đến nay đã cấp căn cước công dân cho {format_vn(cards['value'])} trường hợp, bằng "
            f"{rate['value_text_vi']} "
            f"số phải cấp; chia ngược lại, số người thuộc diện phải cấp vào khoảng {format_vn(round(base, -2))} người "
            f"(báo cáo không nêu con số này). Đã có {format_vn(eid['value'])} tài khoản định danh điện tử được cấp, "
            f"tương đương {format_value(share(float(eid['value']), float(cards['value'])), 'percent', 1)} số người "
            "đã có "
            "căn cước."
        )
    else:
        out["id"] = no_data("số căn cước công dân và tài khoản định danh điện tử đã cấp", y, AT_REPORT_DATE).text
    return out


EXTRA_IDS = ["villages_schools_with_party_org_rate"]
"""Indicators of another chapter that this one quotes (the party-organisation rate of the same footnote)."""
