"""Chapter kernels forked from a warm process: the imports are paid once per build, not once per chapter.

A chapter's kernel spends most of its start in imports (IPython and ipykernel, pandas, Altair and this
package: about 1,5 s of CPU, against a few hundred milliseconds of actual chapter work for the short
chapters). The build therefore starts one *fork server* that runs the chapters' own import statements
once (read from the notebooks), then forks a fresh kernel process for every chapter:

- Jupyter launches :mod:`chitieu.build.kernel_client` as the kernel (an ordinary kernel spec, written to a
  temporary ``JUPYTER_PATH``); the client passes its connection file, working folder, environment and
  standard streams to the server and relays signals and the exit code;
- the server forks; the child takes the client's folder, environment and streams, then runs
  ``IPKernelApp`` exactly as ``python -m ipykernel_launcher -f CONNECTION_FILE`` would.

Every chapter still runs in its own new process with nothing left from another chapter: the fork is
taken from the server, which never runs chapter code. Nothing read from the environment at import time
differs between chapters (the package reads its variables when called). The server is single-threaded,
so forking it is safe, and numerical libraries are told to use one thread for the same reason.

When the server cannot start (no ``fork``, an import failing), the build says so and uses the standard
``python3`` kernel: slower, same notebooks.
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

KERNEL_NAME = "chitieu-fork"
READY = "ready"
# Numerical libraries start thread pools at import; a process that forks must not have any.
SINGLE_THREAD_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
START_TIMEOUT_SECONDS = 60.0


def use_fork_server() -> bool:
    """Whether this platform can fork chapter kernels (``python -m chitieu book --standard-kernels`` opts out)."""
    return hasattr(os, "fork")


def chapter_imports(notebooks: list[Path]) -> list[str]:
    """The top-level ``import`` statements of the notebooks' code cells, in order, without repeats."""
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

    The statements come from the notebooks themselves (:func:`chapter_imports`), so a new import in a
    chapter is preloaded without a list to maintain; one that fails here is left for the chapter to report.
    """
    import altair as alt
    import ipykernel.kernelapp  # noqa: F401
    import pandas as pd

    for statement in chapter_imports(notebooks):
        try:
            exec(statement, {})  # noqa: S102 - import statements read from our own notebooks
        except Exception:  # noqa: BLE001 - the chapter will raise it where a reader can see it
            pass
    # Altair loads and compiles its JSON schema on the first validated chart: do it once, here.
    alt.Chart(pd.DataFrame({"x": [1]})).mark_point().encode(x="x:Q").to_dict()
    from chitieu.data.vnnum import format_vn

    format_vn(1234.5, 1)


def _run_kernel(connection_file: str, cwd: str, env: dict[str, str], fds: list[int]) -> None:
    """In the forked child: become the kernel the client asked for (never returns)."""
    code = 1
    try:
        for signum in (signal.SIGTERM, signal.SIGCHLD, signal.SIGHUP, signal.SIGQUIT):
            signal.signal(signum, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.set_wakeup_fd(-1)
        for target, fd in enumerate(fds[:3]):
            os.dup2(fd, target)
        for fd in fds:
            if fd > 2:
                os.close(fd)
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        # As ipykernel_launcher would; the parent's pid is read here, not when the server imported ipykernel.
        # Its log goes to the build's terminal: keep only critical messages there (the ever-present "running
        # over TCP without encryption" warning and the "KeyboardInterrupt caught" that Jupyter's interrupt at
        # every shutdown provokes are noise). Cell errors reach the build through papermill, not this log.
        argv = [
            "-f",
            connection_file,
            f"--IPKernelApp.parent_handle={int(env.get('JPY_PARENT_PID') or 0)}",
            "--IPKernelApp.log_level=CRITICAL",
        ]
        sys.argv = [sys.executable, "-m", "ipykernel_launcher", *argv]
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


def _read_request(conn: socket.socket) -> tuple[dict, list[int]]:
    head, fds, _, _ = socket.recv_fds(conn, 4, 3)
    while len(head) < 4:
        more = conn.recv(4 - len(head))
        if not more:
            raise ConnectionError("client closed before its request")
        head += more
    size = struct.unpack("!I", head)[0]
    body = b""
    while len(body) < size:
        more = conn.recv(size - len(body))
        if not more:
            raise ConnectionError("client closed during its request")
        body += more
    return json.loads(body), list(fds)


def serve(socket_path: str, notebooks: list[Path]) -> None:
    """Import what ``notebooks`` import, listen on ``socket_path``, fork one kernel per client until terminated."""
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
    kernels: dict[socket.socket, int] = {}
    parent = os.getppid()
    print(READY, flush=True)
    while not stopping:
        try:
            readable, _, _ = select.select([listener, wake_r, *kernels], [], [], 1.0)
        except InterruptedError:
            continue
        if os.getppid() != parent:  # the build died without stopping us (e.g. killed): so do we
            break
        for ready in readable:
            if ready is wake_r:
                try:
                    wake_r.recv(4096)
                except BlockingIOError:
                    pass
            elif ready is listener:
                conn, _ = listener.accept()
                try:
                    request, fds = _read_request(conn)
                except (ConnectionError, ValueError, OSError) as exc:
                    print(f"fork server: bad request ({exc})", file=sys.stderr, flush=True)
                    conn.close()
                    continue
                pid = os.fork()
                if pid == 0:
                    listener.close()
                    for other in kernels:
                        other.close()
                    conn.close()
                    wake_r.close()
                    wake_w.close()
                    _run_kernel(request["connection_file"], request["cwd"], request["env"], fds)
                for fd in fds:
                    os.close(fd)
                conn.sendall(struct.pack("!i", pid))
                kernels[conn] = pid
            elif not _still_there(ready):  # the client went away (Jupyter killed it): so does its kernel
                _kill(kernels[ready])
        for conn, pid in list(kernels.items()):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                try:
                    conn.sendall(struct.pack("!i", os.waitstatus_to_exitcode(status)))
                except OSError:
                    pass
                conn.close()
                del kernels[conn]
    for conn, pid in kernels.items():
        _kill(pid)
        os.waitpid(pid, 0)
        conn.close()
    listener.close()


def _still_there(conn: socket.socket) -> bool:
    """False once the client has closed its end (it never sends anything after its request)."""
    try:
        return bool(conn.recv(64))
    except OSError:
        return False


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _write_kernel_spec(folder: Path, socket_path: str) -> None:
    client = Path(__file__).with_name("kernel_client.py")
    spec = {
        "argv": [sys.executable, "-I", "-S", str(client), socket_path, "{connection_file}"],
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "interrupt_mode": "signal",
        "metadata": {"debugger": False},
    }
    target = folder / "kernels" / KERNEL_NAME
    target.mkdir(parents=True)
    (target / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")


class ForkServer:
    """A running fork server: ``kernel_name`` to give papermill, ``jupyter_path`` to prepend to ``JUPYTER_PATH``."""

    def __init__(self, notebooks: list[Path]) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="chitieu-fork-"))
        self.socket_path = str(self.folder / "s")
        env = {**os.environ, **SINGLE_THREAD_ENV}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "chitieu.build.forkkernel", self.socket_path, *map(str, notebooks)],
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        _write_kernel_spec(self.folder, self.socket_path)
        self.kernel_name = KERNEL_NAME
        self.jupyter_path = str(self.folder)

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
        """Stop the server (idempotent) and remove its socket and kernel spec."""
        if not self.folder.exists():
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout:
            self.process.stdout.close()
        for path in sorted(self.folder.rglob("*"), reverse=True):
            path.rmdir() if path.is_dir() else path.unlink()
        self.folder.rmdir()


@contextmanager
def fork_server(notebooks: list[Path]):
    """Start a fork server for ``notebooks`` (it imports in the background while the caller goes on);
    stop it on exit."""
    server = ForkServer(notebooks)
    try:
        yield server
    finally:
        server.close()


if __name__ == "__main__":
    serve(sys.argv[1], [Path(p) for p in sys.argv[2:]])
