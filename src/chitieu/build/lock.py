"""One build at a time per project folder.

``make book YEAR=2022 & make book YEAR=2023`` in one tree must not interleave: the second build waits for
the first (saying so, with the first one's process id and year) and then runs on what the first left. The
lock is an ``flock`` on ``.cache/build.lock``: the system releases it when its holder exits, however it
exits (a build killed with ``kill -9`` leaves no stale lock).
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = Path(".cache") / "build.lock"


class BuildLocked(RuntimeError):
    """Another build holds the lock and the caller chose not to wait."""


def _holder(handle) -> str:
    handle.seek(0)
    try:
        info = json.loads(handle.read() or "{}")
    except ValueError:
        return "?"
    return f"pid {info.get('pid', '?')}, năm/year {info.get('report_year', '?')}"


@contextmanager
def build_lock(root: Path, report_year: int, wait: bool = True) -> Iterator[None]:
    """Hold the project's build lock for the duration of the ``with`` block.

    Raises
    ------
    BuildLocked
        When another build holds it and ``wait`` is False.
    """
    path = root / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(handle)
            if not wait:
                raise BuildLocked(
                    f"một lần dựng sách khác đang chạy ({holder}) / another build of this folder is running ({holder})"
                ) from None
            print(
                f"      đang chờ lần dựng khác xong ({holder}) / waiting for the build already running ({holder})",
                flush=True,
            )
            start = time.monotonic()
            fcntl.flock(handle, fcntl.LOCK_EX)
            print(f"      chờ / waited {time.monotonic() - start:.1f} s", flush=True)
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"pid": os.getpid(), "report_year": report_year}))
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
