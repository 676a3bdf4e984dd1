"""Warm kernels (chitieu.build.warmkernel, chitieu.build.warmserver) behave like fresh ``python3`` kernels."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from importlib.metadata import entry_points
from pathlib import Path

import nbformat
import pytest
from traitlets.config import Config

from chitieu import config
from chitieu.build import pipeline, warmserver
from chitieu.build.execute import execute_chapter
from chitieu.build.pipeline import chapter_sources
from chitieu.build.warmkernel import PROVISIONER_NAME, WarmKernelManager, WarmKernelProvisioner
from chitieu.build.warmserver import (
    FOLDER_PREFIX,
    LEGACY_FOLDER_PREFIX,
    SOCKET_NAME,
    START_TIMEOUT_SECONDS,
    WarmKernelServer,
    chapter_imports,
    remove_stale_folders,
    warm_kernel_server,
)

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="warm kernels need fork()")
CHAPTERS = chapter_sources(config.PROJ_ROOT)
BROKEN_IMPORT = Path(__file__).parents[1] / "fixtures" / "broken_import"


@pytest.fixture(scope="module")
def server():
    with warm_kernel_server(CHAPTERS) as srv:
        assert srv.wait_ready(), "the warm kernel server did not come up"
        yield srv


def _manager(socket_path: str) -> WarmKernelManager:
    return WarmKernelManager(kernel_name="python3", config=Config({"WarmKernelManager": {"socket_path": socket_path}}))


async def _start(socket_path: str, **kwargs):
    km = _manager(socket_path)
    await km.start_kernel(**kwargs)
    kc = km.client()
    kc.start_channels()
    await kc.wait_for_ready(timeout=60)
    return km, kc


async def _run(client, code: str) -> str:
    """Execute ``code`` in the kernel; return what it printed (raise on an error reply)."""
    out: list[str] = []

    def hook(msg):
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            raise AssertionError("\n".join(msg["content"]["traceback"]))

    reply = await client.execute_interactive(code, output_hook=hook, timeout=60)
    assert reply["content"]["status"] == "ok", reply["content"]
    return "".join(out).strip()


async def _stop(km, kc, now: bool = False) -> None:
    kc.stop_channels()
    await km.shutdown_kernel(now=now)


def _running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's zombie lingers where init does not reap it)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.is_file() and stat.read_text().rsplit(")", 1)[1].split()[0] == "Z")


def _gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _running(pid):
            return True
        time.sleep(0.05)
    return False


def test_the_provisioner_is_registered_where_jupyter_looks_for_it():
    (entry,) = entry_points(group="jupyter_client.kernel_provisioners", name=PROVISIONER_NAME)
    assert entry.load() is WarmKernelProvisioner


def test_the_manager_uses_the_standard_spec_with_the_provisioner(server):
    spec = _manager(server.socket_path).kernel_spec
    assert spec.argv[1:3] == ["-m", "ipykernel_launcher"] and spec.display_name == "Python 3 (ipykernel)"
    assert spec.metadata["kernel_provisioner"] == {
        "provisioner_name": PROVISIONER_NAME,
        "config": {"socket_path": server.socket_path},
    }


def test_each_kernel_is_a_new_process_with_its_managers_folder_and_environment(server, tmp_path):
    async def body():
        env = {**os.environ, "CHITIEU_TEST_MARK": "một"}
        km1, kc1 = await _start(server.socket_path, cwd=str(tmp_path), env=env)
        km2, kc2 = await _start(server.socket_path)
        try:
            assert isinstance(km1.provisioner, WarmKernelProvisioner)
            pid1 = int(await _run(kc1, "import os; print(os.getpid())"))
            pid2 = int(await _run(kc2, "import os; print(os.getpid())"))
            assert pid1 != pid2 and pid1 == km1.provisioner.pid
            assert pid1 not in (os.getpid(), server.process.pid)
            assert await _run(kc1, "print(os.getppid())") == str(server.process.pid)  # forked, no relay between
            assert await _run(kc1, "print(os.getpgid(0) == os.getpid())") == "True"  # its own group, like Popen's
            assert await _run(kc1, "print(os.getcwd())") == str(tmp_path)
            assert await _run(kc1, "print(os.environ.get('CHITIEU_TEST_MARK'))") == "một"
            assert await _run(kc2, "print(os.environ.get('CHITIEU_TEST_MARK'))") == "None"
            # Warm: the chapter imports are already there before the first cell runs.
            warm = "import sys; print('pandas' in sys.modules and 'chitieu.book.glue' in sys.modules)"
            assert await _run(kc2, warm) == "True"
            # Nothing one chapter does reaches another.
            await _run(kc1, "import chitieu.config as c; c.LEAK = 1")
            assert await _run(kc2, "import chitieu.config as c; print(hasattr(c, 'LEAK'))") == "False"
        finally:
            await _stop(km1, kc1)
            await _stop(km2, kc2)
        assert not await km1.is_alive() and not await km2.is_alive()
        assert not _running(pid1) and not _running(pid2)

    asyncio.run(body())


def test_interrupt_reaches_the_kernel(server):
    async def body():
        km, kc = await _start(server.socket_path)
        try:
            msg_id = kc.execute(
                "import time\ntry:\n    time.sleep(30)\nexcept KeyboardInterrupt:\n    print('interrupted')"
            )
            await asyncio.sleep(1.0)
            await km.interrupt_kernel()
            reply = await kc.get_shell_msg(timeout=20)
            assert reply["parent_header"]["msg_id"] == msg_id
            assert await _run(kc, "print(1 + 1)") == "2"  # still alive after the interrupt
        finally:
            await _stop(km, kc, now=True)

    asyncio.run(body())


def test_the_server_reports_the_kernels_exit_code(server):
    async def body():
        km, kc = await _start(server.socket_path)
        try:
            kc.execute("import os; os._exit(3)")
            for _ in range(100):
                if not await km.is_alive():
                    break
                await asyncio.sleep(0.05)
            assert await km.provisioner.poll() == 3
        finally:
            await _stop(km, kc, now=True)

    asyncio.run(body())


def test_kill_stops_a_kernel_that_will_not_stop(server):
    async def body():
        km, kc = await _start(server.socket_path)
        pid = km.provisioner.pid
        await _run(kc, "import signal; signal.signal(signal.SIGTERM, signal.SIG_IGN)")
        await km.provisioner.terminate()
        await asyncio.sleep(0.5)
        assert await km.is_alive()  # SIGTERM ignored
        await _stop(km, kc, now=True)  # SIGKILL, through the server
        assert await km.provisioner.poll() == -signal.SIGKILL
        assert not _running(pid)

    asyncio.run(body())


def test_a_kernel_dies_with_the_process_that_launched_it(server, tmp_path):
    """No relay process: when the worker holding the provisioner is killed, the server kills its kernel."""
    script = tmp_path / "worker.py"
    script.write_text(
        "import asyncio, sys, time\n"
        "from traitlets.config import Config\n"
        "from chitieu.build.warmkernel import WarmKernelManager\n"
        "async def main():\n"
        "    km = WarmKernelManager(config=Config({'WarmKernelManager': {'socket_path': sys.argv[1]}}))\n"
        "    await km.start_kernel()\n"
        "    print(km.provisioner.pid, flush=True)\n"
        "    time.sleep(60)\n"
        "asyncio.run(main())\n",
        encoding="utf-8",
    )
    worker = subprocess.Popen([sys.executable, str(script), server.socket_path], stdout=subprocess.PIPE, text=True)
    pid = int(worker.stdout.readline())
    assert _running(pid)
    worker.kill()
    worker.wait()
    worker.stdout.close()
    if not _gone_within(pid, 5):
        os.kill(pid, signal.SIGKILL)
        pytest.fail(f"kernel {pid} outlived the process that launched it")


def test_a_dead_server_is_a_clear_error(tmp_path):
    async def body():
        km = _manager(str(tmp_path / "nobody" / SOCKET_NAME))
        with pytest.raises(RuntimeError, match="warm kernel server"):
            await km.start_kernel()

    asyncio.run(body())


def test_a_chapter_run_on_a_warm_kernel_is_identical_to_a_standard_run(server, tmp_path):
    """Same notebook bytes whichever kernel executed it (the executed notebook records ``python3``)."""
    book = tmp_path / "book"
    book.mkdir()
    (tmp_path / "data").symlink_to(config.PROJ_ROOT / "data", target_is_directory=True)
    source = config.PROJ_ROOT / "notebooks" / "10_quoc_phong_an_ninh.md"
    params = {"report_year": config.DEFAULT_REPORT_YEAR, "data_dir": "../data"}
    standard = execute_chapter(source, book / "standard.ipynb", params, book)
    warm = execute_chapter(source, book / "warm.ipynb", params, book, kernel_server=server.socket_path)
    assert standard.error is None and warm.error is None
    assert (book / "warm.ipynb").read_bytes() == (book / "standard.ipynb").read_bytes()
    nb = nbformat.read(str(book / "warm.ipynb"), as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"


def test_the_server_is_single_threaded_when_it_forks(server):
    tasks = Path(f"/proc/{server.process.pid}/task")
    if not tasks.is_dir():
        pytest.skip("no /proc on this platform")
    assert [p.name for p in tasks.iterdir()] == [str(server.process.pid)]


def test_close_stops_the_server_and_removes_its_folder():
    srv = WarmKernelServer(CHAPTERS)
    assert srv.wait_ready()
    folder = srv.folder
    assert (folder / SOCKET_NAME).is_socket()
    assert folder.stat().st_mode & 0o077 == 0  # only this user may ask for a kernel
    srv.close()
    srv.close()  # idempotent
    assert srv.process.poll() is not None
    assert not folder.exists()


def test_a_server_that_cannot_start_reports_it(monkeypatch):
    """A broken server (here: an import error at start) makes wait_ready False, so the build falls back."""
    monkeypatch.setenv("PYTHONPATH", str(BROKEN_IMPORT))
    srv = WarmKernelServer(CHAPTERS)
    try:
        assert srv.wait_ready(timeout=60) is False
    finally:
        srv.close()
    assert not srv.folder.exists()


def test_the_build_falls_back_to_standard_kernels_when_the_server_fails(capsys):
    class DeadServer:
        socket_path = "/nonexistent/s"

        def wait_ready(self):
            return False

    assert pipeline._kernel_for_chapters(DeadServer()) is None
    assert "python3" in capsys.readouterr().out
    assert pipeline._kernel_for_chapters(None) is None


def test_without_fork_or_provisioner_the_build_says_it_uses_standard_kernels(monkeypatch, capsys):
    import importlib.metadata

    assert warmserver.warm_kernels_unavailable() is None
    seen = []
    monkeypatch.setattr(pipeline, "_build", lambda *args: seen.append(args[4]))
    monkeypatch.setattr(warmserver, "can_fork", lambda: False)
    pipeline.build_book(config.DEFAULT_REPORT_YEAR, root=config.PROJ_ROOT)
    assert seen == [None]
    assert "no fork()" in capsys.readouterr().out
    monkeypatch.setattr(warmserver, "can_fork", lambda: True)
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **_: ())  # installed before the entry point
    pipeline.build_book(config.DEFAULT_REPORT_YEAR, root=config.PROJ_ROOT)
    assert seen == [None, None]
    assert "pip install --no-deps -e ." in capsys.readouterr().out
    pipeline.build_book(config.DEFAULT_REPORT_YEAR, root=config.PROJ_ROOT, warm_kernels=False)
    assert seen == [None, None, None]
    assert capsys.readouterr().out == ""


def test_the_server_stops_and_cleans_up_when_the_build_dies(tmp_path):
    """A build killed with SIGKILL cannot stop its server: the server notices, exits and removes its folder."""
    script = tmp_path / "build.py"
    script.write_text(
        "import time\n"
        "from chitieu.build.warmserver import WarmKernelServer\n"
        "srv = WarmKernelServer([])\n"
        "assert srv.wait_ready()\n"
        "print(srv.process.pid, srv.folder, flush=True)\n"
        "time.sleep(60)\n",
        encoding="utf-8",
    )
    build = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    pid, folder = build.stdout.readline().split()
    build.kill()
    build.wait()
    build.stdout.close()
    if not _gone_within(int(pid), 10):
        os.kill(int(pid), signal.SIGKILL)
        pytest.fail("the warm kernel server outlived the build that started it")
    assert not Path(folder).exists()


def test_stale_socket_folders_are_removed(tmp_path):
    """Folders of servers killed outright go; a live server's, a starting one's and other files stay."""
    old = time.time() - 2 * START_TIMEOUT_SECONDS

    def folder(name: str, listening: bool | None, age: float = old) -> Path:
        path = tmp_path / name
        path.mkdir()
        if listening is not None:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.bind(str(path / SOCKET_NAME))
            if listening:
                sock.listen(1)
                keep.append(sock)
            else:
                sock.close()  # the socket file stays, nobody listens: a dead server
        os.utime(path, (age, age))
        return path

    keep: list[socket.socket] = []
    dead = folder(FOLDER_PREFIX + "dead", listening=False)
    never_bound = folder(FOLDER_PREFIX + "nobind", listening=None)
    legacy = folder(LEGACY_FOLDER_PREFIX + "old", listening=False)
    live = folder(FOLDER_PREFIX + "live", listening=True)
    starting = folder(FOLDER_PREFIX + "starting", listening=None, age=time.time())
    other = folder("someone-else", listening=False)
    try:
        assert remove_stale_folders(tmp_path) == sorted([dead, legacy, never_bound])
    finally:
        for sock in keep:
            sock.close()
    assert live.is_dir() and starting.is_dir() and other.is_dir()
    assert not dead.exists() and not legacy.exists() and not never_bound.exists()


def test_chapter_imports_come_from_the_chapters(tmp_path):
    statements = chapter_imports(CHAPTERS)
    assert "from chitieu.book.glue import glue_text" in statements
    assert len(statements) == len(set(statements))
    assert any("huongtra" in s for s in statements)
    path = tmp_path / "01_test.md"
    path.write_text(
        "---\njupytext:\n  text_representation:\n    format_name: myst\nkernelspec:\n  name: python3\n"
        "  display_name: Python 3\n---\n\n# SYNTHETIC\n\n"
        "```{code-cell}\n%matplotlib inline\nimport json\nx = 1\nfrom os import path\n```\n\n"
        "```{code-cell}\ndef f(:\n    pass\n```\n\n"  # a cell that does not parse is skipped
        "import nothing\n",  # Markdown, not code
        encoding="utf-8",
    )
    assert chapter_imports([path]) == ["import json", "from os import path"]
