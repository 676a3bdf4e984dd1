"""chitieu.book.workbook: the review file is made for Excel (frozen header, notes, drop-downs, highlighted
number, numbers as numbers) and the CSV has the column keys; both from the candidates of a real run."""

from __future__ import annotations

import csv

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock

from chitieu import config
from chitieu.analysis.extract.candidates import candidates_for
from chitieu.book.workbook import write_candidates
from chitieu.data import reviewsheet as rs


@pytest.fixture(scope="module")
def run():
    return candidates_for(config.RAW_DIR / config.REPORT_FILE, config.DATA_DIR)


@pytest.fixture(scope="module")
def workbook(run, tmp_path_factory):
    path = tmp_path_factory.mktemp("wb") / "candidates.xlsx"
    write_candidates(path, run)
    return openpyxl.load_workbook(path, rich_text=True)


def column(ws, key: str) -> str:
    title = next(c.title for c in rs.OBSERVATION_COLUMNS if c.key == key)
    return next(cell.column_letter for cell in ws[1] if cell.value == title)


class TestXlsx:
    def test_sheets(self, workbook):
        assert workbook.sheetnames == [rs.GUIDE_SHEET, rs.OBSERVATIONS_SHEET, rs.INDICATORS_SHEET, rs.LISTS_SHEET]

    def test_frozen_header_with_vietnamese_titles_and_notes(self, workbook):
        ws = workbook[rs.OBSERVATIONS_SHEET]
        assert ws.freeze_panes == "C2"
        assert [c.value for c in ws[1]] == [c.title for c in rs.OBSERVATION_COLUMNS]
        assert all(c.comment is not None and c.comment.text for c in ws[1])

    def test_drop_downs(self, workbook):
        ws = workbook[rs.OBSERVATIONS_SHEET]
        by_column = {}
        for dv in ws.data_validations.dataValidation:
            for cells in str(dv.sqref).split():
                by_column[cells.split(":")[0].rstrip("0123456789")] = dv
        for key in ("decision", "indicator_id", "qualifier", "status", "locality"):
            dv = by_column[column(ws, key)]
            assert dv.type == "list", key
        assert by_column[column(ws, "decision")].formula1 == '"nhận,bỏ,sửa"'
        assert by_column[column(ws, "indicator_id")].formula1.startswith(f"'{rs.LISTS_SHEET}'!$A$2")
        lists = workbook[rs.LISTS_SHEET]
        assert lists["A1"].value == "indicator_id" and lists["A2"].value

    def test_number_highlighted_in_the_quote(self, workbook, run):
        ws = workbook[rs.OBSERVATIONS_SHEET]
        col = column(ws, "source_quote")
        for r, cand in enumerate(run.candidates[:50], start=2):
            value = ws[f"{col}{r}"].value
            assert isinstance(value, CellRichText)
            assert str(value) == cand.source_quote
            bold = [block for block in value if isinstance(block, TextBlock) and block.font.b]
            assert [b.text for b in bold] == [cand.number_text]

    def test_numbers_are_numbers_with_the_decimals_written(self, workbook, run):
        ws = workbook[rs.OBSERVATIONS_SHEET]
        col = column(ws, "value")
        for r, cand in enumerate(run.candidates, start=2):
            cell = ws[f"{col}{r}"]
            assert isinstance(cell.value, int | float)
            decimals = len(cand.number_text.split(",")[1]) if "," in cand.number_text else 0
            assert cell.number_format == "#,##0" + ("." + "0" * decimals if decimals else "")
        assert ws[f"{column(ws, 'period')}2"].number_format == "@"

    def test_known_rows_are_dropped_by_default(self, workbook, run):
        ws = workbook[rs.OBSERVATIONS_SHEET]
        decisions = [ws[f"{column(ws, 'decision')}{r}"].value for r in range(2, len(run.candidates) + 2)]
        assert decisions == [rs.DROP if c.known else None for c in run.candidates]

    def test_new_indicators_sheet(self, workbook):
        ws = workbook[rs.INDICATORS_SHEET]
        assert [c.value for c in ws[1]] == [c.title for c in rs.INDICATOR_COLUMNS]
        assert len(ws.data_validations.dataValidation) == 4


class TestCsv:
    def test_keys_and_rows(self, run, tmp_path):
        path = tmp_path / "c.csv"
        write_candidates(path, run)
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert list(rows[0]) == [c.key for c in rs.OBSERVATION_COLUMNS]
        assert len(rows) == len(run.candidates)
        assert rows[0]["value"] == run.candidates[0].value_text

    def test_other_suffix_is_refused(self, run, tmp_path):
        with pytest.raises(ValueError, match=".xlsx"):
            write_candidates(tmp_path / "c.ods", run)
