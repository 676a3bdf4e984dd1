"""A chapter's data scope: the part of the dataset it may read.

A scope is a list of topics (the ``chapter`` column of ``indicators.csv``) or ``"all"``. A chapter with a
scope sees the indicators of those topics plus the resolution's key indicators (every chapter may cite
them), their targets and their observations; the report's own assessment and the raw sources stay whole.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from chitieu.data.load import Dataset

ALL = "all"

Scope = list[str] | str


def normalise_scope(scope: Iterable[str] | str | None, known_topics: Iterable[str], where: str) -> Scope:
    """``"all"`` or the sorted topic list; a missing, empty or unknown scope is refused with ``where`` named.

    Raises
    ------
    ValueError
        When ``scope`` is missing or empty, or names a topic that does not exist: a misspelt scope would
        silently hide the chapter's data.
    """
    if scope == ALL:
        return ALL
    if scope is None or isinstance(scope, str) or not list(scope):
        raise ValueError(
            f"{where}: khai báo phạm vi dữ liệu `chitieu: scope:` (danh sách chủ đề hoặc `all`) / "
            f"declare the data scope `chitieu: scope:` (a list of topics, or `all`); got {scope!r}"
        )
    topics = sorted(set(scope))
    unknown = sorted(set(topics) - set(known_topics))
    if unknown:
        raise ValueError(f"{where}: unknown topic(s) in the scope: {unknown}; known: {sorted(known_topics)}")
    return topics


def scoped_indicator_ids(ds: Dataset, scope: list[str]) -> pd.Index:
    """Indicators of the scope's topics plus the resolution's key indicators."""
    ind = ds.indicators
    return ind.index[ind["chapter"].isin(scope) | ind["resolution_no"].notna()]


def restrict(ds: Dataset, scope: Scope) -> Dataset:
    """The dataset as a chapter with this scope sees it.

    Raises
    ------
    ValueError
        For a topic that does not exist.
    """
    if scope == ALL:
        return ds
    normalise_scope(scope, ds.indicators["chapter"].unique(), "scope")
    ids = scoped_indicator_ids(ds, scope)
    return Dataset(
        ds.indicators.loc[ids],
        ds.targets[ds.targets["indicator_id"].isin(ids)].reset_index(drop=True),
        ds.observations[ds.observations["indicator_id"].isin(ids)],
        ds.report_assessment,
        ds.sources,
        ds.data_dir,
    )
