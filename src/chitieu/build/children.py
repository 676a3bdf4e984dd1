"""Child processes of a build die with it.

A build killed with ``kill -9`` cannot clean up: the next build removes its stage (see
:func:`chitieu.build.publish.remove_leftovers`). That only holds if nothing keeps writing there, so the
processes a build starts (jupyter-book, the warm-kernel server) ask Linux to kill them when their parent dies
(``prctl(PR_SET_PDEATHSIG, SIGKILL)``). Elsewhere this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """For ``subprocess.Popen(preexec_fn=…)``: the child gets SIGKILL when the process that started it dies."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
