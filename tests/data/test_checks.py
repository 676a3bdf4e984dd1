"""``data/checks.csv`` and ``data/findings.csv`` read and validated: errors name file, row and column."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from chitieu.data import checks as checks_file
from chitieu.data.errors import DataValidationError


def _write_checks(data_dir: Path, rows: list[dict]) -> None:
    with open(data_dir / "checks.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=checks_file.CHECK_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({col: row.get(col, "") for col in checks_file.CHECK_COLUMNS})


class TestValidation:
    good = {
        "check_id": "ok",
        "kind": "same_quantity",
        "obs_ids": "poverty_rate.2022 poverty_rate.2022.b",
        "description_vi": "Tỷ lệ hộ nghèo",
        "source_ref": "P1:B.III.8",
    }

    def _errors(self, ds, tmp_path, rows):
        _write_checks(tmp_path, rows)
        with pytest.raises(DataValidationError) as info:
            checks_file.load_checks(ds, tmp_path / "checks.csv")
        return info.value.errors

    def test_unknown_observation_names_row_and_column(self, ds, tmp_path):
        errors = self._errors(
            ds, tmp_path, [self.good, {**self.good, "check_id": "bad", "obs_ids": "poverty_rate.2022 no_such.2022"}]
        )
        assert [(e.file, e.row, e.column, e.value) for e in errors] == [
            ("data/checks.csv", 3, "obs_ids", "no_such.2022")
        ]

    def test_kind_params_ids_and_refs(self, ds, tmp_path):
        rows = [
            {**self.good, "kind": "total"},
            {**self.good, "check_id": "ok"},
            {**self.good, "check_id": "Bad-Id"},
            {**self.good, "check_id": "p", "kind": "average", "params": "n"},
            {**self.good, "check_id": "q", "kind": "percent"},
            {**self.good, "check_id": "r", "source_ref": "B.II"},
            {**self.good, "check_id": "s", "evidence_quote": "không có trong báo cáo"},
        ]
        errors = self._errors(ds, tmp_path, rows)
        found = {(e.row, e.column) for e in errors}
        assert (2, "kind") in found  # unknown kind
        assert (3, "check_id") in found  # duplicate id
        assert (4, "check_id") in found  # not a-z0-9_
        assert (5, "params") in found  # not key=value
        assert (6, "obs_ids") in found  # percent needs three ids
        assert (7, "source_ref") in found
        assert (8, "evidence_quote") in found
        assert all(e.file == "data/checks.csv" for e in errors)

    def test_real_file_loads(self, ds):
        assert checks_file.load_checks(ds)

    def test_the_schema_refuses_an_unknown_finding_and_kind(self, ds, tmp_path):
        errors = self._errors(
            ds,
            tmp_path,
            [{**self.good, "finding_id": "no_such_finding"}, {**self.good, "check_id": "k", "kind": "totals"}],
        )
        found = {(e.row, e.column) for e in errors}
        assert (2, "finding_id") in found and (3, "kind") in found
        fk = next(e for e in errors if e.column == "finding_id")
        assert "data/findings.csv" in fk.expected_vi

    def test_params_of_the_new_kinds(self, ds, tmp_path):
        rows = [
            {
                **self.good,
                "check_id": "r",
                "kind": "in_range",
                "obs_ids": "poverty_rate.2022",
                "params": "target=x; low=1",
            },
            {**self.good, "check_id": "cc", "kind": "classification_consistency", "obs_ids": "", "params": "checks=ok"},
            {**self.good, "check_id": "ok"},
            {**self.good, "check_id": "rv", "params": "reading_vi="},
        ]
        errors = self._errors(ds, tmp_path, rows)
        found = {(e.row, e.column, e.value) for e in errors}
        assert (2, "params", "target=x; low=1") in found  # target and low together
        assert (3, "params", "checks=ok") in found  # fewer than two checks named
        assert any(row == 5 and value == "reading_vi" for row, _, value in found)  # an empty reading


class TestFindings:
    def test_real_findings_are_named_by_checks(self, ds):
        checks = checks_file.load_checks(ds)
        findings = checks_file.load_findings(ds, checks)
        assert set(findings) == {c.finding_id for c in checks if c.finding_id}
        assert all(f.title_vi and f.cause_vi for f in findings.values())

    def test_a_finding_no_check_names_is_refused(self, ds):
        checks = [c for c in checks_file.load_checks(ds) if c.finding_id != "truong_chuan_2022"]
        with pytest.raises(DataValidationError) as info:
            checks_file.load_findings(ds, checks)
        assert [(e.file, e.column, e.value) for e in info.value.errors] == [
            ("data/findings.csv", "finding_id", "truong_chuan_2022")
        ]
