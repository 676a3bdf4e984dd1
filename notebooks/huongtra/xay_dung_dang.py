"""Chapter 11 — party building and the political system: admissions, organisation and cadres, inspection,
supervision and discipline, mass mobilisation, internal affairs, the Front.

Figures come through :mod:`chitieu.book.chapter`; this module adds what the chapter derives: the two statements
of new party members and their sums (243 vs 247), the sums of each breakdown of the disciplined members
against the stated total, shares, short labels for the charts, and texts that say "no data" when a report
year has none.
"""

from __future__ import annotations

import pandas as pd

from chitieu.analysis import status
from chitieu.analysis.formulas import share
from chitieu.analysis.selection import observations_up_to
from chitieu.book import chapter
from chitieu.book.fmt import format_percent, format_period, format_source_ref, join_vi, lower_first
from chitieu.data.load import Dataset
from chitieu.data.vnnum import format_vn

CHAPTER = "xay_dung_dang"


def statements(ds: Dataset, indicator_id: str, report_year: int) -> pd.DataFrame:
    """Every whole-town statement of one indicator up to ``report_year`` (all periods, both statements
    when the report says it twice), enriched, in file order."""
    obs = observations_up_to(ds.observations, report_year)
    obs = obs[(obs["indicator_id"] == indicator_id) & (obs["locality"] == "") & (obs["status"] != "plan")]
    return chapter.enrich(ds, obs)


def admissions_series(ds: Dataset, report_year: int) -> pd.DataFrame:
    """New party members per period (7–12/2020, each year, 1–5/2023) as first stated (footnote ¹ of
    P1:B.II:(12)), in time order."""
    return chapter.series(ds, "party_admissions", report_year)


def admissions_statements(ds: Dataset, report_year: int) -> pd.DataFrame:
    """The report's statements of new members since 7/2020, each with the sum of its own yearly parts.

    The report gives the series twice: footnote ¹ of P1:B.II:(12) (total 243, 5 months of 2023: 26) and
    footnote ⁴ of P1:B.IV.2 (total 247, 5 months of 2023: 30). A total's parts are the single-year rows
    whose ``source_ref`` extends the total's (``P1:B.II:(12)`` → ``P1:B.II:(12):fn1``).

    Returns one row per stated total: ``obs_id, source_ref_vi, value, value_text_vi, period_vi,
    parts_sum, parts_text_vi, part_ids, consistent`` (``parts_sum`` = Σ parts, ``consistent``: equal to
    the total). Empty when no total is stated up to ``report_year``.
    """
    obs = statements(ds, "party_admissions", report_year)
    totals = obs[obs["end_year"] > obs["start_year"]]
    parts = obs[obs["end_year"] == obs["start_year"]]
    rows = []
    for total in totals.itertuples():
        own = parts[parts["source_ref"].str.startswith(total.source_ref + ":")]
        rows.append(
            {
                "obs_id": total.obs_id,
                "source_ref_vi": total.source_ref_vi,
                "value": total.value,
                "value_text_vi": total.value_text_vi,
                "period_vi": total.period_vi,
                "parts_sum": float(own["value"].sum()),
                "parts_text_vi": " + ".join(format_vn(v) for v in own["value"]),
                "part_ids": list(own["obs_id"]),
                "consistent": bool(abs(own["value"].sum() - total.value) < 1e-9),
            }
        )
    return pd.DataFrame(rows)


def second_statements(ds: Dataset, indicator_id: str, report_year: int) -> pd.DataFrame:
    """Pairs of statements of the same quantity (same period and status) that give different values:
    ``period_vi, first, second, first_id, second_id``."""
    obs = statements(ds, indicator_id, report_year)
    rows = []
    for _, group in obs.groupby(["period", "status"], sort=False):
        if group["value"].nunique() > 1:
            a, b = group.iloc[0], group.iloc[1]
            rows.append(
                {
                    "period_vi": a["period_vi"],
                    "first": a["value_text_vi"],
                    "second": b["value_text_vi"],
                    "first_id": a["obs_id"],
                    "second_id": b["obs_id"],
                    "first_ref": format_source_ref(a["source_ref"]),
                    "second_ref": format_source_ref(b["source_ref"]),
                }
            )
    return pd.DataFrame(rows)


_PREFIXES = ("cấp thi hành: ", "hình thức ", "vi phạm ", "lĩnh vực ", "do ", "Số đơn thư ")


def short_label(name_vi: str) -> str:
    """The part of a breakdown's name that tells the parts apart: after " – " without its leading word
    (``"Số đảng viên bị thi hành kỷ luật – hình thức khiển trách"`` → ``"Khiển trách"``), or, for the cadre
    succession plan, without "Số trường hợp quy hoạch" and the term."""
    tail = name_vi.split(" – ", 1)[-1]
    for prefix in _PREFIXES + ("Số trường hợp quy hoạch ",):
        if tail.startswith(prefix):
            tail = tail[len(prefix) :]
            break
    tail = tail.removesuffix(" thực hiện").removesuffix(" nhiệm kỳ 2025-2030")
    return tail[:1].upper() + tail[1:]


def breakdown(ds: Dataset, parent_id: str, report_year: int, dimension: str | None = None) -> pd.DataFrame:
    """:func:`chitieu.book.chapter.breakdown` with a ``short_vi`` label column for the charts."""
    frame = chapter.breakdown(ds, parent_id, report_year, dimension)
    if frame.empty:
        return frame.assign(short_vi=pd.Series(dtype=str))
    return frame.assign(short_vi=frame["name_vi"].map(short_label))


def breakdown_sum(ds: Dataset, parent_id: str, dimension: str, report_year: int) -> float | None:
    """Σ of one breakdown's parts (e.g. the four forms of discipline: 79 + 12 + 2 + 6 = 99); None when
    the breakdown has no figure up to ``report_year``."""
    frame = chapter.breakdown(ds, parent_id, report_year, dimension)
    return None if frame.empty else float(frame["value"].sum())


DISCIPLINE_DIMENSIONS = {
    "level": "cấp thi hành",
    "form": "hình thức",
    "content": "nội dung vi phạm",
    "sector": "lĩnh vực",
}


def discipline_check(ds: Dataset, report_year: int) -> pd.DataFrame:
    """Each breakdown of the disciplined members (P1:B.IV.4 fn¹) against the stated total:
    ``dimension_vi, parts_sum, total, equal``. Empty when there is no total up to ``report_year``."""
    total = chapter.latest(ds, "discipline_members", report_year)
    if total is None:
        return pd.DataFrame(columns=["dimension_vi", "parts_sum", "total", "equal"])
    rows = []
    for dim, dim_vi in DISCIPLINE_DIMENSIONS.items():
        parts = breakdown_sum(ds, "discipline_members", dim, report_year)
        if parts is not None:
            rows.append(
                {
                    "dimension_vi": dim_vi,
                    "parts_sum": parts,
                    "total": float(total["value"]),
                    "equal": abs(parts - float(total["value"])) < 1e-9,
                }
            )
    return pd.DataFrame(rows)


def top_share_text(frame: pd.DataFrame, total: float) -> str:
    """The largest part of a breakdown and its share of ``total``: ``"khiển trách (79, 79,8%)"``
    (share by :func:`chitieu.analysis.formulas.share`); empty string when ``frame`` is empty."""
    if frame.empty:
        return ""
    top = frame.iloc[0]
    return f"{lower_first(top['short_vi'])} ({format_vn(top['value'])}, {format_percent(share(top['value'], total))})"


def parts_text(frame: pd.DataFrame) -> str:
    """A breakdown in words, largest first: ``"Chi bộ 75, Ủy ban Kiểm tra Thị ủy 8, …"``."""
    return join_vi([f"{lower_first(r.short_vi)} {format_vn(r.value)}" for r in frame.itertuples()])


def value_of(ds: Dataset, indicator_id: str, report_year: int) -> float | None:
    """The headline value of an indicator as a number (None when there is none up to ``report_year``)."""
    row = chapter.latest(ds, indicator_id, report_year)
    return None if row is None else float(row["value"])


def period_of(ds: Dataset, indicator_id: str, report_year: int) -> str:
    """The period of an indicator's headline figure, in words, or :func:`chitieu.book.chapter.missing_text`."""
    row = chapter.latest(ds, indicator_id, report_year)
    return chapter.missing_text(report_year) if row is None else format_period(row["period"])


def no_data_notice(report_year: int) -> str:
    """What a chart of the chapter says when the report has no figure for it up to ``report_year``."""
    return (
        f"Không có số liệu đến năm {report_year} cho biểu đồ này: báo cáo chỉ nêu các con số này cho cả "
        "giai đoạn từ đầu nhiệm kỳ đến giữa năm 2023."
    )


def admissions_sentence(ds: Dataset, report_year: int) -> str:
    """What the report says about the number of new members since 7/2020, and whether each statement
    adds up; says so when the two statements differ."""
    st = admissions_statements(ds, report_year)
    series = admissions_series(ds, report_year)
    if st.empty:
        if series.empty:
            return f"Báo cáo không có số đảng viên kết nạp đến năm {report_year}."
        total = format_vn(series["value"].sum())
        return (
            f"Đến năm {report_year}, báo cáo chưa có tổng số kết nạp (tổng chỉ được nêu đến tháng 5/2023); cộng các "
            f"kỳ có số liệu ({' + '.join(format_vn(v) for v in series['value'])}) được {total} đảng viên."
        )
    parts = [
        f"{r.value_text_vi} ({r.source_ref_vi}; cộng các kỳ {r.parts_text_vi} = {format_vn(r.parts_sum)}"
        f"{', khớp' if r.consistent else ', không khớp'})"
        for r in st.itertuples()
    ]
    if st["value"].nunique() > 1:
        return (
            f"Báo cáo nêu số đảng viên mới kết nạp từ tháng 7/2020 hai lần với hai con số khác nhau: "
            f"{join_vi(parts)}. Mỗi con số tự khớp với chuỗi của nó; chỗ khác duy nhất là số kết nạp của kỳ "
            f"cuối cùng."
        )
    return f"Báo cáo nêu số đảng viên mới kết nạp từ tháng 7/2020: {join_vi(parts)}."


def discipline_sentence(ds: Dataset, report_year: int) -> str:
    """Whether each breakdown of the disciplined members adds up to the stated total."""
    check = discipline_check(ds, report_year)
    if check.empty:
        return f"Báo cáo không có số liệu kỷ luật đảng viên đến năm {report_year}."
    ok = check[check["equal"]]
    bad = check[~check["equal"]]
    total = format_vn(check["total"].iloc[0])
    text = f"Cộng theo từng cách chia ({join_vi(list(ok['dimension_vi']))}) đều ra đúng {total} đảng viên"
    if not bad.empty:
        text += "; riêng " + join_vi([f"{r.dimension_vi} cộng ra {format_vn(r.parts_sum)}" for r in bad.itertuples()])
    return text + "."


def admissions_range_sentence(ds: Dataset, report_year: int) -> str:
    """Each full year's admissions against the yearly target of the resolution ("hàng năm kết nạp từ 65 - 80
    đảng viên", ``data/targets.csv``), judged by the book's one rule (:func:`chitieu.analysis.status.assess`):
    the target is a floor, more admissions are better, so a year above the range's top meets it."""
    tgt = ds.targets[ds.targets["indicator_id"] == "party_admissions_per_year"].iloc[0]
    low, high = float(tgt["low"]), float(tgt["high"])
    hib = ds.indicators.loc["party_admissions_per_year", "higher_is_better"]
    series = admissions_series(ds, report_year)
    years = series[series["period"].str.fullmatch(r"\d{4}")]
    head = (
        f"Chỉ tiêu kết nạp đảng viên đề ra là mỗi năm kết nạp từ {format_vn(low)} đến {format_vn(high)} đảng viên: "
        f"{format_vn(low)} là mức phải đạt, kết nạp nhiều hơn là tốt hơn"
    )
    if years.empty:
        return head + f"; đến năm {report_year} báo cáo chưa có số của một năm trọn."
    parts = []
    for r in years.itertuples():
        verdict = status.assess(r.value, r.qualifier, tgt["kind"], low, high, hib)
        if verdict.code != "met":
            where = f"{status.status_word(verdict.code)} (thấp hơn mức phải đạt)"
        elif r.value > high:
            where = "đạt, vượt cả mức trên của khoảng"
        elif r.value == low:
            where = "đạt, đúng bằng mức phải đạt"
        else:
            where = "đạt"
        parts.append(f"năm {r.period_vi} kết nạp {format_vn(r.value)}, {where}")
    return head + "; " + join_vi(parts) + "."
