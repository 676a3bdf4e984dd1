"""What a chapter needs from the data: its figures as of a report year, with display texts.

Every chapter notebook calls these instead of filtering tables itself, so the rules (which year, which
locality, which statement when the report says it twice) live in one place.
"""

from __future__ import annotations

import pandas as pd

from chitieu.fmt import format_observation, format_period, format_source_ref, format_status
from chitieu.load import Dataset
from chitieu.selection import latest_observation, observations_up_to

DISPLAY_FIELDS = ("name_vi", "unit", "value_text_vi", "period_vi", "obs_status_vi", "source_ref_vi", "locality_vi")


def enrich(ds: Dataset, obs: pd.DataFrame) -> pd.DataFrame:
    """Add the indicator's name and unit and the Vietnamese display texts to observation rows.

    Added columns: ``name_vi, unit, chapter, value_text_vi, period_vi, obs_status_vi, source_ref_vi,
    locality_vi, member`` (``member``: the last part of a breakdown id, e.g. ``primary``).
    """
    if obs.empty:
        return obs.assign(**{col: pd.Series(dtype=str) for col in DISPLAY_FIELDS}, chapter=pd.Series(dtype=str))
    ind = ds.indicators.set_index("indicator_id", drop=False)
    out = obs.copy()
    out["name_vi"] = out["indicator_id"].map(ind["name_vi"])
    out["unit"] = out["indicator_id"].map(ind["unit"])
    out["chapter"] = out["indicator_id"].map(ind["chapter"])
    out["value_text_vi"] = [
        format_observation(r.value, r.unit, r.qualifier, int(r.decimals)) for r in out.itertuples()
    ]
    out["period_vi"] = out["period"].map(format_period)
    out["obs_status_vi"] = out["status"].map(format_status)
    out["source_ref_vi"] = out["source_ref"].map(format_source_ref)
    out["locality_vi"] = out["locality"].replace("", "Toàn thị xã")
    out["member"] = out["indicator_id"].map(lambda i: i.rsplit("__", 1)[-1] if "__" in i else "")
    return out


def chapter_observations(ds: Dataset, chapter: str, report_year: int) -> pd.DataFrame:
    """Every observation of the chapter's indicators whose period ends by ``report_year``, enriched."""
    ids = ds.indicators.index[ds.indicators["chapter"] == chapter]
    obs = observations_up_to(ds.observations, report_year)
    return enrich(ds, obs[obs["indicator_id"].isin(ids)])


def latest(ds: Dataset, indicator_id: str, report_year: int) -> pd.Series | None:
    """The headline figure of one indicator as of ``report_year`` (see :func:`chitieu.selection.latest_observation`), enriched."""
    row = latest_observation(ds.observations, indicator_id, report_year)
    if row is None:
        return None
    return enrich(ds, row.to_frame().T.astype({"value": float, "decimals": int})).iloc[0]


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


def breakdown(ds: Dataset, parent_id: str, report_year: int, dimension: str | None = None) -> pd.DataFrame:
    """The latest figure of each part of a breakdown as of ``report_year``, largest first."""
    frame = latest_many(ds, parts_of(ds, parent_id, dimension), report_year)
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
    obs = observations_up_to(ds.observations, report_year)
    obs = obs[(obs["indicator_id"] == indicator_id) & (obs["locality"] == locality) & (obs["status"] != "plan")]
    if single_years:
        obs = obs[obs["start_year"] == obs["end_year"]]
    obs = first_statements(obs).sort_values(["start_year", "end_year", "period"], kind="stable")
    return enrich(ds, obs)


def by_locality(ds: Dataset, indicator_id: str, report_year: int) -> pd.DataFrame:
    """Figures of one indicator per ward/commune up to ``report_year`` (latest per locality), largest first."""
    obs = observations_up_to(ds.observations, report_year)
    obs = first_statements(obs[(obs["indicator_id"] == indicator_id) & (obs["locality"] != "")])
    obs = obs.sort_values("end_year", kind="stable").groupby("locality", sort=False).tail(1)
    return enrich(ds, obs).sort_values("value", ascending=False, kind="stable")
