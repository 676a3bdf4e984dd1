"""The process Jupyter starts as the kernel when chapters run on the fork server (:mod:`chitieu.build.forkkernel`).

Run by path with ``python -I -S`` (standard library only, so it starts in milliseconds): it asks the fork
server for a kernel bound to ``connection_file``, hands it this process's stdin/stdout/stderr, working
folder and environment, forwards the signals Jupyter sends (interrupt, terminate) and exits with the
kernel's exit code. When Jupyter kills this process, the server sees the connection close and kills the
kernel, so no kernel outlives its manager.

Usage: ``python -I -S kernel_client.py SOCKET CONNECTION_FILE``
"""

import json
import os
import signal
import socket
import struct
import sys


def main(argv: list[str]) -> int:
    socket_path, connection_file = argv[1], argv[2]
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    conn.connect(socket_path)
    request = json.dumps(
        {"connection_file": os.path.abspath(connection_file), "cwd": os.getcwd(), "env": dict(os.environ)}
    ).encode()
    socket.send_fds(conn, [struct.pack("!I", len(request))], [0, 1, 2])
    conn.sendall(request)
    reader = conn.makefile("rb")
    pid = struct.unpack("!i", reader.read(4))[0]

    def forward(signum, _frame):
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
        signal.signal(signum, forward)
    status = reader.read(4)
    return struct.unpack("!i", status)[0] if len(status) == 4 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
