"""The closing table of the chapters (:mod:`chitieu.book.figures`)."""

import pytest

from chitieu.analysis import keyindicators as ki
from chitieu.book import figures


class TestFiguresUsed:
    def test_skips_missing_ids_and_repeats(self, ds):
        ids = ki.key_indicators(ds, 2022)["obs_id"]  # key indicators without a 2022 figure have no id
        table = figures.figures_used(ds, list(ids) + ["poverty_rate.2022"])
        assert list(table["obs_id"]) == [i for i in ids if isinstance(i, str)]
        assert all(isinstance(v, str) for v in table.drop(columns="obs_id").to_numpy().ravel())

    def test_unknown_id_is_refused(self, ds):
        with pytest.raises(KeyError):
            figures.figures_used(ds, ["no_such_indicator.2023"])
