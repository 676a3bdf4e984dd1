"""Every path of the project, derived from one root.

``CHITIEU_ROOT`` overrides the root (tests run the whole pipeline in a temporary copy).
"""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    """Return the project root: ``$CHITIEU_ROOT`` if set, else the checkout holding this package."""
    env = os.environ.get("CHITIEU_ROOT")
    if env:
        return Path(env).resolve()
    return Path(__file__).resolve().parents[2]


PROJ_ROOT = project_root()
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
