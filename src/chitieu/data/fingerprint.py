"""Content hashes of data: of files, and of the rows a chapter's scope can read.

The build keys its cache with these (:mod:`chitieu.build.cache`), and the shared validated dataset is
checked with them before a chapter uses it (:mod:`chitieu.book.context`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from chitieu.data.load import Dataset
from chitieu.data.scope import ALL, Scope, scoped_indicator_ids
from chitieu.data.tablecache import per_table


def sha_parts(parts: list[bytes]) -> str:
    """SHA-256 of a sequence of byte strings, each prefixed with its length (no two sequences collide)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def tree_fingerprint(root: Path, pattern: str) -> str:
    """Hash of every file matching ``pattern`` under ``root`` (relative paths and contents)."""
    files = sorted(p for p in root.glob(pattern) if p.is_file() and "__pycache__" not in p.parts)
    return sha_parts([x for p in files for x in (str(p.relative_to(root)).encode(), p.read_bytes())])


def data_fingerprint(data_dir: Path, ds: Dataset, scope: Scope) -> str:
    """Hash of the data a chapter with this scope can read."""
    if scope == ALL:
        # data/staging holds the extractors' working files: no chapter reads them.
        files = sorted(p for p in data_dir.rglob("*") if p.is_file() and "staging" not in p.relative_to(data_dir).parts)
        return sha_parts([x for p in files for x in (str(p.relative_to(data_dir)).encode(), p.read_bytes())])
    ids = scoped_indicator_ids(ds, scope)
    parts = [
        _rows_digest(ds.indicators, ds.indicators.index.isin(ids)),
        _rows_digest(ds.targets, ds.targets["indicator_id"].isin(ids)),
        # ``value`` is parsed from ``value_text`` (validated), which is hashed: the number adds nothing.
        _rows_digest(ds.observations, ds.observations["indicator_id"].isin(ids), exclude=("value",)),
        _rows_digest(ds.report_assessment, None),
        # The audit marks figures in every chapter and corrections choose figures: both read all data.
        *[(data_dir / name).read_bytes() for name in ("checks.csv", "corrections.csv") if (data_dir / name).is_file()],
        *[s.meta["sha256"].encode() for s in ds.sources],
    ]
    return sha_parts(parts)


def _rows_digest(frame: pd.DataFrame, mask, exclude: tuple[str, ...] = ()) -> bytes:
    """Column names, then one 64-bit hash per row (index and values; pandas' fixed-key hash) of the masked rows.

    The row hashes are computed once per table and build (:func:`chitieu.data.tablecache.per_table`), then
    each scope takes its rows: at 100× the real observations this takes milliseconds per scope, where
    writing each scope's rows out as CSV took over a second per build.
    """
    columns = [c for c in frame.columns if c not in exclude]
    hashes = per_table(
        frame,
        f"row_hashes:{','.join(exclude)}",
        lambda t: pd.util.hash_pandas_object(t[columns], index=True).to_numpy(),
    )
    rows = hashes if mask is None else hashes[pd.Series(mask).to_numpy(dtype=bool)]
    header = "\x1f".join(map(str, [frame.index.name, *columns])).encode()
    return header + b"\x1e" + rows.tobytes()
