"""``data/corrections.csv``: which of two conflicting statements of the report the book uses, and why.

What its Table Schema states (``data/schema/corrections.schema.yaml``: required cells, one row per chosen
figure, the indicator, locality and chosen figure exist) is checked by :mod:`chitieu.data.structure`; this
module adds what needs the loaded dataset and the checks. Every error names file, spreadsheet row and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chitieu.data import contract
from chitieu.data.checks import Check
from chitieu.data.csvread import read_csv_rows
from chitieu.data.errors import DataError, DataValidationError
from chitieu.data.load import Dataset, load_localities
from chitieu.data.structure import check_table, display_file, reference_values

CORRECTIONS_FILE = display_file("corrections")
CORRECTION_COLUMNS = contract.columns("corrections")


@dataclass(frozen=True)
class Correction:
    """One row of ``corrections.csv``: which of conflicting figures the book uses, and why."""

    indicator_id: str
    period: str
    locality: str
    chosen_obs_id: str
    rejected_obs_ids: tuple[str, ...]
    check_ids: tuple[str, ...]
    reason_vi: str
    row: int


def _correction_references(ds: Dataset) -> dict:
    return {
        "indicators": reference_values("indicators", ({"indicator_id": iid} for iid in ds.indicators.index)),
        "localities": reference_values("localities", ({"locality": name} for name in load_localities(ds.data_dir))),
        "observations": reference_values("observations", ({"obs_id": oid} for oid in ds.observations.index)),
    }


def load_corrections(ds: Dataset, checks: list[Check], path: Path | None = None) -> list[Correction]:
    """Read and validate ``corrections.csv`` against its schema (required cells, one row per chosen figure, the
    indicator, locality and chosen figure exist) and the checks: the chosen figure belongs to the indicator,
    the rejected figures exist, the checks named exist."""
    path = Path(path) if path is not None else Path(ds.data_dir) / contract.load().resources["corrections"].path
    errors: list[DataError] = []
    rows = read_csv_rows(path, CORRECTION_COLUMNS, errors)
    check_ids = {c.check_id for c in checks}
    obs = ds.observations
    out = []
    for checked in check_table("corrections", rows, errors, _correction_references(ds)):
        row, rec, ok = checked.row, checked.cells, checked.ok

        def err(col, value, vi, en, row=row):
            errors.append(DataError(CORRECTIONS_FILE, row, col, value, vi, en))

        chosen = rec["chosen_obs_id"]
        usable = chosen and not {"chosen_obs_id", "indicator_id"} & checked.bad
        if usable and obs.loc[chosen, "indicator_id"] != rec["indicator_id"]:
            err(
                "chosen_obs_id",
                chosen,
                f"số liệu này thuộc chỉ tiêu {obs.loc[chosen, 'indicator_id']}, không phải {rec['indicator_id']}",
                "observation belongs to another indicator",
            )
            ok = False
        for oid in rec["rejected_obs_ids"].split():
            if oid not in obs.index:
                err(
                    "rejected_obs_ids",
                    oid,
                    "mã số liệu không có trong data/observations.csv",
                    "observation id not in data/observations.csv",
                )
                ok = False
        for cid in rec["check_ids"].split():
            if cid not in check_ids:
                err("check_ids", cid, "mã kiểm tra không có trong data/checks.csv", "check id not in data/checks.csv")
                ok = False
        if ok:
            out.append(
                Correction(
                    rec["indicator_id"],
                    rec["period"],
                    rec["locality"],
                    chosen,
                    tuple(rec["rejected_obs_ids"].split()),
                    tuple(rec["check_ids"].split()),
                    rec["reason_vi"],
                    row,
                )
            )
    if errors:
        raise DataValidationError(errors)
    return out
