"""Classify every number of a text: a statistic, or a date, a document number, a year, list numbering, a name.

See :mod:`chitieu.analysis.coverage` for the classes. Each rule is a pattern; the first rule whose match covers
a number decides its class, and a number no rule covers is a statistic.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from chitieu.data.vnnum import find_numbers

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
_BEFORE_PLACES: tuple[Rule, ...] = (
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
)

_AFTER_PLACES: tuple[Rule, ...] = (
    # ---- years -----------------------------------------------------------------------------------
    _rule(
        YEAR,
        rf"(?i:năm|giai đoạn|nhiệm kỳ|kỳ|so sánh|đông xuân|hè thu|đến|từ|trước|sau|khuyến công)\s+{_YEARS}",
        "a year after a word about time: năm 2022, giai đoạn 2021-2023, (giá so sánh 2020), Hè Thu 2023",
    ),
    _rule(YEAR, rf"{_YEAR}\s*[-–]\s*(?:đến\s+)?{_YEAR}", "a range of years: 2020 - 2025, 1930-1975"),
    _rule(YEAR, rf"\(\s*{_YEARS}\s*\)", "a year in parentheses: Phường … (2020)"),
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


_PLACE_NOTE = (
    "a ward or commune named with a number, not zero-padded and not followed by a noun: <place> 2, <place> 1 "
    "(but '<place> 28 tuyến' and '<place> 03;' are statistics)"
)


@functools.lru_cache(maxsize=16)
def rules(places: tuple[str, ...] = ()) -> tuple[Rule, ...]:
    """The classification rules, in the order they are tried, for a report whose wards and communes are
    spelt ``places`` (every spelling of ``data/localities.csv``: :func:`place_names`).

    The place names enter one rule: a place named with a number (an industrial cluster "<ward> 2") is a name,
    not a statistic. The names come from the data, so the engine names no place itself.
    """
    place_rule = ()
    if places:
        names = "|".join(re.escape(p) for p in sorted(set(places), key=len, reverse=True))
        place_rule = (_rule(NAME_OR_ORDINAL, rf"(?:{names})\s+[1-9]\d?(?=\s*(?:[.,;(]|$))", _PLACE_NOTE),)
    return _BEFORE_PLACES + place_rule + _AFTER_PLACES


def place_names(data_dir: Path) -> tuple[str, ...]:
    """Every spelling of every ward and commune of ``data_dir/localities.csv`` (none without the file)."""
    from chitieu.data.localities import read_localities

    return tuple(sorted(read_localities(data_dir).by_variant))


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


def _rule_spans(rule: Rule, line: str) -> list[tuple[int, int]]:
    """Spans of ``line`` that ``rule`` classifies (its ``n`` group when it has one)."""
    has_group = "n" in rule.pattern.groupindex
    return [m.span("n") if has_group else m.span() for m in rule.pattern.finditer(line)]


def classify_line(line: str, line_no: int = 1, places: tuple[str, ...] = ()) -> list[ClassifiedNumber]:
    """Classify every number of one line of text.

    Parameters
    ----------
    line : str
        One line of the raw text (no newline).
    line_no : int
        Its 1-based line number, stored in the results.
    places : tuple of str
        The report's ward and commune spellings (:func:`place_names`).

    Returns
    -------
    list of ClassifiedNumber
        The numbers of :func:`chitieu.data.vnnum.find_numbers`, in order, each with the class of the first rule
        of :func:`rules` whose match covers it, or ``statistic``.
    """
    found = find_numbers(line)
    if not found:
        return []
    decided: list[tuple[str, str] | None] = [None] * len(found)
    for rule in rules(tuple(places)):
        spans = _rule_spans(rule, line)
        for i, num in enumerate(found):
            if decided[i] is None and any(s <= num.start and num.end <= e for s, e in spans):
                decided[i] = (rule.kind, rule.note)
    return [
        ClassifiedNumber(line_no, n.start, n.end, n.text, n.value, *(d or (STATISTIC, "")))
        for n, d in zip(found, decided)
    ]


def classify_numbers(text: str, places: tuple[str, ...] = ()) -> list[ClassifiedNumber]:
    """Find and classify every number of a text, line by line.

    Parameters
    ----------
    text : str
        The raw text (lines separated by ``\\n``).
    places : tuple of str
        The report's ward and commune spellings (:func:`place_names`).

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
        out.extend(classify_line(line, line_no, places))
    return out
