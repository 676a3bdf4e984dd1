"""The benchmark's synthetic data are valid data (chitieu.build.bench); its timings are printed, never asserted."""

from __future__ import annotations

import csv

from chitieu.build.bench import edit_one_observation, multiply_observations
from chitieu.data.load import load_dataset


def _rows(data_dir):
    with open(data_dir / "observations.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_multiplied_observations_validate(data_copy):
    """SYNTHETIC copies (temporary folder only): n× the rows, unique ids, and the whole dataset still validates."""
    real = len(_rows(data_copy))
    assert multiply_observations(data_copy, 3) == 3 * real
    ds = load_dataset(data_copy)
    assert len(ds.observations) == 3 * real
    assert ds.observations.index.is_unique
    assert set(ds.observations["end_year"]) >= {2001, 2002, 2023}


def test_one_observation_edited(data_copy):
    before = _rows(data_copy)
    changed = edit_one_observation(data_copy, "kinh_te", "status", "estimate")
    after = _rows(data_copy)
    diffs = [(b, a) for b, a in zip(before, after) if b != a]
    assert len(diffs) == 1 and diffs[0][1]["obs_id"] == changed and diffs[0][1]["status"] == "estimate"
    load_dataset(data_copy)  # still valid
