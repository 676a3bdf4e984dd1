"""chitieu.data.reviewfile and chitieu.data.reviewsheet: reading a reviewed file's sheets, columns and cells."""

from __future__ import annotations

import datetime as dt

import openpyxl

from chitieu.data import reviewsheet as rs
from chitieu.data.reviewfile import read_review_file, value_text


def workbook(tmp_path, header, rows, sheet=rs.OBSERVATIONS_SHEET):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(header)
    for row in rows:
        ws.append(row)
    path = tmp_path / "r.xlsx"
    wb.save(path)
    return path


IMPORTED = [c for c in rs.OBSERVATION_COLUMNS if c.imported and not c.optional]


class TestValueText:
    def test_decimals_follow_the_quote(self):
        assert value_text(13.7, "đạt 13,70%") == "13.70"
        assert value_text(5.0, "dưới 5 tuổi còn 5,0%", "5,0") == "5.0"
        assert value_text(5, "dưới 5 tuổi còn 5,0%", "5") == "5"
        assert value_text(2024, "năm 2024") == "2024"
        assert value_text("13,7", "13,7%") == "13,7"  # text is kept: check-data says what is wrong


class TestReadReviewFile:
    def test_columns_by_title_or_key_and_cells_as_text(self, tmp_path):
        header = [c.title for c in IMPORTED[:-1]] + [IMPORTED[-1].key]  # the last one under its key
        row = {c.key: None for c in IMPORTED}
        row.update(decision="nhan", source_quote="đạt 13,70%", value=13.7, period=dt.datetime(2023, 4, 1))
        path = workbook(tmp_path, header, [[row[c.key] for c in IMPORTED], [None] * len(IMPORTED)])
        errors: list = []
        rows, indicators, labels = read_review_file(path, errors)
        assert errors == [] and indicators == [] and len(rows) == 1  # the blank row is skipped
        cells = rows[0].cells
        assert (cells["value"], cells["period"], cells["locality"]) == ("13.70", "2023-04", "")
        assert rs.read_decision(cells["decision"]) == rs.ACCEPT
        assert labels[rs.OBSERVATIONS_SHEET]["value"] == "C: Giá trị (value)"

    def test_unknown_suffix(self, tmp_path):
        errors: list = []
        read_review_file(tmp_path / "r.ods", errors)
        assert [(e.file, e.row) for e in errors] == [("r.ods", None)]

    def test_not_a_workbook(self, tmp_path):
        path = tmp_path / "r.xlsx"
        path.write_text("not a zip", encoding="utf-8")
        errors: list = []
        read_review_file(path, errors)
        assert len(errors) == 1 and ".xlsx" in errors[0].expected_vi


class TestDecisions:
    def test_spellings(self):
        assert [rs.read_decision(x) for x in ("nhận", " Sửa ", "bo", "", None, "ok")] == [
            rs.ACCEPT,
            rs.EDIT,
            rs.DROP,
            "",
            "",
            None,
        ]
