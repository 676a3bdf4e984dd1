"""Chapter 9 computations, on the real data."""

from huongtra import khcn_qlnn as kq


def test_four_of_five_rates_at_100(ds):
    rows = kq.digital_rows(ds, 2023)
    assert len(rows) == 5
    assert kq.count_at_full(rows) == 4
    assert rows.iloc[-1]["indicator_id"] == "admin_satisfaction_index"  # "trên 95%", the lowest


def test_mechanisation_cited_from_the_technology_item(ds):
    rows = kq.mechanisation_rows(ds, 2023)
    assert set(rows["source_ref"]) == {"P1:B.III.9"}
    assert sorted(rows["value"]) == [95, 98]


def test_no_figures_before_2023(ds):
    assert kq.digital_rows(ds, 2022).empty
    assert kq.figure_ids(ds, 2022) == []
    texts = kq.texts(ds, 2022)
    assert "2022" in texts["summary"] and "nan" not in texts["digital"]
