"""Validation of the data files: every rule of the data contract, all errors reported at once.

Each rule appends a :class:`~chitieu.errors.DataError` naming file, spreadsheet row, column, bad value
and what was expected (Vietnamese and English). :func:`validate_dataset` raises one
:class:`~chitieu.errors.DataValidationError` with all of them, before anything is built.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from chitieu import schema
from chitieu.csvread import read_csv_rows
from chitieu.errors import DataError, DataValidationError
from chitieu.periods import parse_period
from chitieu.raw import RawSource, load_raw_sources
from chitieu.schema import REPORT_ASSESSMENT_COLUMNS, REPORT_STATUSES
from chitieu.vnnum import find_numbers, parse_machine_number

INDICATOR_ID_RE = re.compile(r"[a-z][a-z0-9_]*")
OBS_ID_RE = re.compile(r"[a-z0-9][a-z0-9_.\-]*")
SOURCE_REF_RE = re.compile(r"P[12]:[A-Za-z0-9.()\-]+(?::(?:fn\d+|\(\d+\)))*")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

INDICATORS_FILE = "data/indicators.csv"
TARGETS_FILE = "data/targets.csv"
OBSERVATIONS_FILE = "data/observations.csv"
REPORT_ASSESSMENT_FILE = "data/report_assessment.csv"


class _Collector:
    """Appends errors for one file, so rules read as one line each."""

    def __init__(self, file: str, errors: list[DataError]):
        self.file = file
        self.errors = errors

    def add(self, row: int | None, column: str | None, value: str | None, vi: str, en: str) -> None:
        self.errors.append(DataError(self.file, row, column, value, vi, en))

    def required(self, row: int, rec: dict[str, str], columns: tuple[str, ...]) -> bool:
        ok = True
        for col in columns:
            if not rec[col]:
                self.add(row, col, "", "ô bắt buộc đang để trống", "required field is empty")
                ok = False
            elif _CONTROL_RE.search(rec[col]):
                self.add(row, col, rec[col][:40], "có ký tự điều khiển", "contains a control character")
                ok = False
        return ok

    def enum(self, row: int, col: str, value: str, allowed) -> bool:
        if value not in allowed:
            self.add(
                row,
                col,
                value,
                f"giá trị không hợp lệ; cho phép: {', '.join(allowed)}",
                f"invalid value; allowed: {', '.join(allowed)}",
            )
            return False
        return True

    def number(self, row: int, col: str, value: str) -> Decimal | None:
        try:
            return parse_machine_number(value)
        except ValueError:
            hint_vi = hint_en = ""
            if re.fullmatch(r"-?\d+,\d+", value):
                hint_vi, hint_en = " (dùng dấu chấm thập phân: 13.7, không phải 13,7)", " (use a decimal point: 13.7, not 13,7)"
            elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", value):
                hint_vi = " (không dùng dấu phân cách hàng nghìn: 7943, không phải 7.943)"
                hint_en = " (no thousands separator: 7943, not 7.943)"
            self.add(
                row,
                col,
                value,
                "cần một số dạng máy: dấu chấm thập phân, không phân cách hàng nghìn" + hint_vi,
                "expected a number with a decimal point and no grouping" + hint_en,
            )
            return None


def _quote_in_sources(quote: str, sources: list[RawSource]) -> bool:
    return any(quote in src.text for src in sources)


def _check_quote(c: _Collector, row: int, col: str, quote: str, sources: list[RawSource]) -> bool:
    if "\n" in quote:
        c.add(row, col, quote[:60], "trích dẫn phải nằm trên một dòng", "quote must lie on one line")
        return False
    if not _quote_in_sources(quote, sources):
        c.add(
            row,
            col,
            quote[:80],
            "trích dẫn không có nguyên văn trong văn bản gốc (data/raw)",
            "quote does not occur verbatim in the raw source text (data/raw)",
        )
        return False
    return True


def _check_number_in_quote(c: _Collector, row: int, col: str, value: Decimal, raw_value: str, quote: str) -> None:
    written = [m.value for m in find_numbers(quote)]
    if any(value == w for w in written):
        return
    hint_vi = hint_en = ""
    if any(value * 1000 == w for w in written):
        hint_vi = " (dấu chấm phân cách hàng nghìn bị đọc thành dấu thập phân?)"
        hint_en = " (a thousands dot read as a decimal point?)"
    c.add(
        row,
        col,
        raw_value,
        f"giá trị khác với mọi số ghi trong trích dẫn ({', '.join(m.text for m in find_numbers(quote)) or 'không có số'})"
        + hint_vi,
        f"value differs from every number written in the quote "
        f"({', '.join(m.text for m in find_numbers(quote)) or 'no number'})" + hint_en,
    )


def validate_indicators(rows, errors: list[DataError]) -> dict[str, dict]:
    """Check ``indicators.csv`` rows; return the valid ones by id."""
    c = _Collector(INDICATORS_FILE, errors)
    out: dict[str, dict] = {}
    first_row: dict[str, int] = {}
    resolution_rows: dict[int, int] = {}
    for row, rec in rows:
        ok = c.required(row, rec, ("indicator_id", "chapter", "name_vi", "name_en", "unit", "description_vi"))
        iid = rec["indicator_id"]
        if iid and not INDICATOR_ID_RE.fullmatch(iid):
            c.add(row, "indicator_id", iid, "cần snake_case ASCII (a-z, 0-9, _)", "expected ASCII snake_case")
            ok = False
        if iid in first_row:
            c.add(row, "indicator_id", iid, f"mã bị trùng với dòng {first_row[iid]}", f"duplicate id (row {first_row[iid]})")
            ok = False
        first_row.setdefault(iid, row)
        ok &= not rec["chapter"] or c.enum(row, "chapter", rec["chapter"], tuple(schema.CHAPTERS))
        ok &= not rec["unit"] or c.enum(row, "unit", rec["unit"], tuple(schema.UNITS))
        ok &= c.enum(row, "higher_is_better", rec["higher_is_better"], ("true", "false", ""))
        resolution_no = None
        if rec["resolution_no"]:
            if not re.fullmatch(r"\d{1,2}", rec["resolution_no"]) or not 1 <= int(rec["resolution_no"]) <= 14:
                c.add(row, "resolution_no", rec["resolution_no"], "cần số nguyên 1–14 hoặc để trống", "expected 1-14 or blank")
                ok = False
            else:
                resolution_no = int(rec["resolution_no"])
                if resolution_no in resolution_rows:
                    c.add(
                        row,
                        "resolution_no",
                        rec["resolution_no"],
                        f"số chỉ tiêu đã dùng ở dòng {resolution_rows[resolution_no]}",
                        f"resolution number already used in row {resolution_rows[resolution_no]}",
                    )
                    ok = False
                resolution_rows.setdefault(resolution_no, row)
        if ok:
            out[iid] = {
                **rec,
                "higher_is_better": {"true": True, "false": False, "": None}[rec["higher_is_better"]],
                "resolution_no": resolution_no,
                "_row": row,
            }
    for iid, rec in out.items():
        if "__" in iid and iid.split("__", 1)[0] not in out:
            c.add(
                rec["_row"],
                "indicator_id",
                iid,
                f"chỉ tiêu cha '{iid.split('__', 1)[0]}' của phần tách không tồn tại",
                f"parent indicator '{iid.split('__', 1)[0]}' of this breakdown part does not exist",
            )
    return out


def validate_targets(rows, indicators: dict[str, dict], sources, errors: list[DataError]) -> list[dict]:
    """Check ``targets.csv`` rows against the indicators and the raw text."""
    c = _Collector(TARGETS_FILE, errors)
    out = []
    for row, rec in rows:
        ok = c.required(row, rec, ("indicator_id", "target_year", "kind", "source_ref", "source_quote"))
        if rec["indicator_id"] and rec["indicator_id"] not in indicators:
            c.add(row, "indicator_id", rec["indicator_id"], "mã chỉ tiêu không có trong indicators.csv", "unknown indicator id")
            ok = False
        year = None
        if rec["target_year"]:
            if not re.fullmatch(r"\d{4}", rec["target_year"]) or not schema.MIN_YEAR <= int(rec["target_year"]) <= schema.MAX_YEAR:
                c.add(row, "target_year", rec["target_year"], f"cần năm {schema.MIN_YEAR}–{schema.MAX_YEAR}", f"expected a year {schema.MIN_YEAR}-{schema.MAX_YEAR}")
                ok = False
            else:
                year = int(rec["target_year"])
        ok &= not rec["kind"] or c.enum(row, "kind", rec["kind"], schema.TARGET_KINDS)
        low = c.number(row, "low", rec["low"]) if rec["low"] else None
        high = c.number(row, "high", rec["high"]) if rec["high"] else None
        ok &= (low is not None) == bool(rec["low"]) and (high is not None) == bool(rec["high"])
        needs = {"at_least": (True, False), "at_most": (False, True), "between": (True, True), "equals": (True, True)}.get(rec["kind"])
        if needs and ok:
            for col, need, val in (("low", needs[0], low), ("high", needs[1], high)):
                if need and val is None:
                    c.add(row, col, "", f"loại '{rec['kind']}' cần cột {col}", f"kind '{rec['kind']}' needs {col}")
                    ok = False
                if not need and val is not None:
                    c.add(row, col, rec[col], f"loại '{rec['kind']}' không dùng cột {col}", f"kind '{rec['kind']}' does not use {col}")
                    ok = False
            if ok and low is not None and high is not None:
                if rec["kind"] == "equals" and low != high:
                    c.add(row, "high", rec["high"], "loại 'equals' cần low = high", "kind 'equals' needs low = high")
                    ok = False
                if low > high:
                    c.add(row, "high", rec["high"], "high nhỏ hơn low", "high is below low")
                    ok = False
        if rec["source_ref"] and not SOURCE_REF_RE.fullmatch(rec["source_ref"]):
            c.add(row, "source_ref", rec["source_ref"], "cần dạng P1:B.II:fn2", "expected e.g. P1:B.II:fn2")
            ok = False
        if rec["source_quote"]:
            if _check_quote(c, row, "source_quote", rec["source_quote"], sources):
                for col, val in (("low", low), ("high", high)):
                    if val is not None:
                        _check_number_in_quote(c, row, col, val, rec[col], rec["source_quote"])
            else:
                ok = False
        if ok:
            out.append({**rec, "target_year": year, "low": low, "high": high, "_row": row})
    return out


def validate_observations(rows, indicators: dict[str, dict], sources, errors: list[DataError]) -> list[dict]:
    """Check ``observations.csv`` rows against the indicators and the raw text."""
    c = _Collector(OBSERVATIONS_FILE, errors)
    out = []
    first_row: dict[str, int] = {}
    by_key: dict[tuple, list[tuple[int, str]]] = defaultdict(list)
    for row, rec in rows:
        ok = c.required(
            row, rec, ("obs_id", "indicator_id", "period", "value", "qualifier", "status", "source_ref", "source_quote")
        )
        oid = rec["obs_id"]
        if oid and not OBS_ID_RE.fullmatch(oid):
            c.add(row, "obs_id", oid, "cần chữ thường ASCII, số, '_', '.', '-'", "expected lowercase ASCII, digits, '_', '.', '-'")
            ok = False
        if oid and oid in first_row:
            c.add(row, "obs_id", oid, f"mã bị trùng với dòng {first_row[oid]}", f"duplicate id (row {first_row[oid]})")
            ok = False
        first_row.setdefault(oid, row)
        indicator = indicators.get(rec["indicator_id"])
        if rec["indicator_id"] and rec["indicator_id"] not in indicators:
            c.add(row, "indicator_id", rec["indicator_id"], "mã chỉ tiêu không có trong indicators.csv", "unknown indicator id")
            ok = False
        period = None
        if rec["period"]:
            try:
                period = parse_period(rec["period"])
            except ValueError as exc:
                c.add(row, "period", rec["period"], f"kỳ không hợp lệ: {exc}", f"invalid period: {exc}")
                ok = False
        value = c.number(row, "value", rec["value"]) if rec["value"] else None
        ok &= value is not None
        ok &= not rec["qualifier"] or c.enum(row, "qualifier", rec["qualifier"], tuple(schema.QUALIFIERS))
        ok &= not rec["status"] or c.enum(row, "status", rec["status"], tuple(schema.STATUSES))
        if rec["locality"] and rec["locality"] not in schema.LOCALITIES:
            c.enum(row, "locality", rec["locality"], tuple(schema.LOCALITIES))
            ok = False
        if rec["source_ref"] and not SOURCE_REF_RE.fullmatch(rec["source_ref"]):
            c.add(row, "source_ref", rec["source_ref"], "cần dạng P1:B.II:fn2", "expected e.g. P1:B.II:fn2")
            ok = False
        if value is not None and indicator is not None:
            unit = indicator["unit"]
            if unit == "percent" and not -schema.MAX_PERCENT <= value <= schema.MAX_PERCENT:
                c.add(row, "value", rec["value"], "tỷ lệ phần trăm phải trong khoảng −100..100", "a percent must lie within -100..100")
                ok = False
            if unit in schema.NON_NEGATIVE_UNITS and value < 0:
                c.add(row, "value", rec["value"], f"đơn vị {unit} không thể âm", f"unit {unit} cannot be negative")
                ok = False
        if rec["source_quote"]:
            if _check_quote(c, row, "source_quote", rec["source_quote"], sources):
                if value is not None:
                    before = len(errors)
                    _check_number_in_quote(c, row, "value", value, rec["value"], rec["source_quote"])
                    ok &= len(errors) == before
            else:
                ok = False
        if ok:
            # A range written as one observation gives two rows (at_least, at_most) from one quote.
            key = (rec["indicator_id"], rec["period"], rec["locality"], rec["status"], rec["qualifier"])
            by_key[key].append((row, rec["source_quote"]))
            out.append({**rec, "value": value, "value_text": rec["value"], "_period": period, "_row": row})
    for key, hits in by_key.items():
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
    return out


def validate_report_assessment(rows, indicators: dict[str, dict], sources, errors: list[DataError]) -> list[dict]:
    """Check ``report_assessment.csv``: the report's own met / nearly met / not met per key indicator."""
    c = _Collector(REPORT_ASSESSMENT_FILE, errors)
    numbers = {rec["resolution_no"] for rec in indicators.values() if rec and rec.get("resolution_no")}
    out = []
    for row, rec in rows:
        ok = c.required(row, rec, REPORT_ASSESSMENT_COLUMNS)
        if rec["resolution_no"] and (not rec["resolution_no"].isdigit() or int(rec["resolution_no"]) not in numbers):
            c.add(row, "resolution_no", rec["resolution_no"], "không phải số của một chỉ tiêu chủ yếu trong indicators.csv", "not the number of a key indicator in indicators.csv")
            ok = False
        ok &= not rec["report_status"] or c.enum(row, "report_status", rec["report_status"], REPORT_STATUSES)
        if rec["source_ref"] and not SOURCE_REF_RE.fullmatch(rec["source_ref"]):
            c.add(row, "source_ref", rec["source_ref"], "cần dạng P1:B.II:fn2", "expected e.g. P1:B.II:fn2")
            ok = False
        if rec["source_quote"]:
            ok &= _check_quote(c, row, "source_quote", rec["source_quote"], sources)
        if ok:
            out.append({**rec, "resolution_no": int(rec["resolution_no"]), "_row": row})
    return out


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
    sources = load_raw_sources(data_dir / "raw", errors)
    ind_rows = read_csv_rows(data_dir / "indicators.csv", schema.INDICATOR_COLUMNS, errors)
    tgt_rows = read_csv_rows(data_dir / "targets.csv", schema.TARGET_COLUMNS, errors)
    obs_rows = read_csv_rows(data_dir / "observations.csv", schema.OBSERVATION_COLUMNS, errors)
    ra_rows = read_csv_rows(data_dir / "report_assessment.csv", REPORT_ASSESSMENT_COLUMNS, errors)
    indicators = validate_indicators(ind_rows, errors)
    # Rows of an indicator that failed its own checks are not also reported as "unknown indicator".
    known = {**{rec["indicator_id"]: None for _, rec in ind_rows}, **indicators}
    targets = validate_targets(tgt_rows, known, sources, errors)
    observations = validate_observations(obs_rows, known, sources, errors)
    assessment = validate_report_assessment(ra_rows, indicators, sources, errors)
    if errors:
        raise DataValidationError(errors)
    return sources, indicators, targets, observations, assessment
