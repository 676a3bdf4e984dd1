import math

import pytest

from chitieu.analysis import formulas as f


class TestGrowthRate:
    def test_closed_form(self):
        assert f.growth_rate(100, 113.5) == pytest.approx(13.5)

    def test_zero_base(self):
        with pytest.raises(ValueError):
            f.growth_rate(0, 5)


class TestAverageAnnualGrowth:
    def test_doubling_in_one_year(self):
        assert f.average_annual_growth(1, 2, 1) == pytest.approx(100)

    def test_compound(self):
        assert f.average_annual_growth(100, 121, 2) == pytest.approx(10)

    def test_bad_input(self):
        with pytest.raises(ValueError):
            f.average_annual_growth(-1, 2, 1)
        with pytest.raises(ValueError):
            f.average_annual_growth(1, 2, 0)


class TestMeanOfGrowthRates:
    def test_equals_cagr(self):
        assert f.mean_of_growth_rates([10, 10]) == pytest.approx(10)
        assert f.mean_of_growth_rates([0, 21]) == pytest.approx((math.sqrt(1.21) - 1) * 100)


class TestShareRatioAverage:
    def test_share_reproduces_report(self):
        # "28/38 trường, đạt 73,68%" (P1:B.II:(5))
        assert round(f.share(28, 38), 2) == 73.68

    def test_ratio_and_average(self):
        assert f.ratio(6, 3) == 2 and f.average(2800, 3) == pytest.approx(933.33, abs=0.01)

    def test_division_by_zero_is_refused(self):
        for fn in (f.share, f.ratio, f.average):
            with pytest.raises(ValueError):
                fn(1, 0)


class TestProgress:
    def test_required_growth_and_ratio(self):
        required = f.required_annual_growth(100, 121, 2)
        assert required == pytest.approx(10)
        assert f.progress_ratio(5, required) == pytest.approx(0.5)

    def test_zero_required(self):
        with pytest.raises(ValueError):
            f.progress_ratio(1, 0)


class TestRemainingGrowthNeeded:
    def test_on_target_every_year_keeps_the_target(self):
        assert f.remaining_growth_needed(14, 3, 14, 5) == pytest.approx(14)

    def test_closed_form(self):
        # 13,7%/năm over 3 years, 14% over 5: (1,14⁵ / 1,137³)^(1/2) − 1.
        assert f.remaining_growth_needed(13.7, 3, 14, 5) == pytest.approx((1.14**5 / 1.137**3) ** 0.5 * 100 - 100)
        # One year left: it must make up the whole term, 1,1² / 1,0 − 1 = 21%.
        assert f.remaining_growth_needed(0, 1, 10, 2) == pytest.approx(21)

    def test_bad_input(self):
        with pytest.raises(ValueError):
            f.remaining_growth_needed(13.7, 5, 14, 5)
        with pytest.raises(ValueError):
            f.remaining_growth_needed(-100, 1, 10, 2)


class TestCountNeeded:
    def test_more_than_90_percent_of_38(self):
        assert f.count_needed(38, 90) == 35
        assert 34 / 38 * 100 < 90 <= 35 / 38 * 100

    def test_exact_product_is_not_rounded_up(self):
        assert f.count_needed(10, 90) == 9

    def test_bad_input(self):
        with pytest.raises(ValueError):
            f.count_needed(0, 90)
