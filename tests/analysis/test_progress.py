"""The progress method (chitieu.analysis.progress): closed-form cases, threshold edges, direction, target types."""

import math

import pytest

from chitieu.analysis import progress as pg
from chitieu.analysis.progress import Target


class TestPaces:
    def test_observed_pace_from_levels_closed_form(self):
        # 100 → 121 in two years is exactly 10%/năm.
        assert pg.observed_pace_from_levels(100, 121, 2) == pytest.approx(10.0)

    def test_observed_pace_from_ratio(self):
        # "gấp 1,2 lần so với năm 2020" in 2022: sqrt(1,2) − 1 = 9,5445%.
        assert pg.observed_pace_from_ratio(1.2, 2) == pytest.approx((math.sqrt(1.2) - 1) * 100)

    def test_required_pace_closed_form(self):
        # From 81 to 100 in 2 years needs exactly 100/81 = (10/9)^2, i.e. 11,11%/năm.
        assert pg.required_pace(81, 100, 2) == pytest.approx(100 / 9)

    def test_required_pace_negative_when_target_is_lower(self):
        # Poverty 2,21% to 2,2% in 3 years: a small fall.
        assert pg.required_pace(2.21, 2.2, 3) < 0

    def test_remaining_rate_for_average_closed_form(self):
        # 10%/năm for 2 years, target 10%/năm over 4 years: the other 2 years need 10% too.
        assert pg.remaining_rate_for_average(10, 2, 10, 4) == pytest.approx(10.0)
        # 0% for 1 year, target 10% over 2 years: the second year needs 1,1² − 1 = 21%.
        assert pg.remaining_rate_for_average(0, 1, 10, 2) == pytest.approx(21.0)

    def test_remaining_rate_for_budget_revenue(self):
        # 8,5%/năm over 2021–2023 against 13%/năm over 2021–2025.
        expected = ((1.13**5 / 1.085**3) ** 0.5 - 1) * 100
        assert pg.remaining_rate_for_average(8.5, 3, 13, 5) == pytest.approx(expected)
        assert round(expected, 1) == 20.1

    def test_remaining_rate_needs_years_left(self):
        with pytest.raises(ValueError):
            pg.remaining_rate_for_average(8.5, 5, 13, 5)


class TestThresholds:
    @pytest.mark.parametrize(
        ("ratio", "code"),
        [
            (2.0, "on_track"),
            (1.0, "on_track"),
            (0.95, "on_track"),  # edge: on track at 0,95 exactly
            (0.9499, "slow"),
            (0.6, "slow"),  # edge: slow at 0,6 exactly
            (0.5999, "limited"),
            (0.0001, "limited"),
            (0.0, "no_progress"),  # edge: a zero pace is no progress (Open SDG: limited)
            (-0.5, "no_progress"),
        ],
    )
    def test_classify_ratio_edges(self, ratio, code):
        assert pg.classify_ratio(ratio) == code

    def test_every_category_has_icon_word_and_colour(self):
        assert set(pg.CATEGORY_LABELS) == set(pg.CATEGORY_COLOURS)
        for code, (icon, word) in pg.CATEGORY_LABELS.items():
            assert icon and word
            assert pg.category_label(code) == f"{icon} {word}"


class TestBindingBound:
    def test_kinds(self):
        assert pg.binding_bound(Target("at_least", 90), True) == 90
        assert pg.binding_bound(Target("at_most", None, 5), False) == 5
        assert pg.binding_bound(Target("equals", 2, 2), True) == 2
        assert pg.binding_bound(Target("between", 55, 60), True) == 55
        assert pg.binding_bound(Target("between", 2, 2.2), False) == 2.2

    def test_neutral_between_takes_the_nearer_bound(self):
        assert pg.binding_bound(Target("between", 10, 20), None, 5) == 10
        assert pg.binding_bound(Target("between", 10, 20), None, 25) == 20


class TestAssessLevel:
    def test_closed_form_on_track(self):
        # Observed 10%/năm, required from 81 to 100 in 2 years 11,11%/năm: R = 0,9 → slow.
        result = pg.assess_level(81, "exact", Target("at_least", 100), True, 10.0, 2)
        assert result.required == pytest.approx(100 / 9)
        assert result.ratio == pytest.approx(0.9)
        assert result.code == "slow"

    def test_ratio_exactly_at_threshold(self):
        # Required 10%/năm (100 → 121 in 2 years); observed 9,5 → R = 0,95 → on track.
        result = pg.assess_level(100, "exact", Target("at_least", 121), True, 9.5, 2)
        assert result.ratio == pytest.approx(0.95)
        assert result.code == "on_track"

    def test_achieved_has_no_ratio(self):
        result = pg.assess_level(83.33, "exact", Target("at_least", 80), True, None, 2)
        assert result.code == "achieved" and result.ratio is None

    def test_lower_is_better_falling_is_progress(self):
        # Poverty 3% → target 2,2% in 2 years; observed −20%/năm.
        result = pg.assess_level(3.0, "exact", Target("between", 2, 2.2), False, -20.0, 2)
        assert result.required < 0 and result.ratio > 0
        assert result.code == "on_track"

    def test_lower_is_better_rising_is_going_backwards(self):
        result = pg.assess_level(3.0, "exact", Target("between", 2, 2.2), False, 5.0, 2)
        assert result.ratio < 0 and result.code == "no_progress"

    def test_lower_is_better_achieved(self):
        assert pg.assess_level(1.81, "exact", Target("between", 2, 2.2), False, -18.1, 2).code == "achieved"

    def test_no_value_or_no_pace_is_no_data(self):
        assert pg.assess_level(None, "exact", Target("at_least", 90), True, 5.0, 2).code == "no_data"
        result = pg.assess_level(48.61, "exact", Target("at_least", 50), True, None, 2)
        assert result.code == "no_data" and result.required == pytest.approx(((50 / 48.61) ** 0.5 - 1) * 100)

    def test_on_the_bound_but_stated_nearly(self):
        # "gần 50%" against ≥50%: not met, required pace 0; any rise counts as on track.
        assert pg.assess_level(50, "nearly", Target("at_least", 50), True, 1.0, 2).code == "on_track"
        assert pg.assess_level(50, "nearly", Target("at_least", 50), True, -1.0, 2).code == "no_progress"

    def test_target_year_passed_is_an_error(self):
        with pytest.raises(ValueError):
            pg.assess_level(40, "exact", Target("at_least", 50), True, 1.0, 0)


class TestAssessRate:
    def test_rate_ratio_is_observed_over_the_pace_the_remaining_years_need(self):
        # 8,5 %/năm for 3 of 5 years against 13 %/năm: 2024–2025 need ((1,13⁵ / 1,085³)^(1/2) − 1) = 20,1 %/năm,
        # so R = 8,5 / 20,1 = 0,42: limited progress (the pace of chapter 2's "needed pace", one definition).
        result = pg.assess_rate(8.5, Target("between", 13, 15), True, years_done=3, years_total=5)
        need = ((1.13**5 / 1.085**3) ** 0.5 - 1) * 100
        assert result.required == pytest.approx(need) == pytest.approx(20.10, abs=0.01)
        assert result.ratio == pytest.approx(8.5 / need)
        assert result.code == "limited"
        assert result.remaining_rate == pytest.approx(pg.remaining_rate_for_average(8.5, 3, 13, 5))

    def test_growth_just_short_of_the_needed_pace_is_slow(self):
        # 13,7 %/năm for 2021–2023 against 14 %: the last two years need 14,45 %/năm, R = 0,948 < 0,95.
        result = pg.assess_rate(13.7, Target("between", 14, 15), True, years_done=3, years_total=5)
        assert result.required == pytest.approx(14.4515, abs=1e-3) and result.code == "slow"

    def test_a_pace_already_ahead_is_on_track(self):
        # 30 %/năm for 4 of 5 years against 8 %: the last year could fall and still average 8 %.
        result = pg.assess_rate(30, Target("at_least", 8), True, years_done=4, years_total=5)
        assert result.required < 0 and result.code == "on_track" and result.ratio is None

    def test_rate_at_target_is_on_track_not_achieved(self):
        result = pg.assess_rate(14, Target("between", 14, 15), True)
        assert result.ratio == pytest.approx(1.0) and result.code == "on_track"

    def test_rate_edges(self):
        assert pg.assess_rate(13.3, Target("at_least", 14), True).code == "on_track"  # 0,95 exactly
        assert pg.assess_rate(8.4, Target("at_least", 14), True).code == "slow"  # 0,6 exactly
        assert pg.assess_rate(-1, Target("at_least", 14), True).code == "no_progress"

    def test_no_rate_is_no_data(self):
        assert pg.assess_rate(None, Target("at_least", 14), True).code == "no_data"


class TestAssessAnnual:
    def test_every_year_met_is_achieved(self):
        result = pg.assess_annual([(81, "exact"), (65, "exact")], Target("between", 65, 80), True, -19.8)
        assert result.code == "achieved"

    def test_latest_year_missed_is_judged_with_one_year_left(self):
        # 100 then 60 against ≥80: needs +33,3% next year, observed −40%/năm → going backwards.
        result = pg.assess_annual([(100, "exact"), (60, "exact")], Target("at_least", 80), True, -40.0)
        assert result.required == pytest.approx((80 / 60 - 1) * 100)
        assert result.code == "no_progress"

    def test_no_year_is_no_data(self):
        assert pg.assess_annual([], Target("at_least", 80), True, None).code == "no_data"
