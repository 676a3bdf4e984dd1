"""Chapter kernels forked from the build's warm server, started through Jupyter's documented hook.

The warm server (:mod:`chitieu.build.warmserver`) has imported what the chapters import; a kernel forked
from it starts in a few milliseconds instead of about 1,5 s. Jupyter starts kernels through a *kernel
provisioner* (``jupyter_client.provisioning``), chosen by the kernel spec's ``metadata.kernel_provisioner``:

- :class:`WarmKernelProvisioner` (entry point ``chitieu-warm`` in ``jupyter_client.kernel_provisioners``)
  prepares the connection file and the command line like Jupyter's ``LocalProvisioner``, then asks the
  server, over a UNIX socket it keeps open, to fork a kernel with that command line, the working folder,
  the environment and standard streams. Signals reach the kernel through that connection; the server,
  which is the kernel's parent and reaps it, sends its exit code back on it. No process sits in between.
- :class:`WarmKernelManager` is Jupyter's kernel manager with the standard ``python3`` kernel spec plus the
  provisioner and the server's socket in its metadata. :func:`notebook_client_options` hands it to papermill,
  which passes it on to nbclient (``kernel_manager_class``): no kernel spec is written, no environment
  variable set, and the executed notebook is the standard kernel's.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path
from typing import Any

from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from traitlets import Unicode

from chitieu.build.warmserver import FRAME, PROVISIONER_NAME, read_exactly, send_request

LAUNCH_TIMEOUT_SECONDS = 30.0


class WarmKernelProvisioner(LocalProvisioner):
    """A kernel forked by the warm server at ``socket_path`` instead of started with ``Popen``.

    :meth:`pre_launch` is ``LocalProvisioner``'s (ports, connection file, command line); the kernel's life
    is then followed through the connection to the server, which is its parent.
    """

    socket_path = Unicode(help="The warm kernel server's UNIX socket.").tag(config=True)

    _conn: socket.socket | None = None
    _pending: bytes = b""
    _exit_code: int | None = None

    @property
    def has_process(self) -> bool:
        return self.pid is not None

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> dict:
        if cmd[1:3] != ["-m", "ipykernel_launcher"] or os.path.abspath(cmd[0]) != os.path.abspath(sys.executable):
            raise RuntimeError(f"warm kernels run this interpreter's ipykernel only, not {cmd[:3]}")
        env = {**kwargs["env"], "JPY_PARENT_PID": str(os.getpid())}  # as Jupyter's launcher sets it
        cwd = str(kwargs.get("cwd") or Path.cwd())
        devnull = os.open(os.devnull, os.O_RDONLY)  # Jupyter gives a kernel a stdin nobody writes to
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            conn.settimeout(LAUNCH_TIMEOUT_SECONDS)
            conn.connect(self.socket_path)
            # Standard output and error: this process's, which a kernel started with Popen would inherit.
            send_request(conn, {"argv": cmd[3:], "cwd": cwd, "env": env}, [devnull, 1, 2])
            pid = FRAME.unpack(read_exactly(conn, FRAME.size))[0]
        except OSError as exc:
            conn.close()
            raise RuntimeError(f"warm kernel server {self.socket_path}: {exc}") from exc
        finally:
            os.close(devnull)
        if pid <= 0:
            conn.close()
            raise RuntimeError(f"warm kernel server {self.socket_path} could not fork a kernel")
        conn.setblocking(False)
        self._conn, self._pending, self._exit_code = conn, b"", None
        self.pid = self.pgid = pid  # the kernel leads its own process group, as with Jupyter's launcher
        self.cwd = cwd
        return self.connection_info

    async def poll(self) -> int | None:
        if self._exit_code is not None:
            return self._exit_code
        if self._conn is None:  # never launched, or let go of
            return 0
        try:
            data = self._conn.recv(FRAME.size - len(self._pending))
        except BlockingIOError:
            return None
        except OSError:
            data = b""
        self._pending += data
        if len(self._pending) == FRAME.size:
            self._exit_code = FRAME.unpack(self._pending)[0]
        elif not data:
            self.log.warning("warm kernel server closed the connection without the kernel's exit code")
            self._exit_code = 1
        return self._exit_code

    async def wait(self) -> int | None:
        while await self.poll() is None:
            await asyncio.sleep(0.1)
        self.pid = None
        return self._exit_code

    async def send_signal(self, signum: int) -> None:
        # Through the server, which has not reaped the kernel while it can still read this: never a stale pid.
        if self._conn is not None and await self.poll() is None:
            try:
                self._conn.sendall(FRAME.pack(signum))
            except OSError:
                pass

    async def kill(self, restart: bool = False) -> None:
        await self.send_signal(signal.SIGKILL)

    async def terminate(self, restart: bool = False) -> None:
        await self.send_signal(signal.SIGTERM)

    async def cleanup(self, restart: bool = False) -> None:
        if self._conn is not None:
            self._conn.close()  # a kernel still running when its provisioner lets go is killed by the server
            self._conn = None
        await super().cleanup(restart=restart)


class WarmKernelManager(AsyncKernelManager):
    """Jupyter's kernel manager with the standard kernel spec, launched by :class:`WarmKernelProvisioner`."""

    socket_path = Unicode(help="The warm kernel server's UNIX socket.").tag(config=True)

    @property
    def kernel_spec(self) -> KernelSpec | None:
        if self._kernel_spec is None and self.kernel_name:
            standard = self.kernel_spec_manager.get_kernel_spec(self.kernel_name)
            spec = KernelSpec(**standard.to_dict(), resource_dir=standard.resource_dir)
            provisioner = {"provisioner_name": PROVISIONER_NAME, "config": {"socket_path": self.socket_path}}
            spec.metadata = {**standard.metadata, "kernel_provisioner": provisioner}
            self._kernel_spec = spec
        return self._kernel_spec


def notebook_client_options(socket_path: str) -> dict[str, Any]:
    """Keyword arguments for ``papermill.execute_notebook`` (which hands them to nbclient's ``NotebookClient``)
    that run the notebook on a kernel forked by the server at ``socket_path``."""
    from traitlets.config import Config

    return {
        "kernel_manager_class": WarmKernelManager,
        "config": Config({"WarmKernelManager": {"socket_path": socket_path}}),
    }
