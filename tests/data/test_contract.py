"""The data contract as data: data/datapackage.yaml and data/schema/*.schema.yaml.

The descriptors are valid Frictionless descriptors, every data file has exactly the columns of its schema,
the real data pass frictionless' own validation (a second check, independent of chitieu.data), the
structural checks generated from the schemas word their errors well, and docs/data_contract.md is in step.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from chitieu.build.contractdocs import DOC, render_contract_doc
from chitieu.config import PROJ_ROOT as ROOT
from chitieu.data import contract
from chitieu.data.errors import DataError, DataValidationError
from chitieu.data.structure import check_table, reference_values
from chitieu.data.validate import KIND_BOUNDS, validate_dataset

DATA = ROOT / "data"
# CSVs of data/ that are outputs, not inputs (written by `make coverage`): no schema of the contract.
OUTPUTS = {"coverage_unmatched.csv"}
CUSTOM_FIELD_PROPERTIES = {"title_en", "description_en", "enum_labels_vi", "pattern_hint_vi", "pattern_hint_en"}
CUSTOM_FIELD_PROPERTIES |= {"years", "value_ranges", "free_text"}


def header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


@pytest.fixture(scope="module")
def frictionless():
    return pytest.importorskip("frictionless", reason="frictionless (a test dependency) is not installed")


class TestDescriptors:
    def test_every_schema_is_a_valid_table_schema(self, frictionless):
        for path in sorted((DATA / "schema").glob("*.schema.yaml")):
            report = frictionless.Schema.validate_descriptor(str(path))
            assert report.valid, (path.name, [e.message for e in report.errors])

    def test_the_package_is_a_valid_data_package(self, frictionless):
        report = frictionless.Package.validate_descriptor(str(DATA / "datapackage.yaml"))
        assert report.valid, [e.message for e in report.errors]

    def test_every_table_of_the_contract_is_loaded(self):
        stems = {p.name.removesuffix(".schema.yaml") for p in (DATA / "schema").glob("*.schema.yaml")}
        assert set(contract.load().tables) == stems
        for res in contract.load().resources.values():
            assert res.name == res.table.name and (DATA / res.path).is_file()

    def test_only_known_custom_properties(self):
        standard = {"name", "type", "format", "title", "description", "constraints", "trueValues", "falseValues"}
        for table in contract.load().tables.values():
            for f in table.fields:
                assert set(f.descriptor) <= standard | CUSTOM_FIELD_PROPERTIES, (table.name, f.name)

    def test_every_field_is_titled_and_described_in_both_languages(self):
        for table in contract.load().tables.values():
            assert table.title_vi and table.title_en and table.description_vi and table.description_en, table.name
            for f in table.fields:
                assert f.title_vi and f.title_en and f.description_vi and f.description_en, (table.name, f.name)

    def test_keys_name_required_columns(self):
        for table in contract.load().tables.values():
            assert all(table.field(c).required for c in table.primary_key), table.name
            for fk in table.foreign_keys:
                target = contract.table(fk.resource)
                assert set(fk.fields) <= set(table.columns) and set(fk.reference_fields) <= set(target.columns)

    def test_every_code_has_its_label_and_no_more(self):
        for table in contract.load().tables.values():
            for f in table.fields:
                if f.labels_vi:
                    assert list(f.labels_vi) == list(f.enum), (table.name, f.name)

    def test_a_column_name_means_one_thing_in_every_file(self):
        seen: dict[str, tuple[str, contract.Field]] = {}
        for table in contract.load().tables.values():
            for f in table.fields:
                first = seen.setdefault(f.name, (table.name, f))[1]
                assert f.type == first.type, (table.name, f.name)
                if f.pattern and first.pattern:
                    assert f.pattern == first.pattern, (table.name, f.name)
                    assert f.pattern_hint == first.pattern_hint, (table.name, f.name)

    def test_a_period_and_a_target_year_share_their_years(self):
        year = contract.table("targets").field("target_year")
        assert (year.minimum, year.maximum) == contract.year_window() == (contract.MIN_YEAR, contract.MAX_YEAR)

    def test_the_unit_ranges_name_real_units(self):
        ranges = contract.table("indicators").field("unit").descriptor["value_ranges"]
        assert set(ranges) <= set(contract.UNITS)
        assert contract.unit_range("percent").maximum == 100 and contract.unit_range("count").minimum == 0
        assert contract.unit_range("percentage_point").minimum is None

    def test_the_code_knows_every_target_kind(self):
        assert tuple(KIND_BOUNDS) == contract.enum("targets", "kind")


class TestFilesMatchTheirSchemas:
    def test_every_data_csv_is_a_resource(self):
        csvs = {p.name for p in DATA.glob("*.csv")} - OUTPUTS
        assert csvs == {res.path for res in contract.load().resources.values()}

    @pytest.mark.parametrize("name", sorted(contract.load().resources))
    def test_columns(self, name):
        res = contract.load().resources[name]
        assert tuple(header(DATA / res.path)) == res.table.columns

    def test_the_auditors_files_as_chitieu_data_checks_reads_them(self):
        from chitieu.data import checks, corrections

        assert contract.columns("checks") == checks.CHECK_COLUMNS
        assert contract.columns("corrections") == corrections.CORRECTION_COLUMNS
        assert tuple(checks.KINDS) == contract.enum("checks", "kind")
        assert {k: v[3] for k, v in checks.KINDS.items()} == contract.labels_vi("checks", "kind")

    def test_the_published_audit_as_the_audit_writes_it(self):
        results = pytest.importorskip("chitieu.analysis.audit.results")
        assert tuple(results.AUDIT_COLUMNS) == contract.columns("audit")
        audit = pytest.importorskip("chitieu.analysis.audit")
        assert tuple(audit.STATUS_ORDER) == contract.enum("audit", "status")
        view = pytest.importorskip("chitieu.book.audit_view")
        assert {k: v[1] for k, v in view.STATUS_LABELS.items()} == contract.labels_vi("audit", "status")

    def test_the_coverage_skips_as_the_coverage_reads_them(self):
        from chitieu.analysis import coverage

        assert tuple(coverage.SKIPPED_COLUMNS) == contract.columns("coverage_skipped")


class TestFrictionlessAgrees:
    """frictionless reads the same descriptors with its own code: the real data pass, a broken copy fails."""

    @pytest.fixture
    def copy(self, tmp_path) -> Path:
        dest = tmp_path / "data"
        shutil.copytree(DATA, dest, ignore=shutil.ignore_patterns("staging"))
        return dest

    def test_the_real_data_pass(self, frictionless):
        report = frictionless.validate(str(DATA / "datapackage.yaml"))
        assert report.valid, [(t.name, e.message) for t in report.tasks for e in t.errors][:10]

    @pytest.mark.parametrize(
        "file,old,new,error",
        [
            ("indicators.csv", ",count,", ",phan_tram,", "constraint-error"),
            ("observations.csv", ",exact,", ",chinh_xac,", "constraint-error"),
            ("observations.csv", ",,P1:", ",Huế,P1:", "foreign-key"),
            ("targets.csv", ",2025,", ",1890,", "constraint-error"),
            ("report_assessment.csv", "\n1,", "\nmột,", "type-error"),
        ],
    )
    def test_both_refuse_a_broken_copy(self, frictionless, copy, file, old, new, error):
        path = copy / file
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        with pytest.raises(DataValidationError) as ours:
            validate_dataset(copy)
        assert {e.file for e in ours.value.errors} >= {f"data/{file}"}
        report = frictionless.validate(str(copy / "datapackage.yaml"))
        found = {(t.name, e.type) for t in report.tasks for e in t.errors}
        assert (file.removesuffix(".csv"), error) in found, found


class TestStructuralMessages:
    """The checks generated from a schema say what to write, in both languages."""

    @staticmethod
    def run(name, *records, references=None):
        errors: list[DataError] = []
        rows = [(i + 2, dict.fromkeys(contract.columns(name), "") | rec) for i, rec in enumerate(records)]
        return check_table(name, rows, errors, references), errors

    def test_required_enum_and_pattern(self):
        _, errors = self.run("observations", {"obs_id": "A b", "qualifier": "khoảng", "period": "2023"})
        by_column = {e.column: e for e in errors}
        assert "expected lowercase ASCII" in by_column["obs_id"].expected_en
        assert "approx (khoảng)" in by_column["qualifier"].expected_vi
        assert by_column["value"].expected_en == "required field is empty"
        assert "period" not in by_column and "locality" not in by_column

    def test_integer_range_says_blank_is_fine_when_it_is(self):
        _, errors = self.run("indicators", {"resolution_no": "15"})
        err = next(e for e in errors if e.column == "resolution_no")
        assert err.expected_vi == "cần số nguyên từ 1 đến 14 hoặc để trống"
        assert err.expected_en == "expected a whole number from 1 to 14 or blank"

    def test_composite_key_names_its_columns(self):
        rec = {"indicator_id": "x", "target_year": "2025", "kind": "equals", "source_ref": "P1:B", "source_quote": "q"}
        checked, errors = self.run("targets", rec, dict(rec, low="1"))
        (err,) = errors
        assert (err.row, err.column) == (3, "indicator_id") and checked[1].bad == {"indicator_id"}
        assert "cùng mã chỉ tiêu, năm phải đạt và trích dẫn nguyên văn" in err.expected_vi
        assert "duplicate of row 2" in err.expected_en

    def test_foreign_key_lists_a_short_list_of_allowed_values(self):
        refs = {"localities": reference_values("localities", [{"locality": "Tứ Hạ"}, {"locality": "Hương Toàn"}])}
        _, errors = self.run("observations", {"locality": "Huế"}, references=refs)
        err = next(e for e in errors if e.column == "locality")
        assert err.value == "Huế" and "data/localities.csv" in err.expected_en
        assert "Hương Toàn, Tứ Hạ" in err.expected_vi

    def test_a_table_not_given_is_not_checked(self):
        _, errors = self.run("observations", {"locality": "Huế"})
        assert all(e.column != "locality" for e in errors)

    def test_whole_numbers_compare_as_numbers(self):
        refs = {"indicators": reference_values("indicators", [{"resolution_no": 7}])}
        rec = {"report_status": "met", "source_ref": "P1:B", "source_quote": "q"}
        _, errors = self.run("report_assessment", dict(rec, resolution_no="07"), references=refs)
        assert errors == []


def test_docs_are_generated_from_the_schemas():
    text = DOC.read_text(encoding="utf-8")
    assert render_contract_doc(text) == text, "docs/data_contract.md is out of date: run `make docs`"
    for table in contract.load().resources.values():
        assert f"### data/{table.path}" in text


def test_docs_refuse_an_unknown_or_unclosed_block():
    begin = "<!-- generated from data/schema: do not edit; run python -m chitieu contract-docs (block: {}) -->\n"
    with pytest.raises(ValueError, match="unknown"):
        render_contract_doc(begin.format("nothing") + "<!-- end of generated block: nothing -->\n")
    with pytest.raises(ValueError, match="no end marker"):
        render_contract_doc(begin.format("files"))
