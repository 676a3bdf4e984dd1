"""chitieu.build.pdf.source: the print edition is made only from chapters executed for the year asked, and says
what to run otherwise; chitieu.build.pdf.render publishes nothing when a step fails.

Notebooks here are SYNTHETIC: only their recorded parameters matter.
"""

from __future__ import annotations

import json

import pytest

from chitieu.build.pdf import render, source
from chitieu.build.pdf.source import MissingInput, PdfError
from chitieu.config import PROJ_ROOT as ROOT


def _notebook(folder, name, year):
    meta = {"chitieu": {"parameters": {"report_year": year, "data_dir": "../data"}}} if year else {}
    (folder / f"{name}.ipynb").write_text(json.dumps({"cells": [], "metadata": meta}), encoding="utf-8")


class TestExecutedYears:
    def test_years_are_read_from_the_recorded_parameters(self, tmp_path):
        _notebook(tmp_path, "00_a", 2023)
        _notebook(tmp_path, "01_b", 2022)
        assert source.executed_years(tmp_path, ["00_a", "01_b"]) == {"00_a": 2023, "01_b": 2022}

    def test_a_missing_chapter_says_to_run_make_book(self, tmp_path):
        _notebook(tmp_path, "00_a", 2023)
        with pytest.raises(MissingInput, match=r"book/01_b\.ipynb.*make book"):
            source.executed_years(tmp_path, ["00_a", "01_b"])


class TestCheckYear:
    def test_same_year_passes(self):
        source.check_year({"00_a": 2023, "01_b": 2023}, 2023)

    def test_another_year_says_which_and_what_to_run(self):
        with pytest.raises(MissingInput) as info:
            source.check_year({"00_a": 2022, "01_b": 2022}, 2023)
        message = str(info.value)
        assert "2022" in message and "make book YEAR=2023" in message and "make pdf YEAR=2022" in message

    def test_mixed_years_are_refused(self):
        with pytest.raises(MissingInput, match="2022, 2023"):
            source.check_year({"00_a": 2022, "01_b": 2023}, 2023)

    def test_a_chapter_without_a_recorded_year_is_refused(self):
        with pytest.raises(MissingInput, match="01_b"):
            source.check_year({"00_a": 2023, "01_b": None}, 2023)


def test_the_checked_in_book_is_one_year():
    from chitieu.book.registry import load_registry

    names = [c.name for c in load_registry(ROOT)]
    years = set(source.executed_years(ROOT / "book", names).values())
    assert len(years) == 1 and None not in years, years


def test_a_failed_build_publishes_nothing_and_leaves_no_stage(tmp_path, monkeypatch):
    pytest.importorskip("bs4")
    try:
        render.load_weasyprint()
    except MissingInput as exc:
        pytest.skip(f"WeasyPrint cannot run here ({exc}); `make pdf-tools` installs what it needs")
    out = tmp_path / "pdf"
    out.mkdir()
    previous = out / "chi-tieu-previous.pdf"
    previous.write_bytes(b"%PDF-1.7 SYNTHETIC previous edition\n")

    def broken_pages(stage):
        raise PdfError("SYNTHETIC failure of the page build")

    monkeypatch.setattr(source, "build_pages", broken_pages)
    year = next(iter(set(source.executed_years(ROOT / "book", ["00_gioi_thieu"]).values())))
    with pytest.raises(PdfError, match="SYNTHETIC failure"):
        render.build_pdf(ROOT, year, out_dir=out, report=lambda *a, **k: None)
    assert sorted(p.name for p in out.iterdir()) == [previous.name]
    assert previous.read_bytes() == b"%PDF-1.7 SYNTHETIC previous edition\n"
    assert not list(tmp_path.glob(".pdf-stage-*"))


def test_a_year_not_executed_is_refused_before_anything_is_built(tmp_path):
    try:
        render.load_weasyprint()
    except MissingInput as exc:
        pytest.skip(f"WeasyPrint cannot run here ({exc})")
    with pytest.raises(MissingInput, match="make book YEAR=1999"):
        render.build_pdf(ROOT, 1999, out_dir=tmp_path / "pdf", report=lambda *a, **k: None)
    assert not list((tmp_path / "pdf").iterdir())
