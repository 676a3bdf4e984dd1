"""Which figure is "the" figure of an indicator as of a year (chitieu.analysis.selection)."""

from __future__ import annotations

import pandas as pd
import pytest

from chitieu.analysis.selection import _STATUS_ORDER, indicator_rows, latest_observation, observations_up_to


def reference_latest(observations: pd.DataFrame, indicator_id: str, report_year: int) -> pd.Series | None:
    """The rule of latest_observation written the plain way (mask the table, sort): the fast one must agree."""
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
        _span=obs["end_year"] - obs["start_year"], _status=obs["status"].map(_STATUS_ORDER), _order=range(len(obs))
    ).sort_values(["end_year", "_span", "_status", "_order"], ascending=[False, False, True, True])
    return ranked.iloc[0].drop(["_span", "_status", "_order"])


def test_agrees_with_the_plain_rule_on_every_indicator_and_year(ds):
    checked = 0
    for iid in ds.indicators.index:
        for year in range(2019, 2027):
            fast = latest_observation(ds.observations, iid, year)
            plain = reference_latest(ds.observations, iid, year)
            if plain is None:
                assert fast is None, (iid, year)
                continue
            assert fast.name == plain.name, (iid, year)
            pd.testing.assert_series_equal(fast, plain, check_names=True)
            checked += 1
    assert checked > 1000  # real figures, not a vacuous loop


def _obs(rows):
    """SYNTHETIC observations for rule tests."""
    frame = pd.DataFrame(
        rows, columns=["obs_id", "indicator_id", "period", "start_year", "end_year", "locality", "status", "value"]
    )
    return frame.set_index("obs_id", drop=False)


def test_rule_latest_end_then_widest_then_actual_then_first():
    obs = _obs(
        [
            ("a", "x", "2022", 2022, 2022, "", "actual", 1.0),
            ("b", "x", "2023", 2023, 2023, "", "estimate", 2.0),
            ("c", "x", "2021-2023", 2021, 2023, "", "estimate", 3.0),  # wider period ending 2023
            ("d", "x", "2021-2023", 2021, 2023, "", "actual", 4.0),  # same, but actual
            ("e", "x", "2021-2023", 2021, 2023, "", "actual", 5.0),  # same again: the first wins
            ("f", "x", "2024", 2024, 2024, "", "actual", 6.0),  # after the year
            ("g", "x", "2023", 2023, 2023, "Hương Chữ", "actual", 7.0),  # a locality
            ("h", "x", "2023", 2023, 2023, "", "plan", 8.0),  # a plan
            ("i", "y", "2023", 2023, 2023, "", "actual", 9.0),  # another indicator
        ]
    )
    assert latest_observation(obs, "x", 2023)["obs_id"] == "d"
    assert latest_observation(obs, "x", 2022)["obs_id"] == "a"
    assert latest_observation(obs, "x", 2024)["obs_id"] == "f"
    assert latest_observation(obs, "x", 2021) is None
    assert latest_observation(obs, "z", 2023) is None
    rejected = obs.assign(rejected=obs["obs_id"].isin(["d"]))
    assert latest_observation(rejected, "x", 2023)["obs_id"] == "e"


def test_row_index_follows_a_new_or_grown_table():
    obs = _obs([("a", "x", "2022", 2022, 2022, "", "actual", 1.0)])
    assert latest_observation(obs, "x", 2023)["obs_id"] == "a"
    grown = pd.concat([obs, _obs([("b", "x", "2023", 2023, 2023, "", "actual", 2.0)])])
    assert latest_observation(grown, "x", 2023)["obs_id"] == "b"
    obs.loc["c"] = ["c", "x", "2023", 2023, 2023, "", "estimate", 3.0]  # grown in place
    assert latest_observation(obs, "x", 2023)["obs_id"] == "c"
    assert list(indicator_rows(obs)["x"]) == [0, 1]


def test_empty_table():
    assert latest_observation(_obs([]), "x", 2023) is None


@pytest.mark.parametrize("year", [2020, 2023])
def test_observations_up_to(ds, year):
    up_to = observations_up_to(ds.observations, year)
    assert len(up_to) and (up_to["end_year"] <= year).all()
    assert len(up_to) + (ds.observations["end_year"] > year).sum() == len(ds.observations)


def test_one_enriched_row_equals_the_enriched_table_row(ds):
    """chapter.enrich_row (the fast path of chapter.latest) gives exactly enrich()'s row."""
    from chitieu.book.chapter import enrich, enrich_row

    for position in range(len(ds.observations)):
        row = ds.observations.iloc[position]
        table = enrich(ds, row.to_frame().T.astype({"value": float, "decimals": int})).iloc[0]
        fast = enrich_row(ds, row)
        pd.testing.assert_series_equal(fast, table)
        assert [type(v) for v in fast] == [type(v) for v in table]
