"""Publish the executed chapters and the site together, in one atomic step, and check what is published.

The published state is one folder, ``book/``: the executed chapters (``book/NN_name.ipynb``, committed), the
built site (``book/.site/``, ignored by git) and a manifest (``book/.manifest.json``: the site's input key
and the sha256 of every published file). ``_build/html`` is a symbolic link to ``../book/.site``, so the
documented place of the site does not move.

A build prepares a complete new folder beside it and swaps the two with one ``renameat2(RENAME_EXCHANGE)``
system call: a reader, or a build killed at any instant, sees either the whole old state or the whole new
one, never notebooks of one year with the site of another. The old folder, now in the stage, is then
deleted; leftovers of killed builds are removed by the next build (:func:`remove_leftovers`, under the
build lock). Where the exchange is not available (another OS or filesystem), two renames are used and the
gap between them is reported.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
from pathlib import Path

from chitieu.atomic import write_text_atomic

SITE_DIR = ".site"
MANIFEST = ".manifest.json"
STAGE_PREFIX = ".stage-"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _renameat2():
    try:
        func = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    func.restype = ctypes.c_int
    return func


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths atomically; ``False`` when this system cannot (then nothing moved)."""
    func = _renameat2()
    if func is None:
        return False
    if func(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (38, 22, 95):  # ENOSYS, EINVAL, EOPNOTSUPP: not supported here
        return False
    raise OSError(err, os.strerror(err), str(a), None, str(b))


def file_digests(folder: Path) -> dict[str, str]:
    """Relative path → sha256 of every file under ``folder`` (the manifest itself excluded)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != MANIFEST:
            out[path.relative_to(folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def write_manifest(folder: Path, site_key: str, report_year: int) -> None:
    """Record in ``folder`` the key of the inputs it was built from and the digest of every file in it."""
    record = {"site_key": site_key, "report_year": report_year, "files": file_digests(folder)}
    write_text_atomic(folder / MANIFEST, json.dumps(record, indent=0, sort_keys=True) + "\n")


def published_key(root: Path) -> str | None:
    """The site key of the published state when every published file is what its manifest says; else None.

    A page truncated or deleted by hand, a missing download or an unreadable manifest all mean the published
    state cannot be trusted, so the next build rebuilds instead of keeping it.
    """
    book = root / "book"
    try:
        record = json.loads((book / MANIFEST).read_text(encoding="utf-8"))
        recorded = record["files"]
        key = record["site_key"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not (book / SITE_DIR).is_dir() or file_digests(book) != recorded:
        return None
    return key if isinstance(key, str) else None


def html_link(root: Path) -> Path:
    return root / "_build" / "html"


def ensure_html_link(root: Path) -> None:
    """Make ``_build/html`` the link to ``../book/.site`` (a folder left there by an older build moves aside)."""
    link = html_link(root)
    target = Path("..") / "book" / SITE_DIR
    if link.is_symlink() and Path(os.readlink(link)) == target:
        return
    link.parent.mkdir(parents=True, exist_ok=True)
    tmp = link.with_name(f".html-link-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(target, target_is_directory=True)
    if link.is_dir() and not link.is_symlink():
        aside = link.with_name(f".html-old-{os.getpid()}")
        os.replace(link, aside)
        shutil.rmtree(aside, ignore_errors=True)
    os.replace(tmp, link)


def publish(root: Path, staged: Path) -> None:
    """Make ``staged`` (a complete ``book/`` folder: chapters, ``.site``, manifest) the published ``book/``.

    ``staged`` must be on the same filesystem as ``root`` (it lives under ``root/_build``). On return the
    old state is gone; on an exception nothing was published.
    """
    book = root / "book"
    ensure_html_link(root)
    if not book.exists():
        os.replace(staged, book)
        return
    if exchange(staged, book):
        shutil.rmtree(staged)
        return
    aside = staged.with_name(staged.name + "-old")
    os.replace(book, aside)
    os.replace(staged, book)
    shutil.rmtree(aside)


def remove_leftovers(root: Path) -> list[str]:
    """Delete what killed builds left in ``_build`` (stages, old sites, temporary links); return their names.

    Call only while holding the build lock (:mod:`chitieu.build.lock`): then no other build is using them.
    """
    build = root / "_build"
    if not build.is_dir():
        return []
    removed = []
    for path in sorted(build.iterdir()):
        if path.name.startswith((STAGE_PREFIX, ".html-old-", ".html-link-")):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path.name)
    return removed
