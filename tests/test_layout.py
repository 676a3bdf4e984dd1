"""The shape of the package: layers that only look down, no ambient state, small modules, no report inside.

- ``chitieu.data`` ← ``chitieu.analysis`` ← ``chitieu.book`` ← ``chitieu.build`` ← ``chitieu.cli``: a module
  imports only from its own layer or the layers below (``config`` and ``atomic`` are usable by all).
- No module reads the environment (state is passed; :mod:`chitieu.book.context` is the build → chapter
  channel).
- No module over :data:`MAX_LINES` lines.
- The engine names neither the town, nor its wards, nor this report's indicator ids: those live with the
  chapters (``notebooks/``) and in ``data/``.
"""

from __future__ import annotations

import ast
import csv
from pathlib import Path

import pytest

from chitieu.config import PROJ_ROOT as ROOT

PACKAGE = ROOT / "src" / "chitieu"
RANK = {"data": 0, "analysis": 1, "book": 2, "build": 3, "cli": 4, "__main__": 4}
SHARED = {"config", "atomic", "__init__"}
MAX_LINES = 500
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _layer(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def _imported(tree: ast.AST) -> list[tuple[int, str]]:
    """Every ``chitieu.*`` module a file imports (at any depth), with its line."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "chitieu":
                out += [(node.lineno, f"chitieu.{a.name}") for a in node.names]
            elif node.module.startswith("chitieu."):
                out.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names if a.name.startswith("chitieu.")]
    return out


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_layer_imports_only_from_itself_and_below(path):
    layer = _layer(path)
    if layer in SHARED:
        return
    upward = []
    for line, module in _imported(ast.parse(path.read_text(encoding="utf-8"))):
        target = module.split(".")[1]
        if target in SHARED:
            continue
        if RANK[target] > RANK[layer]:
            upward.append(f"line {line}: {module}")
    assert not upward, f"{path.relative_to(ROOT)} ({layer}) imports a higher layer: {upward}"


# Where a process sets up its own environment (it does not read state from it): the warm server limits its
# numeric libraries to one thread before importing them, and a kernel it forks takes the environment Jupyter
# prepared for that kernel, as a standard kernel gets it from its launcher.
SETS_ITS_OWN_ENVIRONMENT = {"build/warmserver.py"}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_reads_the_environment(path):
    if str(path.relative_to(PACKAGE)) in SETS_ITS_OWN_ENVIRONMENT:
        text = path.read_text(encoding="utf-8")
        assert "os.environ.get" not in text and "os.getenv" not in text and "os.environ[" not in text
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    reads = [
        n.lineno
        for n in ast.walk(tree)
        if (
            isinstance(n, ast.Attribute)
            and n.attr in ("environ", "getenv", "putenv")
            and getattr(n.value, "id", "") == "os"
        )
    ]
    assert not reads, f"{path.relative_to(ROOT)} uses os.environ/os.getenv on lines {reads}: pass the value instead"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_too_long(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines (> {MAX_LINES}): split it by job"


def _docstring_nodes(tree: ast.AST) -> set[int]:
    nodes = set()
    for node in ast.walk(tree):
        is_scope = isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        if is_scope and ast.get_docstring(node) is not None:
            nodes.add(id(node.body[0].value))
    return nodes


def test_the_engine_does_not_name_the_town_its_wards_or_the_reports_indicators():
    with open(ROOT / "data" / "localities.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    places = {r["locality"] for r in rows} | {r["variant"] for r in rows} | {"Hương Trà"}
    with open(ROOT / "data" / "indicators.csv", encoding="utf-8") as handle:
        ids = {r["indicator_id"] for r in csv.DictReader(handle)}
    found = []
    for path in MODULES:
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(ROOT)}: {p!r}" for p in sorted(places) if p in text]
        tree = ast.parse(text)
        docs = _docstring_nodes(tree)
        found += [
            f"{path.relative_to(ROOT)}:{n.lineno}: indicator id {n.value!r}"
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs and n.value in ids
        ]
    assert not found, "report-specific names in the engine (move them to data/ or notebooks/huongtra):\n" + "\n".join(
        found
    )


def test_no_generated_chapter_copies():
    """One source per chapter: no generator, no committed source notebooks beside the .md chapters."""
    assert not (ROOT / "tools" / "nbsrc").exists()
    assert not list((ROOT / "notebooks").glob("*.ipynb"))
