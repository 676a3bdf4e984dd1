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


class TestReflowLabels:
    COLUMNS = {"a": "Mã", "b": 'Chỉ "tiêu"', "c": "</style><script>", "d": "Ghi chú"}

    def frame(self, rows=3):
        return pd.DataFrame({col: [f"{col}{i}" for i in range(rows)] for col in self.COLUMNS})

    def test_one_rule_per_column_not_an_attribute_per_cell(self):
        out = tables.table_html(self.frame(50), self.COLUMNS)
        assert "data-label" not in out and out.count("::before") == len(self.COLUMNS)
        name = tables.reflow_class(list(self.COLUMNS.values()))
        assert f'class="chitieu-table chitieu-table-reflow {name}"' in out
        assert f'table.{name} td:nth-child(4)::before{{content:"Ghi chú"}}' in out
        assert out.startswith(f"<style>@media {tables.REFLOW_MEDIA}{{")

    def test_headers_cannot_end_the_string_or_the_style(self):
        style = tables.table_html(self.frame(), self.COLUMNS).split("</style>", 1)[0]
        assert "<" not in style.removeprefix("<style>") and 'content:"Chỉ \\22 tiêu\\22 "' in style
        assert 'content:"\\3c /style\\3e \\3c script\\3e "' in style

    def test_narrow_tables_do_not_reflow(self):
        out = tables.table_html(self.frame(), {"a": "Mã", "b": "Tên"})
        assert "<style>" not in out and "chitieu-table-reflow" not in out

    def test_media_query_is_the_stylesheets(self):
        from chitieu.config import STATIC_DIR

        css = (STATIC_DIR / "chitieu.css").read_text(encoding="utf-8")
        block = css.split(f"@media {tables.REFLOW_MEDIA} {{", 1)[1].split("\n}", 1)[0]
        assert "table.chitieu-table-reflow td::before" in block


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
