"""The auditor's checks: each kind on hand-computed cases (rounding edges included), the real checks file,
its validation errors, audit.csv and the chapter helpers."""

from __future__ import annotations

import csv
import math
import shutil
from pathlib import Path

import pandas as pd
import pytest

from chitieu.analysis import audit
from chitieu.analysis.audit import Check, evaluate_check, value_interval
from chitieu.cli import main as cli_main
from chitieu.config import PROJ_ROOT as ROOT
from chitieu.data.errors import DataValidationError
from chitieu.data.load import Dataset


# ------------------------------------------------------------------------------------ helpers
def make_ds(rows, targets=(), assessment=()) -> Dataset:
    """A tiny dataset: rows are ``(obs_id, value_text, unit, qualifier)``; one indicator per row."""
    obs, ind = [], []
    for oid, text, unit, qualifier in rows:
        iid = f"ind_{oid}"
        ind.append(
            {
                "indicator_id": iid,
                "chapter": "kinh_te",
                "name_vi": f"Chỉ tiêu {oid}",
                "name_en": oid,
                "unit": unit,
                "higher_is_better": True,
                "resolution_no": None,
                "description_vi": ".",
            }
        )
        obs.append(
            {
                "obs_id": oid,
                "indicator_id": iid,
                "period": "2022",
                "value": float(text),
                "value_text": text,
                "qualifier": qualifier,
                "status": "actual",
                "locality": "",
                "source_ref": "P1:B.II",
                "source_quote": f"trích dẫn {oid}",
                "start_year": 2022,
                "end_year": 2022,
                "decimals": len(text.split(".")[1]) if "." in text else 0,
            }
        )
    indicators = pd.DataFrame(ind).set_index("indicator_id", drop=False)
    indicators["resolution_no"] = indicators["resolution_no"].astype("Int64")
    observations = pd.DataFrame(obs).set_index("obs_id", drop=False)
    tgt = pd.DataFrame(
        list(targets), columns=["indicator_id", "target_year", "kind", "low", "high", "source_ref", "source_quote"]
    )
    ra = pd.DataFrame(list(assessment), columns=["resolution_no", "report_status", "source_ref", "source_quote"])
    return Dataset(indicators, tgt, observations, ra, [], Path("."))


def check(kind, ids, **params) -> Check:
    obs = tuple((-1, i[1:]) if i.startswith("-") else (1, i) for i in ids.split())
    return Check("c", kind, obs, {k: str(v) for k, v in params.items()}, "Kiểm tra", "P1:B.II", "", 2)


# ------------------------------------------------------------------------------- intervals
class TestIntervals:
    def test_half_unit_from_written_decimals(self):
        assert audit.half_unit("73.68") == pytest.approx(0.005)
        assert audit.half_unit("541") == 0.5
        assert audit.half_unit("5.0") == pytest.approx(0.05)

    def test_counts_are_exact(self):
        v = value_interval(28, "28", "count", "exact")
        assert (v.lo, v.hi, v.exact) == (28, 28, True)
        v = value_interval(541, "541", "billion_vnd", "exact")
        assert (v.lo, v.hi) == (540.5, 541.5)

    def test_approx_width(self):
        v = value_interval(5400, "5400", "billion_vnd", "approx")
        assert (v.lo, v.hi, v.exact) == (5346, 5454, False)  # 1 % of 5.400 (54) beats half a hundred (50)
        v = value_interval(1700, "1700", "billion_vnd", "approx")
        assert (v.lo, v.hi) == (1650, 1750)  # half a hundred (50) beats 1 % (17)

    def test_one_sided_qualifiers(self):
        assert value_interval(93, "93", "percent", "more_than").hi == math.inf
        assert value_interval(80, "80", "persons", "at_most").lo == -math.inf
        nearly = value_interval(2333, "2333", "ha", "nearly")
        assert nearly.hi == 2333 and nearly.lo == pytest.approx(2333 - 23.33)


# ------------------------------------------------------------------------------ each kind
class TestPercent:
    ds = make_ds(
        [
            ("one", "1", "count", "exact"),
            ("three", "3", "count", "exact"),
            ("p333", "33.3", "percent", "exact"),
            ("p3303", "33.03", "percent", "exact"),
            ("p33", "33", "percent", "exact"),
            ("p3334", "33.34", "percent", "exact"),
            ("p50", "50", "percent", "exact"),
            ("two", "2", "count", "exact"),
            ("four", "4", "count", "exact"),
        ]
    )

    @pytest.mark.parametrize(
        "stated, status",
        [("p333", "rounding"), ("p3303", "fail"), ("p33", "rounding"), ("p3334", "fail")],
    )
    def test_one_third(self, stated, status):
        # 1/3 = 33,333…%: 33,3 (±0,05) and 33 (±0,5) agree within rounding; 33,03 and 33,34 (±0,005) do not.
        assert evaluate_check(self.ds, check("percent", f"{stated} one three")).status == status

    def test_exact_half_passes(self):
        res = evaluate_check(self.ds, check("percent", "p50 two four"))
        assert res.status == "pass" and res.computed == "50" and res.difference == "0"

    def test_missing_denominator_is_unverifiable(self):
        res = evaluate_check(self.ds, check("percent", "p333", missing_vi="mẫu số"))
        assert res.status == "unverifiable" and "mẫu số" in res.message


class TestSum:
    ds = make_ds(
        [
            ("t243", "243", "party_members", "exact"),
            ("t247", "247", "party_members", "exact"),
            ("a", "71", "party_members", "exact"),
            ("b", "81", "party_members", "exact"),
            ("c", "65", "party_members", "exact"),
            ("d", "30", "party_members", "exact"),
            ("l1", "304.203", "billion_vnd", "exact"),
            ("l2", "100.412", "billion_vnd", "exact"),
            ("l3", "100", "billion_vnd", "exact"),
            ("l504", "504", "billion_vnd", "exact"),
            ("l506", "506", "billion_vnd", "exact"),
            ("x31", "31", "count", "exact"),
            ("x9", "9", "count", "exact"),
            ("x5", "5", "count", "exact"),
            ("x27", "27", "count", "exact"),
            ("x28", "28", "count", "exact"),
        ]
    )

    def test_parts_add_up(self):
        res = evaluate_check(self.ds, check("sum", "t247 a b c d"))
        assert res.status == "pass" and res.tolerance == "0"
        assert "71 + 81 + 65 + 30 = 247" in res.message

    def test_parts_do_not_add_up(self):
        res = evaluate_check(self.ds, check("sum", "t243 a b c d"))
        assert res.status == "fail" and res.difference == "4"
        assert "71 + 81 + 65 + 30 = 247 ≠ 243" in res.message

    def test_within_propagated_half_units(self):
        # 304,203 + 100,412 + 100 = 504,615; half-units 0,0005 + 0,0005 + 0,5 for the parts, 0,5 for the total.
        res = evaluate_check(self.ds, check("sum", "l504 l1 l2 l3"))
        assert res.status == "rounding"
        assert float(res.tolerance) == pytest.approx(1.001)
        assert evaluate_check(self.ds, check("sum", "l506 l1 l2 l3")).status == "fail"

    def test_signed_parts(self):
        assert evaluate_check(self.ds, check("sum", "x27 x31 -x9 x5")).status == "pass"
        res = evaluate_check(self.ds, check("sum", "x28 x31 -x9 x5"))
        assert res.status == "fail" and "31 − 9 + 5 = 27 ≠ 28" in res.message


class TestAverage:
    ds = make_ds(
        [
            ("total", "2800", "persons", "exact"),
            ("avg933", "933", "persons_per_year", "exact"),
            ("avg930", "930", "persons_per_year", "exact"),
            ("t2700", "2700", "persons", "exact"),
            ("avg900", "900", "persons_per_year", "exact"),
        ]
    )

    def test_rounded_average(self):
        res = evaluate_check(self.ds, check("average", "avg933 total", n=3))
        assert res.status == "rounding" and float(res.computed) == pytest.approx(933.333333)

    def test_wrong_average(self):
        assert evaluate_check(self.ds, check("average", "avg930 total", n=3)).status == "fail"

    def test_exact_average(self):
        assert evaluate_check(self.ds, check("average", "avg900 t2700", n=3)).status == "pass"


class TestGrowth:
    ds = make_ds(
        [
            ("start", "100", "billion_vnd", "exact"),
            ("end", "121", "billion_vnd", "exact"),
            ("g10", "10", "percent", "exact"),
            ("g99", "9.9", "percent", "exact"),
            ("g85", "8.5", "percent", "exact"),
            ("s100", "100", "count", "exact"),
            ("e121", "121", "count", "exact"),
        ]
    )

    def test_endpoints_imply_rate(self):
        # (121/100)^(1/2) − 1 = 10 % exactly; with 100 ± 0,5 and 121 ± 0,5 the rate lies in 9,5 % … 10,5 %.
        assert evaluate_check(self.ds, check("growth", "g10 start end", years=2)).status == "pass"
        assert evaluate_check(self.ds, check("growth", "g99 start end", years=2)).status == "rounding"
        assert (
            evaluate_check(self.ds, check("growth", "g85 start end", years=2)).status == "fail"
        )  # 8,45–8,55 misses 9,5–10,5

    def test_exact_endpoints(self):
        assert evaluate_check(self.ds, check("growth", "g10 s100 e121", years=2)).status == "pass"
        assert evaluate_check(self.ds, check("growth", "g99 s100 e121", years=2)).status == "fail"

    def test_missing_endpoint(self):
        res = evaluate_check(self.ds, check("growth", "g10 end", years=1, missing_vi="giá trị năm trước"))
        assert res.status == "unverifiable" and "giá trị năm trước" in res.message

    def test_series_sum_from_rate(self):
        ds = make_ds(
            [
                ("total", "5400", "billion_vnd", "approx"),
                ("last", "1700", "billion_vnd", "approx"),
                ("rate", "8.3", "percent", "exact"),
                ("tot2", "4720", "billion_vnd", "approx"),
            ]
        )
        # 1.700 + 1.700/1,083 + 1.700/1,083² = 4.719,13
        res = evaluate_check(ds, check("growth_series_sum", "total last rate", years=3))
        assert res.status == "fail" and float(res.computed) == pytest.approx(4719.126, abs=0.01)
        assert evaluate_check(ds, check("growth_series_sum", "tot2 last rate", years=3)).status == "rounding"


class TestOtherKinds:
    ds = make_ds(
        [
            ("i", "55", "percent", "exact"),
            ("s", "37.5", "percent", "exact"),
            ("a", "7.5", "percent", "exact"),
            ("a2", "8.5", "percent", "exact"),
            ("q26", "26", "party_members", "exact"),
            ("q30", "30", "party_members", "exact"),
            ("r816", "81.6", "percent", "exact"),
            ("r8158", "81.58", "percent", "exact"),
            ("m93", "93", "percent", "more_than"),
            ("m93b", "93", "percent", "more_than"),
            ("u", "97", "percent", "exact"),
            ("w", "64", "percent", "exact"),
            ("r", "89", "percent", "exact"),
            ("p", "290.05", "ha", "exact"),
            ("whole", "491.98", "ha", "exact"),
            ("v81", "81", "party_members", "exact"),
            ("v65", "65", "party_members", "exact"),
            ("lo", "65", "party_members", "at_least"),
            ("hi", "80", "party_members", "at_most"),
            ("y1", "304.203", "billion_vnd", "exact"),
            ("y2", "100.412", "billion_vnd", "exact"),
            ("y3", "100", "billion_vnd", "exact"),
            ("n8", "8", "persons", "exact"),
            ("ratio", "1.2", "ratio", "exact"),
            ("num", "60", "million_vnd", "exact"),
            ("den", "50", "million_vnd", "exact"),
        ]
    )

    def test_share_sum(self):
        assert evaluate_check(self.ds, check("share_sum", "i s a")).status == "pass"
        assert evaluate_check(self.ds, check("share_sum", "i s a2")).status == "fail"

    def test_same_quantity(self):
        assert evaluate_check(self.ds, check("same_quantity", "q26 q30")).status == "fail"
        assert evaluate_check(self.ds, check("same_quantity", "r816 r8158")).status == "rounding"
        assert evaluate_check(self.ds, check("same_quantity", "m93 m93b")).status == "pass"

    def test_weighted_average_with_rest_weight(self):
        # 97 × 64 % + 89 × 36 % = 94,12 ≥ 93: consistent with "trên 93%", at best rounding.
        res = evaluate_check(self.ds, check("weighted_average", "m93 u w r", rest_weight="true", approx="true"))
        assert res.status == "rounding" and float(res.computed) == pytest.approx(94.12)

    def test_part_of(self):
        assert evaluate_check(self.ds, check("part_of", "p whole")).status == "pass"
        assert evaluate_check(self.ds, check("part_of", "whole p")).status == "fail"

    def test_in_range_with_bounds_from_observations(self):
        assert evaluate_check(self.ds, check("in_range", "v81", low="lo", high="hi")).status == "fail"
        assert evaluate_check(self.ds, check("in_range", "v65", low="lo", high="hi")).status == "pass"
        assert evaluate_check(self.ds, check("in_range", "y1 y2 y3", low=80)).status == "pass"

    def test_trend_and_maximum(self):
        assert evaluate_check(self.ds, check("trend", "y1 y2", direction="decreasing")).status == "pass"
        assert evaluate_check(self.ds, check("trend", "y2 y1", direction="decreasing")).status == "fail"
        # 100,412 → 100 (± 0,5): a fall only within the written precision.
        assert evaluate_check(self.ds, check("trend", "y2 y3", direction="decreasing")).status == "rounding"
        assert evaluate_check(self.ds, check("maximum", "y1 y2 y3")).status == "pass"
        assert evaluate_check(self.ds, check("maximum", "y2 y1")).status == "fail"

    def test_count_list(self):
        assert evaluate_check(self.ds, check("count_list", "n8", items="a|b|c|d|e|f|g|h")).status == "pass"
        res = evaluate_check(self.ds, check("count_list", "n8", items="a|b|c|d|e|f|g"))
        assert res.status == "fail" and res.computed == "7"

    def test_ratio(self):
        assert evaluate_check(self.ds, check("ratio", "ratio num den")).status == "pass"

    def test_classification(self):
        ds = make_ds(
            [("heads", "83.33", "percent", "exact"), ("secretaries", "48.61", "percent", "exact")],
            targets=[
                ("ind_heads", 2025, "at_least", 80.0, float("nan"), "P1:B.II", "trên 80%"),
                ("ind_secretaries", 2025, "at_least", 50.0, float("nan"), "P1:B.II", "trên 50%"),
            ],
            assessment=[
                (13, "met", "P1:B.II:fn1", "Chỉ tiêu 13"),
                (13, "nearly_met", "P1:B.II:fn9", "gần đạt"),
                (13, "not_met", "P1:B.II:fn8", "chưa đạt"),
            ],
        )
        assert evaluate_check(ds, check("classification", "heads", resolution_no=13)).status == "pass"
        # The weaker part (48,61 % against > 50 %) decides: nearly met, the report says met.
        assert evaluate_check(ds, check("classification", "heads secretaries", resolution_no=13)).status == "fail"
        assert (
            evaluate_check(
                ds, check("classification", "secretaries", resolution_no=13, report_ref="P1:B.II:fn9")
            ).status
            == "pass"
        )
        assert (
            evaluate_check(
                ds, check("classification", "secretaries", resolution_no=13, report_ref="P1:B.II:fn8")
            ).status
            == "rounding"
        )

    def test_qualitative_is_unverifiable(self):
        assert evaluate_check(self.ds, check("qualitative", "n8")).status == "unverifiable"


# -------------------------------------------------------------------------- the real file
@pytest.fixture(scope="module")
def checks(ds):
    return audit.load_checks(ds)


@pytest.fixture(scope="module")
def results(ds, checks):
    return audit.evaluate_all(ds, checks)


class TestRealChecks:
    def test_every_observation_named_exists(self, ds, checks):
        for c in checks:
            for oid in c.obs_ids + c.param_obs_ids():
                assert oid in ds.observations.index, f"{c.check_id}: {oid}"

    def test_many_checks_of_every_required_kind(self, checks):
        kinds = {c.kind for c in checks}
        assert len(checks) >= 100
        assert {"sum", "percent", "average", "growth", "share_sum", "same_quantity", "classification"} <= kinds

    def test_fourteen_key_indicators_classified(self, checks):
        numbers = {int(c.params["resolution_no"]) for c in checks if c.kind == "classification"}
        assert numbers == set(range(1, 15))

    def test_known_findings(self, results):
        by_id = {r.check_id: r for r in results}
        for cid in (
            "xd_ket_nap_hai_cho",
            "gd_so_truong_2022_hai_cho",
            "gd_ty_le_2023_muc_giao_duc",
            "tc_von_tong_theo_toc_do",
            "cl_chi_tieu_13",
            "xd_ket_nap_2021_trong_khoang",
            "xd_ke_khai_dien_btv",
        ):
            assert by_id[cid].status == "fail", cid
        assert by_id["xd_ket_nap_tong_muc_chi_tieu"].status == "pass"
        assert by_id["gd_ty_le_2023_muc_chi_tieu"].status == "rounding"
        assert by_id["tc_tien_dat_tong"].status == "rounding"

    def test_every_result_has_a_message_and_quotes(self, results):
        for r in results:
            assert r.message and r.status in audit.STATUS_ORDER
            assert r.quotes, r.check_id
            assert "\n" not in r.message

    def test_corrections_are_valid_and_point_to_fails(self, ds, checks, results):
        corrections = audit.load_corrections(ds, checks)
        assert corrections
        fails = {r.check_id for r in results if r.status == "fail"}
        for c in corrections:
            assert fails & set(c.check_ids), c.indicator_id
            assert c.chosen_obs_id not in c.rejected_obs_ids

    def test_markers_link_to_findings(self, results):
        failed = audit.failed_obs_ids(results)
        marker = audit.marker_html("party_admissions.2020-07_2023-05.b", failed)
        assert 'href="13_kiem_tra_so_lieu.html#check-xd_ket_nap_hai_cho"' in marker and "⚠" in marker
        assert audit.marker_html("party_members_total.2023", failed) == ""

    def test_chapter_links(self, ds):
        assert audit.chapter_pages(ds, ["schools_national_standard_rate.2022"]) == [
            "01_chi_tieu_chu_yeu",
            "06_giao_duc",
        ]
        assert set(audit.CHAPTER_PAGES) == set(ds.indicators["chapter"].unique()) | {"tong_quan"}

    def test_finding_html_escapes_and_anchors(self, ds, results):
        res = next(r for r in results if r.check_id == "xd_ket_nap_hai_cho")
        page = audit.finding_html(ds, res)
        assert 'id="check-xd_ket_nap_hai_cho"' in page and "11_xay_dung_dang.html" in page
        assert "<script" not in page


# ---------------------------------------------------------------------- validation errors
def _write_checks(data_dir: Path, rows: list[dict]) -> None:
    with open(data_dir / "checks.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=audit.CHECK_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({col: row.get(col, "") for col in audit.CHECK_COLUMNS})


class TestValidation:
    good = {
        "check_id": "ok",
        "kind": "same_quantity",
        "obs_ids": "poverty_rate.2022 poverty_rate.2022.b",
        "description_vi": "Tỷ lệ hộ nghèo",
        "source_ref": "P1:B.III.8",
    }

    def _errors(self, ds, tmp_path, rows):
        _write_checks(tmp_path, rows)
        with pytest.raises(DataValidationError) as info:
            audit.load_checks(ds, tmp_path / "checks.csv")
        return info.value.errors

    def test_unknown_observation_names_row_and_column(self, ds, tmp_path):
        errors = self._errors(
            ds, tmp_path, [self.good, {**self.good, "check_id": "bad", "obs_ids": "poverty_rate.2022 no_such.2022"}]
        )
        assert [(e.file, e.row, e.column, e.value) for e in errors] == [
            ("data/checks.csv", 3, "obs_ids", "no_such.2022")
        ]

    def test_kind_params_ids_and_refs(self, ds, tmp_path):
        rows = [
            {**self.good, "kind": "total"},
            {**self.good, "check_id": "ok"},
            {**self.good, "check_id": "Bad-Id"},
            {**self.good, "check_id": "p", "kind": "average", "params": "n"},
            {**self.good, "check_id": "q", "kind": "percent"},
            {**self.good, "check_id": "r", "source_ref": "B.II"},
            {**self.good, "check_id": "s", "evidence_quote": "không có trong báo cáo"},
        ]
        errors = self._errors(ds, tmp_path, rows)
        found = {(e.row, e.column) for e in errors}
        assert (2, "kind") in found  # unknown kind
        assert (3, "check_id") in found  # duplicate id
        assert (4, "check_id") in found  # not a-z0-9_
        assert (5, "params") in found  # not key=value
        assert (6, "obs_ids") in found  # percent needs three ids
        assert (7, "source_ref") in found
        assert (8, "evidence_quote") in found
        assert all(e.file == "data/checks.csv" for e in errors)

    def test_real_file_loads(self, ds):
        assert audit.load_checks(ds)


# ------------------------------------------------------------------------------ make audit
class TestCli:
    def test_writes_audit_csv(self, tmp_path):
        out = tmp_path / "html" / "data" / "audit.csv"
        assert cli_main(["--data-dir", str(ROOT / "data"), "audit", "--out", str(out)]) == 0
        with open(out, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            rows = list(reader)
        assert tuple(reader.fieldnames) == audit.AUDIT_COLUMNS
        assert len(rows) >= 100
        row = next(r for r in rows if r["check_id"] == "xd_ket_nap_hai_cho")
        assert row["status"] == "fail"
        assert "Kết nạp được 243 đảng viên mới" in row["source_quotes"] and " | " in row["source_quotes"]
        assert not list(out.parent.glob(".audit.csv.*")), "no temporary file is left behind"

    def test_bad_checks_file_returns_1(self, tmp_path, capsys):
        data = tmp_path / "data"
        shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("staging"))
        with open(data / "checks.csv", "a", encoding="utf-8") as fh:
            fh.write("zz,sum,missing.2022,,x,P1:B.II,\n")
        out = tmp_path / "audit.csv"
        assert cli_main(["--data-dir", str(data), "audit", "--out", str(out)]) == 1
        assert "data/checks.csv" in capsys.readouterr().err and not out.exists()


def test_fails_table_links_to_anchors(results):
    page = audit.fails_table_html(results)
    assert page.count('href="#check-') == sum(r.status == "fail" for r in results)
