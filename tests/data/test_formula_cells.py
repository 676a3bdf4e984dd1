"""Text a person types (names, descriptions, reasons) may not start like a spreadsheet formula.

Every field the schema marks ``free_text: true`` refuses each formula prefix (``=``, ``+``, ``-``, ``@``, tab,
carriage return) with the file, spreadsheet row and column; the verbatim quotes of the report are not such
fields (they are checked against the raw text, and neutralised in every download instead).
"""

from __future__ import annotations

import pytest
from test_mutations import Table, assert_reported

from chitieu.data import contract
from chitieu.data.errors import DataValidationError
from chitieu.data.load import load_dataset

PAYLOADS = {
    "=": '=HYPERLINK("http://x","y")',
    "+": "+cmd|' /C calc'!A0",
    "-": "-2+3+cmd|' /C calc'!A0",
    "@": "@SUM(1)",
    "tab": "\t=1+1",
    "cr": "\r=1+1",
}
TABLES = ("indicators",)
FREE_TEXT = [(table, f.name) for table in TABLES for f in contract.table(table).fields if f.descriptor.get("free_text")]


def test_the_names_and_descriptions_are_marked():
    assert {("indicators", "name_vi"), ("indicators", "name_en"), ("indicators", "description_vi")} <= set(FREE_TEXT)


@pytest.mark.parametrize("prefix", PAYLOADS)
@pytest.mark.parametrize(("table", "column"), FREE_TEXT)
def test_a_formula_is_refused_with_file_row_and_column(data_copy, table, column, prefix):
    t = Table(data_copy, f"{table}.csv")
    expect = t.set(3, column, PAYLOADS[prefix])
    with pytest.raises(DataValidationError) as info:
        load_dataset(data_copy)
    rendered = info.value.render()
    if prefix == "cr":  # a carriage return breaks the line: refused as a broken row, before any cell rule
        assert_reported(rendered, type(expect)(expect.file, expect.row))
    else:
        assert_reported(rendered, type(expect)(expect.file, expect.row, expect.column))
        assert "spreadsheet would run it as a formula" in rendered
