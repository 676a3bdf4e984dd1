"""chitieu.build.exports: the data dictionary documents every published column from its schema, the bundle's
datapackage.json describes every published CSV (and validates with frictionless), the README names the source,
licences and citation, and the zip is byte-for-byte reproducible."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from chitieu.build import csvout, exports
from chitieu.config import PROJ_ROOT as ROOT
from chitieu.data import contract

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


def test_every_published_file_has_its_schema():
    for name in CORE:
        assert exports.schema_of(name) is contract.table(name.removesuffix(".csv"))
    chapter = exports.schema_of("chapters/02_kinh_te.csv")
    assert chapter is csvout.chapter_table()
    at = chapter.columns.index("indicator_id")
    assert chapter.columns[at : at + 3] == ("indicator_id", "name_vi", "unit")
    assert set(chapter.columns) == set(contract.table("observations").columns) | {"name_vi", "unit"}
    assert exports.schema_of("audit.csv") is contract.table("audit")
    assert exports.schema_of("notes.csv") is None


def test_every_published_column_is_documented(site_data):
    files = exports.published_csvs(site_data)
    assert {f.name for f in files} >= set(CORE) | {"chapters/01_test.csv"}
    assert exports.undocumented_columns(files) == {}
    for row in exports.dictionary_rows(files):
        assert row["title_vi"] and row["title_en"] and row["description_vi"] and row["description_en"], row


def test_undocumented_column_is_reported(site_data):
    (site_data / "extra.csv").write_text("obs_id,mystery\nx,1\n", encoding="utf-8")
    with (site_data / "targets.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r + ["?"] for r in csv.reader(handle)]
    with (site_data / "targets.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([rows[0][:-1] + ["ghi_chu"], *rows[1:]])
    files = exports.published_csvs(site_data)
    assert exports.undocumented_columns(files) == {"extra.csv": ["obs_id", "mystery"], "targets.csv": ["ghi_chu"]}
    assert "(chưa có mô tả)" in exports.dictionary_markdown(files)


def test_dictionary_files(site_data):
    exports.write_exports(ROOT, site_data)
    md = (site_data / exports.DICTIONARY_MD).read_text(encoding="utf-8")
    for name in CORE:
        assert f"## `{name}`" in md
    for unit, label in contract.UNITS.items():
        assert f"| `{unit}` | {label or '(không ghi / none)'} |" in md
    with (site_data / exports.DICTIONARY_CSV).open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    obs_cols = [r["column"] for r in rows if r["file"] == "observations.csv"]
    assert tuple(obs_cols) == contract.columns("observations")
    assert all(r["description_vi"] and r["description_en"] for r in rows)
    period = next(r for r in rows if (r["file"], r["column"]) == ("observations.csv", "period"))
    assert (
        period["required"] == "true"
        and period["description_vi"] == contract.table("observations").field("period").description_vi
    )


def test_datapackage_lists_every_published_csv_with_its_schema(site_data):
    exports.write_exports(ROOT, site_data)
    package = json.loads((site_data / exports.DATAPACKAGE).read_text(encoding="utf-8"))
    by_path = {res["path"]: res for res in package["resources"]}
    assert set(by_path) == {f.name for f in exports.published_csvs(site_data)}
    assert by_path["chapters/01_test.csv"]["schema"] == "schema/chapter.json"
    for res in package["resources"]:
        schema = json.loads((site_data / res["schema"]).read_text(encoding="utf-8"))
        with (site_data / res["path"]).open(encoding="utf-8-sig", newline="") as handle:
            assert next(csv.reader(handle)) == [f["name"] for f in schema["fields"]], res["path"]
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    meta = json.loads(next((ROOT / "data" / "raw").glob("*.meta.json")).read_text(encoding="utf-8"))
    assert [s["title"] for s in package["sources"]] == [meta["title"]]
    assert package["sources"][0]["issuing_body"] == meta["issuing_body"] and package["sources"][0]["date"]
    # localities.csv is not published: the observations' foreign key to it is left out, the one to indicators kept.
    observations = json.loads((site_data / by_path["observations.csv"]["schema"]).read_text(encoding="utf-8"))
    assert [fk["reference"]["resource"] for fk in observations["foreignKeys"]] == ["indicators"]


def test_datapackage_validates_with_frictionless(site_data):
    frictionless = pytest.importorskip("frictionless", reason="frictionless (a test dependency) is not installed")
    exports.write_exports(ROOT, site_data)
    report = frictionless.validate(site_data / exports.DATAPACKAGE)
    assert report.valid, [(task.name, e.message) for task in report.tasks for e in task.errors][:10]
    # A broken published row is caught by frictionless too (an independent second check of the bundle).
    path = site_data / "chapters" / "01_test.csv"
    path.write_text(path.read_text(encoding="utf-8-sig").replace(",exact,", ",chinh_xac,", 1), encoding="utf-8-sig")
    report = frictionless.validate(site_data / exports.DATAPACKAGE)
    assert not report.valid
    assert [(task.name, [e.type for e in task.errors]) for task in report.tasks if not task.valid] == [
        ("chapters-01_test", ["constraint-error"])
    ]


def test_readme_names_source_licence_and_citation(site_data):
    exports.write_exports(ROOT, site_data)
    readme = (site_data / exports.README_NAME).read_text(encoding="utf-8")
    for meta in (ROOT / "data" / "raw").glob("*.meta.json"):
        info = json.loads(meta.read_text(encoding="utf-8"))
        assert info["sha256"] in readme
        assert info["title"] in readme
    assert "## Giấy phép / Licence" in readme and "MIT" in readme and "CC-BY-4.0" in readme
    assert exports.DATAPACKAGE in readme
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
        assert zf.read("observations.csv") == csvout.excel_csv(*csvout.read_table(ROOT / "data" / "observations.csv"))
        assert exports.WORKBOOK_NAME in names and "chapters/01_test.xlsx" in names
        assert exports.DATAPACKAGE in names and "schema/observations.json" in names
        assert zf.testzip() is None
