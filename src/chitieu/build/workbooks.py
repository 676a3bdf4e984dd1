"""Excel workbooks of the published data: the whole dataset, and one per chapter (``.xlsx``, openpyxl).

For readers who work in Excel (the town's statistics staff): every sheet and column has its Vietnamese name
from the data contract (``data/schema``, :mod:`chitieu.data.contract`); a coded column shows the code's
Vietnamese label (``thực hiện``, not ``actual``); beside every indicator id stand the indicator's name and
unit; numbers are stored as numbers (so no locale misreads ``13.7``), shown with the decimals the data
has; ids and periods are stored as text, so that Excel never turns ``2023-04`` into a date. The first
sheet, *Giải thích*, says where the data come from and explains every column of every sheet. Every text cell
passes through :func:`chitieu.data.cells.neutralise` (a cell starting with ``=`` is not run as a formula).

A workbook is written reproducibly: fixed document dates and zip entries, so two builds of the same data
give the same bytes.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from chitieu.book.workbook import _header, _number_format
from chitieu.build.contractdocs import TYPES, rules
from chitieu.data import contract
from chitieu.data.cells import neutralise
from chitieu.data.contract import Table
from chitieu.data.reviewsheet import Column

GUIDE_SHEET = "Giải thích"
SHEET_CHARS = 31  # Excel's limit for a sheet name
FIXED_TIME = datetime(2000, 1, 1)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# Columns written as text whatever they hold (Excel would read 2023-04 as a date, 01 as the number 1).
TEXT_TYPES = ("string",)
# The columns added beside an indicator id: (key, Vietnamese title, description).
NAME_COLUMN = ("indicator_name_vi", "Tên chỉ tiêu", "Tên chỉ tiêu (từ danh mục chỉ tiêu, indicators.csv).")
UNIT_COLUMN = ("indicator_unit_vi", "Đơn vị", "Đơn vị của chỉ tiêu (từ danh mục chỉ tiêu, indicators.csv).")
BOOLEAN_VI = {"true": "có", "false": "không"}


@dataclass(frozen=True)
class SheetColumn:
    """A column of a sheet: its key in the CSV row, title, description, type and codes' labels."""

    key: str
    title: str
    description: str
    type: str = "string"
    labels: dict | None = None
    rules: str = ""


@dataclass(frozen=True)
class SheetData:
    """A sheet to write: its name, columns and rows (CSV strings by column key)."""

    name: str
    source: str  # the published CSV it comes from
    columns: tuple[SheetColumn, ...]
    rows: list[dict[str, str]]


def sheet_name(title: str, taken: set[str]) -> str:
    """``title`` as an Excel sheet name: no ``[]:*?/\\``, at most 31 characters (cut at a space), unique."""
    name = re.sub(r"[\[\]:*?/\\]", " ", title).strip()
    if len(name) > SHEET_CHARS:
        name = name[:SHEET_CHARS].rsplit(" ", 1)[0]
    base, n = name, 2
    while name in taken:
        suffix = f" ({n})"
        name = base[: SHEET_CHARS - len(suffix)] + suffix
        n += 1
    taken.add(name)
    return name


def sheet_columns(table: Table, header: tuple[str, ...]) -> tuple[SheetColumn, ...]:
    """The columns of a CSV with header ``header`` described by ``table``, the indicator's name and unit
    beside its id."""
    out = []
    for key in header:
        if key in table.columns:
            f = table.field(key)
            said = "; ".join(vi for vi, _ in rules(table, f))
            out.append(SheetColumn(key, f.title_vi, f.description_vi, f.type, dict(f.labels_vi) or None, said))
        else:
            out.append(SheetColumn(key, key, ""))
        if key == "indicator_id" and "name_vi" not in header:
            out.append(SheetColumn(*NAME_COLUMN))
            out.append(SheetColumn(*UNIT_COLUMN))
    return tuple(out)


def read_rows(path: Path) -> tuple[tuple[str, ...], list[dict[str, str]]]:
    """Header and rows of a published CSV (a BOM is allowed)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return tuple(reader.fieldnames or ()), list(reader)


def indicator_lookup(data_dir: Path) -> dict[str, tuple[str, str]]:
    """Indicator id → (Vietnamese name, unit in words), from the published ``indicators.csv``."""
    path = data_dir / "indicators.csv"
    if not path.is_file():
        return {}
    units = contract.labels_vi("indicators", "unit")
    _, rows = read_rows(path)
    return {r["indicator_id"]: (r.get("name_vi", ""), units.get(r.get("unit", ""), r.get("unit", ""))) for r in rows}


def sheet_data(data_dir: Path, rel: str, table: Table, taken: set[str]) -> SheetData:
    """The sheet of the published CSV ``data_dir/rel``, named after its table."""
    header, rows = read_rows(data_dir / rel)
    lookup = indicator_lookup(data_dir)
    for row in rows:
        name, unit = lookup.get(row.get("indicator_id", ""), ("", ""))
        row.setdefault(NAME_COLUMN[0], name)
        row.setdefault(UNIT_COLUMN[0], unit)
    return SheetData(sheet_name(table.title_vi, taken), rel, sheet_columns(table, header), rows)


def cell_value(column: SheetColumn, text: str):
    """What a cell holds: a number for number columns, a code's label, ``có``/``không``, else the text
    (neutralised). Empty stays empty."""
    if text is None or text == "":
        return None
    if column.type in ("number", "integer"):
        try:
            return Decimal(text)
        except InvalidOperation:
            return neutralise(text)
    if column.type == "boolean":
        return BOOLEAN_VI.get(text.lower(), neutralise(text))
    if column.labels and text in column.labels:
        return column.labels[text]
    return neutralise(text)


def _write_sheet(wb, sheet: SheetData) -> None:
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(sheet.name)
    header = [Column(c.key, c.title, c.description or c.title, width=_width(c)) for c in sheet.columns]
    _header(ws, tuple(header))
    for r, row in enumerate(sheet.rows, start=2):
        for i, column in enumerate(sheet.columns, start=1):
            value = cell_value(column, row.get(column.key, ""))
            cell = ws.cell(row=r, column=i, value=value)
            if isinstance(value, Decimal):
                cell.number_format = _number_format(value)
            elif column.type in TEXT_TYPES:
                cell.number_format = "@"
    ws.freeze_panes = "B2"
    if sheet.rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{len(sheet.rows) + 1}"


def _width(column: SheetColumn) -> int:
    if column.key in ("source_quote", "description_vi", "message", "source_quotes", "indicator_name_vi"):
        return 48
    return 14 if column.type in ("number", "integer") else 22


def _guide_sheet(wb, title: str, intro: list[str], sheets: list[SheetData]) -> None:
    from openpyxl.styles import Alignment, Font

    ws = wb.active
    ws.title = GUIDE_SHEET
    ws.cell(row=1, column=1, value=title).font = Font(bold=True, size=14)
    r = 2
    for line in intro:
        ws.cell(row=r, column=1, value=neutralise(line)).alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
        ws.row_dimensions[r].height = 30
        r += 1
    r += 1
    heads = ("Trang", "Cột", "Tên cột trong tệp CSV", "Kiểu", "Mô tả", "Quy tắc, mã và nghĩa")
    for i, head in enumerate(heads, start=1):
        ws.cell(row=r, column=i, value=head).font = Font(bold=True)
    for sheet in sheets:
        for column in sheet.columns:
            r += 1
            codes = "; ".join(f"{code} = {label}" for code, label in (column.labels or {}).items())
            values = (
                sheet.name,
                column.title,
                column.key,
                TYPES.get(column.type, (column.type, ""))[0],
                column.description,
                "; ".join(x for x in (column.rules, f"trong trang này viết bằng nghĩa: {codes}" if codes else "") if x),
            )
            for i, value in enumerate(values, start=1):
                cell = ws.cell(row=r, column=i, value=neutralise(value))
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEF", (24, 24, 22, 10, 60, 50)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = f"A{len(intro) + 4}"


def reproducible(xlsx: bytes) -> bytes:
    """``xlsx`` with fixed document dates and zip entry dates (same content → same bytes)."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    src = zipfile.ZipFile(io.BytesIO(xlsx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rf"\g<1>{stamp}\g<2>", text)
                data = text.encode("utf-8")
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.external_attr = 0o100644 << 16
            entry.create_system = 3
            zf.writestr(entry, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


def workbook_bytes(title: str, intro: list[str], sheets: list[SheetData]) -> bytes:
    """The workbook: the guide sheet, then ``sheets``."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.properties.creator = "chitieu"
    wb.properties.created = FIXED_TIME
    _guide_sheet(wb, title, intro, sheets)
    for sheet in sheets:
        _write_sheet(wb, sheet)
    buf = io.BytesIO()
    wb.save(buf)
    return reproducible(buf.getvalue())
