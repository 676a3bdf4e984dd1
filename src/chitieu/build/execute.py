"""Execute the chapter notebooks with papermill and make the executed copies deterministic."""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import nbformat

VOLATILE_CELL_KEYS = ("execution", "papermill")
KERNEL_NAME = "python3"
# Kernels started in parallel occasionally lose a race for a port ("Address already in use") or miss the
# start timeout on a loaded machine: such a failure (not a cell error) is retried.
KERNEL_START_RETRIES = 1


@dataclass(frozen=True)
class ChapterRun:
    """What happened to one chapter."""

    name: str
    seconds: float
    error: str | None = None


def strip_volatile(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove what changes from run to run (timings, absolute paths, papermill's run metadata) and hide
    the injected parameters cell.

    Keeps ``metadata.papermill.parameters`` (the parameters of the run are part of its record).
    """
    params = nb.metadata.get("papermill", {}).get("parameters")
    nb.metadata.pop("papermill", None)
    if params is not None:
        nb.metadata["chitieu"] = {"parameters": params}
    for cell in nb.cells:
        for key in VOLATILE_CELL_KEYS:
            cell.metadata.pop(key, None)
        tags = cell.metadata.get("tags", [])
        # Papermill tags its injected cell only "injected-parameters": readers should not see it.
        if "injected-parameters" in tags:
            cell["id"] = "injected-parameters"  # papermill gives it a random id per run
            if "remove-cell" not in tags:
                cell.metadata["tags"] = [*tags, "remove-cell"]
        if cell.cell_type == "code":
            for output in cell.get("outputs", []):
                output.get("metadata", {}).pop("execution", None)
    return nb


def execute_chapter(
    source: Path, output: Path, parameters: dict, cwd: Path, env: dict | None = None, kernel_name: str = KERNEL_NAME
) -> ChapterRun:
    """Execute ``source`` into ``output`` with ``parameters``; never raises, returns the error text.

    ``env`` adds environment variables for the kernel (e.g. the chapter's data scope). ``kernel_name``
    picks the kernel that runs it (the build's fork server, :mod:`chitieu.build.forkkernel`, or the standard
    ``python3``); the executed notebook records the standard one either way, so both give the same file.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    start = time.perf_counter()
    saved = {key: os.environ.get(key) for key in (env or {})}
    os.environ.update(env or {})
    try:
        for attempt in range(1 + KERNEL_START_RETRIES):
            try:
                papermill.execute_notebook(
                    str(source),
                    str(output),
                    parameters=parameters,
                    cwd=str(cwd),
                    kernel_name=kernel_name,
                    progress_bar=False,
                    log_output=False,
                    # Papermill would rewrite the whole output notebook after every cell (0,6 s of a 2 s
                    # chapter); it still writes it once at the end, and on a failing cell.
                    request_save_on_cell_execute=False,
                )
                break
            except PapermillExecutionError as exc:  # a cell raised: the chapter is wrong, no retry
                return ChapterRun(source.name, time.perf_counter() - start, _describe_failure(source, output, exc))
            except Exception as exc:  # noqa: BLE001 - the kernel itself failed (port race, start timeout)
                if attempt == KERNEL_START_RETRIES:
                    return ChapterRun(source.name, time.perf_counter() - start, _describe_failure(source, output, exc))
                print(f"  {source.name}: kernel failed ({type(exc).__name__}: {exc}); retrying once", flush=True)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    nb = nbformat.read(str(output), as_version=4)
    nb.metadata["kernelspec"] = nbformat.read(str(source), as_version=4).metadata.get("kernelspec", nb.metadata.get("kernelspec"))
    nbformat.write(strip_volatile(nb), str(output))
    return ChapterRun(source.name, time.perf_counter() - start)


def _describe_failure(source: Path, output: Path, exc: Exception) -> str:
    cell = getattr(exc, "exec_count", None)
    cell_index = getattr(exc, "cell_index", None)
    where = f"cell {cell_index}" if cell_index is not None else "?"
    if cell is not None:
        where += f" (execution count {cell})"
    ename = getattr(exc, "ename", type(exc).__name__)
    evalue = getattr(exc, "evalue", str(exc))
    return f"chapter {source.name}, {where}: {ename}: {evalue}"


def execute_all(
    sources: list[Path],
    out_dir: Path,
    parameters: dict,
    workers: int | None = None,
    envs: dict[str, dict] | None = None,
    kernel_name: str = KERNEL_NAME,
) -> list[ChapterRun]:
    """Execute chapters in parallel (one process per core), printing one line per chapter as each ends.

    ``envs`` maps a notebook name to extra environment variables for its kernel.
    """
    workers = workers or os.cpu_count() or 1
    out_dir.mkdir(parents=True, exist_ok=True)
    runs: list[ChapterRun] = []
    if not sources:
        return runs
    with ProcessPoolExecutor(max_workers=min(workers, len(sources))) as pool:
        # Longest first (notebook size is a fair proxy): the last chapter to start should be a short one.
        ordered = sorted(sources, key=lambda src: src.stat().st_size, reverse=True)
        futures = [
            pool.submit(
                execute_chapter, src, out_dir / src.name, parameters, out_dir, (envs or {}).get(src.name), kernel_name
            )
            for src in ordered
        ]
        for future in as_completed(futures):
            run = future.result()
            state = "LỖI/FAILED" if run.error else "executed"
            print(f"  {run.name:<40} {state:<9} {run.seconds:6.1f} s", flush=True)
            runs.append(run)
    return sorted(runs, key=lambda r: r.name)
