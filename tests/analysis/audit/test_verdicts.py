"""The verdict scale on hand-worked cases (SYNTHETIC datasets): ``fail`` only when the stated figures cannot
all be true at their stated precision; ``implausible`` when they can, but only off the path a formula assumes;
``reading`` when the outcome rests on how a sentence is read; the arithmetic shown at the stated precision."""

from __future__ import annotations

import pytest
from audit_cases import check, make_ds

from chitieu.analysis import audit
from chitieu.analysis.audit import evaluate_check
from chitieu.data.checks import Check


class TestFailIsArithmetic:
    ds = make_ds(
        [
            ("n27", "27", "count", "exact"),
            ("n38", "38", "count", "exact"),
            ("p7105", "71.05", "percent", "exact"),
            ("p7106", "71.06", "percent", "exact"),
            ("p8106", "81.06", "percent", "exact"),
            ("n31", "31", "count", "exact"),
        ]
    )

    def test_a_rate_its_fraction_rounds_to_is_rounding_and_shown_at_its_precision(self):
        # 27/38 × 100 = 71,0526…; written with 2 decimals it is 71,05: the difference at that precision is 0.
        res = evaluate_check(self.ds, check("percent", "p7105 n27 n38"))
        assert res.status == "rounding"
        rounded = "Tính lại: 27 / 38 × 100 (%) = 71,0526%, làm tròn đến 2 chữ số thập phân như số báo cáo ghi: 71,05%."
        assert rounded in res.steps
        assert "Chênh lệch ở độ chính xác báo cáo ghi: 71,05 − 71,05 = 0; " in res.steps[-2]
        assert "0,0026" not in " ".join(res.steps) + res.message

    def test_one_hundredth_off_is_a_fail(self):
        # 71,06 is outside [71,0526 − 0,005 … + 0,005] on any reading of its last digit: the figures cannot
        # all be true.
        res = evaluate_check(self.ds, check("percent", "p7106 n27 n38"))
        assert res.status == "fail" and "71,05 − 71,06 = −0,01" in res.steps[-2]

    def test_a_typo_in_a_rate_is_a_fail_with_the_difference_at_two_decimals(self):
        # 31/38 = 81,5789… → 81,58; stated 81,06: 0,52 apart.
        res = evaluate_check(self.ds, check("percent", "p8106 n31 n38"))
        # Between two percentages the gap is in percentage points, and so is the tolerance.
        assert res.status == "fail"
        assert "(chênh 0,52 điểm phần trăm, sai số cho phép ±0,005 điểm phần trăm)" in res.message
        assert (
            "81,58 − 81,06 = 0,52 điểm phần trăm; sai số cho phép do cách ghi số: ±0,005 điểm phần trăm:"
            in (res.steps[-2])
        )

    def test_the_same_rate_written_twice_differs_by_percentage_points(self):
        # 73,68% (item (5)) and 71,05% (the schools section) for 2022: 2,63 percentage points apart, not "2,63%".
        ds = make_ds([("a", "73.68", "percent", "exact"), ("b", "71.05", "percent", "exact")])
        res = evaluate_check(ds, check("same_quantity", "a b"))
        assert res.status == "fail"
        assert res.steps[-1].startswith("Kết luận: hai cách ghi chênh nhau 2,63 điểm phần trăm")

    def test_a_gap_in_money_keeps_its_unit(self):
        # 304,203 + 100,412 + 100 = 504,615 → 505 tỷ đồng at the stated precision; stated 504.
        ds = make_ds(
            [
                ("t", "504", "billion_vnd", "exact"),
                ("x", "304.203", "billion_vnd", "exact"),
                ("y", "100.412", "billion_vnd", "exact"),
                ("z", "100", "billion_vnd", "exact"),
            ]
        )
        res = evaluate_check(ds, check("sum", "t x y z"))
        assert "= 504,615 tỷ đồng, làm tròn đến hàng đơn vị như số báo cáo ghi: 505 tỷ đồng." in res.steps[-4]
        assert "505 − 504 = 1 tỷ đồng; sai số cho phép do cách ghi số: ±" in res.steps[-2]
        assert res.steps[-2].split("±", 1)[1].split(":")[0].endswith(" tỷ đồng")


class TestImplausible:
    def test_weights_that_are_only_proxies_never_fail(self):
        # End-of-period shares 55 / 37,5 / 7,5, growth 15,4 / 13,6 / 2,9 %/năm over three years: base-year weights
        # 55/1,154³ = 35,79, 37,5/1,136³ = 25,58, 7,5/1,029³ = 6,88 (sum 68,25), so the total grew
        # (100 / 68,25)^(1/3) − 1 = 13,58 %/năm, not 13,7: with proxy weights this is implausible, not wrong.
        ds = make_ds(
            [
                ("g", "13.7", "percent", "exact"),
                ("gi", "15.4", "percent", "exact"),
                ("wi", "55", "percent", "exact"),
                ("gs", "13.6", "percent", "exact"),
                ("ws", "37.5", "percent", "exact"),
                ("ga", "2.9", "percent", "exact"),
                ("wa", "7.5", "percent", "exact"),
            ]
        )
        for oid in ds.observations.index:
            ds.observations.loc[oid, ["period", "start_year", "end_year"]] = ["2021-2023", 2021, 2023]
        res = evaluate_check(ds, check("weighted_average", "g gi wi gs ws ga wa", end_shares="true", approx="true"))
        assert float(res.computed) == pytest.approx(13.578, abs=0.001)
        assert res.status == "implausible" and "tỷ trọng trong cơ cấu kinh tế" in res.reason
        exact = evaluate_check(ds, check("weighted_average", "g gi wi gs ws ga wa", end_shares="true"))
        assert exact.status == "fail"  # the same figures with exact weights would be wrong

    def test_two_parts_growing_alike_give_their_rate(self):
        ds = make_ds(
            [
                ("g", "10", "percent", "exact"),
                ("g1", "10", "percent", "exact"),
                ("w1", "60", "percent", "exact"),
                ("g2", "10", "percent", "exact"),
                ("w2", "40", "percent", "exact"),
            ]
        )
        res = evaluate_check(ds, check("weighted_average", "g g1 w1 g2 w2", end_shares="true"))
        assert float(res.computed) == pytest.approx(10.0) and res.status == "pass"


class TestReading:
    ds = make_ds([("a", "264", "count", "exact"), ("b", "255", "count", "exact"), ("c", "8.5", "percent", "exact")])

    def test_a_stated_reading_turns_a_fail_into_a_reading_issue_with_its_reason(self):
        res = evaluate_check(self.ds, check("same_quantity", "a b", reading_vi="nhãn của thân bài rộng hơn"))
        assert res.status == "reading" and res.reason == "nhãn của thân bài rộng hơn"
        assert res.message.endswith("— vấn đề câu chữ, cách hiểu: nhãn của thân bài rộng hơn.")
        assert "Theo cách đọc của phép kiểm tra này, các con số không khớp." in res.steps

    def test_a_match_between_two_scopes_is_not_a_pass(self):
        res = evaluate_check(self.ds, check("same_quantity", "c c", reading_vi="hai phạm vi khác nhau"))
        assert res.status == "reading" and "các con số khớp đúng" in res.steps[-2]

    def test_an_unverifiable_check_stays_unverifiable(self):
        res = evaluate_check(self.ds, check("percent", "c", missing_vi="mẫu số", reading_vi="x"))
        assert res.status == "unverifiable"


class TestTheReportsVerdicts:
    """Hand-worked: indicator 1 is 2,14% short of 14% and "chưa đạt", indicator 2 is 2,78% short of 50% and
    "đạt", indicator 3 is 0,1% short of 100% and "gần đạt" in one place, "chưa đạt" in another."""

    ds = make_ds(
        [("x1", "13.7", "percent", "exact"), ("x2", "48.61", "percent", "exact"), ("x3", "99.9", "percent", "exact")],
        targets=[
            ("ind_x1", 2025, "at_least", 14.0, None, "P1:B.II:fn2", "t1"),
            ("ind_x2", 2025, "at_least", 50.0, None, "P1:B.II:fn2", "t2"),
            ("ind_x3", 2025, "at_least", 100.0, None, "P1:B.II:fn2", "t3"),
        ],
        assessment=[
            (1, "not_met", "P1:B.II:fn1", "q"),
            (2, "met", "P1:B.II:fn1", "q"),
            (3, "nearly_met", "P1:B.II:fn1", "q"),
            (3, "not_met", "P1:B.II:fn8", "q8"),
        ],
    )

    def _checks(self):
        return [
            Check("c1", "classification", ((1, "x1"),), {"resolution_no": "1"}, "Chỉ tiêu 1", "P1:B.II", "", 2),
            Check("c2", "classification", ((1, "x2"),), {"resolution_no": "2"}, "Chỉ tiêu 2", "P1:B.II", "", 3),
            Check("c3", "classification", ((1, "x3"),), {"resolution_no": "3"}, "Chỉ tiêu 3", "P1:B.II", "", 4),
            Check(
                "c3b",
                "classification",
                ((1, "x3"),),
                {"resolution_no": "3", "report_ref": "P1:B.II:fn8"},
                "Chỉ tiêu 3 ở chú thích 8",
                "P1:B.II:fn8",
                "",
                5,
            ),
        ]

    def test_met_against_a_shortfall_is_a_reading_issue_not_a_fail(self):
        res = audit.evaluate_all(self.ds, self._checks())
        by_id = {r.check_id: r for r in res}
        assert by_id["c2"].status == "reading" and "không nói ngưỡng" in by_id["c2"].reason
        assert by_id["c1"].status == "rounding"  # 2,14% short: "gần đạt" by the book's 5 % rule, "chưa đạt" here
        assert by_id["c3"].status == "pass"

    def test_the_consistency_check_finds_the_inversions_and_the_double_verdict(self):
        checks = self._checks()
        consistency = Check(
            "cc", "classification_consistency", (), {"checks": "c1 c2 c3 c3b"}, "Nhất quán", "P1:B.II", "", 6
        )
        res = audit.evaluate_all(self.ds, [*checks, consistency])[-1]
        assert res.status == "reading"
        assert "chỉ tiêu 3 được đánh giá hai cách" in res.reason
        assert (
            "chỉ tiêu 1 (thiếu 2,1% so với mức) bị xếp chưa đạt, còn chỉ tiêu 2 (thiếu 2,8% so với mức)" in res.reason
        )
        assert "chỉ tiêu 3 (thiếu 0,1% so với mức) bị xếp gần đạt" in res.reason
        assert set(res.obs_ids) == {"x1", "x2", "x3"}

    def test_verdicts_in_one_order_are_consistent(self):
        checks = self._checks()[:1] + [self._checks()[2]]
        consistency = Check("cc", "classification_consistency", (), {"checks": "c1 c3"}, "Nhất quán", "P1:B.II", "", 6)
        # 1: 2,1% short, chưa đạt; 3: 0,1% short, gần đạt: the closer one has the better verdict.
        assert audit.evaluate_all(self.ds, [*checks, consistency])[-1].status == "pass"


class TestTolerance:
    def test_an_unbounded_tolerance_is_said_in_words(self):
        ds = make_ds(
            [("t", "100", "percent", "exact"), ("a", "60", "percent", "more_than"), ("b", "40", "percent", "exact")]
        )
        res = evaluate_check(ds, check("sum", "t a b"))
        assert res.tolerance == "" and "không giới hạn về một phía" in res.tolerance_vi
        assert "vì trên 60% chỉ là một cận" in res.steps[-2]
