"""``make bench``: the build's speed, measured side by side in one run (figures printed, never asserted).

Every measurement runs in its own temporary copy of the project, so the developer's ``_build`` and
``.cache`` are never touched. The machine is shared and noisy: compare the ratios of one run.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import tempfile
import time
from pathlib import Path

import nbformat

from chitieu import config
from chitieu.build import site
from chitieu.build.execute import execute_chapter, read_chapter
from chitieu.build.pdf.edition import stage_print_edition
from chitieu.build.pipeline import build_book, chapter_registry, chapter_sources
from chitieu.build.site import run_jupyter_book
from chitieu.build.warmserver import warm_kernels_unavailable
from chitieu.data.load import load_localities

IGNORE = shutil.ignore_patterns(".venv", "_build", ".cache", ".git", "__pycache__", ".pytest_cache", "*.egg-info")


def _copy_project(root: Path, dest: Path) -> Path:
    shutil.copytree(root, dest, ignore=IGNORE)
    return dest


def _timed(fn, *args, **kwargs) -> float:
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        fn(*args, **kwargs)
    return time.perf_counter() - start


def multiply_observations(data_dir: Path, factor: int) -> int:
    """SYNTHETIC: add ``factor − 1`` copies of every observation (new ids, years 2000–2019, localities cycled).

    Copies keep the quote and value, so they pass validation; they exist only in a temporary copy.
    Returns the new row count.
    """
    path = data_dir / "observations.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    places = ["", *load_localities(data_dir)]
    out = list(rows)
    for i in range(1, factor):
        period = str(2000 + i % 20)
        for n, row in enumerate(rows):
            out.append(
                {
                    **row,
                    "obs_id": f"{row['indicator_id']}.{period}.synth{i}_{n}",
                    "period": period,
                    "locality": places[(i // 20) % len(places)],
                }
            )
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)
    return len(out)


def edit_one_observation(data_dir: Path, chapter: str, column: str = "status", new_value: str = "estimate") -> str:
    """Set ``column`` of the first observation of ``chapter`` (not a key indicator) whose value differs to
    ``new_value``, keeping the file valid; return the row's id. For temporary copies only (bench, tests)."""
    with open(data_dir / "indicators.csv", encoding="utf-8", newline="") as handle:
        ids = {r["indicator_id"] for r in csv.DictReader(handle) if r["chapter"] == chapter and not r["resolution_no"]}
    path = data_dir / "observations.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows, fields = list(reader), reader.fieldnames
    row = next(r for r in rows if r["indicator_id"] in ids and r[column] != new_value)
    row[column] = new_value
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return row["obs_id"]


def _rows(project: Path) -> list:
    with open(project / "data" / "observations.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _sequential_papermill(root: Path) -> float:
    out = root / "_build" / "seq" / "book"
    out.mkdir(parents=True)
    (out.parent / "data").symlink_to(root / "data", target_is_directory=True)
    start = time.perf_counter()
    for src in chapter_sources(root):
        params = {"report_year": config.DEFAULT_REPORT_YEAR, "data_dir": "../data"}
        run = execute_chapter(src, out / f"{src.stem}.ipynb", params, out)
        if run.error:
            raise RuntimeError(run.error)
    return time.perf_counter() - start


def _jupyter_book_executing(root: Path) -> float:
    """``jupyter-book build`` executing the chapter sources itself (execute_notebooks: force)."""
    stage = root / "_build" / "jbforce"
    (stage / "book").mkdir(parents=True)
    for src in chapter_sources(root):
        nbformat.write(read_chapter(src), str(stage / "book" / f"{src.stem}.ipynb"))
    for page in (root / "book").glob("*.md"):
        shutil.copy2(page, stage / "book" / page.name)
    shutil.copy2(root / "_toc.yml", stage / "_toc.yml")
    conf = (
        (root / "_config.yml")
        .read_text(encoding="utf-8")
        .replace('execute_notebooks: "off"', 'execute_notebooks: "force"')
    )
    (stage / "_config.yml").write_text(conf, encoding="utf-8")
    shutil.copytree(root / "_static", stage / "_static")
    shutil.copytree(root / "_locales", stage / "_locales")
    (stage / "data").symlink_to(root / "data", target_is_directory=True)
    return _timed(run_jupyter_book, stage)


def _empty_notebook_seconds(tmp: Path) -> float:
    src = tmp / "00_empty.md"
    src.write_text(
        "---\nkernelspec: {display_name: Python 3, language: python, name: python3}\n---\n\n"
        "```{code-cell}\npass\n```\n",
        encoding="utf-8",
    )
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        run = execute_chapter(src, tmp / "empty_out.ipynb", {}, tmp)
        if run.error:
            raise RuntimeError(run.error)
        runs.append(time.perf_counter() - start)
    return min(runs)


def run_bench(root: Path) -> dict[str, float]:
    """Measure everything; return the figures (seconds and ratios)."""
    cores = os.cpu_count() or 1
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="chitieu-bench-") as tmp_name:
        tmp = Path(tmp_name)
        main = _copy_project(root, tmp / "main")
        n_chapters = len(chapter_sources(main))
        kernels = "standard python3" if warm_kernels_unavailable() else "warm (chitieu.build.warmkernel provisioner)"
        print(
            f"Đo trên {cores} lõi, {n_chapters} chương / measuring on {cores} cores, {n_chapters} chapters; "
            f"build kernels: {kernels}",
            flush=True,
        )

        def clean_build(name: str, factor: int = 1) -> float:
            copy = main if name == "main" else _copy_project(root, tmp / name)
            if factor > 1:
                multiply_observations(copy / "data", factor)
            return _timed(build_book, config.DEFAULT_REPORT_YEAR, root=copy)

        # Clean builds are repeated at the start and at the end and the fastest run of each kind counts:
        # the machine is shared and its speed drifts over the minutes a bench takes.
        clean_runs = [clean_build("main")]
        print(f"  clean build (no cache), run 1          {clean_runs[0]:7.1f} s", flush=True)
        std = _copy_project(root, tmp / "standard")
        figures["clean_standard_kernels"] = _timed(build_book, config.DEFAULT_REPORT_YEAR, root=std, warm_kernels=False)
        print(f"  clean build, standard python3 kernels  {figures['clean_standard_kernels']:7.1f} s", flush=True)
        figures["noop"] = _timed(build_book, config.DEFAULT_REPORT_YEAR, root=main)
        print(f"  no-op rebuild                          {figures['noop']:7.1f} s", flush=True)
        changed = edit_one_observation(main / "data", "kinh_te")
        figures["one_row"] = _timed(build_book, config.DEFAULT_REPORT_YEAR, root=main)
        print(f"  rebuild after one row changed          {figures['one_row']:7.1f} s   ({changed})", flush=True)
        seq = _copy_project(root, tmp / "seq")
        figures["sequential_papermill"] = _sequential_papermill(seq)
        print(f"  sequential papermill (execution only)  {figures['sequential_papermill']:7.1f} s", flush=True)
        jbf = _copy_project(root, tmp / "jbforce")
        figures["jupyter_book_force"] = _jupyter_book_executing(jbf)
        print(f"  jupyter-book executing (force)         {figures['jupyter_book_force']:7.1f} s", flush=True)
        figures["empty_kernel"] = _empty_notebook_seconds(tmp)
        # Sphinx alone, on the stage a build makes (the same files, config stamps and print-edition link).
        stage = tmp / "sphinx_only"
        site.stage_project(main, stage)
        site.stamp_config(stage, site.git_commit(main))
        for nb in (main / "book").glob("*.ipynb"):
            shutil.copy2(nb, stage / "book" / nb.name)
        stage_print_edition(main, stage, config.DEFAULT_REPORT_YEAR, [c.name for c in chapter_registry(main)])
        figures["sphinx"] = _timed(run_jupyter_book, stage)
        figures["floor"] = figures["empty_kernel"] * n_chapters / cores + figures["sphinx"]
        print(
            f"  floor: empty kernel {figures['empty_kernel']:.2f} s × {n_chapters} / {cores} + Sphinx "
            f"{figures['sphinx']:.1f} s"
            f" = {figures['floor']:.1f} s",
            flush=True,
        )
        scaled: dict[int, list[float]] = {10: [], 100: []}
        for run, factor in enumerate((10, 100, 1, 100)):
            seconds = clean_build(f"x{factor}-{run}", factor)
            (clean_runs if factor == 1 else scaled[factor]).append(seconds)
            label = (
                "real data, run 2"
                if factor == 1
                else f"observations ×{factor} ({len(_rows(tmp / f'x{factor}-{run}'))} rows)"
            )
            print(f"  clean build, {label:<26}{seconds:7.1f} s", flush=True)

        clean = figures["clean"] = min(clean_runs)
        figures["clean_runs"] = clean_runs
        for factor, runs in scaled.items():
            figures[f"clean_x{factor}"] = min(runs)
            figures[f"ratio_x{factor}"] = min(runs) / clean
        print(f"Kết quả / results (clean build = fastest of {len(clean_runs)} runs: {clean:.1f} s)", flush=True)
        print(
            f"  warm kernels against standard kernels   saves {1 - clean / figures['clean_standard_kernels']:.0%}",
            flush=True,
        )
        print(f"  no-op rebuild / clean                   {figures['noop'] / clean:6.1%}   (target ≤ 10%)", flush=True)
        print(f"  one-row rebuild / clean                 {figures['one_row'] / clean:6.1%}", flush=True)
        print(
            f"  sequential papermill / clean            {figures['sequential_papermill'] / clean:6.2f}×  (target ≥ "
            "1.6×)",
            flush=True,
        )
        print(f"  jupyter-book executing / clean          {figures['jupyter_book_force'] / clean:6.2f}×", flush=True)
        print(f"  clean / floor                           {clean / figures['floor']:6.2f}×  (target ≤ 2×)", flush=True)
        print(f"  ×10 observations / real data            {figures['ratio_x10']:6.2f}×", flush=True)
        print(f"  ×100 observations / real data           {figures['ratio_x100']:6.2f}×  (target ≤ 1.3×)", flush=True)
    return figures
