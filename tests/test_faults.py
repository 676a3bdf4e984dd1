"""Faults, in temporary copies of the project: what is published is always entirely the old state or the new.

- ``kill -9`` at each phase of a build (and at several instants of the publish step): the published
  ``book/`` + site is always one whole state (its manifest holds for every file, the notebooks, the site and
  its downloads are of one report year), and the next build removes the killed build's leftovers;
- two builds of one folder at once: the second waits, nothing interleaves;
- a damaged chapter cache entry is executed again (said in the output), never published;
- a published page truncated by hand, or a deleted download, is rebuilt instead of kept;
- a read-only ``_build`` or a full disk (a small tmpfs, where the machine allows mounting one) ends with one
  clear line and publishes nothing;
- two clean builds in two different folders give byte-identical published files.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chitieu.build.publish import MANIFEST, SITE_DIR, published_key
from chitieu.config import PROJ_ROOT as ROOT

IGNORE = shutil.ignore_patterns(
    ".venv", ".venv-lab", "_build", ".git", "__pycache__", ".pytest_cache", "*.egg-info", "staging", ".cache",
    ".site", ".manifest.json",
)  # fmt: skip
PHASES = ("[2/4]", "[3/4]", "[4/4]")


def _env(root: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "src"), str(root / "notebooks")])}
    env.pop("PYTEST_CURRENT_TEST", None)
    return env


def book_cmd(root: Path, year: int) -> list[str]:
    return [sys.executable, "-m", "chitieu", "--root", str(root), "book", "--year", str(year)]


def run_book(root: Path, year: int = 2023, timeout: int = 1800) -> subprocess.CompletedProcess:
    return subprocess.run(
        book_cmd(root, year), cwd=root, env=_env(root), capture_output=True, text=True, timeout=timeout
    )


def copy_project(dest: Path) -> Path:
    shutil.copytree(ROOT, dest, ignore=IGNORE)
    return dest


def published_year(root: Path) -> int:
    """The one report year of the published state; fails when its parts disagree or a file was damaged."""
    book = root / "book"
    assert published_key(root) is not None, "the published files do not match their manifest"
    record = json.loads((book / MANIFEST).read_text(encoding="utf-8"))
    years = {record["report_year"]}
    for nb in sorted(book.glob("*.ipynb")):
        years.add(json.loads(nb.read_text(encoding="utf-8"))["metadata"]["chitieu"]["parameters"]["report_year"])
    provenance = json.loads((book / SITE_DIR / "data" / "provenance.json").read_text(encoding="utf-8"))
    years.add(provenance["report_year"])
    assert len(years) == 1, f"published parts of different years: {years}"
    assert (root / "_build" / "html" / "index.html").is_file()
    return years.pop()


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project with the 2023 book built and published, and its cache warm for 2022 too."""
    root = copy_project(tmp_path_factory.mktemp("faults") / "project")
    for year in (2022, 2023):
        proc = run_book(root, year)
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert published_year(root) == 2023
    return root


def _kill_when(root: Path, year: int, marker: str, delay: float) -> str:
    """Start a build, ``kill -9`` it ``delay`` seconds after ``marker`` appears in its output; return the output."""
    proc = subprocess.Popen(
        book_cmd(root, year), cwd=root, env=_env(root), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    seen = []
    try:
        for line in proc.stdout:
            seen.append(line)
            if marker in line:
                time.sleep(delay)
                proc.send_signal(signal.SIGKILL)
                break
    finally:
        proc.wait(60)
        proc.stdout.close()
    return "".join(seen)


@pytest.mark.parametrize(
    ("marker", "delay"),
    [("[1/4]", 0.5), ("[2/4]", 0.0), ("[2/4]", 3.0), ("[3/4]", 0.0), ("[3/4]", 2.0), ("[4/4]", 0.0), ("[4/4]", 0.05)],
)
def test_kill_9_at_any_phase_leaves_one_whole_published_state(project, marker, delay):
    before = published_year(project)
    other = 2022 if before == 2023 else 2023
    output = _kill_when(project, other, marker, delay)
    assert marker in output, output[-2000:]
    assert published_year(project) in (before, other)
    # The next build removes what the killed one left and publishes a whole state again.
    proc = run_book(project, 2023)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert published_year(project) == 2023
    leftovers = [p.name for p in (project / "_build").iterdir() if p.name.startswith((".stage-", ".html-"))]
    assert not leftovers, leftovers


def test_two_builds_at_once_do_not_interleave(project):
    first = subprocess.Popen(
        book_cmd(project, 2022), cwd=project, env=_env(project), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip
    time.sleep(1.0)
    second = run_book(project, 2023)
    out_first = first.communicate(timeout=1800)[0]
    assert first.returncode == 0, out_first[-3000:]
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    assert "waiting for the build already running" in second.stdout, second.stdout
    assert published_year(project) == 2023  # the build that waited ran last, on its own


def test_a_damaged_cache_entry_is_executed_again_not_published(project):
    entries = sorted((project / ".cache" / "build" / "13_kiem_tra_so_lieu").glob("*.csv"))
    assert entries
    for csv_entry in entries:
        csv_entry.write_bytes(csv_entry.read_bytes()[:4096])  # as a full disk left it
    for nb in (project / ".cache" / "build" / "07_y_te_dan_so").glob("*.ipynb"):
        nb.write_text(nb.read_text(encoding="utf-8").replace("tỷ đồng", "TRIỆU đồng"), encoding="utf-8")
    shutil.rmtree(project / "book" / SITE_DIR)  # force the site to be rebuilt from the stage
    proc = run_book(project, 2023)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "cache entry damaged" in proc.stdout
    assert "13_kiem_tra_so_lieu                      executed" in proc.stdout
    published_csv = project / "_build" / "html" / "data" / "chapters" / "13_kiem_tra_so_lieu.csv"
    built = subprocess.run(
        [sys.executable, "-c", "import csv,sys; print(len(list(csv.reader(open(sys.argv[1], encoding='utf-8')))))",
         str(published_csv)], capture_output=True, text=True,
    )  # fmt: skip
    assert int(built.stdout) > 26, "a truncated export was published"
    assert "TRIỆU đồng" not in (project / "book" / "07_y_te_dan_so.ipynb").read_text(encoding="utf-8")


@pytest.mark.parametrize("damage", ["truncate a page", "delete a download", "garble the manifest"])
def test_a_damaged_published_tree_is_rebuilt_not_kept(project, damage):
    site = project / "book" / SITE_DIR
    if damage == "truncate a page":
        page = site / "book" / "07_y_te_dan_so.html"
        page.write_bytes(page.read_bytes()[:1000])
    elif damage == "delete a download":
        (site / "data" / "audit.csv").unlink()
    else:
        (project / "book" / MANIFEST).write_bytes(b"\x00\xffnot json")
    proc = run_book(project, 2023)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "site inputs unchanged" not in proc.stdout
    assert published_year(project) == 2023


def test_a_read_only_build_folder_publishes_nothing_and_says_so(tmp_path):
    root = copy_project(tmp_path / "ro")
    build = root / "_build"
    build.mkdir()
    if os.geteuid() == 0:
        # Root writes through mode bits: a read-only file system instead (an empty tmpfs, remounted ro).
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(build)], capture_output=True)
        if mounted.returncode != 0:
            pytest.skip(f"running as root and cannot mount a read-only tmpfs: {mounted.stderr.decode().strip()}")
        subprocess.run(["mount", "-o", "remount,ro", str(build)], check=True)
        undo = ["umount", str(build)]
    else:
        build.chmod(0o555)
        undo = ["chmod", "755", str(build)]
    try:
        proc = run_book(root, 2023)
    finally:
        subprocess.run(undo, check=False)
    assert proc.returncode == 1
    assert "nothing published" in proc.stderr.splitlines()[-1]
    assert "Traceback" not in proc.stderr


def test_a_full_disk_publishes_nothing_and_says_so(tmp_path):
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        root = mount / "project"
        shutil.copytree(ROOT, root, ignore=IGNORE)  # ~6 MB: the build needs more than what is left
        before = sorted(p.name for p in (root / "book").glob("*.ipynb"))
        proc = run_book(root, 2023, timeout=900)
        assert proc.returncode == 1, proc.stdout[-2000:]
        last = proc.stderr.strip().splitlines()[-1]
        assert "nothing published" in last, proc.stderr[-2000:]
        assert "Traceback" not in proc.stderr
        assert sorted(p.name for p in (root / "book").glob("*.ipynb")) == before
        assert not (root / "book" / SITE_DIR).exists()
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_two_clean_builds_in_two_folders_are_byte_identical(tmp_path):
    a = copy_project(tmp_path / "first" / "checkout")
    b = copy_project(tmp_path / "second-place" / "elsewhere" / "checkout")
    for root in (a, b):
        proc = run_book(root, 2023)
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    first, second = _tree(a / "book"), _tree(b / "book")
    assert sorted(first) == sorted(second)
    differ = [name for name in first if first[name] != second[name]]
    assert not differ, f"published files that depend on the build's folder or time: {differ[:10]}"
