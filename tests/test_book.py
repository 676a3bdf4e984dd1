"""The whole pipeline, run in a temporary copy: builds with warnings as errors, reproduces book/ byte for
byte, and the pages show no raw Python values or links to the internet."""

from __future__ import annotations

import html as htmllib
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from chitieu.build.pipeline import build_book
from chitieu.config import PROJ_ROOT as ROOT

IGNORE = shutil.ignore_patterns(
    ".venv", "_build", ".cache", ".git", "__pycache__", ".pytest_cache", "*.egg-info", "staging"
)
BAD_TEXT = re.compile(r"\bnan\b|\bNone\b|\bNaT\b|Traceback|(?<![\w.])\d+\.\d{4,}|np\.float64|alt\.Chart\(")
EXTERNAL = re.compile(r"""(?:src|href)=["'](?:https?:)?//""")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT, root, dirs_exist_ok=True, ignore=IGNORE)
    (root / "book").mkdir(exist_ok=True)
    for nb in (root / "book").glob("*.ipynb"):
        nb.unlink()
    build_book(2023, root=root)
    return root


def visible_text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", page))


class TestBookBuild:
    def test_site_is_built(self, built):
        assert (built / "_build" / "html" / "index.html").is_file()
        page = (built / "_build" / "html" / "book" / "01_chi_tieu_chu_yeu.html").read_text(encoding="utf-8")
        assert page.count("<svg") >= 2, "the charts are drawn at build time, inline"
        assert not list((built / "_build" / "html" / "_static").rglob("vega*.js")), "no page needs a chart library"

    def test_executed_notebooks_are_reproducible_and_committed(self, built):
        produced = sorted(p.name for p in (built / "book").glob("*.ipynb"))
        committed = sorted(p.name for p in (ROOT / "book").glob("*.ipynb"))
        assert produced == committed, "book/ differs from the chapters: run `make book` and commit book/"
        for name in produced:
            assert (built / "book" / name).read_bytes() == (ROOT / "book" / name).read_bytes(), (
                f"book/{name} is not what the current code and data produce: run `make book` and commit"
            )

    def test_pages_show_no_raw_values(self, built):
        pages = [
            p for p in (built / "_build" / "html").rglob("*.html") if p.name not in ("genindex.html", "search.html")
        ]
        assert pages
        for page in pages:
            text = visible_text(page.read_text(encoding="utf-8"))
            bad = BAD_TEXT.search(text)
            assert bad is None, f"{page.name}: {text[max(0, bad.start() - 60) : bad.end() + 60]!r}"

    def test_no_request_leaves_the_site(self, built):
        for page in (built / "_build" / "html").rglob("*.html"):
            found = EXTERNAL.search(page.read_text(encoding="utf-8"))
            assert found is None, f"{page.name} links outside: {found.group(0)}"

    def test_data_exports(self, built):
        # The published copies are the data files with a UTF-8 BOM (Excel on Windows reads Vietnamese then).
        for name in ("indicators.csv", "targets.csv", "observations.csv"):
            published = (built / "_build" / "html" / "data" / name).read_bytes()
            assert published.startswith(b"\xef\xbb\xbf")
            assert published.removeprefix(b"\xef\xbb\xbf") == (ROOT / "data" / name).read_bytes()
        # The report itself, republished unchanged with its sidecar, in the site and in the zip.
        raw_dir = ROOT / "data" / "raw"
        raw = sorted(p.name for pattern in ("*.meta.json", "*.txt") for p in raw_dir.glob(pattern))
        published_raw = built / "_build" / "html" / "data" / "raw"
        assert raw and sorted(p.name for p in published_raw.iterdir()) == raw
        for name in raw:
            assert (published_raw / name).read_bytes() == (raw_dir / name).read_bytes()
        with zipfile.ZipFile(built / "_build" / "html" / "data" / "chitieu-huong-tra-du-lieu.zip") as bundle:
            assert {f"raw/{name}" for name in raw} <= set(bundle.namelist())

    def test_html_is_vietnamese(self, built):
        page = (built / "_build" / "html" / "book" / "01_chi_tieu_chu_yeu.html").read_text(encoding="utf-8")
        assert '<html lang="vi"' in page
