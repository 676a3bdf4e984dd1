"""Content hashes of the data a scope can read (:mod:`chitieu.data.fingerprint`)."""

from __future__ import annotations

import pytest

from chitieu.build.bench import edit_one_observation
from chitieu.data.fingerprint import data_fingerprint
from chitieu.data.load import load_dataset
from chitieu.data.scope import ALL


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


@pytest.mark.parametrize("scope", [["kinh_te"], ALL])
def test_fingerprint_ignores_nothing_a_chapter_reads(data_copy, scope):
    """A changed quote (what the figures section prints) must re-run the chapter."""
    before = data_fingerprint(data_copy, load_dataset(data_copy), scope)
    edit_one_observation(data_copy, "kinh_te", "source_ref", "P1:A.I.1")
    assert data_fingerprint(data_copy, load_dataset(data_copy), scope) != before
