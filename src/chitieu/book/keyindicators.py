"""The resolution's 14 key indicators as of a report year: value, target, computed status."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from chitieu.analysis.selection import latest_observation
from chitieu.analysis.status import REPORT_STATUS_VI, STATUS_LABELS, Assessment, assess
from chitieu.book.fmt import format_observation, format_status, format_target
from chitieu.book.reporttext.links import obs_report_href
from chitieu.data import contract
from chitieu.data.checks import SUMMARY_ASSESSMENT_REF, Check, parse_params
from chitieu.data.load import Dataset
from chitieu.data.periods import format_period
from chitieu.data.sourceref import format_source_ref


def audit_classifications(ds: Dataset, report_year: int) -> dict[int, Check]:
    """Key-indicator number → the audit's ``classification`` check of it at the summary verdict
    (``data/checks.csv``), when every figure it names is in ``ds`` and known by ``report_year``.

    A key indicator with several parts (indicator 13: two shares), or whose target is stated on another
    indicator (a yearly admissions target), is judged there by the figures and the target the check names;
    :func:`key_indicators` with ``as_audited=True`` uses the same, so the key indicators' table and the audit
    tell one story. The file is read leniently here (``check-data`` and the build validate it).
    """
    from chitieu.data.csvread import read_csv_rows

    path = Path(ds.data_dir) / contract.load().resources["checks"].path
    if not path.is_file():
        return {}
    out: dict[int, Check] = {}
    for row, rec in read_csv_rows(path, contract.columns("checks"), []):
        if rec["kind"] != "classification":
            continue
        try:
            params = parse_params(rec["params"])
        except ValueError:
            continue
        ids = rec["obs_ids"].split()
        known = all(i in ds.observations.index for i in ids) and all(
            ds.observations.loc[i, "end_year"] <= report_year for i in ids
        )
        target = params.get("target")
        if params.get("report_ref", SUMMARY_ASSESSMENT_REF) != SUMMARY_ASSESSMENT_REF or not known:
            continue
        if target is not None and target not in ds.indicators.index:
            continue
        check = Check(rec["check_id"], "classification", tuple((1, i) for i in ids), params, "", "", "", row)
        out.setdefault(int(params["resolution_no"]), check)
    return out


def key_indicators(ds: Dataset, report_year: int, as_audited: bool = False) -> pd.DataFrame:
    """One row per key indicator (resolution_no 1–14) with its headline value as of ``report_year``.

    Columns: ``resolution_no, indicator_id, name_vi, unit, higher_is_better, obs_id, value, qualifier,
    decimals, period, obs_status, source_ref, source_quote, target_kind, target_low, target_high,
    target_year, target_quote, status, report_status`` plus the display texts ``value_text_vi``,
    ``target_text_vi``, ``status_label``.

    With ``as_audited`` the status of an indicator the audit judges by more than its headline figure (several
    parts, or a target stated on another indicator: :func:`audit_classifications`) is the audit's, by the same
    rule (:func:`chitieu.analysis.audit.selfassessment.classify`), and its target is that check's.
    """
    key = ds.indicators[ds.indicators["resolution_no"].notna()].sort_values("resolution_no")
    audited = audit_classifications(ds, report_year) if as_audited else {}
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
                "report_href": "" if obs is None else obs_report_href(ds, obs["obs_id"]),
            }
        )
        check = audited.get(int(ind["resolution_no"]))
        if check is not None and (check.obs_ids != [rows[-1]["obs_id"]] or "target" in check.params):
            rows[-1].update(_as_audited(ds, check))
    return pd.DataFrame(rows)


def _as_audited(ds: Dataset, check: Check) -> dict:
    """The status, target and figures of a key indicator as the audit's classification check judges it."""
    from chitieu.analysis.audit import Evidence
    from chitieu.analysis.audit.selfassessment import classify

    judged = classify(check, Evidence(ds))
    out = {"status": judged.computed or "no_target", "status_label": Assessment(judged.computed or "no_target").label}
    out["shortfall_share"] = judged.shortfall
    target_id = check.params.get("target")
    ev = Evidence(ds)
    if len(check.obs_ids) > 1:
        periods = {ds.observations.loc[oid, "period"] for oid in check.obs_ids}
        if len(periods) == 1:
            out["value_text_vi"] = "; ".join(ev.stated_text(oid) for oid in check.obs_ids)
        else:
            out["value_text_vi"] = "; ".join(
                f"{ev.stated_text(oid)} ({format_period(ds.observations.loc[oid, 'period'])})" for oid in check.obs_ids
            )
    texts = []
    for iid in (
        [target_id] if target_id is not None else [ds.observations.loc[o, "indicator_id"] for o in check.obs_ids]
    ):
        targets = ds.targets[ds.targets["indicator_id"] == iid].sort_values("target_year")
        if targets.empty:
            continue
        t = targets.iloc[-1]
        low = None if pd.isna(t["low"]) else float(t["low"])
        high = None if pd.isna(t["high"]) else float(t["high"])
        texts.append(format_target(t["kind"], low, high, ds.indicators.loc[iid, "unit"]))
        out["target_year"] = int(t["target_year"])
    if texts:
        out["target_text_vi"] = ("mỗi năm " if target_id is not None else "") + "; ".join(dict.fromkeys(texts))
    return out


def report_status(ds: Dataset, resolution_no: int) -> str:
    """The report's own assessment of a key indicator (footnote ¹ of P1:B.II), from ``report_assessment.csv``.

    When the report says two things (e.g. indicator 10 is "gần đạt" in footnote ¹ and "chưa đạt" in
    footnote ⁸), the footnote ¹ summary wins here and the audit chapter shows the conflict.
    """
    rows = ds.report_assessment[ds.report_assessment["resolution_no"] == resolution_no]
    if rows.empty:
        return "unknown"
    summary = rows[rows["source_ref"] == SUMMARY_ASSESSMENT_REF]
    return (summary if not summary.empty else rows).iloc[0]["report_status"]


def status_counts(table: pd.DataFrame, column: str = "status") -> dict[str, int]:
    """How many key indicators have each status (every status present, zeros included)."""
    counts = table[column].value_counts()
    return {code: int(counts.get(code, 0)) for code in STATUS_LABELS}


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
