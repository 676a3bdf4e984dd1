"""Mutation suite: the hand edits an analyst may get wrong in a spreadsheet, applied to a copy of ``data/``.

Every mutation must make ``python -m chitieu --data-dir <copy> check-data`` exit 1 with a message that
names the right file, the row as a spreadsheet shows it (header = row 1), the column and the bad value,
and says what was expected in Vietnamese and in English. What spreadsheet programs legitimately write (a
byte-order mark, CRLF, quoted fields, trailing blank lines, Unicode NFD) must load to the same tables as
the original.

Mutations pick their rows from the data (e.g. "the first observation of a ``percent`` indicator"), so the
suite keeps working as the data grows.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from chitieu.cli import main
from chitieu.config import PROJ_ROOT as ROOT
from chitieu.data import contract
from chitieu.data.errors import DataValidationError
from chitieu.data.load import load_dataset, load_localities
from chitieu.data.validate import validate_dataset

try:  # the auditor's files are validated by chitieu.analysis.audit when it exists
    from chitieu.analysis import audit
except ImportError:  # pragma: no cover - depends on the state of the project
    audit = None

OBS, IND, TGT, RA = "observations.csv", "indicators.csv", "targets.csv", "report_assessment.csv"
LOC, CHECKS, CORR = "localities.csv", "checks.csv", "corrections.csv"
FILES = (OBS, IND, TGT, RA, LOC)
AUDIT_FILES = (CHECKS, CORR) if audit is not None and hasattr(audit, "load_checks") else ()
LAST_COLUMN = {
    OBS: "note",
    IND: "description_vi",
    TGT: "source_quote",
    RA: "source_quote",
    LOC: "variant",
    CHECKS: "evidence_quote",
    CORR: "reason_vi",
}
# The columns of each file, from its schema (data/schema/<file>.schema.yaml).
COLUMNS = {name: contract.columns(name.removesuffix(".csv")) for name in FILES + (CHECKS, CORR)}
RAW_FILE = "bao_cao_so_ket_giua_nhiem_ky_2020_2025.txt"


# --------------------------------------------------------------------------------------------- helpers


@dataclass(frozen=True)
class Expect:
    """An error the validation must report. ``column``/``value`` None: not checked (file-level problems)."""

    file: str
    row: int | None
    column: str | None = None
    value: str | None = None

    @property
    def where(self) -> str:
        where = f"data/{self.file}" if not self.file.startswith("data/") else self.file
        if self.row is not None:
            where += f", dòng/row {self.row}"
        if self.column is not None:
            where += f", cột/column {self.column}"
        return where


class Table:
    """A data CSV of the copy as a header and rows of text, edited like a spreadsheet would."""

    def __init__(self, data_dir: Path, name: str):
        self.name, self.path = name, data_dir / name
        with open(self.path, encoding="utf-8", newline="") as handle:
            records = list(csv.reader(handle))
        self.header, self.rows = records[0], records[1:]

    def col(self, name: str) -> int:
        return self.header.index(name)

    def get(self, row: int, column: str) -> str:
        """Cell at spreadsheet ``row`` (header = 1)."""
        return self.rows[row - 2][self.col(column)]

    def set(self, row: int, column: str, value: str) -> Expect:
        self.rows[row - 2][self.col(column)] = value
        self.save()
        return Expect(self.name, row, column, value)

    def find(self, pred: Callable[[dict[str, str]], bool], skip: int = 0) -> int:
        """Spreadsheet row of the first (after ``skip``) row whose record satisfies ``pred``."""
        hits = [i + 2 for i, r in enumerate(self.rows) if pred(dict(zip(self.header, r)))]
        assert len(hits) > skip, f"{self.name}: no row to mutate"
        return hits[skip]

    def append(self, record: list[str]) -> int:
        self.rows.append(list(record))
        self.save()
        return len(self.rows) + 1

    def text(self, **fmt) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator=fmt.pop("lineterminator", "\n"), **fmt)
        writer.writerow(self.header)
        writer.writerows(self.rows)
        return buf.getvalue()

    def save(self, **fmt) -> None:
        self.path.write_bytes(self.text(**fmt).encode("utf-8"))

    @property
    def last_row(self) -> int:
        return len(self.rows) + 1


def units(data_dir: Path) -> dict[str, str]:
    ind = Table(data_dir, IND)
    return {r[ind.col("indicator_id")]: r[ind.col("unit")] for r in ind.rows}


def to_windows_1258(text: str) -> bytes:
    """Encode Vietnamese text as Windows-1258 does: base letter (â, ê, ơ …) plus a combining tone mark."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        for i, mark in enumerate(marks):
            try:
                head = unicodedata.normalize("NFC", base + mark).encode("cp1258")
                out.append(head + (marks[:i] + marks[i + 1 :]).encode("cp1258"))
                break
            except UnicodeEncodeError:
                continue
        else:
            out.append(decomposed.encode("cp1258", errors="replace"))
    return b"".join(out)


def run_check(data_dir: Path, capsys) -> tuple[int, str]:
    """``python -m chitieu --data-dir DIR check-data`` in process: exit code and stderr."""
    capsys.readouterr()
    code = main(["--data-dir", str(data_dir), "check-data"])
    return code, capsys.readouterr().err


def blocks(message: str) -> list[str]:
    """The rendered errors, one block each (``where: value`` then the Vietnamese and English lines)."""
    return [b.strip("\n") for b in message.split("\n\n")[1:] if b.strip()]


def assert_reported(message: str, expect: Expect) -> None:
    """One rendered error names the expected file, row, column and value, and says what was expected in
    Vietnamese and English."""
    found = []
    for block in blocks(message):
        head, *lines = block.split("\n")
        if (
            head != expect.where
            and not head.startswith(expect.where + ":")
            and not (expect.column is None and head.startswith(expect.where + ","))
        ):
            continue
        if expect.value is not None and repr(expect.value[:25])[1:-1] not in head:
            continue
        found.append(block)
    assert found, f"no error names {expect}:\n{message[:3000]}"
    for block in found:
        lines = [line.strip() for line in block.split("\n")[1:] if line.strip().startswith("→")]
        assert len(lines) == 2 and all(len(line) > 4 for line in lines), block
        assert lines[0] != lines[1], f"expected text not given in both languages:\n{block}"


# --------------------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """One copy of data/ taken once and checked valid: every mutation starts from these same bytes."""
    dest = tmp_path_factory.mktemp("pristine") / "data"
    shutil.copytree(ROOT / "data", dest, ignore=shutil.ignore_patterns("staging", "__pycache__"))
    validate_dataset(dest)  # the suite is meaningless if the real data is not valid to begin with
    return dest


@pytest.fixture(scope="module")
def baseline(pristine):
    return load_dataset(pristine)


@pytest.fixture
def copy(pristine, tmp_path) -> Path:
    dest = tmp_path / "data"
    shutil.copytree(pristine, dest)
    return dest


def test_table_rewrite_is_byte_identical(pristine):
    """The helper writes the files exactly as they are stored, so a mutation changes only what it says."""
    for name in FILES:
        assert Table(pristine, name).text().encode("utf-8") == (pristine / name).read_bytes(), name


# --------------------------------------------------------------------------------------------- mutations
# Each mutation edits the copy and returns the errors that must be reported.

MUTATIONS: dict[str, Callable[[Path], list[Expect]]] = {}


def mutation(name: str):
    def register(fn):
        MUTATIONS[name] = fn
        return fn

    return register


def _obs_row(d: Path, pred=lambda r: True, skip: int = 0) -> tuple[Table, int]:
    t = Table(d, OBS)
    return t, t.find(pred, skip)


# observations.csv: values


@mutation("observations/value decimal comma 13,7")
def _(d):
    t, row = _obs_row(d, lambda r: "." in r["value"])
    return [t.set(row, "value", t.get(row, "value").replace(".", ","))]


@mutation("observations/value decimal comma unquoted (text editor)")
def _(d):
    t, row = _obs_row(d, lambda r: "." in r["value"])
    value = t.get(row, "value")
    lines = (d / OBS).read_text(encoding="utf-8").split("\n")
    lines[row - 1] = lines[row - 1].replace(f",{value},", f",{value.replace('.', ',')},", 1)
    (d / OBS).write_text("\n".join(lines), encoding="utf-8")
    return [Expect(OBS, row, "value", value.replace(".", ","))]


@mutation("observations/value thousands dot 7.943")
def _(d):
    t, row = _obs_row(d, lambda r: r["value"].isdigit() and 1000 <= int(r["value"]) < 1000000)
    value = t.get(row, "value")
    return [t.set(row, "value", f"{value[:-3]}.{value[-3:]}")]


@mutation("observations/value thousands dot and decimal comma 1.234,5")
def _(d):
    t, row = _obs_row(d, lambda r: r["value"].isdigit() and 1000 <= int(r["value"]) < 1000000)
    value = t.get(row, "value")
    return [t.set(row, "value", f"{value[:-3]}.{value[-3:]},0")]


@mutation("observations/value is text")
def _(d):
    t, row = _obs_row(d)
    return [t.set(row, "value", f"khoảng {t.get(row, 'value')}")]


@mutation("observations/value with full-width digits")
def _(d):
    t, row = _obs_row(d, lambda r: r["value"].isdigit())
    return [t.set(row, "value", t.get(row, "value").translate({ord(c): 0xFF10 + int(c) for c in "0123456789"}))]


@mutation("observations/value differs from its quote")
def _(d):
    t, row = _obs_row(d, lambda r: r["value"].isdigit())
    return [t.set(row, "value", str(int(t.get(row, "value")) + 1))]


@mutation("observations/value with a precision the quote does not state (13.70)")
def _(d):
    t, row = _obs_row(d, lambda r: "." in r["value"])
    return [t.set(row, "value", t.get(row, "value") + "0")]


@mutation("observations/percent of 250")
def _(d):
    unit = units(d)
    t, row = _obs_row(d, lambda r: unit[r["indicator_id"]] == "percent")
    return [t.set(row, "value", "250")]


@mutation("observations/negative count")
def _(d):
    unit = units(d)
    t, row = _obs_row(d, lambda r: unit[r["indicator_id"]] == "count")
    return [t.set(row, "value", "-" + t.get(row, "value"))]


# observations.csv: required fields, ids, enums


for _column in ("obs_id", "indicator_id", "period", "value", "qualifier", "status", "source_ref", "source_quote"):

    def _empty(d, column=_column):
        t, row = _obs_row(d, skip=3)
        return [t.set(row, column, "")]

    MUTATIONS[f"observations/empty {_column}"] = _empty


@mutation("observations/duplicate obs_id")
def _(d):
    t = Table(d, OBS)
    row = t.find(lambda r: True, skip=5)
    return [t.set(row, "obs_id", t.get(2, "obs_id"))]


@mutation("observations/duplicate row (same figure, same quote)")
def _(d):
    t = Table(d, OBS)
    record = list(t.rows[3])
    record[t.col("obs_id")] += ".z"
    row = t.append(record)
    return [Expect(OBS, row, "source_quote")]


@mutation("observations/obs_id of another indicator (row copied, id not changed)")
def _(d):
    t, row = _obs_row(d, lambda r: not r["indicator_id"].startswith("gdp_growth_avg"))
    return [t.set(row, "obs_id", "gdp_growth_avg_copy." + t.get(row, "period").replace("/", "_"))]


@mutation("observations/unknown indicator id")
def _(d):
    t, row = _obs_row(d, skip=7)
    return [t.set(row, "indicator_id", "ty_le_ho_ngheo_moi")]


@mutation("observations/unknown qualifier")
def _(d):
    t, row = _obs_row(d, skip=2)
    return [t.set(row, "qualifier", "khoảng")]


@mutation("observations/unknown status")
def _(d):
    t, row = _obs_row(d, skip=2)
    return [t.set(row, "status", "estimated")]


@mutation("observations/unknown locality")
def _(d):
    t, row = _obs_row(d, skip=2)
    return [t.set(row, "locality", "Huế")]


@mutation("observations/period 2023-2021")
def _(d):
    t, row = _obs_row(d, skip=2)
    return [t.set(row, "period", "2023-2021")]


@mutation("observations/period year 1890")
def _(d):
    t, row = _obs_row(d, skip=2)
    return [t.set(row, "period", "1890")]


@mutation("observations/period month 13")
def _(d):
    t, row = _obs_row(d, skip=2)
    return [t.set(row, "period", "2023-13")]


@mutation("observations/period as a spreadsheet date (Apr-23)")
def _(d):
    t, row = _obs_row(d, skip=2)
    return [t.set(row, "period", "Apr-23")]


@mutation("observations/quote not in the source")
def _(d):
    t, row = _obs_row(d, skip=9)
    return [t.set(row, "source_quote", t.get(row, "source_quote") + " (đã sửa)")]


@mutation("observations/value and quote both retyped")
def _(d):
    t, row = _obs_row(d, lambda r: r["value"].isdigit() and int(r["value"]) >= 10 and r["value"] in r["source_quote"])
    value = t.get(row, "value")
    new = str(int(value) + 1)
    t.set(row, "value", new)
    return [t.set(row, "source_quote", t.get(row, "source_quote").replace(value, new, 1))]


@mutation("observations/quote over two lines (Alt+Enter)")
def _(d):
    t, row = _obs_row(d, lambda r: " " in r["source_quote"])
    return [t.set(row, "source_quote", t.get(row, "source_quote").replace(" ", "\n", 1))]


@mutation("observations/bad source_ref")
def _(d):
    t, row = _obs_row(d, skip=2)
    return [t.set(row, "source_ref", "mục II")]


# indicators.csv


def _ind_row(d: Path, pred=lambda r: True, skip: int = 0) -> tuple[Table, int]:
    t = Table(d, IND)
    return t, t.find(pred, skip)


@mutation("indicators/duplicate indicator_id")
def _(d):
    t = Table(d, IND)
    row = t.append(t.rows[0])
    return [Expect(IND, row, "indicator_id", t.get(2, "indicator_id"))]


@mutation("indicators/unknown unit")
def _(d):
    t, row = _ind_row(d, skip=3)
    return [t.set(row, "unit", "phần trăm")]


@mutation("indicators/unknown chapter")
def _(d):
    t, row = _ind_row(d, skip=3)
    return [t.set(row, "chapter", "kinh te")]


@mutation("indicators/empty unit")
def _(d):
    t, row = _ind_row(d, skip=3)
    return [t.set(row, "unit", "")]


@mutation("indicators/empty name_vi")
def _(d):
    t, row = _ind_row(d, skip=3)
    return [t.set(row, "name_vi", "")]


@mutation("indicators/higher_is_better not a boolean")
def _(d):
    t, row = _ind_row(d, skip=3)
    return [t.set(row, "higher_is_better", "có")]


@mutation("indicators/resolution_no 15")
def _(d):
    t, row = _ind_row(d, lambda r: r["resolution_no"] != "")
    return [t.set(row, "resolution_no", "15")]


@mutation("indicators/resolution_no is text")
def _(d):
    t, row = _ind_row(d, lambda r: r["resolution_no"] != "")
    return [t.set(row, "resolution_no", "một")]


@mutation("indicators/resolution_no used twice")
def _(d):
    t = Table(d, IND)
    first = t.find(lambda r: r["resolution_no"] != "")
    row = t.find(lambda r: r["resolution_no"] == "", skip=first)  # a row after it: the later one is reported
    assert row > first
    return [t.set(row, "resolution_no", t.get(first, "resolution_no"))]


@mutation("indicators/id not snake_case")
def _(d):
    t, row = _ind_row(d, skip=3)
    return [t.set(row, "indicator_id", "Tỷ lệ hộ nghèo")]


@mutation("indicators/breakdown part without its parent")
def _(d):
    t, row = _ind_row(d, lambda r: "__" in r["indicator_id"])
    return [t.set(row, "indicator_id", "khong_co_cha__" + t.get(row, "indicator_id").split("__", 1)[1])]


@mutation("indicators/renamed id: observations now cite an unknown indicator")
def _(d):
    t, row = _ind_row(d, lambda r: "__" not in r["indicator_id"])
    old = t.get(row, "indicator_id")
    t.set(row, "indicator_id", old + "_moi")
    obs = Table(d, OBS)
    obs_row = obs.find(lambda r: r["indicator_id"] == old)
    return [Expect(OBS, obs_row, "indicator_id", old)]


@mutation("indicators/line break inside name_vi")
def _(d):
    t, row = _ind_row(d, lambda r: " " in r["name_vi"])
    return [t.set(row, "name_vi", t.get(row, "name_vi").replace(" ", "\n", 1))]


@mutation("indicators/control character in description_vi")
def _(d):
    t, row = _ind_row(d, skip=4)
    return [t.set(row, "description_vi", t.get(row, "description_vi") + "\x07")]


# targets.csv


def _tgt_row(d: Path, pred=lambda r: True, skip: int = 0) -> tuple[Table, int]:
    t = Table(d, TGT)
    return t, t.find(pred, skip)


@mutation("targets/decimal comma 2,2")
def _(d):
    t, row = _tgt_row(d, lambda r: "." in r["high"])
    return [t.set(row, "high", t.get(row, "high").replace(".", ","))]


@mutation("targets/thousands dot 80.000")
def _(d):
    t, row = _tgt_row(d, lambda r: r["low"].isdigit() and r["kind"] == "at_least")
    return [t.set(row, "low", t.get(row, "low") + ".000")]


@mutation("targets/bound is text")
def _(d):
    t, row = _tgt_row(d, lambda r: r["low"] != "")
    return [t.set(row, "low", "trên " + t.get(row, "low"))]


for _column in ("indicator_id", "target_year", "kind", "source_ref", "source_quote"):

    def _empty_target(d, column=_column):
        t, row = _tgt_row(d, skip=2)
        return [t.set(row, column, "")]

    MUTATIONS[f"targets/empty {_column}"] = _empty_target


@mutation("targets/kind between without high")
def _(d):
    t, row = _tgt_row(d, lambda r: r["kind"] == "between")
    return [t.set(row, "high", "")]


@mutation("targets/duplicate row")
def _(d):
    t = Table(d, TGT)
    row = t.append(t.rows[0])
    return [Expect(TGT, row, "indicator_id", t.get(2, "indicator_id"))]


@mutation("targets/unknown indicator id")
def _(d):
    t, row = _tgt_row(d, skip=1)
    return [t.set(row, "indicator_id", "thu_nhap_binh_quan")]


@mutation("targets/unknown kind")
def _(d):
    t, row = _tgt_row(d, skip=1)
    return [t.set(row, "kind", "more_than")]


@mutation("targets/percent of 250")
def _(d):
    unit = units(d)
    t, row = _tgt_row(d, lambda r: unit[r["indicator_id"]] == "percent" and r["kind"] == "at_least")
    return [t.set(row, "low", "250")]


@mutation("targets/negative count")
def _(d):
    unit = units(d)
    t, row = _tgt_row(d, lambda r: unit[r["indicator_id"]] == "count" and r["low"] != "")
    return [t.set(row, "low", "-" + t.get(row, "low"))]


@mutation("targets/year 1890")
def _(d):
    t, row = _tgt_row(d, skip=1)
    return [t.set(row, "target_year", "1890")]


@mutation("targets/quote not in the source")
def _(d):
    t, row = _tgt_row(d, skip=3)
    return [t.set(row, "source_quote", t.get(row, "source_quote").replace("%", " phần trăm", 1) + "!")]


@mutation("targets/bound differs from its quote")
def _(d):
    t, row = _tgt_row(d, lambda r: r["low"].isdigit() and r["kind"] == "at_least")
    return [t.set(row, "low", str(int(t.get(row, "low")) + 1))]


@mutation("targets/between with both bounds on one number of the quote")
def _(d):
    t, row = _tgt_row(d, lambda r: r["kind"] == "between")
    return [t.set(row, "high", t.get(row, "low"))]


# report_assessment.csv


def _ra_row(d: Path, skip: int = 0) -> tuple[Table, int]:
    t = Table(d, RA)
    return t, t.find(lambda r: True, skip)


@mutation("report_assessment/resolution_no is text")
def _(d):
    t, row = _ra_row(d, 2)
    return [t.set(row, "resolution_no", "một")]


@mutation("report_assessment/resolution_no with decimal comma")
def _(d):
    t, row = _ra_row(d, 2)
    return [t.set(row, "resolution_no", t.get(row, "resolution_no") + ",0")]


@mutation("report_assessment/resolution_no superscript digit")
def _(d):
    t, row = _ra_row(d, 2)
    return [t.set(row, "resolution_no", "²")]


@mutation("report_assessment/unknown key indicator 15")
def _(d):
    t, row = _ra_row(d, 2)
    return [t.set(row, "resolution_no", "15")]


@mutation("report_assessment/unknown status")
def _(d):
    t, row = _ra_row(d, 2)
    return [t.set(row, "report_status", "đạt")]


for _column in COLUMNS[RA]:

    def _empty_ra(d, column=_column):
        t, row = _ra_row(d, 3)
        return [t.set(row, column, "")]

    MUTATIONS[f"report_assessment/empty {_column}"] = _empty_ra


@mutation("report_assessment/duplicate row")
def _(d):
    t = Table(d, RA)
    row = t.append(t.rows[0])
    return [Expect(RA, row, "resolution_no", t.get(2, "resolution_no"))]


@mutation("report_assessment/quote not in the source")
def _(d):
    t, row = _ra_row(d, 4)
    return [t.set(row, "source_quote", t.get(row, "source_quote").upper())]


@mutation("report_assessment/bad source_ref")
def _(d):
    t, row = _ra_row(d, 4)
    return [t.set(row, "source_ref", "P3:B.II")]


# localities.csv


@mutation("localities/unknown kind")
def _(d):
    return [Table(d, LOC).set(3, "kind", "thị trấn")]


@mutation("localities/spelling listed twice")
def _(d):
    t = Table(d, LOC)
    row = t.append(t.rows[0])
    return [Expect(LOC, row, "variant", t.get(2, "variant"))]


@mutation("localities/one name, two kinds")
def _(d):
    t = Table(d, LOC)
    name = t.get(2, "locality")
    row = t.append([name, "xã" if t.get(2, "kind") == "phường" else "phường", name + " (cũ)"])
    return [Expect(LOC, row, "kind")]


@mutation("localities/empty locality")
def _(d):
    return [Table(d, LOC).set(4, "locality", "")]


@mutation("localities/file deleted while observations name wards")
def _(d):
    (d / LOC).unlink()
    return [Expect(LOC, None)]


@mutation("localities/renamed ward: observations now cite an unknown locality")
def _(d):
    obs = Table(d, OBS)
    obs_row = obs.find(lambda r: r["locality"] != "")
    name = obs.get(obs_row, "locality")
    t = Table(d, LOC)
    for r in t.rows:
        r[:] = [c.replace(name, name + " mới") for c in r]
    t.save()
    return [Expect(OBS, obs_row, "locality", name)]


# Every file: the file as a whole


def _file_level(name: str) -> None:
    stem = name.removesuffix(".csv")
    first_col = COLUMNS[name][0]
    drop_col = COLUMNS[name][2]

    @mutation(f"{stem}/semicolon delimiter")
    def _(d):
        t = Table(d, name)
        t.save(delimiter=";")
        return [Expect(name, 1, None, ";".join(t.header)[:30])]

    @mutation(f"{stem}/missing column")
    def _(d):
        t = Table(d, name)
        i = t.col(drop_col)
        t.header.pop(i)
        for r in t.rows:
            r.pop(i)
        t.save()
        return [Expect(name, 1, drop_col)]

    @mutation(f"{stem}/unknown extra column")
    def _(d):
        t = Table(d, name)
        t.header.append("ghi_chu")
        for r in t.rows:
            r.append("kiểm tra lại")
        t.save()
        return [Expect(name, 1, "ghi_chu")]

    @mutation(f"{stem}/extra column without a header")
    def _(d):
        t = Table(d, name)
        t.header.append("")
        for i, r in enumerate(t.rows):
            r.append("x" if i == 2 else "")
        t.save()
        n = len(t.header)
        return [Expect(name, 1, f"#{n} ({chr(64 + n)})")]

    @mutation(f"{stem}/renamed column")
    def _(d):
        t = Table(d, name)
        t.header[0] = first_col.upper()
        t.save()
        return [Expect(name, 1, first_col), Expect(name, 1, first_col.upper())]

    @mutation(f"{stem}/truncated last line (fields missing)")
    def _(d):
        t = Table(d, name)
        last = t.rows[-1]
        line = t.text().split("\n")[-2]
        keep = ",".join(c for c in last[:2] if "," not in c and '"' not in c)
        assert line.startswith(keep)
        data = (d / name).read_bytes()
        cut = data[: len(data) - len(line.encode("utf-8")) - 1] + (keep + "," + last[2][:1]).encode("utf-8")
        (d / name).write_bytes(cut)
        # Three cells are left: the first missing column, or the third one cut short in a 3-column file.
        return [Expect(name, t.last_row, t.header[3] if len(t.header) > 3 else t.header[2])]

    @mutation(f"{stem}/truncated last line (inside the last cell)")
    def _(d):
        t = Table(d, name)
        data = (d / name).read_bytes()
        text = data.decode("utf-8")
        cut = len(text) - 1 - max(3, len(t.rows[-1][-1]) // 2)
        (d / name).write_bytes(text[:cut].encode("utf-8"))
        # An optional last column left blank (observations' note): the cut falls in the cell before it.
        column = LAST_COLUMN[name] if t.rows[-1][-1] else t.header[-2]
        return [Expect(name, t.last_row, column)]

    @mutation(f"{stem}/truncated in the middle of a character")
    def _(d):
        t = Table(d, name)
        cols = [c for c, v in zip(t.header, t.rows[-1]) if not v.isascii()]
        assert cols, "the last row has no multi-byte character to cut"
        data = (d / name).read_bytes()
        lead = max(i for i, b in enumerate(data) if b >= 0xC0)  # first byte of the file's last multi-byte char
        (d / name).write_bytes(data[: lead + 1])
        return [Expect(name, t.last_row, cols[-1])]

    @mutation(f"{stem}/saved as Windows-1258")
    def _(d):
        t = Table(d, name)
        text = (d / name).read_text(encoding="utf-8")
        (d / name).write_bytes(to_windows_1258(text))
        row = next(i + 2 for i, r in enumerate(t.rows) if not "".join(r).isascii())
        col = next(c for c, v in zip(t.header, t.rows[row - 2]) if not v.isascii())
        return [Expect(name, row, col)]

    @mutation(f"{stem}/one cell pasted in Windows-1258")
    def _(d):
        t = Table(d, name)
        row = next(i + 2 for i, r in enumerate(t.rows) if i >= 3 and not "".join(r).isascii())
        col = next(c for c, v in zip(t.header, t.rows[row - 2]) if not v.isascii())
        text = t.text()
        lines = text.split("\n")
        cell = t.get(row, col)
        assert cell in lines[row - 1]
        data = "\n".join(lines[: row - 1]).encode("utf-8") + b"\n"
        data += lines[row - 1].replace(cell, "\0", 1).encode("utf-8").replace(b"\0", to_windows_1258(cell))
        data += b"\n" + "\n".join(lines[row:]).encode("utf-8")
        (d / name).write_bytes(data)
        return [Expect(name, row, col)]

    @mutation(f"{stem}/saved as UTF-16 (Unicode Text)")
    def _(d):
        (d / name).write_bytes((d / name).read_text(encoding="utf-8").encode("utf-16"))
        return [Expect(name, 1)]

    @mutation(f"{stem}/unterminated quote in the middle")
    def _(d):
        t = Table(d, name)
        row, col = 4, LAST_COLUMN[name]
        lines = t.text().split("\n")
        line, cell = lines[row - 1], t.get(row, col)
        # Drop the closing quote of the last cell, or open one that is never closed.
        lines[row - 1] = line[:-1] if line.endswith('"') else line[: len(line) - len(cell)] + '"' + cell
        (d / name).write_text("\n".join(lines), encoding="utf-8")
        return [Expect(name, row, col)]

    @mutation(f"{stem}/blank row inside the table")
    def _(d):
        t = Table(d, name)
        t.rows.insert(3, [""] * len(t.header))
        t.save()
        return [Expect(name, 5)]

    @mutation(f"{stem}/empty file")
    def _(d):
        (d / name).write_bytes(b"")
        return [Expect(name, 1)]


for _name in FILES + AUDIT_FILES:
    _file_level(_name)


# checks.csv and corrections.csv (chitieu.analysis.audit)

if AUDIT_FILES:

    @mutation("checks/duplicate check_id")
    def _(d):
        t = Table(d, CHECKS)
        row = t.append(t.rows[0])
        return [Expect(CHECKS, row, "check_id", t.get(2, "check_id"))]

    @mutation("checks/unknown kind")
    def _(d):
        t = Table(d, CHECKS)
        return [t.set(3, "kind", "tong")]

    @mutation("checks/unknown observation id")
    def _(d):
        t = Table(d, CHECKS)
        ids = t.get(3, "obs_ids").split()
        t.set(3, "obs_ids", " ".join(["khong_co_so_lieu.2023", *ids[1:]]))
        return [Expect(CHECKS, 3, "obs_ids", "khong_co_so_lieu.2023")]

    @mutation("checks/empty description_vi")
    def _(d):
        return [Table(d, CHECKS).set(4, "description_vi", "")]

    @mutation("checks/bad source_ref")
    def _(d):
        return [Table(d, CHECKS).set(4, "source_ref", "mục II")]

    @mutation("checks/evidence quote not in the source")
    def _(d):
        t = Table(d, CHECKS)
        row = t.find(lambda r: r["evidence_quote"] != "")
        return [t.set(row, "evidence_quote", t.get(row, "evidence_quote") + " (sửa)")]

    @mutation("corrections/unknown chosen_obs_id")
    def _(d):
        return [Table(d, CORR).set(2, "chosen_obs_id", "khong_co_so_lieu.2023")]

    @mutation("corrections/unknown check id")
    def _(d):
        return [Table(d, CORR).set(2, "check_ids", "khong_co_phep_kiem_tra")]

    @mutation("corrections/empty reason_vi")
    def _(d):
        return [Table(d, CORR).set(2, "reason_vi", "")]


def audit_message(data_dir: Path) -> str | None:
    """Errors of chitieu.analysis.audit's own validation of checks.csv and corrections.csv, rendered."""
    ds = load_dataset(data_dir)
    try:
        checks = audit.load_checks(ds)
        audit.load_corrections(ds, checks)
    except DataValidationError as exc:
        return exc.render()
    return None


def load_audit(data_dir: Path):
    ds = load_dataset(data_dir)
    checks = audit.load_checks(ds)
    return checks, audit.load_corrections(ds, checks)


@mutation("raw/source changed by one byte")
def _(d):
    path = d / "raw" / RAW_FILE
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    return [Expect(f"data/raw/{RAW_FILE}", None, "sha256")]


@mutation("raw/source re-saved with CRLF")
def _(d):
    path = d / "raw" / RAW_FILE
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    return [Expect(f"data/raw/{RAW_FILE}", None, "sha256")]


# --------------------------------------------------------------------------------------------- the tests


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_mutation_is_refused(name, copy, capsys):
    expects = MUTATIONS[name](copy)
    assert expects, "the mutation did not apply"
    if expects[0].file in AUDIT_FILES:  # check-data's part: test_check_data_validates_the_audit_files
        message = audit_message(copy)
        assert message is not None, f"{name}: accepted by chitieu.analysis.audit"
        for expect in expects:
            assert_reported(message, expect)
        return
    code, err = run_check(copy, capsys)
    assert code == 1, f"{name}: accepted by check-data"
    assert err.startswith("Dữ liệu không hợp lệ") and "Invalid data" in err
    for expect in expects:
        assert_reported(err, expect)
    # No error drowns the others: a file-level problem is reported once, not once per row.
    assert len(blocks(err)) <= 12, f"{len(blocks(err))} errors for one mutation:\n{err[:2000]}"


def test_raw_change_does_not_flood_quotes(copy):
    MUTATIONS["raw/source changed by one byte"](copy)
    with pytest.raises(DataValidationError) as info:
        validate_dataset(copy)
    assert len(info.value.errors) == 1


def test_windows_1258_message_says_how_to_resave(copy, capsys):
    MUTATIONS["observations/saved as Windows-1258"](copy)
    _, err = run_check(copy, capsys)
    assert "Windows-1258" in err and "CSV UTF-8" in err and "Excel" in err and "LibreOffice" in err
    assert "lưu lại tệp dạng CSV UTF-8" in err and "re-save it as CSV UTF-8" in err


def test_all_errors_are_reported_at_once(copy, capsys):
    """One mutation in each file (and two in one): every one is reported in the same run."""
    expects = []
    for name in (
        "observations/value decimal comma 13,7",
        "observations/unknown status",
        "indicators/unknown unit",
        "targets/year 1890",
        "report_assessment/unknown status",
    ):
        expects += MUTATIONS[name](copy)
    code, err = run_check(copy, capsys)
    assert code == 1
    for expect in expects:
        assert_reported(err, expect)
    assert f"{len(blocks(err))} lỗi" in err and f"{len(blocks(err))} error(s)" in err


def test_file_level_error_does_not_hide_other_files(copy, capsys):
    expects = MUTATIONS["targets/saved as Windows-1258"](copy) + MUTATIONS["observations/negative count"](copy)
    expects += MUTATIONS["report_assessment/missing column"](copy)
    code, err = run_check(copy, capsys)
    assert code == 1
    for expect in expects:
        assert_reported(err, expect)


@pytest.mark.skipif(not AUDIT_FILES, reason="no chitieu.analysis.audit")
@pytest.mark.parametrize("name", ["checks/unknown observation id", "corrections/unknown check id"])
def test_check_data_validates_the_audit_files(name, copy, capsys):
    """``make check-data`` should refuse a bad checks.csv/corrections.csv too (chitieu.analysis.audit validates
    them)."""
    expects = MUTATIONS[name](copy)
    code, err = run_check(copy, capsys)
    if code == 0:
        pytest.xfail("check-data does not run chitieu.analysis.audit's validation of checks.csv/corrections.csv yet")
    for expect in expects:
        assert_reported(err, expect)


SUBPROCESS_CASES = (
    "observations/value thousands dot 7.943",
    "indicators/saved as Windows-1258",
    "targets/semicolon delimiter",
    "report_assessment/truncated last line (fields missing)",
)


@pytest.mark.parametrize("name", SUBPROCESS_CASES)
def test_make_check_data_command_exits_1(name, copy):
    """The real command (what ``make check-data`` runs), in a fresh process."""
    expects = MUTATIONS[name](copy)
    proc = subprocess.run(
        [sys.executable, "-m", "chitieu", "--data-dir", str(copy), "check-data"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    for expect in expects:
        assert_reported(proc.stderr, expect)


def test_command_accepts_the_unmutated_copy(copy):
    proc = subprocess.run(
        [sys.executable, "-m", "chitieu", "--data-dir", str(copy), "check-data"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert "data valid" in proc.stdout


# --------------------------------------------------------------------------------------------- accepted forms


def _bom(d, name):
    p = d / name
    p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes())


def _crlf(d, name):
    Table(d, name).save(lineterminator="\r\n")


def _quote_all(d, name):
    Table(d, name).save(quoting=csv.QUOTE_ALL)


def _trailing_blank_lines(d, name):
    p = d / name
    p.write_bytes(p.read_bytes() + b"\n\n\r\n")


def _trailing_empty_rows(d, name):
    p = d / name
    width = len(Table(d, name).header)
    p.write_bytes(p.read_bytes() + ("," * (width - 1) + "\r\n").encode() * 3)


def _nfd(d, name):
    p = d / name
    p.write_bytes(unicodedata.normalize("NFD", p.read_text(encoding="utf-8")).encode("utf-8"))


def _excel(d, name):
    """Everything at once, as Excel's 'CSV UTF-8' writes it."""
    t = Table(d, name)
    t.rows = [[unicodedata.normalize("NFD", c) for c in r] for r in t.rows]
    data = t.text(lineterminator="\r\n", quoting=csv.QUOTE_ALL).encode("utf-8")
    (d / name).write_bytes(b"\xef\xbb\xbf" + data + b",,\r\n\r\n")


ACCEPTED = {
    "utf-8 byte-order mark": _bom,
    "CRLF line ends": _crlf,
    "every field quoted": _quote_all,
    "trailing blank lines": _trailing_blank_lines,
    "trailing empty rows": _trailing_empty_rows,
    "Unicode NFD": _nfd,
    "all of them (Excel)": _excel,
}


def assert_same_dataset(a, b) -> None:
    for attr in ("indicators", "targets", "observations", "report_assessment"):
        pd.testing.assert_frame_equal(getattr(a, attr), getattr(b, attr), check_exact=True, obj=attr)
    assert [s.text for s in a.sources] == [s.text for s in b.sources]


@pytest.mark.parametrize("form", sorted(ACCEPTED))
@pytest.mark.parametrize("name", FILES + AUDIT_FILES)
def test_spreadsheet_forms_read_identically(name, form, copy, baseline, pristine, capsys):
    before = (copy / name).read_bytes()
    ACCEPTED[form](copy, name)
    assert (copy / name).read_bytes() != before
    code, err = run_check(copy, capsys)
    assert code == 0, err
    if name in AUDIT_FILES:
        assert load_audit(copy) == load_audit(pristine)
    elif name == LOC:
        assert load_localities(copy) == load_localities(pristine)
    else:
        assert_same_dataset(load_dataset(copy), baseline)


def test_every_file_in_every_form_at_once(copy, baseline):
    for name in FILES:
        _excel(copy, name)
    assert_same_dataset(load_dataset(copy), baseline)
