"""chitieu.data.importer: a reviewed file is imported whole or not at all, every refusal naming the file, the
sheet, the row and the column. The rows are the SYNTHETIC 2024 fixture (tests/fixtures/year2024)."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from chitieu import config
from chitieu.analysis.extract.candidates import candidates_for
from chitieu.book.workbook import write_candidates
from chitieu.data import reviewsheet as rs
from chitieu.data.importer import ImportRefused, apply_import, format_plan, plan_import
from chitieu.data.load import load_dataset
from chitieu.data.reviewfile import SheetError

FIXTURE = config.PROJ_ROOT / "tests" / "fixtures" / "year2024"
RAW = "bao_cao_2024_synthetic.txt"


@pytest.fixture(scope="module")
def candidates_xlsx(tmp_path_factory) -> Path:
    """The candidates of the fixture report, written once."""
    folder = tmp_path_factory.mktemp("candidates")
    data = folder / "data"
    shutil.copytree(config.DATA_DIR, data, ignore=shutil.ignore_patterns("staging"))
    for f in (FIXTURE / "raw").iterdir():
        shutil.copy2(f, data / "raw" / f.name)
    out = folder / "candidates.xlsx"
    write_candidates(out, candidates_for(data / "raw" / RAW, data))
    return out


@pytest.fixture
def data_dir(data_copy) -> Path:
    for f in (FIXTURE / "raw").iterdir():
        shutil.copy2(f, data_copy / "raw" / f.name)
    return data_copy


class Review:
    """A copy of the candidates workbook to edit as a reviewer would."""

    def __init__(self, source: Path, folder: Path):
        self.path = folder / "reviewed.xlsx"
        shutil.copy2(source, self.path)
        self.wb = openpyxl.load_workbook(self.path)
        self.ws = self.wb[rs.OBSERVATIONS_SHEET]
        self.col = {cell.value: cell.column for cell in self.ws[1]}

    def cell(self, row: int, key: str):
        title = next(c.title for c in rs.OBSERVATION_COLUMNS if c.key == key)
        return self.ws.cell(row=row, column=self.col[title])

    def row_of(self, number_text: str) -> int:
        return next(r for r in range(2, self.ws.max_row + 1) if self.cell(r, "number_text").value == number_text)

    def accept_all(self) -> None:
        for r in range(2, self.ws.max_row + 1):
            self.cell(r, "decision").value = rs.ACCEPT
        # The reviewer's fix: 38 of "34/38 trường" is the number of schools.
        row = self.row_of("38")
        self.cell(row, "indicator_id").value = "schools_total"
        self.cell(row, "decision").value = rs.EDIT

    def save(self) -> Path:
        self.wb.save(self.path)
        return self.path


@pytest.fixture
def review(candidates_xlsx, tmp_path) -> Review:
    r = Review(candidates_xlsx, tmp_path)
    r.accept_all()
    return r


def refusal(path: Path, data_dir: Path, **kwargs) -> list[SheetError]:
    before = (data_dir / "observations.csv").read_bytes()
    with pytest.raises(ImportRefused) as info:
        plan_import(path, data_dir, **kwargs)
    assert (data_dir / "observations.csv").read_bytes() == before
    return info.value.errors


def where(error) -> tuple:
    return error.file, error.sheet, error.row, error.column


class TestImport:
    def test_accepted_rows_are_appended_and_valid(self, review, data_dir):
        before = (data_dir / "observations.csv").read_text(encoding="utf-8")
        plan = plan_import(review.save(), data_dir)
        apply_import(plan, data_dir)
        after = (data_dir / "observations.csv").read_text(encoding="utf-8")
        assert after.startswith(before)  # every existing line unchanged, in order
        new = after[len(before) :].splitlines()
        assert len(new) == 6 and [r.row for r, _ in plan.added] == list(range(2, 8))
        ids = {rec["obs_id"] for _, rec in plan.added}
        assert {"schools_total.2024", "poverty_rate.2024", "gdp_growth_avg.2021-2024"} <= ids
        ds = load_dataset(data_dir)
        assert ds.observations.loc["schools_total.2024", "value"] == 38
        assert ds.observations.loc["poverty_rate.2024", "value_text"] == "1.47"
        assert "6 số liệu mới" in format_plan(plan)

    def test_dropped_and_blank_rows_are_not_imported(self, review, data_dir):
        review.cell(2, "decision").value = rs.DROP
        review.cell(3, "decision").value = None
        plan = plan_import(review.save(), data_dir)
        assert len(plan.added) == 4 and plan.not_imported == {"bỏ": 1, "(trống)": 1}


class TestRefusals:
    def test_quote_no_longer_verbatim(self, review, data_dir):
        row = review.row_of("1,47")
        review.cell(row, "source_quote").value = "đến cuối năm 2024 giảm xuống còn 1,47%"
        errors = refusal(review.save(), data_dir)
        assert [where(e) for e in errors] == [
            ("reviewed.xlsx", rs.OBSERVATIONS_SHEET, row, "B: Trích dẫn nguyên văn (source_quote)")
        ]
        assert "verbatim" in errors[0].expected_en

    def test_value_no_longer_in_its_quote(self, review, data_dir):
        row = review.row_of("56,5")
        review.cell(row, "value").value = 65.5
        errors = refusal(review.save(), data_dir)
        assert [where(e) for e in errors] == [("reviewed.xlsx", rs.OBSERVATIONS_SHEET, row, "C: Giá trị (value)")]
        assert "56,5" in errors[0].expected_vi

    def test_id_already_in_the_data(self, review, data_dir):
        row = review.row_of("1,47")
        review.cell(row, "obs_id").value = "poverty_rate.2022"
        errors = refusal(review.save(), data_dir)
        assert [where(e)[:3] for e in errors] == [("reviewed.xlsx", rs.OBSERVATIONS_SHEET, row)]
        assert errors[0].column.endswith("Mã số liệu (obs_id)") and "--replace" in errors[0].expected_en

    def test_replace_lists_and_rewrites_only_that_row(self, review, data_dir):
        row = review.row_of("1,47")
        first = plan_import(review.save(), data_dir)  # poverty_rate.2024 is now in the data
        apply_import(first, data_dir)
        lines_before = (data_dir / "observations.csv").read_text(encoding="utf-8").splitlines()
        # A second review of the same figure, with a shorter quote, asked to replace the row just imported.
        review.cell(row, "source_quote").value = "đến cuối năm 2024 giảm còn 1,47%"
        for r in range(2, review.ws.max_row + 1):
            if r != row:
                review.cell(r, "decision").value = rs.DROP
        assert [where(e)[2] for e in refusal(review.save(), data_dir)] == [row]  # not without --replace
        plan = plan_import(review.save(), data_dir, replace=True)
        old_row = next(i for i, x in enumerate(lines_before, start=1) if x.startswith("poverty_rate.2024,"))
        assert [(r, rec["obs_id"]) for _, r, _, rec in plan.replaced] == [(old_row, "poverty_rate.2024")]
        assert "~ poverty_rate.2024" in format_plan(plan)
        apply_import(plan, data_dir)
        lines_after = (data_dir / "observations.csv").read_text(encoding="utf-8").splitlines()
        changed = [i for i, (a, b) in enumerate(zip(lines_before, lines_after)) if a != b]
        assert len(lines_after) == len(lines_before) and len(changed) == 1
        assert lines_after[changed[0]].endswith(',"đến cuối năm 2024 giảm còn 1,47%",')
        load_dataset(data_dir)

    def test_derived_id_already_in_the_data(self, review, data_dir):
        row = review.row_of("1,47")
        review.cell(row, "period").value = "2022"
        errors = refusal(review.save(), data_dir)
        assert [(e.row, e.value) for e in errors] == [(row, "poverty_rate.2022")]
        assert "mã tự tạo" in errors[0].expected_vi

    def test_a_second_statement_in_one_import_gets_b(self, review, data_dir):
        row = review.row_of("34")
        review.cell(row, "indicator_id").value = "schools_total"  # two rows schools_total.2024 (test's sake)
        review.cell(row, "qualifier").value = "at_least"
        plan = plan_import(review.save(), data_dir)
        ids = sorted(rec["obs_id"] for _, rec in plan.added if rec["indicator_id"] == "schools_total")
        assert ids == ["schools_total.2024", "schools_total.2024.b"]

    def test_sheet_renamed(self, review, data_dir):
        review.ws.title = "Sheet1"
        errors = refusal(review.save(), data_dir)
        assert [where(e) for e in errors] == [("reviewed.xlsx", rs.OBSERVATIONS_SHEET, None, None)]
        assert "Sheet1" in errors[0].expected_vi

    def test_column_deleted(self, review, data_dir):
        review.ws.delete_cols(review.col["Giá trị"])
        errors = refusal(review.save(), data_dir)
        assert [where(e) for e in errors] == [("reviewed.xlsx", rs.OBSERVATIONS_SHEET, 1, "Giá trị (value)")]

    def test_unknown_decision(self, review, data_dir):
        review.cell(4, "decision").value = "ok"
        errors = refusal(review.save(), data_dir)
        assert [where(e) for e in errors] == [("reviewed.xlsx", rs.OBSERVATIONS_SHEET, 4, "A: Quyết định (decision)")]

    def test_every_error_is_reported_at_once(self, review, data_dir):
        review.cell(review.row_of("1,47"), "source_quote").value = "không có trong văn bản 1,47%"
        review.cell(review.row_of("56,5"), "value").value = 65.5
        assert len(refusal(review.save(), data_dir)) == 2


class TestCsvAndNewIndicators:
    def test_csv_refusal_names_file_row_and_column(self, data_dir, tmp_path):
        run = candidates_for(data_dir / "raw" / RAW, data_dir)
        path = tmp_path / "reviewed.csv"
        write_candidates(path, run)
        lines = path.read_text(encoding="utf-8").splitlines()
        lines[1] = "nhận" + lines[1]
        lines[2] = "nhận" + lines[2].replace("56,5 triệu", "56,6 triệu")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        errors = refusal(path, data_dir)
        assert [where(e) for e in errors] == [("reviewed.csv", None, 3, "source_quote")]

    def test_new_indicator_sheet(self, review, data_dir):
        sheet = review.wb[rs.INDICATORS_SHEET]
        values = [
            "nhận",
            "poor_households_2024_test",
            "van_hoa_xa_hoi",
            "Tỷ lệ hộ nghèo (thử)",
            "Poverty (test)",
            "percent",
            "false",
            None,
            "SYNTHETIC: chỉ tiêu thử.",
        ]
        for i, value in enumerate(values, start=1):
            sheet.cell(row=2, column=i, value=value)
        row = review.row_of("1,47")
        review.cell(row, "indicator_id").value = "poor_households_2024_test"
        plan = plan_import(review.save(), data_dir)
        assert [rec["indicator_id"] for _, rec in plan.indicators] == ["poor_households_2024_test"]
        apply_import(plan, data_dir)
        ds = load_dataset(data_dir)
        assert "poor_households_2024_test" in ds.indicators.index
        assert "poor_households_2024_test.2024" in ds.observations.index

    def test_new_indicator_error_names_its_sheet(self, review, data_dir):
        sheet = review.wb[rs.INDICATORS_SHEET]
        for i, value in enumerate(["nhận", "Bad Id", "van_hoa_xa_hoi", "x", "x", "percent", None, None, "x"], 1):
            sheet.cell(row=2, column=i, value=value)
        errors = refusal(review.save(), data_dir)
        assert [(e.sheet, e.row) for e in errors] == [(rs.INDICATORS_SHEET, 2)]
        assert "indicator_id" in errors[0].column
