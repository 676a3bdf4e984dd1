"""Chapter 7 computations, on the real data."""

import pytest

from chitieu.sections import y_te_dan_so as yt


def test_health_insurance_is_nearly_met_against_98(ds):
    rows = yt.target_rows(ds, ["health_insurance_coverage_rate"], 2023)
    r = rows.iloc[0]
    assert (r["value"], r["qualifier"], r["target_low"]) == (96, "more_than", 98)
    assert r["status_code"] == "nearly_met"  # 2/98 ≈ 2% short, within the 5% tolerance
    assert r["gap"] == pytest.approx(2.0)


def test_indicators_without_target_are_left_out(ds):
    assert yt.target_rows(ds, ["hospital_beds_per_10000"], 2023).empty


def test_every_station_has_a_doctor(ds):
    assert yt.stations_with_doctor_share(ds, 2023) == 100
    assert yt.stations_with_doctor_share(ds, 2022) is None


def test_population_rows_sorted_with_labels(ds):
    rows = yt.population_rows(ds, 2023)
    assert list(rows["value"]) == sorted(rows["value"], reverse=True)
    assert rows["label_vi"].notna().all() and len(rows) == 3


def test_target_bullet_chart_keeps_the_gap_visible(ds):
    spec = yt.target_bullet_chart(yt.target_rows(ds, ["health_insurance_coverage_rate"], 2023)).to_dict()
    domain = spec["layer"][0]["encoding"]["x"]["scale"]["domain"]
    assert domain[0] <= 96 and domain[0] > 0 and domain[1] == 100


@pytest.mark.parametrize("year", [2022, 2023])
def test_texts_read_for_both_years(ds, year):
    texts = yt.texts(ds, year)
    assert all(isinstance(v, str) and "nan" not in v for v in texts.values())
    assert ("trên 96%" in texts["bhyt"]) == (year == 2023)
