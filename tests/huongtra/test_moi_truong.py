"""Chapter 5 (Tài nguyên và môi trường)."""

from __future__ import annotations

import pytest

from huongtra import moi_truong as mt


def test_gap_to_full():
    assert mt.gap_to_full(99.9) == pytest.approx(0.1)


def test_waste_whole_town_first_then_areas(ds):
    frame = mt.waste_areas(ds, 2023)
    assert list(frame["label"]) == ["Toàn thị xã", "Khu vực đô thị", "Khu vực nông thôn"]
    by = frame.set_index("label")["value"]
    # The stated town rate lies between the urban and rural rates.
    assert by["Khu vực nông thôn"] < by["Toàn thị xã"] < by["Khu vực đô thị"]
    assert "8 điểm phần trăm" in mt.waste_text(ds, 2023).text


def test_water_report_verdicts_disagree(ds):
    text = mt.water_text(ds, 2023).text
    assert "“gần đạt”" in text and "“chưa đạt”" in text
    assert "0,1 điểm phần trăm" in text


def test_land_administration_sorted_and_revoked_share(ds):
    frame = mt.land_administration(ds, 2023)
    assert list(frame["value"]) == sorted(frame["value"], reverse=True)
    assert len(frame) == len(mt.LAND_LABELS) == len(mt.LAND_PHRASES)
    assert "10,7%" in mt.land_text(ds, 2023).text


def test_2022_only_the_permits(ds):
    assert mt.waste_areas(ds, 2022).empty
    env = mt.environment_text(ds, 2022)
    assert env.obs_ids == ("environmental_permits_approved.2022",)
    assert "chưa nêu số liệu" in mt.summary_text(ds, 2022).text
