"""``make book``: validate → execute chapters → build the site in a temporary folder → publish atomically.

Nothing under ``book/`` or ``_build/html`` changes unless every step succeeded: a bad data file, a failing
chapter or a Sphinx warning leaves the previously published site and notebooks exactly as they were.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from chitieu import config
from chitieu.errors import DataValidationError
from chitieu.figures import EXPORT_DIR_ENV
from chitieu.load import load_dataset
from chitieu.notebooks import execute_all
from chitieu.site import write_vega_bundle

SITE_FILES = ("_config.yml", "_toc.yml")
DATA_EXPORTS = ("indicators.csv", "targets.csv", "observations.csv", "report_assessment.csv")


class BuildError(Exception):
    """A step of the build failed; the message says which and why."""


def chapter_sources(root: Path) -> list[Path]:
    """The chapter notebooks, in file-name order (``01_…``, ``02_…``)."""
    return sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def _stage(root: Path, stage: Path) -> None:
    if stage.exists():
        shutil.rmtree(stage)
    (stage / "book").mkdir(parents=True)
    for name in SITE_FILES:
        shutil.copy2(root / name, stage / name)
    shutil.copytree(root / "_static", stage / "_static")
    for page in (root / "book").glob("*.md"):
        shutil.copy2(page, stage / "book" / page.name)
    # Chapters read "../data" from book/: the staged tree sees the real data through a link.
    os.symlink(root / "data", stage / "data", target_is_directory=True)


def _jupyter_book(stage: Path) -> None:
    exe = Path(sys.executable).with_name("jupyter-book")
    cmd = [str(exe), "build", str(stage), "--warningiserror", "--keep-going", "--quiet"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-40:])
        raise BuildError(f"jupyter-book build failed (warnings are errors):\n{tail}")


def _export_data(root: Path, stage: Path, html: Path) -> None:
    dest = html / "data"
    dest.mkdir(parents=True, exist_ok=True)
    for name in DATA_EXPORTS:
        shutil.copy2(root / "data" / name, dest / name)
    chapters = stage / "exports" / "chapters"
    if chapters.is_dir():
        shutil.copytree(chapters, dest / "chapters")


def _publish(root: Path, stage: Path, chapters: list[Path]) -> None:
    book = root / "book"
    book.mkdir(exist_ok=True)
    produced = {src.name for src in chapters}
    for name in sorted(produced):
        os.replace(stage / "book" / name, book / name)
    for stale in book.glob("*.ipynb"):
        if stale.name not in produced:
            stale.unlink()
    html = root / "_build" / "html"
    old = root / "_build" / f".html-old-{os.getpid()}"
    if html.exists():
        os.replace(html, old)
    os.replace(stage / "_build" / "html", html)
    if old.exists():
        shutil.rmtree(old)


def build_book(report_year: int, root: Path | None = None, workers: int | None = None) -> Path:
    """Run the whole pipeline for ``report_year`` and publish ``_build/html``; return its path.

    Raises
    ------
    DataValidationError
        Bad data: nothing is executed or written.
    BuildError
        A chapter or the site build failed: nothing is published.
    """
    root = root or config.PROJ_ROOT
    t0 = time.perf_counter()
    print(f"[1/4] Kiểm tra dữ liệu / validating data ({root / 'data'})", flush=True)
    load_dataset(root / "data")
    stage = root / "_build" / f".stage-{os.getpid()}"
    try:
        _stage(root, stage)
        write_vega_bundle(stage / "_static")
        chapters = chapter_sources(root)
        if not chapters:
            raise BuildError("no chapter notebooks in notebooks/")
        print(f"[2/4] Chạy {len(chapters)} chương / executing {len(chapters)} chapters (report_year={report_year})", flush=True)
        os.environ[EXPORT_DIR_ENV] = str(stage / "exports" / "chapters")
        runs = execute_all(chapters, stage / "book", {"report_year": report_year, "data_dir": "../data"}, workers)
        failures = [run.error for run in runs if run.error]
        if failures:
            raise BuildError("chapter execution failed:\n  " + "\n  ".join(failures))
        print("[3/4] Dựng trang / building the site (jupyter-book, warnings are errors)", flush=True)
        _jupyter_book(stage)
        _export_data(root, stage, stage / "_build" / "html")
        print("[4/4] Xuất bản / publishing book/ and _build/html", flush=True)
        _publish(root, stage, chapters)
    finally:
        if stage.exists():
            shutil.rmtree(stage)
    print(f"Xong / done in {time.perf_counter() - t0:.1f} s: {root / '_build' / 'html' / 'index.html'}", flush=True)
    return root / "_build" / "html"


def cli_book(args) -> int:
    """``python -m chitieu book --year Y``."""
    try:
        build_book(args.year, workers=args.workers)
    except DataValidationError as exc:
        print(exc.render(), file=sys.stderr)
        print("Không dựng sách: dữ liệu lỗi / build stopped: invalid data. Nothing was changed.", file=sys.stderr)
        return 1
    except BuildError as exc:
        print(str(exc), file=sys.stderr)
        print("Không xuất bản: trang cũ giữ nguyên / nothing published; the previous site is unchanged.", file=sys.stderr)
        return 1
    return 0
