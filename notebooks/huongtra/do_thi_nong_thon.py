"""Chapter 4 (Đô thị, nông thôn mới và hạ tầng): urbanisation, civilised wards and streets, new-rural
communes and their investment, concrete alley roads.

Sentences are built from the figures as of a report year (helpers in :mod:`chitieu.book.chapter`).
"""

from __future__ import annotations

import pandas as pd

from chitieu.analysis import formulas
from chitieu.book import chapter
from chitieu.book.chapter import Text, no_data, obs_as_of, parts_total, rows_as_of, target_of, verb
from chitieu.book.fmt import WHOLE_AREA_VI, format_percent, format_value, join_vi
from chitieu.data.load import Dataset
from chitieu.data.vnnum import format_vn

# ---------------------------------------------------------------------------------------------------
# New rural programme
# ---------------------------------------------------------------------------------------------------

NTM_STATEMENTS = {
    "ntm_communes.2023.b": "Đã đạt chuẩn (mục Chương trình mục tiêu quốc gia)",
    "ntm_communes_pending.2023": "Đang hoàn thiện hồ sơ đề nghị công nhận",
    "ntm_communes.2023": "Ước đạt chuẩn đến cuối năm (phần chỉ tiêu chủ yếu)",
    "ntm_advanced_communes.2023": "Ước đạt chuẩn nâng cao đến cuối năm",
}

NTM_COLUMNS = {"label": "Nội dung", "value": "Số xã", "period": "Kỳ", "status": "Số liệu", "source": "Nguồn"}


def ntm_statements(ds: Dataset, report_year: int) -> pd.DataFrame:
    """The report's statements about new-rural communes side by side (display strings).

    The key indicator (8) says "ước thực hiện đến cuối năm 2023 đạt 100% (04/04 xã)" (P1:B.II:(8)); the
    programme section says "Đến nay, có 02/04 xã đạt chuẩn nông thôn mới" with 02 more being prepared
    (P1:B.III.3.2). Both are kept; the table shows each with its status.
    """
    frame = rows_as_of(ds, list(NTM_STATEMENTS), report_year, NTM_STATEMENTS)
    if frame.empty:
        return pd.DataFrame(columns=["obs_id", *NTM_COLUMNS])
    total = communes_total(ds, report_year)
    suffix = f"/{format_vn(total)} xã" if total is not None else " xã"
    return pd.DataFrame(
        {
            "obs_id": frame["obs_id"],
            "label": frame["label"],
            "value": [format_vn(v) + suffix for v in frame["value"]],
            "period": frame["period_vi"],
            "status": frame["obs_status_vi"],
            "source": frame["source_ref_vi"],
        }
    )


def communes_total(ds: Dataset, report_year: int) -> float | None:
    """Number of communes of the town (the denominator of the new-rural rate), or None."""
    row = chapter.latest(ds, "communes_total", report_year)
    return None if row is None else float(row["value"])


def consistent_rate(done: float, pending: float, total: float) -> float:
    """Share of communes meeting the standard once the pending ones are recognised: ``(done + pending) / total × 100``.

    Reconciles "Đến nay, có 02/04 xã đạt chuẩn nông thôn mới. Đang hoàn thiện hồ sơ đề nghị công nhận 02 xã
    Bình Tiến, Bình Thành" (P1:B.III.3.2) with "ước thực hiện đến cuối năm 2023 đạt 100% (04/04 xã)"
    (P1:B.II:(8)).
    """
    return formulas.share(done + pending, total)


def ntm_text(ds: Dataset, report_year: int) -> Text:
    """New-rural communes: what is met now, what is expected, the advanced standard and the 2025 targets."""
    rate = chapter.latest(ds, "ntm_communes_rate", report_year)
    done = obs_as_of(ds, "ntm_communes.2023.b", report_year)
    pending = obs_as_of(ds, "ntm_communes_pending.2023", report_year)
    expected = obs_as_of(ds, "ntm_communes.2023", report_year)
    advanced = chapter.latest(ds, "ntm_advanced_communes", report_year)
    total = communes_total(ds, report_year)
    if rate is None and done is None:
        return no_data("số xã đạt chuẩn nông thôn mới", report_year)
    text, ids = "", []
    if done is not None:
        text += f"Đến giữa năm {done['period_vi']}, {format_vn(done['value'])}"
        text += f"/{format_vn(total)} xã" if total is not None else " xã"
        text += " của thị xã đã đạt chuẩn nông thôn mới"
        ids.append(done["obs_id"])
        if pending is not None:
            text += (
                f"; {format_vn(pending['value'])} xã còn lại (Bình Tiến, "
                "Bình Thành) đang hoàn thiện hồ sơ đề nghị công nhận"
            )
            ids.append(pending["obs_id"])
        text += "."
    if rate is not None:
        text += (
            f" Phần chỉ tiêu chủ yếu ghi tỷ lệ xã đạt chuẩn {verb(rate, 'đạt', 'ước đạt')} {rate['value_text_vi']} "
            f"đến cuối năm {rate['period_vi']}"
        )
        ids.append(rate["obs_id"])
        if expected is not None:
            ids.append(expected["obs_id"])
        if done is not None and pending is not None and total:
            agree = consistent_rate(done["value"], pending["value"], total)
            text += (
                f": hai cách nói chỉ khớp nhau nếu cả hai xã đang làm hồ sơ đều được công nhận ngay trong năm "
                f"(khi đó tỷ lệ là {format_percent(agree, 0)}). Vì vậy chương này coi {rate['value_text_vi']} là số "
                "ước tính, chưa phải kết quả"
            )
        text += "."
    if advanced is not None:
        t = target_of(ds, "ntm_advanced_communes")
        text += f" Về nông thôn mới nâng cao, báo cáo ước {format_vn(advanced['value'])} xã đạt chuẩn đến cuối năm"
        ids.append(advanced["obs_id"])
        if t is not None:
            text += f", trong khi mục tiêu năm {int(t['target_year'])} là {format_vn(float(t['low']))} xã"
        text += "; báo cáo không nói đó là xã nào."
    villages = chapter.latest(ds, "ntm_model_villages", report_year)
    tv = target_of(ds, "ntm_model_villages")
    if tv is not None:
        text += (
            f" Mục tiêu có {format_vn(float(tv['low']))}–{format_vn(float(tv['high']))} thôn đạt chuẩn nông thôn "
            f"mới kiểu mẫu vào năm {int(tv['target_year'])} "
            + (
                "chưa có số liệu thực hiện trong báo cáo."
                if villages is None
                else f"đã có {format_vn(villages['value'])} thôn đạt."
            )
        )
        if villages is not None:
            ids.append(villages["obs_id"])
    return Text(text.strip(), tuple(ids))


NTM_SOURCES = {"central_budget": "Ngân sách Trung ương", "local_counterpart": "Vốn đối ứng thị xã, xã"}


def ntm_investment(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Development investment for the new-rural programme by source (footnote ³ of P1:B.III.3.2)."""
    return chapter.breakdown(ds, "ntm_dev_investment", report_year, "source", labels=NTM_SOURCES)


def ntm_investment_text(ds: Dataset, report_year: int) -> Text:
    """Investment for the new-rural programme: total, sources, their sum, works built."""
    total = chapter.latest(ds, "ntm_dev_investment", report_year)
    if total is None:
        return no_data("vốn đầu tư cho xây dựng nông thôn mới", report_year)
    parts = ntm_investment(ds, report_year)
    text = (
        f"Giai đoạn {total['period_vi']}, vốn đầu tư phát triển bố "
        f"trí cho xây dựng nông thôn mới là {total['value_text_vi']}"
    )
    ids = [total["obs_id"]]
    if not parts.empty:
        by = parts.set_index("member")
        share = formulas.share(by.loc["central_budget", "value"], parts_total(parts))
        text += (
            f": ngân sách Trung ương {by.loc['central_budget', 'value_text_vi']} (khoảng "
            f"{format_percent(share, 0)}), vốn đối "
            f"ứng của thị xã và các xã {by.loc['local_counterpart', 'value_text_vi']}; hai nguồn cộng lại "
            f"{format_value(parts_total(parts), 'billion_vnd', 3)}"
            + (
                ", đúng bằng tổng"
                if round(parts_total(parts), 3) == round(total["value"], 3)
                else ", khác với tổng đã nêu"
            )
        )
        ids += list(parts["obs_id"])
    works = chapter.latest(ds, "ntm_new_works", report_year)
    if works is not None:
        text += (
            f". Số vốn này làm {format_vn(works['value'])} công trình mới (trường học, nhà văn hóa, đường giao "
            "thông…), "
            f"bình quân khoảng {format_value(total['value'] / works['value'], 'billion_vnd', 1)} mỗi công trình"
        )
        ids.append(works["obs_id"])
    return Text(text + ".", tuple(ids))


# ---------------------------------------------------------------------------------------------------
# Urban development
# ---------------------------------------------------------------------------------------------------

STREET_LABELS = {
    "civilized_streets__ward__tu_ha.2023.tu_ha": "Phường Tứ Hạ",
    "civilized_streets__ward__huong_van.2023.huong_van": "Phường Hương Văn",
    "civilized_streets__ward__inter_ward.2023": "Liên phường Tứ Hạ – Hương Văn (đường Bửu Kế)",
}


def civilized_streets(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Civilised urban streets per ward (footnote ¹ of P1:B.III.3.1), largest first."""
    frame = rows_as_of(ds, list(STREET_LABELS), report_year, STREET_LABELS)
    return frame.sort_values("value", ascending=False, kind="stable")


def wards_without(frame: pd.DataFrame, data_dir=None) -> list[str]:
    """Wards (phường of ``data_dir/localities.csv``) with no row in ``frame``, as "phường X"."""
    from chitieu.data.load import load_localities

    present = set(frame["locality"]) if "locality" in frame else set()
    wards = [name for name, kind in load_localities(data_dir).items() if kind == "phường"]
    return [f"phường {name}" for name in wards if name not in present]


def urban_text(ds: Dataset, report_year: int) -> Text:
    """Urbanisation rate, civilised wards (two statements) and civilised streets."""
    out, ids = "", []
    urb = chapter.series(ds, "urbanization_rate", report_year)
    if not urb.empty:
        parts = [
            f"năm {r.period_vi} {'ước đạt' if r.status == 'estimate' else 'đạt'} {r.value_text_vi}"
            for r in urb.itertuples()
        ]
        out += f"Tỷ lệ đô thị hóa {join_vi(parts)}."
        ids += list(urb["obs_id"])
        if len(urb) >= 2:
            d = urb["value"].iloc[-1] - urb["value"].iloc[-2]
            out += (
                f" Mức tăng {format_vn(d, 0 if d == round(d) else 1)} điểm "
                "phần trăm trong một năm cho thấy đô thị hóa diễn ra từ từ"
            )
            out += "; hơn một nửa dân số đã sống ở khu vực đô thị." if urb["value"].iloc[-1] > 50 else "."
    w22 = obs_as_of(ds, "civilized_urban_wards.2022", report_year)
    w23 = obs_as_of(ds, "civilized_urban_wards.2023.b", report_year)
    w_key = obs_as_of(ds, "civilized_urban_wards.2023", report_year)
    wards = chapter.latest(ds, "wards_total", report_year)
    rate = chapter.latest(ds, "civilized_urban_wards_rate", report_year)
    if w22 is not None:
        out += (
            f" Đến cuối năm {w22['period_vi']}, {format_vn(w22['value'])} "
            "phường (Hương Văn, Tứ Hạ) đạt chuẩn văn minh đô thị"
        )
        ids.append(w22["obs_id"])
        if w23 is not None:
            out += f"; dự kiến đến cuối năm {w23['period_vi']} có {format_vn(w23['value'])}"
            out += f"/{format_vn(wards['value'])} phường" if wards is not None else " phường"
            ids.append(w23["obs_id"])
            if wards is not None:
                ids.append(wards["obs_id"])
            if rate is not None:
                out += f", đạt {rate['value_text_vi']}"
                ids.append(rate["obs_id"])
            new = obs_as_of(ds, "civilized_urban_wards_new.2023", report_year)
            if new is not None:
                ids.append(new["obs_id"])
        out += "."
        if w_key is not None and w23 is not None and w_key["value"] != w23["value"]:
            out += (
                f" Phần chỉ tiêu chủ yếu lại ghi {format_vn(w_key['value'])} phường trong mục ước thực hiện đến "
                "cuối năm "
                f"{w_key['period_vi']}: đó là số đã đạt từ trước, chưa tính phường dự kiến được công nhận thêm."
            )
            ids.append(w_key["obs_id"])
    streets = chapter.latest(ds, "civilized_streets", report_year)
    parts = civilized_streets(ds, report_year)
    others = wards_without(parts, ds.data_dir)
    if streets is not None:
        out += f" {WHOLE_AREA_VI} có {format_vn(streets['value'])} tuyến phố được công nhận đạt chuẩn văn minh đô thị"
        ids.append(streets["obs_id"])
        if not parts.empty:
            top = parts.iloc[0]
            share = formulas.share(top["value"], streets["value"])
            out += (
                f", {'tập trung gần như hoàn toàn' if share >= 80 else 'nhiều nhất'} ở "
                f"{top['label'].replace('Phường', 'phường', 1)} "
                f"({format_vn(top['value'])} tuyến, khoảng {format_percent(share, 0)})"
                + (f"; {join_vi(others)} chưa có tuyến nào được nêu" if others else "")
            )
            ids += list(parts["obs_id"])
        out += "."
    return Text(out.strip(), tuple(ids)) if out else no_data("phát triển đô thị", report_year)


def roads_text(ds: Dataset, report_year: int) -> Text:
    """Concrete alley roads (stated twice) and their budget support."""
    km = obs_as_of(ds, "concrete_alley_roads.2021-2023", report_year)
    km_b = obs_as_of(ds, "concrete_alley_roads.2021-2023.b", report_year)
    funds = obs_as_of(ds, "rural_roads_support_funding.2021-2023", report_year)
    if km is None:
        return no_data("đường bê tông ngõ, xóm", report_year)
    text = (
        f"Theo phương châm “Nhà nước và Nhân dân cùng làm”, giai đoạn {km['period_vi']} đã đầu tư "
        f"{km['value_text_vi'].replace('trên', 'hơn')} đường bê tông xóm, kiệt"
    )
    ids = [km["obs_id"]]
    if funds is not None:
        text += f", trong đó ngân sách thị xã và các phường, xã hỗ trợ {funds['value_text_vi']}"
        ids.append(funds["obs_id"])
    text += "; báo cáo coi đây là một trong những kết quả nổi bật của nửa đầu nhiệm kỳ."
    if km_b is not None:
        text += " Con số chiều dài được nêu hai lần, giống nhau."
        ids.append(km_b["obs_id"])
    return Text(text, tuple(ids))


def summary_text(ds: Dataset, report_year: int) -> Text:
    """Opening sentence of the chapter."""
    bits, ids = [], []
    done = obs_as_of(ds, "ntm_communes.2023.b", report_year)
    total = communes_total(ds, report_year)
    if done is not None and total is not None:
        bits.append(f"{format_vn(done['value'])}/{format_vn(total)} xã đã đạt chuẩn nông thôn mới")
        ids.append(done["obs_id"])
    urb = chapter.latest(ds, "urbanization_rate", report_year)
    if urb is not None:
        bits.append(f"tỷ lệ đô thị hóa {verb(urb, 'đạt', 'ước đạt')} {urb['value_text_vi']}")
        ids.append(urb["obs_id"])
    w = chapter.latest(ds, "civilized_urban_wards", report_year)
    if w is not None:
        bits.append(f"{format_vn(w['value'])} phường đạt chuẩn văn minh đô thị")
        ids.append(w["obs_id"])
    km = obs_as_of(ds, "concrete_alley_roads.2021-2023", report_year)
    if km is not None:
        bits.append(f"{km['value_text_vi'].replace('trên', 'hơn')} đường bê tông ngõ, xóm được làm mới")
        ids.append(km["obs_id"])
    return chapter.summary_sentence(bits, ids, report_year, "về đô thị và nông thôn mới")
