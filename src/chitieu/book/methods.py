"""What the methods chapter shows: formulas from their docstrings, the data contract, the run's provenance.

Everything is derived from the code and the data themselves, so the chapter can never drift from them.
Volatile facts (date, git commit) are kept out of the notebook (the build writes them to the site footer
and ``data/provenance.json``) so that re-executing the chapter gives identical outputs.
"""

from __future__ import annotations

import hashlib
import inspect
import platform
import re
from importlib import metadata
from pathlib import Path

import pandas as pd

from chitieu.analysis import formulas
from chitieu.data import schema

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


def formula_table() -> pd.DataFrame:
    """One row per formula of :mod:`chitieu.analysis.formulas`: name, purpose (first docstring line), formula line."""
    rows = []
    for name, fn in inspect.getmembers(formulas, inspect.isfunction):
        if fn.__module__ != formulas.__name__:
            continue
        doc = inspect.getdoc(fn) or ""
        lines = [line.strip() for line in doc.splitlines()]
        found = re.search(r"``([^`]*=[^`]*)``", doc)
        formula = found.group(1) if found else ""
        rows.append({"name": f"{name}()", "purpose": lines[0] if lines else "", "formula": formula})
    return pd.DataFrame(rows)


def contract_table() -> pd.DataFrame:
    """The columns of each data file (from :mod:`chitieu.data.schema`)."""
    files = {
        "indicators.csv": schema.INDICATOR_COLUMNS,
        "targets.csv": schema.TARGET_COLUMNS,
        "observations.csv": schema.OBSERVATION_COLUMNS,
        "report_assessment.csv": schema.REPORT_ASSESSMENT_COLUMNS,
    }
    return pd.DataFrame([{"file": f, "columns": ", ".join(cols)} for f, cols in files.items()])


def enum_table() -> pd.DataFrame:
    """Allowed values of the coded columns, with their Vietnamese labels."""
    rows = [{"column": "unit", "value": k, "label": v or "(số đếm)"} for k, v in schema.UNITS.items()]
    rows += [{"column": "qualifier", "value": k, "label": v or "(chính xác)"} for k, v in schema.QUALIFIERS.items()]
    rows += [{"column": "status", "value": k, "label": v} for k, v in schema.STATUSES.items()]
    rows += [{"column": "kind", "value": k, "label": k} for k in schema.TARGET_KINDS]
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
