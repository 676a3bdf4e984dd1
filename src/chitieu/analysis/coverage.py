"""Coverage of the report's numbers: is every statistic of the raw text in the data, or explained?

The raw report is read line by line; every number :func:`chitieu.data.vnnum.find_numbers` finds is classified
(:func:`classify_numbers`) as one of

``statistic``
    a quantity the report states (the default: when no rule below applies, a number is a statistic);
``date``
    part of a calendar date (``27/4/2021``, ``tháng 7/2020``, ``5 tháng đầu năm``);
``document_number``
    part of the number of a legal or party document (``1264/NQ-UBTVQH14``, ``54-NQ/TW``, ``Chỉ thị 05``);
``year``
    a four-digit year used as a year (``năm 2022``, ``2020 - 2025``, ``(giá so sánh 2020)``);
``list_numbering``
    the numbering of a heading or an enumerated item (``1.1.``, ``(3)``, ``Chỉ tiêu 3, 6,7``);
``name_or_ordinal``
    part of a name or an ordinal (``Tiểu học số 2``, ``QL1A``, ``Covid-19``, ``Tứ Hạ 2``, ``hạng 2``).

A statistic is *matched* when an observation or a target quotes it: the row's ``source_quote`` occurs on
the statistic's line at a span covering the number, and the row's value (``low``/``high`` for a target)
equals the number (when the quote holds several numbers of that value, the one written with the row's
decimals, see :func:`claimed_numbers`). An unmatched statistic is *explained* when
``data/coverage_skipped.csv`` lists its ``(line, number_text)`` with a reason; otherwise it is
``unexplained``. :func:`run_coverage` counts all this and :func:`write_unmatched` writes every unmatched
statistic, with its reason, to ``data/coverage_unmatched.csv``, so that no number of the report is skipped
silently.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from chitieu import config
from chitieu.data.csvread import read_csv_rows
from chitieu.data.errors import DataError, DataValidationError
from chitieu.data.vnnum import find_numbers, format_vn

REPORT_FILE = config.REPORT_FILE
"""The raw report whose numbers are checked (a file of ``data/raw``)."""

SKIPPED_FILE = "coverage_skipped.csv"
"""Numbers the extractors skipped on purpose, with a reason (columns ``line,number_text,reason``)."""

UNMATCHED_FILE = "coverage_unmatched.csv"
"""Output: every unmatched statistic with its reason (columns ``line,number_text,context,reason``)."""

SKIPPED_COLUMNS = ("line", "number_text", "reason")
UNMATCHED_COLUMNS = ("line", "number_text", "context", "reason")

STATISTIC = "statistic"
DATE = "date"
DOCUMENT_NUMBER = "document_number"
YEAR = "year"
LIST_NUMBERING = "list_numbering"
NAME_OR_ORDINAL = "name_or_ordinal"
CLASSES = (STATISTIC, DATE, DOCUMENT_NUMBER, YEAR, LIST_NUMBERING, NAME_OR_ORDINAL)
"""Every class, in the order the summary prints them."""

CLASS_LABELS = {
    STATISTIC: "Số liệu thống kê",
    DATE: "Ngày tháng",
    DOCUMENT_NUMBER: "Số hiệu văn bản",
    YEAR: "Năm",
    LIST_NUMBERING: "Đánh số mục",
    NAME_OR_ORDINAL: "Tên gọi hoặc số thứ tự",
}
"""Vietnamese label of each class (the English name is the class itself)."""

UNEXPLAINED = "unexplained"
"""Reason given to an unmatched statistic that ``coverage_skipped.csv`` does not list."""

TARGET_PERCENT = 95
"""At least this share of the statistics must be matched by an observation or a target."""

CONTEXT_CHARS = 30
"""Characters of the line kept on each side of a number in ``coverage_unmatched.csv``."""


# --------------------------------------------------------------------------------------------------
# Classification rules
# --------------------------------------------------------------------------------------------------

# A year as a number on its own: 1900–2100, not part of a longer number (no digit or grouping after it).
_YEAR = r"(?<![\d.,])(?:19\d\d|20\d\d|2100)(?!\d|[.,]\d)"
# One or more years or year ranges in a row: "2021-2023", "2022, 2023", "2020-2025, 2021-2026".
_YEARS = rf"{_YEAR}(?:\s*[-–]\s*(?:đến\s+)?{_YEAR})?(?:\s*(?:,|và|;)\s*{_YEAR}(?:\s*[-–]\s*{_YEAR})?)*"
# A month 1–12 as written ("7", "07", "12"), not followed by more digits.
_MONTH = r"(?:0?[1-9]|1[0-2])(?![\d])"
# A day 1–31 as written ("9", "09", "27").
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
# A document's type and issuer after its number: "NQ-UBTVQH14", "QĐ-UBND", "NQ-HĐND", "QĐ-TTg".
_DOC_SUFFIX = r"[A-ZĐ][\w&]*(?:-[\w&]+)*"


@dataclass(frozen=True)
class Rule:
    """One classification rule: every number inside a match of ``pattern`` gets class ``kind``.

    If the pattern has a group named ``n``, only numbers inside that group are classified.
    """

    kind: str
    pattern: re.Pattern
    note: str


def _rule(kind: str, pattern: str, note: str) -> Rule:
    return Rule(kind, re.compile(pattern), note)


# Rules are tried in this order; the first rule whose match covers a number decides its class. Document
# numbers and dates come first (they contain years and small numbers), then names (some contain years, e.g.
# ISO 9001-2015), then years, then list numbering. A number no rule covers is a statistic.
RULES: tuple[Rule, ...] = (
    # ---- document numbers ------------------------------------------------------------------------
    _rule(
        DOCUMENT_NUMBER,
        rf"(?<![\d.,])\d+(?:/(?:19|20)\d\d)?/{_DOC_SUFFIX}",
        "number/type-issuer: 1264/NQ-UBTVQH14, 1105/QĐ-UBND, 05/2019/NQ-HĐND",
    ),
    _rule(
        DOCUMENT_NUMBER,
        r"(?<![\d.,])\d+-[A-ZĐ][\w&]*/[A-ZĐ][\w&]*",
        "party document number-type/issuer: 54-NQ/TW, 09-NQ/TU, 124-QĐ/TW, 11-QĐi/TW",
    ),
    _rule(
        DOCUMENT_NUMBER,
        r"(?:Nghị quyết|Quyết định|Chỉ thị|Quy định|Kết luận|Thông tư|Nghị định|Công văn|Thông báo)"
        r"\s+(?:số\s+)?(?P<n>\d+(?:\s*(?:,|và)\s*\d+)*)(?![\d.,]*\s*%)",
        "capitalised document type then its number(s): Chỉ thị 05, Quyết định 217, 218",
    ),
    # ---- dates -----------------------------------------------------------------------------------
    _rule(DATE, rf"(?<![\d.,/]){_DAY}/{_MONTH}/(?:19|20)\d\d(?!\d)", "day/month/year: 27/4/2021, 01/4/2023, 09/5/2022"),
    _rule(DATE, rf"(?i:ngày)\s+{_DAY}/{_MONTH}", "ngày day/month: ngày 09/5"),
    _rule(DATE, rf"(?i:tháng)\s+{_MONTH}(?:\s*/\s*{_YEAR})?", "month, with its year when glued: tháng 7/2020, tháng 6"),
    _rule(
        DATE,
        r"(?<![\d.,])\d{1,2}\s+tháng\s+(?:đầu|cuối)\s+năm",
        "part of a year: 5 tháng đầu năm (the year itself is a year)",
    ),
    # ---- names and ordinals ----------------------------------------------------------------------
    _rule(NAME_OR_ORDINAL, r"(?i:covid)\s*-\s*\d+", "the disease's name: Covid-19, Covid -19"),
    _rule(
        NAME_OR_ORDINAL,
        r"(?i:tiểu học|mầm non|trường|THCS|THPT|TH)\s+số\s+\d+",
        "a school's name: Tiểu học số 2, Trường TH số 1",
    ),
    _rule(NAME_OR_ORDINAL, r"(?i:đề án)\s+\d+(?![\d.,]\d)", "a programme named by number: Đề án 06"),
    _rule(NAME_OR_ORDINAL, r"(?i:quốc lộ)\s+\d+[A-Z]?", "a national highway: Quốc lộ 1A"),
    _rule(NAME_OR_ORDINAL, r"(?<=[^\W\d_])\d+", "digits glued to letters on the left: QL1A, QL49A, ST25, VTNA2, DT39"),
    _rule(
        NAME_OR_ORDINAL,
        r"(?i:tiêu chuẩn)\s+(?:ISO\s*)?\d+(?:\s*[-:]\s*\d{4})?",
        "a standard's name and edition: tiêu chuẩn 9001-2015",
    ),
    _rule(NAME_OR_ORDINAL, r"(?i:thứ)\s+\d+", "an ordinal: lần thứ 2, sinh con thứ 3"),
    _rule(NAME_OR_ORDINAL, r"(?i:khóa|khoá)\s+\d+", "a term numbered in digits: khóa 14 (khóa XIV has no digits)"),
    _rule(NAME_OR_ORDINAL, r"(?i:trung ương)\s+\d+(?:\s*,\s*\d+)*", "Central Committee plenums: Trung ương 4, 5, 6"),
    _rule(
        NAME_OR_ORDINAL,
        r"(?i:hạng|loại|mức độ|cấp độ)\s+\d+(?:\s*,\s*\d+)*",
        "a grade or level: Bệnh viện hạng 2, mức độ 3, 4, loại 1",
    ),
    _rule(NAME_OR_ORDINAL, r"(?i:phụ lục)\s+\d+", "an appendix: phụ lục 02"),
    _rule(NAME_OR_ORDINAL, r"(?i:ban chỉ đạo)\s+\d+", "a steering committee named by number: Ban Chỉ đạo 35"),
    _rule(
        NAME_OR_ORDINAL,
        r"(?i:giai đoạn)\s+\d{1,2}(?![\d.,]\d)(?!\s*năm)",
        "a project phase: giai đoạn 3 (not a period of years)",
    ),
    _rule(
        NAME_OR_ORDINAL,
        r"(?i:quy hoạch chi tiết|tỷ lệ)\s+1\s*/\s*\d{3}(?:\.\d{3})*(?![\d,])",
        "a plan's map scale: quy hoạch chi tiết 1/500",
    ),
    _rule(
        NAME_OR_ORDINAL,
        r"(?:Tứ Hạ|Hương [A-ZĐ]\w*|Bình [A-ZĐ]\w*)\s+[1-9]\d?(?=\s*(?:[.,;(]|$))",
        "a place named with a number, not zero-padded and not followed by a noun: Tứ Hạ 2, Hương Văn 1 "
        "(but 'Tứ Hạ 28 tuyến' and 'Hương Toàn 03;' are statistics)",
    ),
    # ---- years -----------------------------------------------------------------------------------
    _rule(
        YEAR,
        rf"(?i:năm|giai đoạn|nhiệm kỳ|kỳ|so sánh|đông xuân|hè thu|đến|từ|trước|sau|khuyến công)\s+{_YEARS}",
        "a year after a word about time: năm 2022, giai đoạn 2021-2023, (giá so sánh 2020), Hè Thu 2023",
    ),
    _rule(YEAR, rf"{_YEAR}\s*[-–]\s*(?:đến\s+)?{_YEAR}", "a range of years: 2020 - 2025, 1930-1975"),
    _rule(YEAR, rf"\(\s*{_YEARS}\s*\)", "a year in parentheses: Hương Vãn (2020)"),
    # ---- list numbering --------------------------------------------------------------------------
    _rule(LIST_NUMBERING, r"^\s*(?:\d+\.)+(?=\s|\*)", "heading numbers at the start of a line: 1. 1.1. 3.2."),
    _rule(LIST_NUMBERING, r"^\s*\(?\d+\)", "item numbers at the start of a line: (1) (14) 2)"),
    _rule(LIST_NUMBERING, r"(?<![\d.,])\(\d{1,2}\)", "an item number in the text: (3)"),
    _rule(
        LIST_NUMBERING,
        r"(?i:chỉ tiêu)\s+(?P<n>\d{1,2}(?:\s*,\s*\d{1,2})*)(?!\s*%)(?![\d.,]\d)",
        "the numbers of listed indicators: Chỉ tiêu 3, 6,7,11; chỉ tiêu 9,10",
    ),
)


# --------------------------------------------------------------------------------------------------
# Data classes
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClassifiedNumber:
    """A number of the raw text, where it is and what it is.

    Attributes
    ----------
    line : int
        Line number in the raw text, 1-based.
    start, end : int
        Character offsets of the number in its line (``line_text[start:end] == text``).
    text : str
        The number as written (``"7.943"``).
    value : Decimal
        Its value read the Vietnamese way (``7943``).
    kind : str
        One of :data:`CLASSES`.
    note : str
        The rule that decided the class (empty for a statistic).
    """

    line: int
    start: int
    end: int
    text: str
    value: Decimal
    kind: str
    note: str = ""


@dataclass(frozen=True)
class QuoteSpan:
    """One occurrence of a quote in the raw text and the numbers in it that its rows state.

    ``claimed`` holds the ``(start, end)`` offsets, in the line, of the numbers of the quote that some row
    sharing this quote gives as its value.
    """

    line: int
    start: int
    end: int
    claimed: frozenset[tuple[int, int]]


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


# --------------------------------------------------------------------------------------------------
# Classification
# --------------------------------------------------------------------------------------------------


def _rule_spans(rule: Rule, line: str) -> list[tuple[int, int]]:
    """Spans of ``line`` that ``rule`` classifies (its ``n`` group when it has one)."""
    has_group = "n" in rule.pattern.groupindex
    return [m.span("n") if has_group else m.span() for m in rule.pattern.finditer(line)]


def classify_line(line: str, line_no: int = 1) -> list[ClassifiedNumber]:
    """Classify every number of one line of text.

    Parameters
    ----------
    line : str
        One line of the raw text (no newline).
    line_no : int
        Its 1-based line number, stored in the results.

    Returns
    -------
    list of ClassifiedNumber
        The numbers of :func:`chitieu.data.vnnum.find_numbers`, in order, each with the class of the first rule
        of :data:`RULES` whose match covers it, or ``statistic``.
    """
    found = find_numbers(line)
    if not found:
        return []
    decided: list[tuple[str, str] | None] = [None] * len(found)
    for rule in RULES:
        spans = _rule_spans(rule, line)
        for i, num in enumerate(found):
            if decided[i] is None and any(s <= num.start and num.end <= e for s, e in spans):
                decided[i] = (rule.kind, rule.note)
    return [
        ClassifiedNumber(line_no, n.start, n.end, n.text, n.value, *(d or (STATISTIC, "")))
        for n, d in zip(found, decided)
    ]


def classify_numbers(text: str) -> list[ClassifiedNumber]:
    """Find and classify every number of a text, line by line.

    Parameters
    ----------
    text : str
        The raw text (lines separated by ``\\n``).

    Returns
    -------
    list of ClassifiedNumber
        In text order; ``line`` is 1-based and ``start``/``end`` are offsets within the line.

    Examples
    --------
    >>> [(n.text, n.kind) for n in classify_numbers("năm 2021: 81")]
    [('2021', 'year'), ('81', 'statistic')]
    """
    out: list[ClassifiedNumber] = []
    for line_no, line in enumerate(text.split("\n"), start=1):
        out.extend(classify_line(line, line_no))
    return out


# --------------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------------


def _as_decimal(value) -> Decimal | None:
    """A row's value as a Decimal; None for a missing value (NaN, None, empty).

    A float (a target's bound) keeps no written precision: ``2.0`` becomes ``Decimal("2")``.
    """
    if value is None or value == "":
        return None
    if isinstance(value, float):
        if value != value:
            return None
        return Decimal(int(value)) if value.is_integer() else Decimal(repr(value))
    return Decimal(str(value))


def claimed_numbers(quote: str, values) -> frozenset[tuple[int, int]]:
    """Offsets, in ``quote``, of the numbers the rows quoting it state.

    A value claims every number of the quote equal to it; when some of those are written with the same
    decimals as the value, only those (``5.0`` in "dưới 5 tuổi … còn 5,0%" claims ``5,0``, not ``5``).
    ``values`` is any iterable of Decimals (a list keeps ``5`` and ``5.0`` apart; a set would not).
    """
    found = find_numbers(quote)
    out: set[tuple[int, int]] = set()
    for value in values:
        equal = [n for n in found if n.value == value]
        same_digits = [n for n in equal if n.value.as_tuple().exponent == value.as_tuple().exponent]
        out.update((n.start, n.end) for n in (same_digits or equal))
    return frozenset(out)


def quote_spans(lines: list[str], quoted: list[tuple[str, tuple[Decimal, ...]]]) -> dict[int, list[QuoteSpan]]:
    """Every occurrence of every quote in the text, by line, with the numbers its rows state.

    Parameters
    ----------
    lines : list of str
        The raw text's lines; line ``i`` (1-based) is ``lines[i - 1]``.
    quoted : list of (str, tuple of Decimal)
        Each row's ``source_quote`` and the values it states (an observation's value; a target's low and
        high). Rows sharing a quote are merged.

    Returns
    -------
    dict
        ``{line: [QuoteSpan, ...]}``: all occurrences of each quote on each line (overlapping ones too).
    """
    by_quote: dict[str, list[Decimal]] = {}
    for quote, values in quoted:
        if quote:
            by_quote.setdefault(quote, []).extend(values)
    out: dict[int, list[QuoteSpan]] = {}
    for quote in sorted(by_quote):
        claimed = claimed_numbers(quote, by_quote[quote])
        for line_no, line in enumerate(lines, start=1):
            pos = line.find(quote)
            while pos != -1:
                absolute = frozenset((pos + s, pos + e) for s, e in claimed)
                out.setdefault(line_no, []).append(QuoteSpan(line_no, pos, pos + len(quote), absolute))
                pos = line.find(quote, pos + 1)
    return out


def is_matched(number: ClassifiedNumber, spans: dict[int, list[QuoteSpan]]) -> bool:
    """True when a quote on the number's line covers it and one of the quote's rows states it."""
    return any((number.start, number.end) in q.claimed for q in spans.get(number.line, ()))


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

    Returns
    -------
    CoverageReport
    """
    lines = text.split("\n")
    numbers = classify_numbers(text)
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
    return build_report(source.text, _quoted_rows(ds.observations, ds.targets), skipped)


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
