"""chitieu.analysis.extract.candidates: rows from a text, the report's year from its sidecar, ``known``."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from chitieu import config
from chitieu.analysis.extract.candidates import build_candidates, candidates_for, read_raw, report_years
from chitieu.analysis.extract.periods import ReportYears
from chitieu.data.localities import make_localities

FIXTURE = config.PROJ_ROOT / "tests" / "fixtures" / "year2024" / "raw" / "bao_cao_2024_synthetic.txt"


class TestReportYears:
    def test_from_date_iso_and_the_term_in_the_text(self):
        years = report_years({"date_iso": "2024-06"}, "nhiệm kỳ 2020 - 2025")
        assert (years.as_of, years.term_start, years.term_end) == (2024, 2020, 2025)

    def test_from_date_when_there_is_no_date_iso(self):
        assert report_years({"date": "2023 (mid-year)"}, "").as_of == 2023

    def test_no_year_is_an_error(self):
        with pytest.raises(ValueError, match="date_iso"):
            report_years({"title": "x"}, "")

    def test_real_sidecar(self):
        text, sidecar = read_raw(config.RAW_DIR / config.REPORT_FILE)
        assert report_years(sidecar, text).as_of == int(sidecar["date_iso"][:4])


class TestBuildCandidates:
    def test_one_row_per_statistic_with_its_fields(self):
        text = "(7) Tỷ lệ hộ nghèo tại phường Tứ Hạ đến nay còn khoảng 1,47%; Quyết định số 12/QĐ-UBND."
        rows = build_candidates(text, ReportYears(2024), make_localities([("Tứ Hạ", "Tứ Hạ")]), None)
        assert len(rows) == 1  # 12 is a document number, 7 an item number
        row = rows[0]
        assert (row.value, row.value_text, row.number_text) == (Decimal("1.47"), "1.47", "1,47")
        assert (row.qualifier, row.status, row.period, row.locality) == ("approx", "actual", "2024", "Tứ Hạ")
        assert row.source_quote == "Tỷ lệ hộ nghèo tại phường Tứ Hạ đến nay còn khoảng 1,47%"
        assert row.source_ref == "P1:intro:(7)" and row.line == 1 and row.period_basis == "đến nay"

    def test_a_footnote_takes_the_place_its_marker_names(self):
        text = "\n".join(  # SYNTHETIC
            [
                "(3) Công nhận làng nghề truyền thống Bún Vân Cù - Hương Toàn¹, làng nghề mộc Tứ Hạ.",
                "",
                "¹ Hiện có 150 hộ hoạt động sản xuất.",
            ]
        )
        places = make_localities([("Hương Toàn", "Hương Toàn"), ("Tứ Hạ", "Tứ Hạ")])
        rows = build_candidates(text, ReportYears(2023), places, None)
        households = [r for r in rows if r.number_text == "150"]
        assert len(households) == 1 and households[0].locality == "Hương Toàn"

    def test_decimals_as_written_are_kept(self):
        rows = build_candidates("tỷ lệ trẻ suy dinh dưỡng còn 5,0%", ReportYears(2023), make_localities([]), None)
        assert rows[0].value_text == "5.0"


class TestCandidatesFor:
    def test_fixture_against_the_real_data(self, tmp_path):
        raw = tmp_path / FIXTURE.name
        raw.write_bytes(FIXTURE.read_bytes())
        meta = json.loads(FIXTURE.with_name("bao_cao_2024_synthetic.meta.json").read_text(encoding="utf-8"))
        (tmp_path / "bao_cao_2024_synthetic.meta.json").write_text(json.dumps(meta), encoding="utf-8")
        run = candidates_for(raw, config.DATA_DIR)
        assert run.years.as_of == 2024
        by_number = {c.number_text: c for c in run.candidates}
        assert set(by_number) == {"12,9", "56,5", "34", "38", "89,47", "1,47"}
        assert by_number["12,9"].period == "2021-2024" and by_number["12,9"].indicator_id == "gdp_growth_avg"
        assert by_number["56,5"].status == "estimate" and by_number["56,5"].indicator_id == "income_per_capita"
        assert by_number["1,47"].indicator_id == "poverty_rate"
        assert not any(c.known for c in run.candidates)  # 2024 is not in the data

    def test_as_of_overrides_a_sidecar_without_year(self, tmp_path):
        raw = tmp_path / "x.txt"
        raw.write_text("Đến nay, có 20 HTX.", encoding="utf-8")
        with pytest.raises(ValueError):
            candidates_for(raw, config.DATA_DIR)
        run = candidates_for(raw, config.DATA_DIR, as_of=2025)
        assert [c.period for c in run.candidates] == ["2025"]

    def test_known_rows_of_the_real_report(self):
        run = candidates_for(config.RAW_DIR / config.REPORT_FILE, config.DATA_DIR)
        known = [c for c in run.candidates if c.known]
        assert known and all(c.indicator_id for c in known)
        assert any(c.indicator_id == "poverty_rate" and c.period == "2022" for c in known)
