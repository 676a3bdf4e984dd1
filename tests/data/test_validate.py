"""Unit tests of the validation, one class per function: each rule on a small bad input.

The mutation suite (tests/test_mutations.py) runs the same rules on copies of the real data; here each rule
is pinned on the smallest input that breaks it, with the file, row, column and value it must report.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from chitieu.config import PROJ_ROOT as ROOT
from chitieu.data import contract
from chitieu.data.csvread import read_csv_rows
from chitieu.data.errors import DataError, DataValidationError
from chitieu.data.load import load_localities
from chitieu.data.periods import parse_period
from chitieu.data.raw import RawSource, load_raw_sources, sha256_of
from chitieu.data.validate import (
    validate_dataset,
    validate_indicators,
    validate_localities,
    validate_observations,
    validate_report_assessment,
    validate_targets,
)

COLS = ("id", "name", "value")
SOURCE_TEXT = (
    "Tổng giá trị sản xuất năm 2023 dự ước đạt 7.943 tỷ đồng.\n"
    "Tốc độ tăng trưởng bình quân đạt 13,7%; tỷ lệ hộ nghèo còn 2,5%.\n"
    "Kế hoạch đề ra 14-15%. Có 28/38 trường đạt chuẩn quốc gia.\n"
    "Khối lượng rác thu gom 200-300kg/ngày.\n"
)
SOURCES = [RawSource(Path("data/raw/x.txt"), {}, SOURCE_TEXT)]


def read(tmp_path: Path, content: bytes | str, columns=COLS, name="t.csv"):
    path = tmp_path / "data" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    errors: list[DataError] = []
    rows = read_csv_rows(path, columns, errors)
    return rows, errors


def only(errors: list[DataError]) -> DataError:
    assert len(errors) == 1, errors
    return errors[0]


def where(err: DataError) -> tuple:
    return err.file, err.row, err.column


# --------------------------------------------------------------------------------------------- csvread


class TestReadCsvRows:
    GOOD = 'id,name,value\na,Hộ nghèo,1\nb,"Tỷ lệ, %",2.5\n'
    EXPECTED = [
        (2, {"id": "a", "name": "Hộ nghèo", "value": "1"}),
        (3, {"id": "b", "name": "Tỷ lệ, %", "value": "2.5"}),
    ]

    def test_plain(self, tmp_path):
        assert read(tmp_path, self.GOOD) == (self.EXPECTED, [])

    @pytest.mark.parametrize(
        "variant",
        [
            lambda t: b"\xef\xbb\xbf" + t.encode(),  # byte-order mark
            lambda t: t.replace("\n", "\r\n").encode(),  # CRLF
            lambda t: t.encode() + b"\n\n\r\n",  # trailing blank lines
            lambda t: t.encode() + b",,\r\n,,\n",  # trailing empty rows, as spreadsheets write them
            lambda t: __import__("unicodedata").normalize("NFD", t).encode(),  # NFD
            lambda t: t.replace("a,Hộ nghèo,1", '"a","Hộ nghèo","1"').replace("b,", '"b",').encode(),  # quoted
            lambda t: t.replace(",1\n", ", 1 \n").encode(),  # spaces around a cell
        ],
        ids=["bom", "crlf", "blank-lines", "empty-rows", "nfd", "quoted", "spaces"],
    )
    def test_what_spreadsheets_write_reads_identically(self, tmp_path, variant):
        assert read(tmp_path, variant(self.GOOD)) == (self.EXPECTED, [])

    def test_row_numbers_follow_records_not_lines(self, tmp_path):
        rows, errors = read(tmp_path, 'id,name,value\na,"two\nlines",1\nb,x\n')
        assert where(only(errors)) == ("data/t.csv", 3, "value")  # the spreadsheet's row 3, not line 4

    def test_missing_file(self, tmp_path):
        errors: list[DataError] = []
        assert read_csv_rows(tmp_path / "data" / "none.csv", COLS, errors) == []
        assert only(errors).file == "data/none.csv"

    def test_empty_file(self, tmp_path):
        assert where(only(read(tmp_path, b"")[1])) == ("data/t.csv", 1, None)

    def test_windows_1258_names_row_and_column(self, tmp_path):
        text = "id,name,value\na,ok,1\nb,Hộ nghèo,2\n"
        data = text.replace("Hộ nghèo", "\0").encode().replace(b"\0", b"H\xf4\xf2 ngh\xe8o")
        rows, errors = read(tmp_path, data)
        err = only(errors)
        assert rows == [] and where(err) == ("data/t.csv", 3, "name")
        assert "Windows-1258" in err.expected_vi and "CSV UTF-8" in err.expected_vi and "CSV UTF-8" in err.expected_en
        assert err.value.startswith("Hô")  # shown as the legacy encoding reads it

    def test_utf16(self, tmp_path):
        err = only(read(tmp_path, self.GOOD.encode("utf-16"))[1])
        assert err.row == 1 and "UTF-16" in err.expected_en

    def test_cut_inside_a_character(self, tmp_path):
        data = "id,name,value\na,x,1\nb,Tỷ lệ".encode()[:-1]
        err = only(read(tmp_path, data)[1])
        assert where(err) == ("data/t.csv", 3, "name") and "truncated" in err.expected_en

    @pytest.mark.parametrize("sep,word", [(";", "';'"), ("\t", "tab")])
    def test_wrong_delimiter(self, tmp_path, sep, word):
        err = only(read(tmp_path, self.GOOD.replace(",", sep).replace('"Tỷ lệ; %"', "x"))[1])
        assert err.row == 1 and word in err.expected_en

    def test_missing_unknown_and_repeated_columns_all_reported(self, tmp_path):
        rows, errors = read(tmp_path, "id,nam,value,value,ghi_chu\na,b,1,1,x\n")
        assert rows == []
        assert {(e.row, e.column) for e in errors} == {(1, "name"), (1, "nam"), (1, "ghi_chu"), (1, "value")}

    def test_blank_header_column_is_named_by_position(self, tmp_path):
        err = only(read(tmp_path, "id,name,value,\na,b,1,\n")[1])
        assert (err.row, err.column) == (1, "#4 (D)")

    def test_too_few_fields_names_the_first_missing_column(self, tmp_path):
        rows, errors = read(tmp_path, "id,name,value\na,b\nc,d,3\n")
        assert where(only(errors)) == ("data/t.csv", 2, "value")
        assert rows == [(3, {"id": "c", "name": "d", "value": "3"})]  # the other rows are still checked

    def test_unquoted_decimal_comma(self, tmp_path):
        err = only(read(tmp_path, "id,name,value\na,b,13,7\n")[1])
        assert (err.row, err.column, err.value) == (2, "value", "13,7") and "13.7" in err.expected_en

    def test_too_many_fields(self, tmp_path):
        err = only(read(tmp_path, "id,name,value\na,b,c,d\n")[1])
        assert err.row == 2 and "too many" in err.expected_en

    def test_blank_row_inside(self, tmp_path):
        err = only(read(tmp_path, "id,name,value\na,b,1\n,,\nc,d,2\n")[1])
        assert err.row == 3 and "blank row" in err.expected_en

    def test_unterminated_quote(self, tmp_path):
        rows, errors = read(tmp_path, 'id,name,value\na,b,1\nc,"d,2\ne,f,3\n')
        assert rows == [] and where(only(errors)) == ("data/t.csv", 3, "name")

    def test_text_after_closing_quote(self, tmp_path):
        err = only(read(tmp_path, 'id,name,value\na,"b"c,1\n')[1])
        assert (err.row, err.column) == (2, "name")

    def test_last_line_without_line_end(self, tmp_path):
        rows, errors = read(tmp_path, "id,name,value\na,b,1\nc,d,2")
        assert where(only(errors)) == ("data/t.csv", 3, "value")
        assert [r for r, _ in rows] == [2]

    def test_every_row_error_at_once(self, tmp_path):
        rows, errors = read(tmp_path, "id,name,value\na,b\nc,d,3\ne\n")
        assert [(e.row, e.column) for e in errors] == [(2, "value"), (4, "name")]


# --------------------------------------------------------------------------------------------- indicators


def ind(**over) -> dict[str, str]:
    rec = {
        "indicator_id": "poverty_rate",
        "chapter": "van_hoa_xa_hoi",
        "name_vi": "Tỷ lệ hộ nghèo",
        "name_en": "Poverty rate",
        "unit": "percent",
        "higher_is_better": "false",
        "resolution_no": "",
        "description_vi": "Tỷ lệ hộ nghèo theo chuẩn đa chiều.",
    }
    rec.update(over)
    return rec


def check_ind(*recs):
    errors: list[DataError] = []
    out = validate_indicators([(i + 2, r) for i, r in enumerate(recs)], errors)
    return out, errors


class TestValidateIndicators:
    def test_valid(self):
        out, errors = check_ind(ind(), ind(indicator_id="poverty_rate__area__urban", higher_is_better=""))
        assert errors == [] and out["poverty_rate"]["higher_is_better"] is False
        assert out["poverty_rate__area__urban"]["higher_is_better"] is None

    @pytest.mark.parametrize(
        "column,value",
        [
            ("indicator_id", "Poverty rate"),
            ("chapter", "xa_hoi"),
            ("unit", "phần trăm"),
            ("higher_is_better", "TRUE "),
            ("resolution_no", "15"),
            ("resolution_no", "0"),
            ("resolution_no", "một"),
            ("resolution_no", "１"),
            ("name_vi", ""),
            ("unit", ""),
            ("description_vi", "có ký tự \x07 ẩn"),
            ("name_vi", "Tỷ lệ\nhộ nghèo"),
        ],
    )
    def test_bad_cell(self, column, value):
        out, errors = check_ind(ind(**{column: value.strip() if column != "description_vi" else value}))
        err = only(errors)
        assert (err.file, err.row, err.column) == ("data/indicators.csv", 2, column)
        assert out == {}

    def test_duplicate_id_reports_the_later_row(self):
        _, errors = check_ind(ind(), ind(name_vi="khác"))
        err = only(errors)
        assert (err.row, err.column) == (3, "indicator_id") and "2" in err.expected_en

    def test_resolution_number_used_twice(self):
        _, errors = check_ind(ind(resolution_no="7"), ind(indicator_id="x", resolution_no="7"))
        assert (only(errors).row, only(errors).column) == (3, "resolution_no")

    def test_breakdown_needs_its_parent(self):
        _, errors = check_ind(ind(indicator_id="schools__level__primary"))
        assert (only(errors).row, only(errors).column) == (2, "indicator_id")


# --------------------------------------------------------------------------------------------- localities


def loc(locality="Tứ Hạ", kind="phường", variant=None) -> dict[str, str]:
    return {"locality": locality, "kind": kind, "variant": variant or locality}


class TestValidateLocalities:
    def test_valid(self):
        errors: list[DataError] = []
        rows = [(2, loc()), (3, loc(variant="Tứ Hạ (cũ)")), (4, loc("Hương Toàn", "xã"))]
        assert validate_localities(rows, errors) == {"Tứ Hạ": "phường", "Hương Toàn": "xã"} and errors == []

    @pytest.mark.parametrize(
        "rows,where",
        [
            ([loc(kind="thị trấn")], (2, "kind")),
            ([loc(), loc(kind="xã", variant="Tu Ha")], (3, "kind")),  # one name, two kinds
            ([loc(), loc()], (3, "variant")),  # a spelling listed twice
            ([loc(variant="Tu Ha")], (2, "variant")),  # the canonical name is none of its spellings
            ([loc(locality="", variant="Tứ Hạ")], (2, "locality")),
        ],
    )
    def test_bad_rows(self, rows, where):
        errors: list[DataError] = []
        validate_localities([(i + 2, r) for i, r in enumerate(rows)], errors)
        assert (only(errors).file, only(errors).row, only(errors).column) == ("data/localities.csv", *where)


# --------------------------------------------------------------------------------------------- targets


INDICATORS = {
    "gdp_growth_avg": {"unit": "percent"},
    "poverty_rate": {"unit": "percent"},
    "schools": {"unit": "count"},
    "production_value": {"unit": "billion_vnd"},
    "waste": {"unit": "kg_per_day"},
}


def tgt(**over) -> dict[str, str]:
    rec = {
        "indicator_id": "gdp_growth_avg",
        "target_year": "2025",
        "kind": "between",
        "low": "14",
        "high": "15",
        "source_ref": "P1:B.II:fn2",
        "source_quote": "Kế hoạch đề ra 14-15%.",
    }
    rec.update(over)
    return rec


def check_tgt(*recs, indicators=INDICATORS, sources=SOURCES):
    errors: list[DataError] = []
    out = validate_targets([(i + 2, r) for i, r in enumerate(recs)], indicators, sources, errors)
    return out, errors


class TestValidateTargets:
    def test_valid(self):
        out, errors = check_tgt(tgt(), tgt(kind="at_least", high="", source_quote="14-15%"))
        assert errors == [] and out[0]["low"] == 14

    @pytest.mark.parametrize(
        "over,column",
        [
            ({"indicator_id": "gdp"}, "indicator_id"),
            ({"target_year": "1890"}, "target_year"),
            ({"target_year": "２０２５"}, "target_year"),
            ({"kind": "more_than"}, "kind"),
            ({"low": "14,0"}, "low"),
            ({"low": "mười bốn"}, "low"),
            ({"high": ""}, "high"),  # between needs both
            ({"high": "15", "kind": "at_least"}, "high"),  # at_least uses low only
            ({"high": "14"}, "high"),  # between with one value
            ({"kind": "equals"}, "high"),  # equals needs low = high
            ({"low": "15", "high": "14", "source_quote": "Kế hoạch đề ra 14-15%."}, "high"),
            ({"low": "16"}, "low"),  # not written in the quote
            ({"low": "14.0"}, "low"),  # a precision the quote does not state
            ({"low": "250", "high": "", "kind": "at_least"}, "low"),  # percent of 250
            ({"source_quote": "Kế hoạch đề ra 14-16%."}, "source_quote"),
            ({"source_ref": "B.II"}, "source_ref"),
            ({"source_quote": ""}, "source_quote"),
        ],
    )
    def test_bad_cell(self, over, column):
        out, errors = check_tgt(tgt(**over))
        assert out == []
        assert any((e.file, e.row, e.column) == ("data/targets.csv", 2, column) for e in errors), errors

    def test_negative_count(self):
        rec = tgt(indicator_id="schools", kind="equals", low="-28", high="-28", source_quote="28/38 trường")
        _, errors = check_tgt(rec)
        assert {(e.row, e.column) for e in errors} >= {(2, "low"), (2, "high")}

    def test_duplicate_row(self):
        _, errors = check_tgt(tgt(), tgt(source_ref="P1:B.II"))
        assert (only(errors).row, only(errors).column) == (3, "indicator_id")

    def test_same_target_stated_twice_with_its_own_quote_is_fine(self):
        assert check_tgt(tgt(), tgt(source_quote="14-15%"))[1] == []

    def test_unreadable_indicators_skip_the_reference_check(self):
        assert check_tgt(tgt(indicator_id="anything"), indicators=None)[1] == []

    def test_unloadable_sources_skip_only_the_verbatim_check(self):
        assert check_tgt(tgt(source_quote="14-15% không có trong nguồn"), sources=None)[1] == []
        _, errors = check_tgt(tgt(kind="at_least", low="16", high="", source_quote="14-15% không có"), sources=None)
        assert (only(errors).column, only(errors).value) == ("low", "16")


# --------------------------------------------------------------------------------------------- observations


def obs(**over) -> dict[str, str]:
    rec = {
        "obs_id": "production_value.2023",
        "indicator_id": "production_value",
        "period": "2023",
        "value": "7943",
        "qualifier": "exact",
        "status": "estimate",
        "locality": "",
        "source_ref": "P1:B.III.1.1",
        "source_quote": "dự ước đạt 7.943 tỷ đồng",
        "note": "",
    }
    rec.update(over)
    return rec


# SYNTHETIC: the canonical names of data/localities.csv a test row may name.
LOCALITIES = ("Tứ Hạ", "Hương Toàn")


def check_obs(*recs, indicators=INDICATORS, sources=SOURCES, localities=LOCALITIES):
    errors: list[DataError] = []
    out = validate_observations([(i + 2, r) for i, r in enumerate(recs)], indicators, sources, errors, localities)
    return out, errors


class TestValidateObservations:
    def test_valid(self):
        out, errors = check_obs(
            obs(),
            obs(
                obs_id="gdp_growth_avg.2021-2023",
                indicator_id="gdp_growth_avg",
                period="2021-2023",
                value="13.7",
                status="actual",
                source_quote="bình quân đạt 13,7%",
            ),
            obs(
                obs_id="waste.2023",
                indicator_id="waste",
                value="200",
                qualifier="at_least",
                source_quote="200-300kg/ngày",
            ),
            obs(
                obs_id="waste.2023.b",
                indicator_id="waste",
                value="300",
                qualifier="at_most",
                source_quote="200-300kg/ngày",
            ),
            obs(
                obs_id="schools.2023-01_2023-05.tu_ha",
                indicator_id="schools",
                period="2023-01/2023-05",
                value="28",
                locality="Tứ Hạ",
                source_quote="28/38 trường",
            ),
        )
        assert errors == [] and len(out) == 5 and out[1]["value_text"] == "13.7"

    @pytest.mark.parametrize(
        "over,column",
        [
            ({"value": "7.943"}, "value"),  # thousands dot
            ({"value": "7,943"}, "value"),
            ({"value": "1.234,5"}, "value"),
            ({"value": "khoảng 7943"}, "value"),
            ({"value": "７９４３"}, "value"),
            ({"value": "7944"}, "value"),  # not the number of the quote
            ({"value": "7943.0"}, "value"),  # precision not stated
            ({"value": ""}, "value"),
            ({"indicator_id": "gdp"}, "indicator_id"),
            ({"qualifier": "khoảng"}, "qualifier"),
            ({"status": "estimated"}, "status"),
            ({"locality": "Huế"}, "locality"),
            ({"period": "2023-2021", "obs_id": "production_value.2023-2021"}, "period"),
            ({"period": "1890", "obs_id": "production_value.1890"}, "period"),
            ({"period": "2023-13", "obs_id": "production_value.2023-13"}, "period"),
            ({"period": "２０２３"}, "period"),
            ({"obs_id": "gdp_growth_avg.2023"}, "obs_id"),  # id of another indicator
            ({"obs_id": "Production value"}, "obs_id"),
            ({"source_quote": "dự ước đạt 7.943 tỷ"}, None),  # still verbatim: fine (checked below)
            ({"source_quote": "dự kiến đạt 7.943 tỷ đồng"}, "source_quote"),
            ({"source_quote": "dự ước đạt\n7.943 tỷ đồng"}, "source_quote"),
            ({"source_ref": "mục II"}, "source_ref"),
        ],
    )
    def test_bad_cell(self, over, column):
        out, errors = check_obs(obs(**over))
        if column is None:
            assert errors == []
            return
        assert out == []
        assert any((e.file, e.row, e.column) == ("data/observations.csv", 2, column) for e in errors), errors

    def test_thousands_dot_says_what_to_write(self):
        err = only(check_obs(obs(value="7.943"))[1])
        assert err.value == "7.943" and "write 7943" in err.expected_en and "viết 7943" in err.expected_vi

    def test_decimal_comma_says_what_to_write(self):
        err = only(check_obs(obs(value="13,7"))[1])
        assert "13.7" in err.expected_en

    def test_percent_of_250(self):
        _, errors = check_obs(
            obs(
                obs_id="gdp_growth_avg.2023",
                indicator_id="gdp_growth_avg",
                value="250",
                source_quote="bình quân đạt 13,7%",
            )
        )
        assert any(e.column == "value" and "-100..100" in e.expected_en for e in errors)

    def test_negative_count(self):
        _, errors = check_obs(
            obs(obs_id="schools.2023", indicator_id="schools", value="-28", source_quote="28/38 trường")
        )
        assert any(e.column == "value" and "negative" in e.expected_en for e in errors)

    def test_duplicate_id(self):
        _, errors = check_obs(obs(), obs(source_quote="7.943 tỷ đồng"))
        assert (only(errors).row, only(errors).column) == (3, "obs_id")

    def test_same_figure_twice_with_the_same_quote(self):
        _, errors = check_obs(obs(), obs(obs_id="production_value.2023.b"))
        assert (only(errors).row, only(errors).column) == (3, "source_quote")

    def test_every_error_of_a_row_at_once(self):
        _, errors = check_obs(obs(value="7,943", status="x", locality="Huế"))
        assert {e.column for e in errors} == {"value", "status", "locality"}


# --------------------------------------------------------------------------------------------- report assessment


KEY = {"poverty_rate": {"resolution_no": 7}, "gdp_growth_avg": {"resolution_no": 1}}


def ra(**over) -> dict[str, str]:
    rec = {
        "resolution_no": "7",
        "report_status": "met",
        "source_ref": "P1:B.II:fn1",
        "source_quote": "Kế hoạch đề ra 14-15%.",
    }
    rec.update(over)
    return rec


def check_ra(*recs, indicators=KEY, sources=SOURCES):
    errors: list[DataError] = []
    out = validate_report_assessment([(i + 2, r) for i, r in enumerate(recs)], indicators, sources, errors)
    return out, errors


class TestValidateReportAssessment:
    def test_valid(self):
        out, errors = check_ra(ra(), ra(resolution_no="1", report_status="not_met"))
        assert errors == [] and out[0]["resolution_no"] == 7

    @pytest.mark.parametrize(
        "over,column",
        [
            ({"resolution_no": "15"}, "resolution_no"),
            ({"resolution_no": "một"}, "resolution_no"),
            ({"resolution_no": "²"}, "resolution_no"),  # str.isdigit() is True, int() fails
            ({"resolution_no": "7,0"}, "resolution_no"),
            ({"report_status": "đạt"}, "report_status"),
            ({"report_status": ""}, "report_status"),
            ({"source_quote": "không có trong nguồn"}, "source_quote"),
            ({"source_ref": "P3:II"}, "source_ref"),
        ],
    )
    def test_bad_cell(self, over, column):
        out, errors = check_ra(ra(**over))
        assert out == [] and [(e.file, e.row, e.column) for e in errors] == [("data/report_assessment.csv", 2, column)]

    def test_duplicate_row(self):
        _, errors = check_ra(ra(), ra())
        assert (only(errors).row, only(errors).column) == (3, "resolution_no")

    def test_unreadable_indicators_skip_the_reference_check(self):
        assert check_ra(ra(resolution_no="3"), indicators=None)[1] == []  # 3 is no key indicator of KEY
        assert [e.column for e in check_ra(ra(resolution_no="3"))[1]] == ["resolution_no"]


# --------------------------------------------------------------------------------------------- whole dataset


class TestValidateDataset:
    def test_real_data_is_valid(self, data_copy):
        sources, indicators, targets, observations, assessment = validate_dataset(data_copy)
        assert sources and indicators and targets and observations and assessment

    def test_broken_raw_is_one_error_not_one_per_quote(self, data_copy):
        raw = next((data_copy / "raw").glob("*.txt"))
        raw.write_bytes(raw.read_bytes() + b" ")
        with pytest.raises(DataValidationError) as info:
            validate_dataset(data_copy)
        assert [e.column for e in info.value.errors] == ["sha256"]

    def test_unreadable_indicators_is_one_error_not_one_per_reference(self, data_copy):
        path = data_copy / "indicators.csv"
        path.write_bytes(path.read_bytes().replace(b",", b";"))
        with pytest.raises(DataValidationError) as info:
            validate_dataset(data_copy)
        assert [(e.file, e.row) for e in info.value.errors] == [("data/indicators.csv", 1)]

    def test_missing_localities_is_one_error_when_observations_name_wards(self, data_copy):
        (data_copy / "localities.csv").unlink()
        with pytest.raises(DataValidationError) as info:
            validate_dataset(data_copy)
        assert [(e.file, e.row) for e in info.value.errors] == [("data/localities.csv", None)]
        assert load_localities(data_copy) == {}

    def test_localities_read_in_file_order(self, data_copy):
        places = load_localities(data_copy)
        assert set(places.values()) == {"phường", "xã"} and len(places) == len(set(places))

    def test_errors_of_every_file_at_once(self, data_copy):
        for name, old, new in (
            ("observations.csv", b",exact,", b",chinh_xac,"),
            ("targets.csv", b",between,", b",trong_khoang,"),
            ("report_assessment.csv", b",not_met,", b",chua_dat,"),
        ):
            path = data_copy / name
            path.write_bytes(path.read_bytes().replace(old, new, 1))
        with pytest.raises(DataValidationError) as info:
            validate_dataset(data_copy)
        assert {e.file for e in info.value.errors} == {
            "data/observations.csv",
            "data/targets.csv",
            "data/report_assessment.csv",
        }


# --------------------------------------------------------------------------------------------- raw sources


class TestLoadRawSources:
    @pytest.fixture
    def raw_dir(self, tmp_path) -> Path:
        dest = tmp_path / "raw"
        shutil.copytree(ROOT / "data" / "raw", dest)
        return dest

    def test_valid(self, raw_dir):
        errors: list[DataError] = []
        assert len(load_raw_sources(raw_dir, errors)) == 1 and errors == []

    def test_changed_byte(self, raw_dir):
        target = next(raw_dir.glob("*.txt"))
        data = bytearray(target.read_bytes())
        data[-10] ^= 0x20
        target.write_bytes(bytes(data))
        errors: list[DataError] = []
        assert load_raw_sources(raw_dir, errors) == []
        err = only(errors)
        assert err.file == f"data/raw/{target.name}" and err.column == "sha256" and err.value == sha256_of(target)
        assert "restore" in err.expected_en and "khôi phục" in err.expected_vi

    def test_missing_sidecar(self, raw_dir):
        for sidecar in raw_dir.glob("*.meta.json"):
            sidecar.unlink()
        errors: list[DataError] = []
        assert load_raw_sources(raw_dir, errors) == [] and len(errors) == 1

    def test_sidecar_naming_a_missing_file(self, raw_dir):
        sidecar = next(raw_dir.glob("*.meta.json"))
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
        (raw_dir / meta["file"]).unlink()
        errors: list[DataError] = []
        assert load_raw_sources(raw_dir, errors) == [] and only(errors).column == "file"

    def test_broken_sidecar(self, raw_dir):
        next(raw_dir.glob("*.meta.json")).write_text("{", encoding="utf-8")
        errors: list[DataError] = []
        assert load_raw_sources(raw_dir, errors) == [] and "JSON" in only(errors).expected_en


# --------------------------------------------------------------------------------------------- periods


class TestParsePeriod:
    @pytest.mark.parametrize(
        "text,start,end",
        [
            ("2022", 2022, 2022),
            ("2021-2023", 2021, 2023),
            ("2023-04", 2023, 2023),
            ("2023-01/2023-05", 2023, 2023),
            ("2020-07/2023-05", 2020, 2023),
        ],
    )
    def test_valid(self, text, start, end):
        period = parse_period(text)
        assert (period.start_year, period.end_year) == (start, end)

    @pytest.mark.parametrize(
        "text",
        [
            "2023-2021",
            "1890",
            "2040",
            "2023-13",
            "2023-00",
            "2023-2023",
            "2023-05/2023-01",
            "23",
            "2023/24",
            "２０２３",
            "Apr-23",
            "2023 - 2025",
            "",
        ],
    )
    def test_invalid(self, text):
        with pytest.raises(ValueError):
            parse_period(text)


# --------------------------------------------------------------------------------------------- errors


class TestDataError:
    def test_names_file_row_column_value_and_both_languages(self):
        text = str(DataError("data/x.csv", 5, "value", "13,7", "cần dấu chấm", "needs a point"))
        assert text.splitlines() == [
            "data/x.csv, dòng/row 5, cột/column value: '13,7'",
            "    → cần dấu chấm",
            "    → needs a point",
        ]

    def test_validation_error_renders_every_error(self):
        errors = [DataError("data/x.csv", r, "value", str(r), "sai", "wrong") for r in (2, 3, 4)]
        text = DataValidationError(errors).render()
        assert "3 lỗi" in text and "3 error(s)" in text
        assert all(f"dòng/row {r}" in text for r in (2, 3, 4))

    def test_every_contract_column_is_known_to_the_schema(self):
        # The unit tests above use these names: fail loudly if the contract renames a column.
        assert {"value", "period", "qualifier", "status", "locality"} <= set(contract.columns("observations"))
        assert {"low", "high", "kind", "target_year"} <= set(contract.columns("targets"))
