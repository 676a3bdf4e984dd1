"""``make lab``: a chapter opened in JupyterLab is its one source, and saving an edit writes that source.

JupyterLab opens and saves files through the Jupyter server's contents API, where jupytext serves
``notebooks/NN_name.md`` as a notebook. This test installs JupyterLab the way ``make lab`` does (first use
only; skipped with a message where it cannot be installed), starts a headless server on a temporary copy of
the chapters, opens a chapter as a notebook, edits a sentence, saves it, and checks what the file became.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from chitieu.book.registry import front_matter
from chitieu.build.execute import read_chapter
from chitieu.config import PROJ_ROOT as ROOT

CHAPTER = "07_y_te_dan_so.md"
TOKEN = "chitieu-test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def jupyter_bin() -> Path:
    """JupyterLab's ``jupyter`` after ``make lab``'s install step (its own venv, ``.venv-lab``)."""
    proc = subprocess.run(
        ["make", "-C", str(ROOT), ".venv-lab/.installed"], capture_output=True, text=True, timeout=900
    )
    exe = ROOT / ".venv-lab" / "bin" / "jupyter"
    if proc.returncode != 0 or not exe.is_file():
        pytest.skip(f"JupyterLab could not be installed (make lab's first step): {proc.stderr[-500:]}")
    return exe


@pytest.fixture
def server(jupyter_bin, tmp_path):
    """A Jupyter server (no browser) on a copy of notebooks/; yields (base URL, folder)."""
    folder = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", folder, ignore=shutil.ignore_patterns("__pycache__"))
    port = _free_port()
    proc = subprocess.Popen(
        [
            str(jupyter_bin),
            "server",
            "--no-browser",
            f"--port={port}",
            "--ip=127.0.0.1",
            f"--IdentityProvider.token={TOKEN}",
            f"--ServerApp.root_dir={folder}",
            "--allow-root",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _request(base, "GET", "/api/status")
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"jupyter server did not start: {proc.stderr.read()[-2000:]}")
                time.sleep(0.3)
        yield base, folder
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _request(base: str, method: str, path: str, body: dict | None = None) -> dict:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(f"{base}{path}", data=data, method=method)
    req.add_header("Authorization", f"token {TOKEN}")
    req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read() or b"{}")


def test_a_chapter_opens_as_a_notebook_and_an_edit_saves_into_its_source(server):
    base, folder = server
    before_text = (folder / CHAPTER).read_text(encoding="utf-8")
    model = _request(base, "GET", f"/api/contents/{CHAPTER}?type=notebook&content=1")
    assert model["type"] == "notebook"
    nb = model["content"]
    expected = read_chapter(folder / CHAPTER)
    assert [c["source"] for c in nb["cells"]] == [c.source for c in expected.cells]

    old = "Báo cáo cho biết Trung tâm Y tế thị xã đã được xếp hạng bệnh viện"
    sentence = "Một câu sửa trong JupyterLab."
    edited = [i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "markdown" and old in c["source"]]
    assert len(edited) == 1
    nb["cells"][edited[0]]["source"] = nb["cells"][edited[0]]["source"].replace(old, f"{sentence} {old}")
    _request(base, "PUT", f"/api/contents/{CHAPTER}", {"type": "notebook", "format": "json", "content": nb})

    after_text = (folder / CHAPTER).read_text(encoding="utf-8")
    assert sentence in after_text
    # The save changed that sentence and nothing else: the front matter (scope, topic) survives, every
    # other cell is as it was, and no paired .ipynb appeared.
    assert front_matter(folder / CHAPTER)["chitieu"] == front_matter(ROOT / "notebooks" / CHAPTER)["chitieu"]
    assert after_text.replace(f"{sentence} ", "") == before_text
    assert not (folder / CHAPTER.replace(".md", ".ipynb")).exists()


def test_the_kernel_lab_offers_is_the_builds_python(server):
    base, _ = server
    specs = _request(base, "GET", "/api/kernelspecs")
    assert specs["default"] == "python3"
    argv = specs["kernelspecs"]["python3"]["spec"]["argv"]
    assert Path(argv[0]) == Path(sys.executable).absolute()
