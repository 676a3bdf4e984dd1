"""What the methods chapter shows: formulas from their docstrings, the data contract, the run's provenance.

Everything is derived from the code and the data themselves, so the chapter can never drift from them.
Volatile facts (date, git commit) are kept out of the notebook (the build writes them to the site footer
and ``data/provenance.json``) so that re-executing the chapter gives identical outputs.
"""

from __future__ import annotations

import hashlib
import inspect
import platform
from importlib import metadata
from pathlib import Path

import pandas as pd

from chitieu.analysis import formulas
from chitieu.data import contract

PINNED_PACKAGES = (
    "jupyter-book",
    "myst-nb",
    "sphinx",
    "altair",
    "vl-convert-python",
    "pandas",
    "babel",
    "papermill",
    "nbval",
)


# Each formula of chitieu.analysis.formulas as the chapter explains it: what it is for, and the formula with
# the quantities named in Vietnamese (the docstrings, written for programmers, are in English).
FORMULAS_VI: dict[str, tuple[str, str]] = {
    "average": (
        "Bình quân một năm của một tổng nhiều năm (vd. 2.800 việc làm trong 3 năm ≈ 933 mỗi năm).",
        "bình quân = tổng / số năm",
    ),
    "average_annual_growth": (
        "Tốc độ tăng bình quân (kép) mỗi năm từ giá trị đầu kỳ đến giá trị cuối kỳ, tính bằng %.",
        "r = ((cuối kỳ / đầu kỳ)^(1 / số năm) − 1) × 100",
    ),
    "count_needed": (
        "Số đơn vị ít nhất phải đạt chuẩn để tỷ lệ đạt chuẩn đạt mức đề ra.",
        "n = ⌈tổng số × mức đề ra / 100⌉",
    ),
    "growth_rate": ("Tốc độ tăng của kỳ này so với kỳ trước, tính bằng %.", "g = (kỳ này / kỳ trước − 1) × 100"),
    "mean_of_growth_rates": (
        "Bình quân nhân của các tốc độ tăng hằng năm (%): tốc độ tăng bình quân của cả chuỗi.",
        "ḡ = ((Π (1 + gᵢ/100))^(1/n) − 1) × 100",
    ),
    "progress_ratio": (
        "Tỷ số tiến độ (phương pháp Open SDG): nhịp tăng đã đạt chia cho nhịp tăng cần có.",
        "R = nhịp đã qua / nhịp cần",
    ),
    "ratio": ('Số lần một đại lượng gấp đại lượng kia ("gấp … lần" của báo cáo).', "k = tử số / mẫu số"),
    "remaining_growth_needed": (
        "Tốc độ tăng bình quân các năm còn lại cần đạt để cả nhiệm kỳ đạt mức bình quân đề ra.",
        "r = ((1 + T/100)^N / (1 + g/100)^n)^(1 / (N − n)) × 100 − 100 (g: bình quân đã đạt trong n năm; "
        "T: mức đề ra cho N năm)",
    ),
    "required_annual_growth": (
        "Tốc độ tăng bình quân mỗi năm cần có để từ giá trị hiện nay đạt mức đề ra trong số năm còn lại (nhịp cần có).",
        "r = ((mức đề ra / hiện nay)^(1 / số năm còn lại) − 1) × 100",
    ),
    "share": ("Tỷ lệ phần trăm của một phần trong tổng số.", "tỷ lệ = phần / tổng × 100"),
}


def formula_table() -> pd.DataFrame:
    """One row per formula of :mod:`chitieu.analysis.formulas`: the function's name, what it is for and its
    formula, in Vietnamese (:data:`FORMULAS_VI`).

    Raises
    ------
    KeyError
        A formula has no Vietnamese explanation yet (the chapter must not show it in English).
    """
    rows = []
    for name, fn in inspect.getmembers(formulas, inspect.isfunction):
        if fn.__module__ != formulas.__name__:
            continue
        if name not in FORMULAS_VI:
            raise KeyError(f"formula {name}() has no Vietnamese explanation in chitieu.book.methods.FORMULAS_VI")
        purpose, formula = FORMULAS_VI[name]
        rows.append({"name": f"{name}()", "purpose": purpose, "formula": formula})
    return pd.DataFrame(rows)


# The data files the chapter shows (the figures and what they are measured against), and their coded columns.
CONTRACT_TABLES = ("indicators", "targets", "observations", "report_assessment")
ENUM_COLUMNS = (("indicators", "unit"), ("observations", "qualifier"), ("observations", "status"), ("targets", "kind"))
# What a code that reads as nothing in the text (``count``: "28 trường", ``exact``) means, for the table.
EMPTY_LABELS = {"unit": "(số đếm)", "qualifier": "(chính xác)"}


def contract_table() -> pd.DataFrame:
    """The columns of each data file (from its schema, ``data/schema``)."""
    resources = contract.load().resources
    return pd.DataFrame(
        [{"file": resources[name].path, "columns": ", ".join(contract.columns(name))} for name in CONTRACT_TABLES]
    )


def enum_table() -> pd.DataFrame:
    """Allowed values of the coded columns, with their Vietnamese labels (from the schema)."""
    rows = []
    for name, column in ENUM_COLUMNS:
        for code, label in contract.labels_vi(name, column).items():
            rows.append({"column": column, "value": code, "label": label or EMPTY_LABELS.get(column, code)})
    return pd.DataFrame(rows)


def input_checksums(data_dir: Path) -> pd.DataFrame:
    """sha256 of every input file under ``data_dir`` (raw sources and CSVs; the extractors' staging excluded)."""
    rows = []
    for path in sorted(data_dir.rglob("*")):
        rel = path.relative_to(data_dir)
        if path.is_file() and "staging" not in rel.parts and path.suffix in (".csv", ".txt", ".json"):
            rows.append(
                {
                    "file": f"data/{rel.as_posix()}",
                    "bytes": path.stat().st_size,
                    "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                }
            )
    return pd.DataFrame(rows)


def environment_table() -> pd.DataFrame:
    """Python and the versions of the packages that shape the book's numbers and pages."""
    rows = [{"package": "python", "version": platform.python_version()}]
    for name in PINNED_PACKAGES:
        try:
            rows.append({"package": name, "version": metadata.version(name)})
        except metadata.PackageNotFoundError:
            rows.append({"package": name, "version": "không cài / not installed"})
    return pd.DataFrame(rows)
