"""The warm kernel server: one process per build that imports what the chapters import, then forks a
fresh kernel for each chapter (requested by :class:`chitieu.build.warmkernel.WarmKernelProvisioner`).

A chapter's kernel spends most of its start in imports (IPython and ipykernel, pandas, Altair and this
package: about 1,5 s of CPU, against a few hundred milliseconds of actual chapter work for the short
chapters); here they are paid once per build. The server's child becomes ``IPKernelApp`` exactly as
``python -m ipykernel_launcher`` would, in the folder, environment and streams the provisioner sends.

Every chapter still runs in its own new process with nothing left from another chapter: the fork is taken
from the server, which never runs chapter code. The server is single-threaded, so forking it is safe, and
numerical libraries are told to use one thread for the same reason. It exits when the build that started it
dies, kills a kernel whose provisioner went away, and removes its socket folder; folders left by a build
killed together with its server are removed when the next server starts.

When the server cannot start (no ``fork``, an import failing), the build says so and uses the standard
``python3`` kernel: slower, same notebooks.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import socket
import stat
import struct
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from chitieu.build.children import die_with_parent

# The name the provisioner (chitieu.build.warmkernel) is registered under, in pyproject.toml.
PROVISIONER_NAME = "chitieu-warm"
PROVISIONER_GROUP = "jupyter_client.kernel_provisioners"
READY = "ready"
FOLDER_PREFIX = "chitieu-warm-"
# The previous design's folders (a relay kernel spec beside the socket): removed like ours once stale.
LEGACY_FOLDER_PREFIX = "chitieu-fork-"
SOCKET_NAME = "s"
# Numerical libraries start thread pools at import; a process that forks must not have any.
SINGLE_THREAD_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
START_TIMEOUT_SECONDS = 60.0
# A request is its length then JSON; the replies (pid, exit code) and the signals are signed 32-bit integers.
LENGTH = struct.Struct("!I")
FRAME = struct.Struct("!i")


def can_fork() -> bool:
    """Whether this platform can fork chapter kernels (``python -m chitieu book --standard-kernels`` opts out)."""
    return hasattr(os, "fork") and hasattr(socket, "AF_UNIX")


def warm_kernels_unavailable() -> str | None:
    """Why this machine cannot run chapters on warm kernels (Vietnamese / English), or ``None`` if it can."""
    if not can_fork():
        return "máy không có fork() / no fork() on this platform"
    from importlib.metadata import entry_points

    if not entry_points(group=PROVISIONER_GROUP, name=PROVISIONER_NAME):
        return (
            f"kernel provisioner {PROVISIONER_NAME} chưa được đăng ký, hãy chạy .venv/bin/pip install --no-deps -e . "
            f"/ the {PROVISIONER_NAME} provisioner is not registered: reinstall the package"
        )
    return None


def read_exactly(conn: socket.socket, size: int, first: bytes = b"") -> bytes:
    """``size`` bytes from ``conn`` (``first`` already read)."""
    data = first
    while len(data) < size:
        more = conn.recv(size - len(data))
        if not more:
            raise ConnectionError("connection closed early")
        data += more
    return data


def chapter_imports(notebooks: list[Path]) -> list[str]:
    """The top-level ``import`` statements of the chapters' code cells, in order, without repeats."""
    import ast

    from chitieu.build.execute import read_chapter

    statements: dict[str, None] = {}
    for path in notebooks:
        for cell in read_chapter(Path(path)).cells:
            if cell["cell_type"] != "code":
                continue
            text = cell["source"]
            source = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(("%", "!")))
            try:
                tree = ast.parse(source)
            except SyntaxError:
                continue
            for node in tree.body:
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    statements[ast.unparse(node)] = None
    return list(statements)


def preload(notebooks: list[Path]) -> None:
    """Import what the chapters import, and warm the caches they all fill the first time.

    The statements come from the chapters themselves (:func:`chapter_imports`), so a new import in a
    chapter is preloaded without a list to maintain; one that fails here is left for the chapter to report.
    """
    import altair as alt
    import ipykernel.kernelapp  # noqa: F401
    import pandas as pd

    for statement in chapter_imports(notebooks):
        try:
            exec(statement, {})  # noqa: S102 - import statements read from our own chapters
        except Exception:  # noqa: BLE001 - the chapter will raise it where a reader can see it
            pass
    # Altair loads and compiles its JSON schema on the first validated chart: do it once, here.
    alt.Chart(pd.DataFrame({"x": [1]})).mark_point().encode(x="x:Q").to_dict()
    from chitieu.data.vnnum import format_vn

    format_vn(1234.5, 1)


def _become_kernel(request: dict, fds: list[int]) -> None:
    """In the forked child: become the kernel the provisioner asked for (never returns)."""
    code = 1
    try:
        os.setsid()  # its own process group, as Jupyter's launcher gives a kernel (start_new_session)
        for signum in (signal.SIGTERM, signal.SIGCHLD, signal.SIGHUP, signal.SIGQUIT):
            signal.signal(signum, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.set_wakeup_fd(-1)
        for target, fd in enumerate(fds[:3]):
            os.dup2(fd, target)
        for fd in fds:
            if fd > 2:
                os.close(fd)
        os.chdir(request["cwd"])
        # The kernel's environment is the one Jupyter prepared for it, as a standard kernel gets from Popen.
        os.environ.clear()
        os.environ.update(request["env"])
        # As ipykernel_launcher would; the parent's pid is read here, not when the server imported ipykernel.
        # Its log goes to the build's terminal: keep only critical messages there (the ever-present "running
        # over TCP without encryption" warning and the "KeyboardInterrupt caught" that Jupyter's interrupt at
        # every shutdown provokes are noise). Cell errors reach the build through papermill, not this log.
        argv = [
            *request["argv"],
            f"--IPKernelApp.parent_handle={int(request['env'].get('JPY_PARENT_PID') or 0)}",
            "--IPKernelApp.log_level=CRITICAL",
        ]
        from importlib.util import find_spec

        sys.argv = [find_spec("ipykernel_launcher").origin, *request["argv"]]
        from ipykernel.kernelapp import IPKernelApp

        IPKernelApp.launch_instance(argv=argv)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:  # noqa: BLE001 - report and exit: this is a kernel process
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


@dataclass
class _Kernel:
    pid: int
    pending: bytes = b""
    provisioner_gone: bool = False


def send_request(conn: socket.socket, request: dict, fds: list[int]) -> None:
    """Ask the server for a kernel: ``request`` holds its ``argv`` (after ``-m ipykernel_launcher``), ``cwd``
    and ``env``; ``fds`` are its stdin, stdout and stderr. The server answers the kernel's pid (0 or less:
    it could not fork), then its exit code; the caller may send signal numbers meanwhile."""
    body = json.dumps(request).encode()
    socket.send_fds(conn, [LENGTH.pack(len(body))], fds)
    conn.sendall(body)


def _read_request(conn: socket.socket) -> tuple[dict, list[int]] | None:
    """The provisioner's request, or ``None`` for a connection closed at once (a liveness probe)."""
    conn.settimeout(10.0)
    head, fds, _, _ = socket.recv_fds(conn, LENGTH.size, 3)
    if not head:
        for fd in fds:
            os.close(fd)
        return None
    try:
        size = LENGTH.unpack(read_exactly(conn, LENGTH.size, head))[0]
        request = json.loads(read_exactly(conn, size))
    except BaseException:
        for fd in fds:
            os.close(fd)
        raise
    conn.setblocking(False)
    return request, list(fds)


def _signal(kernel: _Kernel, signum: int) -> None:
    """Signal the kernel's process group (not yet reaped, so the pid is still the kernel's)."""
    try:
        os.killpg(kernel.pid, signum)
    except (ProcessLookupError, PermissionError):
        try:
            os.kill(kernel.pid, signum)
        except ProcessLookupError:
            pass


def _from_provisioner(conn: socket.socket, kernel: _Kernel) -> None:
    try:
        data = conn.recv(64)
    except BlockingIOError:
        return
    except OSError:
        data = b""
    if not data:  # the provisioner's process went away (or let go of a running kernel): so does its kernel
        kernel.provisioner_gone = True
        _signal(kernel, signal.SIGKILL)
        return
    kernel.pending += data
    while len(kernel.pending) >= FRAME.size:
        signum = FRAME.unpack(kernel.pending[: FRAME.size])[0]
        kernel.pending = kernel.pending[FRAME.size :]
        _signal(kernel, signum)


def _reap(kernels: dict[socket.socket, _Kernel], block: bool = False) -> None:
    for conn, kernel in list(kernels.items()):
        done, status = os.waitpid(kernel.pid, 0 if block else os.WNOHANG)
        if not done:
            continue
        if not kernel.provisioner_gone:
            try:
                conn.setblocking(True)
                conn.sendall(FRAME.pack(os.waitstatus_to_exitcode(status)))
            except OSError:
                pass
        conn.close()
        del kernels[conn]


def serve(socket_path: str, notebooks: list[Path]) -> None:
    """Import what ``notebooks`` import, listen on ``socket_path``, fork one kernel per request until
    terminated or orphaned; then kill the kernels left and remove the socket and its folder."""
    parent = os.getppid()
    preload(notebooks)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(socket_path)
    listener.listen(64)
    wake_r, wake_w = socket.socketpair()
    wake_r.setblocking(False)
    wake_w.setblocking(False)
    signal.set_wakeup_fd(wake_w.fileno())
    stopping = False

    def stop(_signum, _frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    kernels: dict[socket.socket, _Kernel] = {}
    print(READY, flush=True)
    try:
        while not stopping and os.getppid() == parent:  # a build killed outright cannot stop us: we notice
            watched = [listener, wake_r, *(conn for conn, k in kernels.items() if not k.provisioner_gone)]
            try:
                readable, _, _ = select.select(watched, [], [], 1.0)
            except InterruptedError:
                continue
            for ready in readable:
                if ready is wake_r:
                    try:
                        wake_r.recv(4096)
                    except BlockingIOError:
                        pass
                elif ready is listener:
                    _accept(listener, kernels, [listener, wake_r, wake_w])
                else:
                    _from_provisioner(ready, kernels[ready])
            _reap(kernels)
    finally:
        for kernel in kernels.values():
            _signal(kernel, signal.SIGKILL)
        _reap(kernels, block=True)
        listener.close()
        _remove_folder(Path(socket_path).parent)


def _accept(listener: socket.socket, kernels: dict[socket.socket, _Kernel], own: list[socket.socket]) -> None:
    conn, _ = listener.accept()
    try:
        received = _read_request(conn)
    except (OSError, ValueError) as exc:
        print(f"warm kernel server: bad request ({exc})", file=sys.stderr, flush=True)
        conn.close()
        return
    if received is None:
        conn.close()
        return
    request, fds = received
    try:
        pid = os.fork()
    except OSError as exc:
        print(f"warm kernel server: cannot fork ({exc})", file=sys.stderr, flush=True)
        pid = -1
    if pid == 0:
        for sock in [*own, *kernels, conn]:
            sock.close()
        _become_kernel(request, fds)
    for fd in fds:
        os.close(fd)
    try:
        conn.setblocking(True)
        conn.sendall(FRAME.pack(pid))
        conn.setblocking(False)
    except OSError:
        pass  # its provisioner is already gone: the loop reads the closed connection and kills the kernel
    if pid > 0:
        kernels[conn] = _Kernel(pid)
    else:
        conn.close()


def _remove_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _listening(path: Path) -> bool:
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.settimeout(1.0)
        probe.connect(str(path))
        return True
    except OSError:
        return False
    finally:
        probe.close()


def remove_stale_folders(tmp: Path | None = None) -> list[Path]:
    """Remove the socket folders of servers that are gone (a build and its server killed together).

    A folder is stale when it is ours, older than a server's start and nobody listens on its socket.
    """
    tmp = Path(tmp or tempfile.gettempdir())
    removed = []
    for folder in sorted([*tmp.glob(FOLDER_PREFIX + "*"), *tmp.glob(LEGACY_FOLDER_PREFIX + "*")]):
        try:
            info = folder.lstat()
        except OSError:
            continue
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            continue
        if time.time() - info.st_mtime < START_TIMEOUT_SECONDS or _listening(folder / SOCKET_NAME):
            continue
        _remove_folder(folder)
        removed.append(folder)
    return removed


class WarmKernelServer:
    """A running warm kernel server: its ``socket_path`` is what the build passes to the chapters' runs."""

    def __init__(self, notebooks: list[Path]) -> None:
        remove_stale_folders()
        # A private folder (mode 0700): only this user can ask the server for a kernel.
        self.folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
        self.socket_path = str(self.folder / SOCKET_NAME)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "chitieu.build.warmserver", self.socket_path, *map(str, notebooks)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                text=True,
                preexec_fn=die_with_parent,
            )
        except BaseException:
            _remove_folder(self.folder)
            raise

    def wait_ready(self, timeout: float = START_TIMEOUT_SECONDS) -> bool:
        """Block until the server has imported everything; ``False`` if it died or timed out."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            readable, _, _ = select.select([self.process.stdout], [], [], max(0.0, deadline - time.monotonic()))
            if not readable:
                break
            line = self.process.stdout.readline()
            if not line:
                return False
            if line.strip() == READY:
                return True
        return False

    def close(self) -> None:
        """Stop the server and remove its folder (idempotent)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout:
            self.process.stdout.close()
        _remove_folder(self.folder)


@contextmanager
def warm_kernel_server(notebooks: list[Path]):
    """Start a warm kernel server for ``notebooks`` (it imports in the background while the caller goes
    on); stop it on exit."""
    server = WarmKernelServer(notebooks)
    try:
        yield server
    finally:
        server.close()


def main(argv: list[str]) -> None:
    # ipykernel_launcher's first step, so that a forked kernel's sys.path is a standard kernel's.
    if sys.path and (sys.path[0] == "" or Path(sys.path[0]) == Path.cwd()):
        del sys.path[0]
    # This process sets its own environment before importing the numerical libraries, which read it then.
    os.environ.update(SINGLE_THREAD_ENV)
    serve(argv[0], [Path(p) for p in argv[1:]])


if __name__ == "__main__":
    main(sys.argv[1:])
