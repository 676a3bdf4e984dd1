"""Read a data CSV the way spreadsheet programs write it, and refuse what they should not.

Accepted and read identically: a UTF-8 byte-order mark, CRLF line ends, quoted fields, trailing blank
lines, Unicode NFD (normalised to NFC). Refused with a clear error: another encoding (e.g. Windows-1258),
``;`` or tab as delimiter, missing, unknown or repeated columns, rows with too few or too many fields, a
blank row inside the table, an unterminated quote, and a last line without its line end (a truncated file).
Every error names the file, the row as a spreadsheet shows it (header = row 1) and, when it can be told,
the column.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from chitieu.data.errors import DataError

_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
_RESAVE_VI = (
    "trong Excel chọn Lưu thành → 'CSV UTF-8 (phân cách bằng dấu phẩy) (*.csv)'; trong LibreOffice chọn "
    "Lưu thành → CSV, bộ ký tự 'Unicode (UTF-8)', dấu phân cách ','; trong Google Trang tính chọn Tải xuống → CSV"
)
_RESAVE_EN = (
    "in Excel use Save As → 'CSV UTF-8 (Comma delimited) (*.csv)'; in LibreOffice Save As → CSV with character "
    "set 'Unicode (UTF-8)' and field delimiter ','; in Google Sheets use Download → CSV"
)


def _display(path: Path) -> str:
    parts = path.parts
    if "data" in parts:
        last = len(parts) - 1 - parts[::-1].index("data")
        return "/".join(parts[last:])
    return str(path)


def _column_label(header: list[str], index: int) -> str:
    """The name of column ``index`` (0-based), or its position when the header cell is blank."""
    if index < len(header) and header[index]:
        return header[index]
    return f"#{index + 1} ({_letter(index)})"


def _letter(index: int) -> str:
    """Spreadsheet letter of a 0-based column index: 0 → A, 26 → AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


class _Lines:
    """Feeds ``csv.reader`` line by line and remembers how many lines it has consumed."""

    def __init__(self, text: str):
        self.lines = _LINE_RE.findall(text)
        self.used = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if self.used >= len(self.lines):
            raise StopIteration
        self.used += 1
        return self.lines[self.used - 1]


def _field_of_bad_quote(segment: str) -> int | None:
    """0-based index of the field where a quoting error happens in ``segment`` (one record onwards).

    Returns the field whose quote is never closed, or the field with text after its closing quote.
    """
    field, i, at_start = 0, 0, True
    while i < len(segment):
        ch = segment[i]
        if at_start and ch == '"':
            j = i + 1
            while True:
                k = segment.find('"', j)
                if k < 0:
                    return field  # never closed
                if segment.startswith('""', k):
                    j = k + 2
                    continue
                break
            i = k + 1
            if i < len(segment) and segment[i] not in ",\r\n":
                return field  # text after the closing quote
            at_start = False
            continue
        if ch == ",":
            field += 1
            at_start = True
        elif ch in "\r\n":
            return None
        else:
            at_start = False
        i += 1
    return None


def _locate(text: str, pos: int) -> tuple[int, int | None, list[str], str]:
    """Where character ``pos`` of ``text`` lies: spreadsheet row, 0-based field index, header, cell text.

    Rows follow the CSV records (a quoted cell may span lines); reading stops quietly at a quoting error,
    the rest being the record that failed.
    """
    lines = _Lines(text)
    offsets, total = [], 0
    for line in lines.lines:
        offsets.append(total)
        total += len(line)
    target = max(i for i, off in enumerate(offsets) if off <= pos) if offsets else 0
    reader = csv.reader(lines)
    records: list[list[str]] = []
    start = 0
    while True:
        start = lines.used
        try:
            record = next(reader)
        except (StopIteration, csv.Error):
            break
        if start <= target < lines.used:
            break
        records.append(record)
    header = [h.strip() for h in records[0]] if records else []
    segment = text[offsets[start] if start < len(offsets) else 0 : pos]
    field, in_quote, cell = 0, False, ""
    for ch in segment:
        if ch == '"':
            in_quote = not in_quote
        elif ch == "," and not in_quote:
            field, cell = field + 1, ""
            continue
        cell += ch
    rest = text[pos:]
    stop = len(rest)
    for sep in (",", "\n", "\r"):
        k = rest.find(sep)
        if k >= 0:
            stop = min(stop, k)
    return len(records) + 1, field, header, (cell + rest[:stop]).strip('"')


def _encoding_error(name: str, raw: bytes, exc: UnicodeDecodeError) -> DataError:
    """Say where the first non-UTF-8 byte is (row and column) and how to re-save the file."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return DataError(
            name,
            1,
            None,
            None,
            "tệp được lưu dạng UTF-16 ('Unicode Text'), không phải CSV UTF-8: " + _RESAVE_VI,
            "file is saved as UTF-16 ('Unicode Text'), not as CSV UTF-8: " + _RESAVE_EN,
        )
    text = raw.decode("utf-8", errors="surrogateescape")
    pos = next(i for i, ch in enumerate(text) if "\udc80" <= ch <= "\udcff")
    row, field, header, cell = _locate(text, pos)
    column = _column_label(header, field) if row > 1 and field is not None else None
    # Valid UTF-8 is shown as is; the bytes that are not are shown as Windows-1258 would read them.
    shown = "".join(
        bytes([ord(ch) - 0xDC00]).decode("cp1258", errors="replace") if "\udc80" <= ch <= "\udcff" else ch
        for ch in cell
    )[:60]
    if exc.end >= len(raw) and exc.reason == "unexpected end of data":
        return DataError(
            name,
            row,
            column,
            shown,
            "tệp dừng giữa một ký tự: tệp bị cắt cụt (lưu hoặc sao chép chưa xong); lấy lại bản đầy đủ rồi lưu lại",
            "file ends in the middle of a character: it is truncated (saving or copying did not finish); "
            "restore the complete file and save it again",
        )
    return DataError(
        name,
        row,
        column,
        shown,
        "tệp không phải UTF-8 (có thể là bảng mã cũ Windows-1258, TCVN3 hay VNI): lưu lại tệp dạng CSV UTF-8 — "
        + _RESAVE_VI,
        "file is not UTF-8 (probably the legacy Vietnamese encoding Windows-1258, TCVN3 or VNI): re-save it as "
        "CSV UTF-8 — " + _RESAVE_EN,
    )


def read_csv_rows(
    path: Path, columns: tuple[str, ...], errors: list[DataError], exact: frozenset[str] = frozenset()
) -> list[tuple[int, dict[str, str]]]:
    """Read ``path`` into ``(spreadsheet_row, {column: text})`` pairs, appending problems to ``errors``.

    Text is NFC-normalised and stripped of surrounding whitespace, except in the ``exact`` columns (numbers:
    a value must be written exactly as the contract says, and ``"7943\u00a0"`` is not ``7943``). Returns what
    could be read; the caller decides to stop when ``errors`` is not empty. A problem with the file as a whole
    (encoding, delimiter, header, quoting) returns no row at all.
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
        errors.append(_encoding_error(name, raw, exc))
        return []
    text = unicodedata.normalize("NFC", text)
    first_line = _LINE_RE.match(text).group(0) if text else ""
    for sep, sep_vi, sep_en in ((";", "dấu chấm phẩy ';'", "';'"), ("\t", "ký tự tab", "tab")):
        if sep in first_line and "," not in first_line:
            errors.append(
                DataError(
                    name,
                    1,
                    None,
                    first_line.rstrip("\r\n")[:60],
                    f"dùng {sep_vi} làm dấu phân cách: cần dấu phẩy ',' — " + _RESAVE_VI,
                    f"{sep_en} used as delimiter: the delimiter must be ',' — " + _RESAVE_EN,
                )
            )
            return []
    lines = _Lines(text)
    reader = csv.reader(lines, strict=True)
    records: list[list[str]] = []
    ends: list[int] = []  # index of the last physical line of each record
    while True:
        start = lines.used
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            header = [h.strip() for h in records[0]] if records else []
            field = _field_of_bad_quote("".join(lines.lines[start:]))
            column = _column_label(header, field) if field is not None and records else None
            errors.append(
                DataError(
                    name,
                    len(records) + 1,
                    column,
                    "".join(lines.lines[start : start + 1]).rstrip("\r\n")[:80],
                    'dấu ngoặc kép " không đóng hoặc có chữ sau dấu ngoặc kép đóng (tệp bị cắt cụt?); '
                    f'trong một ô, dấu " phải viết thành "" ({exc})',
                    'unterminated quote or text after a closing quote (truncated file?); inside a cell a " is '
                    f'written "" ({exc})',
                )
            )
            return []
        records.append(record)
        ends.append(lines.used - 1)
    while records and all(not cell.strip() for cell in records[-1]):
        records.pop()
        ends.pop()
    if not records:
        errors.append(
            DataError(
                name,
                1,
                None,
                None,
                "tệp rỗng: cần dòng tiêu đề và dữ liệu",
                "file is empty: a header row and data are expected",
            )
        )
        return []
    header = [h.strip() for h in records[0]]
    missing = [c for c in columns if c not in header]
    unknown = [(i, h) for i, h in enumerate(header) if h not in columns]
    repeated = sorted({h for h in header if h and header.count(h) > 1})
    for col in missing:
        errors.append(
            DataError(
                name,
                1,
                col,
                None,
                f"thiếu cột '{col}'; các cột cần có: {', '.join(columns)}",
                f"column '{col}' is missing; the columns are: {', '.join(columns)}",
            )
        )
    for i, col in unknown:
        label = _column_label(header, i)
        errors.append(
            DataError(
                name,
                1,
                label,
                col,
                f"cột lạ '{label}' (cột {_letter(i)}): xóa cột này; các cột hợp lệ là {', '.join(columns)}",
                f"unknown column '{label}' (column {_letter(i)}): delete it; valid columns are {', '.join(columns)}",
            )
        )
    for col in repeated:
        errors.append(DataError(name, 1, col, col, f"cột '{col}' bị lặp", f"column '{col}' appears twice"))
    if missing or unknown or repeated:
        return []
    rows: list[tuple[int, dict[str, str]]] = []
    for index, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            errors.append(
                DataError(
                    name,
                    index,
                    None,
                    None,
                    "dòng trống giữa bảng: xóa hẳn dòng này (nếu số liệu bị xóa nhầm, hãy khôi phục)",
                    "blank row inside the table: delete the row (if its data was deleted by mistake, restore it)",
                )
            )
            continue
        if len(record) != len(header):
            errors.append(_field_count_error(name, index, record, header))
            continue
        rows.append((index, {h: cell if h in exact else cell.strip() for h, cell in zip(header, record)}))
    last_line = lines.lines[ends[-1]] if ends else ""
    if len(records) > 1 and not last_line.endswith(("\n", "\r")):
        record = records[-1]
        col = min(len(record), len(header)) - 1
        errors.append(
            DataError(
                name,
                len(records),
                _column_label(header, col),
                record[col][-40:] if record else None,
                "dòng cuối không kết thúc bằng ký tự xuống dòng: tệp có thể bị cắt cụt (lưu hoặc sao chép chưa xong). "
                "Kiểm tra dòng này đủ nội dung rồi lưu lại tệp từ bảng tính",
                "the last line has no line end: the file may be truncated (saving or copying did not finish). "
                "Check that this row is complete, then save the file again from the spreadsheet",
            )
        )
        rows = [(r, rec) for r, rec in rows if r != len(records)]
    return rows


def _field_count_error(name: str, row: int, record: list[str], header: list[str]) -> DataError:
    """A row with too few or too many fields: say which column is missing or where a comma slipped in."""
    shown = ",".join(record)[:80]
    if len(record) < len(header):
        missing = header[len(record)]
        return DataError(
            name,
            row,
            missing,
            shown,
            f"dòng có {len(record)} ô, thiếu so với {len(header)} cột (thiếu từ cột '{missing}'; dòng bị cắt cụt?)",
            f"row has {len(record)} fields, too few for {len(header)} columns (missing from column '{missing}'; "
            "truncated line?)",
        )
    column, hint_vi, hint_en = None, "", ""
    if len(record) == len(header) + 1:
        for i in range(len(header)):
            left, right = record[i].strip(), record[i + 1].strip()
            if re.fullmatch(r"-?[0-9]+", left) and re.fullmatch(r"[0-9]+", right):
                column, shown = header[i], f"{left},{right}"
                hint_vi = f": số có dấu phẩy thập phân {shown} ở cột '{header[i]}' — viết {left}.{right}"
                hint_en = f": number with a decimal comma {shown} in column '{header[i]}' — write {left}.{right}"
                break
    if column is None:
        hint_vi = ": một ô có dấu phẩy mà không đặt trong ngoặc kép"
        hint_en = ": a cell contains a comma but is not quoted"
    return DataError(
        name,
        row,
        column,
        shown,
        f"dòng có {len(record)} ô, thừa so với {len(header)} cột" + hint_vi,
        f"row has {len(record)} fields, too many for {len(header)} columns" + hint_en,
    )
