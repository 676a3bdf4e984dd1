"""Errors that name the file, the row as a spreadsheet shows it, the column and what was expected."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DataError:
    """One problem in one cell (or one file, when ``row`` is None).

    ``row`` is the row number a spreadsheet shows: the header is row 1, the first data row is row 2.
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    expected_vi: str
    expected_en: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", dòng/row {self.row}"
        if self.column:
            where += f", cột/column {self.column}"
        shown = "" if self.value is None else f": {self.value!r}"
        return f"{where}{shown}\n    → {self.expected_vi}\n    → {self.expected_en}"


class DataValidationError(Exception):
    """All the problems found in the data, reported at once (the first :data:`SHOWN` in full)."""

    SHOWN = 200

    def __init__(self, errors: list[DataError]):
        self.errors = list(errors)
        super().__init__(self.render())

    def render(self) -> str:
        head = (
            f"Dữ liệu không hợp lệ: {len(self.errors)} lỗi. Sửa rồi chạy lại `make check-data`.\n"
            f"Invalid data: {len(self.errors)} error(s). Fix them and run `make check-data` again."
        )
        shown = "\n\n".join(str(e) for e in self.errors[: self.SHOWN])
        rest = self.errors[self.SHOWN :]
        if not rest:
            return head + "\n\n" + shown
        counts: dict[tuple[str, str], int] = {}
        for error in rest:
            key = (error.file, error.column or "—")
            counts[key] = counts.get(key, 0) + 1
        lines = "\n".join(f"  {file}, cột/column {column}: {n}" for (file, column), n in sorted(counts.items()))
        return (
            f"{head}\n\n{shown}\n\n… và {len(rest)} lỗi nữa, theo tệp và cột / and {len(rest)} more, by file and "
            f"column:\n{lines}"
        )
