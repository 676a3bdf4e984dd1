"""Validation errors as an analyst reads them (:mod:`chitieu.data.errors`)."""

from __future__ import annotations

from chitieu.data.errors import DataError, DataValidationError


def test_an_error_names_file_row_column_value_and_both_languages():
    text = str(DataError("data/observations.csv", 7, "value", "13,7", "dùng dấu chấm", "use a decimal point"))
    assert text.startswith("data/observations.csv, dòng/row 7, cột/column value: '13,7'")
    assert "→ dùng dấu chấm" in text and "→ use a decimal point" in text


def test_many_errors_show_the_first_ones_then_counts_by_file_and_column():
    errors = [DataError("data/observations.csv", i + 2, "value", "x", "vi", "en") for i in range(305)]
    errors += [DataError("data/targets.csv", 2, "low", "x", "vi", "en")] * 2
    rendered = DataValidationError(errors).render()
    assert "Invalid data: 307 error(s)" in rendered
    assert rendered.count("dòng/row") == DataValidationError.SHOWN
    assert "and 107 more, by file and column" in rendered
    assert "data/observations.csv, cột/column value: 105" in rendered
    assert "data/targets.csv, cột/column low: 2" in rendered
    assert len(rendered) < 40_000


def test_few_errors_are_all_shown():
    rendered = DataValidationError([DataError("data/a.csv", None, None, None, "vi", "en")]).render()
    assert "more" not in rendered and rendered.endswith("→ en")
