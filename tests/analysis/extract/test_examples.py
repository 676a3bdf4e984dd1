"""The examples in the docstrings of the candidate and import modules run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "chitieu.analysis.extract.localities",
    "chitieu.analysis.extract.periods",
    "chitieu.analysis.extract.qualifiers",
    "chitieu.analysis.extract.sections",
    "chitieu.analysis.extract.statuses",
    "chitieu.analysis.extract.suggest",
    "chitieu.analysis.extract.units",
    "chitieu.data.importer",
    "chitieu.data.localities",
    "chitieu.data.reviewfile",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
