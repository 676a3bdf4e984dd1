"""Whether a chapter must be executed again, and the executed chapters kept for reuse.

A chapter is re-executed only when something it depends on changed: its source, the package code, the
pinned environment, the run parameters, or the data in its *scope* (declared in its front matter,
:mod:`chitieu.book.registry`). During the build a chapter sees only the data of its scope
(:mod:`chitieu.book.context`), so it physically cannot read rows outside what its key covers.

Executed notebooks (and the chapter's CSV export) are kept under ``.cache/build/<chapter>/<key>.*``,
outside ``book/``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from chitieu.atomic import write_bytes_atomic, write_text_atomic
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
    """Executed notebooks and chapter exports by content hash, under ``.cache/build/<chapter>/``.

    An entry is ``<key>.ipynb``, the chapter's ``<key>.csv`` when it exported one, and ``<key>.json``: the
    sha256 of each, written last. Each file is written atomically, so a full disk or a killed build leaves no
    half entry that looks whole; a reused entry is checked against its record first, and one that does not
    match (truncated, edited by hand, unreadable) is a miss, said in the build's output and removed.
    """

    KEEP = 8

    def __init__(self, root: Path, report=print):
        self.dir = root / ".cache" / "build"
        self.report = report

    def _paths(self, name: str, key: str) -> tuple[Path, Path, Path]:
        base = self.dir / name
        return base / f"{key}.ipynb", base / f"{key}.csv", base / f"{key}.json"

    def fetch(self, name: str, key: str, notebook_dest: Path, export_dir: Path) -> bool:
        """Copy a verified cached run into place; ``False`` when there is none or it is damaged."""
        nb, csv, record = self._paths(name, key)
        if not record.is_file():
            return False
        try:
            expected = json.loads(record.read_text(encoding="utf-8"))
            notebook = nb.read_bytes()
            export = csv.read_bytes() if expected.get("csv") else None
        except (OSError, ValueError) as exc:
            return self._damaged(name, key, f"unreadable ({type(exc).__name__})")
        if _sha(notebook) != expected.get("ipynb") or (export is not None and _sha(export) != expected["csv"]):
            return self._damaged(name, key, "content differs from its record")
        write_bytes_atomic(notebook_dest, notebook)
        if export is not None:
            write_bytes_atomic(export_dir / f"{name}.csv", export)
        return True

    def _damaged(self, name: str, key: str, why: str) -> bool:
        self.report(
            f"  {name:<40} bộ nhớ đệm hỏng ({why}); chạy lại / cache entry damaged ({why}): executing again",
        )
        for path in self._paths(name, key):
            path.unlink(missing_ok=True)
        return False

    def store(self, name: str, key: str, notebook: Path, export_dir: Path) -> None:
        """Keep a fresh run (the latest :attr:`KEEP` per chapter)."""
        nb, csv, record = self._paths(name, key)
        data = notebook.read_bytes()
        write_bytes_atomic(nb, data)
        entry = {"ipynb": _sha(data), "csv": None}
        export = export_dir / f"{name}.csv"
        if export.is_file():
            export_data = export.read_bytes()
            write_bytes_atomic(csv, export_data)
            entry["csv"] = _sha(export_data)
        write_text_atomic(record, json.dumps(entry, sort_keys=True) + "\n")
        runs = sorted(nb.parent.glob("*.json"), key=lambda p: p.stat().st_mtime)
        for old in runs[: -self.KEEP]:
            for suffix in (".json", ".ipynb", ".csv"):
                old.with_suffix(suffix).unlink(missing_ok=True)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
