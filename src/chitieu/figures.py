"""The closing table of every chapter: each figure used, with its value, period, status and quote."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from chitieu.fmt import format_observation, format_period, format_source_ref, format_status
from chitieu.load import Dataset

FIGURE_COLUMNS = {
    "obs_id": "Mã số liệu",
    "name": "Chỉ tiêu",
    "value": "Giá trị",
    "period": "Kỳ",
    "status": "Trạng thái",
    "locality": "Địa bàn",
    "source": "Nguồn",
    "quote": "Trích dẫn nguyên văn",
}


def figures_used(ds: Dataset, obs_ids: Iterable[str]) -> pd.DataFrame:
    """Display rows (all text) for the observations ``obs_ids``, in the given order, without repeats.

    Raises
    ------
    KeyError
        If an id is not in the data (a chapter must not cite a figure that does not exist).
    """
    seen: list[str] = []
    for oid in obs_ids:
        if oid is not None and oid not in seen:
            seen.append(oid)
    missing = [oid for oid in seen if oid not in ds.observations.index]
    if missing:
        raise KeyError(f"observations not in data/observations.csv: {missing}")
    obs = ds.observations.loc[seen]
    names = ds.indicators["name_vi"]
    units = ds.indicators["unit"]
    return pd.DataFrame(
        {
            "obs_id": obs["obs_id"],
            "name": obs["indicator_id"].map(names),
            "value": [
                format_observation(row.value, units[row.indicator_id], row.qualifier, int(row.decimals))
                for row in obs.itertuples()
            ],
            "period": obs["period"].map(format_period),
            "status": obs["status"].map(format_status),
            "locality": obs["locality"].replace("", "toàn thị xã"),
            "source": obs["source_ref"].map(format_source_ref),
            "quote": "“" + obs["source_quote"] + "”",
        }
    )
