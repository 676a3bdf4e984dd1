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
