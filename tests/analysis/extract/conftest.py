"""Shared by the tests of chitieu.analysis.extract: the real report's text, read once (no validation)."""

from __future__ import annotations

import unicodedata

import pytest

from chitieu import config


@pytest.fixture(scope="session")
def report() -> str:
    """The mid-term report, NFC, as the validator reads it."""
    return unicodedata.normalize("NFC", (config.RAW_DIR / config.REPORT_FILE).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def report_line(report):
    """``report_line(passage)`` → the first line of the report holding ``passage`` (the test fails when none
    does: the passages of these tests are the report's own words)."""
    lines = report.split("\n")

    def find(passage: str) -> str:
        found = [line for line in lines if passage in line]
        assert found, f"passage not in the report: {passage!r}"
        return found[0]

    return find
