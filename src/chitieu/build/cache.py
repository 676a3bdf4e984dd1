"""Content hashes that decide whether a chapter must be executed again.

A chapter is re-executed only when something it depends on changed: its notebook, the package source,
the pinned environment, the run parameters, or the data in its *scope*. The scope is declared in the
notebook's metadata (``metadata.chitieu.scope``: a list of chapter keys of ``indicators.csv``); the build
then loads the data for that chapter restricted to the scope (plus the 14 key indicators), so a chapter
physically cannot read rows outside what its hash covers. Without a scope a chapter depends on all data.

Executed notebooks (and the chapter's CSV export) are kept under ``.cache/build/<chapter>/<key>.*``,
outside ``book/``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import nbformat
import pandas as pd

from chitieu.data.load import Dataset
from chitieu.data.tablecache import per_table

SCOPE_ENV = "CHITIEU_SCOPE"
ALL = "all"


def _sha(parts: list[bytes]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def tree_fingerprint(root: Path, pattern: str) -> str:
    """Hash of every file matching ``pattern`` under ``root`` (relative paths and contents)."""
    files = sorted(p for p in root.glob(pattern) if p.is_file() and "__pycache__" not in p.parts)
    return _sha([x for p in files for x in (str(p.relative_to(root)).encode(), p.read_bytes())])


def notebook_scope(notebook: Path) -> list[str] | str:
    """The chapter keys a notebook declares it reads, or ``"all"``."""
    nb = nbformat.read(str(notebook), as_version=4)
    scope = nb.metadata.get("chitieu", {}).get("scope")
    return sorted(scope) if scope else ALL


def scoped_indicator_ids(ds: Dataset, scope: list[str]) -> pd.Index:
    """Indicators of the scope's chapters plus the resolution's key indicators (every chapter may cite them).

    A chapter key that does not exist is refused: a misspelt scope would silently hide the chapter's data.
    """
    from chitieu.data.schema import CHAPTERS

    unknown = sorted(set(scope) - set(CHAPTERS))
    if unknown:
        raise ValueError(f"unknown chapter key(s) in a notebook scope: {unknown}; known: {sorted(CHAPTERS)}")
    ind = ds.indicators
    return ind.index[ind["chapter"].isin(scope) | ind["resolution_no"].notna()]


def restrict(ds: Dataset, scope: list[str] | str) -> Dataset:
    """The dataset as a chapter with this scope sees it."""
    if scope == ALL:
        return ds
    ids = scoped_indicator_ids(ds, scope)
    return Dataset(
        ds.indicators.loc[ids],
        ds.targets[ds.targets["indicator_id"].isin(ids)].reset_index(drop=True),
        ds.observations[ds.observations["indicator_id"].isin(ids)],
        ds.report_assessment,
        ds.sources,
        ds.data_dir,
    )


def data_fingerprint(data_dir: Path, ds: Dataset, scope: list[str] | str) -> str:
    """Hash of the data a chapter with this scope can read."""
    if scope == ALL:
        # data/staging holds the extractors' working files: no chapter reads them.
        files = sorted(p for p in data_dir.rglob("*") if p.is_file() and "staging" not in p.relative_to(data_dir).parts)
        return _sha([x for p in files for x in (str(p.relative_to(data_dir)).encode(), p.read_bytes())])
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
    return _sha(parts)


def _rows_digest(frame: pd.DataFrame, mask, exclude: tuple[str, ...] = ()) -> bytes:
    """Column names, then one 64-bit hash per row (index and values; pandas' fixed-key hash) of the masked rows.

    The row hashes are computed once per table and build (:func:`chitieu.data.tablecache.per_table`), then
    each scope takes its rows: at 100× the real observations this takes milliseconds per scope, where
    writing each scope's rows out as CSV took over a second per build.
    """
    columns = [c for c in frame.columns if c not in exclude]
    hashes = per_table(
        frame, f"row_hashes:{','.join(exclude)}", lambda t: pd.util.hash_pandas_object(t[columns], index=True).to_numpy()
    )
    rows = hashes if mask is None else hashes[pd.Series(mask).to_numpy(dtype=bool)]
    header = "\x1f".join(map(str, [frame.index.name, *columns])).encode()
    return header + b"\x1e" + rows.tobytes()


def chapter_key(notebook: Path, parameters: dict, package_fp: str, env_fp: str, data_fp: str) -> str:
    """The content hash of one chapter run."""
    return _sha(
        [
            notebook.read_bytes(),
            json.dumps(parameters, sort_keys=True).encode(),
            package_fp.encode(),
            env_fp.encode(),
            data_fp.encode(),
        ]
    )[:32]


class ChapterCache:
    """Executed notebooks and chapter exports by content hash, under ``.cache/build``."""

    def __init__(self, root: Path):
        self.dir = root / ".cache" / "build"

    def _paths(self, name: str, key: str) -> tuple[Path, Path]:
        base = self.dir / Path(name).stem
        return base / f"{key}.ipynb", base / f"{key}.csv"

    def fetch(self, name: str, key: str, notebook_dest: Path, export_dir: Path) -> bool:
        """Copy a cached run into place; False when there is none."""
        nb, csv = self._paths(name, key)
        if not nb.is_file():
            return False
        shutil.copy2(nb, notebook_dest)
        if csv.is_file():
            export_dir.mkdir(parents=True, exist_ok=True)
            shutil.copy2(csv, export_dir / f"{Path(name).stem}.csv")
        return True

    def store(self, name: str, key: str, notebook: Path, export_dir: Path) -> None:
        """Keep a fresh run (only the latest few per chapter are kept)."""
        nb, csv = self._paths(name, key)
        nb.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(notebook, nb)
        export = export_dir / f"{Path(name).stem}.csv"
        if export.is_file():
            shutil.copy2(export, csv)
        runs = sorted(nb.parent.glob("*.ipynb"), key=lambda p: p.stat().st_mtime)
        for old in runs[:-8]:
            old.unlink()
            old.with_suffix(".csv").unlink(missing_ok=True)
