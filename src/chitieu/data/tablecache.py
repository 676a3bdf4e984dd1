"""Values derived from a table once and reused while the table lives (row indexes, row hashes).

Keyed by the table's ``id`` and checked by a weak reference and the row count, so a new table, or one
grown in place, is derived again, and nothing is kept after the table is gone.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import pandas as pd

_CACHE: dict[tuple[int, str], tuple[weakref.ref, int, Any]] = {}


def per_table(frame: pd.DataFrame, name: str, derive: Callable[[pd.DataFrame], Any]) -> Any:
    """``derive(frame)``, computed once per (table, name)."""
    key = (id(frame), name)
    entry = _CACHE.get(key)
    if entry is None or entry[0]() is not frame or entry[1] != len(frame):
        for stale in [k for k, (ref, _, _) in _CACHE.items() if ref() is None]:
            del _CACHE[stale]
        entry = (weakref.ref(frame), len(frame), derive(frame))
        _CACHE[key] = entry
    return entry[2]
