"""Content hashes deciding which chapter runs again (chitieu.build.cache)."""

from __future__ import annotations

import pytest

from chitieu.build.bench import edit_one_observation
from chitieu.build.cache import ALL, ChapterCache, chapter_key, data_fingerprint, restrict, scoped_indicator_ids
from chitieu.data.load import load_dataset


def test_same_data_same_fingerprint(data_copy):
    first, second = load_dataset(data_copy), load_dataset(data_copy)
    for scope in (ALL, ["kinh_te"], ["giao_duc", "y_te_dan_so"]):
        assert data_fingerprint(data_copy, first, scope) == data_fingerprint(data_copy, second, scope)
    assert data_fingerprint(data_copy, first, ["kinh_te"]) != data_fingerprint(data_copy, first, ["y_te_dan_so"])


def test_a_changed_row_changes_its_scope_only(data_copy):
    before = load_dataset(data_copy)
    fingerprints = {s: data_fingerprint(data_copy, before, [s]) for s in ("kinh_te", "y_te_dan_so")}
    everything = data_fingerprint(data_copy, before, ALL)
    edit_one_observation(data_copy, "kinh_te", "status", "estimate")
    after = load_dataset(data_copy)
    assert data_fingerprint(data_copy, after, ["kinh_te"]) != fingerprints["kinh_te"]
    assert data_fingerprint(data_copy, after, ["y_te_dan_so"]) == fingerprints["y_te_dan_so"]
    assert data_fingerprint(data_copy, after, ALL) != everything


def test_checks_and_corrections_reach_every_scope(data_copy):
    before = data_fingerprint(data_copy, load_dataset(data_copy), ["y_te_dan_so"])
    with open(data_copy / "corrections.csv", "a", encoding="utf-8") as handle:
        handle.write("")  # unchanged: same hash
    assert data_fingerprint(data_copy, load_dataset(data_copy), ["y_te_dan_so"]) == before
    text = (data_copy / "checks.csv").read_text(encoding="utf-8")
    (data_copy / "checks.csv").write_text(text.replace("\n", "\r\n", 1), encoding="utf-8")
    assert data_fingerprint(data_copy, load_dataset(data_copy), ["y_te_dan_so"]) != before


def test_restrict_keeps_the_scope_and_the_key_indicators(ds):
    view = restrict(ds, ["y_te_dan_so"])
    chapters = set(view.indicators["chapter"])
    assert "y_te_dan_so" in chapters and "kinh_te" in chapters  # kinh_te only through key indicators
    outside = view.indicators[view.indicators["chapter"] != "y_te_dan_so"]
    assert (
        len(outside)
        == ds.indicators["resolution_no"].notna().sum()
        - (ds.indicators["resolution_no"].notna() & (ds.indicators["chapter"] == "y_te_dan_so")).sum()
    )
    assert outside["resolution_no"].notna().all()
    assert set(view.observations["indicator_id"]) <= set(scoped_indicator_ids(ds, ["y_te_dan_so"]))
    assert restrict(ds, ALL) is ds


def test_a_misspelt_scope_is_refused(ds):
    with pytest.raises(ValueError, match="y_te"):
        restrict(ds, ["y_te"])


def test_chapter_key_follows_each_input(tmp_path):
    nb = tmp_path / "a.ipynb"
    nb.write_text("{}", encoding="utf-8")
    base = chapter_key(nb, {"report_year": 2023}, "pkg", "env", "data")
    assert chapter_key(nb, {"report_year": 2023}, "pkg", "env", "data") == base
    assert chapter_key(nb, {"report_year": 2022}, "pkg", "env", "data") != base
    assert chapter_key(nb, {"report_year": 2023}, "pkg2", "env", "data") != base
    assert chapter_key(nb, {"report_year": 2023}, "pkg", "env2", "data") != base
    assert chapter_key(nb, {"report_year": 2023}, "pkg", "env", "data2") != base
    nb.write_text('{"x": 1}', encoding="utf-8")
    assert chapter_key(nb, {"report_year": 2023}, "pkg", "env", "data") != base


def test_chapter_cache_round_trip_and_pruning(tmp_path):
    cache = ChapterCache(tmp_path)
    exports = tmp_path / "exports"
    exports.mkdir()
    run = tmp_path / "run.ipynb"
    assert not cache.fetch("01_x.ipynb", "k0", tmp_path / "out.ipynb", exports)
    for i in range(10):
        run.write_text(f"run {i}", encoding="utf-8")
        (exports / "01_x.csv").write_text(f"csv {i}", encoding="utf-8")
        cache.store("01_x.ipynb", f"k{i}", run, exports)
    (exports / "01_x.csv").unlink()
    assert cache.fetch("01_x.ipynb", "k9", tmp_path / "out.ipynb", exports)
    assert (tmp_path / "out.ipynb").read_text(encoding="utf-8") == "run 9"
    assert (exports / "01_x.csv").read_text(encoding="utf-8") == "csv 9"
    assert len(list((tmp_path / ".cache" / "build" / "01_x").glob("*.ipynb"))) == 8


@pytest.mark.parametrize("scope", [["kinh_te"], ALL])
def test_fingerprint_ignores_nothing_a_chapter_reads(data_copy, scope):
    """A changed quote (what the figures section prints) must re-run the chapter."""
    before = data_fingerprint(data_copy, load_dataset(data_copy), scope)
    edit_one_observation(data_copy, "kinh_te", "source_ref", "P1:A.I.1")
    assert data_fingerprint(data_copy, load_dataset(data_copy), scope) != before
