"""chitieu.analysis.extract.units: the unit written after a number and the indicator units it agrees with."""

from __future__ import annotations

import pytest

from chitieu.analysis.extract.units import counting_units, unit_labels, written_units


class TestWrittenUnits:
    @pytest.mark.parametrize(
        ("after", "expected"),
        [
            (" tỷ đồng, tăng 13,5%", {"billion_vnd"}),
            (" triệu đồng³, gấp", {"million_vnd"}),
            ("ha rừng tập trung", {"ha"}),
            ("m² đất", {"m2"}),
            (" người/năm", {"persons_per_year"}),
            (" lần so với năm 2020", {"ratio"}),
            (" giường bệnh/1 vạn dân", {"beds_per_10000_population"}),
        ],
    )
    def test_measures(self, after, expected):
        assert written_units(after) == expected

    def test_percent_agrees_with_every_percent_unit(self):
        assert {"percent", "percentage_point", "percent_of_plan"} <= written_units("%/năm")

    def test_a_counted_noun_is_a_count_never_a_measure(self):
        for after in ("/38 trường", " HTX", " tổ chức đảng", " hộ làm nghề"):
            units = written_units(after)
            assert units <= counting_units() and "ha" not in units and "percent" not in units

    def test_nothing_after(self):
        assert written_units("") is None

    def test_labels_are_the_contract_s(self):
        labels = unit_labels()
        assert labels["billion_vnd"] == "tỷ đồng" and counting_units() <= set(labels)
