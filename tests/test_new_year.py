"""A new year of data, end to end: SYNTHETIC 2024 rows (tests/fixtures/year2024, never published) added to a
temporary copy of the project reach the tables, the glued text and the chart data of `make book YEAR=2024`."""

from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path

import nbformat
import pytest

from chitieu.analysis.years import YearDataError, check_report_year
from chitieu.build.pipeline import build_book
from chitieu.config import PROJ_ROOT as ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "year2024"
IGNORE = shutil.ignore_patterns(
    ".venv", "_build", ".cache", ".git", "__pycache__", ".pytest_cache", "*.egg-info", "staging"
)


def outputs_text(notebook: Path) -> str:
    """Every output of an executed notebook as one string (HTML, plain text, glue payloads)."""
    nb = nbformat.read(str(notebook), as_version=4)
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            for value in out.get("data", {}).values():
                parts.append(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
            parts.append(out.get("text", ""))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def project_2024(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("project2024")
    shutil.copytree(ROOT, root, dirs_exist_ok=True, ignore=IGNORE)
    for f in (FIXTURE / "raw").iterdir():
        shutil.copy2(f, root / "data" / "raw" / f.name)
    rows = (FIXTURE / "observations_2024.csv").read_text(encoding="utf-8").splitlines()[1:]
    with open(root / "data" / "observations.csv", "a", encoding="utf-8") as handle:
        handle.write("\n".join(rows) + "\n")
    build_book(2024, root=root)
    return root


class TestNewYear:
    def test_real_data_has_no_2024_key_figure(self, ds):
        with pytest.raises(YearDataError, match="2024"):
            check_report_year(ds, 2024)

    def test_new_values_reach_table_glue_and_chart(self, project_2024):
        text = outputs_text(project_2024 / "book" / "01_chi_tieu_chu_yeu.ipynb")
        for shown in ("12,9%", "56,5 triệu đồng", "89,47%", "1,47%"):
            assert shown in text, f"{shown} missing from the 2024 chapter"
        assert '"value": 12.9' in text.replace('\\"', '"') or "12.9" in text  # chart spec data

    def test_report_year_is_glued(self, project_2024):
        nb = nbformat.read(str(project_2024 / "book" / "01_chi_tieu_chu_yeu.ipynb"), as_version=4)
        glued = [
            out["data"]["application/papermill.record/text/plain"]
            for cell in nb.cells
            for out in cell.get("outputs", [])
            if out.get("metadata", {}).get("scrapbook", {}).get("name") == "report_year"
        ]
        # myst-nb literal_evals the glued text/plain (see chitieu.book.glue): the shown text is the string inside.
        assert [ast.literal_eval(g) for g in glued] == ["2024"]

    def test_site_built_for_2024(self, project_2024):
        page = (project_2024 / "_build" / "html" / "book" / "01_chi_tieu_chu_yeu.html").read_text(encoding="utf-8")
        assert "12,9%" in page and "2024" in page
