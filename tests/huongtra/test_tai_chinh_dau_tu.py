"""Chapter 3 (Tài chính – ngân sách – đầu tư)."""

from __future__ import annotations

import pytest

from huongtra import tai_chinh_dau_tu as tc


def test_total_at_constant_growth_closed_form():
    assert tc.total_at_constant_growth(100, 0, 3) == pytest.approx(300)
    assert tc.total_at_constant_growth(121, 10, 3) == pytest.approx(121 + 110 + 100)
    with pytest.raises(ValueError):
        tc.total_at_constant_growth(1, 1, 0)


def test_social_investment_figures_do_not_agree(ds):
    obs = ds.observations
    total, last, g = (
        obs.loc[i, "value"]
        for i in (
            "social_investment_total.2021-2023",
            "social_investment_total.2023",
            "social_investment_growth_avg.2021-2023",
        )
    )
    rest = tc.earlier_years(total, last)
    assert rest == pytest.approx(3700)
    assert rest / 2 > last  # 2023 below the average of the two years before: not "growth"
    assert tc.total_at_constant_growth(last, g, 3) < total - 500
    text = tc.investment_text(ds, 2023).text
    assert "khó khớp" in text and "4.720 tỷ đồng" in text


def test_land_use_parts_vs_stated_total(ds):
    frame = tc.land_use_series(ds, 2023)
    assert list(frame["period"]) == ["2021", "2022", "2023"]
    assert frame["value"].sum() == pytest.approx(504.615)
    assert ds.observations.loc["land_use_revenue.2021-2023", "value"] == 504
    text = tc.land_use_text(ds, 2023)
    assert "504,615 tỷ đồng" in text.text and "land_use_revenue.2021-2023" in text.obs_ids
    assert (frame["value"] > tc.land_use_floor(ds)).all()


def test_revenue_frame_first_statements(ds):
    frame = tc.revenue_frame(ds, 2023)
    assert len(frame) == 4  # the .b repeats are not drawn twice
    assert set(frame["label"]) == set(tc.REVENUE_LABELS.values())
    assert not frame["obs_id"].str.endswith(".b").any()
    chart = tc.revenue_chart(frame).to_dict()
    assert chart["encoding"]["xOffset"]["field"] == "label"


def test_revenue_growth_needed_and_double_statement(ds):
    text = tc.revenue_text(ds, 2023)
    assert "8,5%/năm" in text.text and "20,1%/năm" in text.text
    assert "budget_revenue_growth_avg.2021-2023.b" in text.obs_ids


def test_2022_is_readable(ds):
    assert "chưa có số liệu" in tc.investment_text(ds, 2022).text
    assert "2023" not in tc.revenue_text(ds, 2022).text
    assert tc.investment_table(ds, 2022).empty
    assert list(tc.land_use_series(ds, 2022)["period"]) == ["2021", "2022"]
