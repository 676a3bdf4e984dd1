import math

import pytest

from chitieu import formulas as f


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
