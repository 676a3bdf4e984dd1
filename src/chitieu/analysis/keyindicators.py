"""The resolution's 14 key indicators as of a report year: value, target, computed status."""

from __future__ import annotations

import pandas as pd

from chitieu.analysis.selection import latest_observation
from chitieu.analysis.status import STATUS_LABELS, assess
from chitieu.book.fmt import format_observation, format_period, format_source_ref, format_status, format_target
from chitieu.data.load import Dataset


def key_indicators(ds: Dataset, report_year: int) -> pd.DataFrame:
    """One row per key indicator (resolution_no 1–14) with its headline value as of ``report_year``.

    Columns: ``resolution_no, indicator_id, name_vi, unit, higher_is_better, obs_id, value, qualifier,
    decimals, period, obs_status, source_ref, source_quote, target_kind, target_low, target_high,
    target_year, target_quote, status, report_status`` plus the display texts ``value_text_vi``,
    ``target_text_vi``, ``status_label``.
    """
    key = ds.indicators[ds.indicators["resolution_no"].notna()].sort_values("resolution_no")
    rows = []
    for _, ind in key.iterrows():
        obs = latest_observation(ds.observations, ind["indicator_id"], report_year)
        targets = ds.targets[ds.targets["indicator_id"] == ind["indicator_id"]].sort_values("target_year")
        target = targets.iloc[-1] if not targets.empty else None
        value = None if obs is None else float(obs["value"])
        qualifier = "exact" if obs is None else obs["qualifier"]
        result = assess(
            value,
            qualifier,
            None if target is None else target["kind"],
            None if target is None or pd.isna(target["low"]) else float(target["low"]),
            None if target is None or pd.isna(target["high"]) else float(target["high"]),
            ind["higher_is_better"],
        )
        rows.append(
            {
                "resolution_no": int(ind["resolution_no"]),
                "indicator_id": ind["indicator_id"],
                "name_vi": ind["name_vi"],
                "unit": ind["unit"],
                "higher_is_better": ind["higher_is_better"],
                "obs_id": None if obs is None else obs["obs_id"],
                "value": value,
                "qualifier": qualifier,
                "decimals": None if obs is None else int(obs["decimals"]),
                "period": None if obs is None else obs["period"],
                "obs_status": None if obs is None else obs["status"],
                "source_ref": None if obs is None else obs["source_ref"],
                "source_quote": None if obs is None else obs["source_quote"],
                "target_kind": None if target is None else target["kind"],
                "target_low": None if target is None or pd.isna(target["low"]) else float(target["low"]),
                "target_high": None if target is None or pd.isna(target["high"]) else float(target["high"]),
                "target_year": None if target is None else int(target["target_year"]),
                "target_quote": None if target is None else target["source_quote"],
                "status": result.code,
                "status_label": result.label,
                "shortfall_share": result.shortfall_share,
                "report_status": report_status(ds, int(ind["resolution_no"])),
                "value_text_vi": "—"
                if obs is None
                else format_observation(value, ind["unit"], qualifier, int(obs["decimals"])),
                "target_text_vi": format_target(
                    None if target is None else target["kind"],
                    None if target is None or pd.isna(target["low"]) else float(target["low"]),
                    None if target is None or pd.isna(target["high"]) else float(target["high"]),
                    ind["unit"],
                ),
                "period_vi": "—" if obs is None else format_period(obs["period"]),
                "obs_status_vi": "—" if obs is None else format_status(obs["status"]),
                "source_ref_vi": "—" if obs is None else format_source_ref(obs["source_ref"]),
            }
        )
    return pd.DataFrame(rows)


def report_status(ds: Dataset, resolution_no: int) -> str:
    """The report's own assessment of a key indicator (footnote ¹ of P1:B.II), from ``report_assessment.csv``.

    When the report says two things (e.g. indicator 10 is "gần đạt" in footnote ¹ and "chưa đạt" in
    footnote ⁸), the footnote ¹ summary wins here and the audit chapter shows the conflict.
    """
    rows = ds.report_assessment[ds.report_assessment["resolution_no"] == resolution_no]
    if rows.empty:
        return "unknown"
    summary = rows[rows["source_ref"] == "P1:B.II:fn1"]
    return (summary if not summary.empty else rows).iloc[0]["report_status"]


def status_counts(table: pd.DataFrame, column: str = "status") -> dict[str, int]:
    """How many key indicators have each status (every status present, zeros included)."""
    counts = table[column].value_counts()
    return {code: int(counts.get(code, 0)) for code in STATUS_LABELS}


REPORT_STATUS_VI = {"met": "đạt", "nearly_met": "gần đạt", "not_met": "chưa đạt", "unknown": "không rõ"}


def disagreements(table: pd.DataFrame) -> pd.DataFrame:
    """Key indicators where the computed status differs from the report's own assessment.

    Indicators without a stated target (``no_target``) are listed too: the report judged them, the data
    cannot.
    """
    differ = table[table["status"] != table["report_status"]]
    return differ[["resolution_no", "indicator_id", "name_vi", "status", "status_label", "report_status"]]


def display_table(table: pd.DataFrame) -> pd.DataFrame:
    """The key-indicator table as display strings (Vietnamese), for :func:`chitieu.book.tables.show_table`."""
    out = pd.DataFrame(
        {
            "no": table["resolution_no"].astype(str),
            "name": table["name_vi"],
            "value": table["value_text_vi"],
            "period": table["period_vi"],
            "data_status": table["obs_status_vi"],
            "target": table["target_text_vi"]
            + table["target_year"].map(lambda y: "" if y is None or pd.isna(y) else f" (đến {int(y)})"),
            "status": table["status_label"],
            "report": table["report_status"].map(REPORT_STATUS_VI),
            "source": table["source_ref"].map(lambda r: "—" if pd.isna(r) else format_source_ref(r, short=True)),
        }
    )
    return out


DISPLAY_COLUMNS = {
    "no": "TT",
    "name": "Chỉ tiêu",
    "value": "Giá trị",
    "period": "Kỳ",
    "data_status": "Số liệu",
    "target": "Mức chỉ tiêu",
    "status": "Đánh giá (tính)",
    "report": "Báo cáo tự đánh giá",
    "source": "Nguồn trong báo cáo",
}


def chapter_key_indicators(ds: Dataset, chapter: str, report_year: int) -> pd.DataFrame:
    """The rows of :func:`key_indicators` whose indicator belongs to ``chapter`` (e.g. ``"kinh_te"``), in
    resolution order."""
    table = key_indicators(ds, report_year)
    ids = set(ds.indicators.index[ds.indicators["chapter"] == chapter])
    return table[table["indicator_id"].isin(ids)].reset_index(drop=True)


def target_rows(ds: Dataset, indicator_ids: list[str], report_year: int) -> pd.DataFrame:
    """The headline figure of each indicator with its (latest) target and the computed status.

    Like :func:`key_indicators` but for any indicator with a row in ``targets.csv``, key indicator or not
    (indicators without a target, or without a figure for the year, are left out). The status follows
    :mod:`chitieu.analysis.status`: e.g. "trên 96%" against "trên 98%" falls short by 2 points, 2/98 ≈ 2% of the
    bound, so "gần đạt".

    Columns: the enriched observation columns of :func:`chitieu.book.chapter.latest_many` plus ``target_kind,
    target_low, target_high, target_year, target_text_vi, status_code, status_label, gap`` (``gap``:
    distance to the binding bound, in the unit; ``status`` stays the observation's status).
    """
    from chitieu.book import chapter

    frame = chapter.latest_many(ds, indicator_ids, report_year)
    rows = []
    for r in frame.to_dict("records"):
        t = chapter.target_of(ds, r["indicator_id"])
        if t is None:
            continue
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
    if not rows:
        return frame.iloc[0:0].assign(target_text_vi=pd.Series(dtype=str), status_label=pd.Series(dtype=str))
    return pd.DataFrame(rows)
