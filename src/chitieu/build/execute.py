"""Execute the chapters with papermill and make the executed copies deterministic.

A chapter's one source is ``notebooks/NN_name.md``, a MyST Markdown notebook (jupytext): :func:`read_chapter`
turns it into a notebook in memory, with stable cell ids, and papermill executes that.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import nbformat

VOLATILE_CELL_KEYS = ("execution", "papermill")
# Front-matter keys that describe the source file, not the executed chapter.
SOURCE_ONLY_METADATA = ("jupytext", "chitieu")
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


def read_chapter(source: Path) -> nbformat.NotebookNode:
    """The chapter ``source`` (MyST Markdown) as a notebook, cells numbered ``NN-00``, ``NN-01``…

    Text notebooks keep no cell ids (jupytext), and nbformat would draw random ones: the ids are derived
    from the file name and the cell's position so that an executed chapter is the same file every time.
    """
    import jupytext

    nb = jupytext.read(source, fmt="md:myst")
    for key in SOURCE_ONLY_METADATA:
        nb.metadata.pop(key, None)
    nb.metadata["language_info"] = {"name": "python"}
    prefix = source.name[:2]
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{prefix}-{i:02d}"
    return nb


def strip_volatile(nb: nbformat.NotebookNode, recorded: tuple[str, ...] | None = None) -> nbformat.NotebookNode:
    """Remove what changes from run to run (timings, absolute paths, papermill's run metadata) and hide
    the injected parameters cell.

    Keeps the run's parameters in ``metadata.chitieu.parameters`` (they are part of its record); with
    ``recorded``, only those parameters are kept there and in the injected cell: the build's
    ``build_context`` (:mod:`chitieu.book.context`) is a path inside one build, not part of the record.
    """
    params = nb.metadata.get("papermill", {}).get("parameters")
    nb.metadata.pop("papermill", None)
    if params is not None and recorded is not None:
        params = {k: params[k] for k in recorded if k in params}
    if params is not None:
        nb.metadata["chitieu"] = {"parameters": params}
    for cell in nb.cells:
        for key in VOLATILE_CELL_KEYS:
            cell.metadata.pop(key, None)
        tags = cell.metadata.get("tags", [])
        # Papermill tags its injected cell only "injected-parameters": readers should not see it.
        if "injected-parameters" in tags:
            cell["id"] = "injected-parameters"  # papermill gives it a random id per run
            if recorded is not None and params is not None:
                from papermill.translators import translate_parameters

                cell["source"] = translate_parameters("python3", "python", params, "Parameters")
            if "remove-cell" not in tags:
                cell.metadata["tags"] = [*tags, "remove-cell"]
        if cell.cell_type == "code":
            for output in cell.get("outputs", []):
                output.get("metadata", {}).pop("execution", None)
    return nb


def execute_chapter(
    source: Path,
    output: Path,
    parameters: dict,
    cwd: Path,
    build_context: Path | None = None,
    kernel_server: str | None = None,
) -> ChapterRun:
    """Execute chapter ``source`` into ``output`` with ``parameters``; never raises, returns the error text.

    ``build_context`` (a path relative to ``cwd``, :mod:`chitieu.book.context`) is passed as the
    chapter's ``build_context`` parameter and left out of the record. ``kernel_server`` is the socket of the
    build's warm kernel server (:mod:`chitieu.build.warmkernel`): the standard ``python3`` kernel is then
    forked from it instead of started afresh; ``None`` starts it afresh. Both give the same file.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from chitieu.book.context import PARAMETER

    start = time.perf_counter()
    name = source.stem
    kernel_options = {}
    if kernel_server is not None:
        from chitieu.build.warmkernel import notebook_client_options

        kernel_options = notebook_client_options(kernel_server)
    nb = read_chapter(source)
    kernelspec = dict(nb.metadata.get("kernelspec", {}))
    given = dict(parameters)
    if build_context is not None:
        given[PARAMETER] = str(build_context)
    for attempt in range(1 + KERNEL_START_RETRIES):
        try:
            papermill.execute_notebook(
                nb,
                str(output),
                parameters=given,
                cwd=str(cwd),
                kernel_name=KERNEL_NAME,
                progress_bar=False,
                log_output=False,
                # Papermill would rewrite the whole output notebook after every cell (0,6 s of a 2 s
                # chapter); it still writes it once at the end, and on a failing cell.
                request_save_on_cell_execute=False,
                **kernel_options,
            )
            break
        except PapermillExecutionError as exc:  # a cell raised: the chapter is wrong, no retry
            return ChapterRun(name, time.perf_counter() - start, _describe_failure(source, exc))
        except Exception as exc:  # noqa: BLE001 - the kernel itself failed (port race, start timeout)
            if attempt == KERNEL_START_RETRIES:
                return ChapterRun(name, time.perf_counter() - start, _describe_failure(source, exc))
            print(f"  {name}: kernel failed ({type(exc).__name__}: {exc}); retrying once", flush=True)
    executed = nbformat.read(str(output), as_version=4)
    executed.metadata["kernelspec"] = kernelspec or executed.metadata.get("kernelspec")
    nbformat.write(strip_volatile(executed, recorded=tuple(parameters)), str(output))
    return ChapterRun(name, time.perf_counter() - start)


def code_cell_lines(source: Path) -> list[int]:
    """Line numbers (1-based) of the ``{code-cell}`` fences of a MyST chapter, in order."""
    lines = source.read_text(encoding="utf-8").splitlines()
    return [i + 1 for i, line in enumerate(lines) if line.startswith("```{code-cell}")]


def _describe_failure(source: Path, exc: Exception) -> str:
    """``chapter NAME, cell I: Error: message`` and, for a failing cell, where it starts in the source.

    Papermill's cell index counts the parameters cell it injects (right after the cell tagged
    ``parameters``); the source does not have it.
    """
    ename = getattr(exc, "ename", type(exc).__name__)
    evalue = getattr(exc, "evalue", str(exc))
    cell_index = getattr(exc, "cell_index", None)
    if cell_index is None:
        return f"chapter {source.stem}: {ename}: {evalue}"
    text = f"chapter {source.stem}, cell {cell_index}: {ename}: {evalue}"
    try:
        nb = read_chapter(source)
    except Exception:  # noqa: BLE001 - a hint only
        return text
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    injected = tagged[0] + 1 if tagged else 0
    if cell_index == injected:
        return text + " (the injected parameters)"
    index = cell_index - (cell_index > injected)
    if not 0 <= index < len(nb.cells) or nb.cells[index].cell_type != "code":
        return text
    code_no = sum(c.cell_type == "code" for c in nb.cells[: index + 1])
    lines = code_cell_lines(source)
    first = next((line for line in nb.cells[index].source.splitlines() if line.strip()), "")
    line = lines[code_no - 1] if code_no <= len(lines) else "?"
    return (
        f"{text}\n    → notebooks/{source.name}, dòng/line {line}: ô mã thứ {code_no} / code cell {code_no}: "
        f"{first[:100]}"
    )


def execute_all(
    sources: list[Path],
    out_dir: Path,
    parameters: dict,
    workers: int | None = None,
    contexts: dict[str, Path] | None = None,
    kernel_server: str | None = None,
) -> list[ChapterRun]:
    """Execute chapters in parallel (one process per core), printing one line per chapter as each ends.

    ``contexts`` maps a chapter name to its build context (:mod:`chitieu.book.context`); ``kernel_server``
    is the warm kernel server's socket, or ``None`` for standard kernels (:func:`execute_chapter`).
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
                execute_chapter,
                src,
                out_dir / f"{src.stem}.ipynb",
                parameters,
                out_dir,
                (contexts or {}).get(src.stem),
                kernel_server,
            )
            for src in ordered
        ]
        for future in as_completed(futures):
            run = future.result()
            state = "LỖI/FAILED" if run.error else "executed"
            print(f"  {run.name:<40} {state:<9} {run.seconds:6.1f} s", flush=True)
            runs.append(run)
    return sorted(runs, key=lambda r: r.name)
