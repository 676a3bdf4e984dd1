"""The coverage of one report by the data: counts, unmatched statistics with their reasons, the output file."""

from __future__ import annotations

import csv
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from chitieu import config
from chitieu.analysis.coverage.matching import _as_decimal, is_matched, quote_spans
from chitieu.analysis.coverage.rules import (
    CLASS_LABELS,
    CLASSES,
    STATISTIC,
    ClassifiedNumber,
    classify_numbers,
    place_names,
)
from chitieu.data import contract
from chitieu.data.csvread import read_csv_rows
from chitieu.data.errors import DataError, DataValidationError
from chitieu.data.vnnum import find_numbers, format_vn

REPORT_FILE = config.REPORT_FILE
"""The raw report whose numbers are checked (a file of ``data/raw``)."""

SKIPPED_FILE = "coverage_skipped.csv"
"""Numbers the extractors skipped on purpose, with a reason (columns ``line,number_text,reason``)."""

UNMATCHED_FILE = "coverage_unmatched.csv"
"""Output: every unmatched statistic with its reason (columns ``line,number_text,context,reason``)."""

SKIPPED_COLUMNS = contract.columns("coverage_skipped")
UNMATCHED_COLUMNS = ("line", "number_text", "context", "reason")

UNEXPLAINED = "unexplained"
"""Reason given to an unmatched statistic that ``coverage_skipped.csv`` does not list."""

TARGET_PERCENT = 95
"""At least this share of the statistics must be matched by an observation or a target."""

CONTEXT_CHARS = 30
"""Characters of the line kept on each side of a number in ``coverage_unmatched.csv``."""


@dataclass(frozen=True)
class UnmatchedStatistic:
    """A statistic no observation or target quotes, with the reason it is left out."""

    line: int
    start: int
    number_text: str
    context: str
    reason: str


@dataclass
class CoverageReport:
    """What :func:`run_coverage` found.

    Attributes
    ----------
    numbers : list of ClassifiedNumber
        Every number of the raw text, classified.
    counts : dict
        Numbers per class (every class of :data:`CLASSES` present, possibly 0).
    statistics, matched, explained, unexplained : int
        Statistics; those matched by a row; unmatched ones listed in the skipped file; the rest.
    unmatched : list of UnmatchedStatistic
        The unmatched statistics in text order, each with its reason.
    unknown_skips : list of tuple
        ``(line, number_text)`` entries of the skipped file naming no number on that line (stale entries).
    """

    numbers: list[ClassifiedNumber]
    counts: dict[str, int]
    statistics: int
    matched: int
    explained: int
    unexplained: int
    unmatched: list[UnmatchedStatistic] = field(default_factory=list)
    unknown_skips: list[tuple[int, str]] = field(default_factory=list)

    @property
    def percent_matched(self) -> float:
        """Matched statistics as a percentage of all statistics (100 when there is none)."""
        return 100.0 * self.matched / self.statistics if self.statistics else 100.0

    @property
    def passed(self) -> bool:
        """True when at least :data:`TARGET_PERCENT` % are matched and none is unexplained."""
        return self.matched * 100 >= TARGET_PERCENT * self.statistics and self.unexplained == 0


def skip_keys(entries: list[tuple[int, str, str]]) -> dict[tuple[int, str], str]:
    """Index skipped-file entries by ``(line, number_text)``.

    An entry also covers each number written inside its ``number_text`` (``"3/4/2023"`` covers ``3``,
    ``4`` and ``2023`` of that line), so that a date or a range may be listed as written. When two entries
    give a key, the first one's reason is kept.
    """
    out: dict[tuple[int, str], str] = {}
    for line_no, text, reason in entries:
        out.setdefault((line_no, text), reason)
        for m in find_numbers(text):
            out.setdefault((line_no, m.text), reason)
    return out


def context_of(line: str, start: int, end: int, chars: int = CONTEXT_CHARS) -> str:
    """``chars`` characters of ``line`` on each side of ``line[start:end]``, whitespace-trimmed."""
    return line[max(0, start - chars) : end + chars].strip()


def stale_skips(skipped: list[tuple[int, str, str]], numbers: list[ClassifiedNumber]) -> list[tuple[int, str]]:
    """``(line, number_text)`` entries of the skipped file that name no number found on their line.

    An entry is not stale when its text, or a number written inside it, is a number of that line.
    """
    present = {(n.line, n.text) for n in numbers}
    return sorted(
        {
            (line_no, text)
            for line_no, text, _ in skipped
            if (line_no, text) not in present and not any((line_no, m.text) in present for m in find_numbers(text))
        }
    )


def build_report(
    text: str,
    quoted: list[tuple[str, tuple[Decimal, ...]]],
    skipped: list[tuple[int, str, str]],
    places: tuple[str, ...] = (),
) -> CoverageReport:
    """Classify the numbers of ``text``, match the statistics to the quotes and explain the rest.

    Parameters
    ----------
    text : str
        The raw report.
    quoted : list of (str, tuple of Decimal)
        Each observation's or target's quote with the value(s) it states.
    skipped : list of (int, str, str)
        ``(line, number_text, reason)`` of the numbers the extractors skipped on purpose.
    places : tuple of str
        The report's ward and commune spellings (:func:`~chitieu.analysis.coverage.rules.place_names`).

    Returns
    -------
    CoverageReport
    """
    lines = text.split("\n")
    numbers = classify_numbers(text, places)
    spans = quote_spans(lines, quoted)
    reasons = skip_keys(skipped)
    counts = Counter(n.kind for n in numbers)
    stats = [n for n in numbers if n.kind == STATISTIC]
    unmatched = [
        UnmatchedStatistic(
            n.line,
            n.start,
            n.text,
            context_of(lines[n.line - 1], n.start, n.end),
            reasons.get((n.line, n.text), UNEXPLAINED),
        )
        for n in stats
        if not is_matched(n, spans)
    ]
    unexplained = sum(1 for u in unmatched if u.reason == UNEXPLAINED)
    return CoverageReport(
        numbers=numbers,
        counts={k: counts.get(k, 0) for k in CLASSES},
        statistics=len(stats),
        matched=len(stats) - len(unmatched),
        explained=len(unmatched) - unexplained,
        unexplained=unexplained,
        unmatched=unmatched,
        unknown_skips=stale_skips(skipped, numbers),
    )


# --------------------------------------------------------------------------------------------------
# I/O
# --------------------------------------------------------------------------------------------------


def read_skipped(path: Path) -> list[tuple[int, str, str]]:
    """Read ``coverage_skipped.csv``: ``(line, number_text, reason)`` rows; none when the file is absent.

    Raises
    ------
    chitieu.data.errors.DataValidationError
        On a malformed file, a non-integer line or an empty number_text or reason.
    """
    if not path.exists():
        return []
    errors: list[DataError] = []
    rows = read_csv_rows(path, SKIPPED_COLUMNS, errors)
    out: list[tuple[int, str, str]] = []
    for row, rec in rows:
        if not rec["line"].isdigit() or int(rec["line"]) < 1:
            errors.append(
                DataError(
                    path.name,
                    row,
                    "line",
                    rec["line"],
                    "số dòng phải là số nguyên dương",
                    "line must be a positive integer",
                )
            )
            continue
        if not rec["number_text"] or not rec["reason"]:
            errors.append(
                DataError(path.name, row, None, None, "thiếu number_text hoặc reason", "number_text or reason is empty")
            )
            continue
        out.append((int(rec["line"]), rec["number_text"], rec["reason"]))
    if errors:
        raise DataValidationError(errors)
    return out


def _quoted_rows(observations, targets) -> list[tuple[str, tuple[Decimal, ...]]]:
    """``(quote, values)`` of every observation (its value) and target (its low and high)."""
    out: list[tuple[str, tuple[Decimal, ...]]] = []
    for quote, value_text in zip(observations["source_quote"], observations["value_text"]):
        value = _as_decimal(value_text)
        out.append((quote, (value,) if value is not None else ()))
    for quote, low, high in zip(targets["source_quote"], targets["low"], targets["high"]):
        out.append((quote, tuple(v for v in (_as_decimal(low), _as_decimal(high)) if v is not None)))
    return out


def run_coverage(data_dir: Path) -> CoverageReport:
    """Load the data and the raw report of ``data_dir`` and compute the coverage.

    Parameters
    ----------
    data_dir : Path
        The ``data/`` folder: the data contract's CSVs, ``raw/`` and optionally ``coverage_skipped.csv``.

    Returns
    -------
    CoverageReport

    Raises
    ------
    chitieu.data.errors.DataValidationError
        If the data or the skipped file breaks a rule.
    FileNotFoundError
        If the raw report is not among the data's raw sources.
    """
    from chitieu.data.load import load_dataset

    data_dir = Path(data_dir)
    ds = load_dataset(data_dir)
    source = next((s for s in ds.sources if s.path.name == REPORT_FILE), None)
    if source is None:
        raise FileNotFoundError(f"raw report {REPORT_FILE} not found in {data_dir / 'raw'}")
    skipped = read_skipped(data_dir / SKIPPED_FILE)
    return build_report(source.text, _quoted_rows(ds.observations, ds.targets), skipped, place_names(data_dir))


def write_unmatched(report: CoverageReport, path: Path) -> None:
    """Write the unmatched statistics, in text order, to ``path`` atomically (temporary file + rename).

    Columns ``line, number_text, context, reason``; UTF-8 without BOM, ``\\n`` line ends.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = sorted(report.unmatched, key=lambda u: (u.line, u.start))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(UNMATCHED_COLUMNS)
            for u in rows:
                writer.writerow([u.line, u.number_text, u.context, u.reason])
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def format_summary(report: CoverageReport, written: Path | None = None) -> str:
    """The summary :func:`cli_coverage` prints (Vietnamese labels, English in parentheses)."""
    total = sum(report.counts.values())
    out = [f"Độ phủ số liệu (coverage) của {REPORT_FILE}", f"Tổng số con số (numbers found): {total}"]
    for kind in CLASSES:
        out.append(f"  {CLASS_LABELS[kind]} ({kind}): {report.counts.get(kind, 0)}")
    out.append(
        f"Khớp: {report.matched}/{report.statistics} số liệu thống kê "
        f"({format_vn(report.percent_matched, 1)}%) (matched by an observation or target)"
    )
    out.append(f"Không khớp, có lý do (unmatched, explained): {report.explained}")
    out.append(f"Không khớp, chưa giải thích (unmatched, unexplained): {report.unexplained}")
    if report.unknown_skips:
        shown = ", ".join(f"{line}:{text}" for line, text in report.unknown_skips[:10])
        out.append(
            f"Cảnh báo (warning): {len(report.unknown_skips)} dòng của {SKIPPED_FILE} không ứng với số nào "
            f"(entries naming no number on their line): {shown}"
        )
    if written is not None:
        out.append(f"Đã ghi (written): {written}")
    return "\n".join(out)
