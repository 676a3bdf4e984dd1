"""Chapter 4 (Đô thị, nông thôn mới và hạ tầng)."""

from __future__ import annotations

import pytest

from chitieu.book import chapter
from huongtra import do_thi_nong_thon as dt


def test_consistent_rate():
    assert dt.consistent_rate(2, 2, 4) == pytest.approx(100)
    assert dt.consistent_rate(2, 0, 4) == pytest.approx(50)


def test_ntm_two_statements_shown(ds):
    table = dt.ntm_statements(ds, 2023)
    assert list(table["value"][:3]) == ["2/4 xã", "2/4 xã", "4/4 xã"]
    text = dt.ntm_text(ds, 2023)
    assert "2/4 xã" in text.text and "100%" in text.text
    assert {"ntm_communes.2023", "ntm_communes.2023.b", "ntm_communes_rate.2023"} <= set(text.obs_ids)


def test_ntm_investment_sources_sum_to_total(ds):
    parts = dt.ntm_investment(ds, 2023)
    assert sorted(parts["label"]) == sorted(dt.NTM_SOURCES.values())
    assert chapter.parts_total(parts) == pytest.approx(ds.observations.loc["ntm_dev_investment.2021-2023", "value"])
    assert "đúng bằng tổng" in dt.ntm_investment_text(ds, 2023).text


def test_streets_by_ward_sum_to_total(ds):
    frame = dt.civilized_streets(ds, 2023)
    assert frame["value"].sum() == ds.observations.loc["civilized_streets.2023", "value"]
    assert frame.iloc[0]["label"] == "Phường Tứ Hạ"
    missing = dt.wards_without(frame)
    assert "phường Tứ Hạ" not in missing and "phường Hương Xuân" in missing


def test_wards_statements_and_2022(ds):
    text = dt.urban_text(ds, 2023).text
    assert "3/5 phường" in text and "60%" in text
    text22 = dt.urban_text(ds, 2022)
    assert "63%" in text22.text and "2023" not in text22.text
    assert "chưa có số liệu" in dt.ntm_text(ds, 2022).text
