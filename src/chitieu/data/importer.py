"""Import a reviewed candidates file (``.xlsx`` or ``.csv``) into ``data/observations.csv`` — all or nothing.

The file is the one ``python -m chitieu candidates`` wrote (:mod:`chitieu.data.reviewsheet`), reviewed in Excel
or LibreOffice. Rows whose decision is *nhận* or *sửa* are imported; *bỏ* and blank rows are not. A second
sheet may add indicators to ``indicators.csv``.

The accepted rows are checked by the very rules of ``check-data``: they are written, with the data as they
are, into a temporary copy of the data folder, and :func:`chitieu.data.load.load_dataset` validates that copy.
Each error on a new row is then given back with the reviewed file, its sheet, the row and the column the
reviewer sees (:class:`SheetError`). Before that, the file itself is checked: the sheet and every imported
column must be there, each decision must be one of nhận / bỏ / sửa, and an ``obs_id`` already in the data is
refused unless the import is asked to replace it (``replace=True``), in which case the old row is replaced in
place and listed.

Any error refuses the whole import (:class:`ImportRefused`) and nothing is written. Otherwise
``indicators.csv`` and ``observations.csv`` are written atomically: the existing lines unchanged and in their
order (a replaced row rewritten where it was), the new rows appended.
"""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from chitieu.atomic import write_text_atomic
from chitieu.data import reviewsheet as rs
from chitieu.data.errors import DataError, DataValidationError
from chitieu.data.localities import Localities, fold, read_localities
from chitieu.data.reviewfile import SheetError, SheetRow, read_review_file

OBSERVATIONS_FILE = "observations.csv"
INDICATORS_FILE = "indicators.csv"
_COPY_IGNORE = shutil.ignore_patterns("staging", "coverage_unmatched.csv")


class ImportRefused(DataValidationError):
    """The reviewed file cannot be imported; nothing was written."""

    def render(self) -> str:
        head = (
            f"Không nhập: {len(self.errors)} lỗi; dữ liệu không thay đổi. Sửa tệp đã rà soát rồi nhập lại.\n"
            f"Import refused: {len(self.errors)} error(s); the data are unchanged. Fix the reviewed file and "
            "import it again."
        )
        return head + "\n\n" + "\n\n".join(str(e) for e in self.errors)


@dataclass
class ImportPlan:
    """What an import adds and replaces (already validated).

    ``added`` and ``replaced`` hold the observation records (every column of ``observations.csv``) with the
    sheet row each comes from; ``replaced`` also the spreadsheet row of ``observations.csv`` and the old record;
    ``indicators`` the new indicator records.
    """

    file: str
    added: list[tuple[SheetRow, dict[str, str]]] = field(default_factory=list)
    replaced: list[tuple[SheetRow, int, dict[str, str], dict[str, str]]] = field(default_factory=list)
    indicators: list[tuple[SheetRow, dict[str, str]]] = field(default_factory=list)
    not_imported: dict[str, int] = field(default_factory=dict)


# --------------------------------------------------------------------------------------------------
# Planning: decisions, ids, replacements
# --------------------------------------------------------------------------------------------------


def derive_obs_id(indicator_id: str, period: str, locality: str, localities: Localities) -> str:
    """The contract's id: ``indicator_id.period`` (``/`` written ``_``), plus ``.slug`` of the locality.

    Examples
    --------
    >>> from chitieu.data.localities import make_localities
    >>> derive_obs_id("rice_area", "2023-01/2023-05", "Thủy Châu", make_localities([("Thủy Châu", "Thủy Châu")]))
    'rice_area.2023-01_2023-05.thuy_chau'
    """
    out = f"{indicator_id}.{period.replace('/', '_')}"
    if locality:
        out += "." + localities.slugs.get(locality, fold(locality))
    return out


def _existing(path: Path) -> tuple[list[str], list[dict[str, str]], str]:
    """The physical lines of a data CSV (line ends kept), its records by spreadsheet row, and its line end."""
    text = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    lines = text.splitlines(keepends=True)
    ending = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    records = list(csv.DictReader(io.StringIO(text)))
    return lines, records, ending


def _csv_line(columns: tuple[str, ...], record: dict[str, str], ending: str) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator=ending).writerow([record.get(c, "") for c in columns])
    return out.getvalue()


def _decided(rows: list[SheetRow], labels: dict[str, str], name: str, plan: ImportPlan, errors: list) -> list[SheetRow]:
    """The rows to import; a decision that is none of nhận / bỏ / sửa is an error."""
    out = []
    for r in rows:
        decision = rs.read_decision(r.cells.get("decision"))
        if decision is None:
            errors.append(
                SheetError(
                    name,
                    r.row,
                    labels["decision"],
                    r.cells.get("decision"),
                    f"quyết định phải là một trong: {', '.join(rs.DECISIONS)} (hoặc để trống)",
                    f"the decision must be one of: {', '.join(rs.DECISIONS)} (or blank)",
                    r.sheet,
                )
            )
            continue
        plan.not_imported[decision or "(trống)"] = plan.not_imported.get(decision or "(trống)", 0) + (
            decision not in rs.IMPORTED
        )
        if decision in rs.IMPORTED:
            out.append(r)
    plan.not_imported = {k: v for k, v in plan.not_imported.items() if v}
    return out


def plan_import(path: Path, data_dir: Path, replace: bool = False) -> ImportPlan:
    """Read and validate a reviewed file against the data of ``data_dir``; nothing is written.

    Parameters
    ----------
    path : Path
        The reviewed ``.xlsx`` or ``.csv``.
    data_dir : Path
        The data folder the rows go into (its raw sources must hold the quoted text).
    replace : bool
        An accepted row whose ``obs_id`` is already in the data replaces that row (else it is refused).

    Returns
    -------
    ImportPlan

    Raises
    ------
    ImportRefused
        With every problem, each naming the file, sheet, row and column.
    """
    path, data_dir = Path(path), Path(data_dir)
    name = path.name
    errors: list = []
    obs_rows, ind_rows, labels = read_review_file(path, errors)
    if errors:
        raise ImportRefused(errors)
    plan = ImportPlan(name)
    obs_labels = labels.get(rs.OBSERVATIONS_SHEET, {})
    ind_labels = labels.get(rs.INDICATORS_SHEET, {})
    accepted = _decided(obs_rows, obs_labels, name, plan, errors)
    new_indicators = _decided(ind_rows, ind_labels, name, plan, errors) if ind_rows else []

    obs_columns = rs.data_columns("observations")
    ind_columns = rs.data_columns("indicators")
    _, existing, _ = _existing(data_dir / OBSERVATIONS_FILE)
    existing_row = {rec["obs_id"]: number for number, rec in enumerate(existing, start=2)}
    localities = read_localities(data_dir)
    taken: set[str] = set()
    for r in accepted:
        record = {c: r.cells.get(c, "") for c in obs_columns}
        derived = not record["obs_id"]
        if derived:
            base = derive_obs_id(record["indicator_id"], record["period"], record["locality"], localities)
            record["obs_id"] = base
            suffix = iter("bcdefghijklmnopqrstuvwxyz")
            while record["obs_id"] in taken:  # a second statement in this import: .b, .c …
                record["obs_id"] = f"{base}.{next(suffix)}"
        taken.add(record["obs_id"])
        old_row = existing_row.get(record["obs_id"])
        if old_row is None:
            plan.added.append((r, record))
        elif replace:
            plan.replaced.append((r, old_row, existing[old_row - 2], record))
        else:
            how_vi = "mã tự tạo" if derived else "mã"
            how_en = "the derived id" if derived else "the id"
            errors.append(
                SheetError(
                    name,
                    r.row,
                    obs_labels.get("obs_id", "obs_id"),
                    record["obs_id"],
                    f"{how_vi} đã có trong data/{OBSERVATIONS_FILE} (dòng {old_row}): nếu số liệu này thay số cũ, "
                    "nhập lại với --replace (make import FILE=… REPLACE=1); nếu báo cáo nêu hai lần, ghi mã "
                    f"{record['obs_id']}.b",
                    f"{how_en} is already in data/{OBSERVATIONS_FILE} (row {old_row}): to replace the old figure, "
                    f"import with --replace (make import FILE=… REPLACE=1); if the report states it twice, write "
                    f"{record['obs_id']}.b",
                    r.sheet,
                )
            )
    for r in new_indicators:
        plan.indicators.append((r, {c: r.cells.get(c, "") for c in ind_columns}))
    if errors:
        raise ImportRefused(errors)
    errors = _validate(plan, data_dir, name, obs_labels, ind_labels)
    if errors:
        raise ImportRefused(errors)
    return plan


# --------------------------------------------------------------------------------------------------
# Validation in a copy of the data, and writing
# --------------------------------------------------------------------------------------------------


def _new_texts(plan: ImportPlan, data_dir: Path) -> tuple[str, str, dict[int, SheetRow], dict[int, SheetRow]]:
    """The new ``observations.csv`` and ``indicators.csv`` texts, and which of their rows come from which sheet
    row (spreadsheet row → sheet row)."""
    obs_columns = rs.data_columns("observations")
    ind_columns = rs.data_columns("indicators")
    obs_from: dict[int, SheetRow] = {}
    ind_from: dict[int, SheetRow] = {}

    lines, records, ending = _existing(data_dir / OBSERVATIONS_FILE)
    if len(lines) != len(records) + 1:
        raise ImportRefused(
            [
                DataError(
                    f"data/{OBSERVATIONS_FILE}",
                    None,
                    None,
                    None,
                    "tệp có dòng trống hoặc một ô nhiều dòng: chạy make check-data và sửa trước khi nhập",
                    "the file has a blank line or a multi-line cell: run make check-data and fix it before importing",
                )
            ]
        )
    lines = list(lines)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += ending
    for sheet_row, old_row, _old, record in plan.replaced:
        lines[old_row - 1] = _csv_line(obs_columns, record, ending)
        obs_from[old_row] = sheet_row
    for sheet_row, record in plan.added:
        lines.append(_csv_line(obs_columns, record, ending))
        obs_from[len(lines)] = sheet_row
    obs_text = "".join(lines)

    ind_lines, _, ind_ending = _existing(data_dir / INDICATORS_FILE)
    ind_lines = list(ind_lines)
    if ind_lines and not ind_lines[-1].endswith(("\n", "\r")):
        ind_lines[-1] += ind_ending
    for sheet_row, record in plan.indicators:
        ind_lines.append(_csv_line(ind_columns, record, ind_ending))
        ind_from[len(ind_lines)] = sheet_row
    return obs_text, "".join(ind_lines), obs_from, ind_from


def _validate(
    plan: ImportPlan, data_dir: Path, name: str, obs_labels: dict[str, str], ind_labels: dict[str, str]
) -> list:
    """Validate the data with the plan applied, in a temporary copy; the errors, mapped to the sheet."""
    from chitieu.data.load import load_dataset

    obs_text, ind_text, obs_from, ind_from = _new_texts(plan, data_dir)
    with tempfile.TemporaryDirectory(prefix="chitieu-import-") as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(data_dir, copy, ignore=_COPY_IGNORE)
        (copy / OBSERVATIONS_FILE).write_text(obs_text, encoding="utf-8", newline="")
        (copy / INDICATORS_FILE).write_text(ind_text, encoding="utf-8", newline="")
        try:
            load_dataset(copy)
        except DataValidationError as exc:
            return [_to_sheet(e, name, obs_from, ind_from, obs_labels, ind_labels) for e in exc.errors]
    return []


def _to_sheet(error: DataError, name: str, obs_from, ind_from, obs_labels, ind_labels) -> DataError:
    """An error of the validated copy, said of the reviewed file's cell when it is about an imported row."""
    if error.row is not None:
        if error.file.endswith(OBSERVATIONS_FILE) and error.row in obs_from:
            origin, labels = obs_from[error.row], obs_labels
        elif error.file.endswith(INDICATORS_FILE) and error.row in ind_from:
            origin, labels = ind_from[error.row], ind_labels
        else:
            return error
        column = labels.get(error.column, error.column) if error.column else None
        return SheetError(name, origin.row, column, error.value, error.expected_vi, error.expected_en, origin.sheet)
    return error


def apply_import(plan: ImportPlan, data_dir: Path) -> None:
    """Write the planned rows: ``indicators.csv`` then ``observations.csv``, each atomically.

    Existing lines are kept byte for byte and in order; a replaced row is rewritten in its place; new rows are
    appended. Call it with a plan from :func:`plan_import` on the same, unchanged data.
    """
    data_dir = Path(data_dir)
    obs_text, ind_text, _, _ = _new_texts(plan, data_dir)
    if plan.indicators:
        write_text_atomic(data_dir / INDICATORS_FILE, ind_text)
    if plan.added or plan.replaced:
        write_text_atomic(data_dir / OBSERVATIONS_FILE, obs_text)


def format_plan(plan: ImportPlan, written: bool = True) -> str:
    """What an import added and replaced (``written=False``: what it would), as the ``import`` command prints it."""
    verb = "Đã nhập từ {} / imported" if written else "Sẽ nhập từ {} / would import"
    out = [
        f"{verb.format(plan.file)}: {len(plan.added)} số liệu mới (new rows), {len(plan.replaced)} thay thế "
        f"(replaced), {len(plan.indicators)} chỉ tiêu mới (new indicators)."
    ]
    for _, record in plan.indicators:
        out.append(f"  + chỉ tiêu / indicator {record['indicator_id']}: {record['name_vi']}")
    for sheet_row, record in plan.added:
        place = f" [{record['locality']}]" if record["locality"] else ""
        out.append(
            f"  + {record['obs_id']}: {record['value']} ({record['qualifier']}, {record['status']}){place} "
            f"← dòng/row {sheet_row.row}"
        )
    for sheet_row, old_row, old, record in plan.replaced:
        out.append(
            f"  ~ {record['obs_id']} (data/{OBSERVATIONS_FILE} dòng/row {old_row}): {old['value']} → "
            f"{record['value']}, “{old['source_quote'][:50]}” → “{record['source_quote'][:50]}” "
            f"← dòng/row {sheet_row.row}"
        )
    if plan.not_imported:
        shown = ", ".join(f"{k}: {v}" for k, v in sorted(plan.not_imported.items()))
        out.append(f"Không nhập (not imported): {shown}")
    return "\n".join(out)
