"""Atomic publishing, on a temporary copy of the whole project: a failed ``make book`` changes nothing.

One copy is built once (module fixture). Then each failure — bad data, a chapter that raises, a Sphinx
warning — is introduced in the copy, ``python -m chitieu book`` must exit non-zero with a message that says
what to fix, and the published ``_build/html`` and ``book/`` must be byte-identical to what they were. Last,
a second build from scratch must give byte-identical executed notebooks and data exports.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_mutations import MUTATIONS, assert_reported

from chitieu.config import PROJ_ROOT as ROOT

IGNORE = shutil.ignore_patterns(
    ".venv", "_build", ".git", "__pycache__", ".pytest_cache", "*.egg-info", "staging", ".cache", ".ipynb_checkpoints"
)
TIMINGS: dict[str, float] = {}


def run_book(root: Path, label: str) -> subprocess.CompletedProcess:
    """``python -m chitieu --root COPY book --year 2023``, in a fresh process."""
    # The copy's own packages (src/, notebooks/huongtra) are imported, by the command and by the chapters'
    # kernels: the builds of this module all run the same code even if the checkout changes meanwhile.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "src"), str(root / "notebooks")])}
    env.pop("PYTEST_CURRENT_TEST", None)
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "chitieu", "--root", str(root), "book", "--year", "2023"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    TIMINGS[label] = time.perf_counter() - t0
    return proc


def tree(path: Path) -> dict[str, str]:
    """Every file (and link) under ``path`` with the sha256 of its bytes."""
    out = {}
    for item in sorted(path.rglob("*")):
        rel = str(item.relative_to(path))
        if item.is_symlink():
            out[rel] = "link:" + os.readlink(item)
        elif item.is_file():
            out[rel] = hashlib.sha256(item.read_bytes()).hexdigest()
    return out


def published(root: Path) -> dict[str, dict[str, str]]:
    return {"_build/html": tree(root / "_build" / "html"), "book": tree(root / "book")}


def assert_unchanged(root: Path, before: dict) -> None:
    after = published(root)
    for part in before:
        changed = sorted(set(before[part].items()) ^ set(after[part].items()))
        assert not changed, f"{part} changed by a failed build: {[name for name, _ in changed][:10]}"
    leftovers = [p.name for p in (root / "_build").iterdir() if p.name.startswith((".stage-", ".html-old-"))]
    assert not leftovers, f"temporary folders left behind: {leftovers}"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project with its site built and published once."""
    root = tmp_path_factory.mktemp("publish") / "project"
    shutil.copytree(ROOT, root, ignore=IGNORE)
    proc = run_book(root, "first build")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert (root / "_build" / "html" / "index.html").is_file()
    assert list((root / "book").glob("*.ipynb"))
    return root


@pytest.fixture
def restore(project):
    """Put back every file a test changes in the copy's sources (data, notebooks), whatever happens."""
    saved = {p: p.read_bytes() for d in ("data", "notebooks") for p in (project / d).rglob("*") if p.is_file()}
    saved[project / "_toc.yml"] = (project / "_toc.yml").read_bytes()
    yield project
    for path in [p for d in ("data", "notebooks") for p in (project / d).rglob("*") if p.is_file()]:
        if path not in saved:
            path.unlink()
    for path, data in saved.items():
        if path.read_bytes() != data:
            path.write_bytes(data)


@pytest.mark.parametrize(
    "mutation",
    ["observations/value decimal comma 13,7", "indicators/saved as Windows-1258", "raw/source changed by one byte"],
)
def test_bad_data_publishes_nothing(restore, mutation):
    root = restore
    before = published(root)
    expects = MUTATIONS[mutation](root / "data")
    proc = run_book(root, f"bad data ({mutation})")
    assert proc.returncode != 0
    for expect in expects:
        assert_reported(proc.stderr, expect)
    assert "Nothing was changed" in proc.stderr or "không" in proc.stderr.lower()
    assert_unchanged(root, before)


BROKEN_CHAPTER = """---
chitieu:
  scope: all
kernelspec: {display_name: Python 3, language: python, name: python3}
---

# Chương thử lỗi

```{code-cell}
:tags: [parameters]

report_year = 2023
data_dir = "../data"
build_context = None
```

Ô sau đây gây lỗi.

```{code-cell}
x = 1
raise RuntimeError("chương hỏng cố ý / deliberately broken")
```
"""


def add_chapter(root: Path, name: str, text: str) -> None:
    """Write ``notebooks/NAME.md`` and list it at the end of the last part of ``_toc.yml``."""
    (root / "notebooks" / f"{name}.md").write_text(text, encoding="utf-8")
    toc = root / "_toc.yml"
    toc.write_text(toc.read_text(encoding="utf-8") + f"      - file: book/{name}\n", encoding="utf-8")


def test_chapter_error_names_chapter_and_cell(restore):
    root = restore
    before = published(root)
    add_chapter(root, "99_broken", BROKEN_CHAPTER)
    proc = run_book(root, "chapter that raises")
    assert proc.returncode != 0
    err = proc.stderr
    assert "chapter 99_broken" in err, err[-3000:]
    assert "cell" in err.lower() and "RuntimeError" in err and "deliberately broken" in err, err[-3000:]
    # Which cell: papermill's index in the executed notebook (with its injected parameters cell: 4), and
    # where that is in the source: the 2nd code cell, whose fence is on line 19, starting "x = 1".
    assert "cell 4" in err, err[-3000:]
    assert "notebooks/99_broken.md, dòng/line 19: ô mã thứ 2 / code cell 2: x = 1" in err, err[-3000:]
    assert_unchanged(root, before)
    assert not (root / "book" / "99_broken.ipynb").exists()


def test_chapter_missing_from_the_contents_publishes_nothing(restore):
    root = restore
    before = published(root)
    (root / "notebooks" / "98_khong_co_trong_muc_luc.md").write_text(BROKEN_CHAPTER, encoding="utf-8")
    proc = run_book(root, "chapter not in _toc.yml")
    assert proc.returncode != 0
    assert "notebooks/98_khong_co_trong_muc_luc.md is not in _toc.yml" in proc.stderr, proc.stderr[-3000:]
    assert_unchanged(root, before)


def test_sphinx_warning_publishes_nothing(restore):
    root = restore
    source = sorted((root / "notebooks").glob("[0-9][0-9]_*.md"))[0]
    source.write_text(
        source.read_text(encoding="utf-8") + "\nXem thêm {ref}`nhan-khong-ton-tai-123`.\n", encoding="utf-8"
    )
    before = published(root)
    proc = run_book(root, "Sphinx warning")
    assert proc.returncode != 0
    out = proc.stdout + proc.stderr
    assert "nhan-khong-ton-tai-123" in out or "undefined label" in out, out[-3000:]
    assert "jupyter-book" in proc.stderr or "warning" in proc.stderr.lower(), proc.stderr[-3000:]
    assert_unchanged(root, before)


def test_an_edited_sentence_reaches_the_page(restore):
    """Edit a sentence of a chapter's one source (as an analyst would in JupyterLab), build, read the page."""
    root = restore
    source = root / "notebooks" / "07_y_te_dan_so.md"
    text = source.read_text(encoding="utf-8")
    old = "Báo cáo cho biết Trung tâm Y tế thị xã đã được xếp hạng bệnh viện"
    assert text.count(old) == 1
    sentence = "Câu này được thêm để kiểm tra rằng sửa nguồn chương thì trang đổi theo."
    source.write_text(text.replace(old, f"{sentence} {old}"), encoding="utf-8")
    proc = run_book(root, "one sentence edited")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "07_y_te_dan_so                           executed" in proc.stdout, proc.stdout
    page = (root / "_build" / "html" / "book" / "07_y_te_dan_so.html").read_text(encoding="utf-8")
    assert sentence in page
    assert sentence in (root / "book" / "07_y_te_dan_so.ipynb").read_text(encoding="utf-8")
    # Put the chapter back and publish it again (its earlier run comes from the cache), so that the
    # tests after this one find the site of the unedited sources.
    source.write_text(text, encoding="utf-8")
    proc = run_book(root, "sentence removed again (cached)")
    assert proc.returncode == 0 and "07_y_te_dan_so                           reused" in proc.stdout, proc.stdout
    assert sentence not in (root / "_build" / "html" / "book" / "07_y_te_dan_so.html").read_text(encoding="utf-8")


# Every export, provenance.json included (it records the commit, not the wall-clock time), must be
# byte-identical between two builds of the same inputs.
VOLATILE: dict[str, tuple[str, ...]] = {}


def snapshot_outputs(root: Path) -> dict[str, bytes]:
    files = {f"book/{p.name}": p.read_bytes() for p in sorted((root / "book").glob("*.ipynb"))}
    data = root / "_build" / "html" / "data"
    for path in sorted(data.rglob("*")):
        if not path.is_file():
            continue
        content = path.read_bytes()
        if path.name in VOLATILE:
            record = json.loads(content)
            for key in VOLATILE[path.name]:
                record.pop(key, None)
            content = json.dumps(record, sort_keys=True).encode()
        files[f"_build/html/data/{path.relative_to(data)}"] = content
    return files


def first_difference(a: bytes, b: bytes) -> str:
    try:
        lines = difflib.unified_diff(a.decode().splitlines(), b.decode().splitlines(), lineterm="", n=1)
        return "\n".join(list(lines)[:30])
    except UnicodeDecodeError:
        return "(binary)"


def test_two_builds_are_byte_identical(project):
    """Same inputs, second build from scratch (no chapter cache): same notebooks, same data exports."""
    first = snapshot_outputs(project)
    assert any(k.startswith("_build/html/data/") for k in first) and any(k.startswith("book/") for k in first)
    shutil.rmtree(project / ".cache", ignore_errors=True)
    proc = run_book(project, "second build (no cache)")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    second = snapshot_outputs(project)
    assert sorted(first) == sorted(second)
    differ = [name for name in first if first[name] != second[name]]
    assert not differ, f"not reproducible: {differ}\n{first_difference(first[differ[0]], second[differ[0]])}"


def test_report_timings():
    """Not a check: prints how long each whole build took (``pytest -s`` or ``-rA`` shows it)."""
    for label, seconds in TIMINGS.items():
        print(f"{label:<55} {seconds:6.1f} s")
