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


# The data each chapter reads: chapter keys of data/indicators.csv (the 14 key indicators are always in).
# The build hands a chapter only this part of the data and re-executes it only when this part changes
# (chitieu.build.cache). Chapters not listed read everything. A scope that is too narrow cannot go unnoticed: the
# scoped build's outputs would differ from nbval's re-execution on the whole data, and the tests fail.
SCOPES = {
    "01_chi_tieu_chu_yeu.ipynb": ["tong_quan"],
    "02_kinh_te.ipynb": ["kinh_te"],
    "03_tai_chinh_dau_tu.ipynb": ["tai_chinh_dau_tu", "do_thi_nong_thon"],
    "04_do_thi_nong_thon.ipynb": ["do_thi_nong_thon", "tai_chinh_dau_tu"],
    "05_moi_truong.ipynb": ["moi_truong", "kinh_te"],
    "06_giao_duc.ipynb": ["giao_duc", "khcn_qlnn"],
    "07_y_te_dan_so.ipynb": ["y_te_dan_so"],
    "08_van_hoa_xa_hoi.ipynb": ["van_hoa_xa_hoi"],
    "09_khcn_qlnn.ipynb": ["khcn_qlnn", "kinh_te"],
    "10_quoc_phong_an_ninh.ipynb": ["quoc_phong_an_ninh", "xay_dung_dang"],
    "11_xay_dung_dang.ipynb": ["xay_dung_dang"],
}


def write(name: str, cells) -> Path:
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    if name in SCOPES:
        nb.metadata["chitieu"] = {"scope": SCOPES[name]}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{name[:2]}-{i:02d}"
    path = ROOT / "notebooks" / name
    nbformat.write(nb, path)
    return path
