"""Chapter 8 computations, on the real data."""

import pytest

from chitieu.book import chapter
from chitieu.book import keyindicators as ki
from huongtra import van_hoa_xa_hoi as vh


def test_medals_add_up(ds):
    rows = vh.medal_rows(ds, 2023)
    assert set(rows["member"]) == {"gold", "silver", "bronze"}
    assert vh.medals_total(rows) == 30


def test_stated_yearly_averages_are_totals_over_three_years(ds):
    jt = chapter.latest(ds, "jobs_created_total", 2023)
    assert vh.period_years(jt["period"]) == 3
    assert vh.stated_average_holds(2800, 3, 933)
    assert vh.stated_average_holds(274, 3, 91)
    assert not vh.stated_average_holds(2800, 3, 900)


def test_implied_start_rates():
    assert vh.implied_start_rate(2.21, 2.76) == pytest.approx(4.97)
    assert vh.implied_start_rate(1.81, 2.76) == pytest.approx(4.57)


def test_poverty_series_takes_first_statement_per_year(ds):
    s = vh.poverty_series(ds, 2023)
    assert list(s["period"]) == ["2022", "2023"]
    assert list(s["obs_id"]) == ["poverty_rate.2022", "poverty_rate.2023"]
    assert list(s["status"]) == ["actual", "estimate"]


def test_culture_rows_are_sorted_percentages(ds):
    rows = vh.culture_rows(ds, 2023)
    assert list(rows["value"]) == [93, 90.8, 90.3]
    assert vh.culture_rows(ds, 2022).empty


@pytest.mark.parametrize("year,status_word", [(2023, "đạt"), (2022, "gần đạt")])
def test_poverty_text_follows_the_rule(ds, year, status_word):
    texts = vh.texts(ds, year, ki.key_indicators(ds, year))
    assert f"chỉ tiêu này {status_word}" in texts["poverty"]
    assert all(isinstance(v, str) and "nan" not in v for v in texts.values())
