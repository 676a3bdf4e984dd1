"""The arithmetic relations on hand-computed cases, rounding edges included (SYNTHETIC datasets)."""

from __future__ import annotations

import pytest
from audit_cases import check, make_ds

from chitieu.analysis.audit import evaluate_check


class TestPercent:
    ds = make_ds(
        [
            ("one", "1", "count", "exact"),
            ("three", "3", "count", "exact"),
            ("p333", "33.3", "percent", "exact"),
            ("p3303", "33.03", "percent", "exact"),
            ("p33", "33", "percent", "exact"),
            ("p3334", "33.34", "percent", "exact"),
            ("p50", "50", "percent", "exact"),
            ("two", "2", "count", "exact"),
            ("four", "4", "count", "exact"),
        ]
    )

    @pytest.mark.parametrize(
        "stated, status",
        [("p333", "rounding"), ("p3303", "fail"), ("p33", "rounding"), ("p3334", "fail")],
    )
    def test_one_third(self, stated, status):
        # 1/3 = 33,333…%: 33,3 (±0,05) and 33 (±0,5) agree within rounding; 33,03 and 33,34 (±0,005) do not.
        assert evaluate_check(self.ds, check("percent", f"{stated} one three")).status == status

    def test_exact_half_passes(self):
        res = evaluate_check(self.ds, check("percent", "p50 two four"))
        assert res.status == "pass" and res.computed == "50" and res.difference == "0"

    def test_missing_denominator_is_unverifiable(self):
        res = evaluate_check(self.ds, check("percent", "p333", missing_vi="mẫu số"))
        assert res.status == "unverifiable" and "mẫu số" in res.message


class TestSum:
    ds = make_ds(
        [
            ("t243", "243", "party_members", "exact"),
            ("t247", "247", "party_members", "exact"),
            ("a", "71", "party_members", "exact"),
            ("b", "81", "party_members", "exact"),
            ("c", "65", "party_members", "exact"),
            ("d", "30", "party_members", "exact"),
            ("l1", "304.203", "billion_vnd", "exact"),
            ("l2", "100.412", "billion_vnd", "exact"),
            ("l3", "100", "billion_vnd", "exact"),
            ("l504", "504", "billion_vnd", "exact"),
            ("l506", "506", "billion_vnd", "exact"),
            ("x31", "31", "count", "exact"),
            ("x9", "9", "count", "exact"),
            ("x5", "5", "count", "exact"),
            ("x27", "27", "count", "exact"),
            ("x28", "28", "count", "exact"),
        ]
    )

    def test_parts_add_up(self):
        res = evaluate_check(self.ds, check("sum", "t247 a b c d"))
        assert res.status == "pass" and res.tolerance == "0"
        assert "71 + 81 + 65 + 30 = 247" in res.message

    def test_parts_do_not_add_up(self):
        res = evaluate_check(self.ds, check("sum", "t243 a b c d"))
        assert res.status == "fail" and res.difference == "4"
        assert "71 + 81 + 65 + 30 = 247 đảng viên ≠ 243 đảng viên" in res.message
        assert "không thể cùng đúng" in res.message and "sai số cho phép 0" in res.message

    def test_within_propagated_half_units(self):
        # 304,203 + 100,412 + 100 = 504,615; half-units 0,0005 + 0,0005 + 0,5 for the parts, 0,5 for the total.
        res = evaluate_check(self.ds, check("sum", "l504 l1 l2 l3"))
        assert res.status == "rounding"
        assert float(res.tolerance) == pytest.approx(1.001)
        assert evaluate_check(self.ds, check("sum", "l506 l1 l2 l3")).status == "fail"

    def test_signed_parts(self):
        assert evaluate_check(self.ds, check("sum", "x27 x31 -x9 x5")).status == "pass"
        res = evaluate_check(self.ds, check("sum", "x28 x31 -x9 x5"))
        assert res.status == "fail" and "31 − 9 + 5 = 27 ≠ 28" in res.message


class TestAverage:
    ds = make_ds(
        [
            ("total", "2800", "persons", "exact"),
            ("avg933", "933", "persons_per_year", "exact"),
            ("avg930", "930", "persons_per_year", "exact"),
            ("t2700", "2700", "persons", "exact"),
            ("avg900", "900", "persons_per_year", "exact"),
        ]
    )

    def test_rounded_average(self):
        res = evaluate_check(self.ds, check("average", "avg933 total", n=3))
        assert res.status == "rounding" and float(res.computed) == pytest.approx(933.333333)

    def test_wrong_average(self):
        assert evaluate_check(self.ds, check("average", "avg930 total", n=3)).status == "fail"

    def test_exact_average(self):
        assert evaluate_check(self.ds, check("average", "avg900 t2700", n=3)).status == "pass"


class TestGrowth:
    ds = make_ds(
        [
            ("start", "100", "billion_vnd", "exact"),
            ("end", "121", "billion_vnd", "exact"),
            ("g10", "10", "percent", "exact"),
            ("g99", "9.9", "percent", "exact"),
            ("g85", "8.5", "percent", "exact"),
            ("s100", "100", "count", "exact"),
            ("e121", "121", "count", "exact"),
        ]
    )

    def test_endpoints_imply_rate(self):
        # (121/100)^(1/2) − 1 = 10 % exactly; with 100 ± 0,5 and 121 ± 0,5 the rate lies in 9,5 % … 10,5 %.
        assert evaluate_check(self.ds, check("growth", "g10 start end", years=2)).status == "pass"
        assert evaluate_check(self.ds, check("growth", "g99 start end", years=2)).status == "rounding"
        assert (
            evaluate_check(self.ds, check("growth", "g85 start end", years=2)).status == "fail"
        )  # 8,45–8,55 misses 9,5–10,5

    def test_exact_endpoints(self):
        assert evaluate_check(self.ds, check("growth", "g10 s100 e121", years=2)).status == "pass"
        assert evaluate_check(self.ds, check("growth", "g99 s100 e121", years=2)).status == "fail"

    def test_missing_endpoint(self):
        res = evaluate_check(self.ds, check("growth", "g10 end", years=1, missing_vi="giá trị năm trước"))
        assert res.status == "unverifiable" and "giá trị năm trước" in res.message

    def test_series_sum_from_rate(self):
        ds = make_ds(
            [
                ("total", "5400", "billion_vnd", "approx"),
                ("last", "1700", "billion_vnd", "approx"),
                ("rate", "8.3", "percent", "exact"),
                ("tot2", "4720", "billion_vnd", "approx"),
            ]
        )
        # 1.700 + 1.700/1,083 + 1.700/1,083² = 4.719,13
        res = evaluate_check(ds, check("growth_series_sum", "total last rate", years=3))
        # The steady path misses 5.400 ± 54 by far, but another path gives 5.400 and 8,3%/năm too (2020 ≈ 1.338,
        # then 1.950, 1.750, 1.700): the figures can all be true, so the verdict is "implausible", not "fail".
        other = [1950, 1750, 1700]
        growth = ((1700 / 1338) ** (1 / 3) - 1) * 100
        assert sum(other) == 5400 and growth == pytest.approx(8.3, abs=0.01)
        assert res.status == "implausible" and float(res.computed) == pytest.approx(4719.126, abs=0.01)
        assert "tăng đúng bằng tốc độ bình quân" in res.reason and "khó tin nhưng có thể đúng" in res.message
        assert evaluate_check(ds, check("growth_series_sum", "tot2 last rate", years=3)).status == "rounding"


class TestSharesWeightsRatios:
    ds = make_ds(
        [
            ("i", "55", "percent", "exact"),
            ("s", "37.5", "percent", "exact"),
            ("a", "7.5", "percent", "exact"),
            ("a2", "8.5", "percent", "exact"),
            ("m93", "93", "percent", "more_than"),
            ("u", "97", "percent", "exact"),
            ("w", "64", "percent", "exact"),
            ("r", "89", "percent", "exact"),
            ("ratio", "1.2", "ratio", "exact"),
            ("num", "60", "million_vnd", "exact"),
            ("den", "50", "million_vnd", "exact"),
        ]
    )

    def test_share_sum(self):
        assert evaluate_check(self.ds, check("share_sum", "i s a")).status == "pass"
        assert evaluate_check(self.ds, check("share_sum", "i s a2")).status == "fail"

    def test_weighted_average_with_rest_weight(self):
        # 97 × 64 % + 89 × 36 % = 94,12 ≥ 93: consistent with "trên 93%", at best rounding.
        res = evaluate_check(self.ds, check("weighted_average", "m93 u w r", rest_weight="true", approx="true"))
        assert res.status == "rounding" and float(res.computed) == pytest.approx(94.12)

    def test_ratio(self):
        assert evaluate_check(self.ds, check("ratio", "ratio num den")).status == "pass"

    def test_the_steps_show_the_arithmetic_in_vietnamese(self):
        # 55 + 37,5 + 7,5 = 100: decimals with a comma, the conclusion last.
        res = evaluate_check(self.ds, check("share_sum", "i s a"))
        assert res.steps[-4] == "Tính lại: 55% + 37,5% + 7,5% = 100%."
        assert res.steps[-1].endswith("khớp đúng.") and res.stated_vi == "100%"
