"""The next report in an afternoon, end to end, in a temporary copy of the project: the SYNTHETIC 2024 report
(tests/fixtures/year2024, never published) → ``candidates`` → a review in the workbook (decisions, one indicator
corrected) → ``import`` → the rows are in the copy's ``observations.csv`` and the data validate. The book of
2024 is built from such rows by tests/test_new_year.py."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import openpyxl
import pytest

from chitieu.cli import main
from chitieu.config import PROJ_ROOT as ROOT
from chitieu.data import reviewsheet as rs
from chitieu.data.load import load_dataset

FIXTURE = ROOT / "tests" / "fixtures" / "year2024"
IGNORE = shutil.ignore_patterns(
    ".venv", "_build", ".cache", ".git", "__pycache__", ".pytest_cache", "*.egg-info", "staging", "book"
)
COMPARED = ("obs_id", "indicator_id", "period", "value", "qualifier", "status", "locality")


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(ROOT, root, ignore=IGNORE)
    for f in (FIXTURE / "raw").iterdir():  # step 1 of the README: the report and its sidecar into data/raw
        shutil.copy2(f, root / "data" / "raw" / f.name)
    return root


def expected_rows() -> list[tuple]:
    """The fixture's hand-written rows: what the review should produce."""
    with open(FIXTURE / "observations_2024.csv", encoding="utf-8") as handle:
        return sorted(tuple(row[k] for k in COMPARED) for row in csv.DictReader(handle))


def new_rows(root: Path) -> list[tuple]:
    before = set((ROOT / "data" / "observations.csv").read_text(encoding="utf-8").splitlines())
    text = (root / "data" / "observations.csv").read_text(encoding="utf-8")
    added = [line for line in text.splitlines() if line not in before]
    rows = csv.DictReader([text.splitlines()[0], *added])
    return sorted(tuple(row[k] for k in COMPARED) for row in rows)


def test_candidates_review_import(project, tmp_path, capsys):
    original = (ROOT / "data" / "observations.csv").read_bytes()
    out = tmp_path / "candidates_2024.xlsx"
    raw = project / "data" / "raw" / "bao_cao_2024_synthetic.txt"
    assert main(["--root", str(project), "candidates", str(raw), "--out", str(out)]) == 0
    assert "6 ứng viên" in capsys.readouterr().out

    # The review, as a person would do it in Excel: accept every row, correct the indicator of the 38.
    wb = openpyxl.load_workbook(out)
    ws = wb[rs.OBSERVATIONS_SHEET]
    col = {cell.value: cell.column for cell in ws[1]}
    for r in range(2, ws.max_row + 1):
        ws.cell(r, col["Quyết định"]).value = rs.ACCEPT
        if ws.cell(r, col["Số như đã viết"]).value == "38":
            assert ws.cell(r, col["Mã chỉ tiêu"]).value != "schools_total"  # the suggestion a reviewer fixes
            ws.cell(r, col["Mã chỉ tiêu"]).value = "schools_total"
            ws.cell(r, col["Quyết định"]).value = rs.EDIT
    reviewed = tmp_path / "reviewed_2024.xlsx"
    wb.save(reviewed)

    assert main(["--root", str(project), "import", str(reviewed)]) == 0
    printed = capsys.readouterr().out
    assert "6 số liệu mới" in printed and "+ schools_total.2024: 38" in printed
    assert new_rows(project) == expected_rows()
    load_dataset(project / "data")
    assert (ROOT / "data" / "observations.csv").read_bytes() == original  # the real data never touched


def test_the_committed_reviewed_file_imports_the_same_rows(project, capsys):
    reviewed = FIXTURE / "reviewed_2024_synthetic.csv"
    assert main(["--root", str(project), "import", str(reviewed), "--check"]) == 0
    assert "nothing written" in capsys.readouterr().out
    assert new_rows(project) == []
    assert main(["--root", str(project), "import", str(reviewed)]) == 0
    assert new_rows(project) == expected_rows()
    load_dataset(project / "data")


def test_a_refused_import_changes_nothing_and_exits_1(project, capsys):
    data = project / "data" / "observations.csv"
    before = data.read_bytes()
    text = (FIXTURE / "reviewed_2024_synthetic.csv").read_text(encoding="utf-8").replace("56,5 triệu", "56,6 triệu")
    bad = project / "bad.csv"
    bad.write_text(text, encoding="utf-8")
    assert main(["--root", str(project), "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.csv, dòng/row 3, cột/column source_quote" in err
    assert data.read_bytes() == before


def test_missing_file_exits_2(project, capsys):
    assert main(["--root", str(project), "import", str(project / "nothing.xlsx")]) == 2
    assert main(["--root", str(project), "candidates", str(project / "nothing.txt")]) == 2


def test_output_must_be_xlsx_or_csv(project, capsys):
    raw = project / "data" / "raw" / "bao_cao_2024_synthetic.txt"
    assert main(["--root", str(project), "candidates", str(raw), "--out", str(project / "c.ods")]) == 2
    assert ".xlsx" in capsys.readouterr().err


def test_candidates_eval_prints_every_figure(capsys):
    assert main(["candidates-eval", "--worst", "2"]) == 0
    out = capsys.readouterr().out
    for label in ("recall", "unexplained", "qualifier", "status", "period", "locality", "top-1", "top-2", "time"):
        assert label in out
    # Every curated number is a statistic the classifier finds, so (almost) every curated row is recalled.
    recalled, total = map(int, re.search(r"\(recall\): (\d+)/(\d+)", out).groups())
    assert recalled * 100 >= 98 * total
