"""The shared chart helpers (:mod:`chitieu.book.charts`) on the real data, with bad inputs."""

from __future__ import annotations

import pandas as pd
import pytest

from chitieu.book import chapter, charts
from chitieu.book import keyindicators as ki


class TestChartOrNote:
    def test_chart_when_rows(self, ds):
        frame = chapter.series(ds, "poverty_rate", 2023)
        out = charts.chart_or_note(frame, charts.series_chart, caption="Hình 1.", description="d", report_year=2023)
        assert "<figure" in out.data and "2,21%" in out.data  # the table alternative holds the stated values

    def test_note_keeps_the_caption(self, ds):
        out = charts.chart_or_note(
            chapter.series(ds, "poverty_rate", 2021),
            charts.series_chart,
            caption="Hình <1>.",
            description="d",
            report_year=2021,
        )
        assert "<figure" not in out.data
        assert "Hình &lt;1&gt;." in out.data and "Chưa có số liệu tính đến năm 2021." in out.data

    def test_notice_replaces_the_default(self):
        out = charts.chart_or_note(
            pd.DataFrame(), charts.series_chart, caption="Hình 1.", description="d", report_year=2022, notice="không có"
        )
        assert "không có" in out.data and "Chưa có số liệu" not in out.data


class TestKeyBulletsOrNote:
    def test_bullets_with_key_table(self, ds):
        key = ki.chapter_key_indicators(ds, "kinh_te", 2023)
        out = charts.key_bullets_or_note(key, caption="Hình 2.1.", description="d", report_year=2023)
        assert "<figure" in out.data and "Mức chỉ tiêu" in out.data

    def test_note_when_no_value(self, ds):
        key = ki.chapter_key_indicators(ds, "kinh_te", 2023).assign(value=None)
        out = charts.key_bullets_or_note(key, caption="Hình 2.1.", description="d", report_year=2023)
        assert "<figure" not in out.data and "2023" in out.data


class TestWithValueLabels:
    def test_text_layer_shows_the_stated_value(self, ds):
        spec = charts.with_value_labels(charts.bar_chart(chapter.breakdown(ds, "cooperatives", 2023, "type"))).to_dict()
        assert len(spec["layer"]) == 2
        assert spec["layer"][1]["encoding"]["text"]["field"] == "value_text_vi"

    def test_vertical_labels_sit_above(self, ds):
        spec = charts.with_value_labels(
            charts.series_chart(chapter.series(ds, "poverty_rate", 2023)), horizontal=False
        ).to_dict()
        assert spec["layer"][1]["mark"]["dy"] < 0


class TestPercentBarChart:
    def test_axis_is_0_to_100(self, ds):
        rows = chapter.latest_labelled(ds, {"cultural_households_rate": "Hộ", "cultural_villages_rate": "Thôn"}, 2023)
        spec = charts.percent_bar_chart(rows, label="label_vi").to_dict()
        assert spec["layer"][0]["encoding"]["x"]["scale"]["domain"] == [0, 100]
        assert spec["layer"][0]["encoding"]["y"]["field"] == "label_vi"


class TestTargetBulletChart:
    def test_axis_keeps_the_gap_visible(self, ds):
        rows = ki.target_rows(ds, ["health_insurance_coverage_rate"], 2023)
        spec = charts.target_bullet_chart(rows, labels={"health_insurance_coverage_rate": "BHYT"}).to_dict()
        domain = spec["layer"][0]["encoding"]["x"]["scale"]["domain"]
        assert 0 < domain[0] <= 96 and domain[1] == 100
        assert spec["datasets"][next(iter(spec["datasets"]))][0]["name_vi"] == "BHYT"

    def test_no_rows_is_refused(self, ds):
        with pytest.raises(ValueError):
            charts.target_bullet_chart(ki.target_rows(ds, ["health_insurance_coverage_rate"], 2022))


class TestPanels:
    def test_one_panel_per_non_empty_frame(self, ds):
        frames = {
            "a": chapter.breakdown(ds, "party_inspected_members", 2023, "level"),
            "b": chapter.breakdown(ds, "party_supervised_orgs", 2023, "level"),
            "c": chapter.breakdown(ds, "party_supervised_orgs", 2022, "level"),
        }
        spec = charts.panels(frames).to_dict()
        assert [p["title"] for p in spec["vconcat"]] == ["a", "b"]

    def test_nothing_to_draw_is_refused(self, ds):
        with pytest.raises(ValueError):
            charts.panels({"a": chapter.breakdown(ds, "party_supervised_orgs", 2022, "level")})


class TestPanelRows:
    def test_rows_one_after_the_other(self, ds):
        a = chapter.breakdown(ds, "party_inspected_members", 2023, "level")
        b = chapter.breakdown(ds, "party_supervised_orgs", 2023, "level")
        rows = charts.panel_rows({"a": a, "b": b})
        assert list(rows["obs_id"]) == list(a["obs_id"]) + list(b["obs_id"])

    def test_empty(self):
        rows = charts.panel_rows({"a": pd.DataFrame()})
        assert rows.empty and "obs_id" in rows


def test_category_colours_never_mean_a_status():
    from chitieu.book.charts.style import OKABE_ITO, PALETTE, STATUS_COLOURS

    assert PALETTE and set(PALETTE) <= set(OKABE_ITO)
    assert not set(PALETTE) & set(STATUS_COLOURS.values())
