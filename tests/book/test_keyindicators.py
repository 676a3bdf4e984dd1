"""Key indicators as of a year, on the real data."""

from decimal import Decimal

import pandas as pd
import pytest

from chitieu.analysis.status import assess
from chitieu.book import keyindicators as ki
from chitieu.data.vnnum import find_numbers


class TestKeyIndicators:
    def test_fourteen_rows_in_order(self, ds):
        table = ki.key_indicators(ds, 2023)
        assert list(table["resolution_no"]) == list(range(1, 15))

    def test_values_come_from_their_quotes(self, ds):
        table = ki.key_indicators(ds, 2023)
        for row in table.itertuples():
            assert row.value is not None
            assert Decimal(str(row.value)) in {m.value for m in find_numbers(row.source_quote)}

    def test_status_is_the_rule_applied(self, ds):
        def none(x):
            return None if pd.isna(x) else x

        for row in ki.key_indicators(ds, 2023).itertuples():
            expected = assess(
                row.value,
                row.qualifier,
                none(row.target_kind),
                none(row.target_low),
                none(row.target_high),
                none(row.higher_is_better),
            )
            assert row.status == expected.code

    def test_as_of_2022_uses_nothing_later(self, ds):
        table = ki.key_indicators(ds, 2022)
        ids = [oid for oid in table["obs_id"] if pd.notna(oid)]
        assert ids and all(ds.observations.loc[oid, "end_year"] <= 2022 for oid in ids)

    def test_report_assessment_matches_footnote_one(self, ds):
        # Footnote ¹ of B.II: "07/14 chỉ tiêu đạt", "02 chỉ tiêu gần đạt".
        counts = ki.status_counts(ki.key_indicators(ds, 2023), "report_status")
        met = ds.observations.loc["key_indicators_met.2021-2023", "value"]
        nearly = ds.observations.loc["key_indicators_nearly_met.2021-2023", "value"]
        assert counts["met"] == met and counts["nearly_met"] == nearly

    def test_display_table_is_text_only(self, ds):
        shown = ki.display_table(ki.key_indicators(ds, 2023))
        assert all(isinstance(v, str) for v in shown.to_numpy().ravel())


class TestChapterKeyIndicators:
    def test_only_the_chapter(self, ds):
        table = ki.chapter_key_indicators(ds, "kinh_te", 2023)
        assert set(table["indicator_id"]) == {"gdp_growth_avg", "income_per_capita"}
        assert list(table.index) == list(range(len(table)))

    def test_unknown_chapter_is_empty(self, ds):
        assert ki.chapter_key_indicators(ds, "no_such_chapter", 2023).empty


class TestTargetRows:
    def test_health_insurance_is_nearly_met_against_98(self, ds):
        r = ki.target_rows(ds, ["health_insurance_coverage_rate"], 2023).iloc[0]
        assert (r["value"], r["qualifier"], r["target_low"]) == (96, "more_than", 98)
        assert r["status_code"] == "nearly_met"  # 2/98 ≈ 2% short, within the 5% tolerance
        assert r["gap"] == pytest.approx(2.0)
        assert r["target_text_vi"] == "từ 98% trở lên"

    def test_without_target_or_figure_left_out(self, ds):
        assert ki.target_rows(ds, ["hospital_beds_per_10000"], 2023).empty
        empty = ki.target_rows(ds, ["health_insurance_coverage_rate"], 2022)
        assert empty.empty and "status_label" in empty
