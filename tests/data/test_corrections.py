"""``data/corrections.csv`` read and validated against the checks: errors name file, row and column."""

from __future__ import annotations

import csv

import pytest

from chitieu.data import checks as checks_file
from chitieu.data import corrections as corrections_file
from chitieu.data.errors import DataValidationError


class TestCorrections:
    def test_real_file_loads_and_names_its_checks(self, ds):
        checks = checks_file.load_checks(ds)
        corrections = corrections_file.load_corrections(ds, checks)
        known = {c.check_id for c in checks}
        assert corrections and all(set(c.check_ids) <= known for c in corrections)

    def test_unknown_check_and_foreign_figure_name_row_and_column(self, ds, tmp_path):
        checks = checks_file.load_checks(ds)
        corrections = corrections_file.load_corrections(ds, checks)
        good = corrections[0]
        other = next(
            oid for oid in ds.observations.index if ds.observations.loc[oid, "indicator_id"] != good.indicator_id
        )
        rows = [
            [
                good.indicator_id,
                good.period,
                good.locality,
                good.chosen_obs_id,
                " ".join(good.rejected_obs_ids),
                "no_such_check",
                good.reason_vi,
            ],
            [
                good.indicator_id,
                good.period,
                good.locality,
                other,
                " ".join(good.rejected_obs_ids),
                " ".join(good.check_ids),
                good.reason_vi,
            ],
        ]
        path = tmp_path / "corrections.csv"
        with open(path, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(corrections_file.CORRECTION_COLUMNS)
            writer.writerows(rows)
        with pytest.raises(DataValidationError) as info:
            corrections_file.load_corrections(ds, checks, path)
        found = [(e.file, e.row, e.column, e.value) for e in info.value.errors]
        assert found == [
            ("data/corrections.csv", 2, "check_ids", "no_such_check"),
            ("data/corrections.csv", 3, "chosen_obs_id", other),
        ]
