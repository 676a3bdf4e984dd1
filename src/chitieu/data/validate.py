"""Validation of the data files: every rule of the data contract, all errors reported at once.

Each rule appends a :class:`~chitieu.data.errors.DataError` naming file, spreadsheet row, column, bad value
and what was expected (Vietnamese and English). :func:`validate_dataset` raises one
:class:`~chitieu.data.errors.DataValidationError` with all of them, before anything is built.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from chitieu.data import schema
from chitieu.data.csvread import read_csv_rows
from chitieu.data.errors import DataError, DataValidationError
from chitieu.data.periods import parse_period
from chitieu.data.raw import RawSource, load_raw_sources
from chitieu.data.schema import REPORT_ASSESSMENT_COLUMNS, REPORT_STATUSES
from chitieu.data.vnnum import decimals_in, find_numbers, parse_machine_number

INDICATOR_ID_RE = re.compile(r"[a-z][a-z0-9_]*")
_OBS_SUFFIX_RE = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)*")
OBS_ID_RE = re.compile(r"[a-z0-9][a-z0-9_.\-]*")
SOURCE_REF_RE = re.compile(r"P[12]:[A-Za-z0-9.()\-]+(?::(?:fn\d+|\(\d+\)))*")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")
_LINE_BREAK_RE = re.compile(r"[\r\n]")
# Either of the two above: one search per row finds the (rare) rows that need the cell-by-cell check.
_SUSPECT_RE = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
_ASCII_INT_RE = re.compile(r"[0-9]+")

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
        """Every cell of the row is free of control characters and line breaks; ``columns`` are not empty."""
        ok = True
        suspect = _SUSPECT_RE.search("".join(rec.values())) is not None
        for col, text in rec.items() if suspect else ():
            if _CONTROL_RE.search(text):
                self.add(
                    row,
                    col,
                    text[:40],
                    "có ký tự điều khiển (ký tự ẩn): gõ lại ô này",
                    "contains a control (invisible) character: retype the cell",
                )
                ok = False
            elif col != "source_quote" and _LINE_BREAK_RE.search(text):
                self.add(
                    row,
                    col,
                    text[:40],
                    "ô có ký tự xuống dòng (Alt+Enter): viết trên một dòng",
                    "cell contains a line break (Alt+Enter): write it on one line",
                )
                ok = False
        for col in columns:
            if not rec[col]:
                self.add(row, col, "", "ô bắt buộc đang để trống", "required field is empty")
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
            if not value.isascii():  # full-width or other non-ASCII digits read as numbers by Python
                raise ValueError(value)
            return parse_machine_number(value)
        except ValueError:
            hint_vi = hint_en = ""
            if re.fullmatch(r"-?\d+,\d+", value):
                hint_vi, hint_en = (
                    " (dùng dấu chấm thập phân: 13.7, không phải 13,7)",
                    " (use a decimal point: 13.7, not 13,7)",
                )
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


_QUOTE_FOUND: dict[tuple[str, ...], bool] = {}
_QUALIFIERS = tuple(schema.QUALIFIERS)
_STATUSES = tuple(schema.STATUSES)


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
    """The quote lies on one line and occurs verbatim in a raw source.

    ``sources`` is None when the raw sources could not be loaded (their own error is reported): the
    verbatim check is skipped rather than reported once per row.
    """
    if "\n" in quote or "\r" in quote:
        c.add(row, col, quote[:60], "trích dẫn phải nằm trên một dòng", "quote must lie on one line")
        return False
    if sources is None:
        return True
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


def _vn_decimals(text: str) -> int:
    """Digits after the decimal comma of a number written the Vietnamese way: ``"13,7"`` → 1, ``"7.943"`` → 0."""
    return len(text.split(",", 1)[1]) if "," in text else 0


def _check_number_in_quote(c: _Collector, row: int, col: str, value: Decimal, raw_value: str, quote: str) -> None:
    matches = _numbers_in(quote)
    written = [m.value for m in matches]
    same = [m for m in matches if m.value == value]
    if same:
        # The stored text keeps the stated precision (the book prints its decimals): 13,7 → 13.7, not 13.70.
        if not any(_vn_decimals(m.text) == decimals_in(raw_value) for m in same):
            m = same[0]
            expected = str(m.value) if "," in m.text else m.text.replace(".", "")
            c.add(
                row,
                col,
                raw_value,
                f"viết đúng số chữ số thập phân như trong trích dẫn ({m.text} → {expected})",
                f"write the value with the decimals of the quote ({m.text} → {expected})",
            )
        return
    hint_vi = hint_en = ""
    thousands = [w for w in written if value * 1000 == w or value * 1000000 == w]
    if thousands and "." in raw_value:
        hint_vi = f" (dấu chấm phân cách hàng nghìn? viết {thousands[0]}, không phải {raw_value})"
        hint_en = f" (a thousands dot? write {thousands[0]}, not {raw_value})"
    c.add(
        row,
        col,
        raw_value,
        "giá trị khác với mọi số ghi trong trích dẫn "
        f"({', '.join(m.text for m in find_numbers(quote)) or 'không có số'})" + hint_vi,
        f"value differs from every number written in the quote "
        f"({', '.join(m.text for m in find_numbers(quote)) or 'no number'})" + hint_en,
    )


def _check_range(c: _Collector, row: int, col: str, value: Decimal, raw_value: str, indicator: dict | None) -> bool:
    """A ``percent`` lies in −100..100; units that count or measure things are never negative."""
    if indicator is None:
        return True
    unit = indicator["unit"]
    if unit == "percent" and not -schema.MAX_PERCENT <= value <= schema.MAX_PERCENT:
        c.add(
            row,
            col,
            raw_value,
            "tỷ lệ phần trăm (đơn vị percent) phải trong khoảng −100..100 (vượt kế hoạch: dùng percent_of_plan)",
            "a percent (unit percent) must lie within -100..100 (share of a plan: use percent_of_plan)",
        )
        return False
    if unit in schema.NON_NEGATIVE_UNITS and value < 0:
        c.add(row, col, raw_value, f"đơn vị {unit} không thể âm", f"unit {unit} cannot be negative")
        return False
    return True


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
            c.add(
                row,
                "indicator_id",
                iid,
                f"mã bị trùng với dòng {first_row[iid]}",
                f"duplicate id (row {first_row[iid]})",
            )
            ok = False
        first_row.setdefault(iid, row)
        ok &= not rec["chapter"] or c.enum(row, "chapter", rec["chapter"], tuple(schema.CHAPTERS))
        ok &= not rec["unit"] or c.enum(row, "unit", rec["unit"], tuple(schema.UNITS))
        ok &= c.enum(row, "higher_is_better", rec["higher_is_better"], ("true", "false", ""))
        resolution_no = None
        if rec["resolution_no"]:
            if not re.fullmatch(r"[0-9]{1,2}", rec["resolution_no"]) or not 1 <= int(rec["resolution_no"]) <= 14:
                c.add(
                    row,
                    "resolution_no",
                    rec["resolution_no"],
                    "cần số nguyên 1–14 hoặc để trống",
                    "expected 1-14 or blank",
                )
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
    first_row: dict[tuple[str, str, str], int] = {}
    for row, rec in rows:
        ok = c.required(row, rec, ("indicator_id", "target_year", "kind", "source_ref", "source_quote"))
        if indicators is not None and rec["indicator_id"] and rec["indicator_id"] not in indicators:
            c.add(
                row,
                "indicator_id",
                rec["indicator_id"],
                "mã chỉ tiêu không có trong indicators.csv",
                "unknown indicator id",
            )
            ok = False
        indicator = indicators.get(rec["indicator_id"]) if indicators is not None else None
        key = (rec["indicator_id"], rec["target_year"], rec["source_quote"])
        if all(key) and key in first_row:
            c.add(
                row,
                "indicator_id",
                rec["indicator_id"],
                f"mục tiêu trùng với dòng {first_row[key]} (cùng chỉ tiêu, năm và trích dẫn): xóa một dòng",
                f"duplicate of row {first_row[key]} (same indicator, year and quote): delete one of them",
            )
            ok = False
        first_row.setdefault(key, row)
        year = None
        if rec["target_year"]:
            if (
                not re.fullmatch(r"[0-9]{4}", rec["target_year"])
                or not schema.MIN_YEAR <= int(rec["target_year"]) <= schema.MAX_YEAR
            ):
                c.add(
                    row,
                    "target_year",
                    rec["target_year"],
                    f"cần năm {schema.MIN_YEAR}–{schema.MAX_YEAR}",
                    f"expected a year {schema.MIN_YEAR}-{schema.MAX_YEAR}",
                )
                ok = False
            else:
                year = int(rec["target_year"])
        ok &= not rec["kind"] or c.enum(row, "kind", rec["kind"], schema.TARGET_KINDS)
        low = c.number(row, "low", rec["low"]) if rec["low"] else None
        high = c.number(row, "high", rec["high"]) if rec["high"] else None
        ok &= (low is not None) == bool(rec["low"]) and (high is not None) == bool(rec["high"])
        for col, val in (("low", low), ("high", high)):
            if val is not None:
                ok &= _check_range(c, row, col, val, rec[col], indicator)
        needs = {
            "at_least": (True, False),
            "at_most": (False, True),
            "between": (True, True),
            "equals": (True, True),
        }.get(rec["kind"])
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
        if rec["source_ref"] and not SOURCE_REF_RE.fullmatch(rec["source_ref"]):
            c.add(row, "source_ref", rec["source_ref"], "cần dạng P1:B.II:fn2", "expected e.g. P1:B.II:fn2")
            ok = False
        if rec["source_quote"]:
            if _check_quote(c, row, "source_quote", rec["source_quote"], sources):
                for col, val in (("low", low), ("high", high)):
                    if val is not None:
                        before = len(errors)
                        _check_number_in_quote(c, row, col, val, rec[col], rec["source_quote"])
                        ok &= len(errors) == before
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
        oid_well_formed = bool(oid) and OBS_ID_RE.fullmatch(oid) is not None
        if oid and not oid_well_formed:
            c.add(
                row,
                "obs_id",
                oid,
                "cần chữ thường ASCII, số, '_', '.', '-'",
                "expected lowercase ASCII, digits, '_', '.', '-'",
            )
            ok = False
        if oid and oid in first_row:
            c.add(row, "obs_id", oid, f"mã bị trùng với dòng {first_row[oid]}", f"duplicate id (row {first_row[oid]})")
            ok = False
        first_row.setdefault(oid, row)
        indicator = indicators.get(rec["indicator_id"]) if indicators is not None else None
        if indicators is not None and rec["indicator_id"] and rec["indicator_id"] not in indicators:
            c.add(
                row,
                "indicator_id",
                rec["indicator_id"],
                "mã chỉ tiêu không có trong indicators.csv",
                "unknown indicator id",
            )
            ok = False
        period = None
        if rec["period"]:
            try:
                period = parse_period(rec["period"])
            except ValueError as exc:
                c.add(row, "period", rec["period"], f"kỳ không hợp lệ: {exc}", f"invalid period: {exc}")
                ok = False
        if period is not None and oid_well_formed and rec["indicator_id"]:
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
        value = c.number(row, "value", rec["value"]) if rec["value"] else None
        ok &= value is not None
        ok &= (
            not rec["qualifier"]
            or rec["qualifier"] in _QUALIFIERS
            or c.enum(row, "qualifier", rec["qualifier"], _QUALIFIERS)
        )
        ok &= not rec["status"] or rec["status"] in _STATUSES or c.enum(row, "status", rec["status"], _STATUSES)
        if rec["locality"] and rec["locality"] not in schema.LOCALITIES:
            c.enum(row, "locality", rec["locality"], tuple(schema.LOCALITIES))
            ok = False
        if rec["source_ref"] and not SOURCE_REF_RE.fullmatch(rec["source_ref"]):
            c.add(row, "source_ref", rec["source_ref"], "cần dạng P1:B.II:fn2", "expected e.g. P1:B.II:fn2")
            ok = False
        if value is not None:
            ok &= _check_range(c, row, "value", value, rec["value"], indicator)
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
    return out


def validate_report_assessment(rows, indicators: dict[str, dict], sources, errors: list[DataError]) -> list[dict]:
    """Check ``report_assessment.csv``: the report's own met / nearly met / not met per key indicator."""
    c = _Collector(REPORT_ASSESSMENT_FILE, errors)
    numbers = (
        None
        if indicators is None
        else {rec["resolution_no"] for rec in indicators.values() if rec and rec.get("resolution_no")}
    )
    out = []
    first_row: dict[tuple[str, str], int] = {}
    for row, rec in rows:
        ok = c.required(row, rec, REPORT_ASSESSMENT_COLUMNS)
        number = rec["resolution_no"]
        if number and not re.fullmatch(r"[0-9]{1,2}", number):
            c.add(
                row,
                "resolution_no",
                number,
                "cần số nguyên 1–14 (số thứ tự chỉ tiêu chủ yếu)",
                "expected a whole number 1-14 (key indicator number)",
            )
            ok = False
        elif number and numbers is not None and int(number) not in numbers:
            c.add(
                row,
                "resolution_no",
                number,
                "không phải số của một chỉ tiêu chủ yếu trong indicators.csv",
                "not the number of a key indicator in indicators.csv",
            )
            ok = False
        key = (number, rec["source_quote"])
        if all(key) and key in first_row:
            c.add(
                row,
                "resolution_no",
                number,
                f"trùng với dòng {first_row[key]} (cùng số chỉ tiêu và trích dẫn): xóa một dòng",
                f"duplicate of row {first_row[key]} (same indicator number and quote): delete one of them",
            )
            ok = False
        first_row.setdefault(key, row)
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
    # A broken raw source is reported once; its quotes are then not also reported row by row.
    checked_sources = sources if not errors else None
    before = len(errors)
    ind_rows = read_csv_rows(data_dir / "indicators.csv", schema.INDICATOR_COLUMNS, errors)
    indicators_unreadable = not ind_rows and len(errors) > before
    tgt_rows = read_csv_rows(data_dir / "targets.csv", schema.TARGET_COLUMNS, errors)
    obs_rows = read_csv_rows(data_dir / "observations.csv", schema.OBSERVATION_COLUMNS, errors)
    ra_rows = read_csv_rows(data_dir / "report_assessment.csv", REPORT_ASSESSMENT_COLUMNS, errors)
    indicators = validate_indicators(ind_rows, errors)
    # Rows of an indicator that failed its own checks are not also reported as "unknown indicator"; when
    # indicators.csv cannot be read at all, references to it are not checked (its own error is reported).
    known = None if indicators_unreadable else {**{rec["indicator_id"]: None for _, rec in ind_rows}, **indicators}
    targets = validate_targets(tgt_rows, known, checked_sources, errors)
    observations = validate_observations(obs_rows, known, checked_sources, errors)
    assessment = validate_report_assessment(
        ra_rows, None if indicators_unreadable else indicators, checked_sources, errors
    )
    if errors:
        raise DataValidationError(errors)
    return sources, indicators, targets, observations, assessment
