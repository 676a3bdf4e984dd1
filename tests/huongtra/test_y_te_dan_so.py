"""Chapter 7 computations, on the real data."""

import pytest

from huongtra import y_te_dan_so as yt


def test_every_station_has_a_doctor(ds):
    assert yt.stations_with_doctor_share(ds, 2023) == 100
    assert yt.stations_with_doctor_share(ds, 2022) is None


def test_population_rows_sorted_with_labels(ds):
    rows = yt.population_rows(ds, 2023)
    assert list(rows["value"]) == sorted(rows["value"], reverse=True)
    assert rows["label_vi"].notna().all() and len(rows) == 3


@pytest.mark.parametrize("year", [2022, 2023])
def test_texts_read_for_both_years(ds, year):
    texts = yt.texts(ds, year)
    assert all(isinstance(v, str) and "nan" not in v for v in texts.values())
    assert ("trên 96%" in texts["bhyt"]) == (year == 2023)
