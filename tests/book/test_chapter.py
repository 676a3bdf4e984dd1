"""The shared chapter helpers (:mod:`chitieu.book.chapter`) on the real data, with bad inputs."""

from __future__ import annotations

import pandas as pd
import pytest

from chitieu.book import chapter
from chitieu.book.chapter import Text


class TestText:
    def test_adding_joins_text_and_ids(self):
        joined = Text("Một.", ("a.1",)) + chapter.EMPTY + Text("Hai.", ("b.1",))
        assert joined == Text("Một. Hai.", ("a.1", "b.1"))


class TestObsAsOf:
    def test_known_by_the_year(self, ds):
        row = chapter.obs_as_of(ds, "concrete_alley_roads.2021-2023", 2023)
        assert row["value_text_vi"] and row["period_vi"] == "2021–2023"
        assert isinstance(row["value"], float)

    def test_not_yet_known(self, ds):
        assert chapter.obs_as_of(ds, "concrete_alley_roads.2021-2023", 2022) is None

    def test_unknown_id_is_refused(self, ds):
        with pytest.raises(KeyError):
            chapter.obs_as_of(ds, "no_such_indicator.2023", 2023)


class TestRowsAsOf:
    IDS = ["land_certificates_issued.2021-2023", "land_lease_cases.2021-2023"]

    def test_order_and_labels(self, ds):
        frame = chapter.rows_as_of(ds, self.IDS, 2023, {self.IDS[0]: "Giấy chứng nhận"})
        assert list(frame["obs_id"]) == self.IDS
        assert frame["label"].iloc[0] == "Giấy chứng nhận"
        assert frame["label"].iloc[1] == frame["name_vi"].iloc[1]  # no label given: the indicator's name

    def test_empty_before_the_period_ends(self, ds):
        frame = chapter.rows_as_of(ds, self.IDS, 2022)
        assert frame.empty and "label" in frame and "value_text_vi" in frame


class TestUsedIds:
    def test_collects_in_order_without_repeats(self, ds):
        text = Text("x", ("a.1", "b.1"))
        frame = chapter.latest_many(ds, ["fish_cages", "cooperatives"], 2023)
        row = chapter.latest(ds, "poverty_rate", 2023)
        ids = chapter.used_ids(text, frame, text, None, row, ["c.1", "a.1"], "d.1")
        assert ids == ["a.1", "b.1", *frame["obs_id"], row["obs_id"], "c.1", "d.1"]

    def test_frame_without_ids_adds_nothing(self):
        assert chapter.used_ids(pd.DataFrame({"value": [1.0]})) == []


class TestFigureIds:
    def test_chapter_figures_and_extras(self, ds):
        ids = chapter.figure_ids(ds, "giao_duc", 2023, ["wards_communes_total"])
        assert set(ids) <= set(ds.observations.index)
        assert "schools_national_standard.2022.b" in ids and "wards_communes_total.2023" in ids
        assert len(ids) == len(set(ids))

    def test_nothing_known_yet(self, ds):
        assert chapter.figure_ids(ds, "khcn_qlnn", 2022) == []

    def test_unknown_extra_indicator_adds_nothing(self, ds):
        assert chapter.figure_ids(ds, "khcn_qlnn", 2023, ["no_such_indicator"]) == chapter.figure_ids(
            ds, "khcn_qlnn", 2023
        )


class TestPartsTotal:
    def test_breakdown_sums_to_its_total(self, ds):
        parts = chapter.breakdown(ds, "cooperatives", 2023, "type")
        assert chapter.parts_total(parts) == ds.observations.loc["cooperatives.2023", "value"]

    def test_empty_is_zero(self, ds):
        assert chapter.parts_total(chapter.breakdown(ds, "cooperatives", 2022, "type")) == 0


class TestLatestLabelled:
    LABELS = {"cultural_households_rate": "Hộ", "cultural_villages_rate": "Thôn", "cultural_agencies_rate": "Cơ quan"}

    def test_largest_first_with_labels(self, ds):
        frame = chapter.latest_labelled(ds, self.LABELS, 2023)
        assert list(frame["value"]) == [93, 90.8, 90.3]
        assert set(frame["label_vi"]) == set(self.LABELS.values())

    def test_order_of_labels_and_column(self, ds):
        labels = dict(reversed(list(self.LABELS.items())))
        frame = chapter.latest_labelled(ds, labels, 2023, column="label", largest_first=False)
        assert list(frame["indicator_id"]) == list(labels)

    def test_empty_year_keeps_the_column(self, ds):
        frame = chapter.latest_labelled(ds, self.LABELS, 2022)
        assert frame.empty and "label_vi" in frame


class TestTargetOf:
    def test_last_target(self, ds):
        t = chapter.target_of(ds, "gdp_growth_avg")
        assert (t["kind"], t["low"], t["high"], t["target_year"]) == ("between", 14, 15, 2025)

    def test_no_target(self, ds):
        assert chapter.target_of(ds, "hospital_beds_per_10000") is None


class TestTargetText:
    def test_in_words(self, ds):
        assert chapter.target_text(ds, "gdp_growth_avg") == "14–15%"
        assert (
            chapter.target_text(ds, "party_secretary_village_head_rate", with_year=True) == "từ 50% trở lên (đến 2025)"
        )

    def test_no_target_is_empty(self, ds):
        assert chapter.target_text(ds, "hospital_beds_per_10000") == ""


class TestCompareToTarget:
    def test_below_within_above(self):
        assert chapter.compare_to_target(13.7, 14, 15, "14–15%") == (
            "thấp hơn 0,3 điểm phần trăm so với cận dưới của mức 14–15%"
        )
        assert chapter.compare_to_target(14.5, 14, 15, "14–15%") == "nằm trong mức 14–15%"
        assert chapter.compare_to_target(16, None, 15, "x").startswith("cao hơn 1,0 điểm phần trăm so với cận trên")


class TestMissingText:
    def test_names_the_year(self):
        assert chapter.missing_text(2022) == "không có số liệu đến năm 2022"


class TestValueText:
    def test_with_and_without_period(self, ds):
        row = chapter.latest(ds, "budget_revenue_growth_avg", 2023)
        assert chapter.value_text(row, 2023) == row["value_text_vi"]
        assert chapter.value_text(row, 2023, with_period=True) == f"{row['value_text_vi']} ({row['period_vi']})"

    def test_estimate_says_so(self, ds):
        row = chapter.latest(ds, "poverty_rate", 2023)
        assert row["status"] == "estimate"
        assert chapter.value_text(row, 2023, with_period=True).endswith(", ước tính)")

    def test_missing(self):
        assert chapter.value_text(None, 2022) == "không có số liệu đến năm 2022"


class TestLatestText:
    def test_figure_or_missing(self, ds):
        assert chapter.latest_text(ds, "discipline_members", 2023) == "99 đảng viên"
        assert chapter.latest_text(ds, "discipline_members", 2022) == "không có số liệu đến năm 2022"


class TestSeriesText:
    def test_values_then_periods(self, ds):
        text = chapter.series_text(chapter.series(ds, "poverty_rate", 2023), 2023)
        assert text == "2,21% (2022) và 1,81% (2023, ước tính)"

    def test_empty(self, ds):
        assert chapter.series_text(chapter.series(ds, "poverty_rate", 2021), 2021) == "không có số liệu đến năm 2021"


class TestNoData:
    def test_plain_sentence(self):
        text = chapter.no_data("thu ngân sách", 2022)
        assert text == Text("Tính đến năm 2022, báo cáo chưa có số liệu về thu ngân sách.")

    def test_says_when_the_report_dates_them(self):
        text = chapter.no_data("mạng lưới trường học", 2022, chapter.AT_REPORT_DATE).text
        assert text.startswith("Báo cáo chỉ nêu mạng lưới trường học tại thời điểm giữa năm 2023")
        assert "đến năm 2022" in text


class TestVerb:
    def test_estimate_or_result(self, ds):
        assert chapter.verb(chapter.latest(ds, "poverty_rate", 2023)) == "ước đạt"
        assert chapter.verb(chapter.latest(ds, "poverty_rate", 2022), "là", "ước") == "là"


class TestEstimateNote:
    def test_note(self, ds):
        assert chapter.estimate_note(chapter.latest(ds, "poverty_rate", 2023)) == " (ước tính)"
        assert chapter.estimate_note(chapter.latest(ds, "poverty_rate", 2022)) == ""
        assert chapter.estimate_note(None) == ""


class TestBreakdown:
    def test_largest_first_with_member_labels(self, ds):
        frame = chapter.breakdown(
            ds, "provincial_sports_medals", 2023, "type", labels={"gold": "Vàng", "silver": "Bạc"}
        )
        assert list(frame["value"]) == sorted(frame["value"], reverse=True)
        assert frame.set_index("member").loc["gold", "label"] == "Vàng"
        assert frame.set_index("member")["label"].isna().sum() == 1  # bronze has no label given

    def test_empty_year_keeps_the_label_column(self, ds):
        frame = chapter.breakdown(ds, "provincial_sports_medals", 2021, "type", labels={}, column="label_vi")
        assert frame.empty and "label_vi" in frame


class TestSummarySentence:
    def test_bits_and_ids(self):
        text = chapter.summary_sentence(["a", "b"], ["x.1"], 2023, "về y")
        assert text == Text("Tính đến năm 2023: a và b.", ("x.1",))
        assert chapter.summary_sentence(["a"], [], 2023, "về y", sep=",").text == "Tính đến năm 2023, a."

    def test_no_bits(self):
        assert chapter.summary_sentence([], ["x.1"], 2022, "về y") == Text(
            "Tính đến năm 2022, báo cáo chưa nêu số liệu về y."
        )
