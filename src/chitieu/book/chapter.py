"""What a chapter needs from the data: its figures as of a report year, with display texts.

Every chapter notebook calls these instead of filtering tables itself, so the rules (which year, which
locality, which statement when the report says it twice) live in one place. The second half holds what
every chapter's prose shares: single observations as of a year (:func:`obs_as_of`, :func:`rows_as_of`),
the ids a chapter cites (:class:`Text`, :func:`used_ids`, :func:`figure_ids`), targets in words, and the
texts shown when a year has no figure (:func:`missing_text`, :func:`no_data`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from chitieu.analysis.selection import indicator_rows, latest_observation, observations_up_to
from chitieu.book.fmt import (
    WHOLE_AREA_VI,
    format_observation,
    format_period,
    format_source_ref,
    format_status,
    format_target,
    join_vi,
)
from chitieu.book.reporttext.links import obs_report_href
from chitieu.data.load import Dataset
from chitieu.data.vnnum import format_vn

DISPLAY_FIELDS = ("name_vi", "unit", "value_text_vi", "period_vi", "obs_status_vi", "source_ref_vi", "locality_vi")


def enrich(ds: Dataset, obs: pd.DataFrame) -> pd.DataFrame:
    """Add the indicator's name and unit and the Vietnamese display texts to observation rows.

    Added columns: ``name_vi, unit, chapter, value_text_vi, period_vi, obs_status_vi, source_ref_vi,
    locality_vi, member, report_href`` (``member``: the last part of a breakdown id, e.g. ``primary``;
    ``report_href``: the link to the number in the report's text, :mod:`chitieu.book.reporttext`, for the
    charts' ``href``).
    """
    if obs.empty:
        return obs.assign(**{col: pd.Series(dtype=str) for col in DISPLAY_FIELDS}, chapter=pd.Series(dtype=str))
    ind = ds.indicators  # indexed by indicator_id (chitieu.data.load)
    out = obs.copy()
    out["name_vi"] = out["indicator_id"].map(ind["name_vi"])
    out["unit"] = out["indicator_id"].map(ind["unit"])
    out["chapter"] = out["indicator_id"].map(ind["chapter"])
    out["value_text_vi"] = [format_observation(r.value, r.unit, r.qualifier, int(r.decimals)) for r in out.itertuples()]
    out["period_vi"] = out["period"].map(format_period)
    out["obs_status_vi"] = out["status"].map(format_status)
    out["source_ref_vi"] = out["source_ref"].map(format_source_ref)
    out["locality_vi"] = out["locality"].replace("", WHOLE_AREA_VI)
    out["member"] = out["indicator_id"].map(lambda i: i.rsplit("__", 1)[-1] if "__" in i else "")
    out["report_href"] = [obs_report_href(ds, oid) for oid in out["obs_id"]]
    return out


def rows_of(ds: Dataset, indicator_id: str) -> pd.DataFrame:
    """Every observation row of one indicator, in file order.

    Found through :func:`chitieu.analysis.selection.indicator_rows`.
    """
    positions = indicator_rows(ds.observations).get(indicator_id)
    return ds.observations.iloc[positions if positions is not None else []]


def chapter_observations(ds: Dataset, chapter: str, report_year: int) -> pd.DataFrame:
    """Every observation of the chapter's indicators whose period ends by ``report_year``, enriched."""
    ids = ds.indicators.index[ds.indicators["chapter"] == chapter]
    obs = observations_up_to(ds.observations, report_year)
    return enrich(ds, obs[obs["indicator_id"].isin(ids)])


def latest(ds: Dataset, indicator_id: str, report_year: int) -> pd.Series | None:
    """The headline figure of one indicator as of ``report_year``, enriched.

    The rule is :func:`chitieu.analysis.selection.latest_observation`.
    """
    row = latest_observation(ds.observations, indicator_id, report_year)
    if row is None:
        return None
    return enrich_row(ds, row)


def enrich_row(ds: Dataset, row: pd.Series) -> pd.Series:
    """:func:`enrich` for one observation row, without building a one-row table (chapters call it often)."""
    iid = row["indicator_id"]
    ind = ds.indicators
    # numpy scalars, as a row of the enriched table would hold them
    value, decimals, unit = np.float64(row["value"]), np.int64(row["decimals"]), ind.at[iid, "unit"]
    values = {
        **dict(zip(row.index, row.to_numpy())),
        "value": value,
        "decimals": decimals,
        "name_vi": ind.at[iid, "name_vi"],
        "unit": unit,
        "chapter": ind.at[iid, "chapter"],
        "value_text_vi": format_observation(value, unit, row["qualifier"], int(decimals)),
        "period_vi": format_period(row["period"]),
        "obs_status_vi": format_status(row["status"]),
        "source_ref_vi": format_source_ref(row["source_ref"]),
        "locality_vi": row["locality"] if row["locality"] != "" else WHOLE_AREA_VI,
        "member": iid.rsplit("__", 1)[-1] if "__" in iid else "",
        "report_href": obs_report_href(ds, row["obs_id"]),
    }
    return pd.Series(values, name=row.name, dtype=object)


def latest_many(ds: Dataset, indicator_ids: list[str], report_year: int) -> pd.DataFrame:
    """Headline figures of several indicators (those without data for the year are left out), enriched."""
    rows = [latest_observation(ds.observations, iid, report_year) for iid in indicator_ids]
    rows = [r for r in rows if r is not None]
    if not rows:
        return enrich(ds, ds.observations.iloc[0:0])
    frame = pd.DataFrame(rows).astype({"value": float, "decimals": int})
    return enrich(ds, frame)


def parts_of(ds: Dataset, parent_id: str, dimension: str | None = None) -> list[str]:
    """Indicator ids of a breakdown: ``<parent>__<dimension>__<member>`` (optionally one dimension)."""
    prefix = f"{parent_id}__" + (f"{dimension}__" if dimension else "")
    return [iid for iid in ds.indicators.index if iid.startswith(prefix)]


def breakdown(
    ds: Dataset,
    parent_id: str,
    report_year: int,
    dimension: str | None = None,
    labels: dict[str, str] | None = None,
    column: str = "label",
) -> pd.DataFrame:
    """The latest figure of each part of a breakdown as of ``report_year``, largest first.

    ``labels`` (member → short Vietnamese label, e.g. ``{"gold": "Huy chương vàng"}``) fills ``column`` for
    chart axes; the column is there even when the year has no figure.
    """
    frame = latest_many(ds, parts_of(ds, parent_id, dimension), report_year)
    if labels is not None:
        frame = frame.assign(**{column: frame["member"].map(labels) if not frame.empty else pd.Series(dtype=str)})
    return frame.sort_values("value", ascending=False, kind="stable") if not frame.empty else frame


def first_statements(obs: pd.DataFrame) -> pd.DataFrame:
    """One row per quantity: where the report states the same thing twice, the first statement.

    The other statements stay in the data and the audit chapter compares them; a chart shows one. A
    statement rejected in ``data/corrections.csv`` gives way to the one chosen there.
    """
    if "rejected" in obs:
        obs = obs[~obs["rejected"]]
    keys = ["indicator_id", "period", "locality", "status", "qualifier"]
    return obs.drop_duplicates(subset=keys, keep="first")


def series(
    ds: Dataset, indicator_id: str, report_year: int, locality: str = "", single_years: bool = True
) -> pd.DataFrame:
    """Figures of one indicator up to ``report_year`` for one locality (default whole town), in time order.

    ``single_years`` keeps only periods within one year (a year or part of one), so that a term total is
    not drawn as if it were one more year.
    """
    obs = observations_up_to(rows_of(ds, indicator_id), report_year)
    obs = obs[(obs["locality"] == locality) & (obs["status"] != "plan")]
    if single_years:
        obs = obs[obs["start_year"] == obs["end_year"]]
    obs = first_statements(obs).sort_values(["start_year", "end_year", "period"], kind="stable")
    return enrich(ds, obs)


def by_locality(ds: Dataset, indicator_id: str, report_year: int) -> pd.DataFrame:
    """Figures of one indicator per ward/commune up to ``report_year`` (latest per locality), largest first."""
    obs = observations_up_to(rows_of(ds, indicator_id), report_year)
    obs = first_statements(obs[obs["locality"] != ""])
    obs = obs.sort_values("end_year", kind="stable").groupby("locality", sort=False).tail(1)
    return enrich(ds, obs).sort_values("value", ascending=False, kind="stable")


# ---------------------------------------------------------------------------------------------------
# Single observations and the ids a chapter cites
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A sentence (or paragraph) for the prose and the ids of the observations it cites."""

    text: str
    obs_ids: tuple[str, ...] = ()

    def __add__(self, other: Text) -> Text:
        joined = " ".join(t for t in (self.text, other.text) if t)
        return Text(joined, self.obs_ids + other.obs_ids)


EMPTY = Text("")


def obs_as_of(ds: Dataset, obs_id: str, report_year: int) -> pd.Series | None:
    """One observation, enriched, if its period ends by ``report_year`` (else None).

    Raises
    ------
    KeyError
        If ``obs_id`` is not in the data (a chapter must not cite a figure that does not exist).
    """
    if obs_id not in ds.observations.index:
        raise KeyError(f"observation not in data: {obs_id}")
    if ds.observations.at[obs_id, "end_year"] > report_year:
        return None
    return enrich(ds, ds.observations.loc[[obs_id]].astype({"value": float, "decimals": int})).iloc[0]


def rows_as_of(
    ds: Dataset, obs_ids: Iterable[str], report_year: int, labels: dict[str, str] | None = None
) -> pd.DataFrame:
    """The observations ``obs_ids`` known by ``report_year``, enriched, in the given order.

    ``labels`` (obs_id → short Vietnamese label) fills a ``label`` column for chart axes (default: the
    indicator's name).

    Raises
    ------
    KeyError
        If an id is not in the data.
    """
    ids = list(obs_ids)
    missing = [oid for oid in ids if oid not in ds.observations.index]
    if missing:
        raise KeyError(f"observation not in data: {missing[0]}")
    # One selection and one enrich for all rows (row by row it grew with the size of the data).
    frame = ds.observations.loc[ids]
    frame = frame[frame["end_year"] <= report_year]
    if frame.empty:
        return enrich(ds, ds.observations.iloc[0:0]).assign(label=pd.Series(dtype=str))
    frame = enrich(ds, frame.astype({"value": float, "decimals": int}))
    frame["label"] = [(labels or {}).get(oid, name) for oid, name in zip(frame["obs_id"], frame["name_vi"])]
    return frame


def used_ids(*items) -> list[str]:
    """Every observation id cited by ``items`` (:class:`Text`, observation rows, a row, a list of ids, an id),
    in order and without repeats.

    None items are skipped, so an optional figure can be passed as it is.
    """
    out: list[str] = []
    seen: set[str] = set()
    for item in items:
        if item is None:
            continue
        if isinstance(item, Text):
            ids = list(item.obs_ids)
        elif isinstance(item, pd.DataFrame):
            ids = list(item["obs_id"]) if "obs_id" in item else []
        elif isinstance(item, pd.Series):
            ids = [item["obs_id"]]
        elif isinstance(item, (list, tuple)):
            ids = [str(i) for i in item]
        else:
            ids = [str(item)]
        for i in ids:
            if i not in seen:
                seen.add(i)
                out.append(i)
    return out


def figure_ids(ds: Dataset, chapter: str, report_year: int, extra: Iterable[str] = ()) -> list[str]:
    """Every observation a chapter cites: all of its indicators' figures up to ``report_year``, plus the
    headline figure (:func:`latest`) of each ``extra`` indicator (figures of other chapters its prose uses)."""
    return used_ids(chapter_observations(ds, chapter, report_year), *(latest(ds, iid, report_year) for iid in extra))


def parts_total(frame: pd.DataFrame) -> float:
    """Sum of the ``value`` column of observation rows (e.g. the parts of a breakdown): ``Σ partᵢ``."""
    return float(frame["value"].sum())


# ---------------------------------------------------------------------------------------------------
# Targets
# ---------------------------------------------------------------------------------------------------


def target_of(ds: Dataset, indicator_id: str) -> pd.Series | None:
    """The last target of an indicator (``data/targets.csv``, by target year), or None."""
    rows = ds.targets[ds.targets["indicator_id"] == indicator_id].sort_values("target_year", kind="stable")
    return None if rows.empty else rows.iloc[-1]


def target_text(ds: Dataset, indicator_id: str, with_year: bool = False) -> str:
    """The target of :func:`target_of` in words (``"14–15%"``; ``with_year``: ``"từ 80% trở lên (đến 2025)"``),
    or an empty string when the report states none."""
    t = target_of(ds, indicator_id)
    if t is None:
        return ""
    unit = ds.indicators.loc[indicator_id, "unit"]
    low = None if pd.isna(t["low"]) else float(t["low"])
    high = None if pd.isna(t["high"]) else float(t["high"])
    text = format_target(t["kind"], low, high, unit)
    return f"{text} (đến {int(t['target_year'])})" if with_year else text


def compare_to_target(
    value: float, low: float | None, high: float | None, target: str, unit_text: str = "điểm phần trăm"
) -> str:
    """Where a value stands against a target range, in words.

    Below ``low``: ``"thấp hơn 0,3 điểm phần trăm so với cận dưới của mức 14–15%"``; above ``high``: ``"cao hơn
    … so với cận trên của mức …"``; otherwise ``"nằm trong mức …"``. The gap is ``|value − bound|``.
    """
    if low is not None and value < low:
        return f"thấp hơn {format_vn(low - value, 1)} {unit_text} so với cận dưới của mức {target}"
    if high is not None and value > high:
        return f"cao hơn {format_vn(value - high, 1)} {unit_text} so với cận trên của mức {target}"
    return f"nằm trong mức {target}"


# ---------------------------------------------------------------------------------------------------
# Texts as of a report year
# ---------------------------------------------------------------------------------------------------


AT_REPORT_DATE = "tại thời điểm giữa năm 2023"
"""When the report dates most of its "đến nay" figures (it was written in mid-2023)."""


def missing_text(report_year: int) -> str:
    """What the page says in place of a figure the report does not give up to ``report_year``."""
    return f"không có số liệu đến năm {report_year}"


def value_text(row: pd.Series | None, report_year: int, with_period: bool = False) -> str:
    """A figure as readers see it (``"2.795 đảng viên"``; ``with_period``: ``"8,5% (2021–2023, ước tính)"``),
    or :func:`missing_text` when ``row`` is None."""
    if row is None:
        return missing_text(report_year)
    if not with_period:
        return row["value_text_vi"]
    est = ", ước tính" if row["status"] == "estimate" else ""
    return f"{row['value_text_vi']} ({row['period_vi']}{est})"


def latest_text(ds: Dataset, indicator_id: str, report_year: int, with_period: bool = False) -> str:
    """The headline figure of an indicator (:func:`latest`) as text, or :func:`missing_text`."""
    return value_text(latest(ds, indicator_id, report_year), report_year, with_period)


def series_text(frame: pd.DataFrame, report_year: int) -> str:
    """A series in words, value then period: ``"500 tỷ đồng (2021), 541 tỷ đồng (2022) và 215 tỷ đồng (2023,
    ước tính)"``; :func:`missing_text` when ``frame`` is empty."""
    if frame.empty:
        return missing_text(report_year)
    return join_vi([value_text(r, report_year, with_period=True) for _, r in frame.iterrows()])


def no_data(what: str, report_year: int, when: str | None = None) -> Text:
    """The sentence shown in place of figures not known in ``report_year``.

    ``what`` names the figures (``"thu ngân sách"``). With ``when`` (the time the report dates them, e.g.
    :data:`AT_REPORT_DATE` or ``"cho cả giai đoạn 2021–2023"``) the sentence says why they are missing.
    """
    if when is None:
        return Text(f"Tính đến năm {report_year}, báo cáo chưa có số liệu về {what}.")
    return Text(
        f"Báo cáo chỉ nêu {what} {when}, nên khi xem số liệu đến năm {report_year}, phần này chưa có con số nào."
    )


def verb(row: pd.Series, actual: str = "đạt", estimate: str = "ước đạt") -> str:
    """The verb the report would use for a figure: ``estimate`` for an estimate, ``actual`` for a result."""
    return estimate if row["status"] == "estimate" else actual


def estimate_note(row: pd.Series | None) -> str:
    """``" (ước tính)"`` after a figure the report gives as an estimate ("ước", "dự kiến"), else ``""``."""
    return " (ước tính)" if row is not None and row["status"] == "estimate" else ""


def latest_labelled(
    ds: Dataset, labels: dict[str, str], report_year: int, *, column: str = "label_vi", largest_first: bool = True
) -> pd.DataFrame:
    """Headline figures (:func:`latest_many`) of the indicators keyed in ``labels``, with their short label in
    ``column``; largest first, or in the order of ``labels`` (``largest_first=False``)."""
    frame = latest_many(ds, list(labels), report_year)
    if frame.empty:
        return frame.assign(**{column: pd.Series(dtype=str)})
    frame = frame.assign(**{column: frame["indicator_id"].map(labels)})
    return frame.sort_values("value", ascending=False, kind="stable") if largest_first else frame


def summary_sentence(bits: list[str], obs_ids: Iterable[str], report_year: int, what: str, sep: str = ":") -> Text:
    """A chapter's opening sentence as of ``report_year``: ``"Tính đến năm 2023: a, b và c."`` (``sep`` after the
    year), citing ``obs_ids``; when there are no ``bits``, that the report gives no figure about ``what``."""
    if not bits:
        return Text(f"Tính đến năm {report_year}, báo cáo chưa nêu số liệu {what}.")
    return Text(f"Tính đến năm {report_year}{sep} {join_vi(bits)}.", tuple(obs_ids))
