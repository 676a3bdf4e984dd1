"""The auditor's input files: ``data/checks.csv`` (the relations to check) and ``data/findings.csv`` (their
root causes); ``data/corrections.csv`` is :mod:`chitieu.data.corrections`.

``checks.csv`` holds one row per relation the report's own figures imply (a breakdown adds up to its total,
``a/b`` is the stated percent, a figure stated twice agrees with itself, …) with the observation ids it
involves; ``findings.csv`` names the root causes that several checks share (``checks.finding_id``);
``corrections.csv`` says which of two conflicting statements the book uses, and why.

What a Table Schema states (``data/schema/checks.schema.yaml``, ``findings.schema.yaml``,
``corrections.schema.yaml``: columns, required cells, the id pattern, the list of kinds, the ``source_ref``
grammar, unique ids, and the foreign keys to findings, indicators, localities and observations) is checked by
:mod:`chitieu.data.structure`; this module adds what needs the loaded dataset: the observation ids a check
names exist and fit its kind, its params, its quote is verbatim in the raw text, a correction's figures belong
to its indicator. Every error names file, spreadsheet row and column (Vietnamese and English). The evaluation
is :mod:`chitieu.analysis.audit`; the kinds and the verdicts are documented in ``docs/audit.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from chitieu.data import contract
from chitieu.data.csvread import read_csv_rows
from chitieu.data.errors import DataError, DataValidationError
from chitieu.data.load import Dataset
from chitieu.data.structure import check_table, display_file, reference_values

CHECKS_FILE = display_file("checks")
FINDINGS_FILE = display_file("findings")
CHECK_COLUMNS = contract.columns("checks")
FINDING_COLUMNS = contract.columns("findings")

READING_PARAM = "reading_vi"
"""The param every kind takes: the relation rests on a reading of the text the report does not settle."""

_NAMES = contract.labels_vi("checks", "kind")
_KIND_RULES: dict[str, tuple[int, int | None, frozenset[str]]] = {
    # kind: (minimum, maximum) number of observation ids, the params it takes besides reading_vi.
    "sum": (2, None, frozenset()),
    "percent": (3, 3, frozenset({"missing_vi"})),
    "average": (2, 2, frozenset({"n"})),
    "growth": (3, 3, frozenset({"years", "missing_vi"})),
    "growth_series_sum": (3, 3, frozenset({"years"})),
    "ratio": (3, 3, frozenset({"missing_vi"})),
    "difference": (3, 3, frozenset({"missing_vi"})),
    "share_sum": (2, None, frozenset({"total"})),
    "weighted_average": (4, None, frozenset({"approx", "rest_weight", "end_shares"})),
    "same_quantity": (2, None, frozenset()),
    "part_of": (2, 2, frozenset()),
    "in_range": (1, None, frozenset({"low", "high", "target"})),
    "trend": (2, None, frozenset({"direction"})),
    "maximum": (2, None, frozenset()),
    "count_list": (1, 1, frozenset({"items", "excluded_vi"})),
    "classification": (1, None, frozenset({"resolution_no", "report_ref", "target"})),
    "classification_consistency": (0, 0, frozenset({"checks"})),
    "qualitative": (0, None, frozenset()),
}
KINDS: dict[str, tuple[int, int | None, frozenset[str], str]] = {
    kind: (*_KIND_RULES[kind], _NAMES[kind]) for kind in contract.enum("checks", "kind")
}
"""Kind → (fewest ids, most ids or None, params, Vietnamese name), in the schema's order (a kind of the schema
without its rules here fails on import)."""
# Kinds whose role list may be shorter when the report leaves an input out (``missing_vi``).
MISSING_OK = {"percent", "growth", "ratio", "difference"}
# Where the report sums up its own verdict on every key indicator (footnote ¹ of B.II): a ``classification``
# check without ``report_ref`` reads the verdict there, and so does the key indicators' table.
SUMMARY_ASSESSMENT_REF = "P1:B.II:fn1"


@dataclass(frozen=True)
class Check:
    """One row of ``checks.csv``: ``obs`` holds ``(sign, obs_id)`` pairs in role order; ``finding_id`` is the
    root cause it shares with other checks (``""``: it stands alone)."""

    check_id: str
    kind: str
    obs: tuple[tuple[int, str], ...]
    params: dict
    description_vi: str
    source_ref: str
    evidence_quote: str
    row: int
    finding_id: str = ""

    @property
    def obs_ids(self) -> list[str]:
        return [oid for _, oid in self.obs]

    @property
    def group(self) -> str:
        """The finding this check is shown under: its ``finding_id``, or its own id when it stands alone."""
        return self.finding_id or self.check_id

    @property
    def reading(self) -> str:
        """The reading the relation rests on (``reading_vi``), ``""`` when it rests on none."""
        return self.params.get(READING_PARAM, "")

    def param_obs_ids(self) -> list[str]:
        """Observation ids named in params (``low``/``high`` of ``in_range``)."""
        return [v for k, v in self.params.items() if k in ("low", "high") and not _is_number(v)]


@dataclass(frozen=True)
class Finding:
    """One row of ``findings.csv``: a root cause several checks share."""

    finding_id: str
    title_vi: str
    cause_vi: str
    row: int


def _is_number(text: str) -> bool:
    return re.fullmatch(r"-?\d+(?:\.\d+)?", text.strip()) is not None


def parse_params(text: str) -> dict[str, str]:
    """``"a=1; b=x y"`` → ``{"a": "1", "b": "x y"}`` (``ValueError`` on a part without ``=`` or a key given twice)."""
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


# --------------------------------------------------------------------------------------- findings
def _read_findings(ds: Dataset, errors: list[DataError]) -> dict[str, Finding]:
    path = Path(ds.data_dir) / contract.load().resources["findings"].path
    if not path.exists():
        return {}
    rows = read_csv_rows(path, FINDING_COLUMNS, errors)
    checked = check_table("findings", rows, errors)
    return {
        r.cells["finding_id"]: Finding(r.cells["finding_id"], r.cells["title_vi"], r.cells["cause_vi"], r.row)
        for r in checked
        if r.ok
    }


def load_findings(ds: Dataset, checks: list[Check]) -> dict[str, Finding]:
    """Read and validate ``findings.csv``: finding id → :class:`Finding`, in file order.

    Raises
    ------
    DataValidationError
        A row breaking its schema, a finding no check names, a finding id that is also a check id.
    """
    errors: list[DataError] = []
    findings = _read_findings(ds, errors)
    named = {c.finding_id for c in checks}
    check_ids = {c.check_id for c in checks}
    for fid, finding in findings.items():
        if fid not in named:
            errors.append(
                DataError(
                    FINDINGS_FILE,
                    finding.row,
                    "finding_id",
                    fid,
                    "không phép kiểm tra nào của checks.csv ghi mã phát hiện này (cột finding_id)",
                    "no check of checks.csv names this finding (column finding_id)",
                )
            )
        if fid in check_ids:
            errors.append(
                DataError(
                    FINDINGS_FILE,
                    finding.row,
                    "finding_id",
                    fid,
                    "mã phát hiện trùng với mã một phép kiểm tra: đặt tên khác",
                    "a finding id must not be the id of a check",
                )
            )
    if errors:
        raise DataValidationError(errors)
    return findings


# --------------------------------------------------------------------------------------- checks
def load_checks(ds: Dataset, path: Path | None = None) -> list[Check]:
    """Read and validate ``checks.csv`` against its schema and the dataset; raise with every problem at once.

    Raises
    ------
    DataValidationError
        Naming file, spreadsheet row and column for what the schema refuses (a missing cell, a malformed or
        duplicate id, an unknown kind or finding, a bad ``source_ref``) and for what needs the data:
        observation ids that do not exist, a wrong number of ids for the kind, malformed or unknown params,
        an ``evidence_quote`` that is not verbatim in the raw text.
    """
    path = Path(path) if path is not None else Path(ds.data_dir) / contract.load().resources["checks"].path
    errors: list[DataError] = []
    findings = _read_findings(ds, errors)
    rows = read_csv_rows(path, CHECK_COLUMNS, errors)
    references = {"findings": reference_values("findings", ({"finding_id": fid} for fid in findings))}
    known = set(ds.observations.index)
    checks: list[Check] = []

    def err(row: int, col: str, value: str | None, vi: str, en: str) -> None:
        errors.append(DataError(CHECKS_FILE, row, col, value, vi, en))

    raw_texts = [src.text for src in ds.sources]
    for checked in check_table("checks", rows, errors, references):
        row, rec, ok = checked.row, checked.cells, checked.ok
        kind = rec["kind"] if "kind" not in checked.bad else ""
        try:
            params = parse_params(rec["params"])
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
            if kind in MISSING_OK and "missing_vi" in (params or {}):
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
                if key not in allowed and key != READING_PARAM:
                    err(
                        row,
                        "params",
                        key,
                        f"tham số '{key}' không dùng cho loại '{kind}'; cho phép: "
                        f"{', '.join(sorted(allowed | {READING_PARAM}))}",
                        f"param '{key}' not used by kind '{kind}'",
                    )
                    ok = False
            if params is not None:
                ok &= _validate_kind_params(kind, params, rec, row, err, known, ds)
        quote = rec["evidence_quote"]
        if quote and "evidence_quote" not in checked.bad and not any(quote in text for text in raw_texts):
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
            checks.append(
                Check(
                    rec["check_id"],
                    kind,
                    tuple(obs),
                    params,
                    rec["description_vi"],
                    rec["source_ref"],
                    quote,
                    row,
                    rec["finding_id"],
                )
            )
    checks = _check_references(checks, err)
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

    def need_indicator(key: str) -> None:
        nonlocal ok
        if key in params and params[key] not in ds.indicators.index:
            err(row, "params", params[key], "mã chỉ tiêu không có trong indicators.csv", "unknown indicator id")
            ok = False

    if kind == "average":
        need_int("n", True)
    if kind in ("growth", "growth_series_sum"):
        need_int("years", kind == "growth_series_sum" or "missing_vi" not in params)
    if kind == "classification":
        need_int("resolution_no", True)
        if ok:
            number = int(params["resolution_no"])
            ref = params.get("report_ref", SUMMARY_ASSESSMENT_REF)
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
        need_indicator("target")
    if kind == "in_range":
        if not {"low", "high", "target"} & set(params):
            err(
                row,
                "params",
                rec["params"],
                "loại 'in_range' cần low=…, high=… hoặc target=…",
                "kind 'in_range' needs low=…, high=… or target=…",
            )
            ok = False
        if "target" in params and {"low", "high"} & set(params):
            err(
                row,
                "params",
                rec["params"],
                "target=… đã cho mức chỉ tiêu: không ghi thêm low=… hay high=…",
                "target=… gives the bounds: do not also give low=… or high=…",
            )
            ok = False
        need_indicator("target")
        target = params.get("target")
        if target in ds.indicators.index and not (ds.targets["indicator_id"] == target).any():
            err(
                row,
                "params",
                params["target"],
                "chỉ tiêu này không có mức nào trong targets.csv",
                "this indicator has no row in targets.csv",
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
    if kind == "classification_consistency" and len(params.get("checks", "").split()) < 2:
        err(
            row,
            "params",
            rec["params"],
            "loại 'classification_consistency' cần checks=… (ít nhất hai phép kiểm tra loại classification)",
            "kind 'classification_consistency' needs checks=… (at least two classification checks)",
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
    for key in ("approx", "rest_weight", "end_shares"):
        if key in params and params[key] not in ("true", "false"):
            err(row, "params", params[key], f"{key} phải là true hoặc false", f"{key} must be true or false")
            ok = False
    if READING_PARAM in params and not params[READING_PARAM]:
        err(row, "params", READING_PARAM, f"{READING_PARAM} đang để trống", f"{READING_PARAM} is empty")
        ok = False
    return ok


def _check_references(checks: list[Check], err) -> list[Check]:
    """Drop (with an error) the consistency checks naming a check that does not exist or is not a
    ``classification``; return the others."""
    kinds = {c.check_id: c.kind for c in checks}
    out = []
    for check in checks:
        bad = [cid for cid in check.params.get("checks", "").split() if kinds.get(cid) != "classification"]
        if check.kind == "classification_consistency" and bad:
            err(
                check.row,
                "params",
                bad[0],
                "không có phép kiểm tra loại classification nào mang mã này trong checks.csv",
                "no classification check of checks.csv has this id",
            )
            continue
        out.append(check)
    return out
