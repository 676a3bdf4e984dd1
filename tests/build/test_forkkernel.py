"""Kernels forked from the warm server behave like fresh ``python3`` kernels (chitieu.build.forkkernel)."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import nbformat
import pytest
from jupyter_client.manager import start_new_kernel

from chitieu import config
from chitieu.build.execute import execute_chapter
from chitieu.build.forkkernel import ForkServer, chapter_imports, fork_server, use_fork_server
from chitieu.build.pipeline import chapter_sources

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the fork server needs fork()")
CHAPTERS = chapter_sources(config.PROJ_ROOT)


@pytest.fixture(scope="module")
def server():
    with fork_server(CHAPTERS) as srv:
        assert srv.wait_ready(), "the fork server did not come up"
        saved = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = srv.jupyter_path
        try:
            yield srv
        finally:
            if saved is None:
                os.environ.pop("JUPYTER_PATH", None)
            else:
                os.environ["JUPYTER_PATH"] = saved


def _run(client, code: str) -> str:
    """Execute ``code`` in the kernel; return what it printed (raise on an error reply)."""
    out: list[str] = []

    def hook(msg):
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            raise AssertionError("\n".join(msg["content"]["traceback"]))

    reply = client.execute_interactive(code, output_hook=hook, timeout=60)
    assert reply["content"]["status"] == "ok", reply["content"]
    return "".join(out).strip()


def test_each_kernel_is_a_new_process_with_the_callers_folder_and_environment(server, tmp_path):
    os.environ["CHITIEU_TEST_MARK"] = "một"
    try:
        km1, kc1 = start_new_kernel(kernel_name=server.kernel_name, cwd=str(tmp_path))
    finally:
        os.environ.pop("CHITIEU_TEST_MARK")
    km2, kc2 = start_new_kernel(kernel_name=server.kernel_name)
    try:
        pid1 = _run(kc1, "import os; print(os.getpid())")
        pid2 = _run(kc2, "import os; print(os.getpid())")
        assert pid1 != pid2
        assert int(pid1) not in (os.getpid(), server.process.pid)
        assert _run(kc1, "print(os.getcwd())") == str(tmp_path)
        assert _run(kc1, "print(os.environ.get('CHITIEU_TEST_MARK'))") == "một"
        assert _run(kc2, "print(os.environ.get('CHITIEU_TEST_MARK'))") == "None"
        # Warm: the chapter imports are already there before the first cell runs.
        assert (
            _run(kc2, "import sys; print('pandas' in sys.modules and 'chitieu.book.charts' in sys.modules)") == "True"
        )
        # Nothing one chapter does reaches another.
        _run(kc1, "import chitieu.config as c; c.LEAK = 1")
        assert _run(kc2, "import chitieu.config as c; print(hasattr(c, 'LEAK'))") == "False"
    finally:
        for km, kc in ((km1, kc1), (km2, kc2)):
            kc.stop_channels()
            km.shutdown_kernel(now=False)
    assert not km1.is_alive() and not km2.is_alive()


def test_interrupt_reaches_the_kernel(server):
    km, kc = start_new_kernel(kernel_name=server.kernel_name)
    try:
        msg_id = kc.execute(
            "import time\ntry:\n    time.sleep(30)\nexcept KeyboardInterrupt:\n    print('interrupted')"
        )
        time.sleep(1.0)
        km.interrupt_kernel()
        reply = kc.get_shell_msg(timeout=20)
        assert reply["parent_header"]["msg_id"] == msg_id
        assert _run(kc, "print(1 + 1)") == "2"  # still alive after the interrupt
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def _running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's zombie lingers where init does not reap it)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.is_file() and stat.read_text().rsplit(")", 1)[1].split()[0] == "Z")


def test_killing_the_client_kills_the_kernel(server):
    km, kc = start_new_kernel(kernel_name=server.kernel_name)
    pid = int(_run(kc, "import os; print(os.getpid())"))
    kc.stop_channels()
    os.killpg(km.provisioner.pgid, signal.SIGKILL)  # what Jupyter does to a kernel that will not stop
    for _ in range(100):
        if not _running(pid):
            break
        time.sleep(0.05)
    else:
        pytest.fail(f"kernel {pid} outlived its client")
    km.cleanup_resources()


def test_a_chapter_run_on_the_fork_server_is_identical_to_a_standard_run(server, tmp_path):
    """Same notebook bytes whichever kernel executed it (the executed notebook records ``python3``)."""
    book = tmp_path / "book"
    book.mkdir()
    (tmp_path / "data").symlink_to(config.PROJ_ROOT / "data", target_is_directory=True)
    source = config.PROJ_ROOT / "notebooks" / "09_khcn_qlnn.ipynb"
    params = {"report_year": config.DEFAULT_REPORT_YEAR, "data_dir": "../data"}
    standard = execute_chapter(source, book / "standard.ipynb", params, book)
    forked = execute_chapter(source, book / "forked.ipynb", params, book, kernel_name=server.kernel_name)
    assert standard.error is None and forked.error is None
    assert (book / "forked.ipynb").read_bytes() == (book / "standard.ipynb").read_bytes()
    nb = nbformat.read(str(book / "forked.ipynb"), as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"


def test_close_stops_the_server_and_removes_its_files():
    srv = ForkServer(CHAPTERS)
    assert srv.wait_ready()
    folder = srv.folder
    assert (folder / "kernels" / srv.kernel_name / "kernel.json").is_file()
    srv.close()
    srv.close()  # idempotent
    assert srv.process.poll() is not None
    assert not folder.exists()


def test_a_server_that_cannot_start_reports_it(monkeypatch):
    """A broken server (here: an import error at start) makes wait_ready False, so the build falls back."""
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).parent / "fixtures" / "broken_import"))
    srv = ForkServer(CHAPTERS)
    try:
        assert srv.wait_ready(timeout=60) is False
    finally:
        srv.close()


def test_the_switch_turns_it_off(monkeypatch):
    monkeypatch.setenv("CHITIEU_FORK_KERNEL", "0")
    assert use_fork_server() is False
    monkeypatch.setenv("CHITIEU_FORK_KERNEL", "1")
    assert use_fork_server() is hasattr(os, "fork")


def test_build_falls_back_to_standard_kernels_when_the_server_fails(monkeypatch, capsys):
    from chitieu.build.pipeline import pipeline as build

    class DeadServer:
        kernel_name = "chitieu-fork"
        jupyter_path = "/nonexistent"

        def wait_ready(self):
            return False

    assert build._kernel_for_chapters(DeadServer()) == "python3"
    assert "python3" in capsys.readouterr().out
    assert build._kernel_for_chapters(None) == "python3"


def test_the_server_stops_when_the_build_dies(tmp_path):
    """A build killed with SIGKILL cannot stop its server: the server notices and exits by itself."""
    import subprocess
    import sys

    script = tmp_path / "build.py"
    script.write_text(
        "import sys, time\n"
        "from chitieu.build.forkkernel import ForkServer\n"
        "srv = ForkServer([])\n"
        "assert srv.wait_ready()\n"
        "print(srv.process.pid, flush=True)\n"
        "time.sleep(60)\n",
        encoding="utf-8",
    )
    build = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    server_pid = int(build.stdout.readline())
    build.kill()
    build.wait()
    for _ in range(100):
        if not _running(server_pid):
            return
        time.sleep(0.1)
    os.kill(server_pid, signal.SIGKILL)
    pytest.fail("the fork server outlived the build that started it")


def test_chapter_imports_come_from_the_notebooks(tmp_path):
    statements = chapter_imports(CHAPTERS)
    assert "from chitieu.book.glue import glue_text" in statements
    assert len(statements) == len(set(statements))
    assert any("huongtra" in s for s in statements)
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("%matplotlib inline\nimport json\nx = 1\nfrom os import path"),
            nbformat.v4.new_code_cell("def f(:\n    pass"),  # a cell that does not parse is skipped
            nbformat.v4.new_markdown_cell("import nothing"),
        ]
    )
    path = tmp_path / "n.ipynb"
    nbformat.write(nb, str(path))
    assert chapter_imports([path]) == ["import json", "from os import path"]
