"""Read a data CSV the way spreadsheet programs write it, and refuse what they should not.

Accepted and read identically: a UTF-8 byte-order mark, CRLF line ends, quoted fields, trailing blank
lines, Unicode NFD (normalised to NFC). Refused with a clear error: another encoding (e.g. Windows-1258),
``;`` as delimiter, missing or unknown columns, rows with too few or too many fields (a truncated last
line), an unterminated quote.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

from chitieu.errors import DataError


def _display(path: Path) -> str:
    parts = path.parts
    return "/".join(parts[parts.index("data"):]) if "data" in parts else str(path)


def read_csv_rows(
    path: Path, columns: tuple[str, ...], errors: list[DataError]
) -> list[tuple[int, dict[str, str]]]:
    """Read ``path`` into ``(spreadsheet_row, {column: text})`` pairs, appending problems to ``errors``.

    Text is NFC-normalised and stripped of surrounding whitespace. Returns what could be read; the caller
    decides to stop when ``errors`` is not empty.
    """
    name = _display(path)
    if not path.exists():
        errors.append(DataError(name, None, None, None, "thiếu tệp dữ liệu", "data file is missing"))
        return []
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        errors.append(
            DataError(
                name,
                line,
                None,
                repr(raw[exc.start : exc.start + 8]),
                "tệp không phải UTF-8 (có thể là Windows-1258/TCVN3): trong Excel chọn "
                "Lưu thành → 'CSV UTF-8 (phân cách bằng dấu phẩy)', trong LibreOffice chọn bộ ký tự Unicode (UTF-8)",
                "file is not UTF-8 (probably Windows-1258/TCVN3): re-save it as 'CSV UTF-8 (Comma delimited)' "
                "in Excel, or with character set 'Unicode (UTF-8)' in LibreOffice",
            )
        )
        return []
    text = unicodedata.normalize("NFC", text)
    first_line = text.split("\n", 1)[0]
    if ";" in first_line and "," not in first_line:
        errors.append(
            DataError(
                name,
                1,
                None,
                first_line[:60],
                "dùng dấu chấm phẩy ';' làm dấu phân cách: cần dấu phẩy ','",
                "';' used as delimiter: the delimiter must be ','",
            )
        )
        return []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = list(reader)
    except csv.Error as exc:
        errors.append(
            DataError(
                name,
                reader.line_num,
                None,
                None,
                f"lỗi định dạng CSV (dấu ngoặc kép không đóng?): {exc}",
                f"malformed CSV (unterminated quote?): {exc}",
            )
        )
        return []
    while records and all(not cell.strip() for cell in records[-1]):
        records.pop()
    if not records:
        errors.append(DataError(name, None, None, None, "tệp rỗng", "file is empty"))
        return []
    header = [h.strip() for h in records[0]]
    missing = [c for c in columns if c not in header]
    unknown = [h for h in header if h not in columns]
    for col in missing:
        errors.append(
            DataError(name, 1, col, None, f"thiếu cột '{col}'", f"column '{col}' is missing")
        )
    for col in unknown:
        errors.append(
            DataError(
                name,
                1,
                col,
                None,
                f"cột lạ '{col}': các cột hợp lệ là {', '.join(columns)}",
                f"unknown column '{col}': valid columns are {', '.join(columns)}",
            )
        )
    if missing or unknown or len(set(header)) != len(header):
        if len(set(header)) != len(header):
            errors.append(DataError(name, 1, None, None, "tên cột bị lặp", "duplicate column name"))
        return []
    rows: list[tuple[int, dict[str, str]]] = []
    for index, record in enumerate(records[1:], start=2):
        if len(record) != len(header):
            what_vi = "thiếu" if len(record) < len(header) else "thừa"
            what_en = "too few" if len(record) < len(header) else "too many"
            errors.append(
                DataError(
                    name,
                    index,
                    None,
                    ",".join(record)[:80],
                    f"dòng có {len(record)} trường, {what_vi} so với {len(header)} cột (dòng bị cắt cụt?)",
                    f"row has {len(record)} fields, {what_en} for {len(header)} columns (truncated line?)",
                )
            )
            continue
        rows.append((index, {h: cell.strip() for h, cell in zip(header, record)}))
    return rows
