"""Tiny helpers to write chapter notebooks from readable Python sources (one file per chapter here).

Each `tools/nbsrc/NN_name.py` builds its cells and calls `write("NN_name.ipynb", cells)`; run
`python tools/nbsrc/build_all.py` (or the chapter's own file) after editing, then `make book`.
Every chapter follows one order: title and summary → parameters → imports → load → compute →
charts/tables → glue; code cells are hidden from readers (tags), the prose cites glued numbers.
"""

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[2]


def code(src: str, *tags: str):
    cell = new_code_cell(src.strip())
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def hidden(src: str):
    """A code cell readers never see (loading, computing, glue)."""
    return code(src, "remove-cell")


def output(src: str):
    """A code cell whose output (chart, table) readers see, without its code."""
    return code(src, "remove-input")


def md(src: str):
    return new_markdown_cell(src.strip())


def params():
    return code(
        '''
# Parameters (papermill injects the report year and the data folder here).
report_year = 2023
data_dir = "../data"
''',
        "parameters",
        "remove-cell",
    )


def write(name: str, cells) -> Path:
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{name[:2]}-{i:02d}"
    path = ROOT / "notebooks" / name
    nbformat.write(nb, path)
    return path
