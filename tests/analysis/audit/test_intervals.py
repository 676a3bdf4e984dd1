"""A stated value as an interval (half a unit, counts exact, khoảng, one-sided) and the comparison rule."""

from __future__ import annotations

import math

import pytest

from chitieu.analysis.audit import intervals
from chitieu.analysis.audit.intervals import compare, corner_range, exact_value, value_interval


class TestIntervals:
    def test_half_unit_from_written_decimals(self):
        assert intervals.half_unit("73.68") == pytest.approx(0.005)
        assert intervals.half_unit("541") == 0.5
        assert intervals.half_unit("5.0") == pytest.approx(0.05)

    def test_counts_are_exact(self):
        v = value_interval(28, "28", "count", "exact")
        assert (v.lo, v.hi, v.exact) == (28, 28, True)
        v = value_interval(541, "541", "billion_vnd", "exact")
        assert (v.lo, v.hi) == (540.5, 541.5)

    def test_approx_width(self):
        v = value_interval(5400, "5400", "billion_vnd", "approx")
        assert (v.lo, v.hi, v.exact) == (5346, 5454, False)  # 1 % of 5.400 (54) beats half a hundred (50)
        v = value_interval(1700, "1700", "billion_vnd", "approx")
        assert (v.lo, v.hi) == (1650, 1750)  # half a hundred (50) beats 1 % (17)

    def test_one_sided_qualifiers(self):
        assert value_interval(93, "93", "percent", "more_than").hi == math.inf
        assert value_interval(80, "80", "persons", "at_most").lo == -math.inf
        nearly = value_interval(2333, "2333", "ha", "nearly")
        assert nearly.hi == 2333 and nearly.lo == pytest.approx(2333 - 23.33)

    def test_unknown_qualifier_is_refused(self):
        with pytest.raises(ValueError, match="qualifier"):
            value_interval(1, "1", "count", "roughly")


class TestRangeAndCompare:
    def test_half_widths_of_a_sum_add(self):
        # 304,203 (±0,0005) + 100 (±0,5): 404,203 ± 0,5005.
        parts = [value_interval(304.203, "304.203", "billion_vnd", "exact"), value_interval(100, "100", "ha", "exact")]
        lo, hi = corner_range(lambda a, b: a + b, parts)
        assert (lo, hi) == (pytest.approx(403.7025), pytest.approx(404.7035))

    def test_a_corner_that_cannot_be_computed_makes_the_range_unbounded(self):
        lo, hi = corner_range(lambda a, b: a / b, [exact_value(1), value_interval(0, "0", "count", "exact")])
        assert (lo, hi) == (-math.inf, math.inf)

    def test_statuses(self):
        stated = value_interval(33.3, "33.3", "percent", "exact")  # 33,25 … 33,35
        third = 100 / 3
        assert compare(stated, third, third, third, True)[0] == "rounding"
        assert compare(exact_value(50), 50.0, 50.0, 50.0, True) == ("pass", 0.0, 0.0)
        status, diff, tol = compare(value_interval(33.03, "33.03", "percent", "exact"), third, third, third, True)
        assert status == "fail" and diff == pytest.approx(third - 33.03) and tol == pytest.approx(0.005)

    def test_exact_agreement_of_approximate_values_is_only_rounding(self):
        assert compare(exact_value(50), 50.0, 50.0, 50.0, False)[0] == "rounding"

    def test_unbounded_tolerance_is_none(self):
        more = value_interval(93, "93", "percent", "more_than")
        assert compare(more, 94.12, 94.0, 94.2, False) == ("rounding", pytest.approx(1.12), None)
