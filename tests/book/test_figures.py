"""The closing table of the chapters (:mod:`chitieu.book.figures`)."""

import re

import pytest

from chitieu.book import figures
from chitieu.book import keyindicators as ki
from chitieu.book.context import ChapterContext
from chitieu.build.pdf.render import STYLESHEET


class TestFiguresUsed:
    def test_skips_missing_ids_and_repeats(self, ds):
        ids = ki.key_indicators(ds, 2022)["obs_id"]  # key indicators without a 2022 figure have no id
        table = figures.figures_used(ds, list(ids) + ["poverty_rate.2022"])
        assert list(table["obs_id"]) == [i for i in ids if isinstance(i, str)]
        assert all(isinstance(v, str) for v in table.drop(columns="obs_id").to_numpy().ravel())

    def test_unknown_id_is_refused(self, ds):
        with pytest.raises(KeyError):
            figures.figures_used(ds, ["no_such_indicator.2023"])


class TestFiguresSection:
    def test_sources_link_to_the_number_in_the_report_and_notes_are_shown(self, ds):
        ids = ["cultural_villages_rate.2023", "gdp_growth_avg.2021-2023", "poverty_rate.2022"]
        html = figures.figures_section(ChapterContext("x", ds, _audit_flags={}), ids).data
        hrefs = re.findall(r'<a href="([^"]+)">Phần', html)
        assert len(hrefs) == len(ids) and all("_van_ban_" in h and "#so-" in h for h in hrefs)
        # A row whose status is a reading says so, in the note column.
        assert "Ghi chú cách đọc" in html and "số “đến cuối năm 2023” là số ước tính" in html

    def test_the_note_column_is_blank_as_a_dash(self, ds):
        table = figures.figures_used(ds, ["poverty_rate.2022", "cultural_villages_rate.2023"])
        assert list(table["note"])[0] == "—" and "ước tính" in list(table["note"])[1]

    def test_the_table_carries_the_class_the_print_stylesheet_sizes(self, ds):
        html = figures.figures_section(ChapterContext("x", ds, _audit_flags={}), ["poverty_rate.2022"]).data
        assert re.search(r'<table class="[^"]*\bchitieu-figures\b', html)
        css = STYLESHEET.read_text(encoding="utf-8")
        widths = [int(w) for w in re.findall(r"table\.chitieu-figures th:nth-child\(\d+\) \{ width: (\d+)%", css)]
        assert len(widths) == len(figures.FIGURE_COLUMNS) and sum(widths) == 100
