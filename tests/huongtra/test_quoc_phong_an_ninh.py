"""Chapter 10 computations, on the real data."""

import pytest

from chitieu.book import chapter
from huongtra import quoc_phong_an_ninh as qp


def test_recruits_per_year_and_total(ds):
    s = qp.recruits(ds, 2023)
    assert list(s["period"]) == ["2020", "2021", "2022", "2023"]
    assert list(s["value"]) == [155, 162, 101, 99]
    assert qp.recruits_total(s) == 517
    assert qp.recruits_total(qp.recruits(ds, 2022)) == 418


def test_implied_number_required_to_hold_an_id_card():
    assert qp.implied_base(92136, 99.11) == pytest.approx(92963.37, abs=0.01)
    with pytest.raises(ValueError):
        qp.implied_base(1, 0)


def test_party_rates_sorted_and_labelled(ds):
    rows = qp.party_rate_rows(ds, 2023)
    assert len(rows) == len(qp.PARTY_RATE_LABELS)
    assert rows.iloc[0]["value"] == 100 and rows.iloc[-1]["indicator_id"] == "militia_party_member_rate"
    assert rows["label_vi"].notna().all()


@pytest.mark.parametrize("year", [2022, 2023])
def test_texts_read_for_both_years(ds, year):
    texts = qp.texts(ds, year)
    assert all(isinstance(v, str) and "nan" not in v for v in texts.values())
    assert "162 người" in texts["recruits"]


def test_figure_ids_include_the_party_org_rate(ds):
    ids = chapter.figure_ids(ds, qp.CHAPTER, 2023, qp.EXTRA_IDS)
    assert "villages_schools_with_party_org_rate.2023" in ids
