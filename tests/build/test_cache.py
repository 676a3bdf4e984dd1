"""Which chapter runs again, and the executed chapters kept for reuse (:mod:`chitieu.build.cache`)."""

from __future__ import annotations

import pytest

from chitieu.build.cache import ChapterCache, chapter_key


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
    assert not cache.fetch("01_x", "k0", tmp_path / "out.ipynb", exports)
    for i in range(10):
        run.write_text(f"run {i}", encoding="utf-8")
        (exports / "01_x.csv").write_text(f"csv {i}", encoding="utf-8")
        cache.store("01_x", f"k{i}", run, exports)
    (exports / "01_x.csv").unlink()
    assert cache.fetch("01_x", "k9", tmp_path / "out.ipynb", exports)
    assert (tmp_path / "out.ipynb").read_text(encoding="utf-8") == "run 9"
    assert (exports / "01_x.csv").read_text(encoding="utf-8") == "csv 9"
    assert len(list((tmp_path / ".cache" / "build" / "01_x").glob("*.ipynb"))) == ChapterCache.KEEP


@pytest.fixture
def stored(tmp_path):
    """A cache holding one run of chapter 01_x (notebook and CSV export)."""
    messages: list[str] = []
    cache = ChapterCache(tmp_path, report=messages.append)
    exports = tmp_path / "exports"
    exports.mkdir()
    run = tmp_path / "run.ipynb"
    run.write_text('{"cells": [], "value": "7.943 tỷ đồng"}', encoding="utf-8")
    (exports / "01_x.csv").write_text("obs_id,value\na,7943\nb,1\n", encoding="utf-8")
    cache.store("01_x", "k", run, exports)
    (exports / "01_x.csv").unlink()
    return cache, tmp_path / ".cache" / "build" / "01_x", exports, messages


@pytest.mark.parametrize(
    "damage",
    ["truncate notebook", "truncate csv", "edit notebook", "delete record", "garble record"],
)
def test_a_damaged_entry_is_a_miss_said_aloud(stored, damage, tmp_path):
    cache, folder, exports, messages = stored
    nb, csv, record = folder / "k.ipynb", folder / "k.csv", folder / "k.json"
    if damage == "truncate notebook":
        nb.write_bytes(nb.read_bytes()[:10])
    elif damage == "truncate csv":
        csv.write_bytes(csv.read_bytes()[:12])
    elif damage == "edit notebook":
        nb.write_text(nb.read_text(encoding="utf-8").replace("7.943", "9.999"), encoding="utf-8")
    elif damage == "delete record":
        record.unlink()
    else:
        record.write_bytes(b"\x00\xff not json")
    out = tmp_path / "out.ipynb"
    assert not cache.fetch("01_x", "k", out, exports)
    assert not out.exists() and not (exports / "01_x.csv").exists()
    if damage != "delete record":
        assert any("cache entry damaged" in m for m in messages), messages
        assert not nb.exists() and not record.exists()  # removed, so the next build stores a fresh one


def test_entries_are_world_readable(stored):
    _, folder, _, _ = stored
    assert {oct(p.stat().st_mode & 0o777) for p in folder.iterdir()} == {"0o644"}
