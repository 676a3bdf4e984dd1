"""chitieu.build.exports: the data dictionary documents every published column, the README names the source,
licence and citation, and the zip is byte-for-byte reproducible."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from chitieu.build.pipeline import exports
from chitieu.config import PROJ_ROOT as ROOT
from chitieu.data import schema

CORE = ("indicators.csv", "targets.csv", "observations.csv", "report_assessment.csv")


@pytest.fixture
def site_data(tmp_path) -> Path:
    """An ``html/data`` folder as the build leaves it before :func:`write_exports`."""
    dest = tmp_path / "html" / "data"
    (dest / "chapters").mkdir(parents=True)
    for name in CORE + ("audit.csv",):
        if (ROOT / "data" / name).is_file():
            shutil.copy2(ROOT / "data" / name, dest / name)
    with (ROOT / "data" / "observations.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))[:4]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    (dest / "chapters" / "01_test.csv").write_text(buf.getvalue(), encoding="utf-8")
    return dest


def test_every_contract_column_is_documented():
    for columns in exports.SCHEMA_COLUMNS.values():
        for col in columns:
            assert col in exports.COLUMN_DOCS, f"{col} has no entry in exports.COLUMN_DOCS"
    assert set(exports.SCHEMA_COLUMNS) == set(CORE)
    assert exports.SCHEMA_COLUMNS["observations.csv"] == schema.OBSERVATION_COLUMNS


def test_every_published_column_is_documented(site_data):
    files = exports.published_csvs(site_data)
    assert {f.name for f in files} >= set(CORE) | {"chapters/01_test.csv"}
    assert exports.undocumented_columns(files) == {}


def test_undocumented_column_is_reported(site_data):
    (site_data / "extra.csv").write_text("obs_id,mystery\nx,1\n", encoding="utf-8")
    files = exports.published_csvs(site_data)
    assert exports.undocumented_columns(files) == {"extra.csv": ["mystery"]}
    assert "(chưa có mô tả)" in exports.dictionary_markdown(files)


def test_dictionary_files(site_data):
    exports.write_exports(ROOT, site_data)
    md = (site_data / exports.DICTIONARY_MD).read_text(encoding="utf-8")
    for name in CORE:
        assert f"## `{name}`" in md
    for unit, _label in schema.UNITS.items():
        assert f"| `{unit}` |" in md
    with (site_data / exports.DICTIONARY_CSV).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    obs_cols = [r["column"] for r in rows if r["file"] == "observations.csv"]
    assert tuple(obs_cols) == schema.OBSERVATION_COLUMNS
    assert all(r["description_vi"] and r["description_en"] for r in rows)


def test_readme_names_source_licence_and_citation(site_data):
    exports.write_exports(ROOT, site_data)
    readme = (site_data / exports.README_NAME).read_text(encoding="utf-8")
    for meta in (ROOT / "data" / "raw").glob("*.meta.json"):
        info = json.loads(meta.read_text(encoding="utf-8"))
        assert info["sha256"] in readme
        assert info["title"] in readme
    assert "## Giấy phép / Licence" in readme and "MIT" in readme
    assert "## Trích dẫn / How to cite" in readme
    assert exports.ZIP_NAME in readme
    for name in CORE:
        assert f"`{name}`" in readme


def test_zip_holds_everything_and_is_reproducible(site_data, tmp_path):
    exports.write_exports(ROOT, site_data)
    first = (site_data / exports.ZIP_NAME).read_bytes()
    # A second build, later, from files with other timestamps: same bytes.
    other = tmp_path / "again"
    shutil.copytree(site_data, other)
    (other / exports.ZIP_NAME).unlink()
    for path in other.rglob("*"):
        if path.is_file():
            os.utime(path, (1_700_000_000, 1_700_000_000))
    exports.write_exports(ROOT, other)
    assert (other / exports.ZIP_NAME).read_bytes() == first
    # Writing again over an existing zip does not put the zip inside itself.
    exports.write_exports(ROOT, site_data)
    assert (site_data / exports.ZIP_NAME).read_bytes() == first
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        names = zf.namelist()
        assert names == sorted(names)
        expected = sorted(
            p.relative_to(site_data).as_posix()
            for p in site_data.rglob("*")
            if p.is_file() and p.name != exports.ZIP_NAME
        )
        assert names == expected
        assert {i.date_time for i in zf.infolist()} == {exports.ZIP_DATE}
        assert zf.read("observations.csv") == (ROOT / "data" / "observations.csv").read_bytes()
        assert zf.testzip() is None
