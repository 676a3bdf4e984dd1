"""What a chapter receives: the one channel between the build and a chapter notebook.

Every chapter starts with ``ch = open_chapter(NAME, data_dir, build_context)``, ``data_dir`` and
``build_context`` being parameters of its ``parameters`` cell:

- ``build_context = None`` (JupyterLab, nbval, ``run-chapter``): the chapter validates and loads the whole
  of ``data_dir`` itself, evaluates the audit itself when it needs the audit's flags, and writes nothing.
- During ``make book`` papermill sets ``build_context`` to the path of a small JSON file written by the
  build (:func:`write_build_context`) that says where the dataset the build already validated is (a
  pickle, checked against the data files' hash before use), the chapter's data scope (the chapter then
  sees only that part of the data, so the build's cache key covers everything it can read), the audit's
  flags (evaluated once on the whole data), and the file where the chapter's figures are exported.

Nothing else passes between them: no environment variable, no global state. The build removes the
``build_context`` line from the executed notebook's record (:func:`chitieu.build.execute.strip_volatile`):
re-running a chapter from ``book/`` without it must give the same outputs, and nbval checks that it does.
"""

from __future__ import annotations

import json
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from chitieu.atomic import write_bytes_atomic, write_text_atomic
from chitieu.data.fingerprint import data_fingerprint
from chitieu.data.load import Dataset, load_dataset
from chitieu.data.scope import ALL, Scope, restrict

PARAMETER = "build_context"


class BuildContextError(RuntimeError):
    """The build's context file is missing, unreadable or does not belong to this chapter."""


@dataclass
class ChapterContext:
    """A chapter's data and what the build asks of it.

    ``data`` is the dataset the chapter may read (restricted to its scope during the build);
    ``export_csv`` is where :func:`chitieu.book.figures.figures_section` writes the chapter's figures
    (``None``: write nothing). ``audit_flags`` maps an observation id to the checks it fails.
    """

    name: str
    data: Dataset
    export_csv: Path | None = None
    _audit_flags: dict[str, list[str]] | None = field(default=None, repr=False)

    @property
    def audit_flags(self) -> dict[str, list[str]]:
        """Observation id → ids of the checks it fails (evaluated on this dataset when no build gave them)."""
        if self._audit_flags is None:
            from chitieu.analysis import audit

            self._audit_flags = audit.failed_obs_ids(audit.run_audit(self.data))
        return self._audit_flags

    @property
    def project_root(self) -> Path:
        """The project folder holding ``data/`` (the registry and ``_toc.yml`` are read from there)."""
        return Path(self.data.data_dir).resolve().parent


def open_chapter(name: str, data_dir: str | Path, build_context: str | Path | None = None) -> ChapterContext:
    """The context of chapter ``name`` (its file stem, e.g. ``"07_y_te_dan_so"``).

    Raises
    ------
    chitieu.data.errors.DataValidationError
        Without a build context, when the data break the contract.
    BuildContextError
        When ``build_context`` names a file that cannot be read or that was written for another chapter.
    """
    if build_context is None:
        return ChapterContext(name, load_dataset(Path(data_dir)))
    path = Path(build_context)
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BuildContextError(f"build context {path}: {exc}") from None
    if spec.get("chapter") != name:
        raise BuildContextError(f"build context {path} was written for {spec.get('chapter')!r}, not {name!r}")
    base = path.parent
    dataset = _load_validated(base / spec["validated"], Path(data_dir))
    if dataset is None:
        dataset = load_dataset(Path(data_dir))
    flags = json.loads((base / spec["audit_flags"]).read_text(encoding="utf-8"))
    scope: Scope = spec["scope"]
    return ChapterContext(name, restrict(dataset, scope), base / spec["export_csv"], flags)


def save_validated(dataset: Dataset, path: Path) -> None:
    """Keep a validated dataset for the chapters of one build, with the hash of the files it came from."""
    fingerprint = data_fingerprint(Path(dataset.data_dir), dataset, ALL)
    write_bytes_atomic(path, pickle.dumps((fingerprint, dataset)))


def _load_validated(path: Path, data_dir: Path) -> Dataset | None:
    """The build's validated dataset, or ``None`` when the data files changed since it was validated."""
    with open(path, "rb") as handle:
        fingerprint, dataset = pickle.load(handle)  # noqa: S301 - written by this build, a moment ago
    dataset.data_dir = data_dir
    if data_fingerprint(data_dir, dataset, ALL) != fingerprint:
        return None
    return dataset


def write_build_context(
    folder: Path, chapter: str, scope: Scope, validated: Path, audit_flags: Path, export_csv: Path
) -> Path:
    """Write chapter ``chapter``'s context file in ``folder``; return its path.

    The other paths are stored relative to ``folder``, so the value papermill records stays the same
    wherever the build runs.
    """
    spec = {
        "chapter": chapter,
        "scope": scope,
        "validated": _relative(validated, folder),
        "audit_flags": _relative(audit_flags, folder),
        "export_csv": _relative(export_csv, folder),
    }
    path = folder / f"{chapter}.json"
    write_text_atomic(path, json.dumps(spec, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return path


def _relative(path: Path, folder: Path) -> str:
    import os

    return os.path.relpath(path, folder)
