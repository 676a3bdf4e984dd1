"""Shared fixtures: the real dataset (loaded once), helpers to write small CSVs for bad-input tests, and the
built site with one Chromium for every browser test (Playwright's sync API allows one at a time)."""

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


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The book built from the project as it is, served locally."""
    from browserkit import Server, built_site

    server = Server(built_site(tmp_path_factory))
    yield server
    server.close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (skips with a message where either is missing)."""
    from browserkit import CHROMIUM, CHROMIUM_ARGS, require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()
