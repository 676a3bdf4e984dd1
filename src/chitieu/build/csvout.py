"""The published CSVs as a spreadsheet opens them, and the published tree readable by any web server.

- Every CSV of ``html/data`` is rewritten UTF-8 *with* a byte-order mark (Excel on Windows reads a CSV
  without one in the machine's legacy code page and garbles Vietnamese), every cell through
  :func:`chitieu.data.cells.neutralise` (a cell starting with ``=``, ``+``, ``-``, ``@`` is not run as a
  formula; a plain number is left as it is).
- A chapter's CSV (the figures the chapter uses, written by the chapter with the columns of
  ``observations.csv``) gets the indicator's name and unit beside its id: its schema is
  :func:`chapter_table`.
- :func:`world_readable` gives every published file mode 0644 and every folder 0755 (a web server running
  as another user must be able to read them).
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import os
from pathlib import Path

from chitieu.atomic import write_bytes_atomic
from chitieu.data import contract
from chitieu.data.cells import neutralise
from chitieu.data.contract import Table

BOM = "\ufeff"
CHAPTER_TABLE = "chapter"
# Columns of indicators.csv a chapter's CSV carries after indicator_id.
INDICATOR_COLUMNS = ("name_vi", "unit")
FILE_MODE = 0o644
FOLDER_MODE = 0o755


@functools.cache
def chapter_table() -> Table:
    """The Table Schema of a chapter's CSV: the observations' columns with the indicator's name and unit
    (the fields of ``indicators.csv``) after ``indicator_id``."""
    observations, indicators = contract.table("observations"), contract.table("indicators")
    added = [indicators.field(name) for name in INDICATOR_COLUMNS]
    at = observations.columns.index("indicator_id") + 1
    fields = observations.fields[:at] + tuple(added) + observations.fields[at:]
    descriptor = dict(observations.descriptor)
    descriptor["fields"] = [dict(f.descriptor) for f in fields]
    descriptor["title"] = "Số liệu dùng trong một chương"
    descriptor["title_en"] = "Figures used by one chapter"
    return dataclasses.replace(
        observations,
        name=CHAPTER_TABLE,
        title_vi=descriptor["title"],
        title_en=descriptor["title_en"],
        fields=fields,
        descriptor=descriptor,
    )


def read_table(path: Path) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a CSV (with or without a byte-order mark)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    return (rows[0] if rows else []), rows[1:]


def excel_csv(header: list[str], rows: list[list[str]]) -> bytes:
    """A CSV as published: UTF-8 with BOM, ``\\n`` line ends, every cell neutralised."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([neutralise(h) for h in header])
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return (BOM + buf.getvalue()).encode("utf-8")


def rewrite_for_excel(path: Path) -> None:
    """Rewrite ``path`` (a published CSV) as :func:`excel_csv` does, atomically (mode 0644)."""
    header, rows = read_table(path)
    write_bytes_atomic(path, excel_csv(header, rows))


def add_indicator_columns(path: Path, indicators: Path) -> None:
    """Put the indicator's name and unit (from ``indicators``) after ``indicator_id`` in the CSV ``path``
    (nothing changes when they are there already, or when it has no ``indicator_id``)."""
    header, rows = read_table(path)
    if "indicator_id" not in header or set(INDICATOR_COLUMNS) <= set(header):
        return
    ind_header, ind_rows = read_table(indicators)
    pos = {name: ind_header.index(name) for name in ("indicator_id", *INDICATOR_COLUMNS)}
    lookup = {r[pos["indicator_id"]]: [r[pos[name]] for name in INDICATOR_COLUMNS] for r in ind_rows}
    at = header.index("indicator_id") + 1
    blank = [""] * len(INDICATOR_COLUMNS)
    new_header = header[:at] + list(INDICATOR_COLUMNS) + header[at:]
    new_rows = [row[:at] + lookup.get(row[at - 1], blank) + row[at:] for row in rows]
    write_bytes_atomic(path, excel_csv(new_header, new_rows))


def world_readable(tree: Path) -> None:
    """Every file under ``tree`` 0644, every folder 0755 (links are left alone)."""
    os.chmod(tree, FOLDER_MODE)
    for folder, dirs, files in os.walk(tree):
        for name in dirs:
            path = Path(folder) / name
            if not path.is_symlink():
                os.chmod(path, FOLDER_MODE)
        for name in files:
            path = Path(folder) / name
            if not path.is_symlink():
                os.chmod(path, FILE_MODE)
