"""Whether a chapter must be executed again, and the executed chapters kept for reuse.

A chapter is re-executed only when something it depends on changed: its source, the package code, the
pinned environment, the run parameters, or the data in its *scope* (declared in its front matter,
:mod:`chitieu.book.registry`). During the build a chapter sees only the data of its scope
(:mod:`chitieu.book.context`), so it physically cannot read rows outside what its key covers.

Executed notebooks (and the chapter's CSV export) are kept under ``.cache/build/<chapter>/<key>.*``,
outside ``book/``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from chitieu.data.fingerprint import sha_parts


def chapter_key(notebook: Path, parameters: dict, package_fp: str, env_fp: str, data_fp: str) -> str:
    """The content hash of one chapter run."""
    return sha_parts(
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
