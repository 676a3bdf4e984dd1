"""Periods as the data writes them: ``2022``, ``2021-2023``, ``2023-04``, ``2023-01/2023-05``."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from chitieu.data.contract import MAX_YEAR, MIN_YEAR

_YEAR = re.compile(r"([0-9]{4})")
_RANGE = re.compile(r"([0-9]{4})-([0-9]{4})")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_MONTH_RANGE = re.compile(r"([0-9]{4})-([0-9]{2})/([0-9]{4})-([0-9]{2})")


@dataclass(frozen=True)
class Period:
    """A parsed period: first and last year it covers, and whether it spans several years."""

    text: str
    start_year: int
    end_year: int
    start_month: int = 1
    end_month: int = 12

    @property
    def is_multi_year(self) -> bool:
        return self.end_year > self.start_year

    @property
    def is_partial_year(self) -> bool:
        return (self.start_month, self.end_month) != (1, 12)


@functools.lru_cache(maxsize=4096)
def parse_period(text: str) -> Period:
    """Parse a period, raising ``ValueError`` with the reason when it is not valid.

    Years must lie in [MIN_YEAR, MAX_YEAR], months in 1–12, and a range must run forward. Cached: a
    dataset repeats a few dozen periods over every row (a ``Period`` is immutable).
    """
    text = text.strip()
    if m := _YEAR.fullmatch(text):
        period = Period(text, int(m[1]), int(m[1]))
    elif m := _RANGE.fullmatch(text):
        period = Period(text, int(m[1]), int(m[2]))
    elif m := _MONTH.fullmatch(text):
        period = Period(text, int(m[1]), int(m[1]), int(m[2]), int(m[2]))
    elif m := _MONTH_RANGE.fullmatch(text):
        period = Period(text, int(m[1]), int(m[3]), int(m[2]), int(m[4]))
    else:
        raise ValueError("expected YYYY, YYYY-YYYY, YYYY-MM or YYYY-MM/YYYY-MM")
    for year in (period.start_year, period.end_year):
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError(f"year {year} outside {MIN_YEAR}-{MAX_YEAR}")
    for month in (period.start_month, period.end_month):
        if not 1 <= month <= 12:
            raise ValueError(f"month {month} outside 1-12")
    if (period.start_year, period.start_month) > (period.end_year, period.end_month):
        raise ValueError("the period ends before it starts")
    if _RANGE.fullmatch(text) and period.start_year == period.end_year:
        raise ValueError("a multi-year period needs two different years")
    return period


@functools.lru_cache(maxsize=65536)
def format_period(period: str) -> str:
    """A period as readers write it: ``"2021-2023"`` → ``"2021–2023"``; ``"2023-01/2023-05"`` →
    ``"01/2023–05/2023"``; ``"2023-04"`` → ``"04/2023"``; a single year (or anything else) as it is."""
    if m := _MONTH_RANGE.fullmatch(period):
        return f"{m[2]}/{m[1]}–{m[4]}/{m[3]}"
    if m := _MONTH.fullmatch(period):
        return f"{m[2]}/{m[1]}"
    if m := _RANGE.fullmatch(period):
        return f"{m[1]}–{m[2]}"
    return period
