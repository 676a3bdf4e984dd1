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
    part of a name or an ordinal (``Tiểu học số 2``, ``QL1A``, ``Covid-19``, a cluster named after its ward
    ``<phường> 2``, ``hạng 2``).

A statistic is *matched* when an observation or a target quotes it: the row's ``source_quote`` occurs on
the statistic's line at a span covering the number, and the row's value (``low``/``high`` for a target)
equals the number (when the quote holds several numbers of that value, the one written with the row's
decimals, see :func:`claimed_numbers`). An unmatched statistic is *explained* when
``data/coverage_skipped.csv`` lists its ``(line, number_text)`` with a reason; otherwise it is
``unexplained``. :func:`run_coverage` counts all this and :func:`write_unmatched` writes every unmatched
statistic, with its reason, to ``data/coverage_unmatched.csv``, so that no number of the report is skipped
silently.

The package: :mod:`~chitieu.analysis.coverage.rules` (classification), :mod:`~chitieu.analysis.coverage.matching`
(quotes against the text), :mod:`~chitieu.analysis.coverage.report` (counts, reasons, the output file).
"""

from chitieu.analysis.coverage.matching import QuoteSpan, _as_decimal, claimed_numbers, is_matched, quote_spans
from chitieu.analysis.coverage.report import (
    CONTEXT_CHARS,
    REPORT_FILE,
    SKIPPED_COLUMNS,
    SKIPPED_FILE,
    TARGET_PERCENT,
    UNEXPLAINED,
    UNMATCHED_COLUMNS,
    UNMATCHED_FILE,
    CoverageReport,
    UnmatchedStatistic,
    build_report,
    context_of,
    format_summary,
    read_skipped,
    run_coverage,
    skip_keys,
    stale_skips,
    write_unmatched,
)
from chitieu.analysis.coverage.rules import (
    CLASS_LABELS,
    CLASSES,
    DATE,
    DOCUMENT_NUMBER,
    LIST_NUMBERING,
    NAME_OR_ORDINAL,
    STATISTIC,
    YEAR,
    ClassifiedNumber,
    Rule,
    classify_line,
    classify_numbers,
    place_names,
    rules,
)

__all__ = [
    "CLASSES",
    "CLASS_LABELS",
    "CONTEXT_CHARS",
    "ClassifiedNumber",
    "CoverageReport",
    "DATE",
    "DOCUMENT_NUMBER",
    "LIST_NUMBERING",
    "NAME_OR_ORDINAL",
    "QuoteSpan",
    "REPORT_FILE",
    "Rule",
    "SKIPPED_COLUMNS",
    "SKIPPED_FILE",
    "STATISTIC",
    "TARGET_PERCENT",
    "UNEXPLAINED",
    "UNMATCHED_COLUMNS",
    "UNMATCHED_FILE",
    "UnmatchedStatistic",
    "YEAR",
    "_as_decimal",
    "build_report",
    "claimed_numbers",
    "classify_line",
    "classify_numbers",
    "context_of",
    "format_summary",
    "is_matched",
    "place_names",
    "quote_spans",
    "read_skipped",
    "rules",
    "run_coverage",
    "skip_keys",
    "stale_skips",
    "write_unmatched",
]
