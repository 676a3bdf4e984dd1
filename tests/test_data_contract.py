"""The data contract, checked on every row of the real data (independently of the validator's code).

The codes come from the schemas (data/schema) through chitieu.data.contract; the rows are read here with the
csv module, not with chitieu.data's reader, so a bug in the validation cannot hide a bad row.
"""

import csv
from decimal import Decimal

import pytest

from chitieu.config import PROJ_ROOT as ROOT
from chitieu.data import contract
from chitieu.data.periods import parse_period
from chitieu.data.vnnum import find_numbers

DATA = ROOT / "data"


def rows(name):
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def raw():
    return (DATA / "raw" / "bao_cao_so_ket_giua_nhiem_ky_2020_2025.txt").read_text(encoding="utf-8")


class TestObservations:
    def test_every_quote_is_verbatim_and_holds_the_value(self, raw):
        for i, row in enumerate(rows("observations.csv"), start=2):
            assert row["source_quote"] in raw, f"row {i}: quote not in source"
            written = {m.value for m in find_numbers(row["source_quote"])}
            assert Decimal(row["value"]) in written, f"row {i}: {row['value']} not written in quote"

    def test_ids_unique_and_references_exist(self):
        obs = rows("observations.csv")
        ids = [r["obs_id"] for r in obs]
        assert len(ids) == len(set(ids))
        indicators = {r["indicator_id"] for r in rows("indicators.csv")}
        assert {r["indicator_id"] for r in obs} <= indicators

    def test_enums_and_periods(self):
        places = {r["locality"] for r in rows("localities.csv")}
        for row in rows("observations.csv"):
            assert row["qualifier"] in contract.QUALIFIERS
            assert row["status"] in contract.STATUSES
            assert row["locality"] == "" or row["locality"] in places
            parse_period(row["period"])

    def test_no_silent_duplicates(self):
        seen = {}
        for row in rows("observations.csv"):
            key = (row["indicator_id"], row["period"], row["locality"], row["status"], row["qualifier"])
            assert seen.get(key) != row["source_quote"], f"duplicate with the same quote: {key}"
            seen[key] = row["source_quote"]


class TestIndicators:
    def test_units_chapters_and_ids(self):
        ind = rows("indicators.csv")
        assert len({r["indicator_id"] for r in ind}) == len(ind)
        for row in ind:
            assert row["unit"] in contract.UNITS and row["chapter"] in contract.TOPICS
            assert row["higher_is_better"] in ("true", "false", "")

    def test_fourteen_key_indicators_each_with_data(self):
        ind = rows("indicators.csv")
        numbers = sorted(int(r["resolution_no"]) for r in ind if r["resolution_no"])
        assert numbers == list(range(1, 15))
        key_ids = {r["indicator_id"] for r in ind if r["resolution_no"]}
        observed = {r["indicator_id"] for r in rows("observations.csv")}
        assert key_ids <= observed


class TestTargets:
    def test_quotes_hold_the_bounds(self, raw):
        for i, row in enumerate(rows("targets.csv"), start=2):
            assert row["source_quote"] in raw, f"row {i}"
            written = {m.value for m in find_numbers(row["source_quote"])}
            for col in ("low", "high"):
                if row[col]:
                    assert Decimal(row[col]) in written, f"row {i} {col}"
            assert row["kind"] in contract.TARGET_KINDS

    def test_every_target_in_the_key_footnotes_is_present(self, raw):
        # Footnotes ²–⁸ of P1:B.II each state a plan figure ("Kế hoạch", "theo kế hoạch", "đến năm 2025").
        refs = {r["source_ref"] for r in rows("targets.csv")}
        for n in (2, 3, 4, 5, 6, 7, 8):
            assert f"P1:B.II:fn{n}" in refs


class TestLocalities:
    def test_each_spelling_names_one_ward_or_commune(self):
        loc = rows("localities.csv")
        assert len({r["variant"] for r in loc}) == len(loc)
        kinds = {}
        for row in loc:
            assert kinds.setdefault(row["locality"], row["kind"]) == row["kind"]
            assert row["kind"] in ("phường", "xã")
        assert all(any(r["variant"] == name for r in loc) for name in kinds)


class TestRealDataLoads:
    def test_validator_accepts_the_real_data(self, ds):
        assert len(ds.observations) == len(rows("observations.csv"))
        assert len(ds.indicators) == len(rows("indicators.csv"))
