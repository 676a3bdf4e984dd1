"""Which figure the book shows for an indicator "as of" a report year."""

from __future__ import annotations

import pandas as pd

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
    if "rejected" in observations:
        observations = observations[~observations["rejected"]]
    obs = observations[
        (observations["indicator_id"] == indicator_id)
        & (observations["locality"] == "")
        & (observations["status"] != "plan")
        & (observations["end_year"] <= report_year)
    ]
    if obs.empty:
        return None
    ranked = obs.assign(
        _span=obs["end_year"] - obs["start_year"],
        _status=obs["status"].map(_STATUS_ORDER),
        _order=range(len(obs)),
    ).sort_values(["end_year", "_span", "_status", "_order"], ascending=[False, False, True, True])
    return ranked.iloc[0].drop(["_span", "_status", "_order"])
