"""Order, count and verdict relations on hand-computed cases (SYNTHETIC datasets)."""

from __future__ import annotations

from audit_cases import check, make_ds

from chitieu.analysis.audit import evaluate_check


class TestOrderAndCounts:
    ds = make_ds(
        [
            ("q26", "26", "party_members", "exact"),
            ("q30", "30", "party_members", "exact"),
            ("r816", "81.6", "percent", "exact"),
            ("r8158", "81.58", "percent", "exact"),
            ("m93", "93", "percent", "more_than"),
            ("m93b", "93", "percent", "more_than"),
            ("p", "290.05", "ha", "exact"),
            ("whole", "491.98", "ha", "exact"),
            ("v81", "81", "party_members", "exact"),
            ("v65", "65", "party_members", "exact"),
            ("lo", "65", "party_members", "at_least"),
            ("hi", "80", "party_members", "at_most"),
            ("y1", "304.203", "billion_vnd", "exact"),
            ("y2", "100.412", "billion_vnd", "exact"),
            ("y3", "100", "billion_vnd", "exact"),
            ("n8", "8", "persons", "exact"),
        ]
    )

    def test_same_quantity(self):
        assert evaluate_check(self.ds, check("same_quantity", "q26 q30")).status == "fail"
        assert evaluate_check(self.ds, check("same_quantity", "r816 r8158")).status == "rounding"
        assert evaluate_check(self.ds, check("same_quantity", "m93 m93b")).status == "pass"

    def test_part_of(self):
        assert evaluate_check(self.ds, check("part_of", "p whole")).status == "pass"
        assert evaluate_check(self.ds, check("part_of", "whole p")).status == "fail"

    def test_in_range_with_bounds_from_observations(self):
        assert evaluate_check(self.ds, check("in_range", "v81", low="lo", high="hi")).status == "fail"
        assert evaluate_check(self.ds, check("in_range", "v65", low="lo", high="hi")).status == "pass"
        assert evaluate_check(self.ds, check("in_range", "y1 y2 y3", low=80)).status == "pass"

    def test_trend_and_maximum(self):
        assert evaluate_check(self.ds, check("trend", "y1 y2", direction="decreasing")).status == "pass"
        assert evaluate_check(self.ds, check("trend", "y2 y1", direction="decreasing")).status == "fail"
        # 100,412 → 100 (± 0,5): a fall only within the written precision.
        assert evaluate_check(self.ds, check("trend", "y2 y3", direction="decreasing")).status == "rounding"
        assert evaluate_check(self.ds, check("maximum", "y1 y2 y3")).status == "pass"
        assert evaluate_check(self.ds, check("maximum", "y2 y1")).status == "fail"

    def test_count_list(self):
        assert evaluate_check(self.ds, check("count_list", "n8", items="a|b|c|d|e|f|g|h")).status == "pass"
        res = evaluate_check(self.ds, check("count_list", "n8", items="a|b|c|d|e|f|g"))
        assert res.status == "fail" and res.computed == "7"

    def test_in_range_names_the_bound_figures(self):
        res = evaluate_check(self.ds, check("in_range", "v81", low="lo", high="hi"))
        assert res.obs_ids == ["v81", "lo", "hi"] and "vượt mức trên" in res.message
        assert res.stated_vi == "65–80 đảng viên"

    def test_in_range_against_a_target_reads_it_as_every_status_does(self):
        # "từ 65 - 80" of an indicator where more is better binds to its low end (chitieu.analysis.status): 81
        # meets it, as 65 does; 64 does not.
        ds = make_ds(
            [("v81", "81", "party_members", "exact"), ("v65", "65", "party_members", "exact")],
            targets=[("ind_v81", 2025, "between", 65.0, 80.0, "P1:B.II", "hàng năm kết nạp từ 65 - 80 đảng viên")],
        )
        res = evaluate_check(ds, check("in_range", "v81 v65", target="ind_v81"))
        assert res.status == "pass" and res.stated_vi == "từ 65 đảng viên trở lên"
        assert "hàng năm kết nạp từ 65 - 80 đảng viên" in res.quotes and "đạt mức phải đạt" in res.message
        ds.observations.loc["v65", ["value", "value_text"]] = [64.0, "64"]
        assert evaluate_check(ds, check("in_range", "v81 v65", target="ind_v81")).status == "fail"

    def test_qualitative_is_unverifiable(self):
        assert evaluate_check(self.ds, check("qualitative", "n8")).status == "unverifiable"


class TestClassification:
    def test_classification(self):
        ds = make_ds(
            [("heads", "83.33", "percent", "exact"), ("secretaries", "48.61", "percent", "exact")],
            targets=[
                ("ind_heads", 2025, "at_least", 80.0, float("nan"), "P1:B.II", "trên 80%"),
                ("ind_secretaries", 2025, "at_least", 50.0, float("nan"), "P1:B.II", "trên 50%"),
            ],
            assessment=[
                (13, "met", "P1:B.II:fn1", "Chỉ tiêu 13"),
                (13, "nearly_met", "P1:B.II:fn9", "gần đạt"),
                (13, "not_met", "P1:B.II:fn8", "chưa đạt"),
            ],
        )
        assert evaluate_check(ds, check("classification", "heads", resolution_no=13)).status == "pass"
        # The weaker part (48,61 % against > 50 %) decides: nearly met, the report says met. A verdict is a
        # judgement the report never gives its threshold for: a reading issue, not a fail.
        res = evaluate_check(ds, check("classification", "heads secretaries", resolution_no=13))
        assert res.status == "reading" and "không nói ngưỡng" in res.reason
        assert (
            evaluate_check(
                ds, check("classification", "secretaries", resolution_no=13, report_ref="P1:B.II:fn9")
            ).status
            == "pass"
        )
        assert (
            evaluate_check(
                ds, check("classification", "secretaries", resolution_no=13, report_ref="P1:B.II:fn8")
            ).status
            == "rounding"
        )

    def test_verdicts_in_words(self):
        ds = make_ds(
            [("heads", "83.33", "percent", "exact")],
            targets=[("ind_heads", 2025, "at_least", 80.0, float("nan"), "P1:B.II", "trên 80%")],
            assessment=[(13, "nearly_met", "P1:B.II:fn1", "gần đạt")],
        )
        res = evaluate_check(ds, check("classification", "heads", resolution_no=13))
        # 83,33 % against "trên 80%" is met; the report says "gần đạt": met against not met, in the report's words.
        assert (res.status, res.stated_vi, res.computed_vi) == ("reading", "gần đạt", "đạt")
        assert "Phần thứ nhất, mục B.II, chú thích 1" in res.steps[0]
