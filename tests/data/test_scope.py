"""A chapter's view of the data (:mod:`chitieu.data.scope`)."""

from __future__ import annotations

import pytest

from chitieu.data.scope import ALL, normalise_scope, restrict, scoped_indicator_ids


def test_restrict_keeps_the_scope_and_the_key_indicators(ds):
    view = restrict(ds, ["y_te_dan_so"])
    chapters = set(view.indicators["chapter"])
    assert "y_te_dan_so" in chapters and "kinh_te" in chapters  # kinh_te only through key indicators
    outside = view.indicators[view.indicators["chapter"] != "y_te_dan_so"]
    key = ds.indicators["resolution_no"].notna()
    assert len(outside) == key.sum() - (key & (ds.indicators["chapter"] == "y_te_dan_so")).sum()
    assert outside["resolution_no"].notna().all()
    assert set(view.observations["indicator_id"]) <= set(scoped_indicator_ids(ds, ["y_te_dan_so"]))
    assert len(view.report_assessment) == len(ds.report_assessment)
    assert restrict(ds, ALL) is ds


def test_a_misspelt_scope_is_refused(ds):
    with pytest.raises(ValueError, match="y_te"):
        restrict(ds, ["y_te"])


@pytest.mark.parametrize("bad", [None, [], "kinh_te"])
def test_a_missing_or_malformed_scope_is_refused(bad):
    with pytest.raises(ValueError, match="notebooks/x.md"):
        normalise_scope(bad, ["kinh_te"], "notebooks/x.md")


def test_scopes_are_sorted_without_repeats():
    assert normalise_scope(["y", "x", "y"], ["x", "y"], "w") == ["x", "y"]
    assert normalise_scope("all", [], "w") == ALL
