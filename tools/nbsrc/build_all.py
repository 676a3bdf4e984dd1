"""Regenerate every chapter notebook from tools/nbsrc/NN_*.py."""

import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent
for source in sorted(HERE.glob("[0-9][0-9]_*.py")):
    runpy.run_path(str(source), run_name="__main__")
    print("wrote", source.stem + ".ipynb")
