"""Write files so that a reader never sees half of one: temp file in the same folder, flushed, then renamed.

Every file written this way is world-readable (mode 0644): published files are served by web servers that
run as another user, and ``mkstemp`` would otherwise leave them 0600.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

FILE_MODE = 0o644


def write_bytes_atomic(path: Path, data: bytes, mode: int = FILE_MODE) -> None:
    """Write ``data`` to ``path`` atomically (create parent folders as needed).

    The data are flushed to disk before the rename, so a crash leaves either the old file or the new one;
    a full disk raises ``OSError`` and leaves the old file (and no temporary file) in place.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str, mode: int = FILE_MODE) -> None:
    """Write UTF-8 ``text`` to ``path`` atomically, with ``\\n`` line ends."""
    write_bytes_atomic(path, text.encode("utf-8"), mode)
