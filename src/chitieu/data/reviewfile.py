"""Reading a reviewed candidates file (``.xlsx`` or ``.csv``): its sheets, columns and cells, as text.

The layout is :mod:`chitieu.data.reviewsheet`'s. A column is found by its Vietnamese title or its key; a
missing imported column, a renamed candidates sheet or an unreadable file is a :class:`SheetError` naming the
file, the sheet, the row and the column. Cells become text the way the data files write them (a number cell
of ``value`` with the decimals of its quote, a date typed as ``2023-04`` back to ``2023-04``).
"""

from __future__ import annotations

import csv
import datetime as dt
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from chitieu.data import reviewsheet as rs
from chitieu.data.csvread import read_csv_rows
from chitieu.data.errors import DataError
from chitieu.data.vnnum import find_numbers


@dataclass(frozen=True)
class SheetError(DataError):
    """A problem in a cell of the reviewed file: its file, sheet (None for a ``.csv``), row and column."""

    sheet: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.sheet is not None:
            where += f", trang/sheet '{self.sheet}'"
        if self.row is not None:
            where += f", dòng/row {self.row}"
        if self.column:
            where += f", cột/column {self.column}"
        shown = "" if self.value is None else f": {self.value!r}"
        return f"{where}{shown}\n    → {self.expected_vi}\n    → {self.expected_en}"


@dataclass
class SheetRow:
    """A row of the reviewed file: where it is and its cells as text, by column key."""

    sheet: str | None
    row: int
    cells: dict[str, str]


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _cell_text(value) -> str:
    """A cell as text, the way the data files write it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.datetime | dt.date):
        # A period typed into Excel as 2023-04 comes back as the first day of that month.
        return f"{value.year}-{value.month:02d}"
    return unicodedata.normalize("NFC", str(value)).strip()


def value_text(value, quote: str, number_text: str = "") -> str:
    """The ``value`` cell as the data files write it, with the decimals the quote writes.

    Excel keeps ``13,70`` as the number 13.7; the data must say ``13.70`` (the precision the report states), so
    a number cell takes the decimals of the number of the quote it equals (the one written as ``number_text``
    when there are several). A text cell is kept as typed (check-data then says what is wrong with it).

    Examples
    --------
    >>> value_text(13.7, "tỷ lệ đạt 13,70%"), value_text(7943, "7.943 tỷ đồng"), value_text("13,7", "13,7%")
    ('13.70', '7943', '13,7')
    """
    if not isinstance(value, int | float | Decimal) or isinstance(value, bool):
        return _cell_text(value)
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    equal = [n for n in find_numbers(quote) if n.value == number]
    preferred = [n for n in equal if n.text == number_text] or equal
    if preferred:
        return format(preferred[0].value, "f")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return format(number, "f")


def _match_header(header: list, columns: tuple[rs.Column, ...]) -> dict[str, int]:
    """Column key → 0-based index of the header cells that name a known column."""
    known = rs.column_by_header(columns)
    out: dict[str, int] = {}
    for i, cell in enumerate(header):
        col = known.get(rs.normalise_header(cell))
        if col is not None and col.key not in out:
            out[col.key] = i
    return out


def _column_label(col: rs.Column, index: int | None, is_csv: bool) -> str:
    if is_csv:
        return col.key
    letter = f"{_letter(index)}: " if index is not None else ""
    return f"{letter}{col.title} ({col.key})"


def _read_table(
    name: str, sheet: str | None, records: list[list], columns: tuple[rs.Column, ...], is_csv: bool, errors: list
) -> tuple[list[SheetRow], dict[str, str]]:
    """Rows (header first) of one sheet → :class:`SheetRow` objects; also each key's column label."""
    if not records:
        errors.append(
            SheetError(name, 1, None, None, "trang trống: thiếu dòng tiêu đề", "empty sheet: no header row", sheet)
        )
        return [], {}
    positions = _match_header(list(records[0]), columns)
    labels = {col.key: _column_label(col, positions.get(col.key), is_csv) for col in columns}
    missing = [col for col in columns if col.imported and not col.optional and col.key not in positions]
    for col in missing:
        errors.append(
            SheetError(
                name,
                1,
                _column_label(col, None, is_csv),
                None,
                f"thiếu cột '{col.title if not is_csv else col.key}' (có thể đã bị xóa hoặc đổi tên): thêm lại cột "
                "này, với tiêu đề như trong tệp gốc",
                f"column '{col.title if not is_csv else col.key}' is missing (deleted or renamed?): put it back, with "
                "its original title",
                sheet,
            )
        )
    if missing:
        return [], labels
    rows = []
    for number, record in enumerate(records[1:], start=2):
        cells = {key: record[i] if i < len(record) else None for key, i in positions.items()}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells.values()):
            continue
        text = {key: _cell_text(v) for key, v in cells.items()}
        if "value" in cells:
            text["value"] = value_text(cells["value"], text.get("source_quote", ""), text.get("number_text", ""))
        rows.append(SheetRow(sheet, number, text))
    return rows, labels


def read_review_file(path: Path, errors: list) -> tuple[list[SheetRow], list[SheetRow], dict[str, dict[str, str]]]:
    """The candidate rows and the new-indicator rows of a reviewed file, and the column labels of each sheet.

    A ``.csv`` holds candidate rows only (column keys as header, read like every data CSV). Problems are
    appended to ``errors`` as :class:`SheetError`.
    """
    path = Path(path)
    name = path.name
    if path.suffix.lower() == ".csv":
        return _read_csv(path, errors), [], {rs.OBSERVATIONS_SHEET: {c.key: c.key for c in rs.OBSERVATION_COLUMNS}}
    if path.suffix.lower() != ".xlsx":
        errors.append(
            SheetError(name, None, None, None, "tệp phải là .xlsx hoặc .csv", "the file must be .xlsx or .csv")
        )
        return [], [], {}
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        errors.append(
            SheetError(
                name,
                None,
                None,
                None,
                f"không mở được tệp Excel ({exc.__class__.__name__}): lưu lại dạng .xlsx",
                f"cannot open the workbook ({exc}): save it again as .xlsx",
            )
        )
        return [], [], {}
    try:
        sheets = {rs.normalise_header(s): s for s in wb.sheetnames}
        obs_sheet = sheets.get(rs.normalise_header(rs.OBSERVATIONS_SHEET))
        if obs_sheet is None:
            errors.append(
                SheetError(
                    name,
                    None,
                    None,
                    None,
                    f"không có trang '{rs.OBSERVATIONS_SHEET}' (các trang: {', '.join(wb.sheetnames)}): đổi tên trang "
                    f"số liệu lại thành '{rs.OBSERVATIONS_SHEET}'",
                    f"no sheet named '{rs.OBSERVATIONS_SHEET}' (sheets: {', '.join(wb.sheetnames)}): rename the "
                    f"candidates sheet back to '{rs.OBSERVATIONS_SHEET}'",
                    rs.OBSERVATIONS_SHEET,
                )
            )
            return [], [], {}
        records = [list(r) for r in wb[obs_sheet].iter_rows(values_only=True)]
        obs_rows, obs_labels = _read_table(name, obs_sheet, records, rs.OBSERVATION_COLUMNS, False, errors)
        ind_rows, ind_labels = [], {}
        ind_sheet = sheets.get(rs.normalise_header(rs.INDICATORS_SHEET))
        if ind_sheet is not None:
            records = [list(r) for r in wb[ind_sheet].iter_rows(values_only=True)]
            ind_rows, ind_labels = _read_table(name, ind_sheet, records, rs.INDICATOR_COLUMNS, False, errors)
        return obs_rows, ind_rows, {rs.OBSERVATIONS_SHEET: obs_labels, rs.INDICATORS_SHEET: ind_labels}
    finally:
        wb.close()


def _read_csv(path: Path, errors: list) -> list[SheetRow]:
    """Candidate rows of a reviewed ``.csv``, read by :func:`chitieu.data.csvread.read_csv_rows` (columns it
    does not know are ignored)."""
    first = path.read_bytes().split(b"\n", 1)[0].decode("utf-8-sig", "replace")
    header = tuple(h.strip() for h in next(csv.reader([first]), []))
    keys = {c.key for c in rs.OBSERVATION_COLUMNS}
    found: list[DataError] = []
    rows = read_csv_rows(path, header, found)
    for e in found:
        errors.append(SheetError(path.name, e.row, e.column, e.value, e.expected_vi, e.expected_en))
    present = [h for h in header if h in keys]
    records: list[list] = [present] + ([] if found else [[rec[k] for k in present] for _, rec in rows])
    table, _ = _read_table(path.name, None, records, rs.OBSERVATION_COLUMNS, True, errors)
    # _read_table numbers rows by position; the CSV reader knows each record's spreadsheet row.
    real = {position: row for position, (row, _) in enumerate(rows, start=2)}
    for r in table:
        r.row = real.get(r.row, r.row)
    return table
