"""The raw sources: immutable texts in ``data/raw`` with a sidecar each, checked by sha256."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from chitieu.data.errors import DataError


@dataclass(frozen=True)
class RawSource:
    """A raw text and its sidecar metadata."""

    path: Path
    meta: dict
    text: str


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _outside_raw_dir(raw_dir: Path, name) -> tuple[str, str] | None:
    """Why a sidecar's ``file`` may not be read (Vietnamese, English), or None when it names a file of ``raw_dir``.

    A source is a file of ``data/raw`` itself: a plain file name, not a path, not a link leading elsewhere.
    Nothing outside is opened or hashed, so no message can reveal another file of the machine.
    """
    if not isinstance(name, str) or not name:
        return ("thiếu tên tệp nguồn (khóa 'file')", "missing raw file name ('file' key)")
    if name in (".", "..") or "/" in name or "\\" in name or "\x00" in name:
        return (
            "'file' phải là tên một tệp trong data/raw, không phải đường dẫn",
            "'file' must name a file in data/raw, not a path",
        )
    target = raw_dir / name
    if target.is_symlink() and target.resolve().parent != raw_dir.resolve():
        return (
            "tệp nguồn là liên kết trỏ ra ngoài data/raw",
            "the raw file is a link that leads outside data/raw",
        )
    return None


def load_raw_sources(raw_dir: Path, errors: list[DataError]) -> list[RawSource]:
    """Load every ``*.meta.json`` sidecar of ``raw_dir`` and the file it describes, checking its sha256.

    A changed byte, a missing file or a sidecar without ``sha256`` is an error: the build must not run on a
    source that is not the one the data was extracted from.
    """
    sources: list[RawSource] = []
    sidecars = sorted(raw_dir.glob("*.meta.json"))
    if not sidecars:
        errors.append(
            DataError(
                str(raw_dir),
                None,
                None,
                None,
                "không có nguồn gốc nào (tệp *.meta.json) trong data/raw",
                "no raw source (*.meta.json sidecar) in data/raw",
            )
        )
    for sidecar in sidecars:
        name = f"data/raw/{sidecar.name}"
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            errors.append(DataError(name, None, None, None, f"JSON hỏng: {exc}", f"invalid JSON: {exc}"))
            continue
        problem = _outside_raw_dir(raw_dir, meta.get("file"))
        if problem:
            errors.append(DataError(name, None, "file", str(meta.get("file")), *problem))
            continue
        target = raw_dir / meta["file"]
        if not target.is_file():
            errors.append(
                DataError(name, None, "file", meta.get("file"), "tệp nguồn không tồn tại", "raw file not found")
            )
            continue
        actual = sha256_of(target)
        if actual != meta.get("sha256"):
            errors.append(
                DataError(
                    f"data/raw/{target.name}",
                    None,
                    "sha256",
                    actual,
                    f"tệp nguồn đã bị thay đổi: sha256 khác với {meta.get('sha256')} ghi trong {sidecar.name}; "
                    "dữ liệu gốc không bao giờ được sửa — hãy khôi phục tệp gốc",
                    f"raw file changed: sha256 differs from {meta.get('sha256')} in {sidecar.name}; "
                    "raw data is never edited — restore the original file",
                )
            )
            continue
        text = unicodedata.normalize("NFC", target.read_text(encoding="utf-8"))
        sources.append(RawSource(target, meta, text))
    return sources
