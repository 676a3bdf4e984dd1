"""The downloads as Excel users open them (chitieu.build.csvout, chitieu.build.workbooks via write_exports):
every CSV UTF-8 with BOM and neutralised, chapters' CSVs with the indicator's name and unit, workbooks in
Vietnamese with numbers stored as numbers, a sheet explaining the columns, a README as text, modes 0644."""

from __future__ import annotations

import csv
import io
import os
import shutil
import stat
from decimal import Decimal
from pathlib import Path

import pytest

from chitieu.build import csvout, exports, workbooks
from chitieu.config import PROJ_ROOT as ROOT
from chitieu.data import contract

CORE = ("indicators.csv", "targets.csv", "observations.csv", "report_assessment.csv")
FORMULA = '=HYPERLINK("http://example.invalid","x")'  # SYNTHETIC: a hostile cell


@pytest.fixture
def site_data(tmp_path) -> Path:
    """``html/data`` as the build leaves it before the exports: the data CSVs and a chapter's CSV whose first
    quote is SYNTHETIC (a formula), written without BOM and with mode 0600 as copy2 of a private file would."""
    dest = tmp_path / "html" / "data"
    (dest / "chapters").mkdir(parents=True)
    for name in CORE:
        shutil.copy2(ROOT / "data" / name, dest / name)
        os.chmod(dest / name, 0o600)
    header, rows = csvout.read_table(ROOT / "data" / "observations.csv")
    rows = [list(r) for r in rows[:5]]
    rows[0][header.index("source_quote")] = FORMULA
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([header, *rows])
    (dest / "chapters" / "01_test.csv").write_text(buf.getvalue(), encoding="utf-8")
    exports.write_exports(ROOT, dest)
    return dest


def _dict_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_csv_has_a_bom_and_no_formula(site_data):
    csvs = sorted(site_data.rglob("*.csv"))
    assert {p.name for p in csvs} >= set(CORE) | {"01_test.csv", exports.DICTIONARY_CSV}
    for path in csvs:
        data = path.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf"), f"{path.name}: no UTF-8 BOM"
        for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))):
            for cell in row:
                assert not contract_formula(cell), f"{path.name}: formula cell {cell!r}"
    quotes = [r["source_quote"] for r in _dict_rows(site_data / "chapters" / "01_test.csv")]
    assert quotes[0] == "'" + FORMULA


def contract_formula(cell: str) -> bool:
    from chitieu.data.cells import starts_like_formula

    return starts_like_formula(cell)


def test_chapter_csv_has_the_indicator_name_and_unit(site_data):
    header = next(csv.reader(io.StringIO((site_data / "chapters" / "01_test.csv").read_text(encoding="utf-8-sig"))))
    at = header.index("indicator_id")
    assert header[at : at + 3] == ["indicator_id", "name_vi", "unit"]
    names = {r["indicator_id"]: (r["name_vi"], r["unit"]) for r in _dict_rows(site_data / "indicators.csv")}
    for row in _dict_rows(site_data / "chapters" / "01_test.csv"):
        assert (row["name_vi"], row["unit"]) == names[row["indicator_id"]]


def test_dataset_workbook_is_vietnamese_with_numbers_as_numbers(site_data):
    from openpyxl import load_workbook

    wb = load_workbook(site_data / exports.WORKBOOK_NAME)
    titles = [contract.table(n.removesuffix(".csv")).title_vi for n in CORE]
    assert wb.sheetnames[0] == workbooks.GUIDE_SHEET
    assert all(any(t.startswith(s) or s.startswith(t[:20]) for s in wb.sheetnames) for t in titles), wb.sheetnames
    obs = wb[workbooks.sheet_name(contract.table("observations").title_vi, set())]
    head = [c.value for c in obs[1]]
    table = contract.table("observations")
    assert head[:4] == [table.field("obs_id").title_vi, table.field("indicator_id").title_vi, "Tên chỉ tiêu", "Đơn vị"]
    value_col = head.index(table.field("value").title_vi) + 1
    status_col = head.index(table.field("status").title_vi) + 1
    source = _dict_rows(site_data / "observations.csv")
    for r, row in enumerate(source[:50], start=2):
        cell = obs.cell(row=r, column=value_col)
        assert cell.data_type == "n" and Decimal(str(cell.value)) == Decimal(row["value"]), (r, cell.value)
        assert obs.cell(row=r, column=status_col).value == table.field("status").labels_vi[row["status"]]
        assert obs.cell(row=r, column=3).value  # the indicator's name beside its id
        assert obs.cell(row=r, column=1).number_format == "@"  # ids stay text


def test_guide_sheet_explains_every_column(site_data):
    from openpyxl import load_workbook

    wb = load_workbook(site_data / exports.WORKBOOK_NAME)
    guide = wb[workbooks.GUIDE_SHEET]
    explained = {(row[0], row[1]) for row in guide.iter_rows(values_only=True) if row[0] in wb.sheetnames}
    for name in wb.sheetnames[1:]:
        for title in next(wb[name].iter_rows(min_row=1, max_row=1, values_only=True)):
            assert (name, title) in explained, (name, title)
    text = " ".join(str(c) for row in guide.iter_rows(values_only=True) for c in row if c)
    meta = exports.read_sources(ROOT / "data")[0]
    assert meta.title in text and meta.issuing_body in text


def test_chapter_workbook_and_its_formula_cell(site_data):
    from openpyxl import load_workbook

    wb = load_workbook(site_data / "chapters" / "01_test.xlsx")
    assert wb.sheetnames[0] == workbooks.GUIDE_SHEET and len(wb.sheetnames) == 2
    sheet = wb[wb.sheetnames[1]]
    cells = [c for row in sheet.iter_rows(min_row=2, values_only=True) for c in row if isinstance(c, str)]
    assert "'" + FORMULA in cells and FORMULA not in cells


def test_workbooks_are_reproducible(site_data, tmp_path):
    first = (site_data / exports.WORKBOOK_NAME).read_bytes()
    again = tmp_path / "again"
    shutil.copytree(site_data, again)
    for path in again.rglob("*.xlsx"):
        path.unlink()
    exports.write_exports(ROOT, again)
    assert (again / exports.WORKBOOK_NAME).read_bytes() == first
    assert (again / "chapters" / "01_test.xlsx").read_bytes() == (site_data / "chapters" / "01_test.xlsx").read_bytes()


def test_readme_as_text_with_bom(site_data):
    text = (site_data / exports.README_TEXT).read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")
    body = text.decode("utf-8-sig")
    assert body == (site_data / exports.README_NAME).read_text(encoding="utf-8-sig")
    for name in (exports.WORKBOOK_NAME, exports.README_TEXT, exports.ZIP_NAME, "chapters/01_test.csv"):
        assert name in body, name


def test_published_files_are_world_readable(site_data):
    csvout.world_readable(site_data.parent)
    for path in [site_data.parent, *site_data.parent.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), f"{path}: {oct(mode)}"


def test_files_written_by_the_exports_are_0644_before_any_chmod(site_data):
    for path in site_data.rglob("*"):
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o644, f"{path.name}: {oct(path.stat().st_mode)}"
