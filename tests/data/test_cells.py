"""Cells a spreadsheet would run (:mod:`chitieu.data.cells`)."""

from __future__ import annotations

import pytest

from chitieu.data.cells import neutralise, starts_like_formula


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "\t=1", "\r=1", "=", "- Tỷ lệ hộ nghèo"],
)
def test_formula_like_text_gets_an_apostrophe(text):
    assert starts_like_formula(text)
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["-1.5", "-7943", "7943", "Tỷ lệ hộ nghèo", "", "a=b", 7, None, -1.5])
def test_numbers_and_ordinary_text_are_unchanged(value):
    assert neutralise(value) == value
