"""Every path of the project, derived from one root: the checkout that holds this package.

Commands take another root explicitly (``python -m chitieu --root DIR …``, ``build_book(root=…)``); nothing
here reads the environment.
"""

from __future__ import annotations

from pathlib import Path

PROJ_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJ_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
BOOK_DIR = PROJ_ROOT / "book"
BUILD_DIR = PROJ_ROOT / "_build"
HTML_DIR = BUILD_DIR / "html"
STATIC_DIR = PROJ_ROOT / "_static"

DEFAULT_REPORT_YEAR = 2023

# The mid-term review this book is about (other raw sources may add later figures).
REPORT_FILE = "bao_cao_so_ket_giua_nhiem_ky_2020_2025.txt"
