"""The formulas of the book, each a pure function with the report passage it reproduces.

No I/O here: every function takes numbers and returns numbers, so that an auditor can recompute each
figure by hand and the tests can check each against a closed-form result.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def growth_rate(previous: float, current: float) -> float:
    """Growth of ``current`` over ``previous``, in percent.

    ``g = (current / previous − 1) × 100``

    Reproduces e.g. "năm 2023 giá trị sản xuất … dự ước đạt 7.943 tỷ đồng, tăng 13,5% so năm 2022"
    (P1:B.II:(1)).

    Raises
    ------
    ValueError
        If ``previous`` is zero or negative (growth is undefined).
    """
    if previous <= 0:
        raise ValueError(f"growth is undefined from a base of {previous}")
    return (current / previous - 1.0) * 100.0


def average_annual_growth(start: float, end: float, years: float) -> float:
    """Average annual (compound) growth from ``start`` to ``end`` over ``years`` years, in percent.

    ``CAGR = ((end / start) ** (1 / years) − 1) × 100``

    Reproduces the report's "tăng trưởng bình quân …%/năm" (e.g. P1:B.II:(3), social investment
    8,3%/năm), when both endpoints are known.

    References
    ----------
    Open SDG progress methodology (open-sdg/open-sdg-data-starter, docs/progress-methodology.md) uses the
    same compound rate for the observed and the required pace.
    """
    if start <= 0 or end <= 0:
        raise ValueError("average growth needs positive endpoints")
    if years <= 0:
        raise ValueError("years must be positive")
    return ((end / start) ** (1.0 / years) - 1.0) * 100.0


def mean_of_growth_rates(rates: Sequence[float]) -> float:
    """Geometric mean of yearly growth rates (percent), i.e. the compound average of a series of rates.

    ``ḡ = ((Π (1 + gᵢ/100))^(1/n) − 1) × 100``
    """
    if not rates:
        raise ValueError("no growth rates")
    product = math.prod(1.0 + r / 100.0 for r in rates)
    if product <= 0:
        raise ValueError("growth rates imply a non-positive level")
    return (product ** (1.0 / len(rates)) - 1.0) * 100.0


def share(part: float, total: float) -> float:
    """``part`` as a percent of ``total``.

    ``s = part / total × 100``

    Reproduces e.g. "28/38 trường, đạt 73,68%" (P1:B.II:(5)).
    """
    if total == 0:
        raise ValueError("share of a zero total")
    return part / total * 100.0


def ratio(numerator: float, denominator: float) -> float:
    """How many times ``numerator`` is ``denominator`` (the report's "gấp … lần", e.g. P1:B.II:(2)).

    ``k = numerator / denominator``
    """
    if denominator == 0:
        raise ValueError("ratio to zero")
    return numerator / denominator


def average(total: float, count: float) -> float:
    """A period total per year (e.g. 2.800 jobs over 3 years ≈ 933 a year).

    ``a = total / count``
    """
    if count == 0:
        raise ValueError("average over zero items")
    return total / count


def required_annual_growth(current: float, target: float, years_left: float) -> float:
    """Annual compound growth needed to move from ``current`` to ``target`` in ``years_left`` years.

    ``r = ((target / current) ** (1 / years_left) − 1) × 100`` — the "required pace" of Open SDG's progress
    method.
    """
    return average_annual_growth(current, target, years_left)


def progress_ratio(observed_growth: float, required_growth: float) -> float:
    """Open SDG's progress ratio: observed pace over required pace.

    ``ratio = observed / required``

    A ratio of 1 or more means on track. Defined only for a required pace that is not zero.
    """
    if required_growth == 0:
        raise ValueError("required pace is zero: the target is already reached")
    return observed_growth / required_growth


def remaining_growth_needed(achieved: float, achieved_years: float, target: float, total_years: float) -> float:
    """Average yearly growth the remaining years need so that the whole term averages ``target``.

    ``r = ((1 + T/100)^N / (1 + g/100)^n)^(1 / (N − n)) × 100 − 100``, with ``g`` the average already
    achieved (percent a year) over ``n`` years and ``T`` the term's target average over ``N`` years.

    Reproduces the gap behind "Tốc độ tăng trưởng kinh tế bình quân giai đoạn 2021-2023 đạt 13,7%/năm²"
    with footnote ² "Kế hoạch đề ra 14-15%" (P1:B.II:(1)): with 13,7% over 2021–2023, 2024 and 2025 must
    grow about 14,5%/năm for the term to average 14%.

    Raises
    ------
    ValueError
        If no year is left (``total_years <= achieved_years``) or a rate is −100% or less.
    """
    left = total_years - achieved_years
    if left <= 0:
        raise ValueError("no year left in the term")
    if achieved <= -100 or target <= -100:
        raise ValueError("a growth rate of -100% or less has no level")
    level = (1 + target / 100) ** total_years / (1 + achieved / 100) ** achieved_years
    return (level ** (1 / left) - 1) * 100


def count_needed(total: float, target_percent: float) -> int:
    """Fewest items (of ``total``) that must meet a standard for their share to reach ``target_percent``.

    ``n = ⌈total × target / 100⌉`` (nudged down by a hair so that an exact product is not rounded up).
    With the 38 schools and the ">90%" of footnote ⁶ of P1:B.II: 38 × 0,9 = 34,2 → 35 schools (34/38 is only
    89,47%, so the strict and non-strict readings of ">" agree here).

    Raises
    ------
    ValueError
        If ``total`` is not positive.
    """
    if total <= 0:
        raise ValueError("total must be positive")
    return int(math.ceil(total * target_percent / 100.0 - 1e-9))
