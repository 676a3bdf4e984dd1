"""Chapter 12 on the real data: every 2025 target gets a row, with the classification the method gives."""

import math

import pytest

from huongtra import han_che_nhiem_vu as nv


@pytest.fixture(scope="module")
def t2023(ds):
    return nv.progress_table(ds, 2023).set_index("indicator_id", drop=False)


@pytest.fixture(scope="module")
def t2022(ds):
    return nv.progress_table(ds, 2022).set_index("indicator_id", drop=False)


def test_one_row_per_indicator_with_a_2025_target(ds, t2023):
    expected = set(ds.targets.loc[ds.targets["target_year"] == 2025, "indicator_id"])
    assert set(t2023.index) == expected
    assert t2023.index.is_unique


def test_target_types(t2023):
    assert t2023.loc["budget_revenue_growth_avg", "target_type"] == "rate"
    assert t2023.loc["gdp_growth_avg", "target_type"] == "rate"
    assert t2023.loc["land_use_revenue", "target_type"] == "annual"
    assert t2023.loc["party_admissions_per_year", "target_type"] == "annual"
    assert t2023.loc["income_per_capita", "target_type"] == "level"


def test_classification_2023(t2023):
    codes = t2023["code"].to_dict()
    assert codes == {
        "gdp_growth_avg": "slow",
        "income_per_capita": "on_track",
        "social_investment_growth_avg": "on_track",
        "budget_revenue_growth_avg": "limited",
        "schools_national_standard_rate": "on_track",
        "poverty_rate": "achieved",
        "clean_water_rate": "no_data",
        "village_heads_party_member_rate": "achieved",
        "party_secretary_village_head_rate": "no_data",
        "land_use_revenue": "achieved",
        "ntm_communes_rate": "achieved",
        "ntm_advanced_communes": "no_data",
        "ntm_model_villages": "no_data",
        "health_insurance_coverage_rate": "no_data",
        "party_admissions_per_year": "achieved",
    }


def test_budget_revenue_rate_by_hand(t2023):
    # 8,5 %/năm over 2021–2023 against 13 %: 2024–2025 need ((1,13⁵ / 1,085³)^(1/2) − 1) = 20,1 %/năm, R = 0,42.
    row = t2023.loc["budget_revenue_growth_avg"]
    need = ((1.13**5 / 1.085**3) ** 0.5 - 1) * 100
    assert row["required"] == pytest.approx(need) == pytest.approx(row["remaining_rate"])
    assert row["ratio"] == pytest.approx(8.5 / need)
    assert row["ratio_text_vi"] == "0,42"


def test_gdp_rate_just_short_of_the_needed_pace(t2023):
    # One definition of the pace still needed, chapter 2's: 13,7 % so far needs 14,45 %/năm in 2024–2025
    # for 14 % over the term; R = 13,7 / 14,45 = 0,948, just below 0,95: "đúng hướng nhưng chậm".
    row = t2023.loc["gdp_growth_avg"]
    assert row["required"] == pytest.approx(((1.14**5 / 1.137**3) ** 0.5 - 1) * 100)
    assert row["ratio"] == pytest.approx(13.7 / row["required"]) and row["code"] == "slow"


def test_income_uses_the_longest_span(t2023):
    row = t2023.loc["income_per_capita"]
    # "gấp 1,2 lần so với năm 2020" (2020–2022) beats the 2022–2023 series (one year).
    assert row["observed"] == pytest.approx((math.sqrt(1.2) - 1) * 100)
    assert row["required"] == pytest.approx(((55 / 51) ** 0.5 - 1) * 100)
    assert "income_per_capita_ratio_2020.2022" in row["obs_ids"]


def test_poverty_lower_is_better_achieved_with_falling_pace(t2023):
    row = t2023.loc["poverty_rate"]
    assert row["observed"] == pytest.approx((1.81 / 2.21 - 1) * 100)
    assert row["observed"] < 0


def test_single_figure_gives_required_pace_but_no_data(t2023):
    row = t2023.loc["party_secretary_village_head_rate"]
    assert row["required"] == pytest.approx(((50 / 48.61) ** 0.5 - 1) * 100)
    assert row["observed"] is None or math.isnan(row["observed"])


def test_2022_uses_nothing_later(ds, t2022):
    ids = [oid for ids in t2022["obs_ids"] for oid in ids]
    assert ids and all(ds.observations.loc[oid, "end_year"] <= 2022 for oid in ids)
    assert t2022.loc["gdp_growth_avg", "code"] == "no_data"
    assert t2022.loc["income_per_capita", "code"] == "on_track"
    assert t2022.loc["poverty_rate", "code"] == "no_data"  # 2,21% > 2,2%, one figure only


def test_display_has_no_missing_text(t2023, t2022):
    for table in (t2023, t2022):
        shown = nv.display_table(table.reset_index(drop=True))
        for col in shown.columns:
            assert all(isinstance(v, str) and v not in ("nan", "None") for v in shown[col])
        assert all("nan" not in s and "None" not in s for s in table["sentence_vi"])


def test_months_and_admissions_left():
    assert nv.months_in("2023-01/2023-05") == 5
    assert nv.months_left_need(65, 26) == 39
    assert nv.months_left_need(65, 70) == 0


def test_clusters_total(ds):
    clusters = nv.cluster_plans(ds)
    assert nv.total_area(clusters) == pytest.approx(35 + 24.3 + 58 + 75)
    assert list(clusters["value"]) == sorted(clusters["value"], reverse=True)


def test_limitation_facts_revenue_contradiction(ds):
    facts = nv.limitation_facts(ds, 2023)
    assert facts["land_falls"] is True
    assert facts["schools_needed"] == "4"
    assert "541 tỷ đồng (2022)" in facts["revenue_area"]


def test_format_pace():
    assert nv.format_pace(4.08) == "tăng 4,1%/năm"
    assert nv.format_pace(-18.1) == "giảm 18,1%/năm"
    assert nv.format_pace(0.05) == "tăng 0,05%/năm"
