"""The period of a candidate: from the years and phrases around its number.

A *mention* is a phrase that names a period (:func:`mentions_in`): ``năm 2022`` → ``2022``,
``giai đoạn 2021-2023`` → ``2021-2023``, ``5 tháng đầu năm 2023`` → ``2023-01/2023-05``,
``Đến ngày 01/4/2023`` → ``2023-04``, ``từ tháng 7/2020`` → ``2020-07/2020-12``, ``từ tháng 8/2020 đến tháng
6/2023`` → ``2020-08/2023-06``, ``đến nay`` / ``hiện nay`` / ``hiện có`` → the year the report is dated
(:attr:`ReportYears.as_of`, read from the raw file's sidecar), ``từ đầu nhiệm kỳ đến nay`` → from the first
year of the term to that year. A comparison (``so với năm 2020``), a price base (``giá so sánh 2020``) and the
name of a term (``nhiệm kỳ 2022-2025``) are not periods.

:func:`period_of` looks for the mention nearest to the number, scope by scope: the number's clause before it,
the rest of the clause, the clauses before it in its sentence, the sentences before it in its paragraph, and
for a footnote the text before its marker. A number said to be yearly (``hàng năm``, ``/năm``, ``tăng bình
quân``) takes the nearest multi-year mention, or the term so far. With no mention at all, a number in a part of
the report about tasks ahead takes the term's last year, any other the report's year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_Y = r"((?:19|20)\d\d)"
_M = r"(0?[1-9]|1[0-2])"

AS_OF = "as_of"
YEAR = "year"
RANGE = "range"
PART_OF_YEAR = "part_of_year"
MONTH = "month"
TERM = "term"


@dataclass(frozen=True)
class ReportYears:
    """The years a report's periods are read against.

    Attributes
    ----------
    as_of : int
        The year the report is dated (its sidecar's ``date_iso``): what ``đến nay`` means.
    term_start, term_end : int or None
        First and last year of the term the report is about (``nhiệm kỳ 2020 - 2025``), when it names one.
    """

    as_of: int
    term_start: int | None = None
    term_end: int | None = None

    @property
    def term_so_far(self) -> str:
        """``term_start-as_of`` (the report's year alone when the term is unknown or starts that year)."""
        if self.term_start is None or self.term_start >= self.as_of:
            return str(self.as_of)
        return f"{self.term_start}-{self.as_of}"


_TERM_RE = re.compile(rf"nhiệm kỳ\s+{_Y}\s*[-–]\s*{_Y}", re.IGNORECASE)


def term_years(text: str) -> tuple[int, int] | None:
    """The first ``nhiệm kỳ YYYY - YYYY`` of a text (the term the report is about), or None."""
    m = _TERM_RE.search(text)
    return (int(m[1]), int(m[2])) if m else None


@dataclass(frozen=True)
class Mention:
    """A phrase naming a period: ``text[start:end]`` means ``period`` (one of the data contract's forms)."""

    start: int
    end: int
    period: str
    kind: str

    @property
    def end_year(self) -> int:
        return int(re.findall(r"\d{4}", self.period)[-1])

    @property
    def is_multi_year(self) -> bool:
        return self.kind in (RANGE, TERM) or "/" in self.period


def _ym(year: str, month: str) -> str:
    return f"{int(year)}-{int(month):02d}"


# Each pattern gives (kind, function of the match and the report's years → period); tried in this order, a
# later pattern never overlaps an earlier one's match.
_PATTERNS: list[tuple[re.Pattern, str, object]] = [
    (
        re.compile(rf"từ\s+tháng\s+{_M}\s*/\s*{_Y}\s*(?:[-–]\s*)?đến\s+tháng\s+{_M}\s*/\s*{_Y}", re.I),
        PART_OF_YEAR,
        lambda m, y: f"{_ym(m[2], m[1])}/{_ym(m[4], m[3])}",
    ),
    (
        re.compile(rf"từ\s+năm\s+{_Y}\s*(?:[-–]\s*)?đến\s+tháng\s+{_M}\s*(?:năm\s+|/\s*){_Y}", re.I),
        PART_OF_YEAR,
        lambda m, y: f"{int(m[1])}-01/{_ym(m[3], m[2])}",
    ),
    (
        re.compile(rf"(\d{{1,2}})\s+tháng\s+đầu\s+năm\s+{_Y}", re.I),
        PART_OF_YEAR,
        lambda m, y: f"{int(m[2])}-01/{_ym(m[2], m[1])}" if 1 <= int(m[1]) <= 12 else None,
    ),
    (
        re.compile(rf"(\d{{1,2}})\s+tháng\s+cuối\s+năm\s+{_Y}", re.I),
        PART_OF_YEAR,
        lambda m, y: f"{_ym(m[2], 13 - int(m[1]))}/{int(m[2])}-12" if 1 <= int(m[1]) <= 12 else None,
    ),
    (
        re.compile(rf"từ\s+tháng\s+{_M}\s*/\s*{_Y}", re.I),
        PART_OF_YEAR,
        lambda m, y: f"{_ym(m[2], m[1])}/{int(m[2])}-12",
    ),
    (
        re.compile(rf"(?:đến|tính\s+đến|tại|vào)\s+ngày\s+\d{{1,2}}\s*/\s*{_M}\s*/\s*{_Y}", re.I),
        MONTH,
        lambda m, y: _ym(m[2], m[1]),
    ),
    (
        re.compile(rf"từ\s+(?:năm\s+)?{_Y}\s*(?:[-–]\s*)?đến\s+nay", re.I),
        RANGE,
        lambda m, y: f"{int(m[1])}-{y.as_of}" if int(m[1]) < y.as_of else str(y.as_of),
    ),
    (
        re.compile(r"(?:từ|so với)\s+đầu\s+nhiệm\s+kỳ(?:\s+(?:đến|tới)\s+nay)?", re.I),
        RANGE,
        lambda m, y: y.term_so_far,
    ),
    (
        re.compile(rf"nhiệm\s+kỳ\s+{_Y}\s*[-–]\s*{_Y}", re.I),
        TERM,
        lambda m, y: f"{m[1]}-{m[2]}" if int(m[1]) < int(m[2]) else None,
    ),
    # Not periods: a price base, a comparison. Matched so that their years are skipped.
    (re.compile(rf"so\s+sánh\s+{_Y}", re.I), None, None),
    (re.compile(rf"so\s+(?:với\s+)?(?:cùng\s+kỳ\s+)?(?:năm\s+)?{_Y}", re.I), None, None),
    (
        re.compile(rf"{_Y}\s*[-–]\s*(?:đến\s+)?{_Y}"),
        RANGE,
        lambda m, y: f"{m[1]}-{m[2]}" if int(m[1]) < int(m[2]) else None,
    ),
    (re.compile(rf"(?:năm|vụ\s+\w+\s+\w+)\s+{_Y}(?![\d.,]\d)", re.I), YEAR, lambda m, y: m[1]),
    (re.compile(r"(?:đến|tới)\s+nay|hiện\s+nay|hiện\s+có|hiện\s+tại|đến\s+thời\s+điểm\s+này", re.I), AS_OF, None),
]

ANNUAL_RE = re.compile(r"hàng\s+năm|mỗi\s+năm|/\s*năm|tăng\s+bình\s+quân|bình\s+quân\s+tăng|trưởng\s+bình\s+quân", re.I)
"""Words saying that a number is yearly (an average over several years)."""


def mentions_in(text: str, years: ReportYears) -> list[Mention]:
    """Every period mention of ``text``, in text order.

    Examples
    --------
    >>> [m.period for m in mentions_in("năm 2022 đạt 5, tăng so với năm 2020; 5 tháng đầu năm 2023: 26",
    ...                                ReportYears(2023, 2020, 2025))]
    ['2022', '2023-01/2023-05']
    """
    taken: list[tuple[int, int]] = []
    out: list[Mention] = []
    for pattern, kind, make in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append(m.span())
            if kind is None:
                continue
            period = str(years.as_of) if kind == AS_OF else make(m, years)
            if period:
                out.append(Mention(m.start(), m.end(), period, kind))
    return sorted(out, key=lambda x: x.start)


@dataclass(frozen=True)
class Scope:
    """Part of a text to look in: ``text[start:end]``; ``nearest_last`` when the mention nearest the number is the
    last one (text before the number), else the first (text after it)."""

    text: str
    start: int
    end: int
    nearest_last: bool = True


@dataclass(frozen=True)
class PeriodFound:
    """The period given to a number, the mention it came from (None for a default) and its scope's index."""

    period: str
    mention: Mention | None
    scope: int | None


FLOW_RE = re.compile(
    r"(?<!\w)(?:đã|được|tổ\s+chức|kết\s+nạp|trao|tiếp\s+nhận|kiểm\s+tra|giám\s+sát|thi\s+hành|điều\s+động|bổ\s+nhiệm"
    r"|giới\s+thiệu|cử|tập\s+huấn|hỗ\s+trợ|đầu\s+tư|xây\s+dựng|cấp\s+mới|cấp\s+đổi|thu\s+hồi|phê\s+duyệt)(?!\w)",
    re.I,
)
"""Words saying that a number counts what was done (over a period), not what there is (at a date)."""
STOCK_RE = re.compile(r"(?<!\w)(?:có|còn|là|(?<!thực\s)hiện)(?!\w)", re.I)
"""Words before a number, in its clause, that state what there is."""


def period_of(
    scopes: list[Scope],
    years: ReportYears,
    *,
    annual: bool,
    plans_part: bool,
    future_ok,
    flow: bool = False,
    default_range: str | None = None,
) -> PeriodFound:
    """The period of a number, from the nearest mention in the first scope that has one.

    Parameters
    ----------
    scopes : list of Scope
        Where to look, in order (see the module's description).
    years : ReportYears
        The report's year and term.
    annual : bool
        The number is yearly (:data:`ANNUAL_RE` in its clause): only a multi-year mention applies, else the
        section's usual range, else the term so far.
    plans_part : bool
        The number lies in a part about the tasks ahead: with no mention, the term's last year.
    future_ok : callable
        ``future_ok(scope, mention)`` → whether a mention ending after the report's year (or a term's name)
        may be the number's period (it may in a plan's context: ``đề ra``, ``kế hoạch``, ``phấn đấu``…).
    flow : bool
        The number counts what was done (:data:`FLOW_RE` before it, no :data:`STOCK_RE`): with no mention, the
        section's usual range, else the term so far.
    default_range : str, optional
        The multi-year period the number's section names most often.
    """
    cache: dict[int, list[Mention]] = {}
    for index, scope in enumerate(scopes):
        key = id(scope.text)
        if key not in cache:
            cache[key] = mentions_in(scope.text, years)
        found = [
            m
            for m in cache[key]
            if scope.start <= m.start
            and m.end <= scope.end
            and (annual <= m.is_multi_year)
            and ((m.end_year <= years.as_of and m.kind != TERM) or plans_part or future_ok(scope, m))
        ]
        if found:
            mention = found[-1] if scope.nearest_last else found[0]
            return PeriodFound(mention.period, mention, index)
    if annual or flow:
        return PeriodFound(default_range or years.term_so_far, None, None)
    if plans_part and years.term_end is not None:
        return PeriodFound(str(years.term_end), None, None)
    return PeriodFound(str(years.as_of), None, None)
