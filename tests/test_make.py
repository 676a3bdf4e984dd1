"""The Makefile refuses variables that would reach the shell as code (``YEAR='2023; touch x'``), with a message,
before any recipe runs (``make -n``: nothing is executed even if a check were missing)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from chitieu.config import PROJ_ROOT as ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def make_n(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "-n", "--no-print-directory", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize(
    "args",
    [
        ("book", "YEAR=2023; touch x"),
        ("book", "YEAR=$(shell touch x)"),
        ("book", "YEAR=20a3"),
        ("diff", "FROM=2022; touch x", "TO=2023"),
        ("diff", "FROM=2022", "TO=2023 && touch x"),
    ],
)
def test_a_variable_that_is_not_a_year_is_refused(args, tmp_path):
    (ROOT / "x").unlink(missing_ok=True)
    done = make_n(*args)
    assert not (ROOT / "x").exists(), "make ran the command inside the variable"
    assert done.returncode != 0
    assert "four-digit year" in done.stderr
    assert "touch" not in done.stdout


def test_a_year_is_passed_quoted():
    done = make_n("book", "YEAR=2022")
    assert done.returncode == 0, done.stderr
    assert "chitieu book --year '2022'" in done.stdout
