"""A number cell is written exactly as the contract says: no surrounding whitespace of any kind, no leading zero.

A spreadsheet's non-breaking space (``"7943\\u00a0"``) or a thin space must not slip through a lenient strip
and then be published as it was, making pandas read the whole column as text.
"""

from __future__ import annotations

import pytest
from test_mutations import Table, assert_reported

from chitieu.data.errors import DataValidationError
from chitieu.data.load import load_dataset


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("7943\u00a0", "remove the spaces"),
        ("\u20097943", "remove the spaces"),
        (" 7943", "remove the spaces"),
        ("7943 ", "remove the spaces"),
        ("07943", "no leading zero"),
    ],
)
def test_a_value_not_written_exactly_is_refused(data_copy, written, hint):
    t = Table(data_copy, "observations.csv")
    row = t.find(lambda r: r["value"] == "7943")
    expect = t.set(row, "value", written)
    with pytest.raises(DataValidationError) as info:
        load_dataset(data_copy)
    rendered = info.value.render()
    assert_reported(rendered, type(expect)(expect.file, expect.row, expect.column))
    assert hint in rendered


def test_the_exact_value_is_accepted(data_copy):
    t = Table(data_copy, "observations.csv")
    row = t.find(lambda r: r["value"] == "7943")
    t.set(row, "value", "7943")
    assert (load_dataset(data_copy).observations["value_text"] == "7943").sum() == 1
