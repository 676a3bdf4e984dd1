"""Load the validated dataset as pandas tables, ready for the formulas and the chapters."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from chitieu import config
from chitieu.data import contract
from chitieu.data.errors import DataValidationError
from chitieu.data.raw import RawSource
from chitieu.data.structure import read_table
from chitieu.data.validate import validate_dataset, validate_localities


@dataclass
class Dataset:
    """The three tables of the data contract plus the raw sources they quote.

    ``observations`` gains ``value`` (float), ``value_text`` (as stored, to keep the stated precision),
    ``start_year`` and ``end_year`` (from ``period``), and ``decimals`` (digits written after the point).
    """

    indicators: pd.DataFrame
    targets: pd.DataFrame
    observations: pd.DataFrame
    report_assessment: pd.DataFrame
    sources: list[RawSource]
    data_dir: Path


def load_dataset(data_dir: Path | str | None = None) -> Dataset:
    """Validate and load ``data_dir`` (default ``data/`` of the project): every table, whole.

    A chapter run by the build receives the dataset the build validated, restricted to the chapter's
    scope, through :mod:`chitieu.book.context` instead of calling this again.

    Raises
    ------
    chitieu.data.errors.DataValidationError
        If any rule of the data contract is broken; nothing is loaded then.
    """
    data_dir = Path(data_dir) if data_dir is not None else config.DATA_DIR
    sources, indicators, targets, observations, assessment = validate_dataset(data_dir)

    ind = pd.DataFrame([{k: v for k, v in rec.items() if not k.startswith("_")} for rec in indicators.values()])
    ind["resolution_no"] = ind["resolution_no"].astype("Int64")
    ind = ind.set_index("indicator_id", drop=False).rename_axis(None)

    tgt = pd.DataFrame(
        [{k: v for k, v in rec.items() if not k.startswith("_")} for rec in targets],
        columns=list(contract.columns("targets")),
    )
    for col in ("low", "high"):
        tgt[col] = tgt[col].map(lambda d: float(d) if d is not None else float("nan")).astype(float)
    tgt["target_year"] = tgt["target_year"].astype("Int64")

    # Column by column: a table of dicts is slow to build at tens of thousands of rows.
    fields = [k for k in observations[0] if not k.startswith("_")] if observations else contract.columns("observations")
    columns = {k: [rec[k] for rec in observations] for k in fields}
    columns["value"] = [float(v) for v in columns.get("value", [])]
    columns["start_year"] = [rec["_period"].start_year for rec in observations]
    columns["end_year"] = [rec["_period"].end_year for rec in observations]
    columns["decimals"] = [len(t.split(".", 1)[1]) if "." in t else 0 for t in columns.get("value_text", [])]
    obs = pd.DataFrame(columns)
    obs = obs.set_index("obs_id", drop=False).rename_axis(None)
    # Figures the book chose not to draw where the report contradicts itself (data/corrections.csv,
    # validated by chitieu.data.checks; shown in the audit chapter). They stay in the data.
    obs["rejected"] = obs["obs_id"].isin(rejected_in_corrections(data_dir))
    assessment_df = pd.DataFrame(
        [{k: v for k, v in rec.items() if not k.startswith("_")} for rec in assessment],
        columns=list(contract.columns("report_assessment")),
    )
    return Dataset(ind, tgt, obs, assessment_df, sources, data_dir)


def rejected_in_corrections(data_dir: Path) -> set[str]:
    """Observation ids listed in the ``rejected_obs_ids`` column of ``data/corrections.csv`` (if any).

    The file is read leniently here; its validation (encoding, columns, ids) is
    :func:`chitieu.data.checks.load_corrections`, which ``check-data`` and the build run and which reports every
    problem with file, row and column.
    """
    from chitieu.data.csvread import read_csv_rows

    path = Path(data_dir) / "corrections.csv"
    if not path.is_file():
        return set()
    ignored: list = []
    header = path.read_bytes().split(b"\n", 1)[0].decode("utf-8", "replace").lstrip("\ufeff")
    columns = tuple(c.strip().strip('"') for c in header.split(","))
    rows = read_csv_rows(path, columns, ignored)
    return {oid for _, row in rows for oid in (row.get("rejected_obs_ids") or "").split()}


def load_localities(data_dir: Path | str | None = None) -> dict[str, str]:
    """The wards and communes of ``data_dir/localities.csv``: canonical name → kind (phường/xã), in file order;
    none when the dataset has no such file.

    Raises
    ------
    chitieu.data.errors.DataValidationError
        If the file breaks a rule of its schema (``data/schema/localities.schema.yaml``).
    """
    data_dir = Path(data_dir or config.DATA_DIR)
    if not (data_dir / contract.load().resources["localities"].path).exists():
        return {}
    errors: list = []
    localities = validate_localities(read_table(data_dir, "localities", errors), errors)
    if errors:
        raise DataValidationError(errors)
    return localities


def report_source(ds: Dataset) -> RawSource:
    """The mid-term review among the raw sources (``config.REPORT_FILE``)."""
    for source in ds.sources:
        if source.path.name == config.REPORT_FILE:
            return source
    raise FileNotFoundError(f"{config.REPORT_FILE} is not among the raw sources of {ds.data_dir}")
