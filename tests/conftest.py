"""Shared fixtures: the real dataset (loaded once) and helpers to write small CSVs for bad-input tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chitieu import config
from chitieu.data.load import Dataset, load_dataset

ROOT = config.PROJ_ROOT


@pytest.fixture(scope="session")
def ds() -> Dataset:
    """The project's real, validated data."""
    return load_dataset(ROOT / "data")


@pytest.fixture(scope="session")
def raw_text(ds) -> str:
    return ds.sources[0].text


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of data/ (real files) to mutate; the original is never touched."""
    dest = tmp_path / "data"
    shutil.copytree(ROOT / "data", dest, ignore=shutil.ignore_patterns("staging"))
    return dest
