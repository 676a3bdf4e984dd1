"""Chapter 12 — limitations and tasks to 2025: the pace each 2025 target still needs
(see :mod:`chitieu.analysis.progress`).

:func:`progress_table` puts every indicator with a 2025 target in ``data/targets.csv`` through the progress
method; the other functions gather the figures the report's limitations (P1:B2.I) and Part Two give.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from chitieu.analysis import progress
from chitieu.analysis.formulas import count_needed
from chitieu.analysis.progress import Target
from chitieu.book import chapter
from chitieu.book.fmt import format_period, format_source_ref, format_target, format_value, join_vi
from chitieu.data.load import Dataset
from chitieu.data.vnnum import format_vn

TARGET_YEAR = 2025

FLOW_SOURCES = {
    # A yearly target stated on a summary indicator whose yearly values live in another indicator.
    "party_admissions_per_year": "party_admissions",
}

MISSING = "—"


def short_ref(ref: str) -> str:
    """A source reference, short for Part One (``"B.II, chú thích 2"``), with its part for Part Two
    (``"Phần thứ hai, IV"``) so that the two section trees are not confused."""
    short = format_source_ref(ref, short=True)
    return short if ref.startswith("P1") else f"{format_source_ref(ref).split(',')[0]}, {short}"


def target_type(indicator_id: str, quotes: list[str]) -> str:
    """``rate`` for an average-growth indicator (``*_growth_avg``), ``annual`` when the target's quote
    says "hàng năm" (every year), else ``level``."""
    if indicator_id.endswith("_growth_avg"):
        return "rate"
    if any("hàng năm" in q.lower() for q in quotes):
        return "annual"
    return "level"


def format_pace(value: float) -> str:
    """A pace in words: ``4.08`` → ``"tăng 4,1%/năm"``, ``-9.5`` → ``"giảm 9,5%/năm"`` (two decimals
    under 1%)."""
    decimals = 2 if abs(value) < 1 else 1
    word = "giảm" if value < 0 else "tăng"
    return f"{word} {format_vn(abs(value), decimals)}%/năm"


def format_ratio(value: float) -> str:
    """``1.0423`` → ``"1,04"``; three decimals when two would round across a threshold of the categories
    (``0.948`` → ``"0,948"``, not ``"0,95"``, which would read as on track)."""
    rounded = round(value, 2)
    if any((value < t) != (rounded < t) for t in (progress.SLOW_RATIO, progress.ON_TRACK_RATIO)):
        return format_vn(value, 3)
    return format_vn(value, 2)


def _ratio_to_base(ds: Dataset, indicator_id: str, report_year: int):
    """A stated ratio to a base year (indicator ``<id>_ratio_<YYYY>``), as (row, base_year) or None."""
    pattern = re.compile(rf"^{re.escape(indicator_id)}_ratio_(\d{{4}})$")
    for iid in ds.indicators.index:
        if m := pattern.match(iid):
            row = chapter.latest(ds, iid, report_year)
            if row is not None and row["end_year"] > int(m[1]):
                return row, int(m[1])
    return None


def observed_level_pace(ds: Dataset, indicator_id: str, report_year: int) -> dict | None:
    """The observed pace of a level indicator: the longest span among (a) the first and last yearly
    values of its series and (b) a stated ratio to a base year. None when neither exists.

    Returns ``{"pace", "start_year", "end_year", "how", "obs_ids"}``.
    """
    candidates = []
    frame = chapter.series(ds, indicator_id, report_year)
    frame = frame[frame["value"] > 0]
    if len(frame) >= 2 and frame["end_year"].iloc[-1] > frame["end_year"].iloc[0]:
        first, last = frame.iloc[0], frame.iloc[-1]
        years = int(last["end_year"] - first["end_year"])
        candidates.append(
            {
                "pace": progress.observed_pace_from_levels(first["value"], last["value"], years),
                "start_year": int(first["end_year"]),
                "end_year": int(last["end_year"]),
                "how": "theo chuỗi số liệu",
                "obs_ids": [first["obs_id"], last["obs_id"]],
            }
        )
    found = _ratio_to_base(ds, indicator_id, report_year)
    if found is not None:
        row, base = found
        candidates.append(
            {
                "pace": progress.observed_pace_from_ratio(row["value"], int(row["end_year"]) - base),
                "start_year": base,
                "end_year": int(row["end_year"]),
                "how": f"từ “gấp {format_vn(row['value'], int(row['decimals']))} lần so với năm {base}”",
                "obs_ids": [row["obs_id"]],
            }
        )
    if not candidates:
        return None
    return max(candidates, key=lambda c: c["end_year"] - c["start_year"])


def _full_years(ds: Dataset, indicator_id: str, report_year: int) -> pd.DataFrame:
    frame = chapter.series(ds, indicator_id, report_year)
    return frame[frame["period"].str.fullmatch(r"\d{4}")]


def _target_rows(ds: Dataset) -> pd.DataFrame:
    tgt = ds.targets[ds.targets["target_year"] == TARGET_YEAR]
    return tgt


def progress_table(ds: Dataset, report_year: int) -> pd.DataFrame:
    """One row per indicator with a 2025 target, in the order of ``data/targets.csv``, with its progress.

    Columns: ``indicator_id, name_vi, unit, higher_is_better, target_type, kind, low, high, bound,
    target_text_vi, target_refs_vi, obs_id, value, value_text_vi, period_vi, obs_status, obs_status_vi,
    source_ref_vi, observed, observed_span_vi, required, ratio, remaining_rate, code, label,
    observed_text_vi, required_text_vi, ratio_text_vi, sentence_vi, obs_ids`` (``obs_ids``: every
    observation the row uses). Where the report states a target twice (budget revenue, indicator 13) one
    row is kept and every source is listed.
    """
    rows = []
    tgt = _target_rows(ds)
    for iid, group in tgt.groupby("indicator_id", sort=False):
        first = group.iloc[0]
        ind = ds.indicators.loc[iid]
        hib = ind["higher_is_better"]
        kind = first["kind"]
        low = None if pd.isna(first["low"]) else float(first["low"])
        high = None if pd.isna(first["high"]) else float(first["high"])
        target = Target(kind, low, high)
        ttype = target_type(iid, list(group["source_quote"]))
        unit = ind["unit"]
        target_text = format_target(kind, low, high, unit)
        if ttype == "rate":
            target_text += "/năm"
        elif ttype == "annual":
            target_text = "mỗi năm " + target_text
        refs = join_vi(list(dict.fromkeys(short_ref(r) for r in group["source_ref"])))
        row = {
            "indicator_id": iid,
            "name_vi": ind["name_vi"],
            "unit": unit,
            "higher_is_better": hib,
            "target_type": ttype,
            "kind": kind,
            "low": low,
            "high": high,
            "target_text_vi": target_text,
            "target_refs_vi": refs,
        }
        row.update(_assess_row(ds, iid, ttype, target, hib, report_year))
        row["sentence_vi"] = sentence(row, report_year)
        rows.append(row)
    return pd.DataFrame(rows)


def _latest_fields(latest: pd.Series | None) -> dict:
    if latest is None:
        return {
            "obs_id": None,
            "value": None,
            "value_text_vi": MISSING,
            "period_vi": MISSING,
            "obs_status": None,
            "obs_status_vi": MISSING,
            "source_ref_vi": MISSING,
            "latest_year": None,
        }
    return {
        "obs_id": latest["obs_id"],
        "value": float(latest["value"]),
        "value_text_vi": latest["value_text_vi"],
        "period_vi": latest["period_vi"],
        "obs_status": latest["status"],
        "obs_status_vi": latest["obs_status_vi"],
        "source_ref_vi": latest["source_ref_vi"],
        "latest_year": int(latest["end_year"]),
    }


def _assess_row(ds: Dataset, iid: str, ttype: str, target: Target, hib, report_year: int) -> dict:
    obs_ids: list[str] = []
    span = MISSING
    if ttype == "rate":
        latest = chapter.latest(ds, iid, report_year)
        out = _latest_fields(latest)
        if latest is None:
            result = progress.assess_rate(None, target, hib)
        else:
            obs_ids.append(latest["obs_id"])
            start, end = int(latest["start_year"]), int(latest["end_year"])
            result = progress.assess_rate(
                float(latest["value"]), target, hib, years_done=end - start + 1, years_total=TARGET_YEAR - start + 1
            )
            span = f"bình quân {format_period(latest['period'])}, báo cáo nêu"
    elif ttype == "annual":
        years = _full_years(ds, FLOW_SOURCES.get(iid, iid), report_year)
        latest = None if years.empty else years.iloc[-1]
        out = _latest_fields(latest)
        observed = None
        if len(years) >= 2:
            first = years.iloc[0]
            observed = progress.observed_pace_from_levels(
                first["value"], latest["value"], int(latest["end_year"] - first["end_year"])
            )
            span = f"{int(first['end_year'])}–{int(latest['end_year'])}, theo chuỗi số liệu"
        obs_ids += list(years["obs_id"])
        result = progress.assess_annual(list(zip(years["value"], years["qualifier"])), target, hib, observed)
        out["year_values_vi"] = join_vi([f"{r.value_text_vi} ({r.period_vi})" for r in years.itertuples()])
    else:
        latest = chapter.latest(ds, iid, report_year)
        out = _latest_fields(latest)
        pace = observed_level_pace(ds, iid, report_year)
        observed = None if pace is None else pace["pace"]
        if pace is not None:
            span = f"{pace['start_year']}–{pace['end_year']}, {pace['how']}"
            obs_ids += pace["obs_ids"]
        if latest is not None:
            obs_ids.insert(0, latest["obs_id"])
        years_left = TARGET_YEAR - out["latest_year"] if latest is not None else 0
        if latest is not None and years_left <= 0:
            result = progress.Progress("no_data")
        else:
            result = progress.assess_level(
                None if latest is None else float(latest["value"]),
                "exact" if latest is None else latest["qualifier"],
                target,
                hib,
                observed,
                years_left,
            )
    out.update(
        {
            "bound": result.bound,
            "observed": result.observed,
            "observed_span_vi": span if result.observed is not None else MISSING,
            "required": result.required,
            "ratio": result.ratio,
            "remaining_rate": result.remaining_rate,
            "code": result.code,
            "label": result.label,
            "observed_text_vi": MISSING if result.observed is None else format_pace(result.observed),
            "required_text_vi": _required_text(ttype, result),
            "ratio_text_vi": MISSING if result.ratio is None else format_ratio(result.ratio),
            "obs_ids": list(dict.fromkeys(obs_ids)),
        }
    )
    return out


def _required_text(ttype: str, result: progress.Progress) -> str:
    if ttype == "rate":
        if result.remaining_rate is None:
            return MISSING
        return (
            f"mục tiêu {format_value(result.bound, 'percent')}/năm; các năm còn lại cần "
            f"{format_pace(result.remaining_rate)}"
        )
    if result.required is None:
        return MISSING
    return format_pace(result.required)


def sentence(row: dict, report_year: int) -> str:
    """One Vietnamese sentence that says where an indicator stands against its 2025 target and why."""
    name, target = row["name_vi"], row["target_text_vi"]
    est = ", ước tính" if row.get("obs_status") == "estimate" else ""
    label = progress.category_label(row["code"]).split(" ", 1)[1].lower()
    if row["value"] is None:
        return f"{name}: chưa có số liệu nào đến năm {report_year}, nên không đủ dữ liệu để so với mức {target}."
    if row["target_type"] == "rate":
        text = f"{name}: {row['observed_span_vi'].replace(', báo cáo nêu', '')} là {row['value_text_vi']}/năm"
        if row["remaining_rate"] is not None:
            text += (
                f"; để bình quân cả nhiệm kỳ đạt {format_value(row['bound'], 'percent')}/năm (mục tiêu {target}), "
                f"các năm còn lại cần {format_pace(row['remaining_rate'])}"
            )
        else:
            text += f", so với mục tiêu {target}"
        return text + f", tỷ số {row['ratio_text_vi']}: {label}."
    if row["target_type"] == "annual":
        head = f"{name}: {row['year_values_vi']}, so với mục tiêu {target}"
    else:
        head = (
            f"{name}: {row['value_text_vi']} ({row['period_vi']}{est}), so với mục tiêu {target} vào năm {TARGET_YEAR}"
        )
    if row["code"] == "achieved":
        tail = ": đã đạt"
        if row["observed"] is not None and row["observed"] * (1 if row["higher_is_better"] is not False else -1) < 0:
            tail += f", dù chiều hướng đang đi xuống ({row['observed_text_vi']}, {row['observed_span_vi']})"
        return head + tail + "."
    if row["code"] == "no_data":
        if row["required"] is not None:
            return (
                f"{head}: cần {row['required_text_vi']} từ nay, nhưng báo cáo chỉ có một số liệu nên "
                f"không đủ dữ liệu để tính nhịp đã qua."
            )
        return f"{head}: không đủ dữ liệu để tính nhịp."
    return (
        f"{head}: nhịp đã qua {row['observed_text_vi']} ({row['observed_span_vi']}), nhịp cần từ nay "
        f"{row['required_text_vi']}, tỷ số {row['ratio_text_vi']}: {label}."
    )


def category_counts(table: pd.DataFrame) -> dict[str, int]:
    """How many targets fall in each category (every category present, zeros included)."""
    counts = table["code"].value_counts()
    return {code: int(counts.get(code, 0)) for code in progress.CATEGORY_LABELS}


def display_table(table: pd.DataFrame) -> pd.DataFrame:
    """The progress table as display strings for :func:`chitieu.book.tables.show_table` (value with its period
    and status, observed pace with what it is computed on)."""
    est = table["obs_status"].map({"estimate": ", ước tính"}).fillna("")
    value = [v if p == MISSING else f"{v} ({p}{e})" for v, p, e in zip(table["value_text_vi"], table["period_vi"], est)]
    observed = [
        o if s == MISSING else f"{o} ({s})" for o, s in zip(table["observed_text_vi"], table["observed_span_vi"])
    ]
    return pd.DataFrame(
        {
            "name": table["name_vi"],
            "target": table["target_text_vi"],
            "value": value,
            "observed": observed,
            "required": table["required_text_vi"],
            "ratio": table["ratio_text_vi"],
            "label": table["label"],
            "refs": table["target_refs_vi"],
        },
        index=table.index,
    )


DISPLAY_COLUMNS = {
    "name": "Chỉ tiêu",
    "target": "Mục tiêu 2025",
    "value": "Giá trị mới nhất",
    "observed": "Nhịp đã qua",
    "required": "Nhịp cần từ nay",
    "ratio": "Tỷ số R",
    "label": "Đánh giá",
    "refs": "Nguồn mục tiêu",
}

RATIO_AXIS_MAX = 3.0
"""Bars longer than this are drawn to the edge (their label gives the true ratio)."""


def chart_frame(table: pd.DataFrame) -> pd.DataFrame:
    """Rows of the progress chart: ratio clipped to :data:`RATIO_AXIS_MAX`, labels and tooltip texts."""
    out = pd.DataFrame(
        {
            "name_vi": table["name_vi"],
            "ratio_plot": [None if r is None or pd.isna(r) else min(float(r), RATIO_AXIS_MAX) for r in table["ratio"]],
            "label": table["label"],
            "text": [
                (f"R = {r} · {lab}" if r != MISSING else lab) for r, lab in zip(table["ratio_text_vi"], table["label"])
            ],
            "value_text_vi": table["value_text_vi"],
            "period_vi": table["period_vi"],
            "obs_status_vi": table["obs_status_vi"],
            "source_ref_vi": table["source_ref_vi"],
            "target_text_vi": table["target_text_vi"],
            "observed_text_vi": table["observed_text_vi"],
            "required_text_vi": table["required_text_vi"],
            "ratio_text_vi": table["ratio_text_vi"],
            "estimate": table["obs_status"].map({"estimate": "Ước tính"}).fillna("Thực hiện"),
            "order": range(len(table)),
        }
    )
    out["text_x"] = out["ratio_plot"].fillna(0.0)
    return out


def progress_chart(table: pd.DataFrame):
    """Ratio of observed to required pace per target, a reference line at 1 (and the 0,6 / 0,95
    thresholds), the category as colour *and* as icon + word beside each bar."""
    import altair as alt

    data = chart_frame(table)
    domain = [progress.category_label(c) for c in progress.CATEGORY_LABELS]
    colours = list(progress.CATEGORY_COLOURS.values())
    y = alt.Y("name_vi:N", title=None, sort=list(data["name_vi"]), axis=alt.Axis(labelLimit=300))
    tooltip = [
        alt.Tooltip("name_vi:N", title="Chỉ tiêu"),
        alt.Tooltip("value_text_vi:N", title="Giá trị mới nhất"),
        alt.Tooltip("period_vi:N", title="Kỳ"),
        alt.Tooltip("obs_status_vi:N", title="Trạng thái số liệu"),
        alt.Tooltip("source_ref_vi:N", title="Nguồn"),
        alt.Tooltip("target_text_vi:N", title="Mục tiêu 2025"),
        alt.Tooltip("observed_text_vi:N", title="Nhịp đã qua"),
        alt.Tooltip("required_text_vi:N", title="Nhịp cần từ nay"),
        alt.Tooltip("ratio_text_vi:N", title="Tỷ số R"),
        alt.Tooltip("label:N", title="Đánh giá"),
    ]
    base = alt.Chart(data)
    bars = base.mark_bar(stroke="#333333", strokeWidth=1, height=14).encode(
        y=y,
        x=alt.X(
            "ratio_plot:Q",
            title="Tỷ số R = nhịp đã qua / nhịp cần (1 = vừa đủ)",
            scale=alt.Scale(domain=[min(0.0, float(data["ratio_plot"].min() or 0.0)), RATIO_AXIS_MAX]),
            axis=alt.Axis(format=",.2~f", values=[0, progress.SLOW_RATIO, progress.ON_TRACK_RATIO, 1.5, 2, 2.5, 3]),
        ),
        color=alt.Color(
            "label:N",
            title="Đánh giá",
            scale=alt.Scale(domain=domain, range=colours),
            legend=alt.Legend(columns=2, labelLimit=320, orient="bottom"),
        ),
        opacity=alt.Opacity(
            "estimate:N", title="Giá trị mới nhất", scale=alt.Scale(domain=["Thực hiện", "Ước tính"], range=[1.0, 0.5])
        ),
        strokeDash=alt.StrokeDash(
            "estimate:N", scale=alt.Scale(domain=["Thực hiện", "Ước tính"], range=[[1, 0], [4, 2]]), legend=None
        ),
        tooltip=tooltip,
    )
    text = base.mark_text(align="left", dx=5, fontSize=11).encode(y=y, x="text_x:Q", text="text:N", tooltip=tooltip)
    one = alt.Chart(pd.DataFrame({"x": [1.0]})).mark_rule(color="#000000", strokeWidth=1.5).encode(x="x:Q")
    thresholds = (
        alt.Chart(pd.DataFrame({"x": [progress.SLOW_RATIO, progress.ON_TRACK_RATIO]}))
        .mark_rule(color="#777777", strokeDash=[3, 3])
        .encode(x="x:Q")
    )
    return alt.layer(thresholds, one, bars, text).properties(width=300, height=alt.Step(26))


def chart_table(table: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """The text-only table alternative of the progress chart."""
    cols = {"name": "Chỉ tiêu", "ratio": "Tỷ số R", "label": "Đánh giá", "value": "Giá trị mới nhất"}
    frame = display_table(table)[list(cols)]
    return frame, cols


# --- Limitations (P1:B2.I) and Part Two ---------------------------------------------------------------


def revenue_series(ds: Dataset, report_year: int) -> dict[str, pd.DataFrame]:
    """Yearly budget revenue on the area, of the town, and land-use revenue (limitation at P1:B2.I.1)."""
    return {
        iid: chapter.series(ds, iid, report_year)
        for iid in ("budget_revenue_area", "budget_revenue_town", "land_use_revenue")
    }


def cluster_plans(ds: Dataset) -> pd.DataFrame:
    """The industrial clusters Part Two (P2:III.1) proposes, with their planned hectares (plans stated in the
    mid-2023 report, so shown whatever the report year), largest first."""
    ids = chapter.parts_of(ds, "industrial_cluster_planned_area", "cluster")
    obs = ds.observations[ds.observations["indicator_id"].isin(ids) & (ds.observations["status"] == "plan")]
    out = chapter.enrich(ds, obs)
    out["cluster_vi"] = (
        out["name_vi"]
        .str.replace("Diện tích cụm công nghiệp ", "", regex=False)
        .str.replace(" đề nghị bổ sung quy hoạch", "", regex=False)
    )
    return out.sort_values("value", ascending=False, kind="stable")


def total_area(frame: pd.DataFrame) -> float:
    """Sum of the hectares in ``frame`` (e.g. 35 + 24,3 + 58 + 75 = 192,3 ha for the proposed clusters)."""
    return float(frame["value"].sum())


def months_in(period: str) -> int:
    """Months covered by a part-year period ``YYYY-MM/YYYY-MM`` (same year): ``"2023-01/2023-05"`` → 5."""
    m = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", period)
    if m is None or m[1] != m[3]:
        raise ValueError(f"not a part of one year: {period!r}")
    return int(m[4]) - int(m[2]) + 1


def months_left_need(annual_target: float, so_far: float) -> float:
    """How many more admissions a year still needs: ``annual_target − so_far`` (never below 0)."""
    return max(annual_target - so_far, 0.0)


def resolution_structure(ds: Dataset) -> pd.DataFrame:
    """The resolution's task and solution groups (P2 introduction), enriched. They describe the 2020–2025
    resolution itself, so they are shown whatever the report year."""
    obs = ds.observations[
        ds.observations["indicator_id"].isin(["resolution_task_groups", "resolution_solution_groups"])
    ]
    return chapter.enrich(ds, obs)


def sentences_html(sentences: list[str]) -> str:
    """A bulleted list of computed sentences (escaped)."""
    items = "".join(f"<li>{html.escape(s)}</li>" for s in sentences)
    return f'<ul class="chitieu-list">{items}</ul>'


def limitation_facts(ds: Dataset, report_year: int) -> dict:
    """The figures that bear on the limitations the report lists (P1:B2.I), as texts, plus ``obs_ids``.

    Keys: ``budget_growth`` (the average growth of budget revenue), ``budget_target``, ``revenue_area``,
    ``revenue_town``, ``land_use`` (yearly series in words), ``land_falls`` ("có"/"không" whether land-use
    revenue falls over its series), ``schools_now``, ``schools_needed`` (how many more schools the 90%
    target needs), ``discipline_total``, ``admissions_years``.
    """
    ids: list[str] = []
    out: dict = {}
    growth = chapter.latest(ds, "budget_revenue_growth_avg", report_year)
    out["budget_growth"] = chapter.value_text(growth, report_year) + ("/năm" if growth is not None else "")
    if growth is not None:
        ids.append(growth["obs_id"])
    tgt = ds.targets[ds.targets["indicator_id"] == "budget_revenue_growth_avg"].iloc[0]
    out["budget_target"] = format_target(tgt["kind"], tgt["low"], tgt["high"], "percent") + "/năm"
    for key, frame in zip(("revenue_area", "revenue_town", "land_use"), revenue_series(ds, report_year).values()):
        out[key] = chapter.series_text(frame, report_year)
        ids += list(frame["obs_id"])
    land = revenue_series(ds, report_year)["land_use_revenue"]
    out["land_falls"] = bool(len(land) >= 2 and land["value"].iloc[-1] < land["value"].iloc[0])
    std = chapter.latest(ds, "schools_national_standard", report_year)
    total = chapter.latest(ds, "schools_total", report_year)
    school_target = ds.targets[ds.targets["indicator_id"] == "schools_national_standard_rate"].iloc[0]
    if std is not None and total is not None:
        ids += [std["obs_id"], total["obs_id"]]
        out["schools_now"] = f"{format_vn(std['value'])}/{format_vn(total['value'])} trường ({std['period_vi']})"
        out["schools_needed"] = format_vn(
            max(count_needed(total["value"], float(school_target["low"])) - int(std["value"]), 0)
        )
        out["schools_target"] = format_value(float(school_target["low"]), "percent")
    else:
        out["schools_now"] = out["schools_needed"] = chapter.missing_text(report_year)
        out["schools_target"] = format_value(float(school_target["low"]), "percent")
    disc = chapter.latest(ds, "discipline_members", report_year)
    out["discipline_total"] = chapter.value_text(disc, report_year, with_period=True)
    if disc is not None:
        ids.append(disc["obs_id"])
    adm = _full_years(ds, "party_admissions", report_year)
    out["admissions_years"] = chapter.series_text(adm, report_year)
    ids += list(adm["obs_id"])
    out["obs_ids"] = ids
    return out


def part_two_facts(ds: Dataset, report_year: int) -> dict:
    """Figures of Part Two (tasks to 2025) as texts, plus ``obs_ids``.

    Keys: ``task_groups``, ``solution_groups``, ``clusters`` (list of proposed clusters with hectares),
    ``clusters_total`` (Σ ha), ``binh_thanh`` (the cluster already planned in detail), ``admissions_2023``
    (what the first five months of 2023 leave to do for the yearly minimum; empty before 2023),
    ``ntm_now`` (communes meeting the new-rural standard "now", second statement).
    """
    ids: list[str] = []
    out: dict = {}
    groups = resolution_structure(ds)
    for key, iid in (("task_groups", "resolution_task_groups"), ("solution_groups", "resolution_solution_groups")):
        rows = groups[groups["indicator_id"] == iid]
        out[key] = format_vn(rows["value"].iloc[0])
        ids.append(rows["obs_id"].iloc[0])
    clusters = cluster_plans(ds)
    out["clusters"] = join_vi([f"{r.cluster_vi} ({r.value_text_vi})" for r in clusters.itertuples()])
    out["clusters_total"] = format_value(total_area(clusters), "ha")
    ids += list(clusters["obs_id"])
    bt = chapter.by_locality(ds, "industrial_cluster_planned_area__cluster__binh_thanh", report_year)
    out["binh_thanh"] = bt["value_text_vi"].iloc[0] if not bt.empty else chapter.missing_text(report_year)
    ids += list(bt["obs_id"])
    period = f"{report_year}-01/{report_year}-05"
    all_five = statements_of(ds, "party_admissions", period)
    tgt = ds.targets[ds.targets["indicator_id"] == "party_admissions_per_year"].iloc[0]
    if not all_five.empty:
        months_left = format_vn(12 - months_in(period))
        needs = join_vi([format_vn(months_left_need(float(tgt["low"]), v)) for v in all_five["value"]])
        values = join_vi([format_vn(v) for v in all_five["value"]])
        twice = " (hai chỗ trong báo cáo ghi khác nhau)" if len(all_five) > 1 else ""
        out["admissions_2023"] = (
            f"Từ {format_period(period).replace('–', ' đến ')}, báo cáo ghi {values.replace(' và ', ' hoặc ')} "
            f"đảng viên mới{twice}; để đạt mức tối thiểu {format_vn(tgt['low'])} đảng viên của cả năm, "
            f"{months_left} tháng còn lại cần kết nạp thêm {needs.replace(' và ', ' hoặc ')} đảng viên."
        )
        ids += list(all_five["obs_id"])
    else:
        out["admissions_2023"] = ""
    ntm = statements_of(ds, "ntm_communes", str(report_year))
    out["ntm_now"] = (
        join_vi([f"{r.value_text_vi} xã ({r.status_vi})" for r in ntm.itertuples()]) if not ntm.empty else ""
    )
    ids += list(ntm["obs_id"])
    out["obs_ids"] = ids
    return out


def statements_of(ds: Dataset, indicator_id: str, period: str) -> pd.DataFrame:
    """Every whole-town, non-plan statement of one indicator for one exact period, in file order, enriched
    (``status_vi``: "thực hiện"/"ước tính")."""
    obs = ds.observations
    obs = obs[
        (obs["indicator_id"] == indicator_id)
        & (obs["period"] == period)
        & (obs["locality"] == "")
        & (obs["status"] != "plan")
    ]
    out = chapter.enrich(ds, obs)
    return out.assign(status_vi=out["obs_status_vi"]) if not out.empty else out.assign(status_vi=pd.Series(dtype=str))


def second_values(ds: Dataset, indicator_id: str, report_year: int) -> list[dict]:
    """Where the report states a figure of ``indicator_id`` twice with different values (up to
    ``report_year``): ``[{"period_vi", "first", "second", "ids"}]``."""
    obs = ds.observations
    obs = obs[(obs["indicator_id"] == indicator_id) & (obs["end_year"] <= report_year) & (obs["locality"] == "")]
    out = []
    for period, group in obs.groupby("period", sort=False):
        if group["value"].nunique() > 1:
            rows = chapter.enrich(ds, group)
            out.append(
                {
                    "period_vi": format_period(period),
                    "first": rows["value_text_vi"].iloc[0],
                    "second": rows["value_text_vi"].iloc[1],
                    "ids": list(rows["obs_id"]),
                }
            )
    return out


def twice_text(items: list[dict]) -> str:
    """:func:`second_values` in words: ``"năm 2022: 73,68% rồi 71,05%; …"`` (first statement first)."""
    if not items:
        return "không có"
    return "; ".join(f"năm {d['period_vi']}: {d['first']} ở chỗ nêu trước, {d['second']} ở chỗ nêu sau" for d in items)
