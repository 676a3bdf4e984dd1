"""The review file of the candidate rows: ``.xlsx`` for Excel or LibreOffice, or ``.csv``.

The ``.xlsx`` (openpyxl) opens on a short guide, then the candidates sheet: a frozen header of Vietnamese
titles, each with a note saying what to write (:mod:`chitieu.data.reviewsheet`); drop-down lists (data
validation) for the decision (nhận / bỏ / sửa), the indicator, the qualifier, the status and the locality,
read from a lists sheet; the quote with its number in bold red (rich text); numbers stored as numbers, shown
with the decimals the report wrote; ids and periods stored as text so that Excel never turns ``2023-04`` into a
date. A sheet for new indicators follows. Both files are written atomically.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from chitieu.analysis.extract.candidates import CandidateRun
from chitieu.atomic import write_bytes_atomic, write_text_atomic
from chitieu.data import reviewsheet as rs

_HEADER_FILL = "FFDDEBF7"
_NUMBER_COLOUR = "FFC00000"
_DATA_ROWS_FOR_NEW_INDICATORS = 200
_TEXT_KEYS = frozenset({"obs_id", "indicator_id", "period", "source_ref", "runner_up_indicator_id", "locality"})


def candidate_rows(run: CandidateRun) -> list[dict]:
    """One dict per candidate, keyed by the columns of :data:`chitieu.data.reviewsheet.OBSERVATION_COLUMNS`."""
    names = run.index.names_vi
    rows = []
    for c in run.candidates:
        top = c.suggestions[0] if c.suggestions else ("", None)
        second = c.suggestions[1] if len(c.suggestions) > 1 else ("", None)
        rows.append(
            {
                "decision": rs.DROP if c.known else "",
                "source_quote": c.source_quote,
                "value": c.value,
                "number_text": c.number_text,
                "indicator_id": c.indicator_id,
                "suggested_name_vi": names.get(top[0], ""),
                "confidence": top[1],
                "runner_up_indicator_id": second[0],
                "runner_up_name_vi": names.get(second[0], ""),
                "runner_up_confidence": second[1],
                "period": c.period,
                "qualifier": c.qualifier,
                "status": c.status,
                "locality": c.locality,
                "source_ref": c.source_ref,
                "obs_id": "",
                "line": c.line,
                "known": "có" if c.known else "không",
                "period_basis": c.period_basis,
                "review_note": "",
                "_number_at": c.start - c.quote_start,
            }
        )
    return rows


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def write_candidates_csv(path: Path, run: CandidateRun) -> None:
    """The candidates as CSV (UTF-8, ``,``, the column keys as header), atomically."""
    keys = [col.key for col in rs.OBSERVATION_COLUMNS]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(keys)
    for row in candidate_rows(run):
        writer.writerow([_csv_cell(row[k]) for k in keys])
    write_text_atomic(Path(path), out.getvalue())


def _number_format(value: Decimal) -> str:
    decimals = max(0, -value.as_tuple().exponent)
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _header(ws, columns: tuple[rs.Column, ...]) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for i, col in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=i, value=col.title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        note = Comment(f"{col.note}\n(cột / column: {col.key})", "chitieu")
        note.width, note.height = 320, 140
        cell.comment = note
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.row_dimensions[1].height = 32


def _list_validation(ws, formula: str, cells: str, prompt: str, strict: bool = True):
    from openpyxl.worksheet.datavalidation import DataValidation

    dv = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop" if strict else "warning",
        errorTitle="Giá trị không có trong danh sách",
        error="Chọn một giá trị trong danh sách (trang Danh mục).",
        promptTitle="Chọn trong danh sách",
        prompt=prompt,
        showInputMessage=True,
    )
    ws.add_data_validation(dv)
    dv.add(cells)


def _lists_sheet(wb, run: CandidateRun) -> dict[str, str]:
    """Write the lists sheet; return the range (as a formula) of each list."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(rs.LISTS_SHEET)
    codes = rs.contract_codes()
    lists = {
        "indicator_id": [(iid, run.index.names_vi[iid]) for iid in sorted(run.index.names_vi)],
        "qualifier": list(codes["qualifier"].items()),
        "status": list(codes["status"].items()),
        "locality": [(name, "") for name in run.localities.canonical],
        "decision": [(d, "") for d in rs.DECISIONS],
        "chapter": list(codes["chapter"].items()),
        "unit": list(codes["unit"].items()),
        "higher_is_better": [("true", "càng cao càng tốt"), ("false", "càng thấp càng tốt")],
    }
    ranges = {}
    column = 1
    quoted = "'" + rs.LISTS_SHEET.replace("'", "''") + "'"
    for key, items in lists.items():
        letter = get_column_letter(column)
        ws.cell(row=1, column=column, value=key).font = Font(bold=True)
        ws.cell(row=1, column=column + 1, value="nhãn / label").font = Font(bold=True)
        for r, (code, label) in enumerate(items, start=2):
            ws.cell(row=r, column=column, value=code)
            ws.cell(row=r, column=column + 1, value=label)
        last = max(2, len(items) + 1)
        ranges[key] = f"{quoted}!${letter}$2:${letter}${last}"
        ws.column_dimensions[letter].width = 34 if key == "indicator_id" else 16
        ws.column_dimensions[get_column_letter(column + 1)].width = 40 if key == "indicator_id" else 20
        column += 3
    ws.freeze_panes = "A2"
    return ranges


def _guide_sheet(wb, run: CandidateRun, count: int) -> None:
    from openpyxl.styles import Alignment, Font

    ws = wb.active
    ws.title = rs.GUIDE_SHEET
    lines = [
        ("Rà soát số liệu ứng viên", True),
        (f"Văn bản gốc: {run.raw_file.name} — năm báo cáo {run.years.as_of}; {count} số liệu ứng viên.", False),
        ("", False),
        (
            f"1. Ở trang '{rs.OBSERVATIONS_SHEET}', mỗi dòng là một con số tìm thấy trong văn bản; con số được tô đỏ "
            "trong trích dẫn.",
            False,
        ),
        (
            "2. Ghi cột 'Quyết định': nhận (đúng, nhập), sửa (đã sửa các ô, nhập), bỏ (không nhập). Dòng để trống "
            "không được nhập.",
            False,
        ),
        (
            "3. Kiểm tra mã chỉ tiêu (đã điền sẵn đề xuất), kỳ, từ định lượng, loại số liệu, địa bàn. Di chuột lên "
            "tiêu đề cột để xem hướng dẫn.",
            False,
        ),
        ("4. Trích dẫn phải giữ đúng nguyên văn; giá trị phải là một số trong trích dẫn.", False),
        (f"5. Chỉ tiêu chưa có: thêm ở trang '{rs.INDICATORS_SHEET}' (quyết định 'nhận').", False),
        (
            "6. Lưu tệp (giữ định dạng .xlsx, không đổi tên các trang), rồi chạy: make import FILE=<tệp này>. "
            "Mọi lỗi được báo với trang, dòng và cột; khi có lỗi, không dòng nào được nhập.",
            False,
        ),
        ("", False),
        (
            "Review the candidate rows: write a decision (nhận = accept, sửa = accept as corrected, bỏ = drop) on each "
            "row, check the cells, save, then run `make import FILE=<this file>`.",
            False,
        ),
    ]
    for r, (text, bold) in enumerate(lines, start=1):
        cell = ws.cell(row=r, column=1, value=text)
        cell.font = Font(bold=bold, size=14 if bold else 11)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 120


def write_candidates_xlsx(path: Path, run: CandidateRun) -> None:
    """The review workbook (see the module's description), written atomically."""
    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    rows = candidate_rows(run)
    wb = Workbook()
    _guide_sheet(wb, run, len(rows))
    ws = wb.create_sheet(rs.OBSERVATIONS_SHEET)
    columns = rs.OBSERVATION_COLUMNS
    _header(ws, columns)
    position = {col.key: i for i, col in enumerate(columns, start=1)}
    highlight = InlineFont(b=True, color=_NUMBER_COLOUR)
    for r, row in enumerate(rows, start=2):
        for col in columns:
            value = row[col.key]
            cell = ws.cell(row=r, column=position[col.key])
            if col.key == "source_quote":
                at, number = row["_number_at"], row["number_text"]
                parts = [value[:at], TextBlock(highlight, number), value[at + len(number) :]]
                cell.value = CellRichText([p for p in parts if not isinstance(p, str) or p])
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif col.key == "value":
                cell.value = value
                cell.number_format = _number_format(value)
            elif col.key in ("confidence", "runner_up_confidence"):
                cell.value = value
                cell.number_format = "0.00"
            else:
                cell.value = value if value != "" else None
                if col.key in _TEXT_KEYS:
                    cell.number_format = "@"
    last = max(2, len(rows) + 1)
    ranges = _lists_sheet(wb, run)

    def cells(key: str) -> str:
        letter = get_column_letter(position[key])
        return f"{letter}2:{letter}{last}"

    _list_validation(ws, '"' + ",".join(rs.DECISIONS) + '"', cells("decision"), "nhận, sửa hoặc bỏ")
    _list_validation(ws, ranges["indicator_id"], cells("indicator_id"), "Mã chỉ tiêu (trang Danh mục)", strict=False)
    _list_validation(ws, ranges["qualifier"], cells("qualifier"), "exact, approx, more_than, …")
    _list_validation(ws, ranges["status"], cells("status"), "actual, estimate hoặc plan")
    _list_validation(ws, ranges["locality"], cells("locality"), "Để trống: toàn thị xã")
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last}"

    wi = wb.create_sheet(rs.INDICATORS_SHEET, index=2)
    _header(wi, rs.INDICATOR_COLUMNS)
    ind_pos = {col.key: get_column_letter(i) for i, col in enumerate(rs.INDICATOR_COLUMNS, start=1)}
    end = _DATA_ROWS_FOR_NEW_INDICATORS + 1
    for key in ("indicator_id", "resolution_no"):
        for r in range(2, end + 1):
            wi[f"{ind_pos[key]}{r}"].number_format = "@"
    _list_validation(
        wi,
        '"' + ",".join(rs.DECISIONS) + '"',
        f"{ind_pos['decision']}2:{ind_pos['decision']}{end}",
        "nhận, sửa hoặc bỏ",
    )
    _list_validation(wi, ranges["chapter"], f"{ind_pos['chapter']}2:{ind_pos['chapter']}{end}", "Lĩnh vực")
    _list_validation(wi, ranges["unit"], f"{ind_pos['unit']}2:{ind_pos['unit']}{end}", "Đơn vị")
    _list_validation(
        wi,
        ranges["higher_is_better"],
        f"{ind_pos['higher_is_better']}2:{ind_pos['higher_is_better']}{end}",
        "true, false hoặc trống",
    )
    wi.freeze_panes = "B2"

    out = io.BytesIO()
    wb.save(out)
    write_bytes_atomic(Path(path), out.getvalue())


def write_candidates(path: Path, run: CandidateRun) -> None:
    """Write the review file: ``.xlsx`` or ``.csv`` by the path's suffix.

    Raises
    ------
    ValueError
        For any other suffix.
    """
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        write_candidates_xlsx(path, run)
    elif suffix == ".csv":
        write_candidates_csv(path, run)
    else:
        raise ValueError(f"tệp ra phải là .xlsx hoặc .csv / the output must end in .xlsx or .csv, not {suffix!r}")
