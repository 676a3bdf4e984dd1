"""Chapter 2 (Kinh tế): formulas and readings of the real data."""

from __future__ import annotations

import re

import pytest

from chitieu.analysis import formulas
from chitieu.book import chapter
from chitieu.book.fmt import format_percent
from huongtra import kinh_te as kt

RAW = re.compile(r"\bnan\b|\bNone\b|\d\.\d{4,}|\d\.\d(?!\d)|\d+\.\d{1,2}(?!\d)")


def test_implied_previous():
    assert kt.implied_previous(113.5, 13.5) == pytest.approx(100)
    with pytest.raises(ValueError):
        kt.implied_previous(10, -100)


def test_structure_shares_read_from_data_sum_to_100(ds):
    frame = kt.economic_structure(ds, 2023)
    assert list(frame["label"]) == ["Công nghiệp", "Dịch vụ", "Nông nghiệp"]
    assert list(frame["value"]) == [55, 37.5, 7.5]
    assert chapter.parts_total(frame) == pytest.approx(100)
    assert kt.economic_structure(ds, 2022).empty


def test_fishery_parts_sum_to_stated_total(ds):
    parts = kt.fishery_parts(ds, 2023)
    assert list(parts["label"]) == ["Khai thác", "Nuôi trồng"]
    total = ds.observations.loc["fishery_output.2023", "value"]
    assert chapter.parts_total(parts) == pytest.approx(total)


def test_cooperative_types_sum_to_total(ds):
    parts = kt.cooperatives(ds, 2023)
    assert len(parts) == 7
    assert chapter.parts_total(parts) == ds.observations.loc["cooperatives.2023", "value"]
    assert parts["label"].notna().all()


def test_rice_seasons_sum_to_area(ds):
    seasons = chapter.breakdown(ds, "hq_rice_area", 2022, "season")
    assert chapter.parts_total(seasons) == ds.observations.loc["hq_rice_area.2022", "value"]


def test_growth_text_compares_with_target(ds):
    text = kt.growth_text(ds, 2023)
    assert "13,7%" in text.text and "14–15%" in text.text
    assert "thấp hơn 0,3 điểm phần trăm" in text.text
    need = formulas.remaining_growth_needed(13.7, 3, 14, 5)
    assert f"{need:.1f}".replace(".", ",") + "%" in text.text
    assert "gdp_growth_avg.2021-2023" in text.obs_ids
    assert "dự ước đạt 7.943 tỷ đồng" in text.text  # an estimate is called one


def test_the_needed_pace_is_chapter_12s(ds):
    # One definition of the pace still needed: chapter 2's sentence and chapter 12's table give the same rate and
    # the same verdict (13,7 % so far, 14,45 %/năm needed, R = 0,95 rounded but 0,948 < 0,95: "chậm").
    from huongtra import han_che_nhiem_vu as nv

    row = nv.progress_table(ds, 2023).set_index("indicator_id").loc["gdp_growth_avg"]
    text = kt.growth_text(ds, 2023).text
    assert f"phải tăng khoảng {format_percent(row['required'])}/năm" in text
    assert "đúng hướng nhưng chậm" in text and row["code"] == "slow"


def test_texts_degrade_when_year_has_no_data(ds):
    for fn in (kt.growth_text, kt.structure_text, kt.industry_text, kt.cooperatives_text, kt.fishery_text):
        text = fn(ds, 2022)
        assert "chưa có số liệu" in text.text
        assert text.obs_ids == ()
    # 2022 income is known: the sentence says so and needs a faster pace over three years.
    income = kt.income_text(ds, 2022)
    assert "trên 49 triệu đồng" in income.text and "51" not in income.text


def test_sector_growth_labels_and_order(ds):
    frame = kt.sector_growth(ds, 2023)
    assert set(frame["label"]) == set(kt.SECTOR_GROWTH.values())
    by = frame.set_index("indicator_id")["value"]
    assert by["industry_growth_avg"] > by["gdp_growth_avg"] > by["agriculture_growth_avg"]


def test_industrial_cluster_plans_only_from_report_year(ds):
    assert len(kt.industrial_clusters(ds, 2023)) == 5
    assert kt.industrial_clusters(ds, 2022).empty
    plans = kt.industrial_clusters(ds, 2023)
    assert chapter.parts_total(plans[plans["status"] == "plan"]) == pytest.approx(35 + 24.3 + 58 + 75)


def test_no_raw_values_in_texts(ds):
    for year in (2022, 2023):
        for fn in (
            kt.summary_text,
            kt.growth_text,
            kt.income_text,
            kt.sector_growth_text,
            kt.structure_text,
            kt.industry_text,
            kt.craft_text,
            kt.services_text,
            kt.agriculture_text,
            kt.models_text,
            kt.fishery_text,
            kt.forestry_text,
            kt.cooperatives_text,
        ):
            text = fn(ds, year).text
            assert text and RAW.search(text) is None, text
