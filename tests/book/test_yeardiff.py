"""Figures that changed, appeared or disappeared between two report years (chitieu.book.yeardiff)."""

from __future__ import annotations

import pytest

from chitieu.analysis.selection import latest_observation
from chitieu.book.yeardiff import compare, snapshot
from chitieu.cli import main as cli_main


@pytest.mark.parametrize("year", [2020, 2021, 2022, 2023])
def test_snapshot_shows_what_the_chapters_show(ds, year):
    """The whole-town figure of each indicator is the chapters' headline figure (rejected ones skipped)."""
    snap = snapshot(ds, year)
    town = snap[snap["locality"] == ""]
    checked = 0
    for iid in ds.indicators.index:
        headline = latest_observation(ds.observations, iid, year)
        if headline is None:
            assert (iid, "") not in town.index, (iid, year)
            continue
        assert town.loc[(iid, ""), "obs_id"] == headline["obs_id"], (iid, year)
        checked += 1
    assert checked > (20 if year == 2023 else 0)
    assert not snap["rejected"].any()


def test_compare_2022_to_2023(ds):
    diff = compare(ds, 2022, 2023)
    before, after = snapshot(ds, 2022), snapshot(ds, 2023)
    assert set(diff["change"]) <= {"changed", "appeared", "disappeared"}
    appeared = diff[diff["change"] == "appeared"]
    changed = diff[diff["change"] == "changed"]
    assert len(appeared) == len(after.index.difference(before.index)) > 0
    assert (appeared["before"] == "—").all() and (appeared["obs_before"] == "").all()
    assert len(changed) > 0 and (changed["obs_before"] != changed["obs_after"]).all()
    unchanged = [k for k in before.index.intersection(after.index) if before.loc[k, "obs_id"] == after.loc[k, "obs_id"]]
    assert len(diff) == len(before.index.union(after.index)) - len(unchanged)
    rejected = set(ds.observations.index[ds.observations["rejected"]])
    assert not rejected & (set(diff["obs_before"]) | set(diff["obs_after"]))
    assert compare(ds, 2023, 2023).empty


def test_cli_prints_counts_and_lines(ds, capsys):
    cli_main(["--data-dir", str(ds.data_dir), "diff", "--from", "2022", "--to", "2023"])
    out = capsys.readouterr().out.splitlines()
    diff = compare(ds, 2022, 2023)
    assert f"thay đổi (changed): {(diff['change'] == 'changed').sum()}" in out[0]
    assert len(out) == 1 + len(diff)
