"""Validation of the data files: every rule of the data contract, all errors reported at once.

The rules a Table Schema states (columns, required cells, types, enumerations, patterns, keys and foreign
keys) are checked by :mod:`chitieu.data.structure`, generated from ``data/schema``. This module adds the
rules that need the raw text or several columns at once: the quote occurs verbatim in a raw source and
holds the value with its stated decimals; a period is well formed and within the contract's years; a value
lies in its unit's range; an observation id starts with its indicator and period; a target's bounds fit its
kind; a breakdown's parent exists; the same statement is not entered twice.

Each rule appends a :class:`~chitieu.data.errors.DataError` naming file, spreadsheet row, column, bad value
and what was expected (Vietnamese and English). :func:`validate_dataset` raises one
:class:`~chitieu.data.errors.DataValidationError` with all of them, before anything is built.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from chitieu.data import contract
from chitieu.data.errors import DataError, DataValidationError
from chitieu.data.periods import parse_period
from chitieu.data.raw import RawSource, load_raw_sources
from chitieu.data.structure import References, check_table, display_file, read_table, reference_values
from chitieu.data.vnnum import decimals_in, find_numbers

# The source_ref grammar, from the contract; the auditor's loaders (chitieu.data.checks) use it too.
SOURCE_REF_RE = re.compile(contract.table("observations").field("source_ref").pattern)
_OBS_SUFFIX_RE = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)*")

# Which bounds each target kind uses: (low, high).
KIND_BOUNDS: dict[str, tuple[bool, bool]] = {
    "at_least": (True, False),
    "at_most": (False, True),
    "between": (True, True),
    "equals": (True, True),
}


class _Collector:
    """Appends errors for one file, so rules read as one line each."""

    def __init__(self, file: str, errors: list[DataError]):
        self.file = file
        self.errors = errors

    def add(self, row: int | None, column: str | None, value: str | None, vi: str, en: str) -> None:
        self.errors.append(DataError(self.file, row, column, value, vi, en))


def _in_row_order(errors: list[DataError], start: int) -> None:
    """Sort the errors appended since ``start`` by row (stable), so a file's errors read top to bottom."""
    errors[start:] = sorted(errors[start:], key=lambda e: e.row or 0)


_QUOTE_FOUND: dict[tuple[str, ...], bool] = {}


def _quote_in_sources(quote: str, sources: list[RawSource]) -> bool:
    # Many rows share a quote (a value and its denominator, a range): search each quote once.
    key = (quote, *(src.meta.get("sha256", "") for src in sources))
    if key not in _QUOTE_FOUND:
        if len(_QUOTE_FOUND) > 100_000:
            _QUOTE_FOUND.clear()
        _QUOTE_FOUND[key] = any(quote in src.text for src in sources)
    return _QUOTE_FOUND[key]


@functools.lru_cache(maxsize=65536)
def _numbers_in(quote: str) -> tuple:
    return tuple(find_numbers(quote))


def _check_quote(c: _Collector, row: int, col: str, quote: str, sources: list[RawSource] | None) -> bool:
    """The quote occurs verbatim in a raw source (it lies on one line: :mod:`chitieu.data.structure`).

    ``sources`` is None when the raw sources could not be loaded (their own error is reported): the
    verbatim check is skipped rather than reported once per row.
    """
    if sources is None or _quote_in_sources(quote, sources):
        return True
    c.add(
        row,
        col,
        quote[:80],
        "trích dẫn không có nguyên văn trong văn bản gốc (data/raw)",
        "quote does not occur verbatim in the raw source text (data/raw)",
    )
    return False


def _vn_decimals(text: str) -> int:
    """Digits after the decimal comma of a number written the Vietnamese way: ``"13,7"`` → 1, ``"7.943"`` → 0."""
    return len(text.split(",", 1)[1]) if "," in text else 0


def _check_number_in_quote(c: _Collector, row: int, col: str, value: Decimal, raw_value: str, quote: str) -> bool:
    matches = _numbers_in(quote)
    written = [m.value for m in matches]
    same = [m for m in matches if m.value == value]
    if same:
        # The stored text keeps the stated precision (the book prints its decimals): 13,7 → 13.7, not 13.70.
        if any(_vn_decimals(m.text) == decimals_in(raw_value) for m in same):
            return True
        m = same[0]
        expected = str(m.value) if "," in m.text else m.text.replace(".", "")
        c.add(
            row,
            col,
            raw_value,
            f"viết đúng số chữ số thập phân như trong trích dẫn ({m.text} → {expected})",
            f"write the value with the decimals of the quote ({m.text} → {expected})",
        )
        return False
    hint_vi = hint_en = ""
    thousands = [w for w in written if value * 1000 == w or value * 1000000 == w]
    if thousands and "." in raw_value:
        hint_vi = f" (dấu chấm phân cách hàng nghìn? viết {thousands[0]}, không phải {raw_value})"
        hint_en = f" (a thousands dot? write {thousands[0]}, not {raw_value})"
    shown = ", ".join(m.text for m in matches)
    c.add(
        row,
        col,
        raw_value,
        f"giá trị khác với mọi số ghi trong trích dẫn ({shown or 'không có số'})" + hint_vi,
        f"value differs from every number written in the quote ({shown or 'no number'})" + hint_en,
    )
    return False


def _check_range(c: _Collector, row: int, col: str, value: Decimal, raw_value: str, indicator: dict | None) -> bool:
    """The value lies in its unit's range (``indicators.unit``: ``value_ranges``; other units: not negative)."""
    if indicator is None:
        return True
    unit = indicator["unit"]
    bounds = contract.unit_range(unit)
    if (bounds.minimum is None or value >= bounds.minimum) and (bounds.maximum is None or value <= bounds.maximum):
        return True
    if bounds.minimum == 0 and bounds.maximum is None:
        c.add(row, col, raw_value, f"đơn vị {unit} không thể âm", f"unit {unit} cannot be negative")
        return False
    lo = "" if bounds.minimum is None else str(bounds.minimum)
    hi = "" if bounds.maximum is None else str(bounds.maximum)
    c.add(
        row,
        col,
        raw_value,
        f"giá trị đơn vị {unit} phải trong khoảng {lo.replace('-', '−')}..{hi}"
        + (f" ({bounds.hint_vi})" if bounds.hint_vi else ""),
        f"a value in unit {unit} must lie within {lo}..{hi}" + (f" ({bounds.hint_en})" if bounds.hint_en else ""),
    )
    return False


def _references(indicators: dict | None = None, localities: Iterable[str] | None = None) -> References:
    """What the foreign keys may name: ``indicators`` maps id → record (``None`` for a row that failed)."""
    refs: dict = {}
    if indicators is not None:
        records = ({"indicator_id": iid, **(rec or {})} for iid, rec in indicators.items())
        refs["indicators"] = reference_values("indicators", records)
    if localities is not None:
        refs["localities"] = reference_values("localities", ({"locality": name} for name in localities))
    return refs


def validate_indicators(rows, errors: list[DataError]) -> dict[str, dict]:
    """Check ``indicators.csv`` rows; return the valid ones by id."""
    start = len(errors)
    c = _Collector(display_file("indicators"), errors)
    out: dict[str, dict] = {}
    for r in check_table("indicators", rows, errors):
        if r.ok:
            values = {"higher_is_better": r.values["higher_is_better"], "resolution_no": r.values["resolution_no"]}
            out[r.cells["indicator_id"]] = {**r.cells, **values, "_row": r.row}
    for iid, rec in out.items():
        if "__" in iid and iid.split("__", 1)[0] not in out:
            c.add(
                rec["_row"],
                "indicator_id",
                iid,
                f"chỉ tiêu cha '{iid.split('__', 1)[0]}' của phần tách không tồn tại",
                f"parent indicator '{iid.split('__', 1)[0]}' of this breakdown part does not exist",
            )
    _in_row_order(errors, start)
    return out


def validate_localities(rows, errors: list[DataError]) -> dict[str, str]:
    """Check ``localities.csv`` rows; return canonical name → kind (phường/xã), in file order."""
    start = len(errors)
    c = _Collector(display_file("localities"), errors)
    kinds: dict[str, tuple[str, int]] = {}
    spellings: dict[str, set[str]] = defaultdict(set)
    for r in check_table("localities", rows, errors):
        if not r.ok:
            continue
        name, kind = r.cells["locality"], r.cells["kind"]
        spellings[name].add(r.cells["variant"])
        if name in kinds and kinds[name][0] != kind:
            c.add(
                r.row,
                "kind",
                kind,
                f"'{name}' đã ghi là {kinds[name][0]} ở dòng {kinds[name][1]}: mọi dòng của một tên cùng một loại",
                f"'{name}' is a {kinds[name][0]} in row {kinds[name][1]}: every row of one name has the same kind",
            )
        kinds.setdefault(name, (kind, r.row))
    for name, (_, row) in kinds.items():
        if name not in spellings[name]:
            c.add(
                row,
                "variant",
                name,
                f"tên chuẩn '{name}' cần một dòng có variant = '{name}'",
                f"canonical name '{name}' needs a row whose variant is '{name}'",
            )
    _in_row_order(errors, start)
    return {name: kind for name, (kind, _) in kinds.items()}


def validate_targets(rows, indicators: dict[str, dict] | None, sources, errors: list[DataError]) -> list[dict]:
    """Check ``targets.csv`` rows against the indicators and the raw text."""
    start = len(errors)
    c = _Collector(display_file("targets"), errors)
    out = []
    for r in check_table("targets", rows, errors, _references(indicators=indicators)):
        row, rec, ok = r.row, r.cells, r.ok
        indicator = indicators.get(rec["indicator_id"]) if indicators is not None else None
        low, high = r.values["low"], r.values["high"]
        for col, val in (("low", low), ("high", high)):
            if val is not None and col not in r.bad:
                ok &= _check_range(c, row, col, val, rec[col], indicator)
        needs = KIND_BOUNDS.get(rec["kind"]) if "kind" not in r.bad else None
        if needs and ok:
            for col, need, val in (("low", needs[0], low), ("high", needs[1], high)):
                if need and val is None:
                    c.add(row, col, "", f"loại '{rec['kind']}' cần cột {col}", f"kind '{rec['kind']}' needs {col}")
                    ok = False
                if not need and val is not None:
                    c.add(
                        row,
                        col,
                        rec[col],
                        f"loại '{rec['kind']}' không dùng cột {col}",
                        f"kind '{rec['kind']}' does not use {col}",
                    )
                    ok = False
            if ok and low is not None and high is not None:
                if rec["kind"] == "equals" and low != high:
                    c.add(row, "high", rec["high"], "loại 'equals' cần low = high", "kind 'equals' needs low = high")
                    ok = False
                if low > high:
                    c.add(
                        row,
                        "high",
                        rec["high"],
                        f"high nhỏ hơn low ({rec['low']})",
                        f"high is below low ({rec['low']})",
                    )
                    ok = False
                elif rec["kind"] == "between" and low == high:
                    c.add(
                        row,
                        "high",
                        rec["high"],
                        f"loại 'between' cần low < high (ở đây low = {rec['low']}); một giá trị duy nhất: dùng "
                        "'equals'",
                        f"kind 'between' needs low < high (here low = {rec['low']}); for a single value use 'equals'",
                    )
                    ok = False
        if rec["source_quote"] and "source_quote" not in r.bad:
            if _check_quote(c, row, "source_quote", rec["source_quote"], sources):
                for col, val in (("low", low), ("high", high)):
                    if val is not None and col not in r.bad:
                        ok &= _check_number_in_quote(c, row, col, val, rec[col], rec["source_quote"])
            else:
                ok = False
        if ok:
            out.append({**rec, "target_year": r.values["target_year"], "low": low, "high": high, "_row": row})
    _in_row_order(errors, start)
    return out


def validate_observations(
    rows, indicators: dict[str, dict] | None, sources, errors: list[DataError], localities: Iterable[str] | None = None
) -> list[dict]:
    """Check ``observations.csv`` rows against the indicators, the localities and the raw text.

    ``indicators`` or ``localities`` None: that file could not be read (its own error is reported), and
    the references to it are not checked.
    """
    start = len(errors)
    c = _Collector(display_file("observations"), errors)
    out = []
    by_key: dict[tuple, list[tuple[int, str]]] = defaultdict(list)
    for r in check_table("observations", rows, errors, _references(indicators, localities)):
        row, rec, ok = r.row, r.cells, r.ok
        oid = rec["obs_id"]
        indicator = indicators.get(rec["indicator_id"]) if indicators is not None else None
        period = None
        if rec["period"] and "period" not in r.bad:
            try:
                period = parse_period(rec["period"])
            except ValueError as exc:
                c.add(row, "period", rec["period"], f"kỳ không hợp lệ: {exc}", f"invalid period: {exc}")
                ok = False
        if period is not None and oid and "obs_id" not in r.bad and rec["indicator_id"]:
            stem = f"{rec['indicator_id']}.{rec['period'].replace('/', '_')}"
            # String tests, not a regex compiled per row: this runs for every observation.
            rest = oid[len(stem) :]
            if not oid.startswith(stem) or (rest and not (rest[0] == "." and _OBS_SUFFIX_RE.fullmatch(rest[1:]))):
                c.add(
                    row,
                    "obs_id",
                    oid,
                    f"mã số liệu phải bắt đầu bằng '{stem}' (mã chỉ tiêu.kỳ, rồi .địa_bàn, .b …): "
                    "sửa mã hoặc sửa indicator_id/period của dòng",
                    f"the id must start with '{stem}' (indicator_id.period, then .locality, .b …): "
                    "fix the id or this row's indicator_id/period",
                )
                ok = False
        value = r.values["value"] if "value" not in r.bad else None
        if value is not None:
            ok &= _check_range(c, row, "value", value, rec["value"], indicator)
        if rec["source_quote"] and "source_quote" not in r.bad:
            if _check_quote(c, row, "source_quote", rec["source_quote"], sources):
                if value is not None:
                    ok &= _check_number_in_quote(c, row, "value", value, rec["value"], rec["source_quote"])
            else:
                ok = False
        if ok:
            # A range written as one observation gives two rows (at_least, at_most) from one quote.
            key = (rec["indicator_id"], rec["period"], rec["locality"], rec["status"], rec["qualifier"])
            by_key[key].append((row, rec["source_quote"]))
            out.append({**rec, "value": value, "value_text": rec["value"], "_period": period, "_row": row})
    for hits in by_key.values():
        seen: dict[str, int] = {}
        for row, quote in hits:
            if quote in seen:
                c.add(
                    row,
                    "source_quote",
                    quote[:60],
                    f"trùng (chỉ tiêu, kỳ, địa bàn, trạng thái) với dòng {seen[quote]} cùng trích dẫn: "
                    "chỉ giữ hai dòng khi báo cáo tự nêu hai lần (mỗi dòng một trích dẫn)",
                    f"same (indicator, period, locality, status) as row {seen[quote]} with the same quote: "
                    "two rows only when the report states it twice (each with its own quote)",
                )
            seen.setdefault(quote, row)
    _in_row_order(errors, start)
    return out


def validate_report_assessment(
    rows, indicators: dict[str, dict] | None, sources, errors: list[DataError]
) -> list[dict]:
    """Check ``report_assessment.csv``: the report's own met / nearly met / not met per key indicator."""
    start = len(errors)
    c = _Collector(display_file("report_assessment"), errors)
    out = []
    for r in check_table("report_assessment", rows, errors, _references(indicators=indicators)):
        ok = r.ok
        if r.cells["source_quote"] and "source_quote" not in r.bad:
            ok &= _check_quote(c, r.row, "source_quote", r.cells["source_quote"], sources)
        if ok:
            out.append({**r.cells, "resolution_no": r.values["resolution_no"], "_row": r.row})
    _in_row_order(errors, start)
    return out


def _read_localities(data_dir: Path, obs_rows, errors: list[DataError]) -> tuple[list, bool]:
    """The rows of ``localities.csv`` and whether it is unreadable. A dataset that names no locality may go
    without the file; one that does gets one error for the missing file, not one per row."""
    path = Path(data_dir) / contract.load().resources["localities"].path
    if not path.exists() and not any(rec["locality"] for _, rec in obs_rows):
        return [], False
    before = len(errors)
    rows = read_table(data_dir, "localities", errors)
    return rows, not rows and len(errors) > before


def validate_dataset(data_dir: Path):
    """Validate every data file of ``data_dir``; return the rows or raise with all errors.

    Returns
    -------
    tuple
        ``(sources, indicators, targets, observations, report_assessment)`` as validated records.

    Raises
    ------
    DataValidationError
        With every problem found, each naming file, row, column, value and what was expected.
    """
    errors: list[DataError] = []
    sources = load_raw_sources(Path(data_dir) / "raw", errors)
    # A broken raw source is reported once; its quotes are then not also reported row by row.
    checked_sources = sources if not errors else None
    before = len(errors)
    ind_rows = read_table(data_dir, "indicators", errors)
    indicators_unreadable = not ind_rows and len(errors) > before
    tgt_rows = read_table(data_dir, "targets", errors)
    obs_rows = read_table(data_dir, "observations", errors)
    ra_rows = read_table(data_dir, "report_assessment", errors)
    loc_rows, localities_unreadable = _read_localities(data_dir, obs_rows, errors)
    indicators = validate_indicators(ind_rows, errors)
    validate_localities(loc_rows, errors)
    # Rows of an indicator that failed its own checks are not also reported as "unknown indicator"; when
    # indicators.csv cannot be read at all, references to it are not checked (its own error is reported).
    known = None if indicators_unreadable else {**{rec["indicator_id"]: None for _, rec in ind_rows}, **indicators}
    known_places = None if localities_unreadable else [rec["locality"] for _, rec in loc_rows]
    targets = validate_targets(tgt_rows, known, checked_sources, errors)
    observations = validate_observations(obs_rows, known, checked_sources, errors, known_places)
    assessment = validate_report_assessment(
        ra_rows, None if indicators_unreadable else indicators, checked_sources, errors
    )
    if errors:
        raise DataValidationError(errors)
    return sources, indicators, targets, observations, assessment
