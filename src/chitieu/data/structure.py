"""The rules a Table Schema states, checked on the rows of a data file: generated from the contract.

For every cell: no control character or line break; a required cell is not empty; the value has the
field's type (a machine-written number, a whole number, ``true``/``false``), lies within its ``minimum`` /
``maximum``, is one of its ``enum`` codes and matches its ``pattern``. For the file: ``unique`` columns and
the ``primaryKey`` are not repeated, and every ``foreignKey`` names a row of the table it refers to. Each
problem is a :class:`~chitieu.data.errors.DataError` naming file, spreadsheet row, column and value, with
what was expected in Vietnamese and English, worded from the schema (a pattern's ``pattern_hint_vi``, an
enumeration's codes with their labels).

The rules that need more than a schema (a quote found verbatim in the raw text, the value written in it, a
period's syntax, a unit's range) are :mod:`chitieu.data.validate`'s; they skip the cells this module
refused, so one mistake gives one error.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from chitieu.data import contract
from chitieu.data.cells import starts_like_formula
from chitieu.data.contract import Field, Table
from chitieu.data.csvread import read_csv_rows
from chitieu.data.errors import DataError
from chitieu.data.vnnum import parse_machine_number

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")
_LINE_BREAK_RE = re.compile(r"[\r\n]")
# Either of the two above: one search per row finds the (rare) rows that need the cell-by-cell check.
_SUSPECT_RE = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
_ASCII_INT_RE = re.compile(r"-?[0-9]+")
# A foreign key's message lists the values it allows when there are at most this many.
_LIST_AT_MOST = 20

References = Mapping[str, Mapping[str, Collection[str]] | None]
"""Table name → column → the values a foreign key may name (canonical text, see :func:`canonical`). A
table left out, or given as ``None`` (it could not be read: its own error is reported), is not checked."""


@dataclass
class CheckedRow:
    """A row after the structural checks: its cells as read, their typed values, the columns refused."""

    row: int
    cells: dict[str, str]
    values: dict[str, Any]
    bad: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.bad


Problem = tuple[str, str]
"""What was expected, in Vietnamese and in English."""


def display_file(name: str) -> str:
    """How errors name the file of table ``name``: ``data/observations.csv``."""
    resources = contract.load().resources
    return f"data/{resources[name].path}" if name in resources else f"{name}.csv"


def canonical(f: Field, value: Any) -> str | None:
    """The text a key or a foreign key compares: a whole number without leading zeros, else the text."""
    if value is None or value == "":
        return None
    if f.type == "string":
        return value
    if f.type == "integer":
        try:
            return str(int(str(value)))
        except ValueError:
            return None
    return str(value)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _or_blank(f: Field, vi: str, en: str) -> Problem:
    return (vi, en) if f.required else (f"{vi} hoặc để trống", f"{en} or blank")


def _integer_problem(f: Field) -> Problem:
    lo, hi = f.minimum, f.maximum
    if lo is not None and hi is not None:
        return _or_blank(f, f"cần số nguyên từ {lo} đến {hi}", f"expected a whole number from {lo} to {hi}")
    if lo is not None:
        return _or_blank(f, f"cần số nguyên từ {lo} trở lên", f"expected a whole number of at least {lo}")
    if hi is not None:
        return _or_blank(f, f"cần số nguyên không quá {hi}", f"expected a whole number of at most {hi}")
    return _or_blank(f, "cần số nguyên", "expected a whole number")


def number_problem(value: str) -> Problem:
    """Why ``value`` is not a machine-written number, with the fix for the usual spreadsheet habits."""
    hint_vi = hint_en = ""
    if value != value.strip():
        hint_vi = " (xóa khoảng trắng, kể cả khoảng trắng không ngắt, trước và sau số)"
        hint_en = " (remove the spaces, non-breaking ones included, around the number)"
    elif re.fullmatch(r"-?0\d+(\.\d+)?", value):
        hint_vi, hint_en = " (không viết số 0 ở đầu: 3, không phải 03)", " (no leading zero: 3, not 03)"
    elif re.fullmatch(r"-?\d+,\d+", value):
        hint_vi, hint_en = " (dùng dấu chấm thập phân: 13.7, không phải 13,7)", " (use a decimal point: 13.7, not 13,7)"
    elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", value):
        hint_vi = " (không dùng dấu phân cách hàng nghìn: 7943, không phải 7.943)"
        hint_en = " (no thousands separator: 7943, not 7.943)"
    return (
        "cần một số dạng máy: dấu chấm thập phân, không phân cách hàng nghìn" + hint_vi,
        "expected a number with a decimal point and no grouping" + hint_en,
    )


def _enum_problem(f: Field) -> Problem:
    shown = ", ".join(
        f"{code} ({f.labels_vi[code]})" if f.labels_vi.get(code) not in (None, "", code) else code for code in f.enum
    )
    return f"giá trị không hợp lệ; cho phép: {shown}", f"invalid value; allowed: {shown}"


Parser = Callable[[str], tuple[Any, Problem | None]]


FORMULA_PROBLEM: Problem = (
    "ô chữ không được bắt đầu bằng =, +, -, @, tab hay xuống dòng: bảng tính sẽ chạy nó như một công thức",
    "a text cell may not start with =, +, -, @, a tab or a carriage return: a spreadsheet would run it as a formula",
)


def _parser(f: Field) -> Parser | None:
    """A function reading one non-empty cell of ``f``: ``(typed value, problem or None)``; ``None`` for free text.

    A field marked ``free_text: true`` in its schema (names, descriptions, reasons: text typed by a person, not
    quoted from the report) refuses a cell a spreadsheet would run as a formula (:mod:`chitieu.data.cells`).
    """
    parse = _typed_parser(f)
    if not f.descriptor.get("free_text"):
        return parse

    def guarded(text: str) -> tuple[Any, Problem | None]:
        if starts_like_formula(text):
            return None, FORMULA_PROBLEM
        return parse(text) if parse is not None else (text, None)

    return guarded


def _typed_parser(f: Field) -> Parser | None:
    if f.type == "integer":
        problem = _integer_problem(f)

        def parse(text: str) -> tuple[Any, Problem | None]:
            if not _ASCII_INT_RE.fullmatch(text):
                return None, problem
            value = int(text)
            if (f.minimum is not None and value < f.minimum) or (f.maximum is not None and value > f.maximum):
                return None, problem
            return value, None

    elif f.type == "number":

        def parse(text: str) -> tuple[Any, Problem | None]:
            try:
                if not text.isascii():  # full-width or other non-ASCII digits read as numbers by Python
                    raise ValueError(text)
                if text != text.strip() or re.match(r"-?0\d", text):  # " 7943", "07943": not as the contract says
                    raise ValueError(text)
                value = parse_machine_number(text)
            except ValueError:
                return None, number_problem(text)
            lo, hi = f.minimum, f.maximum
            if (lo is not None and value < Decimal(str(lo))) or (hi is not None and value > Decimal(str(hi))):
                return None, (f"cần số trong khoảng {lo}..{hi}", f"expected a number within {lo}..{hi}")
            return value, None

    elif f.type == "boolean":
        allowed = {**dict.fromkeys(f.true_values, True), **dict.fromkeys(f.false_values, False)}
        words = list(allowed)
        problem = _or_blank(f, f"cần {' hoặc '.join(words)}", f"expected {' or '.join(words)}")

        def parse(text: str) -> tuple[Any, Problem | None]:
            return (allowed[text], None) if text in allowed else (None, problem)

    elif f.enum is None and f.pattern is None:
        return None
    else:
        pattern = re.compile(f.pattern) if f.pattern else None
        pattern_problem = f.pattern_hint or (f"không đúng mẫu {f.pattern}", f"does not match the pattern {f.pattern}")
        codes = frozenset(f.enum) if f.enum is not None else None
        enum_problem = _enum_problem(f) if f.enum is not None else None

        def parse(text: str) -> tuple[Any, Problem | None]:
            if codes is not None and text not in codes:
                return None, enum_problem
            if pattern is not None and not pattern.fullmatch(text):
                return None, pattern_problem
            return text, None

    return parse


@functools.cache
def _parsers(name: str) -> tuple[tuple[str, bool, Parser | None], ...]:
    return tuple((f.name, f.required, _parser(f)) for f in contract.table(name).fields)


def referenced_columns(name: str) -> set[str]:
    """Columns of table ``name`` that some foreign key of the contract refers to."""
    return {
        col
        for table in contract.load().tables.values()
        for fk in table.foreign_keys
        if fk.resource == name
        for col in fk.reference_fields
    }


def reference_values(name: str, records: Iterable[Mapping[str, Any]]) -> dict[str, frozenset[str]]:
    """The values that foreign keys may name in table ``name``, from its records (text or typed values)."""
    table = contract.table(name)
    out = [(col, table.field(col), set()) for col in referenced_columns(name)]
    for rec in records:
        for col, f, values in out:
            if (value := canonical(f, rec.get(col))) is not None:
                values.add(value)
    return {col: frozenset(values) for col, _, values in out}


def _hygiene(cells: dict[str, str]) -> list[tuple[str, str, Problem]]:
    """Control characters and line breaks: ``(column, shown value, problem)`` per bad cell."""
    if _SUSPECT_RE.search("".join(cells.values())) is None:
        return []
    out = []
    for col, text in cells.items():
        if _CONTROL_RE.search(text):
            out.append(
                (
                    col,
                    text[:40],
                    (
                        "có ký tự điều khiển (ký tự ẩn): gõ lại ô này",
                        "contains a control (invisible) character: retype the cell",
                    ),
                )
            )
        elif _LINE_BREAK_RE.search(text):
            out.append(
                (
                    col,
                    text[:40],
                    (
                        "ô có ký tự xuống dòng (Alt+Enter): viết trên một dòng",
                        "cell contains a line break (Alt+Enter): write it on one line",
                    ),
                )
            )
    return out


def _key_problem(table: Table, key: tuple[str, ...], first: int) -> Problem:
    if len(key) == 1:
        f = table.field(key[0])
        return (
            f"trùng với dòng {first}: mỗi {_lower_first(f.title_vi)} chỉ dùng một lần",
            f"duplicate of row {first}: each {_lower_first(f.title_en)} is used once",
        )
    titles_vi = [_lower_first(table.field(c).title_vi) for c in key]
    titles_en = [_lower_first(table.field(c).title_en) for c in key]
    return (
        f"trùng với dòng {first} (cùng {', '.join(titles_vi[:-1])} và {titles_vi[-1]}): xóa một dòng",
        f"duplicate of row {first} (same {', '.join(titles_en[:-1])} and {titles_en[-1]}): delete one of them",
    )


def _foreign_key_problem(fk, allowed: Collection[str]) -> Problem:
    target = f"{display_file(fk.resource)}, cột {fk.reference_fields[0]}"
    target_en = f"{display_file(fk.resource)}, column {fk.reference_fields[0]}"
    if len(allowed) <= _LIST_AT_MOST:
        listed = ", ".join(sorted(allowed, key=lambda v: (len(v), v) if v.isdigit() else (0, v)))
        return f"không có trong {target}; các giá trị có: {listed}", f"not found in {target_en}; known values: {listed}"
    return f"không có trong {target}", f"not found in {target_en}"


_REQUIRED: Problem = ("ô bắt buộc đang để trống", "required field is empty")


class _Checker:
    """The rules of one table, compiled once, applied row by row (keys remember the rows seen)."""

    def __init__(self, name: str, errors: list[DataError], references: References | None):
        self.table = table = contract.table(name)
        self.file = display_file(name)
        self.errors = errors
        self.parsers = _parsers(name)
        keys = [(f.name,) for f in table.fields if f.unique and (f.name,) != table.primary_key]
        keys += [table.primary_key] if table.primary_key else []
        self.keys = [(key, [table.field(c) for c in key], {}) for key in keys]
        self.links = []
        for fk in table.foreign_keys:
            ref = (references or {}).get(fk.resource)
            if ref is not None:
                if len(fk.fields) != 1:
                    raise NotImplementedError(f"{name}: foreign keys of several columns are not supported")
                self.links.append((fk, table.field(fk.fields[0]), ref[fk.reference_fields[0]]))

    def add(self, checked: CheckedRow, col: str, value: str | None, problem: Problem) -> None:
        self.errors.append(DataError(self.file, checked.row, col, value, problem[0], problem[1]))
        checked.bad.add(col)

    def check(self, row: int, cells: dict[str, str]) -> CheckedRow:
        checked = CheckedRow(row, cells, {})
        values, bad = checked.values, checked.bad
        for col, shown, problem in _hygiene(cells):
            self.add(checked, col, shown, problem)
        for name, required, parse in self.parsers:
            text = cells[name]
            if not text:
                values[name] = None
                if required:
                    self.add(checked, name, "", _REQUIRED)
            elif parse is None:
                values[name] = text
            else:
                values[name], problem = parse(text)
                if problem is not None and name not in bad:
                    self.add(checked, name, text, problem)
        for key, fields, seen in self.keys:
            if any(not cells[c] or c in bad for c in key):
                continue
            ident = tuple(values[f.name] if f.type == "string" else canonical(f, values[f.name]) for f in fields)
            if ident in seen:
                self.add(checked, key[0], cells[key[0]], _key_problem(self.table, key, seen[ident]))
            else:
                seen[ident] = row
        for fk, f, allowed in self.links:
            if cells[f.name] and f.name not in bad and canonical(f, values[f.name]) not in allowed:
                self.add(checked, f.name, cells[f.name], _foreign_key_problem(fk, allowed))
        return checked


def read_table(data_dir: Path, name: str, errors: list[DataError]) -> list[tuple[int, dict[str, str]]]:
    """The rows of table ``name``: its file in ``data_dir`` read with the columns of its schema (missing,
    unknown or repeated columns are refused by :func:`chitieu.data.csvread.read_csv_rows`)."""
    numbers = frozenset(f.name for f in contract.table(name).fields if f.type in ("number", "integer"))
    path = Path(data_dir) / contract.load().resources[name].path
    return read_csv_rows(path, contract.columns(name), errors, exact=numbers)


def check_table(
    name: str,
    rows: Iterable[tuple[int, dict[str, str]]],
    errors: list[DataError],
    references: References | None = None,
) -> list[CheckedRow]:
    """Check the rows of table ``name`` (as :func:`chitieu.data.csvread.read_csv_rows` returns them).

    Appends one :class:`DataError` per broken rule to ``errors``, row by row, and returns every row with
    its typed values (``None`` for an empty cell) and the columns it refused. Keys and foreign keys are
    compared on cells that passed their own checks; ``references`` (see :data:`References`) gives the
    values each foreign key may name.
    """
    checker = _Checker(name, errors, references)
    return [checker.check(row, cells) for row, cells in rows]
