"""chitieu.build.pdf.edition: the print edition's name and record, and the site's link to it — only to a PDF of
the very chapters the site shows, never to a missing or outdated one. No WeasyPrint needed here.

The PDFs and notebooks below are SYNTHETIC bytes: only their identity (sha256, key) matters.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile

import pytest
import yaml

from chitieu.build import exports
from chitieu.build.pdf import edition
from chitieu.config import PROJ_ROOT as ROOT

NAMES = ["00_gioi_thieu", "01_chi_tieu_chu_yeu"]


class TestSlug:
    def test_vietnamese_title_becomes_ascii(self):
        assert edition.slug("Chỉ tiêu Đông Hà") == "chi-tieu-dong-ha"
        assert edition.slug("  Sổ tay: Kế hoạch 2026 ") == "so-tay-ke-hoach-2026"

    def test_name_comes_from_the_books_title(self):
        title = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["title"]
        assert edition.pdf_name(ROOT, 2023) == f"{edition.slug(title)}-2023.pdf"
        assert edition.pdf_path(ROOT, 2022) == ROOT / "_build" / "pdf" / f"{edition.slug(title)}-2022.pdf"


def _project(tmp_path, year=2023, chapters_from=None):
    """A project folder with a config, executed chapters (SYNTHETIC) and a published print edition."""
    root = tmp_path / "project"
    (root / "book").mkdir(parents=True)
    shutil.copy2(ROOT / "_config.yml", root / "_config.yml")
    for name in NAMES:
        (root / "book" / f"{name}.ipynb").write_text(json.dumps({"cells": [], "name": name}), encoding="utf-8")
    pdf = edition.pdf_path(root, year)
    pdf.parent.mkdir(parents=True)
    pdf.write_bytes(b"%PDF-1.7 SYNTHETIC\n")
    record = edition.PrintEdition(
        file=pdf.name,
        report_year=year,
        pages=112,
        bytes=2_345_678,
        sha256=hashlib.sha256(pdf.read_bytes()).hexdigest(),
        chapters_key=edition.chapters_key(chapters_from or root / "book", NAMES),
        git_commit="abc",
    )
    record.write_record(pdf.parent)
    stage = tmp_path / "stage"
    shutil.copytree(root / "book", stage / "book")
    shutil.copy2(root / "_config.yml", stage / "_config.yml")
    return root, stage, pdf


class TestRecord:
    def test_record_describes_the_file(self, tmp_path):
        _, _, pdf = _project(tmp_path)
        found = edition.read_edition(pdf)
        assert found is not None and found.pages == 112 and found.report_year == 2023

    def test_a_record_of_other_bytes_is_no_edition(self, tmp_path):
        _, _, pdf = _project(tmp_path)
        pdf.write_bytes(b"%PDF-1.7 SYNTHETIC, rebuilt but its record not yet\n")
        assert edition.read_edition(pdf) is None

    def test_no_record_is_no_edition(self, tmp_path):
        _, _, pdf = _project(tmp_path)
        pdf.with_suffix(".json").unlink()
        assert edition.read_edition(pdf) is None


class TestStagePrintEdition:
    def test_matching_edition_is_staged_and_linked(self, tmp_path):
        root, stage, pdf = _project(tmp_path)
        assert edition.stage_print_edition(root, stage, 2023, NAMES) is not None
        assert (stage / edition.STAGE_FOLDER / pdf.name).read_bytes() == pdf.read_bytes()
        conf = yaml.safe_load((stage / "_config.yml").read_text(encoding="utf-8"))
        sentence = conf["parse"]["myst_substitutions"][edition.SUBSTITUTION]
        assert f'href="../data/{pdf.name}"' in sentence
        assert "112 trang" in sentence and "2,3 MB" in sentence  # vi-VN numbers
        assert edition.STAGE_FOLDER in conf["sphinx"]["config"]["html_extra_path"]

    def test_edition_of_other_chapters_is_not_linked(self, tmp_path, capsys):
        root, stage, _ = _project(tmp_path)
        (stage / "book" / f"{NAMES[1]}.ipynb").write_text('{"cells": ["changed data"]}', encoding="utf-8")
        before = (stage / "_config.yml").read_text(encoding="utf-8")
        assert edition.stage_print_edition(root, stage, 2023, NAMES) is None
        assert (stage / "_config.yml").read_text(encoding="utf-8") == before
        assert not (stage / edition.STAGE_FOLDER).exists()
        assert "make pdf" in capsys.readouterr().out

    def test_edition_of_another_year_is_not_linked(self, tmp_path):
        root, stage, _ = _project(tmp_path, year=2022)
        assert edition.stage_print_edition(root, stage, 2023, NAMES) is None

    def test_without_edition_the_config_keeps_its_empty_default(self, tmp_path):
        root, stage, pdf = _project(tmp_path)
        pdf.unlink()
        assert edition.stage_print_edition(root, stage, 2023, NAMES) is None
        conf = yaml.safe_load((stage / "_config.yml").read_text(encoding="utf-8"))
        assert conf["parse"]["myst_substitutions"][edition.SUBSTITUTION] == ""

    def test_the_introduction_uses_the_substitution(self):
        source = (ROOT / "notebooks" / "00_gioi_thieu.md").read_text(encoding="utf-8")
        assert "{{ print_edition }}" in source
        conf = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
        assert "substitution" in conf["parse"]["myst_enable_extensions"]


def test_downloads_list_the_edition_but_do_not_zip_it(tmp_path):
    data = tmp_path / "html" / "data"
    data.mkdir(parents=True)
    for name in ("indicators.csv", "targets.csv", "observations.csv", "report_assessment.csv"):
        shutil.copy2(ROOT / "data" / name, data / name)
    staged = data.parent / edition.pdf_name(ROOT, 2023)  # where Sphinx copied it (the site root)
    staged.write_bytes(b"%PDF-1.7 SYNTHETIC\n")
    exports.write_exports(ROOT, data)
    pdf = data / staged.name
    assert pdf.is_file() and not staged.exists()
    readme = (data / exports.README_NAME).read_text(encoding="utf-8")
    assert f"`{pdf.name}`" in readme
    with zipfile.ZipFile(data / exports.ZIP_NAME) as zf:
        assert pdf.name not in zf.namelist() and exports.README_NAME in zf.namelist()


def test_downloads_without_edition_say_nothing_of_it(tmp_path):
    assert edition.readme_section([]) == ""


@pytest.mark.parametrize("year", [2022, 2023])
def test_pdf_path_is_under_build_pdf(year):
    assert edition.pdf_path(ROOT, year).parent == ROOT / edition.PDF_DIR
