"""The auditor's checks: every relation the report's own figures imply, evaluated with stated precision.

``data/checks.csv`` holds one row per relation (a breakdown adds up to its total, ``a/b`` is the stated
percent, a figure stated twice agrees with itself, …) with the observation ids it involves. This module
loads and validates that file (errors name file, spreadsheet row and column), evaluates every check and
writes ``audit.csv``. The format and the list of kinds are documented in ``docs/audit.md``.

Precision and tolerance
-----------------------
Each stated value ``v`` becomes an interval ``[lo, hi]`` from the way the report writes it:

* ``exact`` with ``d`` decimals written: half a unit in the last digit, ``h = 0.5·10^-d`` (``73,68`` →
  ±0,005; ``541`` → ±0,5). A whole number of things counted one by one (unit ``count``, ``persons``,
  ``households``, ``party_members``, ``person_times``, ``workdays``, ``beds``) is exact: ``h = 0``
  (28 schools are 28, not 27,5–28,5).
* ``approx`` (khoảng): ``h = max(half a unit of the last non-zero digit, 1 % of |v|)``, so
  "khoảng 5.400" is 5.400 ± 54 and "khoảng 1.700" is 1.700 ± 50.
* ``more_than`` / ``at_least`` (trên, từ … trở lên): ``[v, +∞)``; ``less_than`` / ``at_most``: ``(−∞, v]``;
  ``nearly`` (gần): ``[v − w, v]`` with ``w`` the approx width above.

A computed quantity is evaluated at every corner of its inputs' intervals, which for the monotonic
formulas used here gives its exact range: for a sum the half-widths add (``Σ h``); for a ratio or percent
this is first-order propagation ``h_a/|b| + |a|·h_b/b²`` up to second-order terms; for a growth rate the
formula is evaluated at the interval ends. Then, with ``s`` the stated and ``c`` the computed value:

* ``pass`` — ``|s − c| ≤ 1e-9·max(1, |s|)`` and every value involved is written ``exact``;
* ``rounding`` — the two intervals overlap: the figures agree only within the precision written
  (a stated 33,3% for 1/3); values written "khoảng", "trên", "gần" can reach at best this status;
* ``fail`` — the intervals do not overlap (a stated 33,03% for 1/3);
* ``unverifiable`` — an input is missing from the report or the relation is qualitative; the reason is given.

``tolerance`` in ``audit.csv`` is the half-width of the stated interval plus that of the computed one
(blank when one side is unbounded). Order relations (``part_of``, ``in_range``, ``trend``, ``maximum``)
``pass`` when they hold for every point of the intervals, are ``rounding`` when they hold only for some,
and ``fail`` when they hold for none. ``classification`` compares the report's own verdict (đạt / gần đạt /
chưa đạt, ``report_assessment.csv``) with :func:`chitieu.analysis.status.assess` on the figures named in the
check (the worst part decides for an indicator with several parts): same verdict → ``pass``; both "not met"
but one says "gần đạt" (whose threshold the report never defines) → ``rounding``; met against not met →
``fail``; no numeric target → ``unverifiable``.
"""

from __future__ import annotations

import csv
import html
import io
import itertools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from chitieu.analysis.status import STATUS_LABELS as TARGET_STATUS_LABELS
from chitieu.analysis.status import assess
from chitieu.atomic import write_text_atomic
from chitieu.book.fmt import format_period, format_source_ref, natural_decimals
from chitieu.data.csvread import read_csv_rows
from chitieu.data.errors import DataError, DataValidationError
from chitieu.data.load import Dataset
from chitieu.data.schema import CHAPTERS, QUALIFIERS
from chitieu.data.validate import SOURCE_REF_RE
from chitieu.data.vnnum import format_vn

CHECKS_FILE = "data/checks.csv"
CORRECTIONS_FILE = "data/corrections.csv"
CHECK_COLUMNS = ("check_id", "kind", "obs_ids", "params", "description_vi", "source_ref", "evidence_quote")
CORRECTION_COLUMNS = (
    "indicator_id",
    "period",
    "locality",
    "chosen_obs_id",
    "rejected_obs_ids",
    "check_ids",
    "reason_vi",
)
AUDIT_COLUMNS = (
    "check_id",
    "kind",
    "status",
    "stated",
    "computed",
    "difference",
    "tolerance",
    "message",
    "source_quotes",
)
CHECK_ID_RE = re.compile(r"[a-z][a-z0-9_]*")

# kind: (minimum, maximum) number of observation ids, allowed params, Vietnamese name.
KINDS: dict[str, tuple[int, int | None, frozenset[str], str]] = {
    "sum": (2, None, frozenset(), "Tổng các phần"),
    "percent": (3, 3, frozenset({"missing_vi"}), "Tỷ lệ phần trăm"),
    "average": (2, 2, frozenset({"n"}), "Bình quân"),
    "growth": (3, 3, frozenset({"years", "missing_vi"}), "Tốc độ tăng"),
    "growth_series_sum": (3, 3, frozenset({"years"}), "Tổng suy ra từ tốc độ tăng"),
    "ratio": (3, 3, frozenset({"missing_vi"}), "Số lần"),
    "difference": (3, 3, frozenset({"missing_vi"}), "Mức giảm"),
    "share_sum": (2, None, frozenset({"total"}), "Tổng các tỷ trọng"),
    "weighted_average": (4, None, frozenset({"approx", "rest_weight"}), "Bình quân gia quyền"),
    "same_quantity": (2, None, frozenset(), "Cùng một số liệu nêu nhiều lần"),
    "part_of": (2, 2, frozenset(), "Phần không vượt tổng"),
    "in_range": (1, None, frozenset({"low", "high"}), "Trong khoảng nêu"),
    "trend": (2, None, frozenset({"direction"}), "Xu hướng"),
    "maximum": (2, None, frozenset(), "Giá trị cao nhất"),
    "count_list": (1, 1, frozenset({"items", "excluded_vi"}), "Số đếm so với danh sách"),
    "classification": (1, None, frozenset({"resolution_no", "report_ref", "target"}), "Tự đánh giá chỉ tiêu"),
    "qualitative": (0, None, frozenset(), "Nhận định không kiểm chứng được"),
}
# Kinds whose role list may be shorter when the report leaves an input out (``missing_vi``).
MISSING_OK = {"percent", "growth", "ratio", "difference"}

STATUS_ORDER = ("fail", "rounding", "pass", "unverifiable")
STATUS_LABELS: dict[str, tuple[str, str]] = {
    "fail": ("✘", "Không khớp"),
    "rounding": ("≈", "Khớp khi làm tròn"),
    "pass": ("✔", "Khớp"),
    "unverifiable": ("?", "Không kiểm chứng được"),
}
STATUS_COLOURS = {"fail": "#D55E00", "rounding": "#E69F00", "pass": "#009E73", "unverifiable": "#999999"}

# Chapter key (indicators.csv ``chapter``) → notebook page of the book.
CHAPTER_PAGES: dict[str, str] = {
    "tong_quan": "01_chi_tieu_chu_yeu",
    "kinh_te": "02_kinh_te",
    "tai_chinh_dau_tu": "03_tai_chinh_dau_tu",
    "do_thi_nong_thon": "04_do_thi_nong_thon",
    "moi_truong": "05_moi_truong",
    "giao_duc": "06_giao_duc",
    "y_te_dan_so": "07_y_te_dan_so",
    "van_hoa_xa_hoi": "08_van_hoa_xa_hoi",
    "khcn_qlnn": "09_khcn_qlnn",
    "quoc_phong_an_ninh": "10_quoc_phong_an_ninh",
    "xay_dung_dang": "11_xay_dung_dang",
}
KEY_PAGE = "01_chi_tieu_chu_yeu"
AUDIT_PAGE = "13_kiem_tra_so_lieu"
PAGE_TITLES = {
    KEY_PAGE: "Các chỉ tiêu chủ yếu",
    **{CHAPTER_PAGES[k]: v for k, v in CHAPTERS.items() if k != "tong_quan"},
}

COUNT_UNITS = frozenset({"count", "persons", "households", "party_members", "person_times", "workdays", "beds"})
REPORT_STATUS_VI = {"met": "đạt", "nearly_met": "gần đạt", "not_met": "chưa đạt"}
_EPS = 1e-9


# --------------------------------------------------------------------------------------------- data
@dataclass(frozen=True)
class Check:
    """One row of ``checks.csv``: ``obs`` holds ``(sign, obs_id)`` pairs in role order."""

    check_id: str
    kind: str
    obs: tuple[tuple[int, str], ...]
    params: dict
    description_vi: str
    source_ref: str
    evidence_quote: str
    row: int

    @property
    def obs_ids(self) -> list[str]:
        return [oid for _, oid in self.obs]

    def param_obs_ids(self) -> list[str]:
        """Observation ids named in params (``low``/``high`` of ``in_range``)."""
        return [v for k, v in self.params.items() if k in ("low", "high") and not _is_number(v)]


@dataclass
class Value:
    """A stated value as an interval, with how it was written."""

    v: float
    lo: float
    hi: float
    exact: bool
    text: str
    obs_id: str | None = None

    @property
    def half(self) -> float:
        return max(self.v - self.lo, self.hi - self.v)


@dataclass
class Result:
    """The evaluation of one check, with every text the audit chapter and ``audit.csv`` need."""

    check: Check
    status: str
    stated: str = ""
    computed: str = ""
    difference: str = ""
    tolerance: str = ""
    message: str = ""
    steps: list[str] = field(default_factory=list)
    obs_ids: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    stated_vi: str = ""
    computed_vi: str = ""
    tolerance_vi: str = ""

    @property
    def check_id(self) -> str:
        return self.check.check_id

    def row(self) -> dict[str, str]:
        return {
            "check_id": self.check_id,
            "kind": self.check.kind,
            "status": self.status,
            "stated": self.stated,
            "computed": self.computed,
            "difference": self.difference,
            "tolerance": self.tolerance,
            "message": self.message,
            "source_quotes": " | ".join(self.quotes),
        }


def _is_number(text: str) -> bool:
    return re.fullmatch(r"-?\d+(?:\.\d+)?", text.strip()) is not None


def _parse_params(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        if "=" not in part:
            raise ValueError(f"'{part}' is not key=value")
        key, value = part.split("=", 1)
        key = key.strip()
        if key in out:
            raise ValueError(f"'{key}' given twice")
        out[key] = value.strip()
    return out


# --------------------------------------------------------------------------------------- loading
def load_checks(ds: Dataset, path: Path | None = None) -> list[Check]:
    """Read and validate ``checks.csv`` against the dataset; raise with every problem at once.

    Raises
    ------
    DataValidationError
        Naming file, spreadsheet row and column for: unknown kind, unknown or duplicate check id,
        observation ids that do not exist, a wrong number of ids for the kind, malformed or unknown
        params, a bad ``source_ref``, an ``evidence_quote`` that is not verbatim in the raw text.
    """
    path = Path(path) if path is not None else ds.data_dir / "checks.csv"
    errors: list[DataError] = []
    rows = read_csv_rows(path, CHECK_COLUMNS, errors)
    name = CHECKS_FILE
    known = set(ds.observations.index)
    seen: dict[str, int] = {}
    checks: list[Check] = []

    def err(row: int, col: str, value: str | None, vi: str, en: str) -> None:
        errors.append(DataError(name, row, col, value, vi, en))

    raw_texts = [src.text for src in ds.sources]
    for row, rec in rows:
        ok = True
        for col in ("check_id", "kind", "description_vi", "source_ref"):
            if not rec[col]:
                err(row, col, "", "ô bắt buộc đang để trống", "required field is empty")
                ok = False
        cid = rec["check_id"]
        if cid and not CHECK_ID_RE.fullmatch(cid):
            err(
                row,
                "check_id",
                cid,
                "cần chữ thường ASCII, số và '_' (dùng làm neo liên kết)",
                "expected a-z, 0-9, '_' (used as a link anchor)",
            )
            ok = False
        if cid in seen:
            err(
                row,
                "check_id",
                cid,
                f"mã kiểm tra bị trùng với dòng {seen[cid]}",
                f"duplicate check id (row {seen[cid]})",
            )
            ok = False
        seen.setdefault(cid, row)
        kind = rec["kind"]
        if kind and kind not in KINDS:
            err(
                row,
                "kind",
                kind,
                f"loại kiểm tra không hợp lệ; cho phép: {', '.join(KINDS)}",
                f"unknown kind; allowed: {', '.join(KINDS)}",
            )
            ok = False
        try:
            params = _parse_params(rec["params"])
        except ValueError as exc:
            err(
                row,
                "params",
                rec["params"],
                f"tham số phải có dạng khoá=giá trị; khoá=giá trị ({exc})",
                f"params must be key=value; key=value ({exc})",
            )
            params, ok = None, False
        obs: list[tuple[int, str]] = []
        for token in rec["obs_ids"].split():
            sign = -1 if token.startswith("-") else 1
            oid = token.lstrip("-")
            if sign < 0 and kind != "sum":
                err(
                    row,
                    "obs_ids",
                    token,
                    "dấu trừ chỉ dùng cho loại 'sum'",
                    "a minus sign is only allowed for kind 'sum'",
                )
                ok = False
            if oid not in known:
                err(
                    row,
                    "obs_ids",
                    oid,
                    "mã số liệu không có trong data/observations.csv",
                    "observation id not in data/observations.csv",
                )
                ok = False
            obs.append((sign, oid))
        if kind in KINDS:
            low, high, allowed, _ = KINDS[kind]
            if kind in MISSING_OK and "missing_vi" in params:
                low = 1
            if len(obs) < low or (high is not None and len(obs) > high):
                want = f"{low}" if high == low else f"{low}–{high if high is not None else 'n'}"
                err(
                    row,
                    "obs_ids",
                    rec["obs_ids"][:60],
                    f"loại '{kind}' cần {want} mã số liệu, có {len(obs)}",
                    f"kind '{kind}' needs {want} observation ids, got {len(obs)}",
                )
                ok = False
            for key in params or {}:
                if key not in allowed:
                    err(
                        row,
                        "params",
                        key,
                        f"tham số '{key}' không dùng cho loại '{kind}'; cho phép: "
                        f"{', '.join(sorted(allowed)) or 'không có'}",
                        f"param '{key}' not used by kind '{kind}'",
                    )
                    ok = False
            if params is not None:
                ok &= _validate_kind_params(kind, params, rec, row, err, known, ds)
        if rec["source_ref"] and not SOURCE_REF_RE.fullmatch(rec["source_ref"]):
            err(row, "source_ref", rec["source_ref"], "cần dạng P1:B.II:fn2", "expected e.g. P1:B.II:fn2")
            ok = False
        quote = rec["evidence_quote"]
        if quote and ("\n" in quote or not any(quote in text for text in raw_texts)):
            err(
                row,
                "evidence_quote",
                quote[:80],
                "trích dẫn không có nguyên văn trên một dòng của văn bản gốc",
                "quote does not occur verbatim on one line of the raw text",
            )
            ok = False
        if kind == "qualitative" and not (quote or obs):
            err(
                row,
                "evidence_quote",
                "",
                "nhận định định tính cần ít nhất một mã số liệu hoặc một trích dẫn",
                "a qualitative check needs an observation or a quote",
            )
            ok = False
        if ok:
            checks.append(Check(cid, kind, tuple(obs), params, rec["description_vi"], rec["source_ref"], quote, row))
    if errors:
        raise DataValidationError(errors)
    return checks


def _validate_kind_params(kind, params, rec, row, err, known, ds) -> bool:
    ok = True

    def need_int(key: str, required: bool) -> None:
        nonlocal ok
        if key not in params:
            if required:
                err(row, "params", rec["params"], f"loại '{kind}' cần tham số {key}=…", f"kind '{kind}' needs {key}=…")
                ok = False
            return
        if not re.fullmatch(r"\d+", params[key]) or int(params[key]) <= 0:
            err(row, "params", params[key], f"{key} phải là số nguyên dương", f"{key} must be a positive integer")
            ok = False

    if kind == "average":
        need_int("n", True)
    if kind in ("growth", "growth_series_sum"):
        need_int("years", kind == "growth_series_sum" or "missing_vi" not in params)
    if kind == "classification":
        need_int("resolution_no", True)
        if ok:
            number = int(params["resolution_no"])
            ref = params.get("report_ref", "P1:B.II:fn1")
            rows = ds.report_assessment[
                (ds.report_assessment["resolution_no"] == number) & (ds.report_assessment["source_ref"] == ref)
            ]
            if rows.empty:
                err(
                    row,
                    "params",
                    rec["params"],
                    f"report_assessment.csv không có đánh giá của chỉ tiêu {number} tại {ref}",
                    f"no report assessment for indicator {number} at {ref}",
                )
                ok = False
        if "target" in params and params["target"] not in ds.indicators.index:
            err(row, "params", params["target"], "mã chỉ tiêu không có trong indicators.csv", "unknown indicator id")
            ok = False
    if kind == "in_range":
        if "low" not in params and "high" not in params:
            err(
                row,
                "params",
                rec["params"],
                "loại 'in_range' cần low=… hoặc high=…",
                "kind 'in_range' needs low=… or high=…",
            )
            ok = False
        for key in ("low", "high"):
            if key in params and not _is_number(params[key]) and params[key] not in known:
                err(
                    row,
                    "params",
                    params[key],
                    f"{key} phải là một số hoặc một mã số liệu có trong observations.csv",
                    f"{key} must be a number or an existing observation id",
                )
                ok = False
    if kind == "trend" and params.get("direction") not in ("increasing", "decreasing"):
        err(
            row,
            "params",
            rec["params"],
            "loại 'trend' cần direction=increasing hoặc direction=decreasing",
            "kind 'trend' needs direction=increasing|decreasing",
        )
        ok = False
    if kind == "count_list" and not [i for i in params.get("items", "").split("|") if i.strip()]:
        err(
            row,
            "params",
            rec["params"],
            "loại 'count_list' cần items=a|b|c (các mục báo cáo liệt kê)",
            "kind 'count_list' needs items=a|b|c",
        )
        ok = False
    if kind == "share_sum" and "total" in params and not _is_number(params["total"]):
        err(row, "params", params["total"], "total phải là một số", "total must be a number")
        ok = False
    for key in ("approx", "rest_weight"):
        if key in params and params[key] not in ("true", "false"):
            err(row, "params", params[key], f"{key} phải là true hoặc false", f"{key} must be true or false")
            ok = False
    return ok


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


def load_corrections(ds: Dataset, checks: list[Check], path: Path | None = None) -> list[Correction]:
    """Read and validate ``corrections.csv`` (ids exist, belong to the indicator and period, checks exist)."""
    path = Path(path) if path is not None else ds.data_dir / "corrections.csv"
    errors: list[DataError] = []
    rows = read_csv_rows(path, CORRECTION_COLUMNS, errors)
    check_ids = {c.check_id for c in checks}
    obs = ds.observations
    out = []
    for row, rec in rows:
        ok = True

        def err(col, value, vi, en, row=row):
            errors.append(DataError(CORRECTIONS_FILE, row, col, value, vi, en))

        for col in ("indicator_id", "period", "chosen_obs_id", "rejected_obs_ids", "check_ids", "reason_vi"):
            if not rec[col]:
                err(col, "", "ô bắt buộc đang để trống", "required field is empty")
                ok = False
        ids = [rec["chosen_obs_id"]] + rec["rejected_obs_ids"].split()
        for oid in filter(None, ids):
            if oid not in obs.index:
                err(
                    "chosen_obs_id" if oid == rec["chosen_obs_id"] else "rejected_obs_ids",
                    oid,
                    "mã số liệu không có trong data/observations.csv",
                    "observation id not in data/observations.csv",
                )
                ok = False
            elif obs.loc[oid, "indicator_id"] != rec["indicator_id"] and oid == rec["chosen_obs_id"]:
                err(
                    "chosen_obs_id",
                    oid,
                    f"số liệu này thuộc chỉ tiêu {obs.loc[oid, 'indicator_id']}, không phải {rec['indicator_id']}",
                    "observation belongs to another indicator",
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
                    rec["chosen_obs_id"],
                    tuple(rec["rejected_obs_ids"].split()),
                    tuple(rec["check_ids"].split()),
                    rec["reason_vi"],
                    row,
                )
            )
    if errors:
        raise DataValidationError(errors)
    return out


# ---------------------------------------------------------------------------------- intervals
def half_unit(value_text: str) -> float:
    """Half a unit in the last digit written: ``"73.68"`` → 0.005, ``"541"`` → 0.5."""
    decimals = len(value_text.split(".", 1)[1]) if "." in value_text else 0
    return 0.5 * 10.0 ** (-decimals)


def approx_width(value: float, value_text: str) -> float:
    """Width of a value written "khoảng"/"gần": half a unit of its last non-zero digit, at least 1 % of it."""
    digits = value_text.lstrip("-")
    if "." in digits:
        last = half_unit(value_text)
    else:
        zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
        last = 0.5 * 10.0**zeros
    return max(last, 0.01 * abs(value))


def value_interval(value: float, value_text: str, unit: str, qualifier: str) -> Value:
    """The interval a stated value stands for (rule in the module docstring)."""
    if qualifier == "exact":
        h = 0.0 if unit in COUNT_UNITS and "." not in value_text else half_unit(value_text)
        return Value(value, value - h, value + h, True, value_text)
    w = approx_width(value, value_text)
    if qualifier == "approx":
        return Value(value, value - w, value + w, False, value_text)
    if qualifier in ("more_than", "at_least"):
        return Value(value, value, math.inf, False, value_text)
    if qualifier in ("less_than", "at_most"):
        return Value(value, -math.inf, value, False, value_text)
    if qualifier == "nearly":
        return Value(value, value - w, value, False, value_text)
    raise ValueError(f"unknown qualifier {qualifier!r}")


def exact_value(value: float) -> Value:
    """A number the audit itself states (a bound such as 80, a count of listed items): no spread."""
    return Value(float(value), float(value), float(value), True, repr(value))


def corner_range(func, inputs: list[Value]) -> tuple[float, float]:
    """Range of ``func`` over the box of ``inputs`` (evaluated at every corner; NaN → unbounded)."""
    ends = [sorted({x.lo, x.hi}) for x in inputs]
    results = []
    for corner in itertools.product(*ends):
        try:
            y = func(*corner)
        except (ZeroDivisionError, ValueError, OverflowError):
            y = math.nan
        if y is None or math.isnan(y):
            return -math.inf, math.inf
        results.append(y)
    return min(results), max(results)


def compare(
    stated: Value, computed: float, c_lo: float, c_hi: float, all_exact: bool
) -> tuple[str, float, float | None]:
    """Status of a stated value against a computed one: ``(status, difference, tolerance)``."""
    diff = computed - stated.v
    if all_exact and abs(diff) <= _EPS * max(1.0, abs(stated.v)):
        status = "pass"
    elif stated.lo <= c_hi + _EPS * max(
        1.0, abs(c_hi) if math.isfinite(c_hi) else 1.0
    ) and c_lo <= stated.hi + _EPS * max(1.0, abs(stated.hi) if math.isfinite(stated.hi) else 1.0):
        status = "rounding"
    else:
        status = "fail"
    c_half = max(computed - c_lo, c_hi - computed)
    tol = stated.half + c_half
    return status, diff, (tol if math.isfinite(tol) else None)


# ------------------------------------------------------------------------------------- formats
def _num(x: float, decimals: int | None = None) -> str:
    """A number for the text, the Vietnamese way (natural decimals, at most 2 for computed values)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if decimals is None:
        decimals = natural_decimals(x, 2)
    text = format_vn(x, decimals)
    return text.replace("-", "−", 1) if text.startswith("-") else text


def _machine(x: float | None, decimals: int = 6) -> str:
    if x is None or (isinstance(x, float) and (math.isnan(x) or math.isinf(x))):
        return ""
    out = f"{round(x, decimals):.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if out in ("-0", "") else out


class _Ctx:
    """What an evaluator needs from the dataset: values, units, labels and quotes of observations."""

    def __init__(self, ds: Dataset):
        self.ds = ds
        self.obs = ds.observations
        self.ind = ds.indicators

    def value(self, oid: str) -> Value:
        row = self.obs.loc[oid]
        unit = self.ind.loc[row["indicator_id"], "unit"]
        val = value_interval(float(row["value"]), row["value_text"], unit, row["qualifier"])
        val.obs_id = oid
        val.text = self.stated_text(oid)
        return val

    def stated_text(self, oid: str) -> str:
        row = self.obs.loc[oid]
        words = QUALIFIERS[row["qualifier"]]
        number = _num(float(row["value"]), int(row["decimals"]))
        unit = self.ind.loc[row["indicator_id"], "unit"]
        number = f"{number}%" if unit == "percent" else number
        return f"{words} {number}".strip()

    def label(self, oid: str) -> str:
        row = self.obs.loc[oid]
        place = f", {row['locality']}" if row["locality"] else ""
        status = {"estimate": ", ước tính", "plan": ", kế hoạch"}.get(row["status"], "")
        return f"{self.ind.loc[row['indicator_id'], 'name_vi']} ({format_period(row['period'])}{place}{status})"

    def quote(self, oid: str) -> str:
        return self.obs.loc[oid, "source_quote"]

    def exact(self, oid: str) -> bool:
        return self.obs.loc[oid, "qualifier"] == "exact"


def _verdict(status: str, reason: str = "") -> str:
    return {
        "pass": "khớp đúng",
        "rounding": "khớp trong phạm vi làm tròn của các số được ghi",
        "fail": "không khớp",
        "unverifiable": f"không kiểm chứng được: {reason}",
    }[status]


def _finish(res: Result, check: Check, ctx: _Ctx, extra_obs: list[str] = ()) -> Result:
    ids = list(dict.fromkeys(check.obs_ids + list(extra_obs) + check.param_obs_ids()))
    res.obs_ids = ids
    quotes = [ctx.quote(oid) for oid in ids]
    if check.evidence_quote:
        quotes.append(check.evidence_quote)
    res.quotes = list(dict.fromkeys(quotes + res.quotes))
    return res


def _small(x: float | None) -> str:
    """A difference or tolerance: enough decimals to show its size (0,005; 0,33; 194,92)."""
    if x is None:
        return "—"
    if x == 0 or not math.isfinite(x):
        return _num(x, 0) if math.isfinite(x) else _num(x)
    decimals = max(0, min(4, 2 - math.floor(math.log10(abs(x))))) if abs(x) < 1 else 2
    return _num(x, natural_decimals(round(x, decimals), decimals))


def _decimals_of(ctx: _Ctx, values: list[Value]) -> int:
    return max([int(ctx.obs.loc[v.obs_id, "decimals"]) for v in values if v.obs_id] or [0])


def _equality(
    check: Check,
    ctx: _Ctx,
    stated: Value,
    func,
    inputs: list[Value],
    expr: str,
    what: str,
    force_approx: bool = False,
    steps: list[str] | None = None,
) -> Result:
    """Shared tail of every kind that compares a stated value with a formula of other stated values."""
    computed = func(*[x.v for x in inputs])
    c_lo, c_hi = corner_range(func, inputs)
    all_exact = stated.exact and all(x.exact for x in inputs) and not force_approx
    status, diff, tol = compare(stated, computed, c_lo, c_hi, all_exact)
    d_stated = int(ctx.obs.loc[stated.obs_id, "decimals"]) if stated.obs_id else None
    d_shown = min(3, max(_decimals_of(ctx, [stated, *inputs]), natural_decimals(computed, 2)))
    shown = _num(computed, natural_decimals(round(computed, d_shown), d_shown))
    tol_text = _small(tol) if tol is not None else "không giới hạn (số ghi “trên”, “khoảng” hoặc “gần”)"
    steps = list(steps or [])
    steps += [
        f"Tính lại: {expr} = {shown}.",
        f"Báo cáo ghi: {stated.text}.",
        f"Chênh lệch: {shown} − {_num(stated.v, d_stated)} = {_small(diff)}; sai số cho phép do cách ghi số: "
        f"±{tol_text}.",
    ]
    if status == "fail":
        relation = f"{expr} = {shown} ≠ {stated.text}"
        steps.append(f"Kết luận: {relation} — không khớp.")
    elif status == "rounding":
        relation = f"{expr} = {shown} ≈ {stated.text}"
        steps.append(f"Kết luận: {shown} ≈ {stated.text} — chỉ khớp khi tính đến làm tròn hoặc cách ghi ước lượng.")
    else:
        relation = f"{expr} = {stated.text}"
        steps.append(f"Kết luận: {relation} — khớp đúng.")
    message = f"{what}: {relation} — {_verdict(status)}"
    if status != "pass":
        message += f" (chênh {_small(diff)}, cho phép ±{tol_text})"
    res = Result(
        check,
        status,
        _machine(stated.v),
        _machine(computed),
        _machine(diff),
        _machine(tol) if tol is not None else "",
        message + ".",
        steps,
        stated_vi=stated.text,
        computed_vi=shown,
        tolerance_vi=tol_text,
    )
    return _finish(res, check, ctx)


def _unverifiable(check: Check, ctx: _Ctx, reason: str, stated: str = "", steps: list[str] | None = None) -> Result:
    res = Result(
        check,
        "unverifiable",
        stated=stated,
        message=f"{check.description_vi} — không kiểm chứng được: {reason}.",
        steps=steps or [f"Không kiểm chứng được: {reason}."],
    )
    return _finish(res, check, ctx)


# --------------------------------------------------------------------------------- evaluators
def _eval_sum(check, ctx):
    total = ctx.value(check.obs[0][1])
    parts = [(sign, ctx.value(oid)) for sign, oid in check.obs[1:]]
    signs = [s for s, _ in parts]
    expr = ""
    for i, (sign, val) in enumerate(parts):
        text = _num(val.v, int(ctx.obs.loc[val.obs_id, "decimals"]))
        expr += (text if sign > 0 else f"−{text}") if i == 0 else (f" + {text}" if sign > 0 else f" − {text}")
    steps = [
        "Các phần: " + "; ".join(f"{'trừ ' if s < 0 else ''}{ctx.label(v.obs_id)}: {v.text}" for s, v in parts) + "."
    ]
    return _equality(
        check,
        ctx,
        total,
        lambda *xs: sum(s * x for s, x in zip(signs, xs)),
        [v for _, v in parts],
        expr,
        check.description_vi,
        steps=steps,
    )


def _eval_share_sum(check, ctx):
    total = exact_value(float(check.params.get("total", "100")))
    total.text = f"{_num(total.v)}%"
    parts = [ctx.value(oid) for oid in check.obs_ids]
    expr = " + ".join(f"{_num(v.v, int(ctx.obs.loc[v.obs_id, 'decimals']))}%" for v in parts)
    steps = [
        "Các tỷ trọng: " + "; ".join(f"{ctx.label(v.obs_id)}: {v.text}" for v in parts) + ".",
        f"Các tỷ trọng của một tổng phải cộng lại bằng {total.text}.",
    ]
    return _equality(check, ctx, total, lambda *xs: sum(xs), parts, expr, check.description_vi, steps=steps)


def _eval_percent(check, ctx):
    if "missing_vi" in check.params:
        return _unverifiable(
            check, ctx, f"báo cáo không nêu {check.params['missing_vi']}", _machine(ctx.value(check.obs_ids[0]).v)
        )
    pct, num, den = (ctx.value(oid) for oid in check.obs_ids)
    num_text = _num(num.v, int(ctx.obs.loc[num.obs_id, "decimals"]))
    den_text = _num(den.v, int(ctx.obs.loc[den.obs_id, "decimals"]))
    expr = f"{num_text} / {den_text} × 100"
    steps = [f"Tử số: {ctx.label(num.obs_id)}: {num.text}; mẫu số: {ctx.label(den.obs_id)}: {den.text}."]
    return _equality(
        check, ctx, pct, lambda a, b: a / b * 100.0, [num, den], expr + " (%)", check.description_vi, steps=steps
    )


def _eval_ratio(check, ctx):
    if "missing_vi" in check.params:
        return _unverifiable(
            check, ctx, f"báo cáo không nêu {check.params['missing_vi']}", _machine(ctx.value(check.obs_ids[0]).v)
        )
    stated, num, den = (ctx.value(oid) for oid in check.obs_ids)
    expr = f"{_num(num.v)} / {_num(den.v)}"
    return _equality(check, ctx, stated, lambda a, b: a / b, [num, den], expr, check.description_vi)


def _eval_average(check, ctx):
    stated, total = (ctx.value(oid) for oid in check.obs_ids)
    n = int(check.params["n"])
    expr = f"{_num(total.v, int(ctx.obs.loc[total.obs_id, 'decimals']))} / {n}"
    steps = [f"Tổng của giai đoạn: {ctx.label(total.obs_id)}: {total.text}; số năm: {n}."]
    return _equality(check, ctx, stated, lambda t: t / n, [total], expr, check.description_vi, steps=steps)


def _eval_growth(check, ctx):
    if "missing_vi" in check.params:
        return _unverifiable(
            check, ctx, f"báo cáo không nêu {check.params['missing_vi']}", _machine(ctx.value(check.obs_ids[0]).v)
        )
    rate, start, end = (ctx.value(oid) for oid in check.obs_ids)
    years = int(check.params["years"])

    def cagr(a, b):
        if a <= 0 or b <= 0:
            return math.nan
        return ((b / a) ** (1.0 / years) - 1.0) * 100.0

    expr = (
        f"(({_num(end.v)} / {_num(start.v)})^(1/{years}) − 1) × 100"
        if years > 1
        else f"({_num(end.v)} / {_num(start.v)} − 1) × 100"
    )
    return _equality(check, ctx, rate, cagr, [start, end], expr + " (%)", check.description_vi)


def _eval_growth_series_sum(check, ctx):
    total, last, rate = (ctx.value(oid) for oid in check.obs_ids)
    years = int(check.params["years"])

    def implied(x, g):
        return sum(x / (1.0 + g / 100.0) ** k for k in range(years))

    terms = " + ".join(f"{_num(last.v)}/{_num(1 + rate.v / 100, 3)}^{k}" if k else _num(last.v) for k in range(years))
    steps = [
        f"Giá trị năm cuối: {ctx.label(last.obs_id)}: {last.text}; tốc độ tăng bình quân: {rate.text}/năm.",
        "Nếu mỗi năm tăng đúng tốc độ ấy thì các năm trước là năm cuối chia cho (1 + tốc độ) lũy thừa số năm lùi lại: "
        + "; ".join(f"năm thứ {years - k}: {_num(last.v / (1 + rate.v / 100) ** k)}" for k in range(years))
        + ".",
    ]
    return _equality(check, ctx, total, implied, [last, rate], terms, check.description_vi, steps=steps)


def _eval_difference(check, ctx):
    if "missing_vi" in check.params:
        return _unverifiable(
            check, ctx, f"báo cáo không nêu {check.params['missing_vi']}", _machine(ctx.value(check.obs_ids[0]).v)
        )
    stated, start, end = (ctx.value(oid) for oid in check.obs_ids)
    return _equality(
        check, ctx, stated, lambda a, b: a - b, [start, end], f"{_num(start.v)} − {_num(end.v)}", check.description_vi
    )


def _eval_weighted_average(check, ctx):
    stated = ctx.value(check.obs_ids[0])
    rest = check.params.get("rest_weight") == "true"
    ids = check.obs_ids[1:]
    pairs = [(ctx.value(ids[i]), ctx.value(ids[i + 1])) for i in range(0, len(ids) - (1 if rest else 0), 2)]
    last = ctx.value(ids[-1]) if rest else None
    inputs = [x for pair in pairs for x in pair] + ([last] if rest else [])

    def wavg(*xs):
        total = 0.0
        weights = 0.0
        for i in range(len(pairs)):
            total += xs[2 * i] * xs[2 * i + 1]
            weights += xs[2 * i + 1]
        if rest:
            total += xs[-1] * (100.0 - weights)
            weights = 100.0
        return total / weights

    expr = " + ".join(f"{_num(v.v)} × {_num(w.v)}%" for v, w in pairs)
    if rest:
        expr += f" + {_num(last.v)} × (100 − {' − '.join(_num(w.v) for _, w in pairs)})%"
    expr = f"({expr})" + ("" if rest else f" / {_num(sum(w.v for _, w in pairs))}%")
    steps = [
        "Các thành phần và trọng số: "
        + "; ".join(f"{ctx.label(v.obs_id)}: {v.text} (trọng số {ctx.label(w.obs_id)}: {w.text})" for v, w in pairs)
        + (f"; {ctx.label(last.obs_id)}: {last.text} (trọng số phần còn lại)" if rest else "")
        + "."
    ]
    if check.params.get("approx") == "true":
        steps.append(
            "Trọng số chỉ gần đúng (báo cáo không nêu trọng số của kỳ gốc), nên phép kiểm tra này nhiều nhất là "
            "khớp khi làm tròn."
        )
    return _equality(
        check,
        ctx,
        stated,
        wavg,
        inputs,
        expr,
        check.description_vi,
        force_approx=check.params.get("approx") == "true",
        steps=steps,
    )


def _eval_same_quantity(check, ctx):
    vals = [ctx.value(oid) for oid in check.obs_ids]
    first = vals[0]
    status = "pass"
    for other in vals[1:]:
        same_text = (
            other.v == first.v and ctx.obs.loc[other.obs_id, "qualifier"] == ctx.obs.loc[first.obs_id, "qualifier"]
        )
        if same_text:
            continue
        if first.lo <= other.hi and other.lo <= first.hi:
            status = "fail" if status == "fail" else "rounding"
        else:
            status = "fail"
    diff = max(abs(v.v - first.v) for v in vals[1:])
    listing = "; ".join(f"{ctx.label(v.obs_id)}: {v.text}" for v in vals)
    sign = {"pass": "=", "rounding": "≈", "fail": "≠"}[status]
    texts = f" {sign} ".join(v.text for v in vals)
    steps = [f"Báo cáo nêu cùng một số liệu ở {len(vals)} chỗ: {listing}.", f"So sánh: {texts}."]
    if status == "fail":
        steps.append(f"Kết luận: hai cách ghi chênh nhau {_num(diff)} — không khớp.")
    message = f"{check.description_vi}: {texts} — {_verdict(status)}."
    res = Result(
        check,
        status,
        _machine(first.v),
        _machine(vals[1].v),
        _machine(vals[1].v - first.v),
        "",
        message,
        steps,
        stated_vi=first.text,
        computed_vi=vals[1].text,
    )
    tol = first.half + vals[1].half
    res.tolerance = _machine(tol) if math.isfinite(tol) else ""
    return _finish(res, check, ctx)


def _order_status(always: bool, sometimes: bool) -> str:
    return "pass" if always else ("rounding" if sometimes else "fail")


def _eval_part_of(check, ctx):
    part, whole = (ctx.value(oid) for oid in check.obs_ids)
    always = part.hi <= whole.lo
    sometimes = part.lo <= whole.hi
    status = _order_status(always, sometimes)
    sign = {"pass": "≤", "rounding": "≤", "fail": ">"}[status]
    steps = [
        f"Phần: {ctx.label(part.obs_id)}: {part.text}.",
        f"Tổng chứa nó: {ctx.label(whole.obs_id)}: {whole.text}.",
        f"Một phần không thể lớn hơn tổng: {part.text} {sign} {whole.text}.",
    ]
    message = f"{check.description_vi}: {part.text} {sign} {whole.text} — {_verdict(status)}."
    res = Result(
        check,
        status,
        _machine(part.v),
        _machine(whole.v),
        _machine(whole.v - part.v),
        "",
        message,
        steps,
        stated_vi=part.text,
        computed_vi=whole.text,
    )
    return _finish(res, check, ctx)


def _bound(check, ctx, key) -> Value | None:
    if key not in check.params:
        return None
    text = check.params[key]
    if _is_number(text):
        val = exact_value(float(text))
        val.text = _num(val.v)
        return val
    # A bound stated in the report ("từ 65 - 80"): the number itself, precise to its written digits.
    row = ctx.obs.loc[text]
    h = half_unit(row["value_text"]) if "." in row["value_text"] else 0.0
    return Value(
        float(row["value"]),
        float(row["value"]) - h,
        float(row["value"]) + h,
        True,
        _num(float(row["value"]), int(row["decimals"])),
        text,
    )


def _eval_in_range(check, ctx):
    low, high = _bound(check, ctx, "low"), _bound(check, ctx, "high")
    statuses, lines = [], []
    for oid in check.obs_ids:
        val = ctx.value(oid)
        always = (low is None or val.lo >= low.hi) and (high is None or val.hi <= high.lo)
        sometimes = (low is None or val.hi >= low.lo) and (high is None or val.lo <= high.hi)
        st = _order_status(always, sometimes)
        statuses.append(st)
        where = (
            "nằm trong khoảng"
            if st != "fail"
            else ("thấp hơn mức dưới" if low is not None and val.hi < low.lo else "vượt mức trên")
        )
        lines.append(f"{ctx.label(oid)}: {val.text} — {where}")
    status = min(statuses, key=STATUS_ORDER.index)
    rng = f"{low.text}–{high.text}" if low and high else (f"từ {low.text} trở lên" if low else f"không quá {high.text}")
    steps = [f"Khoảng báo cáo nêu: {rng}.", *[line + "." for line in lines]]
    message = f"{check.description_vi} ({rng}): " + "; ".join(lines) + f" — {_verdict(status)}."
    first = ctx.value(check.obs_ids[0])
    res = Result(check, status, rng, _machine(first.v), "", "", message, steps, stated_vi=rng, computed_vi=first.text)
    return _finish(res, check, ctx)


def _eval_trend(check, ctx):
    vals = [ctx.value(oid) for oid in check.obs_ids]
    up = check.params["direction"] == "increasing"
    statuses = []
    for a, b in zip(vals, vals[1:]):
        always = (b.lo > a.hi) if up else (b.hi < a.lo)
        sometimes = (b.hi > a.lo) if up else (b.lo < a.hi)
        statuses.append(_order_status(always, sometimes))
    status = min(statuses, key=STATUS_ORDER.index)
    claimed = "tăng" if up else "giảm"
    actual = " → ".join(v.text for v in vals)
    moves = ["tăng" if b.v > a.v else ("giảm" if b.v < a.v else "đứng yên") for a, b in zip(vals, vals[1:])]
    steps = [
        f"Báo cáo nhận định: {claimed} dần.",
        "Số liệu báo cáo nêu: " + "; ".join(f"{ctx.label(v.obs_id)}: {v.text}" for v in vals) + ".",
        f"Diễn biến thực tế: {actual} ({', '.join(moves)}).",
    ]
    message = f"{check.description_vi}: báo cáo nói {claimed}, số liệu {actual} — {_verdict(status)}."
    res = Result(
        check,
        status,
        claimed,
        ", ".join(moves),
        _machine(vals[-1].v - vals[0].v),
        "",
        message,
        steps,
        stated_vi=f"{claimed} dần",
        computed_vi=actual,
    )
    return _finish(res, check, ctx)


def _eval_maximum(check, ctx):
    vals = [ctx.value(oid) for oid in check.obs_ids]
    top, others = vals[0], vals[1:]
    always = all(top.lo >= o.hi for o in others)
    sometimes = all(top.hi >= o.lo for o in others)
    status = _order_status(always, sometimes)
    biggest = max(others, key=lambda o: o.v)
    steps = [
        f"Báo cáo nói đây là mức cao nhất: {ctx.label(top.obs_id)}: {top.text}.",
        "So với: " + "; ".join(f"{ctx.label(o.obs_id)}: {o.text}" for o in others) + ".",
    ]
    message = (
        f"{check.description_vi}: {top.text} so với cao nhất trong các năm khác {biggest.text} — {_verdict(status)}."
    )
    res = Result(
        check,
        status,
        _machine(top.v),
        _machine(biggest.v),
        _machine(biggest.v - top.v),
        "",
        message,
        steps,
        stated_vi=top.text,
        computed_vi=biggest.text,
    )
    return _finish(res, check, ctx)


def _eval_count_list(check, ctx):
    val = ctx.value(check.obs_ids[0])
    items = [i.strip() for i in check.params["items"].split("|") if i.strip()]
    n = len(items)
    status = "pass" if abs(val.v - n) <= _EPS else "fail"
    steps = [
        f"Báo cáo ghi: {val.text} ({ctx.label(val.obs_id)}).",
        f"Các mục báo cáo liệt kê ({_num(n)}): " + "; ".join(items) + ".",
    ]
    if check.params.get("excluded_vi"):
        steps.append(f"Không tính: {check.params['excluded_vi']}.")
    sign = "=" if status == "pass" else "≠"
    steps.append(f"Kết luận: {_num(n)} mục {sign} {val.text}.")
    message = f"{check.description_vi}: liệt kê {_num(n)} mục {sign} {val.text} — {_verdict(status)}."
    res = Result(
        check,
        status,
        _machine(val.v),
        str(n),
        _machine(n - val.v),
        "0",
        message,
        steps,
        stated_vi=val.text,
        computed_vi=_num(n),
    )
    return _finish(res, check, ctx)


_SEVERITY = {"met": 0, "nearly_met": 1, "not_met": 2}


def _eval_classification(check, ctx):
    number = int(check.params["resolution_no"])
    ref = check.params.get("report_ref", "P1:B.II:fn1")
    ra = ctx.ds.report_assessment
    verdict_row = ra[(ra["resolution_no"] == number) & (ra["source_ref"] == ref)].iloc[0]
    reported = verdict_row["report_status"]
    parts, lines = [], []
    for oid in check.obs_ids:
        row = ctx.obs.loc[oid]
        target_id = check.params.get("target", row["indicator_id"])
        targets = ctx.ds.targets[ctx.ds.targets["indicator_id"] == target_id].sort_values("target_year", kind="stable")
        hib = ctx.ind.loc[target_id, "higher_is_better"]
        if targets.empty:
            lines.append(f"{ctx.label(oid)}: {ctx.stated_text(oid)} — báo cáo không nêu mức chỉ tiêu bằng con số")
            continue
        tgt = targets.iloc[-1]
        low = None if pd.isna(tgt["low"]) else float(tgt["low"])
        high = None if pd.isna(tgt["high"]) else float(tgt["high"])
        result = assess(float(row["value"]), row["qualifier"], tgt["kind"], low, high, None if pd.isna(hib) else hib)
        parts.append(result.code)
        lines.append(
            f"{ctx.label(oid)}: {ctx.stated_text(oid)}, mức chỉ tiêu “{tgt['source_quote']}” → "
            f"{TARGET_STATUS_LABELS[result.code][1].lower()}"
        )
    reported_vi = REPORT_STATUS_VI[reported]
    steps = [
        f"Báo cáo tự đánh giá chỉ tiêu {number}: {reported_vi} (“{verdict_row['source_quote']}”, "
        f"{format_source_ref(ref)}).",
        *[line + "." for line in lines],
    ]
    if not parts:
        reason = "báo cáo không nêu mức chỉ tiêu bằng con số nên quy tắc của cuốn sách không tính được trạng thái"
        res = Result(
            check,
            "unverifiable",
            stated=reported_vi,
            message=f"{check.description_vi} — báo cáo: {reported_vi}; không kiểm chứng được: {reason}.",
            steps=steps + [f"Không kiểm chứng được: {reason}."],
            stated_vi=reported_vi,
            computed_vi="—",
        )
        res.quotes = [verdict_row["source_quote"]]
        return _finish(res, check, ctx)
    computed = max(parts, key=_SEVERITY.get)
    computed_vi = REPORT_STATUS_VI[computed]
    if computed == reported:
        status = "pass"
    elif computed != "met" and reported != "met":
        status = "rounding"
    else:
        status = "fail"
    if len(parts) > 1:
        steps.append(f"Chỉ tiêu có nhiều phần: phần yếu nhất quyết định → {computed_vi}.")
    tail = {
        "pass": "khớp",
        "rounding": "cùng là chưa đạt, chỉ khác ở ngưỡng “gần đạt” mà báo cáo không định nghĩa",
        "fail": "không khớp",
    }[status]
    steps.append(f"Kết luận: báo cáo {reported_vi}, quy tắc của cuốn sách {computed_vi} — {tail}.")
    message = f"{check.description_vi}: báo cáo ghi {reported_vi}, tính theo quy tắc {computed_vi} — {tail}."
    res = Result(
        check, status, reported_vi, computed_vi, "", "", message, steps, stated_vi=reported_vi, computed_vi=computed_vi
    )
    res.quotes = [verdict_row["source_quote"]]
    return _finish(res, check, ctx)


def _eval_qualitative(check, ctx):
    return _unverifiable(
        check,
        ctx,
        "báo cáo không có số liệu để tính lại, điểm này được ghi để người đọc tự đối chiếu",
        steps=[
            check.description_vi + ".",
            "Không có phép tính nào kiểm chứng được nhận định này từ số liệu của báo cáo.",
        ],
    )


EVALUATORS = {
    "sum": _eval_sum,
    "percent": _eval_percent,
    "average": _eval_average,
    "growth": _eval_growth,
    "growth_series_sum": _eval_growth_series_sum,
    "ratio": _eval_ratio,
    "difference": _eval_difference,
    "share_sum": _eval_share_sum,
    "weighted_average": _eval_weighted_average,
    "same_quantity": _eval_same_quantity,
    "part_of": _eval_part_of,
    "in_range": _eval_in_range,
    "trend": _eval_trend,
    "maximum": _eval_maximum,
    "count_list": _eval_count_list,
    "classification": _eval_classification,
    "qualitative": _eval_qualitative,
}


def evaluate_check(ds: Dataset, check: Check) -> Result:
    """Evaluate one check (see the module docstring for the status rules)."""
    return EVALUATORS[check.kind](check, _Ctx(ds))


def evaluate_all(ds: Dataset, checks: list[Check]) -> list[Result]:
    """Evaluate every check, in file order."""
    ctx = _Ctx(ds)
    return [EVALUATORS[c.kind](c, ctx) for c in checks]


def run_audit(ds: Dataset) -> list[Result]:
    """Load ``checks.csv`` of the dataset's folder and evaluate it."""
    return evaluate_all(ds, load_checks(ds))


# ------------------------------------------------------------------------------------- outputs
def audit_csv_text(results: list[Result]) -> str:
    """``audit.csv`` as text: one row per check, columns :data:`AUDIT_COLUMNS`, ``\\n`` line ends."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=AUDIT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for res in results:
        writer.writerow(res.row())
    return buf.getvalue()


def write_audit_csv(results: list[Result], out: Path) -> Path:
    """Write ``audit.csv`` atomically (a reader never sees half a file)."""
    write_text_atomic(Path(out), audit_csv_text(results))
    return Path(out)


def status_counts(results: list[Result]) -> dict[str, int]:
    """How many checks have each status (all four present, zeros included), fails first."""
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for res in results:
        counts[res.status] += 1
    return counts


def kind_counts(results: list[Result]) -> dict[str, int]:
    """How many checks of each kind, in the order of :data:`KINDS`."""
    counts = dict.fromkeys(KINDS, 0)
    for res in results:
        counts[res.check.kind] += 1
    return {k: v for k, v in counts.items() if v}


def failed_obs_ids(results: list[Result]) -> dict[str, list[str]]:
    """Observation id → ids of the checks it fails, for the markers in chapters."""
    out: dict[str, list[str]] = {}
    for res in results:
        if res.status == "fail":
            for oid in res.obs_ids:
                out.setdefault(oid, []).append(res.check_id)
    return out


def finding_href(check_id: str, from_audit_page: bool = False) -> str:
    """Link to a finding: ``13_kiem_tra_so_lieu.html#check-<id>`` (or ``#check-<id>`` on the audit page)."""
    anchor = f"#check-{check_id}"
    return anchor if from_audit_page else f"{AUDIT_PAGE}.html{anchor}"


def marker_html(obs_id: str, failed: dict[str, list[str]]) -> str:
    """A visible marker for a figure that fails a check, linking to the finding; ``""`` otherwise.

    ``failed`` is :func:`failed_obs_ids` output. The marker is icon + word (never colour alone).
    """
    ids = failed.get(obs_id)
    if not ids:
        return ""
    links = " ".join(
        f'<a href="{html.escape(finding_href(cid))}" '
        f'title="{html.escape("Xem phát hiện " + cid)}">{html.escape(cid)}</a>'
        for cid in ids
    )
    return f'<span class="chitieu-audit-flag">⚠ Không khớp khi kiểm tra: {links}</span>'


def chapter_pages(ds: Dataset, obs_ids: list[str]) -> list[str]:
    """Notebook pages where the figures are used: a key indicator's page and its indicator's chapter."""
    pages: list[str] = []
    for oid in obs_ids:
        iid = ds.observations.loc[oid, "indicator_id"]
        ind = ds.indicators.loc[iid]
        if not pd.isna(ind["resolution_no"]):
            pages.append(KEY_PAGE)
        pages.append(CHAPTER_PAGES[ind["chapter"]])
    return list(dict.fromkeys(pages))


def status_label(status: str) -> str:
    """Icon and word: ``"✘ Không khớp"``."""
    icon, word = STATUS_LABELS[status]
    return f"{icon} {word}"


def summary_table(results: list[Result]) -> pd.DataFrame:
    """Counts by status as display strings, fails first (for :func:`chitieu.book.tables.show_table`)."""
    counts = status_counts(results)
    total = sum(counts.values()) or 1
    return pd.DataFrame(
        {
            "status": [status_label(s) for s in counts],
            "count": [format_vn(n) for n in counts.values()],
            "share": [f"{format_vn(n / total * 100, 1)}%" for n in counts.values()],
        }
    )


SUMMARY_COLUMNS = {"status": "Kết quả kiểm tra", "count": "Số phép kiểm tra", "share": "Tỷ lệ"}


def kind_table(results: list[Result]) -> pd.DataFrame:
    """Counts by kind and status as display strings."""
    rows = []
    for kind, n in kind_counts(results).items():
        sub = [r for r in results if r.check.kind == kind]
        counts = status_counts(sub)
        rows.append({"kind": KINDS[kind][3], "n": format_vn(n), **{s: format_vn(counts[s]) for s in STATUS_ORDER}})
    return pd.DataFrame(rows)


KIND_COLUMNS = {"kind": "Loại quan hệ", "n": "Số phép", **{s: status_label(s) for s in STATUS_ORDER}}


def summary_chart(results: list[Result]):
    """Bars of the number of checks by status (icon + word on the axis, Okabe–Ito colours)."""
    import altair as alt

    counts = status_counts(results)
    data = pd.DataFrame(
        {
            "label": [status_label(s) for s in counts],
            "n": list(counts.values()),
            "n_vi": [format_vn(n) for n in counts.values()],
            "order": range(len(counts)),
        }
    )
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=list(data["label"])),
            x=alt.X("n:Q", title="Số phép kiểm tra", axis=alt.Axis(format=",~f", tickCount=5)),
            color=alt.Color(
                "label:N",
                legend=None,
                scale=alt.Scale(domain=[status_label(s) for s in counts], range=[STATUS_COLOURS[s] for s in counts]),
            ),
            tooltip=[alt.Tooltip("label:N", title="Kết quả"), alt.Tooltip("n_vi:N", title="Số phép kiểm tra")],
        )
    )
    text = (
        alt.Chart(data)
        .mark_text(align="left", dx=4)
        .encode(y=alt.Y("label:N", sort=list(data["label"])), x="n:Q", text="n_vi:N")
    )
    return (bars + text).properties(width=420, height=alt.Step(28))


def _quote_cards(ds: Dataset, res: Result) -> str:
    ctx = _Ctx(ds)
    cards = []
    for oid in res.obs_ids:
        row = ds.observations.loc[oid]
        cards.append(
            '<div class="ct-card">'
            f'<div class="ct-label">{html.escape(ctx.label(oid))}</div>'
            f"<div><strong>{html.escape(ctx.stated_text(oid))}</strong></div>"
            f"<blockquote>“{html.escape(row['source_quote'])}”</blockquote>"
            f'<div class="ct-ref">{html.escape(format_source_ref(row["source_ref"]))}</div></div>'
        )
    if res.check.evidence_quote:
        cards.append(
            '<div class="ct-card ct-evidence">'
            '<div class="ct-label">Câu báo cáo được kiểm tra</div>'
            f"<blockquote>“{html.escape(res.check.evidence_quote)}”</blockquote>"
            f'<div class="ct-ref">{html.escape(format_source_ref(res.check.source_ref))}</div></div>'
        )
    return f'<div class="ct-cards">{"".join(cards)}</div>'


def _chapter_links(ds: Dataset, res: Result) -> str:
    pages = chapter_pages(ds, res.obs_ids) if res.obs_ids else [KEY_PAGE]
    links = ", ".join(f'<a href="{html.escape(p)}.html">{html.escape(PAGE_TITLES.get(p, p))}</a>' for p in pages)
    return f'<p class="ct-used">Số liệu này được dùng trong chương: {links}.</p>'


def finding_html(ds: Dataset, res: Result, *, detailed: bool = True) -> str:
    """One finding: anchor ``check-<id>``, status, message, quotes side by side, step-by-step arithmetic, links."""
    head = (
        f'<h4 id="check-{html.escape(res.check_id)}" class="ct-head">'
        f'<span class="ct-status-{html.escape(res.status)}">{html.escape(status_label(res.status))}</span> · '
        f"{html.escape(res.check.description_vi)} "
        f"<small>({html.escape(res.check_id)}, {html.escape(KINDS[res.check.kind][3].lower())}, "
        f"{html.escape(format_source_ref(res.check.source_ref))})</small></h4>"
    )
    body = f"<p>{html.escape(res.message)}</p>"
    if detailed:
        body += _quote_cards(ds, res)
    body += "<ol>" + "".join(f"<li>{html.escape(step)}</li>" for step in res.steps) + "</ol>"
    body += _chapter_links(ds, res)
    return f'<section class="chitieu-finding">{head}{body}</section>'


def findings_html(ds: Dataset, results: list[Result], status: str, *, collapsed: bool = False) -> str:
    """Every finding of one status, in file order; optionally inside one collapsed ``<details>``."""
    chosen = [r for r in results if r.status == status]
    if not chosen:
        return "<p>Không có phép kiểm tra nào ở nhóm này.</p>"
    # Agreeing checks are listed with their arithmetic but without the quote cards (the quotes are in
    # audit.csv and in each chapter's figures table): the page stays light on a phone.
    inner = "".join(finding_html(ds, r, detailed=status != "pass") for r in chosen)
    if collapsed:
        return (
            f'<details class="chitieu-details"><summary>{html.escape(status_label(status))}: '
            f"xem {format_vn(len(chosen))} phép kiểm tra</summary>{inner}</details>"
        )
    return inner


def result_by_id(results: list[Result], check_id: str) -> Result:
    """The result of one check (``KeyError`` when no check has that id)."""
    for res in results:
        if res.check_id == check_id:
            return res
    raise KeyError(check_id)


def fraction_text(ds: Dataset, result: Result) -> str:
    """The fraction behind a ``percent`` check as the report writes it, e.g. ``"31/38"``."""
    if result.check.kind != "percent" or len(result.check.obs_ids) != 3:
        raise ValueError(f"{result.check_id} is not a percent check with numerator and denominator")
    num, den = result.check.obs_ids[1:]
    obs = ds.observations
    num_text = format_vn(obs.loc[num, "value"], int(obs.loc[num, "decimals"]))
    den_text = format_vn(obs.loc[den, "value"], int(obs.loc[den, "decimals"]))
    return f"{num_text}/{den_text}"


def fails_table(results: list[Result]) -> pd.DataFrame:
    """The fails as one display table: check, stated, computed, link text."""
    rows = [r for r in results if r.status == "fail"]
    return pd.DataFrame(
        {
            "check": [r.check_id for r in rows],
            "what": [r.check.description_vi for r in rows],
            "stated": [r.stated_vi for r in rows],
            "computed": [r.computed_vi for r in rows],
        }
    )


def fails_table_html(results: list[Result]) -> str:
    """The fails as one HTML table whose check ids link to the findings below (every text escaped)."""
    rows = [r for r in results if r.status == "fail"]
    head = "".join(f'<th scope="col">{html.escape(label)}</th>' for label in FAILS_COLUMNS.values())
    body = "".join(
        f'<tr><td><a href="{html.escape(finding_href(r.check_id, from_audit_page=True))}">'
        f"{html.escape(r.check_id)}</a></td>"
        f"<td>{html.escape(r.check.description_vi)}</td><td>{html.escape(r.stated_vi)}</td>"
        f"<td>{html.escape(r.computed_vi)}</td></tr>"
        for r in rows
    )
    return (
        f'<div class="chitieu-table-wrap"><table class="chitieu-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


FAILS_COLUMNS = {"check": "Mã", "what": "Quan hệ", "stated": "Báo cáo ghi", "computed": "Tính lại / chỗ khác ghi"}


def corrections_table(ds: Dataset, corrections: list[Correction]) -> pd.DataFrame:
    """Corrections as display strings: the figure used, the figures set aside, why, and the findings."""
    ctx = _Ctx(ds)
    return pd.DataFrame(
        {
            "indicator": [
                ds.indicators.loc[c.indicator_id, "name_vi"] + f" ({format_period(c.period)})" for c in corrections
            ],
            "chosen": [f"{ctx.stated_text(c.chosen_obs_id)} — “{ctx.quote(c.chosen_obs_id)}”" for c in corrections],
            "rejected": [
                "; ".join(f"{ctx.stated_text(o)} — “{ctx.quote(o)}”" for o in c.rejected_obs_ids) for c in corrections
            ],
            "reason": [c.reason_vi for c in corrections],
            "checks": [", ".join(c.check_ids) for c in corrections],
        }
    )


CORRECTION_DISPLAY_COLUMNS = {
    "indicator": "Số liệu",
    "chosen": "Cuốn sách dùng",
    "rejected": "Để riêng (không dùng cho biểu đồ)",
    "reason": "Lý do",
    "checks": "Phép kiểm tra liên quan",
}


def rejected_obs_ids(corrections: list[Correction]) -> set[str]:
    """Observation ids that charts should not draw (the other statement is used, see ``corrections.csv``)."""
    return {oid for c in corrections for oid in c.rejected_obs_ids}


def obs_ids_used(results: list[Result], corrections: list[Correction] = ()) -> list[str]:
    """Every observation the audit names, in order, for the chapter's closing figures table."""
    ids = [oid for r in results for oid in r.obs_ids]
    ids += [oid for c in corrections for oid in (c.chosen_obs_id, *c.rejected_obs_ids)]
    return list(dict.fromkeys(ids))


# ----------------------------------------------------------------------------------------- CLI
