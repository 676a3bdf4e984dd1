"""HTML tables (:mod:`chitieu.book.tables`)."""

from __future__ import annotations

import pandas as pd
import pytest

from chitieu.book import chapter, charts, tables


class TestTableHtml:
    def test_escapes_and_refuses_floats(self):
        html = tables.table_html(pd.DataFrame({"a": ["<b>"]}), {"a": "A"})
        assert "&lt;b&gt;" in html
        with pytest.raises(TypeError):
            tables.table_html(pd.DataFrame({"a": [1.5]}), {"a": "A"})


class TestTableOrNote:
    def test_table_under_caption(self, ds):
        rows = charts.chart_table(chapter.latest_many(ds, ["hospital_beds_per_10000"], 2023))
        out = tables.table_or_note(rows, charts.TOWN_TABLE_COLUMNS, report_year=2023, caption="Bảng 1.")
        assert "Bảng 1." in out.data and "<table" in out.data and "Địa bàn" not in out.data

    def test_note_when_empty(self):
        out = tables.table_or_note(pd.DataFrame(), {}, report_year=2022)
        assert "<table" not in out.data and "Chưa có số liệu tính đến năm 2022." in out.data
        out = tables.table_or_note(pd.DataFrame(), {}, report_year=2022, notice="Không <có>.")
        assert "Không &lt;có&gt;." in out.data
