"""SYNTHETIC datasets and checks for the audit's tests (never published): one indicator per observation."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from chitieu.data.checks import Check
from chitieu.data.load import Dataset


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
    """A check ``c`` of ``kind`` over ``ids`` (``-id`` subtracts in a sum) with ``params``."""
    obs = tuple((-1, i[1:]) if i.startswith("-") else (1, i) for i in ids.split())
    return Check("c", kind, obs, {k: str(v) for k, v in params.items()}, "Kiểm tra", "P1:B.II", "", 2)
