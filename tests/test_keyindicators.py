"""Key indicators as of a year, on the real data."""

from decimal import Decimal

import pandas as pd

from chitieu import keyindicators as ki
from chitieu.status import assess
from chitieu.vnnum import find_numbers


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
                row.value, row.qualifier, none(row.target_kind), none(row.target_low), none(row.target_high),
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
