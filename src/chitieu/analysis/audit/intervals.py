"""A stated value as the interval its writing allows, and the range of a formula over such intervals.

Each stated value ``v`` becomes an interval ``[lo, hi]`` from the way the report writes it:

* ``exact`` with ``d`` decimals written: half a unit in the last digit, ``h = 0.5·10^-d`` (``73,68`` →
  ±0,005; ``541`` → ±0,5). A whole number of things counted one by one (:data:`COUNT_UNITS`) is exact:
  ``h = 0`` (28 schools are 28, not 27,5–28,5).
* ``approx`` (khoảng): ``h = max(half a unit of the last non-zero digit, 1 % of |v|)``, so
  "khoảng 5.400" is 5.400 ± 54 and "khoảng 1.700" is 1.700 ± 50.
* ``more_than`` / ``at_least`` (trên, từ … trở lên): ``[v, +∞)``; ``less_than`` / ``at_most``: ``(−∞, v]``;
  ``nearly`` (gần): ``[v − w, v]`` with ``w`` the approx width above.

A computed quantity is evaluated at every corner of its inputs' intervals (:func:`corner_range`), which for
the monotonic formulas of the audit gives its exact range: for a sum the half-widths add (``Σ h``); for a
ratio or percent this is first-order propagation ``h_a/|b| + |a|·h_b/b²`` up to second-order terms; for a
growth rate the formula is evaluated at the interval ends. :func:`compare` then gives the status of a stated
value against a computed one (rules in :mod:`chitieu.analysis.audit`).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

COUNT_UNITS = frozenset({"count", "persons", "households", "party_members", "person_times", "workdays", "beds"})
EPS = 1e-9
"""Relative tolerance of float arithmetic: two numbers this close are equal."""


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
    if all_exact and abs(diff) <= EPS * max(1.0, abs(stated.v)):
        status = "pass"
    elif stated.lo <= c_hi + EPS * max(
        1.0, abs(c_hi) if math.isfinite(c_hi) else 1.0
    ) and c_lo <= stated.hi + EPS * max(1.0, abs(stated.hi) if math.isfinite(stated.hi) else 1.0):
        status = "rounding"
    else:
        status = "fail"
    c_half = max(computed - c_lo, c_hi - computed)
    tol = stated.half + c_half
    return status, diff, (tol if math.isfinite(tol) else None)
