"""What the book shows as of one year against another: figures that changed, appeared or disappeared.

``make diff FROM=2022 TO=2023`` prints it; the methods chapter shows it for the year before the report year.
A *figure* is the headline observation of one indicator for one locality (or the whole town) as of a year,
chosen by the rule of :func:`chitieu.analysis.selection.latest_observation`.
"""

from __future__ import annotations

import pandas as pd

from chitieu.analysis.selection import headline_figures
from chitieu.book.chapter import enrich
from chitieu.data.load import Dataset


def snapshot(ds: Dataset, year: int) -> pd.DataFrame:
    """The headline figure of every (indicator, locality) as of ``year``, enriched and indexed by that pair.

    The figures are :func:`chitieu.analysis.selection.headline_figures`.
    """
    best = enrich(ds, headline_figures(ds.observations, year)).sort_values(["indicator_id", "locality"])
    return best.set_index(["indicator_id", "locality"], drop=False).rename_axis([None, None])


def compare(ds: Dataset, year_from: int, year_to: int) -> pd.DataFrame:
    """Figures that differ between the book as of ``year_from`` and as of ``year_to``.

    Returns one row per (indicator, locality) with ``change`` in {"changed", "appeared", "disappeared"},
    the Vietnamese texts of both sides (``before``, ``after``) and both observation ids.
    """
    before, after = snapshot(ds, year_from), snapshot(ds, year_to)
    keys = before.index.union(after.index)
    # Plain dicts: one lookup per figure (a .loc per key grew with the data).
    before_rows, after_rows = before.to_dict("index"), after.to_dict("index")
    rows = []
    for key in keys:
        b = before_rows.get(key)
        a = after_rows.get(key)
        if b is not None and a is not None and b["obs_id"] == a["obs_id"]:
            continue
        change = "appeared" if b is None else "disappeared" if a is None else "changed"
        ref = a if a is not None else b
        rows.append(
            {
                "change": change,
                "indicator_id": key[0],
                "locality": key[1],
                "name_vi": ref["name_vi"],
                "before": "—" if b is None else f"{b['value_text_vi']} ({b['period_vi']}, {b['obs_status_vi']})",
                "after": "—" if a is None else f"{a['value_text_vi']} ({a['period_vi']}, {a['obs_status_vi']})",
                "obs_before": "" if b is None else b["obs_id"],
                "obs_after": "" if a is None else a["obs_id"],
            }
        )
    order = {"changed": 0, "appeared": 1, "disappeared": 2}
    out = pd.DataFrame(
        rows, columns=["change", "indicator_id", "locality", "name_vi", "before", "after", "obs_before", "obs_after"]
    )
    return out.sort_values(
        ["change", "indicator_id", "locality"], key=lambda s: s.map(order) if s.name == "change" else s, kind="stable"
    ).reset_index(drop=True)


CHANGE_VI = {"changed": "thay đổi", "appeared": "mới có", "disappeared": "không còn"}
