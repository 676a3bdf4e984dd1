"""Which figure the book shows for an indicator "as of" a report year."""

from __future__ import annotations

import pandas as pd

from chitieu.data.tablecache import per_table

_STATUS_ORDER = {"actual": 0, "estimate": 1, "plan": 2}


def observations_up_to(observations: pd.DataFrame, report_year: int) -> pd.DataFrame:
    """Observations whose period ends in or before ``report_year`` (the state of knowledge that year)."""
    return observations[observations["end_year"] <= report_year]


def latest_observation(observations: pd.DataFrame, indicator_id: str, report_year: int) -> pd.Series | None:
    """The headline figure of an indicator as of ``report_year``, whole town, not a plan.

    Rule: the period ending latest (not after ``report_year``); among those the widest period (a
    term-to-date total over a part-year figure); then an actual before an estimate; then the first row
    of the file. Figures rejected in ``data/corrections.csv`` (a contradiction the audit chapter shows)
    are skipped. Returns None when there is no such observation.
    """
    positions = indicator_rows(observations).get(indicator_id)
    if positions is None:
        return None
    candidates = observations.iloc[positions]
    rejected = candidates["rejected"] if "rejected" in candidates else [False] * len(candidates)
    best, best_key = None, None
    for order, (position, locality, status, start, end, skip) in enumerate(
        zip(
            positions,
            candidates["locality"],
            candidates["status"],
            candidates["start_year"],
            candidates["end_year"],
            rejected,
        )
    ):
        if skip or locality != "" or status == "plan" or end > report_year:
            continue
        key = (-end, -(end - start), _STATUS_ORDER[status], order)
        if best_key is None or key < best_key:
            best, best_key = position, key
    return None if best is None else observations.iloc[best]


def headline_figures(observations: pd.DataFrame, report_year: int) -> pd.DataFrame:
    """The headline figure of every (indicator, locality) as of ``report_year``, by the rule of
    :func:`latest_observation` applied to all of them at once (the whole town is locality ``""``).

    One row per pair, in no particular order; rejected figures and plans are skipped.
    """
    obs = observations[(observations["end_year"] <= report_year) & (observations["status"] != "plan")]
    if "rejected" in obs:
        obs = obs[~obs["rejected"]]
    ranked = obs.assign(
        _span=obs["end_year"] - obs["start_year"],
        _status=obs["status"].map(_STATUS_ORDER),
        _order=range(len(obs)),
    ).sort_values(["end_year", "_span", "_status", "_order"], ascending=[False, False, True, True])
    return ranked.drop_duplicates(subset=["indicator_id", "locality"], keep="first").drop(
        columns=["_span", "_status", "_order"]
    )


def indicator_rows(observations: pd.DataFrame) -> dict:
    """Positions (``iloc``) of each indicator's rows in ``observations``, in file order.

    Chapters ask for one indicator hundreds of times; masking the whole table each time grew with the
    data, so the positions are computed once per table (:func:`chitieu.data.tablecache.per_table`).
    """
    return per_table(
        observations, "rows_by_indicator", lambda t: t.groupby("indicator_id", sort=False).indices if len(t) else {}
    )
